"""A measure and its own bracketed conversion are one statement: decided as the measure written first."""

from __future__ import annotations

from factcheck.classify.converted import without_conversions
from factcheck.classify.explain import Item
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.timescope import scope_of

SPAN = "Its tail can reach up to 2.5 meters (about 8 feet)"


def _length(source: str, text: str, number: float, metres: float, unit: str, quote: str, start: int = 0) -> Claim:
    value = make_value("number", text, f"{metres} m", number=number, unit=unit, qualifier="at_most")
    return make_claim(source, "sunfish", "length", value, quote=quote, start=start)


def _claims(metres: float) -> list[Claim]:
    own = _length("b", "up to 2.5 meters", 2.5, 2.5, "meters", SPAN[:37])
    converted = _length("b", "about 8 feet", 8, 2.5, "feet", SPAN)
    other = _length("a", f"up to {metres}m", metres, metres, "m", f"The sunfish can grow up to {metres}m")
    return [other, own, converted]


def _item(claim: Claim) -> Item:
    return Item(claim=claim, cid=claim.id, scope=scope_of(claim, None), cluster=claim.source_id, source=None)


def test_a_conversion_is_left_to_the_measure_it_converts() -> None:
    claims = _claims(2.4)
    kept = without_conversions([_item(c) for c in claims])
    assert [i.claim.value.text for i in kept] == ["up to 2.4m", "up to 2.5 meters"]


def test_another_sources_measure_near_the_conversion_contradicts_the_measure() -> None:
    findings = reconcile([make_source("a"), make_source("b")], _claims(2.4))
    contra = [f for f in findings if f.kind == FindingKind.CONTRADICTION]
    assert len(contra) == 1 and len(contra[0].claim_ids) == 2


def test_the_same_measure_in_two_units_in_two_sources_agrees() -> None:
    findings = reconcile([make_source("a"), make_source("b")], _claims(2.5))
    assert [f.kind for f in findings] == [FindingKind.AGREEMENT]


def test_the_same_measure_in_another_unit_elsewhere_in_the_article_is_its_own_claim() -> None:
    claims = _claims(2.4)
    far = _length("b", "about 8 feet", 8, 2.5, "feet", "The fish was about 8 feet", start=200)
    kept = without_conversions([_item(c) for c in [*claims[:2], far]])
    assert len(kept) == 3
