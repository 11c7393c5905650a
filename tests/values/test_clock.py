"""Values telling one time of day agree; times half an hour or more apart conflict, unless days or zones differ."""

from __future__ import annotations

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.clock import same_clock_time
from factcheck.values.typed import Verdict, compare


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("shortly before 7 a.m. local time", "on Sunday at about 7 a.m."),
        ("at 10:45pm", "10:45 p.m. on the night of the storm"),
        ("12 p.m.", "about 12 pm"),
    ],
)
def test_one_time_of_day_in_other_words_agrees(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == Verdict.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sunday at 7 a.m.", "Monday at 7 a.m."),  # two days
        ("March 3 at 7 a.m.", "March 4 at 7 a.m."),
        ("7 a.m.", "7 p.m."),  # two halves of the day
        ("12 a.m.", "12 p.m."),
        ("7:15 a.m.", "7:45 a.m."),
        ("not before 7 a.m.", "at 7 a.m."),  # denied on one side
    ],
)
def test_other_times_or_days_do_not_agree(a: str, b: str) -> None:
    assert not same_clock_time(make_value("text", a), make_value("text", b))
    assert compare(make_value("text", a), make_value("text", b)) != Verdict.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("around 4.30am", "shortly before 2am on Monday"),
        ("about 6:30 a.m.", "shortly after 8 a.m."),
        ("around 11 p.m.", "around 5:30 a.m. on Saturday"),
        ("7 a.m.", "7 p.m."),
        ("about 9.15am", "around 8.45am"),
    ],
)
def test_times_of_day_half_an_hour_or_more_apart_conflict(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) == Verdict.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sunday at 7 a.m.", "Monday at 9 a.m."),  # two days: perhaps two events
        ("10am San Francisco time", "5pm in the UK"),  # one moment in two zones
        ("9 a.m. PDT", "noon EDT"),
        ("about 7:15 a.m.", "7:35 a.m."),  # near: not compared
    ],
)
def test_times_on_two_days_in_two_zones_or_near_do_not_conflict(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) != Verdict.DISAGREE


def test_a_time_told_as_a_date_compares_with_one_told_as_text() -> None:
    dated = make_value("date", "shortly before 2am on Monday", normalized="2024-03-11")
    assert compare(make_value("text", "around 4.30am"), dated) == Verdict.DISAGREE
    assert compare(make_value("text", "at 2am"), dated) == Verdict.AGREE


def test_two_outlets_telling_when_a_fire_began_hours_apart_contradict() -> None:
    sources = [make_source("01", "2024-03-11"), make_source("02", "2024-03-11")]
    claims = [
        make_claim("01", "blaze", "start time", make_value("text", "around 4.30am")),
        make_claim(
            "02", "fire", "start time", make_value("date", "shortly before 2am on Monday", normalized="2024-03-11")
        ),
    ]
    kinds = [(f.kind, sorted(f.source_ids)) for f in reconcile(sources, claims)]
    assert (FindingKind.CONTRADICTION, ["01", "02"]) in kinds


def test_a_range_of_two_times_has_no_one_clock_time() -> None:
    assert not same_clock_time(make_value("text", "between 7 a.m. and 9 a.m."), make_value("text", "7 a.m."))


def test_two_outlets_telling_when_the_crew_arrived_agree() -> None:
    sources = [make_source("01", "2025-04-07"), make_source("02", "2025-04-07")]
    claims = [
        make_claim("01", "fire_crews", "arrived at the warehouse", make_value("text", "around 4 a.m. EDT")),
        make_claim("02", "fire_crews", "arrived", make_value("text", "Sunday at approximately 4 a.m.")),
    ]
    kinds = [(f.kind, sorted(f.source_ids)) for f in reconcile(sources, claims)]
    assert kinds == [(FindingKind.AGREEMENT, ["01", "02"])]
