"""An act named by its place in a series (the first, the second) happens once, whenever it is told."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _dated(source: str, subject: str, attribute: str, text: str, iso: str, quote: str) -> Claim:
    return make_claim(source, subject, attribute, make_value("date", text, iso), time=iso, quote=quote)


OPENED = _dated(
    "a",
    "first_river_festival",
    "date",
    "August 2004",
    "2004-08",
    "The first river festival drew crowds to the quay in August 2004.",
)
BEGAN = _dated(
    "b",
    "river_festival",
    "first edition held",
    "August 2006",
    "2006-08",
    "The festival's first edition was held on the quay in August 2006, organisers said.",
)


def test_the_only_two_dates_of_one_first_act_join_and_conflict() -> None:
    [slot] = align([OPENED, BEGAN])
    assert len(slot.claims) == 2
    sources = [make_source("a", "2023-05-02"), make_source("b", "2023-05-20")]
    kinds = [f.kind for f in reconcile(sources, [OPENED, BEGAN])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_other_orders_a_third_date_or_one_source_propose_nothing() -> None:
    second = _dated(
        "b",
        "river_festival",
        "second edition held",
        "August 2006",
        "2006-08",
        "The festival's second edition was held on the quay in August 2006.",
    )
    assert len(align([OPENED, second])) == 2  # the first and the second edition are two acts
    third = _dated(
        "c",
        "river_festival",
        "first prize awarded",
        "June 2005",
        "2005-06",
        "The first prize was awarded in June 2005.",
    )
    assert len(align([OPENED, BEGAN, third])) == 3  # three first-dated groups: which two are one is not known
    same_source = BEGAN.model_copy(update={"source_id": "a"}).with_id()
    assert len(align([OPENED, same_source])) == 2


def _placed(source: str, subject: str, attribute: str, place: str, quote: str, time: str = "2004-08") -> Claim:
    value = make_value("entity", place, place.lower().replace(" ", "_"))
    return make_claim(source, subject, attribute, value, time=time, quote=quote)


HELD_AT = _placed(
    "a",
    "first_river_festival",
    "held at",
    "Harbour Quay",
    "The first river festival was held at Harbour Quay in August 2004.",
)
FIRST_VENUE = _placed(
    "b",
    "river_festival",
    "first edition venue",
    "Mill Green",
    "The festival's first edition took place on Mill Green in August 2004.",
)


def test_the_only_two_places_of_one_first_act_join_and_conflict() -> None:
    [slot] = align([HELD_AT, FIRST_VENUE])
    assert len(slot.claims) == 2
    sources = [make_source("a", "2023-05-02"), make_source("b", "2023-05-20")]
    kinds = [f.kind for f in reconcile(sources, [HELD_AT, FIRST_VENUE])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_a_first_act_and_another_of_one_source_stay_apart() -> None:
    planned = _placed(
        "b",
        "river_festival",
        "venue",
        "Mill Green",
        "This year's festival will again be staged on Mill Green in August.",
        time="2023-08",
    )
    slots = align([HELD_AT, FIRST_VENUE, planned])
    assert sorted(len(s.claims) for s in slots) == [1, 2]  # the first edition's two places; this year's apart
    assert not any(planned in s.claims and FIRST_VENUE in s.claims for s in slots)


def test_who_opened_the_first_act_is_not_where_it_was() -> None:
    opener = _placed(
        "b",
        "river_festival",
        "first edition opened by",
        "Mayor Alden",
        "Mayor Alden opened the festival's first edition in August 2004.",
    )
    assert len(align([HELD_AT, opener])) == 2  # a person who opened it, not a place


def test_one_first_act_worded_apart_on_both_sides_joins() -> None:
    """'the first meeting of the security talks' / 'the first Japan-South Korea security talks': neither
    subject holds the other, but they share two words beside 'first', and are the story's only such pair."""
    told = _dated(
        "a", "first_meeting_of_the_security_talks", "date", "June 1998", "1998-06", "the first meeting in June 1998"
    )
    other = _dated("b", "first_japan_south_korea_security_talks", "date", "June 1999", "1999-06", "held in June 1999")
    [slot] = align([told, other])
    assert len(slot.claims) == 2
    festival = _dated(
        "b", "first_river_festival", "date", "June 1999", "1999-06", "the first river festival in June 1999"
    )
    assert len(align([told, festival])) == 2  # one word alike ('first') is no evidence
