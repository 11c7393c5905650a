"""Open clauses with a named value across sources: one act told in either voice meets in one slot, and what a
subject did to one name never conflicts with what another outlet says it did to another."""

from __future__ import annotations

from factcheck.api import reconcile
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.models import FindingKind, Report
from factcheck.testing import make_source


def _report(*bodies: str) -> Report:
    sources = [make_source(f"s{i}", "2024-05-02", body=b) for i, b in enumerate(bodies)]
    claims = OfflineExtractor().extract(sources, NullProgress()).claims
    return reconcile(sources, claims, extractor="offline")


def _findings(report: Report, kind: FindingKind, value: str) -> list[set[str]]:
    by_id = {c.id: c for c in report.claims}
    return [
        {by_id[i].source_id for i in f.claim_ids}
        for f in report.findings
        if f.kind == kind and any(by_id[i].value.normalized == value for i in f.claim_ids)
    ]


def test_an_acquisition_told_in_the_active_and_the_passive_voice_agrees() -> None:
    report = _report(
        "Harrow Foods acquired Bellweather Dairy Inc., the company said.",
        "Bellweather Dairy Inc. was acquired by Harrow Foods, a filing shows.",
    )
    assert {"s0", "s1"} in _findings(report, FindingKind.AGREEMENT, "bellweather_dairy_inc")


def test_two_things_one_subject_did_are_no_contradiction() -> None:
    report = _report("Harrow Foods acquired Bellweather Dairy.", "Harrow Foods acquired Oakline Creamery.")
    assert not [f for f in report.findings if f.kind == FindingKind.CONTRADICTION]
    report = _report("Lumetra's founder Nadia Petrov spoke.", "Lumetra's founder Olaf Brandt spoke.")
    assert not [f for f in report.findings if f.kind == FindingKind.CONTRADICTION]
