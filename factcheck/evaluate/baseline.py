"""Baselines: the figures a suite reached with one extractor, kept in the repository and checked in CI."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from factcheck.errors import InputError
from factcheck.evaluate.runner import EvalResult
from factcheck.models import PromptInfo

BASELINE_VERSION = 1


class Baseline(BaseModel):
    """What a run reached: metric values and, per case, the status of every expectation."""

    baseline_version: int = BASELINE_VERSION
    suite: str
    label: str
    extractor: str
    model: str | None = None
    factcheck_version: str
    prompts: list[PromptInfo] = Field(default_factory=list)
    metrics: dict[str, float | None]
    counts: dict[str, str] = Field(default_factory=dict, description="hits/total behind each metric.")
    cases: dict[str, dict[str, str]] = Field(default_factory=dict, description="case -> expectation id -> status.")
    unexpected: dict[str, list[str]] = Field(default_factory=dict, description="case -> unexpected finding keys.")
    sources: dict[str, dict[str, float | None]] = Field(default_factory=dict, description="Extraction per article.")


class MetricCheck(BaseModel):
    """One metric compared with its baseline."""

    name: str
    current: float | None
    baseline: float | None
    minimum: float | None
    passed: bool
    reason: str


class Change(BaseModel):
    """Something that differs from the baseline in one case (or one article, for extraction)."""

    case: str
    item: str
    before: str
    after: str

    def text(self) -> str:
        return f"{self.case}: {self.item}: {self.before} -> {self.after}"


class CheckResult(BaseModel):
    """The verdict of `factcheck eval --check`."""

    baseline_path: str
    tolerance: float
    metrics: list[MetricCheck]
    changes: list[Change]
    prompt_changes: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(m.passed for m in self.metrics)

    @property
    def failed(self) -> list[MetricCheck]:
        return [m for m in self.metrics if not m.passed]


def from_result(result: EvalResult) -> Baseline:
    """The baseline a run would write."""
    return Baseline(
        suite=result.suite,
        label=result.label,
        extractor=result.extractor,
        model=result.model,
        factcheck_version=result.factcheck_version,
        prompts=result.prompts,
        metrics=result.values(),
        counts={n: f"{r.hits}/{r.total}" for n, r in sorted(result.metrics.items())},
        cases={c.name: {o.id: o.status.value for o in c.outcomes} for c in result.cases},
        unexpected={c.name: sorted(u.key for u in c.unexpected) for c in result.cases},
        sources={s.source_id: {"precision": s.precision.value, "recall": s.recall.value} for s in result.sources},
    )


def save_baseline(result: EvalResult, path: Path) -> Baseline:
    """Write the run's baseline to path (creating its folder)."""
    baseline = from_result(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
    return baseline


def load_baseline(path: Path, hint: str) -> Baseline:
    """Read a baseline file; a missing or unreadable one is an InputError with the given hint."""
    if not path.is_file():
        raise InputError(f"{path}: no baseline", hint)
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError) as exc:
        raise InputError(f"{path}: not a baseline file", hint) from exc


def check(result: EvalResult, baseline: Baseline, tolerance: float, baseline_path: str) -> CheckResult:
    """Compare a run with its baseline: a metric fails when it falls more than tolerance below it."""
    current = result.values()
    checks = []
    for name, before in sorted(baseline.metrics.items()):
        now = current.get(name)
        if before is None:
            checks.append(
                MetricCheck(
                    name=name,
                    current=now,
                    baseline=None,
                    minimum=None,
                    passed=True,
                    reason="not measured in the baseline",
                )
            )
        elif now is None:
            checks.append(
                MetricCheck(
                    name=name,
                    current=None,
                    baseline=before,
                    minimum=before - tolerance,
                    passed=False,
                    reason="no longer measured",
                )
            )
        else:
            minimum = round(before - tolerance, 4)
            ok = now >= minimum - 1e-9
            reason = (
                f"{now:.3f} >= {minimum:.3f}" if ok else f"fell from {before:.3f} to {now:.3f} (minimum {minimum:.3f})"
            )
            checks.append(
                MetricCheck(name=name, current=now, baseline=before, minimum=minimum, passed=ok, reason=reason)
            )
    for name in sorted(set(current) - set(baseline.metrics)):
        checks.append(
            MetricCheck(
                name=name,
                current=current[name],
                baseline=None,
                minimum=None,
                passed=True,
                reason="new metric, not in the baseline",
            )
        )
    return CheckResult(
        baseline_path=baseline_path,
        tolerance=tolerance,
        metrics=checks,
        changes=changes(result, baseline),
        prompt_changes=prompt_changes(result, baseline),
    )


def changes(result: EvalResult, baseline: Baseline) -> list[Change]:
    """Expectations whose status changed, unexpected findings that came or went, articles scored differently."""
    out: list[Change] = []
    for case in result.cases:
        before = baseline.cases.get(case.name)
        if before is None:
            out.append(Change(case=case.name, item="case", before="absent", after="new"))
            continue
        for o in case.outcomes:
            was = before.get(o.id, "absent")
            if was != o.status.value:
                out.append(Change(case=case.name, item=o.label(), before=was, after=o.status.value))
        now_keys = {u.key for u in case.unexpected}
        old_keys = set(baseline.unexpected.get(case.name, []))
        out += [
            Change(case=case.name, item=f"unexpected {k}", before="absent", after="produced")
            for k in sorted(now_keys - old_keys)
        ]
        out += [
            Change(case=case.name, item=f"unexpected {k}", before="produced", after="gone")
            for k in sorted(old_keys - now_keys)
        ]
    for s in result.sources:
        old = baseline.sources.get(s.source_id)
        now = {"precision": s.precision.value, "recall": s.recall.value}
        if old is not None and old != now:
            for metric in ("precision", "recall"):
                if old.get(metric) != now[metric]:
                    out.append(
                        Change(
                            case=f"extraction {s.source_id}",
                            item=metric,
                            before=_num(old.get(metric)),
                            after=_num(now[metric]),
                        )
                    )
    return out


def prompt_changes(result: EvalResult, baseline: Baseline) -> list[str]:
    """Prompts whose file differs from the one the baseline was measured with."""
    old = {p.id: p for p in baseline.prompts}
    out = []
    for p in result.prompts:
        if p.id in old and old[p.id].sha256 != p.sha256:
            out.append(
                f"prompt {p.id} changed (v{old[p.id].version} sha256 {old[p.id].sha256[:12]} -> "
                f"v{p.version} sha256 {p.sha256[:12]})"
            )
    return out


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
