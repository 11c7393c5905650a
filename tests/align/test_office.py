"""One person's taking office, worded as two acts by two sources, is one fact."""

from __future__ import annotations

from factcheck.align.office import office_pairs
from factcheck.align.slots import align, key_groups
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _dated(source: str, attribute: str, text: str, iso: str, quote: str, subject: str = "marta_okonjo") -> Claim:
    return make_claim(source, subject, attribute, make_value("date", text, iso), time=iso, quote=quote)


SWORN = _dated(
    "a", "sworn in", "January 2019", "2019-01", "Mayor Okonjo, who was sworn in in January 2019, promised lower fares."
)
INAUGURATED = _dated(
    "b", "inauguration", "2020", "2020", "But since her inauguration in 2020, the city has repaired forty bridges."
)


def test_two_wordings_of_one_taking_office_join_and_conflict() -> None:
    [slot] = align([SWORN, INAUGURATED])
    assert len(slot.claims) == 2
    sources = [make_source("a", "2023-06-01"), make_source("b", "2023-06-03")]
    kinds = [f.kind for f in reconcile(sources, [SWORN, INAUGURATED])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_a_named_office_a_third_date_or_one_source_propose_nothing() -> None:
    governor = _dated(
        "b",
        "took office as governor",
        "2020",
        "2020",
        "Okonjo took office as governor in 2020, after her term as mayor.",
    )
    assert office_pairs(key_groups([SWORN, governor])) == []  # one office of several, not the taking of office
    took = _dated("c", "took office", "March 2021", "2021-03", "Okonjo took office in March 2021.")
    assert office_pairs(key_groups([SWORN, INAUGURATED, took])) == []  # which two are one act is not known
    same_source = INAUGURATED.model_copy(update={"source_id": "a"}).with_id()
    assert office_pairs(key_groups([SWORN, same_source])) == []
    assert office_pairs(key_groups([SWORN, INAUGURATED])) == [(0, 1)]
