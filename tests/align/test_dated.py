"""A text claim naming what was done, dated by its own time, aligns as the date of that act."""

from __future__ import annotations

from factcheck.align.dated import dated_act
from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value

SOLUTION = "a solution to the wartime labor issue"


def test_an_act_given_as_its_object_joins_the_date_another_source_gives() -> None:
    sources = [make_source("a", "2023-03-15"), make_source("b", "2023-03-27")]
    announced = make_claim(
        "a",
        "south_korea",
        "announced",
        make_value("text", SOLUTION, SOLUTION),
        time="2023-03-06",
        quote=f"On Monday, South Korea announced {SOLUTION}.",
    )
    decided = make_claim(
        "b",
        "south_korea",
        "decided on a solution to the wartime labor issue",
        make_value("date", "March 6", "2023-03-06"),
        quote=f"On March 6, South Korea decided on {SOLUTION}.",
    )
    [agreement] = [f for f in reconcile(sources, [announced, decided]) if f.kind == FindingKind.AGREEMENT]
    assert sorted(agreement.claim_ids) == sorted([announced.id, decided.id])


def test_only_a_past_act_dated_within_a_month_becomes_a_date() -> None:
    value = make_value("text", SOLUTION, SOLUTION)
    act = dated_act(make_claim("a", "south_korea", "announced", value, time="2023-03"))
    assert (act.attribute, act.value.normalized) == (f"announced {SOLUTION}", "2023-03")
    assert dated_act(make_claim("a", "south_korea", "announced", value, time="2023")).value == value
    assert dated_act(make_claim("a", "south_korea", "will announce", value, time="2023-03")).value == value
    assert dated_act(make_claim("a", "south_korea", "announced", value)).value == value
    assert (
        dated_act(make_claim("a", "talks", "status", make_value("text", "suspended"), time="2018-03")).value.type
        == "text"
    )
