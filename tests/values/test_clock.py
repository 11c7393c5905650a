"""Text values telling one time of day agree; other times or other days do not."""

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
