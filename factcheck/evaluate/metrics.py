"""Figures of an evaluation: ratios with their counts, per finding kind and per extracted value type."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from factcheck.evaluate.matching import MatchStatus, Outcome
from factcheck.models import FindingKind

KINDS = (FindingKind.AGREEMENT, FindingKind.CONTRADICTION, FindingKind.UPDATE, FindingKind.SINGLE_SOURCE)


class Ratio(BaseModel):
    """A figure as hits over a total, so every rate can be checked by hand."""

    hits: int = 0
    total: int = 0
    empty: float | None = Field(default=None, description="The value when total is 0 (None: not measured).")

    @property
    def value(self) -> float | None:
        return round(self.hits / self.total, 4) if self.total else self.empty

    def text(self) -> str:
        shown = "-" if self.value is None else f"{self.value:.3f}"
        return f"{shown} ({self.hits}/{self.total})"


class CaseTally(BaseModel):
    """Counts of one case, per finding kind."""

    expected: dict[str, int] = Field(default_factory=dict)
    matched: dict[str, int] = Field(default_factory=dict)
    produced: dict[str, int] = Field(default_factory=dict)
    produced_matched: dict[str, int] = Field(default_factory=dict)
    complete: list[str] = Field(default_factory=list)
    forbidden: int = 0
    avoided: int = 0


def tally_case(
    outcomes: Iterable[Outcome],
    produced: dict[str, int],
    produced_matched: dict[str, int],
    complete: Iterable[FindingKind],
) -> CaseTally:
    """Count one case's expectations and findings by kind."""
    t = CaseTally(
        produced=dict(produced), produced_matched=dict(produced_matched), complete=[k.value for k in complete]
    )
    for o in outcomes:
        if o.absent:
            t.forbidden += 1
            t.avoided += o.status == MatchStatus.AVOIDED
            continue
        k = o.kind.value
        t.expected[k] = t.expected.get(k, 0) + 1
        t.matched[k] = t.matched.get(k, 0) + (o.status == MatchStatus.MATCHED)
    return t


def finding_metrics(tallies: Iterable[CaseTally]) -> dict[str, Ratio]:
    """Recall per kind over all cases; precision per kind over the cases that list that kind completely.

    Precision with nothing produced is 1.0 where nothing was expected either (no false finding) and
    not measured otherwise; recall with nothing expected is not measured.
    """
    tallies = list(tallies)
    out: dict[str, Ratio] = {}
    total_hits = total = 0
    for kind in KINDS:
        k = kind.value
        expected = sum(t.expected.get(k, 0) for t in tallies)
        matched = sum(t.matched.get(k, 0) for t in tallies)
        total_hits, total = total_hits + matched, total + expected
        scoped = [t for t in tallies if k in t.complete]
        if expected:
            out[f"findings.{k}.recall"] = Ratio(hits=matched, total=expected)
        if scoped:
            produced = sum(t.produced.get(k, 0) for t in scoped)
            good = sum(t.produced_matched.get(k, 0) for t in scoped)
            nothing_expected = sum(t.expected.get(k, 0) for t in scoped) == 0
            out[f"findings.{k}.precision"] = Ratio(hits=good, total=produced, empty=1.0 if nothing_expected else None)
    if total:
        out["findings.all.recall"] = Ratio(hits=total_hits, total=total)
    forbidden = sum(t.forbidden for t in tallies)
    if forbidden:
        out["findings.forbidden.avoided"] = Ratio(hits=sum(t.avoided for t in tallies), total=forbidden)
    return out


def values(ratios: dict[str, Ratio]) -> dict[str, float | None]:
    """Metric name -> value, in name order."""
    return {name: ratios[name].value for name in sorted(ratios)}
