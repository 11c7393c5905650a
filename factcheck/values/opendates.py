"""Dates an undated article leaves open ('open: jan. 17', 'open: september'), read for what they do say: a
month, and maybe its day, of a year not known.

Two such dates agree when they name one month (and one day, where both give it) and conflict when they name
different ones. Against a dated period shorter than a year, an open month-and-day agrees when every day of
the period falls on it, conflicts when none does ('around September' against 'the second quarter of 2015',
whatever the year), and is undecided otherwise.

A weekday alone ('open: monday', 'early Monday') is a day of the week the story happened in: two weekdays
given for one fact agree when they are one day and conflict otherwise ('airdropped early Monday' / 'at dawn on
Sunday'); against a dated day, the day's weekday decides. Other open dates ('open: last month') are left to
their words.
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from factcheck import lexicon
from factcheck.models import Value
from factcheck.values.verdict import Verdict

PREFIX = "open: "
YEAR_DAYS = 366


@lru_cache(maxsize=1)
def _full_names() -> dict[str, str]:
    """Every month word (name or abbreviation) -> the month's full name."""
    months: dict[str, int] = lexicon.table("months")
    full = {n: max((w for w, m in months.items() if m == n), key=len) for n in set(months.values())}
    return {word: full[n] for word, n in months.items()}


def open_words(text: str) -> str:
    """The words of an open date with each month written in full ('jan. 17' -> 'january 17')."""
    names = _full_names()
    return " ".join(names.get(w.rstrip("."), w) for w in text.split())


@lru_cache(maxsize=4096)
def month_and_day(normalized: str) -> tuple[int, int | None] | None:
    """(month, day or None) of an open date that names only a month and maybe its day ('open: january 17',
    'open: 17 january', 'open: september'); None for any other form."""
    if not normalized.startswith(PREFIX):
        return None
    months: dict[str, int] = lexicon.table("months")
    fillers = lexicon.words("open_date_fillers")
    words = [w.rstrip(".,") for w in normalized[len(PREFIX) :].split()]
    words = [w for w in words if w not in fillers]
    named = [months[w] for w in words if w in months]
    days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
    if len(named) != 1 or len(days) > 1 or len(named) + len(days) != len(words):
        return None
    return named[0], days[0] if days else None


@lru_cache(maxsize=4096)
def weekday(normalized: str) -> int | None:
    """The day of the week (Monday 0) of an open date that names only a weekday ('open: early monday'), else None."""
    if not normalized.startswith(PREFIX):
        return None
    days: dict[str, int] = lexicon.table("weekdays")
    fillers = lexicon.words("open_date_fillers") | lexicon.words("day_parts")
    words = [w.rstrip(".,") for w in normalized[len(PREFIX) :].split()]
    named = [w for w in words if w in days]
    if len(named) != 1 or any(w not in days and w not in fillers for w in words):
        return None
    return days[named[0]]


def _compare_weekdays(a: Value, b: Value) -> Verdict | None:
    """Two weekdays, or a weekday and a dated day: one day or two; None when neither names a weekday alone."""
    wa, wb = weekday(a.normalized), weekday(b.normalized)
    if wa is None and wb is None:
        return None
    if wa is not None and wb is not None:
        return Verdict.AGREE if wa == wb else Verdict.DISAGREE
    day, dated = (wa, b) if wa is not None else (wb, a)
    period = dated.period
    if period is None or period.start != period.end:
        return Verdict.UNKNOWN
    return Verdict.AGREE if period.start.weekday() == day else Verdict.DISAGREE


def compare_open(a: Value, b: Value) -> Verdict | None:
    """How two dates compare when at least one is an open month (and day) or weekday; None when neither is."""
    days = _compare_weekdays(a, b)
    if days is not None:
        return days
    ra, rb = month_and_day(a.normalized), month_and_day(b.normalized)
    if ra is None and rb is None:
        return None
    if ra is not None and rb is not None:
        if ra[0] != rb[0] or (ra[1] is not None and rb[1] is not None and ra[1] != rb[1]):
            return Verdict.DISAGREE
        return Verdict.AGREE
    reading, dated = (ra, b) if ra is not None else (rb, a)
    period = dated.period
    if reading is None or period is None or (period.end - period.start).days >= YEAR_DAYS:
        return None
    month, day = reading
    dates = [d for y in range(period.start.year, period.end.year + 1) if (d := _on(y, month, day)) is not None]
    inside = [d for d in dates if d[0] <= period.end and d[1] >= period.start]  # (first, last) day of each reading
    if not inside:
        return Verdict.DISAGREE
    first, last = inside[0]
    return Verdict.AGREE if len(inside) == 1 and first <= period.start and period.end <= last else Verdict.UNKNOWN


def _on(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    """The first and last day a month (or one of its days) covers in one year; None for a day it lacks."""
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last)
    return (date(year, month, day), date(year, month, day)) if day <= last else None
