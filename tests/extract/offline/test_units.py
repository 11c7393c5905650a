"""A letter after a number: a scale for money and counts, a unit of length beside a dimension word."""

from __future__ import annotations

import pytest

from factcheck.extract.offline.units import letter_unit


@pytest.mark.parametrize(
    ("before", "letter", "after", "unit"),
    [
        ("The crab grows up to ", "m", " across.", "meter"),
        ("It is ", "M", " tall.", "meter"),
        ("a ", "m", "-long yacht", "meter"),
        ("a ", "m", " (130ft) tower", "meter"),
        ("a leg span of up to ", "m", ".", "meter"),
        ("The firm raised ", "m", " last year.", None),
        ("The city has ", "m", " people.", None),
        ("The company lost $", "m", " in tall tales.", None),
        ("It cost EUR ", "m", " tower and all.", None),
        ("a ", "m", " long-term loan", None),
        ("She ran a ", "k", " race.", "kilometer"),
        ("The post got ", "k", " likes.", None),
        ("The post got ", "g", " across.", None),
    ],
)
def test_letter_unit(before: str, letter: str, after: str, unit: str | None) -> None:
    assert letter_unit(letter, before, after) == unit
