"""A person named by one name alone is keyed by the one full name the story gives with that name."""

from __future__ import annotations

from factcheck.align.fullname import full_names, under_full_names
from factcheck.align.statements import counted
from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value

ASKED = make_claim(
    "01",
    "marta",
    "clinics asked",
    make_value("number", "between 30 and 40 clinics", "30"),
    subject="Marta",
    quote="Marta says she asked between 30 and 40 clinics but none would take her case",
)
TURNED = make_claim(
    "02",
    "marta_velasquez",
    "turned away by",
    make_value("number", "more than 30 clinics", "30"),
    subject="Marta Velasquez",
    quote="Marta Velasquez says she was turned away by more than 30 clinics last year",
)


def test_one_name_folds_into_the_one_full_name_that_holds_it() -> None:
    assert full_names([ASKED, TURNED]) == {"marta": "marta_velasquez"}
    moved = under_full_names([ASKED, TURNED])
    assert [c.subject_key for c in moved] == ["marta_velasquez", "marta_velasquez"]
    assert [c.id for c in moved] == [ASKED.id, TURNED.id]


def test_a_surname_folds_like_a_given_name() -> None:
    alone = make_claim(
        "03", "velasquez", "age", make_value("number", "34", "34"), subject="Velasquez", quote="Velasquez, 34, said"
    )
    assert full_names([alone, TURNED]) == {"velasquez": "marta_velasquez"}


def test_a_name_shared_by_two_people_is_left_alone() -> None:
    sister = make_claim(
        "03",
        "rosa_velasquez",
        "age",
        make_value("number", "29", "29"),
        subject="Rosa Velasquez",
        quote="Her sister Rosa Velasquez, 29, drove her to every appointment",
    )
    alone = make_claim(
        "03", "velasquez", "age", make_value("number", "34", "34"), subject="Velasquez", quote="Velasquez, 34, said"
    )
    assert "velasquez" not in full_names([alone, TURNED, sister])
    assert full_names([ASKED, TURNED, sister]) == {"marta": "marta_velasquez"}


def test_a_full_name_that_is_no_subject_and_a_country_fold_nothing() -> None:
    assert full_names([ASKED]) == {}
    country = make_claim(
        "01",
        "georgia",
        "population",
        make_value("number", "3.7 million", "3700000"),
        subject="Georgia",
        quote="Georgia Ramsey said the population of 3.7 million",
    )
    ramsey = make_claim(
        "02",
        "georgia_ramsey",
        "age",
        make_value("number", "40", "40"),
        subject="Georgia Ramsey",
        quote="Georgia Ramsey, 40, said",
    )
    assert full_names([country, ramsey]) == {}


def test_a_count_names_the_noun_its_own_text_ends_in() -> None:
    assert counted(ASKED) == "clinic"
    scaled = make_claim(
        "01", "fund", "size", make_value("number", "1.9 million", "1900000"), quote="a fund of 1.9 million dollars"
    )
    assert counted(scaled) == "dollar"


def test_one_person_named_two_ways_agrees_with_herself() -> None:
    findings = reconcile([make_source("01"), make_source("02")], [ASKED, TURNED])
    agreements = [f for f in findings if f.kind == FindingKind.AGREEMENT]
    assert [sorted(f.claim_ids) for f in agreements] == [sorted([ASKED.id, TURNED.id])]


def test_a_full_name_not_read_as_a_person_folds_nothing() -> None:
    town = make_claim(
        "01",
        "harbourton",
        "population",
        make_value("number", "12,000", "12000"),
        subject="Harbourton",
        quote="Harbourton, a town of 12,000, sits on the estuary",
    )
    company = make_claim(
        "02",
        "harbourton_therapeutics",
        "share rise",
        make_value("number", "12 percent", "12"),
        subject="Harbourton Therapeutics",
        quote="Shares of Harbourton Therapeutics rose 12 percent after the company licensed the drug",
    )
    assert full_names([town, company]) == {}
