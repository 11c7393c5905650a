"""The only two dated acts of one subject, from two sources and days apart, are one act told twice."""

from __future__ import annotations

import pytest

from factcheck.align.slots import align
from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _act(source: str, attribute: str, text: str, iso: str, quote: str):
    return make_claim(source, "burglars", attribute, make_value("date", text, iso), time=iso, quote=quote)


BROKE_IN = _act(
    "a",
    "first broke into the museum",
    "3 November",
    "2019-11-03",
    "The burglars first broke into the museum on 3 November.",
)
GOT_INSIDE = _act(
    "b", "got inside the gallery", "Nov. 5", "2019-11-05", "The burglars got inside the gallery on Nov. 5, police said."
)


def test_the_only_two_dated_acts_of_a_subject_join_and_conflict():
    [slot] = align([BROKE_IN, GOT_INSIDE])
    assert len(slot.claims) == 2
    sources = [make_source("a", "2019-11-20"), make_source("b", "2020-03-02")]
    kinds = [f.kind for f in reconcile(sources, [BROKE_IN, GOT_INSIDE])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_dated_acts_stay_apart_when_not_the_only_two_or_not_days_apart():
    fled = _act("c", "fled the city", "9 November", "2019-11-09", "The burglars fled the city on 9 November.")
    assert len(align([BROKE_IN, GOT_INSIDE, fled])) == 3  # a third dated act: which two are one is not known
    weeks = _act(
        "b", "got inside the gallery", "Nov. 25", "2019-11-25", "The burglars got inside the gallery on Nov. 25."
    )
    assert len(align([BROKE_IN, weeks])) == 2
    month = _act("b", "got inside the gallery", "October", "2019-10", "The burglars got inside the gallery in October.")
    assert len(align([BROKE_IN, month])) == 2  # a month dates too many acts alike
    same_source = GOT_INSIDE.model_copy(update={"source_id": "a"}).with_id()
    assert len(align([BROKE_IN, same_source])) == 2


def _weekday_act(source: str, subject: str, attribute: str, day: str, quote: str):
    return make_claim(source, subject, attribute, make_value("date", day, f"open: {day.lower()}"), quote=quote)


POSTED = _weekday_act(
    "a", "extremist group", "posted", "Thursday", "On Thursday, the extremist group posted a video threatening him."
)
POSTED_BY = _weekday_act(
    "b", "video", "posted by al qaeda", "Wednesday", "A video posted by al Qaeda on Wednesday purported to show him."
)


STRUCK = _weekday_act(
    "a",
    "government warplanes",
    "struck village of kafr sallah",
    "Sunday",
    "Warplanes struck the village of Kafr Sallah on Sunday.",
)
BOMBED = _weekday_act(
    "b", "jets", "bombed village of kafr sallah", "Saturday", "Jets bombed the village of Kafr Sallah on Saturday."
)


@pytest.mark.parametrize(
    ("one", "other"),
    [(POSTED, POSTED_BY), (STRUCK, BOMBED)],  # one verb; two verbs kin in WordNet ('struck' / 'bombed': attacks)
)
def test_one_act_done_to_one_thing_on_two_weekdays_is_one_act_in_conflict(one, other):
    [slot] = align([one, other])
    assert len(slot.claims) == 2
    kinds = [f.kind for f in reconcile([make_source("a"), make_source("b")], [one, other])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_weekday_acts_stay_apart_with_other_verbs_or_a_third_act():
    deleted = _weekday_act("b", "video", "deleted", "Wednesday", "The video was deleted on Wednesday, officials said.")
    assert len(align([POSTED, deleted])) == 2  # another verb: another act
    again = _weekday_act("c", "group", "posted", "Friday", "The group posted a second video on Friday.")
    assert len(align([POSTED, POSTED_BY, again])) == 3  # three acts of one verb: which two are one is not known


def _lifted(source: str, subject: str, attribute: str, text: str, iso: str, quote: str):
    return make_claim(source, subject, attribute, make_value("date", text, iso), time=iso, quote=quote)


ORDER_LIFTED = _lifted(
    "a", "evacuation order", "lifted", "Aug. 2", "2025-08-02", "Aug. 2, when the evacuation order was lifted"
)
TOWN_LIFTED = _lifted(
    "b",
    "pellham falls",
    "lifted evacuation order",
    "Aug. 5",
    "2025-08-05",
    "The town lifted its evacuation order on Aug. 5",
)


def test_one_verb_done_to_one_thing_on_two_close_days_is_one_act_in_conflict():
    [slot] = align([ORDER_LIFTED, TOWN_LIFTED])  # told of the thing done to, and of its doer
    assert len(slot.claims) == 2
    sources = [make_source("a", "2025-09-01"), make_source("b", "2025-09-01")]
    assert [f.kind for f in reconcile(sources, [ORDER_LIFTED, TOWN_LIFTED])] == [FindingKind.CONTRADICTION]


def test_days_of_one_verb_stay_apart_when_weeks_apart_or_one_by_weekday():
    later = _lifted(
        "b", "pellham falls", "lifted evacuation order", "Aug. 25", "2025-08-25", "The town lifted its order on Aug. 25"
    )
    assert len(align([ORDER_LIFTED, later])) == 2  # three weeks apart: two acts
    weekday = _weekday_act("b", "pellham falls", "lifted evacuation order", "Monday", "The town lifted it on Monday")
    assert len(align([ORDER_LIFTED, weekday])) == 2  # a day against a weekday: not dated alike


def test_acts_of_verbs_not_kin_or_done_to_other_things_stay_apart():
    closed = _weekday_act(
        "b",
        "army",
        "closed village of kafr sallah",
        "Saturday",
        "The army closed the village of Kafr Sallah on Saturday.",
    )
    assert len(align([STRUCK, closed])) == 2  # another act done to the village
    elsewhere = _weekday_act("b", "jets", "bombed bridge", "Saturday", "Jets bombed a bridge on Saturday.")
    assert len(align([STRUCK, elsewhere])) == 2  # one kind of act, done to another thing


def _timed(source: str, attribute: str, text: str, quote: str):
    return make_claim(source, "attack", attribute, make_value("text", text), quote=quote)


DETECTED = _timed("a", "time detected", "3.40am", "The attack was detected at 3.40am by an out-of-hours engineer")
NOTICED = _timed("b", "first noticed", "shortly after 8am", "The attack was first noticed shortly after 8am")


def test_the_only_two_times_of_day_of_a_subject_join_and_conflict():
    sources = [make_source("a", "2024-10-14"), make_source("b", "2024-10-14")]
    kinds = [f.kind for f in reconcile(sources, [DETECTED, NOTICED])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_times_of_day_stay_apart_beside_a_third():
    restored = _timed("c", "systems restored", "about 6pm", "Systems were restored at about 6pm")
    assert len(align([DETECTED, NOTICED, restored])) == 3  # which two tell one moment is not known
