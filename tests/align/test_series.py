"""One set of parties meeting again elsewhere: the places and days of their meetings, told by two sources years
apart, are the story moving on (an update); one place on two days, a numbered meeting, parties only mentioned,
one source or one time propose nothing."""

from __future__ import annotations

from factcheck.align.series import Event, event_of, series_pairs, told_events
from factcheck.align.slots import key_groups
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.text import slug

_GENEVA = "Foreign ministers of France and Germany are to meet in Geneva on Sunday to discuss energy prices."
_BERLIN = "France and Germany resumed the deputy-level dialogue in Berlin on Thursday for the first time in six years"
_NONE = Event(frozenset(), "", "none")
_SOURCES = [make_source("a", published="2019-03-15"), make_source("b", published="2024-05-09")]


def _place(source: str, place: str, quote: str, time: str, subject: str = "talks", attribute: str = "venue") -> Claim:
    value = make_value("entity", place, place.lower())
    return make_claim(source, slug(subject), attribute, value, time=time, quote=quote, subject=subject)


def _date(source: str, text: str, iso: str, quote: str, subject: str = "talks", attribute: str = "held on") -> Claim:
    value = make_value("date", text, iso)
    return make_claim(source, slug(subject), attribute, value, time=iso, quote=quote, subject=subject)


def _geneva() -> list[Claim]:
    return [
        _place("a", "Geneva", _GENEVA, "2019-03-17", "Foreign ministers of France and Germany", "meeting location"),
        _date("a", "Sunday", "2019-03-17", _GENEVA, "Foreign ministers of France and Germany", "meeting date"),
    ]


def _berlin(place: str = "Berlin") -> list[Claim]:
    quote = _BERLIN.replace("Berlin", place)
    return [
        _place("b", place, quote[quote.index("resumed") :], "2024-05-09", "deputy-level dialogue"),
        _date("b", "Thursday", "2024-05-09", "Thursday's ministerial dialogue drew praise", "Thursday's dialogue"),
        _date("b", "Thursday", "2024-05-09", quote, "France and Germany", "resumed the deputy-level dialogue"),
    ]


def test_who_met_is_the_subject_of_the_verb_the_place_hangs_on() -> None:
    [place, day] = _geneva()
    event = event_of(place)
    assert event is not None and event.place == "geneva"
    assert event.parties == {frozenset({"france"}), frozenset({"germany"})}
    assert event_of(day) == event


def test_a_claim_about_a_meeting_takes_the_one_meeting_its_source_tells_that_day() -> None:
    claims = _berlin()
    events = told_events(claims)
    assert {events[c.id].place for c in claims} == {"berlin"}
    statement = _date("b", "Thursday", "2024-05-09", "The ministry said on Thursday", "ministry statement")
    assert statement.id not in told_events([*claims, statement])


def test_two_meetings_of_the_same_parties_elsewhere_years_apart_are_an_update() -> None:
    findings = reconcile(_SOURCES, [*_geneva(), *_berlin()])
    kinds = {f.attribute: f.kind for f in findings if {"a", "b"} <= set(f.source_ids)}
    assert sorted(kinds.values()) == ["update", "update"]


def test_one_place_on_two_days_is_two_meetings_not_one_fact() -> None:
    groups = key_groups([*_geneva(), *_berlin(place="Geneva")])
    assert not {(a, b) for a, b in series_pairs(groups) if groups[a].type_group == "name"}


def test_a_numbered_meeting_parties_only_mentioned_or_one_source_propose_nothing() -> None:
    first = "The first meeting of France and Germany was held in Berlin on 4 June 1998"
    numbered = _place("b", "Berlin", first, "1998-06-04", "first France-Germany meeting")
    assert series_pairs(key_groups([*_geneva(), numbered])) == set()
    mentioned = _place("b", "Berlin", "Ministers met in Berlin on Thursday to discuss France and Germany", "2024-05-09")
    assert event_of(mentioned) is None
    same_source = [c.model_copy(update={"source_id": "a"}) for c in _berlin()]
    assert series_pairs(key_groups([*_geneva(), *same_source])) == set()


def test_one_time_is_one_meeting_left_to_alignment_by_meaning() -> None:
    later = [c.model_copy(update={"time": _geneva()[0].time}) if c.value.type.value != "date" else c for c in _berlin()]
    groups = key_groups([*_geneva(), *later])
    assert not {(a, b) for a, b in series_pairs(groups) if groups[a].type_group == "name"}


def test_told_on_one_day_the_join_is_refused() -> None:
    same_day = [make_source("a", published="2019-03-15"), make_source("b", published="2019-03-15")]
    findings = reconcile(same_day, [*_geneva(), *_berlin()])
    assert not [f for f in findings if {"a", "b"} <= set(f.source_ids)]


def test_a_relative_pronoun_stands_for_its_antecedent() -> None:
    quote = "Varga and Okonkwo, who are expected to meet in Porto on Sunday, spoke by phone"
    event = event_of(_place("a", "Porto", quote, "2025-06-01", "Varga and Okonkwo"))
    assert event is not None and event.parties == {frozenset({"varga"}), frozenset({"okonkwo"})}


def test_only_meetings_make_a_series() -> None:
    deal = "Russia and Ukraine signed a grain export deal in Istanbul on Friday."
    swap = "Russia and Ukraine exchanged 95 prisoners of war in Abu Dhabi on Tuesday."
    claims = [
        _place("a", "Istanbul", deal, "2022-07-22", "grain export deal", "signed in"),
        _date("a", "Friday", "2022-07-22", deal, "grain export deal", "signed on"),
        _place("b", "Abu Dhabi", swap, "2023-08-08", "prisoner exchange", "location"),
        _date("b", "Tuesday", "2023-08-08", swap, "prisoner exchange", "held on"),
    ]
    assert [event_of(c) for c in claims] == [None, None, None, None]
    assert series_pairs(key_groups(claims)) == set()
    sources = [make_source("a", published="2022-07-23"), make_source("b", published="2023-08-09")]
    assert not [f for f in reconcile(sources, claims) if {"a", "b"} <= set(f.source_ids)]


def test_what_was_held_is_a_meeting_verb_or_a_meeting_noun() -> None:
    [geneva, _] = _geneva()
    berlin = _berlin()[2]
    assert (event_of(geneva) or _NONE).kind == "meet"
    assert (event_of(berlin) or _NONE).kind == "dialogue"
    held = _place("a", "Oslo", "Norway and Sweden held talks in Oslo on Monday", "2020-01-06")
    assert (event_of(held) or _NONE).kind == "talks"
