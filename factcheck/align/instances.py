"""A numbered instance happens at one time: what is told of a later time without the number is another instance.

"The first security gathering was held in Seoul in June 1998" and "the two leaders are expected to meet in Seoul
on Sunday" (May 2024) give one place, so wording and value alone would join them; but the first gathering was
in 1998, and a meeting told of a time years away from it, with no order word, is a later one. Groups whose
values are not dates (a place, a count, a name) where one side carries a fixed order word ('first', 'second':
`fixed_orders` in the lexicon) and the other none, and whose own times lie more than FAR_DAYS apart, every
dated claim of one side from every dated claim of the other, are two instances and never join. Dates are left
out: there the time is the value, and two dates of one act may be in conflict ('first logged in on 26 February'
/ 'entered the network on Feb. 24'). Times near each other, or a side without its own time, decide nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from factcheck import lexicon
from factcheck.models import Claim, Granularity, Period
from factcheck.values.keys import instance_words, type_words
from factcheck.values.text import content_tokens
from factcheck.values.typed import TYPE_GROUP, value_period

FAR_DAYS = 366  # an act told of a time more than a year away from the numbered one is not that one


def other_instance(left: Sequence[Claim], right: Sequence[Claim], a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one side is a numbered instance (a fixed order word on that side only) told of a time far from
    every time the other side gives, so the two are two instances."""
    fixed = lexicon.words("fixed_orders")
    if bool(a & fixed) == bool(b & fixed) or not left or not right:
        return False
    if any(TYPE_GROUP[c.value.type] == "date" for c in (*left, *right)):
        return False
    times_left = [c.time for c in left if c.time is not None]
    times_right = [c.time for c in right if c.time is not None]
    if not times_left or not times_right:
        return False
    return all(_far(x, y) for x in times_left for y in times_right)


def other_year(left: Sequence[Claim], right: Sequence[Claim]) -> bool:
    """Whether one side is about a thing its subject dates to a year ('the 2017 Sitkum Creek fire · homes
    destroyed') and every claim of the other side, whose subject names no year, is told of a time more than
    FAR_DAYS from it: a past instance told as background, not the one the story is about."""
    years_left, years_right = _years(left), _years(right)
    if bool(years_left) == bool(years_right):
        return False
    years, other = (years_left, right) if years_left else (years_right, left)
    times = [c.time for c in other if c.time is not None]
    if not times:
        return False
    dated = [Period(start=date(y, 1, 1), end=date(y, 12, 31), granularity=Granularity.YEAR) for y in years]
    return all(_far(x, t) for x in dated for t in times)


def _years(claims: Sequence[Claim]) -> set[int]:
    """The years the claims' subject keys name ('2017_sitkum_creek_fire' -> 2017)."""
    return {
        int(w)
        for c in claims
        for w in c.subject_key.split("_")
        if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")
    }


def _far(x: Period, y: Period) -> bool:
    """Whether two periods are more than FAR_DAYS apart."""
    gap = max((y.start - x.end).days, (x.start - y.end).days)
    return gap > FAR_DAYS


def acts_apart(left: Sequence[Claim], right: Sequence[Claim]) -> bool:
    """Whether two sides date acts done to different things years apart: beyond the verb their attributes share,
    each names what was done in words the other lacks ('approved additional funding' September 2024 / 'budget
    approved' 2021), and every date of one lies more than FAR_DAYS from every date of the other: two approvals,
    not one told twice. Attributes sharing no word ('first logged in' / 'entered the network') decide nothing."""
    if not left or not right or any(TYPE_GROUP[c.value.type] != "date" for c in (*left, *right)):
        return False
    words_a, words_b = _attribute_words(left), _attribute_words(right)
    shared = words_a & words_b
    if not shared or not words_a - shared or not words_b - shared:
        return False
    days_a = [p for c in left if (p := value_period(c.value)) is not None]
    days_b = [p for c in right if (p := value_period(c.value)) is not None]
    return bool(days_a and days_b) and all(_far(x, y) for x in days_a for y in days_b)


def _attribute_words(claims: Sequence[Claim]) -> set[str]:
    """Stemmed content words of the claims' attributes, type and instance words set aside."""
    aside = type_words() | instance_words().keys()
    return {w for c in claims for w in content_tokens(c.attribute) if w not in aside}
