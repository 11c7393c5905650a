"""The rounding of a figure: half a unit of its last kept digit, a whole figure kept to at least two digits."""

from __future__ import annotations

import pytest

from factcheck.values.rounding import half_digit, rounded


@pytest.mark.parametrize(
    ("figure", "half"), [("0.15", 0.005), ("2.95", 0.005), ("90000", 500.0), ("131", 0.5), ("5", 0.5)]
)
def test_half_a_unit_of_the_last_kept_digit(figure: str, half: float) -> None:
    assert half_digit(figure) == pytest.approx(half)


def test_a_figure_stands_for_the_range_it_rounds() -> None:
    assert rounded((0.15, 0.15, False, False), half_digit("0.15")) == pytest.approx((0.145, 0.155, False, False))
