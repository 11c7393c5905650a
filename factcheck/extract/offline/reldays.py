"""Days named by reference to a day told before: 'that day', 'the next day', 'three days later'.

News tells a sequence of days once and then refers back: "The police service said in a Saturday post ... A
user with the very same name responded to the post that day"; "fronted up to the doctors early on Sunday
morning ... Later that morning he awoke to blisters". Such a phrase names the day it refers to, shifted by what
it says (lexicon `relative_days`; "N days later", "N weeks earlier" by their number). It refers to the last day
the article told, in its sentence before the phrase or in the REACH sentences before: a date to the day, or a
weekday an undated article leaves open. With no such day it names no day, and "three days later" is
left a length of time, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from factcheck import lexicon
from factcheck.extract.offline.values import Mention
from factcheck.extract.periods import day_period
from factcheck.extract.timeparse import NUMBER, iso, number_value, open_key
from factcheck.models import Granularity, Value, ValueType
from factcheck.values.opendates import weekday

REACH = 3  # sentences back a reference may reach for the day it refers to
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_WEEKDAYS = {n: w for w, n in lexicon.table("weekdays").items()}


@dataclass(frozen=True)
class ToldDay:
    """The last day an article told: its value (a date to the day, or an open weekday) and sentence number."""

    value: Value
    sentence: int


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon.table("relative_days"), key=len, reverse=True)
    counted = rf"(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)"
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + "|" + counted + r")\b", re.I)


def relative_phrases(text: str) -> list[tuple[int, int, int]]:
    """Each phrase naming a day by reference, as (start, end, days after the day referred to)."""
    table: dict[str, int] = lexicon.table("relative_days")
    out = []
    for m in _pattern().finditer(text):
        if m.group("n") is None:
            out.append((m.start(), m.end(), int(table[m.group(0).lower()])))
            continue
        count = number_value(m.group("n"))
        if count is not None:
            sign = 1 if m.group("dir").lower() == "later" else -1
            out.append((m.start(), m.end(), sign * int(count) * _UNIT_DAYS[m.group("unit").lower()]))
    return out


def day_told(value: Value) -> bool:
    """Whether a date value names one day a later reference may refer to: a date to the day, or a weekday alone."""
    if value.type != ValueType.DATE:
        return False
    if value.period is not None:
        return value.period.granularity == Granularity.DAY
    return weekday(value.normalized) is not None


def shifted(day: Value, days: int, text: str) -> Value | None:
    """The day `days` after a told day, written as `text`; None where it cannot be said (a weekday a week or more
    away names no day of its own)."""
    if day.period is not None:
        period = day_period(day.period.start + timedelta(days=days))
        return Value(type=ValueType.DATE, text=text, normalized=iso(period), period=period)
    named = weekday(day.normalized)
    if named is None or abs(days) >= 7:
        return None
    return Value(type=ValueType.DATE, text=text, normalized=open_key(_WEEKDAYS[(named + days) % 7]))


def counts_nothing(mention: Mention, found: list[Mention]) -> bool:
    """Whether a mention is a number inside a phrase read as a day by reference ('two days later')."""
    return any(d.kind == "date" and _counted(mention, d.start, d.end) for d in found)


def with_referred_days(text: str, found: list[Mention], told: ToldDay | None, sentence: int) -> list[Mention]:
    """A sentence's mentions with a date for each phrase that names a day by reference, resolved against the last
    day told before it: in this sentence, else `told` when at most REACH sentences back. A number inside a
    phrase so read is no count; unread, the phrase keeps its number as a length of time."""
    out = list(found)
    for start, end, days in relative_phrases(text):
        if any(m.start < end and start < m.end and not _counted(m, start, end) for m in out):
            continue
        before = [m for m in out if m.end <= start and m.kind == "date" and day_told(m.value)]
        if before:
            anchor: Value | None = max(before, key=lambda m: m.end).value
        else:
            anchor = told.value if told is not None and sentence - told.sentence <= REACH else None
        value = shifted(anchor, days, text[start:end]) if anchor is not None else None
        if value is not None:
            out = [m for m in out if not _counted(m, start, end)] + [Mention(start, end, "date", value)]
    return sorted(out, key=lambda m: m.start)


def _counted(mention: Mention, start: int, end: int) -> bool:
    """Whether a mention is a number inside the phrase at start:end ('two days' in 'two days later')."""
    return mention.kind != "date" and start <= mention.start and mention.end <= end
