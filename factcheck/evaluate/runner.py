"""Run the whole pipeline over every case of a suite and score what it produced."""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from factcheck import __version__
from factcheck.config import Settings
from factcheck.evaluate.extraction import SourceScore, score_sources
from factcheck.evaluate.matching import Outcome, Unexpected, match_case
from factcheck.evaluate.metrics import CaseTally, Ratio, finding_metrics, tally_case
from factcheck.evaluate.suite import ResolvedCase, Suite
from factcheck.extract import Extraction, NullProgress, make_extractor
from factcheck.models import PromptInfo, Source, Usage
from factcheck.pipeline import Warn, build_report, load_sources

if TYPE_CHECKING:
    from factcheck.extract.llm.judge import ModelJudge

ExtractOne = Callable[[Source], Extraction]


class CaseResult(BaseModel):
    """What one case produced and how it compares with its expectations."""

    name: str
    sources: list[str]
    paths: list[str]
    claims: int
    findings: dict[str, int]
    outcomes: list[Outcome]
    unexpected: list[Unexpected] = Field(default_factory=list)
    tally: CaseTally
    failures: list[str] = Field(default_factory=list, description="Chunks the extractor could not process.")


class EvalResult(BaseModel):
    """An evaluation of one suite with one extractor."""

    suite: str
    label: str = Field(description="Baseline name: 'offline' or 'llm-<model>'.")
    extractor: str
    model: str | None = None
    prompts: list[PromptInfo] = Field(default_factory=list)
    factcheck_version: str = __version__
    metrics: dict[str, Ratio]
    cases: list[CaseResult]
    sources: list[SourceScore] = Field(default_factory=list, description="Extraction scores per article with gold.")
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0

    def values(self) -> dict[str, float | None]:
        """Metric name -> value."""
        return {name: self.metrics[name].value for name in sorted(self.metrics)}

    @property
    def incomplete(self) -> bool:
        return any(c.failures for c in self.cases)


def default_extract(settings: Settings) -> ExtractOne:
    """Extract one source with the extractor the settings choose."""
    extractor = make_extractor(settings)
    return lambda source: extractor.extract([source], NullProgress())


def run_suite(
    suite: Suite, settings: Settings, extract: ExtractOne | None = None, warn: Warn = lambda _: None
) -> EvalResult:
    """Run every case: read, extract (each distinct article once), reconcile, match, score."""
    t0 = time.perf_counter()
    extract = extract or default_extract(settings)
    memo: dict[tuple[str, str], Extraction] = {}
    scored: dict[tuple[str, str], tuple[Source, Extraction]] = {}
    cases: list[CaseResult] = []
    for case in suite.cases:
        sources = load_sources([str(p) for p in case.paths], settings, warn)
        parts = []
        for source in sources:
            key = (source.id, source.sha256)
            if key not in memo:
                memo[key] = extract(source)
            parts.append(memo[key])
            if case.extraction:
                scored.setdefault(key, (source, memo[key]))
        merged = merge(parts)
        cases.append(_run_case(suite, case, sources, merged, _judge(settings, merged, warn)))
    extractions = list(memo.values())
    first = extractions[0] if extractions else Extraction(claims=[], extractor=settings.extractor)
    ratios = finding_metrics(c.tally for c in cases)
    ratios["extraction.complete"] = Ratio(hits=sum(not e.failures for e in extractions), total=len(extractions))
    sources_scores: list[SourceScore] = []
    if suite.gold is not None:
        extraction_ratios, sources_scores = score_sources(list(scored.values()), suite.gold)
        ratios.update(extraction_ratios)
    return EvalResult(
        suite=suite.name,
        label=label_for(first.extractor, first.model),
        extractor=first.extractor,
        model=first.model,
        prompts=_unique_prompts(extractions),
        metrics=dict(sorted(ratios.items())),
        cases=cases,
        sources=sources_scores,
        usage=_total_usage(extractions),
        seconds=round(time.perf_counter() - t0, 3),
    )


def _judge(settings: Settings, extraction: Extraction, warn: Warn) -> ModelJudge | None:
    """The model judge of alignment, as `factcheck compare` makes it: llm claims and model alignment on."""
    if extraction.extractor != "llm" or not settings.model_alignment:
        return None
    from factcheck.extract.llm.judge import ModelJudge

    return ModelJudge(settings, warn)


def _run_case(
    suite: Suite, case: ResolvedCase, sources: list[Source], extraction: Extraction, judge: ModelJudge | None = None
) -> CaseResult:
    report = build_report(sources, extraction, {}, judge)
    ids = [s.id for s in report.sources]
    outcomes, unexpected, used = match_case(
        case.expectations, report.findings, report.claims, ids, case.complete, f"{suite.name}/{case.name}"
    )
    produced = Counter(f.kind.value for f in report.findings)
    produced_matched = Counter(f.kind.value for f in report.findings if f.id in used)
    return CaseResult(
        name=case.name,
        sources=ids,
        paths=[_relative(p) for p in case.paths],
        claims=len(report.claims),
        findings=dict(sorted(produced.items())),
        outcomes=outcomes,
        unexpected=unexpected,
        tally=tally_case(outcomes, produced, produced_matched, case.complete),
        failures=[f"{f.source_id} chunk {f.chunk_index + 1}: {f.error}" for f in report.run.failures],
    )


def merge(parts: list[Extraction]) -> Extraction:
    """One Extraction from per-source ones."""
    if not parts:
        return Extraction(claims=[], extractor="none")
    usage = _total_usage(parts)
    return Extraction(
        claims=[c for p in parts for c in p.claims],
        extractor=parts[0].extractor,
        model=parts[0].model,
        base_url=parts[0].base_url,
        failures=[f for p in parts for f in p.failures],
        usage=usage,
        ungrounded_discarded=sum(p.ungrounded_discarded for p in parts),
        prompts=_unique_prompts(parts),
    )


def label_for(extractor: str, model: str | None) -> str:
    """Baseline name for an extractor: 'offline', or 'llm-<model>' with the model name made file-safe."""
    if extractor == "offline" or not model:
        return extractor
    return f"{extractor}-{re.sub(r'[^A-Za-z0-9._-]+', '-', model).strip('-')}"


def _unique_prompts(parts: list[Extraction]) -> list[PromptInfo]:
    seen: dict[str, PromptInfo] = {}
    for p in parts:
        for info in p.prompts:
            seen.setdefault(f"{info.id}:{info.sha256}", info)
    return list(seen.values())


def _total_usage(parts: list[Extraction]) -> Usage:
    total = Usage()
    for p in parts:
        for name in ("requests", "cached", "prompt_tokens", "completion_tokens"):
            setattr(total, name, getattr(total, name) + getattr(p.usage, name))
    return total


def _relative(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
