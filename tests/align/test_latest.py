"""The latest instance so far, told by two reports days apart and dated before both, is one instance."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _last(source: str, subject: str, text: str, iso: str, quote: str) -> Claim:
    return make_claim(source, subject, "last staged", make_value("date", text, iso), time=iso, quote=quote)


EARLIER = _last(
    "a",
    "harbour_regatta",
    "July 2019",
    "2019-07",
    "The harbour regatta, last staged in July 2019, has lost its sponsor, the club said.",
)
LATER = _last(
    "b",
    "regatta",
    "July 2017",
    "2017-07",
    "Plans to revive the regatta, last staged in July 2017, were welcomed by the council.",
)


def test_two_reports_days_apart_name_one_latest_instance() -> None:
    sources = [make_source("a", "2024-02-03"), make_source("b", "2024-02-14")]
    by_id = {s.id: s for s in sources}
    [slot] = align([EARLIER, LATER], sources=by_id)
    assert len(slot.claims) == 2
    kinds = [f.kind for f in reconcile(sources, [EARLIER, LATER])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_reports_far_apart_or_a_date_after_a_report_propose_nothing() -> None:
    far = [make_source("a", "2021-02-03"), make_source("b", "2024-02-14")]  # another regatta may lie between
    assert len(align([EARLIER, LATER], sources={s.id: s for s in far})) == 2
    late = [make_source("a", "2019-07-20"), make_source("b", "2019-07-28")]  # July 2019 is not before both
    assert len(align([EARLIER, LATER], sources={s.id: s for s in late})) == 2
    assert len(align([EARLIER, LATER])) == 2  # no publication dates: nothing to place the dates against
