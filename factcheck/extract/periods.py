"""Calendar periods for the time parser: a day, a month, a part of a month, the year a yearless date takes
from the tense, a weekday or a relative unit counted from the publication date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from factcheck.models import Granularity, Period

Tense = Literal["past", "future"]


def day_period(d: date) -> Period:
    return Period(start=d, end=d, granularity=Granularity.DAY)


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(start=date(year, month, 1), end=date(year, month, last), granularity=Granularity.MONTH)


def at_granularity(d: date, unit: str) -> Period:
    if unit == "weeks":
        monday = d - timedelta(days=d.weekday())
        return Period(start=monday, end=monday + timedelta(days=6), granularity=Granularity.WEEK)
    if unit == "months":
        return month_period(d.year, d.month)
    return Period(start=date(d.year, 1, 1), end=date(d.year, 12, 31), granularity=Granularity.YEAR)


def shift(d: date, unit: str, amount: float) -> date:
    n = int(amount)
    if unit in ("days", "hours"):
        return d + timedelta(days=n if unit == "days" else 0)
    if unit == "weeks":
        return d + timedelta(weeks=n)
    months = n * {"months": 1, "years": 12, "decades": 120, "centuries": 1200}[unit]
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def figures_date(first: int, second: int, year_text: str) -> Period | None:
    """A date written in figures ('3/15/2013', '15/3/2013', '1/12/14'). Month and day take the one order the
    numbers allow; where both orders give a real date and differ (US '1/12/14' is 12 January, British
    is 1 December), only the year is certain. A two-digit year follows POSIX strptime: 69-99 are 19xx, 00-68 20xx."""
    days = figures_readings(first, second, year_text)
    if not days:
        return None
    if len(days) == 1:
        return day_period(days[0])
    return Period(start=date(days[0].year, 1, 1), end=date(days[0].year, 12, 31), granularity=Granularity.YEAR)


def figures_readings(first: int, second: int, year_text: str) -> list[date]:
    """The real days a date in figures may be: month/day and day/month ('1/12/14': 12 January or 1 December)."""
    year = int(year_text) if len(year_text) == 4 else int(year_text) + (1900 if int(year_text) >= 69 else 2000)
    readings = dict.fromkeys((m, d) for m, d in ((first, second), (second, first)) if _real_day(year, m, d))
    return [date(year, m, d) for m, d in readings]


def _real_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def choose_year(candidates: dict[int, Period], anchor: date, tense: Tense | None) -> Period:
    """Pick the candidate nearest the anchor that fits the tense (past: starts on/before; future: ends on/after)."""

    def distance(p: Period) -> int:
        if p.start <= anchor <= p.end:
            return 0
        return min(abs((p.start - anchor).days), abs((p.end - anchor).days))

    options = list(candidates.values())
    if tense == "past":
        options = [p for p in options if p.start <= anchor] or options
    elif tense == "future":
        options = [p for p in options if p.end >= anchor] or options
    return min(options, key=distance)


def month_day(month: int, day: int, year: str | None, anchor: date | None, tense: Tense | None) -> Period | None:
    if year:
        try:
            return day_period(date(int(year), month, day))
        except ValueError:
            return None
    if anchor is None:
        return None
    candidates = {}
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates[y] = day_period(date(y, month, day))
        except ValueError:
            continue
    return choose_year(candidates, anchor, tense) if candidates else None


def part_of(part: str, start: date, end: date) -> Period:
    """Early / mid / late part of a month or year as a range."""
    p = part.lower()
    if start.month == 1 and end.month == 12 and start.year == end.year:  # a year: thirds of four months each
        first, last = (
            (1, 4)
            if p.startswith("early") or "beginning" in p or "start" in p
            else (5, 8)
            if p.startswith("mid") or "middle" in p
            else (9, 12)
        )
        return Period(
            start=date(start.year, first, 1), end=month_period(start.year, last).end, granularity=Granularity.RANGE
        )
    span = (end - start).days + 1
    third = span // 3
    if p.startswith("early") or "beginning" in p or "start" in p:
        a, b = start, start + timedelta(days=third - 1)
    elif p.startswith("mid") or "middle" in p:
        a, b = start + timedelta(days=third), start + timedelta(days=2 * third - 1)
    else:
        a, b = start + timedelta(days=2 * third), end
    return Period(start=a, end=b, granularity=Granularity.RANGE)


def part_month(part: str, month: int, year: str | None, anchor: date | None, tense: Tense | None) -> Period | None:
    if year:
        whole = month_period(int(year), month)
        return part_of(part, whole.start, whole.end)
    if anchor is None:
        return None
    candidates = {}
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        whole = month_period(y, month)
        candidates[y] = part_of(part, whole.start, whole.end)
    return choose_year(candidates, anchor, tense)


def yearless_month(month: int, anchor: date | None, tense: Tense | None) -> Period | None:
    if anchor is None:
        return None
    candidates = {y: month_period(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    return choose_year(candidates, anchor, tense)


def weekday_period(weekday: int, rel: str, anchor: date | None, tense: Tense | None) -> Period | None:
    if anchor is None:
        return None
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return day_period(anchor - timedelta(days=back or 7))
    if rel in ("next", "coming"):
        return day_period(anchor + timedelta(days=ahead or 7))
    if rel == "this":
        monday = anchor - timedelta(days=anchor.weekday())
        return day_period(monday + timedelta(days=weekday))
    if tense == "future":
        return day_period(anchor + timedelta(days=ahead))
    if tense == "past":
        return day_period(anchor - timedelta(days=back))
    return day_period(anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead))


def rel_unit(rel: str, unit: str, anchor: date | None) -> Period | None:
    if anchor is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[rel]
    if unit == "week":
        return at_granularity(anchor + timedelta(weeks=step), "weeks")
    if unit == "month":
        shifted = shift(date(anchor.year, anchor.month, 1), "months", step)
        return month_period(shifted.year, shifted.month)
    y = anchor.year + step
    return Period(start=date(y, 1, 1), end=date(y, 12, 31), granularity=Granularity.YEAR)


def rel_period(mod: str, unit: str, anchor: date | None) -> Period | None:
    """'later this month' = the rest of the month after the anchor; 'earlier this year' = before it."""
    if anchor is None:
        return None
    whole = rel_unit("this", unit, anchor)
    assert whole is not None
    if mod == "later":
        start = min(anchor + timedelta(days=1), whole.end)
        return Period(start=start, end=whole.end, granularity=Granularity.RANGE)
    end = max(anchor - timedelta(days=1), whole.start)
    return Period(start=whole.start, end=end, granularity=Granularity.RANGE)


def share_of_year(share: str, n: int, year: int) -> Period | None:
    """The n-th quarter or half of a year as its months: the second quarter of 2015 is April-June 2015."""
    months = 3 if share == "quarter" else 6
    if not 1 <= n <= 12 // months:
        return None
    last_month = months * n
    end = (date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)) - timedelta(days=1)
    return Period(start=date(year, months * (n - 1) + 1, 1), end=end, granularity=Granularity.RANGE)
