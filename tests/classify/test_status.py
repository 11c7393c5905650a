"""End to end on the seeds: status changes form one timeline per thing, and dates stay with what they date."""

from __future__ import annotations

import pytest
from paths import ROOT

from factcheck.classify.reconcile import reconcile
from factcheck.evaluate.score import load_gold
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.models import Claim, Finding, FindingKind, Source
from factcheck.sources.article import read_source


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return [read_source(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]


@pytest.fixture(scope="module", params=["offline", "gold"])
def findings(request: pytest.FixtureRequest, sources: list[Source]) -> tuple[list[Finding], dict[str, Claim]]:
    claims = (
        OfflineExtractor().extract(sources, NullProgress()).claims
        if request.param == "offline"
        else load_gold(ROOT / "testdata" / "gold")
    )
    return reconcile(sources, claims), {c.id: c for c in claims}


def _timeline(found: tuple[list[Finding], dict[str, Claim]], subject: str) -> list[tuple[str, str, list[str]]]:
    findings, claims = found
    [update] = [
        f for f in findings if f.kind == FindingKind.UPDATE and f.subject_key == subject and f.attribute == "status"
    ]
    return [
        (
            str(e.time.start.year) if e.time else "",
            claims[e.claim_ids[0]].value.normalized,
            sorted({claims[c].source_id[:3] for c in e.claim_ids}),
        )
        for e in update.timeline
    ]


def test_gsomia_status_is_one_timeline_across_sources(findings: tuple[list[Finding], dict[str, Claim]]) -> None:
    assert _timeline(findings, "gsomia") == [
        ("2012", "canceled", ["004"]),
        ("2016", "being revisited", ["004"]),
        ("2019", "termination threatened", ["003"]),
        ("2023", "being normalized", ["003"]),
    ]
    others = [f for f in findings[0] if f.subject_key == "gsomia" and f.kind != FindingKind.UPDATE]
    assert others == [], "the dated claims of the same quotes are part of the timeline, not single-source claims"


def test_security_talks_status_timeline(findings: tuple[list[Finding], dict[str, Claim]]) -> None:
    steps = [(year, state) for year, state, _ in _timeline(findings, "japan_south_korea_security_talks")]
    assert steps[0] == ("2018", "suspended")
    assert ("2023", "resumption agreed") in steps and steps[-1] == ("2023", "restored")


def test_no_contradiction_and_no_agreement_across_far_apart_periods(
    findings: tuple[list[Finding], dict[str, Claim]],
) -> None:
    found, claims = findings
    assert [f.explanation for f in found if f.kind == FindingKind.CONTRADICTION] == []
    for f in found:
        if f.kind != FindingKind.AGREEMENT:
            continue
        periods = [p for p in (claims[c].value.period for c in f.claim_ids) if p is not None]
        for a in periods:
            assert all(a.overlaps(b) for b in periods), f.explanation
    meeting = [
        f
        for f in found
        if f.kind == FindingKind.AGREEMENT
        and f.attribute == "meeting date"
        and f.subject_key == "fumio_kishida_yoon_suk_yeol_talks"
    ]
    assert all(not any(s.startswith("002") for s in f.source_ids) for f in meeting)
