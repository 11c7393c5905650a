"""A stated maximum and a measure above it are one fact in conflict; a measure within the maximum stays apart."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _litres(source: str, attribute: str, amount: float, qualifier: str | None, quote: str) -> Claim:
    value = make_value("number", f"{amount} litres", str(amount), number=amount, unit="litres", qualifier=qualifier)
    return make_claim(source, "tarn_kettle", attribute, value, quote=quote, subject="the Tarn kettle")


def _run(*claims: Claim) -> list[Finding]:
    return reconcile([make_source(s) for s in sorted({c.source_id for c in claims})], list(claims))


def test_a_measure_above_a_stated_maximum_is_a_contradiction() -> None:
    top = _litres("a", "maximum capacity", 1.5, "at_most", "The Tarn kettle holds up to 1.5 litres at most.")
    above = _litres("b", "capacity", 2.5, "about", "The Tarn kettle holds about 2.5 litres of water.")
    kinds = [f.kind for f in _run(top, above) if f.kind != FindingKind.SINGLE_SOURCE]
    assert kinds == [FindingKind.CONTRADICTION]


def test_a_measure_within_a_stated_maximum_stays_another_fact() -> None:
    top = _litres("a", "maximum capacity", 1.5, "at_most", "The Tarn kettle holds up to 1.5 litres at most.")
    within = _litres("b", "capacity", 1.2, "about", "The Tarn kettle holds about 1.2 litres of water.")
    kinds = [f.kind for f in _run(top, within) if f.kind != FindingKind.SINGLE_SOURCE]
    assert FindingKind.CONTRADICTION not in kinds
