"""Durations written in several units, or on a stopwatch: one value, in seconds.

"2 hours, 6 minutes and 58 seconds", "2hr 24min 10sec", "3 minutes 40 seconds" and "2:06:48" each tell one length
of time; read a unit at a time, the first would be "2 hours" and the last the number 2. They are read whole, as
seconds, so that "2:08:15" and "two hours, eight minutes and 15 seconds" agree and "2:06:48" and "2 hours, 6 minutes
and 58 seconds" do not. The unit spellings are `duration_parts` in the lexicon. A stopwatch reading has three parts
(h:mm:ss, or m:ss.d); two parts after a colon are a clock time ("14:52"), not a duration.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.extract.timeparse import NUMBER_WORDS
from factcheck.models import Value, ValueType

MOMENT_HOURS = 10  # a stopwatch reading of this many hours or more after 'at' is a time of day
_STAMPED = re.compile(r"\d{4}-\d{2}-\d{2}[ T]$")
_ZONED = re.compile(r"\s*(?:[+-]\d{2}:?\d{2}\b|Z\b|UTC\b|GMT\b)")
STOPWATCH = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.\d+)?(?![\d:]|\s*(?:a\.?m|p\.?m)\b)", re.I)


@lru_cache(maxsize=1)
def _parts() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, float]]:
    """A pattern for two or three amounts each with a unit of time, one for each amount and its unit, and seconds
    per spelling."""
    seconds: dict[str, float] = {}
    for row in lexicon.table("duration_parts").values():
        for spelling in row["as"]:
            seconds[str(spelling)] = float(row["seconds"])
    spellings = "|".join(sorted((re.escape(s) for s in seconds), key=len, reverse=True))
    numbers = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    amount = rf"(?:\d+(?:\.\d+)?|{numbers})"
    part = rf"{amount}[\s-]?(?:{spellings})\b"
    joiner = r"(?:\s*,\s*|\s+)(?:and\s+)?"
    whole = re.compile(rf"(?<![\w.]){part}(?:{joiner}{part}){{1,2}}", re.I)
    return whole, re.compile(rf"({amount})[\s-]?({spellings})\b", re.I), seconds


def compound_durations(text: str) -> list[tuple[int, int, Value]]:
    """(start, end, value in seconds) for each duration in `text` written in several units or on a stopwatch."""
    found: list[tuple[int, int, Value]] = []
    for m in STOPWATCH.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        moment = before.lower().endswith("at ") and int(m.group(1)) >= MOMENT_HOURS  # 'opened at 10:20:05'
        if moment or _STAMPED.search(before) or _ZONED.match(text[m.end() :]):
            continue  # '2015-01-26 16:07:16 -0500': a moment, not a length of time ('timed at 2:07:30' is one)
        clock = float(int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)))
        found.append((m.start(), m.end(), _seconds(m.group(0), clock)))
    pattern, one, per = _parts()
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in found):
            continue
        total: float = 0.0
        last: float | None = None
        for amount, unit in one.findall(m.group(0)):
            size = per.get(unit.lower())
            number = float(amount) if amount[0].isdigit() else NUMBER_WORDS.get(amount.lower())
            if size is None or number is None or (last is not None and size >= last):
                break  # units must fall: '6 minutes 2 hours' is no one length
            total, last = total + number * size, size
        else:
            found.append((m.start(), m.end(), _seconds(m.group(0), total)))
    return sorted(found, key=lambda f: f[0])


def _seconds(text: str, total: float) -> Value:
    amount = round(total, 1)
    plain = f"{amount:g}"
    return Value(type=ValueType.NUMBER, text=text, normalized=plain, number=amount, unit="seconds")
