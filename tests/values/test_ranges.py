"""A value naming two bounds allows any amount between them; compared as its first amount it contradicted
amounts inside the range."""

from __future__ import annotations

import pytest

from factcheck.extract.llm.values import normalize_value
from factcheck.values.ranges import stated_range
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
