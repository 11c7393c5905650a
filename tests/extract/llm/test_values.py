"""Values of llm claims: the unit of a number written as a compound modifier."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract.llm.values import claim_time, measured_attribute, normalize_value


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2.1-mile", "mile"),
        ("9.4 miles", "miles"),
        ("18-day", "day"),
        ("two-year", "year"),
        ("twenty-one people", "people"),
        ("500 homes", "homes"),
        ("9-2", None),
    ],
)
def test_the_unit_of_a_number_follows_a_space_or_a_hyphen(text: str, unit: str | None) -> None:
    value = normalize_value(text, "number", None)
    assert value.unit == unit


@pytest.mark.parametrize("text", ["7 to 4", "eight of 11"])
def test_a_tally_has_no_unit(text: str) -> None:
    assert normalize_value(text, "number", None).unit is None


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("The attack on Larkspur Health Plan in March exposed the data of 2.3 million people.", "2025-03"),
        ("The vote in March will decide the budget.", "2026-03"),
    ],
)
def test_a_simple_past_right_after_a_date_makes_it_past(quote: str, expected: str) -> None:
    period = claim_time("March", date(2025, 6, 18), quote)
    assert period is not None and period.start.isoformat()[:7] == expected


@pytest.mark.parametrize(
    ("attribute", "value", "expected"),
    [
        ("reached", "more than three meters", "distance"),
        ("rose to", "almost three meters", "distance"),
        ("weighed", "310lb", "weight"),
        ("reached", "5,000 people", "reached"),  # a count names no dimension
        ("water level", "3 m", "water level"),  # a noun of its own stays
    ],
)
def test_a_measure_told_by_its_verb_alone_is_named_by_its_dimension(attribute: str, value: str, expected: str) -> None:
    assert measured_attribute(attribute, normalize_value(value, "number", None)) == expected
