"""An open question told about the question ('the engineer who signed off the design · identity: not known')
meets the answer told about the act, and a named answer against it is a contradiction between sources."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.classify.unknowns import restate_open_question
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value

OPEN = make_value("text", "has not been identified")


def _open(source: str, modality: str = "reported", subject: str = "engineer who signed off the design") -> Claim:
    """The open question as a model gives it."""
    return make_claim(source, subject.replace(" ", "_"), "identity", OPEN, subject=subject, modality=modality)


def _answer(source: str, modality: str = "reported") -> Claim:
    """The answer, its doer as the subject as a model gives it."""
    value = make_value("text", "the revised bridge design")
    return make_claim(source, "ilse_marten", "signed off", value, subject="Ilse Marten", modality=modality)


def test_a_doer_described_by_the_act_is_restated_as_the_act() -> None:
    claim = restate_open_question(_open("01"))
    assert (claim.subject_key, claim.attribute, claim.value.text) == ("design", "signed by", OPEN.text)


def test_a_question_is_restated_as_its_subject_and_the_question() -> None:
    claim = restate_open_question(_open("01", subject="why the footbridge collapsed"))
    assert (claim.subject_key, claim.attribute) == ("footbridge", "why collapsed")


def test_a_doer_asked_through_an_identity_word_is_restated_as_the_act() -> None:
    claim = restate_open_question(_open("01", subject="identity of the engineer who signed off the design"))
    assert (claim.subject_key, claim.attribute) == ("design", "signed by")


def test_the_state_of_a_doer_described_by_the_act_is_not_asked_who() -> None:
    subject = "man who stabbed the guard"
    claim = make_claim("01", "man", "status", make_value("text", "unknown"), subject=subject)
    assert restate_open_question(claim) is claim


def test_an_open_question_on_another_attribute_stays() -> None:
    claim = make_claim("01", "engineer_who_signed_off_the_design", "nationality", OPEN)
    assert restate_open_question(claim) is claim


def test_a_named_doer_against_an_unidentified_one_is_a_contradiction() -> None:
    sources = [make_source("01", "2025-03-02"), make_source("02", "2025-03-02")]
    opened = make_claim("01", "engineer_who_killed_the_bear", "identity", OPEN, subject="ranger who killed the bear")
    named = make_claim("02", "ranger_tom_vesk", "killed", make_value("text", "the bear"), subject="Ranger Tom Vesk")
    findings = reconcile(sources, [opened, named])
    assert [f.kind for f in findings] == [FindingKind.CONTRADICTION]
    assert findings[0].attribute == "killed by"


def test_a_hedged_name_against_an_open_question_is_no_contradiction() -> None:
    sources = [make_source("01", "2025-03-02"), make_source("02", "2025-03-02")]
    opened = make_claim("01", "x", "identity", OPEN, subject="ranger who killed the bear")
    named = make_claim(
        "02", "tom_vesk", "killed", make_value("text", "the bear"), subject="Ranger Tom Vesk", modality="hedged"
    )
    kinds = [f.kind for f in reconcile(sources, [opened, named])]
    assert FindingKind.CONTRADICTION not in kinds


def test_a_name_given_days_after_the_open_question_is_an_update() -> None:
    sources = [make_source("01", "2025-03-02"), make_source("02", "2025-03-09")]
    opened = make_claim("01", "x", "identity", OPEN, subject="ranger who killed the bear")
    named = make_claim("02", "tom_vesk", "killed", make_value("text", "the bear"), subject="Ranger Tom Vesk")
    assert [f.kind for f in reconcile(sources, [opened, named])] == [FindingKind.UPDATE]


def test_one_article_leaving_one_act_open_and_naming_the_doer_of_another_is_no_contradiction() -> None:
    sources = [make_source("01", "2025-03-02")]
    opened = make_claim("01", "x", "identity", OPEN, subject="ranger who killed the bear")
    named = make_claim("01", "tom_vesk", "killed", make_value("text", "the wolf"), subject="Ranger Tom Vesk")
    assert FindingKind.CONTRADICTION not in [f.kind for f in reconcile(sources, [opened, named])]
