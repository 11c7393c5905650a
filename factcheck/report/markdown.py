"""The report as GitHub-flavoured Markdown, for pasting into a ticket or a pull-request comment."""

from __future__ import annotations

import re
from collections.abc import Mapping

from factcheck.models import Finding, FindingKind, Report
from factcheck.report.view import (
    KIND_TITLES,
    UNDATED,
    QuoteView,
    ReportView,
    decision_label,
    period_label,
    slot_label,
    value_label,
)
from factcheck.review import Decision, finding_id
from factcheck.safetext import code_span, safe_mapping, safe_model

# Underscores inside a word never make emphasis in CommonMark, so ids like 000_11d1 stay readable.
_SPECIAL = re.compile(r"([\\`*|~]|\](?=[(\[:])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_LINE_START = re.compile(r"^([#+-])")


def to_markdown(
    report: Report, *, decisions: Mapping[str, Decision] | None = None, show_dismissed: bool = False
) -> str:
    """The whole report; single-source claims are listed in a collapsed block."""
    report, decisions = safe_model(report), safe_mapping(decisions)  # control characters made visible
    view = ReportView(report, decisions, show_dismissed)
    out = _header(view)
    out += _section(view, FindingKind.CONTRADICTION, _contradictions(view))
    out += _section(view, FindingKind.AGREEMENT, _agreements(view))
    out += _section(view, FindingKind.UPDATE, _timelines(view))
    out += _section(view, FindingKind.SINGLE_SOURCE, _single_source(view))
    return "\n".join(out).rstrip("\n") + "\n"


def escape(text: str) -> str:
    """Text shown as written: Markdown and HTML characters escaped, line breaks kept in table cells."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINE_START.sub(r"\\\1", _SPECIAL.sub(r"\\\1", text))
    return text.replace("\r", "").replace("\n", "<br>")


def code(text: str) -> str:
    """An inline code span that survives backticks in the text."""
    return code_span(text)


def quote_md(quote: QuoteView) -> str:
    """The quote with its value in bold."""
    body = "".join(f"**{escape(piece)}**" if is_value else escape(piece) for piece, is_value in quote.segments())
    return f"“{body}”"


def sentence_md(quote: QuoteView) -> str:
    """The whole sentence around the quote; the quoted part underlined (<ins>) between “ ”, its value in bold."""
    out, inside = [], False
    for piece, part in quote.sentence():
        if (part != "context") != inside:
            out.append("<ins>“" if not inside else "”</ins>")
            inside = not inside
        out.append(f"**{escape(piece)}**" if part == "value" else escape(piece))
    return "".join(out) + ("”</ins>" if inside else "")


def _attribution(quote: QuoteView) -> str:
    """' · according to Canada.com' when the claim is attributed."""
    return f" · {escape(quote.claim.attribution)}" if quote.claim.attribution else ""


def _header(view: ReportView) -> list[str]:
    out = ["# factcheck report", ""]
    out.append(escape(view.claim_line()) + "  ")
    out.append("**Findings:** " + escape(", ".join(view.summary_counts())) + "  ")
    out += [escape(line) + "  " for line in view.run_lines()]
    review = view.review_line()
    if review:
        out.append("**" + escape(review) + "**  ")
    undated = view.undated_line()
    if undated:
        out.append("**" + escape(undated) + "**  ")
    out.append("")
    if view.report.run.failures:
        out += [
            "> [!WARNING]",
            "> **Incomplete run:** some chunks failed at the model; claims from these passages are missing.",
            ">",
        ]
        out += [f"> - {escape(line)}" for line in view.failure_lines()]
        out.append("")
    out += ["| # | Outlet | Published | Title | File |", "|---|---|---|---|---|"]
    for s in view.sources:
        when = s.published.isoformat() if s.published else f"**{UNDATED}**"
        out.append(
            f"| {view.number[s.id]} | {escape(s.outlet or 'unknown')} | {when} | {escape(s.title or '')} "
            f"| {code(s.path)} |"
        )
    out.append("")
    return out


def _section(view: ReportView, kind: FindingKind, body: list[str]) -> list[str]:
    shown, total = len(view.findings(kind)), view.count(kind)
    count = str(shown) if shown == total else f"{shown} shown of {total}"
    out = [f"## {KIND_TITLES[kind]} ({count})", ""]
    return out + (body or [f"_No {KIND_TITLES[kind].lower()}._", ""])


def _decision(view: ReportView, finding: Finding) -> str:
    decision = view.decision(finding)
    return escape(decision_label(decision)) if decision else ""


def _contradictions(view: ReportView) -> list[str]:
    out: list[str] = []
    for n, f in enumerate(view.findings(FindingKind.CONTRADICTION), 1):
        quotes = view.quotes(f.claim_ids)
        out += [f"### {n}. {escape(slot_label(f))}", "", escape(f.explanation), ""]
        out += [*(f"- one origin: {escape(origin)}" for origin in f.origins), ""] if f.origins else []
        if quotes:
            out.append("| " + " | ".join(escape(view.source_label(q.source)) for q in quotes) + " |")
            out.append("|" + "---|" * len(quotes))
            out.append("| " + " | ".join(sentence_md(q) for q in quotes) + " |")
            out.append(
                "| " + " | ".join("value: " + escape(value_label(q.claim)) + _attribution(q) for q in quotes) + " |"
            )
            out.append("| " + " | ".join(code(q.where) for q in quotes) + " |")
            out.append("")
        decision = _decision(view, f)
        out.append((f"**Review:** {decision}  \n" if decision else "") + f"<sub>finding {finding_id(f)}</sub>")
        out.append("")
    return out


def _agreements(view: ReportView) -> list[str]:
    findings = view.findings(FindingKind.AGREEMENT)
    if not findings:
        return []
    out = ["| Slot | Value | Source line:col, quote | Independent | Review |", "|---|---|---|---:|---|"]
    for f in findings:
        quotes = view.quotes(f.claim_ids)
        values = " / ".join(dict.fromkeys(escape(value_label(q.claim)) for q in quotes))
        where = "<br>".join(f"{escape(view.cite(q))}<br>{quote_md(q)}" for q in quotes)
        slot = escape(slot_label(f)) + "".join(f"<br>one origin: {escape(origin)}" for origin in f.origins)
        out.append(f"| {slot} | {values} | {where} | {f.independent_sources} | {_decision(view, f)} |")
    return [*out, ""]


def _timelines(view: ReportView) -> list[str]:
    out: list[str] = []
    for entity, rows in view.timelines():
        out += [
            f"### {escape(entity.replace('_', ' '))}",
            "",
            "| When | What | Value | Source line:col, quote |",
            "|---|---|---|---|",
        ]
        for row in rows:
            where = "<br>".join(f"{escape(view.cite(q))}<br>{quote_md(q)}" for q in row.quotes)
            out.append(f"| {period_label(row.period)} | {escape(row.attribute)} | {escape(row.value)} | {where} |")
        out.append("")
        decided = [(f, _decision(view, f)) for f in {finding_id(r.finding): r.finding for r in rows}.values()]
        notes = [f"- {escape(f.attribute)}: **{decision}**" for f, decision in decided if decision]
        out += [*notes, ""] if notes else []
    return out


def _single_source(view: ReportView) -> list[str]:
    if not view.findings(FindingKind.SINGLE_SOURCE):
        return []
    out = ["| Source | Claims only it makes |", "|---|---:|"]
    out += [f"| {escape(view.source_label(s))} | {n} |" for s, n in view.single_source_counts()]
    out += ["", "<details><summary>Every single-source claim</summary>", ""]
    out += ["| Source | Slot | Value | Quote | Position | Review |", "|---|---|---|---|---|---|"]
    for source, items in view.single_source_by_source():
        label = escape(view.source_label(source))
        for f, q in items:
            out.append(
                f"| {label} | {escape(slot_label(f))} | {escape(value_label(q.claim))} | {quote_md(q)} "
                f"| {code(q.where)} | {_decision(view, f)} |"
            )
    return [*out, "", "</details>", ""]
