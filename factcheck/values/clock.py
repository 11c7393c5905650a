"""Two text values telling one time of day agree: "around 9 a.m. PDT" / "December 28 at approximately 9 a.m.".

A model without a type for times of day gives them as text, worded as each outlet words them. A value
that holds one clock time (an hour, minutes if given, and a half of the day from `clock_halves` in the
lexicon) agrees with another holding the same one, unless the two name different days (month or weekday
names, `extract_aliases_months_days`, or other numbers, different on both sides) or one denies ("not
before 9 a.m."). Two different times, or
one time on two days, are not compared ("7 a.m." / "7 p.m." share every word but the half of the day):
this reading finds agreement, never a conflict.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.models import Value, ValueType
from factcheck.values.meaning import denied
from factcheck.values.text import words
from factcheck.values.verdict import Verdict

NOON = 12


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """An hour, optional minutes and a half of the day, as the lexicon writes the halves."""
    halves = sorted(lexicon.words("clock_halves"), key=len, reverse=True)
    marks = "|".join(re.escape(h) for h in halves)
    return re.compile(rf"\b(\d{{1,2}})(?::(\d{{2}}))?\s*({marks})(?![a-z])", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _reading(text: str) -> tuple[tuple[int, int], frozenset[str]] | None:
    """The one clock time a text holds, as (hour of 24, minutes), and the words and numbers beside it naming a
    day; None without exactly one clock time."""
    found = list(_pattern().finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    hour, minutes = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= hour <= NOON or minutes > 59:
        return None
    half = int(lexicon.table("clock_halves")[match.group(3).lower()])
    rest = text[: match.start()] + " " + text[match.end() :]
    days = lexicon.words("extract_aliases_months_days")
    beside = frozenset(w for w in words(rest) if w in days or w.isdigit())
    return ((hour % NOON) + half, minutes), beside


def same_clock_time(a: Value, b: Value) -> bool:
    """Whether two text values tell one clock time and name no different days."""
    return clock_verdict(a, b) == Verdict.AGREE


def clock_verdict(a: Value, b: Value) -> Verdict | None:
    """AGREE for two text values telling one clock time of one day, UNKNOWN for two different clock times
    ('7 a.m.' / '7 p.m.' share every word but the half of the day), None when either tells no one clock time."""
    if a.type != ValueType.TEXT or b.type != ValueType.TEXT:
        return None
    ra, rb = _reading(a.text), _reading(b.text)
    if ra is None or rb is None:
        return None
    if ra[0] != rb[0] or (ra[1] - rb[1] and rb[1] - ra[1]) or denied(a) != denied(b):
        return Verdict.UNKNOWN
    return Verdict.AGREE
