"""An amount announced on a past day and soon reported otherwise, naming no change, is a contradiction."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _euros(source: str, subject: str, attribute: str, text: str, amount: float, quote: str, **kw: str) -> Claim:
    value = make_value("money", text, f"EUR {amount:.0f}", number=amount, unit="EUR")
    return make_claim(source, subject, attribute, value, quote=quote, **kw)


PLEDGE = _euros(
    "a",
    "city",
    "relief for flooded shops",
    "5 million euros",
    5e6,
    "The city said on Monday it would give 5 million euros in relief to the shops hit by the flood.",
    time="2024-03-04",
    modality="planned",
)


def _fund(quote: str, text: str = "8 million euro") -> Claim:
    return _euros("b", "city relief", "total", text, 8e6, quote)


FUND = _fund("Applications opened for 8 million euro relief.")


def _kinds(plan: Claim, report: Claim, published: str = "2024-03-12") -> list[FindingKind]:
    sources = [make_source("a", "2024-03-06"), make_source("b", published)]
    return [f.kind for f in reconcile(sources, [plan, report])]


def test_the_only_two_amounts_of_one_named_thing_about_one_thing_join():
    [slot] = align([PLEDGE, FUND])  # 'city' / 'city relief': scored 0.45, below the floor of other counted pairs
    assert len(slot.claims) == 2


def test_an_amount_announced_then_reported_otherwise_is_a_contradiction():
    assert _kinds(PLEDGE, FUND) == [FindingKind.CONTRADICTION]


def test_a_named_change_a_later_report_or_a_plan_for_later_stay_an_update():
    raised = _fund("The city raised its aid to 8 million euro relief on Friday.")
    assert FindingKind.CONTRADICTION not in _kinds(PLEDGE, raised)
    assert FindingKind.CONTRADICTION not in _kinds(PLEDGE, FUND, published="2024-07-30")
    later = PLEDGE.model_copy(update={"time": make_value("date", "June", "2024-06").period}).with_id()
    assert FindingKind.CONTRADICTION not in _kinds(later, FUND)
