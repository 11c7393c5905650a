"""Where the same people met, told in far wordings by two sources, is one fact: one meeting in two places is a
contradiction, the next meeting elsewhere an update. Countries, one shared person, one source or a value that is
not a place propose nothing."""

from __future__ import annotations

import pytest

from factcheck.align.meetings import meeting_date_claim, meeting_pairs, place_claim
from factcheck.align.slots import align, key_groups
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim
from factcheck.testing import make_claim, make_source, make_value


def _trip(place: str = "Lyon", source: str = "a") -> Claim:
    return make_claim(
        source,
        "varga",
        "flew to",
        make_value("entity", place, place.lower()),
        subject="Varga",
        quote=f"Later, Varga flew to {place} for talks with Okonkwo",
    )


def _summit(place: str = "Lyon", time: str = "2025-02", source: str = "b") -> Claim:
    return make_claim(
        source,
        "okonkwo_varga_summit",
        "venue",
        make_value("entity", place, place.lower()),
        time=time,
        subject="Okonkwo-Varga summit",
        quote=f"the summit held in {place} between Chancellor Ilse Varga and President Ada Okonkwo",
    )


def test_a_trip_and_a_summit_of_the_same_two_people_are_one_place() -> None:
    [slot] = align([_trip(), _summit()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}


def test_one_meeting_in_two_places_is_a_contradiction_the_next_one_an_update() -> None:
    sources = [make_source("a", published="2025-02-20"), make_source("b", published="2025-03-01")]
    [finding] = [f for f in reconcile(sources, [_trip(), _summit(place="Porto")]) if len(f.claim_ids) == 2]
    assert finding.kind == "contradiction"
    later = [make_source("a", published="2025-02-20"), make_source("b", published="2026-06-01")]
    [finding] = [
        f for f in reconcile(later, [_trip(), _summit(place="Porto", time="2026-06")]) if len(f.claim_ids) == 2
    ]
    assert finding.kind == "update"


def test_countries_are_no_participants() -> None:
    a = make_claim(
        "a", "talks", "held in", make_value("entity", "Lyon", "lyon"), quote="France and South Korea held talks in Lyon"
    )
    b = make_claim(
        "b", "meeting", "venue", make_value("entity", "Porto", "porto"), quote="France and South Korea met in Porto"
    )
    assert meeting_pairs(key_groups([a, b])) == set()


def test_one_shared_person_one_source_or_no_place_propose_nothing() -> None:
    other = make_claim(
        "b",
        "varga",
        "venue",
        make_value("entity", "Porto", "porto"),
        quote="the rally held in Porto by Chancellor Ilse Varga and Mayor Rui Costa",
    )
    assert meeting_pairs(key_groups([_trip(), other])) == set()
    assert meeting_pairs(key_groups([_trip(), _summit(source="a")])) == set()
    aide = make_claim(
        "b", "varga", "met", make_value("entity", "Okonkwo", "okonkwo"), quote="Varga met Okonkwo with Tomas Brandt"
    )
    assert meeting_pairs(key_groups([_trip(), aide])) == set()


def test_a_name_within_a_longer_one_is_one_person() -> None:
    assert meeting_pairs(key_groups([_trip(), _summit()])) == {(0, 1)}


@pytest.mark.parametrize(
    ("attribute", "kind", "place"),
    [
        ("made a trip to", "entity", True),
        ("visited", "entity", True),
        ("trip destination", "entity", True),
        ("flew into", "entity", True),
        ("to meet in", "entity", True),
        ("talked to", "entity", False),
        ("visited", "text", False),
    ],
)
def test_where_someone_went_or_met_is_a_place(attribute: str, kind: str, place: bool) -> None:
    claim = make_claim("a", "varga", attribute, make_value(kind, "Lyon", "lyon"))
    assert place_claim(claim) is place


def test_dates_of_meetings_of_the_same_two_people_are_one_fact() -> None:
    """'Okonkwo and Varga talks · date: 2025-02-14' / 'the summit between Chancellor Ilse Varga and President Ada
    Okonkwo · held: February 2025': one meeting's date, in words too far apart for their meaning alone."""
    talks = make_claim(
        "a",
        "okonkwo_and_varga_talks",
        "date",
        make_value("date", "February 14", "2025-02-14"),
        subject="Okonkwo and Varga talks",
        quote="at their talks on February 14, Okonkwo and Varga agreed",
    )
    held = make_claim(
        "b",
        "summit_between_chancellor_ilse_varga_and_president_ada_okonkwo",
        "held",
        make_value("date", "February", "2025-02"),
        subject="the summit between Chancellor Ilse Varga and President Ada Okonkwo",
        quote="the summit held in February between Chancellor Ilse Varga and President Ada Okonkwo",
    )
    assert meeting_pairs(key_groups([talks, held]), meeting_date_claim)
    assert not meeting_pairs(key_groups([talks, held]))  # no place: not a place's join


def test_a_date_of_one_of_a_series_is_left_to_its_order() -> None:
    last = make_claim("a", "talks", "last held", make_value("date", "March 2018", "2018-03"), subject="the talks")
    assert not meeting_date_claim(last)
