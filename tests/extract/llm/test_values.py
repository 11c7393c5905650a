"""Values of llm claims: the unit of a number written as a compound modifier."""

from __future__ import annotations

import pytest

from factcheck.extract.llm.values import normalize_value


@pytest.mark.parametrize(
    ("text", "unit"),
    [("2.1-mile", "mile"), ("9.4 miles", "miles"), ("18-day", "day"), ("500 homes", "homes"), ("9-2", None)],
)
def test_the_unit_of_a_number_follows_a_space_or_a_hyphen(text: str, unit: str | None) -> None:
    value = normalize_value(text, "number", None)
    assert value.unit == unit
