"""An estimate made precise later: a bounded figure told as a forecast, then an exact one told as settled."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _run(claims: list[Claim], published: dict[str, str] | None = None) -> list[Finding]:
    dates = published or {}
    sources = [make_source(s, dates.get(s)) for s in sorted({c.source_id for c in claims})]
    return reconcile(sources, claims)


def _fee(source: str, text: str, amount: int, quote: str, modality: str, qualifier: str | None = None) -> Claim:
    value = make_value("money", text, f"EUR {amount}", number=amount, unit="EUR", qualifier=qualifier)
    return make_claim(source, "harbour_club", "transfer fee", value, quote=quote, modality=modality)


def _rumour(source: str) -> Claim:
    quote = "The club is expected to pay more than 40 million euros for the striker, a newspaper said."
    return _fee(source, "more than 40 million euros", 40_000_000, quote, "expected", "more_than")


def _fee_paid(source: str, modality: str = "reported") -> Claim:
    quote = "The club signed the striker for a fee of 46 million euros."
    return _fee(source, "46 million euros", 46_000_000, quote, modality)


def _kinds(findings: list[Finding]) -> list[FindingKind]:
    return sorted(f.kind for f in findings if f.kind != FindingKind.SINGLE_SOURCE)


def test_a_bound_forecast_then_an_exact_settled_figure_is_an_update_estimate_first() -> None:
    rumour, paid = _rumour("a"), _fee_paid("b")
    [update] = [f for f in _run([paid, rumour]) if f.kind != FindingKind.SINGLE_SOURCE]
    assert update.kind == FindingKind.UPDATE
    assert [e.claim_ids for e in update.timeline] == [[rumour.id], [paid.id]]


def test_a_decision_announced_makes_an_estimate_precise_too() -> None:
    assert _kinds(_run([_rumour("a"), _fee_paid("b", "planned")])) == [FindingKind.UPDATE]


def test_a_rounded_forecast_then_a_more_precise_figure_is_an_update() -> None:
    quote = "The club is expected to pay 46 million euros for the striker."
    rounded = _fee("a", "46 million euros", 46_000_000, quote, "expected")
    precise = _fee("b", "46.3 million euros", 46_300_000, "The fee was 46.3 million euros.", "reported")
    assert _kinds(_run([rounded, precise])) == [FindingKind.UPDATE]


def test_a_forecast_of_the_same_amount_is_no_update() -> None:
    quote = "The club is expected to pay 46 million euros for the striker."
    forecast = _fee("a", "46 million euros", 46_000_000, quote, "expected")
    assert FindingKind.UPDATE not in _kinds(_run([forecast, _fee_paid("b")]))


def test_two_sources_of_the_estimate_still_agree_beside_the_update() -> None:
    kinds = _kinds(_run([_rumour("a"), _rumour("c"), _fee_paid("b")]))
    assert kinds == [FindingKind.AGREEMENT, FindingKind.UPDATE]


def test_a_bound_and_a_figure_both_told_as_settled_agree() -> None:
    quote = "The club paid more than 40 million euros for the striker."
    settled = _fee("a", "more than 40 million euros", 40_000_000, quote, "reported", "more_than")
    assert _kinds(_run([settled, _fee_paid("b")])) == [FindingKind.AGREEMENT]


def test_an_estimate_told_after_the_figure_is_no_update() -> None:
    findings = _run([_rumour("a"), _fee_paid("b")], {"a": "2024-08-02", "b": "2024-08-01"})
    assert FindingKind.UPDATE not in _kinds(findings)


def test_an_estimate_and_a_figure_of_one_article_are_no_update() -> None:
    assert _kinds(_run([_rumour("a"), _fee_paid("a")])) == []
