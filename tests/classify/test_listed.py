"""Values an article lists side by side are several instances: another source giving them is no contradiction."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value

LIST = "Price points: $350, $550 and $950"


def _price(source: str, amount: int, quote: str) -> Claim:
    return make_claim(source, "price_points", "amount", make_value("money", f"${amount}", f"USD {amount}"), quote=quote)


def _kinds(claims: list[Claim]) -> list[FindingKind]:
    return sorted(f.kind for f in reconcile([make_source("a"), make_source("b")], claims))


def test_two_sources_giving_one_list_of_prices_agree_and_do_not_contradict() -> None:
    claims = [_price(s, amount, LIST) for s in ("a", "b") for amount in (350, 550, 950)]
    kinds = _kinds(claims)
    assert FindingKind.CONTRADICTION not in kinds
    assert kinds.count(FindingKind.AGREEMENT) == 3


def test_a_source_giving_one_value_of_another_sources_list_does_not_contradict_it() -> None:
    claims = [_price("a", amount, LIST) for amount in (350, 550, 950)]
    claims.append(_price("b", 350, "The watch will cost $350"))
    assert FindingKind.CONTRADICTION not in _kinds(claims)


def test_a_value_given_apart_from_the_list_still_contradicts_another_source() -> None:
    claims = [_price("a", 350, "The watch will cost $350"), _price("b", 400, "The watch will cost $400")]
    assert FindingKind.CONTRADICTION in _kinds(claims)


def test_one_value_in_a_list_against_a_source_stating_it_alone_differently_is_a_contradiction() -> None:
    claims = [_price("a", amount, LIST) for amount in (350, 550)]
    claims.append(_price("b", 400, "The watch will cost $400"))
    assert FindingKind.CONTRADICTION in _kinds(claims)


def test_two_versions_on_different_authority_in_one_sentence_are_no_list() -> None:
    told = "The club said the mayor opened the bridge, though the paper said the governor opened it"
    mayor = make_claim("a", "bridge", "opened by", make_value("text", "the mayor", "mayor"), quote=told)
    governor = make_claim("a", "bridge", "opened by", make_value("text", "the governor", "governor"), quote=told)
    mayor = mayor.model_copy(update={"attribution": "the club"}).with_id()
    governor = governor.model_copy(update={"attribution": "the paper"}).with_id()
    other = make_claim(
        "b", "bridge", "opened by", make_value("text", "the mayor", "mayor"), quote="The mayor opened it"
    )
    assert FindingKind.CONTRADICTION in _kinds([mayor, governor, other])
