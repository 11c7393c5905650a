"""The terminal view of `factcheck eval`: metrics, cases and what was missed (a renderable; nothing prints)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from factcheck.evaluate.baseline import CheckResult
from factcheck.evaluate.runner import EvalResult

KIND_COLUMNS = (("agreement", "agr"), ("contradiction", "con"), ("update", "upd"), ("single_source", "single"))


def eval_view(result: EvalResult, check: CheckResult | None = None) -> RenderableType:
    """Header, metric table, case table, misses and the check's verdict."""
    title = Text(f"factcheck eval: suite {result.suite}, extractor {result.label}", style="bold")
    prompts = ", ".join(f"{p.id} v{p.version} ({p.sha256[:12]})" for p in result.prompts)
    meta = Text(
        f"factcheck {result.factcheck_version}"
        + (f"; prompts: {prompts}" if prompts else "")
        + f"; {result.seconds:.1f}s",
        style="dim",
    )
    parts: list[RenderableType] = [title, meta, metric_table(result, check), case_table(result)]
    misses = misses_text(result)
    if misses.plain:
        parts.append(misses)
    if check is not None:
        parts.append(check_text(check))
    return Group(*parts)


def metric_table(result: EvalResult, check: CheckResult | None) -> Table:
    """One row per metric: value, the counts behind it and, when checking, its baseline."""
    table = Table(title="metrics", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("hits/total", justify="right")
    by_name = {m.name: m for m in check.metrics} if check else {}
    if check:
        table.add_column("baseline", justify="right")
        table.add_column("check")
    for name, ratio in result.metrics.items():
        value = "-" if ratio.value is None else f"{ratio.value:.3f}"
        row = [name, value, f"{ratio.hits}/{ratio.total}"]
        if check:
            m = by_name.get(name)
            base = "-" if m is None or m.baseline is None else f"{m.baseline:.3f}"
            verdict = Text("ok", style="green") if m is None or m.passed else Text("FAIL", style="bold red")
            row += [base, verdict]  # type: ignore[list-item]
        table.add_row(*row)
    return table


def case_table(result: EvalResult) -> Table:
    """One row per case: articles, claims, findings by kind, expectations met, unexpected findings."""
    table = Table(title="cases", box=box.SIMPLE_HEAD, title_justify="left")
    for name, justify in (("case", "left"), ("articles", "right"), ("claims", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for _, short in KIND_COLUMNS:
        table.add_column(short, justify="right")
    table.add_column("expected met", justify="right")
    table.add_column("unexpected", justify="right")
    for case in result.cases:
        met = sum(o.passed for o in case.outcomes)
        table.add_row(
            case.name,
            str(len(case.sources)),
            str(case.claims),
            *(str(case.findings.get(kind, 0)) for kind, _ in KIND_COLUMNS),
            f"{met}/{len(case.outcomes)}",
            str(len(case.unexpected)),
        )
    return table


def misses_text(result: EvalResult) -> Text:
    """Expectations not met and unexpected findings, case by case; a line shown for an earlier case is counted, not repeated."""
    text = Text()
    shown: dict[str, str] = {}
    for case in result.cases:
        lines = [f"  missed  {o.label()}" for o in case.outcomes if not o.passed and not o.absent]
        lines += [f"  wrong   {o.label()}: {o.explanation}" for o in case.outcomes if not o.passed and o.absent]
        lines += [f"  extra   {u.key} [{', '.join(u.source_ids)}]: {u.explanation}" for u in case.unexpected]
        lines += [f"  failed  {f}" for f in case.failures]
        new = [line for line in lines if line not in shown]
        repeated = sorted({shown[line] for line in lines if line in shown})
        if not lines:
            continue
        text.append(f"{case.name}\n", style="bold")
        if new:
            text.append("\n".join(new) + "\n")
        if repeated:
            text.append(f"  and {len(lines) - len(new)} as in {', '.join(repeated)}\n", style="dim")
        shown.update({line: case.name for line in new})
    return text


def check_text(check: CheckResult) -> Text:
    """The verdict against the baseline, with what changed."""
    text = Text()
    if check.passed:
        text.append(f"check passed against {check.baseline_path} (tolerance {check.tolerance:g})\n", style="green")
    for m in check.failed:
        text.append(f"REGRESSION {m.name}: {m.reason} (tolerance {check.tolerance:g})\n", style="bold red")
    for line in check.prompt_changes:
        text.append(f"  {line}\n")
    for change in check.changes:
        text.append(f"  changed {change.text()}\n")
    return text
