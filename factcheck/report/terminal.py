"""The terminal report: a rich renderable that the CLI prints (nothing here prints).

Every piece of article text goes through Text objects, never console markup, so brackets in a
quote are shown as written. Colour is decoration only: values are also named in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from factcheck.models import Finding, FindingKind, Report
from factcheck.report.view import (
    KIND_TITLES,
    UNDATED,
    QuoteView,
    ReportView,
    decision_label,
    period_label,
    plural,
    slot_label,
    value_label,
)
from factcheck.review import Decision, Status, finding_id
from factcheck.safetext import safe_mapping, safe_model

VALUE_STYLE = "bold reverse"
KIND_STYLES = {
    FindingKind.CONTRADICTION: "bold red",
    FindingKind.AGREEMENT: "bold green",
    FindingKind.UPDATE: "bold cyan",
    FindingKind.SINGLE_SOURCE: "bold",
}
STATUS_STYLES = {Status.CONFIRMED: "green", Status.DISMISSED: "dim", Status.FOLLOW_UP: "yellow"}
MIN_COLUMN = 34
VALUE_MIN_WIDTH = 14  # a value column is never narrower: 'President' and 'Wednesday' stay whole words
WHAT_MAX_WIDTH = 24  # attribute names in timelines take what they need, up to this
VALUE_MAX_LINES = 3  # a longer value is cut with an ellipsis; the quote beside it has the full text


def terminal(
    report: Report,
    *,
    show_all: bool = False,
    show_dismissed: bool = False,
    decisions: Mapping[str, Decision] | None = None,
) -> RenderableType:
    """The whole report: header, contradictions, agreements, timelines, single-source claims."""
    report, decisions = safe_model(report), safe_mapping(decisions)  # control characters made visible
    view = ReportView(report, decisions, show_dismissed)
    parts: list[RenderableType] = [header(view)]
    if report.run.failures:
        parts.append(incomplete_warning(view))
    parts.append(Text(""))
    parts += [
        _section(view, FindingKind.CONTRADICTION, contradictions(view)),
        _section(view, FindingKind.AGREEMENT, agreements(view)),
        _section(view, FindingKind.UPDATE, timelines(view)),
        _section(view, FindingKind.SINGLE_SOURCE, single_source(view, show_all)),
    ]
    return Group(*parts)


def review_card(
    report: Report, finding: Finding, number: int, total: int, decision: Decision | None = None
) -> RenderableType:
    """One finding as the review command shows it, with any earlier decision."""
    report, finding = safe_model(report), safe_model(finding)  # control characters made visible
    decision = safe_model(decision) if decision is not None else None
    view = ReportView(report, {finding_id(finding): decision} if decision else None, show_dismissed=True)
    title = Text(
        f"Finding {number} of {total}: {finding.kind.value.replace('_', '-')}", style=KIND_STYLES[finding.kind]
    )
    if decision is not None:
        title.append("  (decided before)", style="dim")
    return Group(Rule(title, align="left", style="dim"), finding_card(view, finding))


def header(view: ReportView) -> RenderableType:
    """Sources, extractor, counts, timings and usage."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for name in ("#", "Outlet", "Published", "Title", "File"):
        table.add_column(name, overflow="fold")
    narrow: list[RenderableType] = []
    for s in view.sources:
        when = s.published.isoformat() if s.published else UNDATED
        table.add_row(
            Text(str(view.number[s.id])), Text(s.outlet or "unknown"), Text(when), Text(s.title or ""), Text(s.path)
        )
        narrow += [
            Text(view.source_label(s), style="bold"),
            Padding(Text(f"{s.title or ''}\n{s.path}".lstrip("\n")), (0, 0, 0, 4)),
        ]
    sources = ByWidth(table, Group(*narrow, Text("")), min_width=90)
    lines = [Text(view.claim_line()), Text("findings: " + ", ".join(view.summary_counts()))]
    lines += [Text(line, style="dim") for line in view.run_lines()]
    review = view.review_line()
    if review:
        lines.append(Text(review, style="yellow"))
    undated = view.undated_line()
    if undated:
        lines.append(Text(undated, style="yellow"))
    return Panel(
        Group(sources, *lines), title=Text("factcheck report", style="bold"), title_align="left", box=box.ROUNDED
    )


def incomplete_warning(view: ReportView) -> RenderableType:
    """A red box naming the passages whose claims are missing."""
    failures = view.report.run.failures
    body = Text(
        f"INCOMPLETE RUN: {plural(len(failures), 'chunk', 'chunks')} failed at the model; claims from "
        "these passages are missing. Run the same command again to retry them.\n",
        style="bold red",
    )
    for line in view.failure_lines():
        body.append(f"  - {line}\n")
    body.rstrip()
    return Panel(body, border_style="red", box=box.HEAVY)


def contradictions(view: ReportView) -> list[RenderableType]:
    """Each contradiction with its quotes side by side."""
    return [finding_card(view, f, n) for n, f in enumerate(view.findings(FindingKind.CONTRADICTION), 1)]


def finding_card(view: ReportView, finding: Finding, number: int | None = None) -> RenderableType:
    """One finding in full: slot, explanation, quotes side by side, timeline, decision."""
    heading = Text(f"{number}. " if number is not None else "", style="bold")
    heading.append(slot_label(finding), style=KIND_STYLES[finding.kind])
    heading.append(f"  {finding.kind.value.replace('_', '-')}  {finding_id(finding)}", style="dim")
    parts: list[RenderableType] = [heading, Text(finding.explanation)]
    parts += [Text(f"one origin: {origin}", style="yellow") for origin in finding.origins]
    if finding.kind == FindingKind.UPDATE and finding.timeline:
        parts.append(_timeline_table(view, finding))
    quotes = view.quotes(finding.claim_ids)
    if quotes:
        parts.append(SideBySide([quote_cell(view, q) for q in quotes]))
    decision = view.decision(finding)
    if decision is not None:
        parts.append(Text(decision_label(decision), style=STATUS_STYLES[decision.status]))
    return Padding(Group(*parts), (0, 0, 1, 0))


def quote_cell(view: ReportView, quote: QuoteView) -> RenderableType:
    """Source, the quote with its value highlighted, the value in words, and the position."""
    text = Text()
    pieces = quote.sentence()  # the whole sentence; the quoted part between “ ” and underlined
    for k, (piece, part) in enumerate(pieces):
        if part != "context" and (k == 0 or pieces[k - 1][1] == "context"):
            text.append("“")
        text.append(piece, style={"context": "dim", "quote": "underline", "value": f"{VALUE_STYLE} underline"}[part])
        if part != "context" and (k == len(pieces) - 1 or pieces[k + 1][1] == "context"):
            text.append("”")
    said = [Text(f"value: {value_label(quote.claim)}", style="italic")]
    if quote.claim.attribution:
        said.append(Text(f"attribution: {quote.claim.attribution}", style="italic"))
    return Group(Text(view.source_label(quote.source), style="bold"), text, *said, Text(quote.where, style="dim"))


class ByWidth:
    """One renderable on wide terminals, another on narrow ones."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int) -> None:
        self.wide, self.narrow, self.min_width = wide, narrow, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.min_width else self.narrow


class SideBySide:
    """Cells in columns when the width allows, one under the other when it does not."""

    def __init__(self, cells: list[RenderableType]) -> None:
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        across = len(self.cells) > 1 and options.max_width >= MIN_COLUMN * len(self.cells)
        table = Table(box=box.ROUNDED, show_header=False, expand=True, show_lines=not across)
        if across:
            for _ in self.cells:
                table.add_column(ratio=1, overflow="fold")
            table.add_row(*self.cells)
        else:
            table.add_column(overflow="fold")
            for cell in self.cells:
                table.add_row(cell)
        yield table


def agreements(view: ReportView) -> list[RenderableType]:
    """One row per slot: the agreed value and every source that states it."""
    findings = view.findings(FindingKind.AGREEMENT)
    if not findings:
        return []
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("Slot", ratio=3, overflow="fold")
    _value_column(table, ratio=2)
    table.add_column("Source line:col and quote", ratio=4)
    table.add_column("Indep.", justify="right")
    for f in findings:
        quotes = view.quotes(f.claim_ids)
        values = list(dict.fromkeys(value_label(q.claim) for q in quotes))
        where = cited_quotes(view, quotes)
        slot = Text(slot_label(f))
        confirmed = view.confirmation(quotes)
        if confirmed:
            slot.append("\n" + confirmed, style="dim")
        for origin in f.origins:
            slot.append("\none origin: " + origin, style="yellow")
        decision = view.decision(f)
        if decision is not None:
            slot.append("\n" + decision_label(decision), style=STATUS_STYLES[decision.status])
        table.add_row(slot, Group(*(value_cell(v) for v in values)), where, Text(str(f.independent_sources)))
    return [table]


def cited_quotes(view: ReportView, quotes: Sequence[QuoteView]) -> Text:
    """Each quote's source and position, then the quote itself with its value highlighted."""
    out = Text()
    for i, quote in enumerate(quotes):
        if i:
            out.append("\n")
        out.append(view.cite(quote) + "\n", style="dim")
        out.append("“")
        for piece, is_value in quote.segments():
            out.append(piece, style=VALUE_STYLE if is_value else "")
        out.append("”")
    return out


def timelines(view: ReportView) -> list[RenderableType]:
    """Per entity, every dated value in time order, with the source that gives it."""
    parts: list[RenderableType] = []
    for entity, rows in view.timelines():
        table = Table(
            box=box.SIMPLE_HEAD,
            expand=True,
            pad_edge=False,
            title=Text(entity.replace("_", " "), style="bold cyan"),
            title_justify="left",
        )
        table.add_column("When", no_wrap=True)
        table.add_column("What", max_width=WHAT_MAX_WIDTH, overflow="fold")
        _value_column(table, ratio=1)
        table.add_column("Source line:col and quote", ratio=3)
        for row in rows:
            where = cited_quotes(view, row.quotes)
            table.add_row(Text(period_label(row.period)), Text(row.attribute), value_cell(row.value), where)
        notes = []
        for f in {finding_id(r.finding): r.finding for r in rows}.values():
            decision = view.decision(f)
            if decision is not None:
                line = Text(f"{f.attribute}: ", style="dim")
                line.append(decision_label(decision), style=STATUS_STYLES[decision.status])
                notes.append(Padding(line, (0, 0, 0, 2)))
        parts.append(Group(table, *notes, Text("")) if notes else table)
    return parts


def _timeline_table(view: ReportView, finding: Finding) -> RenderableType:
    """The timeline of one update finding, for its review card."""
    table = Table(box=box.SIMPLE, show_header=False, pad_edge=False)
    for row in view.timeline_rows(finding):
        where = ", ".join(f"[{q.number}] {q.line}:{q.col}" for q in row.quotes)
        table.add_row(Text(period_label(row.period)), Text(row.value), Text(where, style="dim"))
    return table


def single_source(view: ReportView, show_all: bool) -> list[RenderableType]:
    """A count per source, and with `show_all` every claim with its quote."""
    if not view.findings(FindingKind.SINGLE_SOURCE):
        return []
    counts = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    counts.add_column("Source")
    counts.add_column("Claims only it makes", justify="right")
    for source, n in view.single_source_counts():
        counts.add_row(Text(view.source_label(source)), Text(str(n)))
    if not show_all:
        return [counts, Text("List them in full with --all.", style="dim")]
    parts: list[RenderableType] = [counts]
    for source, items in view.single_source_by_source():
        table = Table(
            box=box.SIMPLE_HEAD,
            expand=True,
            pad_edge=False,
            title=Text(view.source_label(source), style="bold"),
            title_justify="left",
        )
        table.add_column("Slot", ratio=3, overflow="fold")
        _value_column(table, ratio=2)
        table.add_column("Quote", ratio=5, overflow="fold")
        table.add_column("Line:col", no_wrap=True)
        for f, q in items:
            quote = Text()
            for piece, is_value in q.segments():
                quote.append(piece, style=VALUE_STYLE if is_value else "")
            decision = view.decision(f)
            if decision is not None:
                quote.append(f"\n{decision_label(decision)}", style=STATUS_STYLES[decision.status])
            table.add_row(Text(slot_label(f)), value_cell(value_label(q.claim)), quote, Text(f"{q.line}:{q.col}"))
        parts.append(table)
    return parts


def _value_column(table: Table, ratio: int) -> None:
    """A Value column that wraps between words and never gets too narrow for one."""
    table.add_column("Value", ratio=ratio, min_width=VALUE_MIN_WIDTH, overflow="fold")


def value_cell(text: str) -> Clipped:
    """A value for a table cell: wrapped between words, at most VALUE_MAX_LINES lines."""
    return Clipped(Text(text), VALUE_MAX_LINES)


class Clipped:
    """Text wrapped to the width it is given and cut with an ellipsis after `lines` lines."""

    def __init__(self, text: Text, lines: int) -> None:
        self.text, self.lines = text, lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        lines = self.text.wrap(console, width, overflow="fold")
        if len(lines) > self.lines:
            kept = list(lines)[: self.lines]
            last = kept[-1]
            last.rstrip()
            if last.cell_len + 1 > width:
                space = last.plain.rfind(" ", 0, width - 1)
                last.truncate(space if space > 0 else width - 1)
                last.rstrip()
            last.append("…")
            lines = Lines(kept)
        yield Text("\n").join(lines)


def _section(view: ReportView, kind: FindingKind, body: list[RenderableType]) -> RenderableType:
    """A titled rule over a section, or a one-line 'none' when it is empty."""
    shown, total = len(view.findings(kind)), view.count(kind)
    title = (
        f"{KIND_TITLES[kind].upper()} ({shown})"
        if shown == total
        else f"{KIND_TITLES[kind].upper()} ({shown} shown of {total})"
    )
    rule = Rule(Text(title, style=KIND_STYLES[kind]), align="left", style=KIND_STYLES[kind].replace("bold ", ""))
    if not body:
        return Group(rule, Text(f"No {KIND_TITLES[kind].lower()}.", style="dim"), Text(""))
    return Group(rule, *body)
