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


def test_an_act_given_with_whom_it_was_done_to_joins_the_date_another_source_gives() -> None:
    sources = [make_source("a", "2024-05-10"), make_source("b", "2024-06-02")]
    licensed = make_claim(
        "a",
        "brightwater",
        "licensed velorastat in Europe to",
        make_value("entity", "Hollen", "Hollen"),
        time="2024-04",
        quote="In April, Brightwater licensed velorastat in Europe to the Swiss drugmaker Hollen.",
    )
    rights = make_claim(
        "b",
        "brightwater",
        "licensed velorastat in Europe to Hollen",
        make_value("date", "April 2024", "2024-04"),
        quote="Brightwater licensed velorastat in Europe to Hollen in April 2024.",
    )
    act = dated_act(licensed)
    assert (act.attribute, act.value.type, act.value.normalized) == (
        "licensed velorastat in Europe to Hollen",
        "date",
        "2024-04",
    )
    [agreement] = [f for f in reconcile(sources, [licensed, rights]) if f.kind == FindingKind.AGREEMENT]
    assert sorted(agreement.claim_ids) == sorted([licensed.id, rights.id])
    undated = make_claim("a", "brightwater", "licensed velorastat in Europe to", make_value("entity", "Hollen"))
    assert dated_act(undated).value.type == "entity"


def test_where_an_act_was_done_stays_a_place() -> None:
    held = make_claim("a", "summit", "held in", make_value("entity", "Tokyo", "Tokyo"), time="2023-03-16")
    assert dated_act(held).value.type == "entity"


def test_a_noun_phrase_attribute_naming_the_value_type_is_no_act() -> None:
    venue = make_claim(
        "a",
        "mayors",
        "expected meeting place",
        make_value("entity", "Lyon", "lyon"),
        time="2024-05-26",
        quote="The two mayors, who are expected to meet in Lyon on Sunday, will sign the pact.",
    )
    assert dated_act(venue) is venue  # 'expected' opens a noun phrase here, not a simple past


def test_an_act_planned_in_the_passive_infinitive_is_that_acts_date() -> None:
    leaders = make_value("entity", "Kishida and Yoon", "kishida_and_yoon")
    planned = dated_act(make_claim("a", "resumption", "to be agreed upon by", leaders, time="2023-03-16"))
    assert (planned.attribute, planned.value.normalized) == ("agreed upon by Kishida and Yoon", "2023-03-16")
    assert dated_act(make_claim("a", "resumption", "to be agreed upon by", leaders)).value == leaders  # undated
