"""JUnit XML of an evaluation: one testcase per metric check, per expected finding and per case check."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from factcheck.evaluate.baseline import Baseline, CheckResult
from factcheck.evaluate.matching import PASSING, MatchStatus
from factcheck.evaluate.runner import CaseResult, EvalResult

PASSING_VALUES = {s.value for s in PASSING}


@dataclass
class JUnitCase:
    """One testcase: passed, failed (with a message) or skipped (a known gap, also in the baseline)."""

    name: str
    failure: str | None = None
    skipped: str | None = None
    output: str | None = None


def to_junit(result: EvalResult, check: CheckResult | None = None, baseline: Baseline | None = None) -> str:
    """The evaluation as a JUnit XML document."""
    prefix = f"factcheck.{result.suite}.{result.label}"
    root = ET.Element("testsuites", name=f"factcheck eval {result.suite} ({result.label})")
    _suite(root, f"{prefix}.metrics", _metric_cases(result, check))
    # Failed chunks that the baseline had too (extraction.complete passed its check) are a known gap.
    failures_known = check is not None and all(m.passed for m in check.metrics if m.name == "extraction.complete")
    for case in result.cases:
        known = baseline.cases.get(case.name) if baseline else None
        old_unexpected = set(baseline.unexpected.get(case.name, [])) if baseline else None
        _suite(root, f"{prefix}.{case.name}", _case_cases(case, known, old_unexpected, failures_known))
    for name in ("tests", "failures", "skipped"):
        root.set(name, str(sum(int(s.get(name, "0")) for s in root)))
    root.set("errors", "0")
    root.set("time", f"{result.seconds:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(
    path: Path, result: EvalResult, check: CheckResult | None = None, baseline: Baseline | None = None
) -> None:
    """Write the JUnit XML file (creating its folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_junit(result, check, baseline), encoding="utf-8")


def _metric_cases(result: EvalResult, check: CheckResult | None) -> list[JUnitCase]:
    if check is None:
        return [JUnitCase(name=name, output=f"{name} = {ratio.text()}") for name, ratio in result.metrics.items()]
    out = []
    for m in check.metrics:
        ratio = result.metrics.get(m.name)
        shown = ratio.text() if ratio else "-"
        output = f"{m.name} = {shown}; baseline {'-' if m.baseline is None else f'{m.baseline:.3f}'}; {m.reason}"
        if m.passed:
            out.append(JUnitCase(name=m.name, output=output))
            continue
        related = [c.text() for c in check.changes if c.after not in PASSING_VALUES]
        detail = "\n".join([*check.prompt_changes, *related])
        out.append(
            JUnitCase(
                name=m.name, failure=f"{m.name} {m.reason} (tolerance {check.tolerance:g})", output=detail or output
            )
        )
    return out


def _case_cases(
    case: CaseResult, known: dict[str, str] | None, old_unexpected: set[str] | None, failures_known: bool = False
) -> list[JUnitCase]:
    out = []
    for o in case.outcomes:
        detail = o.explanation or o.note
        if o.passed:
            out.append(JUnitCase(name=o.label(), output=detail))
            continue
        why = "not produced" if o.status == MatchStatus.MISSING else f"produced, but must not be: {o.explanation}"
        if known is not None and known.get(o.id) == o.status.value:
            out.append(JUnitCase(name=o.label(), skipped=f"known gap, also in the baseline: {why}"))
        else:
            out.append(JUnitCase(name=o.label(), failure=why, output=o.note))
    for kind in case.tally.complete:
        keys = [u for u in case.unexpected if u.key.startswith(f"{kind}:")]
        name = f"no unexpected {kind}"
        if not keys:
            out.append(JUnitCase(name=name))
            continue
        lines = "\n".join(f"{u.key} [{', '.join(u.source_ids)}]: {u.explanation}" for u in keys)
        if old_unexpected is not None and all(u.key in old_unexpected for u in keys):
            out.append(
                JUnitCase(name=name, skipped=f"known, also in the baseline: {len(keys)} finding(s)", output=lines)
            )
        else:
            out.append(JUnitCase(name=name, failure=f"{len(keys)} unexpected {kind} finding(s)", output=lines))
    if case.failures:
        what = f"{len(case.failures)} chunk(s) failed"
        if failures_known:
            out.append(
                JUnitCase(
                    name="extraction complete",
                    skipped=f"known, as in the baseline: {what}",
                    output="\n".join(case.failures),
                )
            )
        else:
            out.append(JUnitCase(name="extraction complete", failure=what, output="\n".join(case.failures)))
    return out


def _suite(root: ET.Element, name: str, cases: list[JUnitCase]) -> None:
    suite = ET.SubElement(
        root,
        "testsuite",
        name=name,
        tests=str(len(cases)),
        failures=str(sum(c.failure is not None for c in cases)),
        errors="0",
        skipped=str(sum(c.skipped is not None for c in cases)),
    )
    for c in cases:
        element = ET.SubElement(suite, "testcase", classname=name, name=c.name)
        if c.failure is not None:
            failure = ET.SubElement(element, "failure", message=c.failure.splitlines()[0], type="regression")
            failure.text = c.failure
        elif c.skipped is not None:
            ET.SubElement(element, "skipped", message=c.skipped)
        if c.output:
            ET.SubElement(element, "system-out").text = c.output
