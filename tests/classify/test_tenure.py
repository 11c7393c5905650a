"""An office told as text, then the dated act that ends or changes it in a later article: an update."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_source, make_value

PUBLISHED = {"a": "2024-02-10", "b": "2024-11-05", "c": "2025-01-20"}


def _run(claims: list[Claim]) -> list[Finding]:
    sources = [make_source(s, PUBLISHED[s]) for s in sorted({c.source_id for c in claims})]
    return reconcile(sources, claims)


def _joined(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind != FindingKind.SINGLE_SOURCE]


def _role(source: str, text: str, attribute: str = "role") -> Claim:
    quote = f"Mara Ellison, {text}, said the harbour would stay open."
    return make_claim(source, "mara_ellison", attribute, make_value("text", text), quote=quote)


def _act(source: str, attribute: str, text: str, iso: str) -> Claim:
    quote = f"Mara Ellison {attribute} in {text}."
    return make_claim(source, "mara_ellison", attribute, make_value("date", text, iso), time=iso, quote=quote)


def test_an_office_then_a_later_dated_resignation_in_another_article_is_an_update() -> None:
    role = _role("a", "the port authority's finance director")
    left = _act("b", "stepped down", "October", "2024-10")
    [update] = _joined(_run([left, role]))
    assert update.kind == FindingKind.UPDATE
    assert [e.claim_ids for e in update.timeline] == [[role.id], [left.id]]
    assert update.source_ids == ["a", "b"]


def test_one_act_told_by_two_articles_joins_one_update_with_every_earlier_office() -> None:
    first, second = _role("a", "finance director"), _role("b", "acting harbour master", "title")
    named = [
        _act("c", "appointed harbour master", "December", "2024-12"),
        _act("b", "appointed", "Dec. 2", "2024-12-02"),
    ]
    [update] = [f for f in _run([*named, first, second]) if f.kind == FindingKind.UPDATE]
    assert [e.claim_ids for e in update.timeline] == [[first.id], sorted(c.id for c in named)]
    assert update.source_ids == ["a", "b", "c"]


def test_an_act_dated_before_the_office_was_told_is_no_update() -> None:
    assert _joined(_run([_role("b", "finance director"), _act("c", "appointed", "March", "2024-03")])) == []


def test_an_office_and_an_act_of_one_article_are_no_update() -> None:
    assert _joined(_run([_role("a", "finance director"), _act("a", "resigned", "January", "2024-01")])) == []


def test_a_role_naming_no_office_or_an_act_of_no_change_is_no_update() -> None:
    assert _joined(_run([_role("a", "a witness"), _act("b", "resigned", "October", "2024-10")])) == []
    assert _joined(_run([_role("a", "finance director"), _act("b", "visited", "October", "2024-10")])) == []


def test_another_persons_act_is_no_update() -> None:
    other = make_claim("b", "tom_reyes", "retired", make_value("date", "October", "2024-10"), time="2024-10")
    assert _joined(_run([_role("a", "finance director"), other])) == []


def test_the_act_told_as_a_dated_state_or_after_an_auxiliary_is_an_update_too() -> None:
    role = _role("a", "finance director")
    quote = "Mara Ellison retired in October."
    retired = make_claim("b", "mara_ellison", "status", make_value("text", "retired"), time="2024-10", quote=quote)
    [update] = _joined(_run([role, retired]))
    assert [e.claim_ids for e in update.timeline] == [[role.id], [retired.id]]
    named = _act("c", "was named harbour master", "December", "2024-12")
    [update] = _joined(_run([role, named]))
    assert [e.claim_ids for e in update.timeline] == [[role.id], [named.id]]


def test_a_dated_state_of_no_change_is_no_update() -> None:
    open_ = make_claim("b", "mara_ellison", "status", make_value("text", "on leave"), time="2024-10")
    assert _joined(_run([_role("a", "finance director"), open_])) == []
