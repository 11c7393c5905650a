"""Two values telling one time of day agree: "around 9 a.m. PDT" / "December 28 at approximately 9 a.m.";
two telling times half an hour or more apart conflict: "about 9.15am" / "around 8.45am".

A model without a type for times of day gives them as text, or as a date whose words hold the time, worded as
each outlet words them. A value that holds one clock time (an hour, minutes if given after a colon or a point,
and a half of the day from `clock_halves` in the lexicon) agrees with another holding the same one, unless
one denies ("not before 9 a.m."). Two times CONFLICT_MINUTES or more apart (round the clock: 11 p.m. and
1 a.m. are two hours apart) conflict, since "around" and "shortly before" leave less room than that, unless
the two name different days (month or weekday names, `extract_aliases_months_days`, or other numbers,
different on both sides: another day may be another event) or different time zones (`time_zones`; "10am San
Francisco time" / "5pm in the UK" are one moment). Times nearer than that are not compared.
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
DAY_MINUTES = 24 * 60
CONFLICT_MINUTES = 30  # two times of one event this far apart or further conflict


def clock_pattern(groups: bool = True) -> str:
    """An hour, optional minutes after a colon or a point, and a half of the day as the lexicon writes the halves;
    with `groups`, the three parts captured."""
    marks = "|".join(re.escape(h) for h in sorted(lexicon.words("clock_halves"), key=len, reverse=True))
    hour, minutes, half = (r"(\d{1,2})", r"(\d{2})", f"({marks})") if groups else (r"\d{1,2}", r"\d{2}", f"(?:{marks})")
    return rf"{hour}(?:[:.]{minutes})?\s*{half}(?![a-z])"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """One clock time, its hour, minutes and half of the day captured."""
    return re.compile(rf"\b{clock_pattern()}", re.IGNORECASE)


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
    """Whether two values tell one clock time and name no different days."""
    return clock_verdict(a, b) == Verdict.AGREE


def holds_clock_time(value: Value) -> bool:
    """Whether a text or date value tells one time of day ('around 4.30am', 'shortly before 2am on Monday')."""
    return value.type in (ValueType.TEXT, ValueType.DATE) and _reading(value.text) is not None


def clock_verdict(a: Value, b: Value) -> Verdict | None:
    """AGREE for two values telling one clock time, DISAGREE for two CONFLICT_MINUTES or more apart on no
    days or zones named apart, UNKNOWN for other differing times; None when either tells no one clock time."""
    if not holds_clock_time(a) or not holds_clock_time(b):
        return None
    (time_a, days_a), (time_b, days_b) = _reading(a.text), _reading(b.text)  # type: ignore[misc]
    days_apart = bool(days_a - days_b and days_b - days_a)  # 'Sunday at 7 a.m.' / 'Monday at 7 a.m.'
    if denied(a) != denied(b) or days_apart:
        return Verdict.UNKNOWN
    if time_a == time_b:
        return Verdict.AGREE
    apart = abs((time_a[0] * 60 + time_a[1]) - (time_b[0] * 60 + time_b[1]))
    apart = min(apart, DAY_MINUTES - apart)
    if apart >= CONFLICT_MINUTES and _zones(a.text) == _zones(b.text):
        return Verdict.DISAGREE
    return Verdict.UNKNOWN


def _zones(text: str) -> frozenset[str]:
    """The time zones a text names ('PDT', 'UK time', 'San Francisco time': the word 'time' after the clock)."""
    said = words(text)
    zones = lexicon.words("time_zones")
    return frozenset(w for w in said if w in zones) | frozenset(["time"] if "time" in said else [])


@lru_cache(maxsize=1)
def _beside_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A clock time written just before a date ('shortly before 2am on Monday') and just after one ('Monday at
    3.40am'), with the words that may lead it (`clock_leads` in the lexicon)."""
    clock = _led_clock("*")
    before = re.compile(rf"({clock})\s+(?:on\s+)?$", re.IGNORECASE)
    after = re.compile(rf"^,?\s+(?:at\s+)?{clock}", re.IGNORECASE)
    return before, after


def with_clock_time(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a date in `text` widened by a clock time written right beside it, so that the date's value tells
    the time of day too ('shortly before 2am on Monday'); the span itself when none is."""
    before, after = _beside_patterns()
    if m := before.search(text[:start]):
        start = m.start(1)
    if m := after.match(text[end:]):
        end += m.end()
    return start, end


def _led_clock(leads: str) -> str:
    """A clock time with the words that may lead it (`clock_leads` in the lexicon), as many as `leads` says: '*'
    any, '+' at least one."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.words("clock_leads"), key=len, reverse=True))
    return rf"(?:(?:{words})\s+){leads}{clock_pattern(groups=False)}"


@lru_cache(maxsize=1)
def _told_pattern() -> re.Pattern[str]:
    """A clock time told as the time of an act: after 'at' or a word that leads a time ('at around 4.30am', 'shortly
    after 8 a.m.'), not 'as of 10.30 p.m.' nor 'by 9am' (when a tally was read, a deadline)."""
    return re.compile(rf"\b{_led_clock('+')}", re.IGNORECASE)


def told_clock_times(text: str) -> list[tuple[int, int]]:
    """The spans of the clock times `text` tells as the time of an act, with the words that lead them."""
    return [m.span() for m in _told_pattern().finditer(text)]
