"""One count of 100 or more given with two nouns ('4,200 residents' / '4,200 people') is one count; small counts,
measures, durations and money keep their units apart."""

from __future__ import annotations

from factcheck.align.alike import count_alike
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind, Value
from factcheck.testing import make_claim, make_source, make_value


def _count(text: str, amount: float, unit: str) -> Value:
    return make_value("number", text, f"{amount:g}", number=amount, unit=unit)


def test_one_amount_counted_with_two_nouns_is_one_count() -> None:
    assert count_alike(_count("187 homes", 187, "homes"), _count("187 houses", 187, "houses"))
    assert count_alike(_count("about 4,200 residents", 4200, "residents"), _count("4,200 people", 4200, "people"))


def test_small_counts_other_amounts_durations_and_measures_are_not() -> None:
    assert not count_alike(_count("two rows", 2, "rows"), _count("two moms", 2, "moms"))
    assert not count_alike(_count("187 homes", 187, "homes"), _count("190 houses", 190, "houses"))
    assert not count_alike(_count("120 days", 120, "days"), _count("120 people", 120, "people"))
    assert not count_alike(
        make_value("number", "155 mm", "0.155 m", number=155, unit="mm"),
        make_value("number", "155 inches", "3.937 m", number=155, unit="inches"),
    )


def _homes(source: str, key: str, attribute: str, value: Value, quote: str) -> Claim:
    return make_claim(source, key, attribute, value, quote=quote)


def test_two_outlets_counting_one_number_of_houses_in_other_nouns_agree() -> None:
    claims = [
        _homes("c", "homes", "number of homes", _count("187 homes", 187, "homes"), "The fire has destroyed 187 homes"),
        _homes(
            "d",
            "sitkum_ridge_fire",
            "houses destroyed",
            _count("187 houses", 187, "houses"),
            "the Sitkum Ridge fire destroyed 187 houses in the valley",
        ),
    ]
    findings = reconcile([make_source("c"), make_source("d")], claims)
    assert [f.kind for f in findings] == [FindingKind.AGREEMENT]
