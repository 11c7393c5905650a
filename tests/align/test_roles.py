"""One person named on one side and described by role on the other: the names guard sets the role's names aside,
and the same attribute given one distinctive value alike joins them; conflicts still need more."""

from __future__ import annotations

from factcheck.align.alike import distinctive, same_form_value
from factcheck.align.roles import one_described, role_description
from factcheck.align.slots import align, join_compare, key_groups
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value
from factcheck.values.keys import attribute_form


def _age(source: str, key: str, subject: str, age: str, quote: str) -> Claim:
    return make_claim(source, key, "age", make_value("number", age, age), quote=quote, subject=subject)


def test_a_subject_headed_by_a_role_noun_describes_a_person() -> None:
    assert role_description("playboy_founder")
    assert role_description("founder_and_chief_creative_officer_of_playboy_enterprises")
    assert role_description("flight_attendants")
    assert not role_description("hugh_hefner")
    assert not role_description("sitkum_ridge_fire")


def test_the_names_guard_applies_unless_exactly_one_side_is_a_description_by_role() -> None:
    assert one_described("playboy_founder", "hugh_hefner")
    assert not one_described("sitkum_ridge_fire", "sitkum_creek_fire")
    assert not one_described("playboy_founder", "larkspur_founder")


def test_a_person_described_by_role_and_named_elsewhere_with_one_age_share_a_slot() -> None:
    founder = _age("c", "playboy_founder", "The Playboy founder", "88", "The Playboy founder, 88, was pictured")
    named = _age("d", "hugh_hefner", "Hugh Hefner", "88", "Hugh Hefner is 88 years of age")
    [slot] = align([founder, named])
    assert {c.source_id for c in slot.claims} == {"c", "d"}


def test_a_described_person_with_another_age_is_not_joined_on_wording_alone() -> None:
    founder = _age("c", "playboy_founder", "The Playboy founder", "53", "The Playboy founder, 53, was pictured")
    named = _age("d", "hugh_hefner", "Hugh Hefner", "88", "Hugh Hefner is 88 years of age")
    assert len(align([founder, named])) == 2


def test_two_named_things_beside_each_other_stay_apart_with_one_value() -> None:
    ridge = make_claim(
        "a",
        "sitkum_ridge_fire",
        "area",
        make_value("number", "400 hectares", "400", unit="hectare"),
        quote="The Sitkum Ridge fire has burned 400 hectares",
        subject="Sitkum Ridge fire",
    )
    creek = make_claim(
        "b",
        "sitkum_creek_fire",
        "area",
        make_value("number", "400 hectares", "400", unit="hectare"),
        quote="The Sitkum Creek fire covers 400 hectares",
        subject="Sitkum Creek fire",
    )
    assert len(align([ridge, creek])) == 2


def test_a_verb_of_saying_in_an_attribute_is_set_aside() -> None:
    assert attribute_form("share of women says").key == attribute_form("share of women").key
    assert attribute_form("says").core  # nothing else left: the word stays


def test_seven_in_ten_said_by_two_outlets_in_different_words_agree() -> None:
    women = make_claim(
        "b",
        "women",
        "share of women",
        make_value("number", "seven in 10 women", "70"),
        quote="nearly seven in 10 women have been catcalled",
    )
    company = make_claim(
        "c",
        "company",
        "share of women says",
        make_value("number", "7 out of 10 women", "70"),
        quote="where the company says 7 out of 10 women report being harassed in the street",
    )
    [slot] = align([women, company])
    assert len(slot.claims) == 2


def test_small_bare_counts_and_short_states_are_not_distinctive() -> None:
    assert not distinctive(make_value("number", "two", "2"))
    assert not distinctive(make_value("text", "alive", "alive"))
    assert distinctive(make_value("number", "88", "88"))
    assert distinctive(make_value("date", "1992", "1992"))


def test_one_attribute_worded_alike_with_values_in_conflict_is_no_evidence() -> None:
    groups = key_groups(
        [_age("c", "playboy_founder", "The Playboy founder", "53", "x"), _age("d", "hugh_hefner", "Hugh", "88", "y")]
    )
    assert not same_form_value(groups[0], groups[1], join_compare)
    groups = key_groups(
        [_age("c", "playboy_founder", "The Playboy founder", "88", "x"), _age("d", "hugh_hefner", "Hugh", "88", "y")]
    )
    assert same_form_value(groups[0], groups[1], join_compare)
