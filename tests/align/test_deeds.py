"""Who did a deed, whatever the subject a model gave it: 'rangers · killed: the bear' and 'the farmer · beat: the
bear to death' are two doers of one deed."""

from __future__ import annotations

from factcheck.align.deeds import deed_done
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _deed(source: str, doer: str, verb: str, patient: str, start: int = 0) -> Claim:
    value = make_value("text", patient, patient.lower())
    return make_claim(
        source,
        doer.lower().replace(" ", "_"),
        verb,
        value,
        subject=doer,
        quote=f"{doer} {verb} {patient}.",
        start=start,
    )


def _run(*claims: Claim) -> list[Finding]:
    return reconcile([make_source(s) for s in sorted({c.source_id for c in claims})], list(claims))


def test_two_doers_of_one_deed_contradict_and_the_doer_told_twice_still_agrees() -> None:
    """Article b tells both versions; its ranger is contradicted by no other article, so a and b agree on it."""
    rangers = _deed("a", "Park rangers", "killed", "the bear")
    farmer = _deed("b", "the farmer", "beat", "the bear to death")
    again = _deed("b", "a park ranger", "killed", "the bear", start=200)  # another sentence of b
    findings = [f for f in _run(rangers, farmer, again) if f.kind != FindingKind.SINGLE_SOURCE]
    kinds = sorted(f.kind for f in findings)
    assert kinds == [FindingKind.AGREEMENT, FindingKind.CONTRADICTION]
    assert all((f.subject_key, f.attribute) == ("bear", "killed by") for f in findings)


def test_a_described_doer_or_a_count_of_victims_names_no_doer() -> None:
    assert deed_done(_deed("a", "a man", "killed", "the bear")).attribute == "killed"
    assert deed_done(_deed("a", "the rangers", "killed", "three bears")).attribute == "killed"
    assert deed_done(_deed("a", "the rangers", "fed", "the bear")).attribute == "fed"
    done = deed_done(_deed("a", "Cabin crew", "killed", "the scorpion"))
    assert (done.subject_key, done.attribute, done.value.normalized) == ("scorpion", "killed by", "flight attendant")


def test_a_value_every_teller_of_which_is_contradicted_is_only_the_contradiction() -> None:
    rangers = _deed("a", "Park rangers", "killed", "the bear")
    farmer = _deed("b", "the farmer", "beat", "the bear to death")
    again = _deed("c", "a park ranger", "killed", "the bear")
    kinds = [f.kind for f in _run(rangers, farmer, again) if f.kind != FindingKind.SINGLE_SOURCE]
    assert kinds == [FindingKind.CONTRADICTION]
