"""Evidence beyond wording: one attribute, worded alike, given one distinctive value alike by different subjects.

Outlets name one person or thing differently ("The Playboy founder, 88" / "Hugh Hefner is 88 years of
age"; "nearly seven in 10 women" / "the company says 7 out of 10 women") but often word what they state
of it alike. When two groups carry the same attribute words (type words and verbs of saying set aside)
and give a value alike that is not a small bare count or a short state, alignment counts it as evidence
(slots.SAME_FORM_VALUE) toward a join of agreeing values; it never lets values in conflict join.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Granularity, Value, ValueType
from factcheck.values.keys import generic_units
from factcheck.values.opendates import month_and_day
from factcheck.values.text import words
from factcheck.values.typed import TIME_UNITS, TYPE_GROUP, Verdict, amount_of, compare_measures, unit_of, value_period

if TYPE_CHECKING:
    from collections.abc import Callable

    from factcheck.align.slots import Group

DISTINCT_AMOUNT = 10  # a bare count below this ('two rows', '3') is given alike by chance too often
COUNT_AMOUNT = 100  # one count of 100 or more given with two nouns ('4,200 residents' / '4,200 people') is one count
SAMPLE = 4  # claims of a group compared
SPECIFIC_AMOUNT = 100  # a bare count below this ('three', '5') is too common to be evidence


def distinctive(value: Value) -> bool:
    """A value whose being given alike says something: a date, a name, an amount of 10 or more or in a named unit."""
    group = TYPE_GROUP[value.type]
    if group == "date" or value.type == ValueType.ENTITY:
        return True
    if group in ("quantity", "money"):
        amount, unit = amount_of(value), unit_of(value)
        return amount is not None and (abs(amount) >= DISTINCT_AMOUNT or bool(unit and unit not in generic_units()))
    return False


def same_form_value(a: Group, b: Group, compare: Callable[[Value, Value], Verdict]) -> bool:
    """Whether two groups word their attribute alike and give one distinctive value alike, none against another."""
    if a.form.key != b.form.key or not a.form.core:
        return False
    left = [c.value for c in a.claims[:SAMPLE]]
    right = [c.value for c in b.claims[:SAMPLE]]
    verdicts = [(x, compare(x, y)) for x in left for y in right]
    if any(v == Verdict.DISAGREE for _, v in verdicts):
        return False
    return any(v == Verdict.AGREE and distinctive(x) for x, v in verdicts)


def count_alike(a: Value, b: Value) -> bool:
    """Whether two counts give one amount of 100 or more with different nouns counted ('about 4,200 residents' /
    '4,200 people'; '187 homes' / '187 houses'): the noun is the outlet's wording, not another thing. Measures
    (inches, kilograms) and durations compare by their units, and money by its currency, as before."""
    if a.type != ValueType.NUMBER or b.type != ValueType.NUMBER:
        return False
    ua, ub = unit_of(a), unit_of(b)
    if not ua or not ub or ua == ub or ua in TIME_UNITS or ub in TIME_UNITS or compare_measures(a, b) is not None:
        return False
    x, y = amount_of(a), amount_of(b)
    return x is not None and x == y and abs(x) >= COUNT_AMOUNT


def specific(value: Value) -> bool:
    """A value specific enough that two sources giving it alike likely mean one fact."""
    group = TYPE_GROUP[value.type]
    if group == "date":
        period = value_period(value)
        if period is None:  # an undated article's 'January 17': a day of no known year
            reading = month_and_day(value.normalized)
            return reading is not None and reading[1] is not None
        return period.granularity in (Granularity.DAY, Granularity.MONTH)
    if group in ("quantity", "money"):
        amount = amount_of(value)
        unit = unit_of(value)
        return amount is not None and (abs(amount) >= SPECIFIC_AMOUNT or bool(unit and unit not in generic_units()))
    return value.type == ValueType.ENTITY and len(words(value.normalized)) >= 1
