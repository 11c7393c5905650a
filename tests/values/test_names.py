"""Text values that name the two opposite conditions of a thing differ, so a status that ends is a change."""

from __future__ import annotations

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.models import ONE_OF, FindingKind
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.typed import Verdict, compare

CLOSED = make_value("text", "closed between Pellham Falls and Dunmore Junction")
REOPENED = make_value("text", "reopened to all traffic")


def test_a_closure_and_a_reopening_described_at_length_differ() -> None:
    assert compare(CLOSED, REOPENED) == Verdict.DISAGREE
    assert compare(REOPENED, CLOSED) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("closed between two towns", "closed to trucks"),  # one condition, two descriptions
        ("reopened to all traffic", "restored after the fire"),
        ("burning out of control", "reopened to all traffic"),  # no opposite named
    ],
)
def test_descriptions_not_naming_opposite_conditions_are_not_told_apart(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) != Verdict.DISAGREE


def test_a_road_closed_then_reopened_later_is_an_update() -> None:
    sources = [make_source("01", "2025-07-15"), make_source("03", "2025-08-08")]
    claims = [
        make_claim("01", "highway_6", "status", CLOSED),
        make_claim("03", "highway_6", "status", REOPENED, time="2025-07-29"),
    ]
    kinds = [f.kind for f in reconcile(sources, claims)]
    assert kinds == [FindingKind.UPDATE]


def test_a_road_closed_and_reopened_on_one_day_by_two_sources_is_a_contradiction() -> None:
    sources = [make_source("01", "2025-07-29"), make_source("03", "2025-07-29")]
    claims = [
        make_claim("01", "highway_6", "status", CLOSED, time="2025-07-29"),
        make_claim("03", "highway_6", "status", REOPENED, time="2025-07-29"),
    ]
    assert [f.kind for f in reconcile(sources, claims)] == [FindingKind.CONTRADICTION]


@pytest.mark.parametrize(("a", "b"), [("April 16th", "April 16"), ("the 1st Battalion", "1 Battalion")])
def test_a_number_written_as_an_ordinal_in_figures_is_that_number(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == Verdict.AGREE


def test_two_days_of_a_month_written_with_ordinals_still_differ() -> None:
    assert compare(make_value("text", "April 16th"), make_value("text", "April 17")) == Verdict.DISAGREE


def test_one_undated_day_with_and_without_its_ordinal_suffix_is_an_agreement() -> None:
    sources = [make_source("01"), make_source("02")]
    claims = [
        make_claim("01", "apple_watch", "launch date", make_value("text", "April 16")),
        make_claim("02", "apple_watch", "launch date", make_value("text", "April 16th")),
    ]
    assert [f.kind for f in reconcile(sources, claims)] == [FindingKind.AGREEMENT]


def test_a_name_given_as_one_of_several_never_conflicts_with_another() -> None:
    bought = make_value("entity", "Bellweather Dairy", "bellweather_dairy", qualifier=ONE_OF)
    other = make_value("entity", "Oakline Creamery", "oakline_creamery", qualifier=ONE_OF)
    assert compare(bought, other) == Verdict.UNKNOWN
    assert compare(bought, make_value("entity", "Bellweather Dairy", "bellweather_dairy")) == Verdict.AGREE
    assert compare(make_value("entity", "Lisbon"), make_value("entity", "Porto")) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("CEO of Vice Media", "chief executive of the news group", Verdict.AGREE),  # an office acronym spelled out
        ("CEO of Vice Media Inc.", "Vice co-founder", Verdict.UNKNOWN),  # 'Vice' names the company, not a rank
        ("Vice President", "President", Verdict.DISAGREE),
        ("his deputy", "deputy chief information security officer", Verdict.AGREE),
    ],
)
def test_an_office_read_by_its_own_words(a: str, b: str, expected: Verdict) -> None:
    assert compare(make_value("text", a, a.lower()), make_value("text", b, b.lower())) == expected


def test_a_day_given_in_words_is_not_set_against_a_place() -> None:
    day = make_value("text", "Sep 30", "sep 30")
    assert compare(day, make_value("entity", "Baltimore", "baltimore")) == Verdict.UNKNOWN
    assert (
        compare(make_value("text", "Monday", "monday"), make_value("text", "arrested", "arrested")) == Verdict.UNKNOWN
    )
    assert compare(make_value("text", "suspended", "suspended"), make_value("text", "restored", "restored")) == (
        Verdict.DISAGREE
    )


def test_a_sex_told_in_two_words_is_one_state() -> None:
    boy, male = make_value("text", "a boy", "a boy"), make_value("text", "male", "male")
    assert compare(boy, male) == Verdict.AGREE
    assert compare(boy, make_value("text", "intersex", "intersex")) == Verdict.DISAGREE
    assert compare(male, make_value("text", "female", "female")) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [("arrested", "not arrested"), ("married", "never married"), ("said it", "never said it")],
)
def test_a_state_and_its_denial_in_the_same_words_disagree(a: str, b: str) -> None:
    assert compare(make_value("text", a, a), make_value("text", b, b)) == Verdict.DISAGREE


def test_two_denials_in_other_words_and_places_at_two_levels_are_not_told_apart() -> None:
    nowhere, absent = (
        make_value("text", "appears nowhere in it", "appears nowhere in it"),
        make_value("text", "not in it"),
    )
    assert compare(nowhere, absent) == Verdict.UNKNOWN
    state, town = make_value("entity", "Missouri", "missouri"), make_value("entity", "Sedalia", "sedalia")
    assert compare(state, town) == Verdict.UNKNOWN  # the town may lie in the state
    assert compare(make_value("entity", "Japan", "japan"), make_value("entity", "Seoul", "seoul")) == Verdict.DISAGREE


def test_a_service_that_came_back_resumed() -> None:
    came_back = make_value("text", "came back", "came back")
    assert compare(came_back, make_value("text", "resumed", "resumed")) == Verdict.AGREE
    assert compare(came_back, make_value("text", "suspended", "suspended")) == Verdict.DISAGREE


def test_two_circumstances_of_an_act_are_not_two_states() -> None:
    """'even in the shower' / 'every night' tell where and when, and may both hold; two places named still differ."""
    shower, night = make_value("text", "even in the shower"), make_value("text", "every night")
    assert compare(shower, night) == Verdict.UNKNOWN
    assert compare(make_value("text", "in Seoul"), make_value("text", "in Tokyo")) == Verdict.DISAGREE
    assert compare(make_value("text", "suspended"), make_value("text", "restored")) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("council technician", "senior technician"),  # where he works, and his rank: both may hold
        ("anonymous leaker", "serial leaker"),
        ("banned diuretic", "prohibited diuretic"),
        ("armed officers", "armed police"),
    ],
)
def test_one_modifier_swapped_for_another_that_is_no_opposite_is_one_thing_told_twice(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == Verdict.UNKNOWN
    assert compare(make_value("entity", a), make_value("entity", b)) == Verdict.UNKNOWN  # common nouns: no name


def test_two_names_one_word_apart_differ() -> None:
    assert compare(make_value("entity", "Olympique Vernon"), make_value("entity", "Olympique Lyon")) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("defensive coach", "offensive coach"),  # WordNet antonyms
        ("junior minister", "senior minister"),
        ("finance director", "sales director"),  # two fields of one office, nouns before its head
        ("Chief Executive", "executive chair"),  # two offices, two heads
        ("Foreign Minister", "Defence Minister"),  # capitalised: the title's own words
        ("Android 10", "Android 11"),
    ],
)
def test_one_modifier_swapped_for_an_opposite_a_field_a_title_word_or_a_number_differs(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("dismissed", "sacked", Verdict.AGREE),
        ("kidnapped", "abducted", Verdict.AGREE),
        ("dismissed", "resigned", Verdict.DISAGREE),
        ("suspended", "restored", Verdict.DISAGREE),
        ("called off", "cancelled", Verdict.AGREE),  # a verb and its particle, one verb in WordNet
        ("called off", "reopened", Verdict.DISAGREE),
    ],
)
def test_one_act_told_in_two_verbs_of_one_sense_agrees(a: str, b: str, verdict: Verdict) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == verdict
