"""A value naming two bounds allows any amount between them; compared as its first amount it contradicted
amounts inside the range."""

from __future__ import annotations

import pytest

from factcheck.extract.llm.values import normalize_value
from factcheck.values.ranges import decade_range, stated_range
from factcheck.values.typed import compare
from factcheck.values.verdict import Verdict


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("between 30 and 45 volunteers", (30.0, 45.0)),
        ("$2,000 to $3,500", (2000.0, 3500.0)),
        ("12-15 beds", (12.0, 15.0)),
        ("between $4 million and $6 million", (4.0, 6.0)),
        ("from 3 to 5 years", (3.0, 5.0)),
        ("30 and 45", None),  # two amounts, no range opener: a list or two facts
        ("45 to 30", None),
        ("$20, $45 and $80", None),
        ("more than 30", None),
    ],
)
def test_which_values_state_a_range(text: str, bounds: tuple[float, float] | None) -> None:
    assert stated_range(text) == bounds


@pytest.mark.parametrize(
    ("other", "verdict"),
    [
        ("more than 30 volunteers", Verdict.AGREE),
        ("30 volunteers", Verdict.AGREE),
        ("40", Verdict.AGREE),
        ("45 volunteers", Verdict.AGREE),
        ("60 volunteers", Verdict.DISAGREE),
        ("20", Verdict.DISAGREE),
    ],
)
def test_an_amount_inside_the_range_agrees_one_outside_differs(other: str, verdict: Verdict) -> None:
    span = normalize_value("between 30 and 45 volunteers", "number", None)
    assert compare(span, normalize_value(other, "number", None)) == verdict


def test_a_money_range_keeps_its_scale() -> None:
    span = normalize_value("between $4 million and $6 million", "money", None)
    assert compare(span, normalize_value("$5.5 million", "money", None)) == Verdict.AGREE
    assert compare(span, normalize_value("$7 million", "money", None)) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("her early 20s", (20.0, 23.0)),
        ("in her teens", (13.0, 19.0)),
        ("his 40s", (40.0, 49.0)),
        ("their mid-twenties", (24.0, 26.0)),
        ("his late 30s", (37.0, 39.0)),
        ("13 teens", None),  # a count of teenagers
        ("the 1990s", None),
    ],
)
def test_an_age_by_decade_spans_its_years(text: str, years: tuple[float, float] | None) -> None:
    assert decade_range(text) == years


@pytest.mark.parametrize(
    ("other", "verdict"),
    [("in her teens", Verdict.DISAGREE), ("22 years", Verdict.AGREE), ("25 years", Verdict.DISAGREE)],
)
def test_an_age_by_decade_compares_as_its_years(other: str, verdict: Verdict) -> None:
    early_20s = normalize_value("in her early 20s", "number", None)
    assert early_20s.unit == "years"
    assert compare(early_20s, normalize_value(other, "number", None)) == verdict
