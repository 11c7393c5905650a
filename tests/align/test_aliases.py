"""A claim giving another name of a thing makes claims about that name claims about the thing."""

from __future__ import annotations

from factcheck.align.aliases import story_aliases, under_one_name
from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value

LATIN = make_claim("02", "sea_otter", "scientific name", make_value("entity", "Enhydra lutris", "enhydra_lutris"))
THERE = make_claim(
    "02",
    "enhydra_lutris",
    "habitat",
    make_value("entity", "the kelp forests of the northern Pacific"),
    quote="Enhydra lutris lives in the kelp forests of the northern Pacific",
)
HERE = make_claim(
    "01",
    "sea_otter",
    "habitat",
    make_value("text", "usually found in Pacific kelp forests"),
    quote="the sea otter, usually found in Pacific kelp forests",
)


def test_another_name_is_keyed_by_the_subject_it_names() -> None:
    assert story_aliases([LATIN, THERE, HERE]) == {"enhydra_lutris": "sea_otter"}
    moved = under_one_name([LATIN, THERE, HERE])
    assert [c.subject_key for c in moved] == ["sea_otter", "sea_otter", "sea_otter"]
    assert [c.id for c in moved] == [c.id for c in (LATIN, THERE, HERE)]


def test_a_name_given_for_two_subjects_is_left_alone() -> None:
    other = make_claim("01", "river_otter", "scientific name", make_value("entity", "Enhydra lutris", "enhydra_lutris"))
    assert story_aliases([LATIN, other]) == {}


def test_an_attribute_that_is_not_a_name_names_nothing() -> None:
    keeper = make_claim("01", "sea_otter", "keeper", make_value("entity", "Enhydra lutris", "enhydra_lutris"))
    assert story_aliases([keeper, THERE]) == {}


def test_two_outlets_giving_one_animal_two_lifespans_under_two_names_conflict() -> None:
    sources = [make_source("01", "2025-05-02"), make_source("02", "2025-05-03")]
    there = make_claim(
        "02", "enhydra_lutris", "lifespan in the wild", make_value("number", "23 years", "23", number=23, unit="year")
    )
    here = make_claim(
        "01", "sea_otter", "lifespan in the wild", make_value("number", "8 years", "8", number=8, unit="year")
    )
    findings = reconcile(sources, [LATIN, there, here])
    conflicts = [f for f in findings if f.kind == FindingKind.CONTRADICTION]
    assert [sorted(f.source_ids) for f in conflicts] == [["01", "02"]]
    assert conflicts[0].subject_key == "sea_otter"


def test_a_name_given_to_an_animal_makes_its_claims_the_animals() -> None:
    named = make_claim("01", "jaguar", "name", make_value("entity", "Balam", "balam"))
    unnamed = make_claim("02", "suspended_keeper", "name", make_value("text", "not been named"))
    assert story_aliases([named, unnamed]) == {"balam": "jaguar"}
