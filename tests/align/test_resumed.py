"""A resumption told as a plan (the first event in a span, dated by the claim's time) and as done (restored after a
gap) is one fact when the gap is one and the dates agree."""

from __future__ import annotations

import pytest

from factcheck.align.resumed import first_event, resumed_act
from factcheck.align.slots import align
from factcheck.align.statedates import dated_state
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind, ValueType
from factcheck.testing import make_claim, make_source, make_value

PLAN_QUOTE = "Riverside and Eastport are preparing to hold their first direct talks in more than three years in June"
PLAN = make_claim(
    "a",
    "riverside_and_eastport",
    "preparing to hold",
    make_value("text", "first direct talks in more than three years"),
    time="2024-06",
    modality="planned",
    quote=PLAN_QUOTE,
    subject="Riverside and Eastport",
)


def _restored(source: str, text: str, iso: str, gap: str) -> Claim:
    quote = f"the Harbor Line dialogue, which was restored in {text} after a pause of {gap}"
    return make_claim(
        source,
        "harbor_line_dialogue",
        "restored in",
        make_value("date", text, iso),
        time=iso,
        quote=quote,
        subject="Harbor Line dialogue",
    )


DONE = _restored("b", "June", "2024-06", "three years")


def test_a_first_event_in_a_span_is_read_as_its_resumption():
    read = resumed_act(PLAN)
    assert read.id == PLAN.id and read.modality == PLAN.modality and read.quote == PLAN.quote
    assert (read.subject, read.attribute, read.value.type) == ("direct talks", "resumed", ValueType.DATE)
    assert read.value.period == PLAN.time
    assert dated_state(read) == ("resumed", ("years", 3.0), False)
    assert dated_state(DONE) == ("resumed", ("years", 3.0), False)  # restored and resumed: one state


@pytest.mark.parametrize(
    ("attribute", "text", "time"),
    [
        ("preparing to hold", "direct talks", "2024-06"),  # no span: nothing says it was ever stopped
        ("preparing to hold", "first direct talks in more than three years", "2024"),  # a year dates too much
        ("will not run", "first direct talks in more than three years", "2024-06"),  # denied
        ("ran for", "the first time in three years", "2024-06"),  # no event named
        ("elected", "the first woman in 50 years to lead the party", "2024-06-02"),  # a person, not an event
        ("scored", "his first goal in two years", "2024-06-02"),  # a thing, not an event
        ("saw", "its first snowfall in ten years", "2024-06-02"),
        ("reported", "the first increase in three years", "2024-06-02"),
    ],
)
def test_no_resumption_without_an_event_held_first_in_a_span_dated_closely(attribute: str, text: str, time: str):
    claim = make_claim("a", "riverside", attribute, make_value("text", text), time=time, quote=f"They {text}.")
    assert resumed_act(claim) is claim


def test_gaps_read_from_the_parse():
    assert first_event("the city's first direct flights to Lisbon in 14 months") == "direct flights"
    quote = "Night trains to the coast resumed in May after 14 months"
    claim = make_claim("a", "night_trains", "resumed", make_value("date", "May", "2025-05"), quote=quote)
    assert dated_state(claim) == ("resumed", ("months", 14.0), False)
    later = claim.model_copy(update={"quote": "Night trains to the coast resumed in May, the operator said"})
    assert dated_state(later) == ("resumed", None, False)  # no gap told
    other = claim.model_copy(update={"attribute": "cancelled in"})
    assert dated_state(other) == ("canceled", None, False)  # no resumption: the span is no gap


def test_a_planned_resumption_and_its_report_agree():
    [slot] = align([PLAN, DONE])
    assert {c.id for c in slot.claims} == {PLAN.id, DONE.id}
    sources = [make_source("a", "2024-05-10"), make_source("b", "2024-11-02")]
    findings = reconcile(sources, [PLAN, DONE])
    assert [f.kind for f in findings] == [FindingKind.AGREEMENT]


def _alone(claims: list[Claim]) -> bool:
    """Whether the plan stays in a slot of its own."""
    return any({c.id for c in slot.claims} == {PLAN.id} for slot in align(claims))


def test_resumptions_stay_apart_on_another_gap_a_third_a_date_in_conflict_or_one_source():
    assert _alone([PLAN, _restored("b", "June", "2024-06", "five years")])  # another gap
    assert _alone([PLAN, _restored("b", "September", "2024-09", "three years")])  # dates in conflict
    third = _restored("c", "June", "2024-06", "three years").model_copy(
        update={"subject": "Bay Route", "subject_key": "bay_route"}
    )
    assert _alone([PLAN, DONE, third])  # a third resumption after one gap: which two are one is not known
    assert _alone([PLAN, DONE.model_copy(update={"source_id": "a"}).with_id()])  # one source
