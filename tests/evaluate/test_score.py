"""The scorer: one-to-one matching by span overlap and normalised value, figures per type."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.evaluate.score import format_score, score
from factcheck.models import Claim, Granularity, Period, Span, Value, ValueType


def claim(
    src: str,
    start: int,
    end: int,
    vtype: ValueType,
    norm: str,
    key: str = "k",
    attr: str = "a",
    number: float | None = None,
) -> Claim:
    period = (
        Period(start=date(2018, 3, 1), end=date(2018, 3, 31), granularity=Granularity.MONTH)
        if vtype == ValueType.DATE
        else None
    )
    value = Value(type=vtype, text=norm, normalized=norm, number=number, period=period)
    return Claim(
        source_id=src,
        subject=key,
        subject_key=key,
        attribute=attr,
        value=value,
        quote="x" * (end - start),
        span=Span(start=start, end=end),
        extractor="t",
    )


def test_exact_figures_on_a_small_case() -> None:
    gold = [
        claim("a", 0, 10, ValueType.DATE, "2018-03"),
        claim("a", 20, 30, ValueType.NUMBER, "5", number=5),
        claim("b", 0, 10, ValueType.MONEY, "USD 3000000"),
        claim("b", 40, 50, ValueType.ORDINAL, "7", number=7),
    ]
    predicted = [
        claim("a", 5, 15, ValueType.DATE, "2018-03"),  # overlaps, same value: match
        claim("a", 20, 30, ValueType.NUMBER, "5.0", number=5.0),  # same number written differently: match
        claim("b", 0, 10, ValueType.MONEY, "USD 2000000"),  # wrong amount
        claim("a", 40, 50, ValueType.ORDINAL, "7", number=7),  # right value, wrong source
        claim("b", 60, 70, ValueType.DATE, "2018-03"),  # no overlap
    ]
    result = score(predicted, gold)
    assert (result.facts.gold, result.facts.predicted) == (4, 5)
    assert result.facts.recall == pytest.approx(2 / 4)
    assert result.facts.precision == pytest.approx(2 / 5)
    assert result.by_type["date"].precision == pytest.approx(1 / 2)
    assert result.by_type["date"].recall == 1.0
    assert result.by_type["money"].recall == 0.0
    assert len(result.misses) == 2 and len(result.false_positives) == 3


def test_matching_is_one_to_one_and_prefers_same_slot() -> None:
    gold = [
        claim("a", 0, 40, ValueType.DATE, "2018-03", "talks", "last held"),
        claim("a", 0, 40, ValueType.DATE, "2018-03", "summit", "date"),
    ]
    predicted = [claim("a", 10, 20, ValueType.DATE, "2018-03", "summit", "date")]
    result = score(predicted, gold)
    assert result.facts.recall == 0.5 and result.facts.precision == 1.0
    assert result.matches[0][1].subject_key == "summit"
    assert result.slot_agreement == 1.0


def test_entity_and_text_values_compare_case_insensitively() -> None:
    gold = [claim("a", 0, 5, ValueType.ENTITY, "new_york"), claim("a", 10, 15, ValueType.TEXT, "Prime Minister")]
    predicted = [claim("a", 0, 5, ValueType.ENTITY, "New York"), claim("a", 10, 15, ValueType.TEXT, "prime minister")]
    result = score(predicted, gold)
    assert result.overall.recall == 1.0 and result.overall.precision == 1.0
    assert result.facts.gold == 0 and result.facts.recall == 1.0


def test_empty_inputs() -> None:
    result = score([], [])
    assert result.overall.precision == 1.0 and result.overall.recall == 1.0
    assert "facts" in format_score(result)


def test_text_values_match_by_content_words_and_an_exact_value_comes_first() -> None:
    gold = [
        claim("a", 0, 40, ValueType.TEXT, "acid on genitals", "girl", "attack"),
        claim("a", 0, 40, ValueType.TEXT, "poured acid on her boyfriend's genitals", "girl", "act"),
        claim("a", 50, 60, ValueType.ENTITY, "france"),
    ]
    predicted = [
        claim("a", 5, 30, ValueType.TEXT, "poured acid on her boyfriend's genitals", "girl", "attack"),
        claim("a", 50, 60, ValueType.TEXT, "in hiding in France"),
    ]
    result = score(predicted, gold)
    assert result.overall.matched_gold == 2 and result.overall.precision == 1.0
    assert result.matches[0][1].attribute == "act"  # the exact value, though the other gold shares the slot
    assert result.by_type["entity"].recall == 1.0 and result.by_type["text"].precision == 1.0


def test_a_price_of_one_thing_scores_by_its_currency_and_amount():
    """'$15,000 per bottle' (unit 'USD per bottle') matches gold written as $15,000 in USD."""
    from factcheck.evaluate.score import value_key
    from factcheck.testing import make_claim, make_value

    each = make_claim(
        "a", "wine", "price", make_value("money", "$15,000", "USD 15000", number=15000, unit="USD per bottle")
    )
    gold = make_claim("a", "wine", "price", make_value("money", "$15,000", "USD 15000", number=15000, unit="USD"))
    assert value_key(each) == value_key(gold) == ("money", "USD 15000")


def _worded(
    src: str, start: int, end: int, vtype: ValueType, text: str, norm: str, qualifier: str | None = None
) -> Claim:
    base = claim(src, start, end, vtype, norm, number=float(norm.split()[-1]))
    return base.model_copy(update={"value": base.value.model_copy(update={"text": text, "qualifier": qualifier})})


@pytest.mark.parametrize(
    ("vtype", "text", "low", "high"),
    [
        (ValueType.NUMBER, "300 to 400 students", "300", "400"),
        (ValueType.MONEY, "between $5,000 and $10,000", "USD 5000", "USD 10000"),
        (ValueType.NUMBER, "between 8 million and 12 million watches", "8000000", "12000000"),
    ],
)
def test_a_range_matches_a_gold_value_at_each_bound(vtype: ValueType, text: str, low: str, high: str) -> None:
    gold = [claim("a", 0, 20, vtype, low), claim("a", 0, 20, vtype, high)]
    result = score([_worded("a", 0, 20, vtype, text, low)], gold)
    assert (result.facts.matched_gold, result.facts.matched_predicted) == (2, 1)
    assert result.facts.precision == 1.0


def test_a_qualified_amount_or_a_single_amount_matches_only_its_own_value() -> None:
    gold = [claim("a", 0, 20, ValueType.NUMBER, "300"), claim("a", 0, 20, ValueType.NUMBER, "400")]
    for predicted in (
        _worded("a", 0, 20, ValueType.NUMBER, "more than 300 to 400", "300", qualifier="more_than"),
        _worded("a", 0, 20, ValueType.NUMBER, "300 students", "300"),
    ):
        assert score([predicted], gold).facts.matched_gold == 1
