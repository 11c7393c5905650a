"""Text values that differ in words yet can both be true, and those that cannot."""

from __future__ import annotations

from factcheck.classify.compatible import described_alike, may_both_hold
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value
from factcheck.values.verdict import Verdict


def _said(source: str, attribute: str, text: str) -> Claim:
    return make_claim(source, "cheng", attribute, make_value("text", text, text.lower()))


def test_a_kind_of_person_and_a_broader_kind_both_hold() -> None:
    assert may_both_hold(
        _said("a", "relation", "husband"), _said("b", "relation", "bed-hopping partner"), Verdict.DISAGREE
    )


def test_two_kinds_of_one_broader_kind_conflict() -> None:
    assert not may_both_hold(_said("a", "relation", "husband"), _said("b", "relation", "brother"), Verdict.DISAGREE)


def test_a_duty_office_and_another_office_both_hold() -> None:
    officer = _said("a", "role", "Media Relations Officer")
    assert may_both_hold(officer, _said("b", "role", "RNC spokesman"), Verdict.DISAGREE)
    assert not may_both_hold(_said("a", "role", "prime minister"), _said("b", "role", "president"), Verdict.DISAGREE)


def test_one_kind_qualified_by_other_nouns_describes_one_person_twice() -> None:
    """'Celebrity gardener' / 'TV gardener' both hold; 'defensive coach' / 'offensive coach' (adjectives of one
    scale) and 'British actor' / 'American actor' (two countries) do not."""

    def role(text: str) -> Claim:
        return make_claim("a", "alan_titchmarsh", "role", make_value("text", text, text.lower()))

    assert described_alike(role("Celebrity gardener"), role("TV gardener"))
    assert not described_alike(role("defensive coach"), role("offensive coach"))
    assert not described_alike(role("British actor"), role("American actor"))
    assert not described_alike(role("deputy director"), role("director"))
