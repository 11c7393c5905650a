"""A model's value that lists several amounts becomes one claim per amount; a range or one amount stays whole."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.extract.llm.listing import listed, listed_amounts
from factcheck.extract.llm.values import normalize_value
from factcheck.models import FindingKind, ValueType
from factcheck.testing import make_claim, make_source


@pytest.mark.parametrize(
    ("text", "kind", "pieces"),
    [
        ("$20, $45 and $80", ValueType.MONEY, ["$20", "$45", "$80"]),
        ("€1.2 million; €3 million", ValueType.MONEY, ["€1.2 million", "€3 million"]),
        ("4, 9 and 12 schools", ValueType.NUMBER, ["4 schools", "9 schools", "12 schools"]),
        ("between $5,000 and $10,000", ValueType.MONEY, []),
        ("from 40 to 60 beds", ValueType.NUMBER, []),
        ("$5,000 to $10,000", ValueType.MONEY, []),
        ("two or three boats", ValueType.NUMBER, []),
        ("1,200 homes", ValueType.NUMBER, []),
        ("5 feet 2 inches", ValueType.NUMBER, []),
        ("$3.5 billion", ValueType.MONEY, []),
        ("the 2019 and 2021 seasons", ValueType.TEXT, []),
    ],
)
def test_which_values_list_several_amounts(text: str, kind: ValueType, pieces: list[str]) -> None:
    assert listed_amounts(text, kind) == pieces


def _claim(source: str, text: str, subject: str = "ferry pass") -> object:
    value = normalize_value(text, "money", date(2025, 3, 1), f"Fares: {text}")
    return make_claim(source, subject.replace(" ", "_"), "fares", value, quote=f"Fares: {text}")


def test_each_listed_amount_is_a_claim_of_its_own_with_the_same_quote() -> None:
    claims = listed(_claim("a", "$20, $45 and $80"), date(2025, 3, 1))
    assert [c.value.normalized for c in claims] == ["USD 20", "USD 45", "USD 80"]
    assert {c.quote for c in claims} == {"Fares: $20, $45 and $80"}


def test_one_of_the_listed_amounts_from_another_source_is_no_contradiction() -> None:
    """Read as one value the list kept only its first amount, and '$80' contradicted it."""
    anchor = date(2025, 3, 1)
    claims = [*listed(_claim("a", "$20, $45 and $80"), anchor), _claim("b", "$80")]
    kinds = [f.kind for f in reconcile([make_source("a"), make_source("b")], claims)]
    assert FindingKind.CONTRADICTION not in kinds
    assert FindingKind.AGREEMENT in kinds
