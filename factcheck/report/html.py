"""The report as one self-contained HTML page: findings first, then every article in full.

Nothing is loaded from elsewhere (inline CSS, no scripts, a Content-Security-Policy that forbids
any fetch). Every quote links to its highlighted place in the article text further down the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from factcheck.models import Finding, FindingKind, Report, Source
from factcheck.report.html_style import CSS
from factcheck.report.html_text import article_html, quote_anchor
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

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
SECTION_IDS = {
    FindingKind.CONTRADICTION: "contradictions",
    FindingKind.AGREEMENT: "agreements",
    FindingKind.UPDATE: "timelines",
    FindingKind.SINGLE_SOURCE: "single-source",
}


def to_html(report: Report, *, decisions: Mapping[str, Decision] | None = None, show_dismissed: bool = False) -> str:
    """The whole report as a single HTML document."""
    view = ReportView(report, decisions, show_dismissed)
    title = f"factcheck report: {len(report.sources)} sources, {view.count(FindingKind.CONTRADICTION)} contradictions"
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(view),
        "<main>",
        _section(view, FindingKind.CONTRADICTION, _contradictions(view)),
        _section(view, FindingKind.AGREEMENT, _agreements(view)),
        _section(view, FindingKind.UPDATE, _timelines(view)),
        _section(view, FindingKind.SINGLE_SOURCE, _single_source(view)),
        _articles(view),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(view: ReportView) -> str:
    nav = " ".join(
        f'<a href="#{SECTION_IDS[k]}">{escape(KIND_TITLES[k])} <b>{len(view.findings(k))}</b></a>' for k in SECTION_IDS
    )
    out = ["<header>", "<h1>factcheck report</h1>", f'<nav>{nav} <a href="#articles">Articles</a></nav>']
    out.append(f"<p>{escape(view.claim_line())}</p>")
    out.append("<p>Findings: " + escape(", ".join(view.summary_counts())) + "</p>")
    out += [f'<p class="run">{escape(line)}</p>' for line in view.run_lines()]
    review = view.review_line()
    if review:
        out.append(f'<p class="review-line">{escape(review)}</p>')
    undated = view.undated_line()
    if undated:
        out.append(f'<p class="review-line undated">{escape(undated)}</p>')
    if view.report.run.failures:
        items = "".join(f"<li>{escape(line)}</li>" for line in view.failure_lines())
        out.append(
            '<div class="warning" role="alert"><strong>Incomplete run:</strong> some chunks failed at the '
            f"model; claims from these passages are missing.<ul>{items}</ul></div>"
        )
    rows = "".join(
        f'<tr><td><a href="#src-{view.number[s.id]}">{view.number[s.id]}</a></td><td>{escape(s.outlet or "unknown")}'
        f'</td><td class="when">{s.published.isoformat() if s.published else "<b>" + UNDATED + "</b>"}</td>'
        f"<td>{escape(s.title or '')}</td>"
        f'<td class="path">{escape(s.path)}</td></tr>'
        for s in view.sources
    )
    out.append(
        '<div class="scroll"><table class="sources"><thead><tr><th>#</th><th>Outlet</th><th>Published</th>'
        f"<th>Title</th><th>File</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
    out.append("</header>")
    return "\n".join(out)


def _section(view: ReportView, kind: FindingKind, body: str) -> str:
    shown, total = len(view.findings(kind)), view.count(kind)
    count = str(shown) if shown == total else f"{shown} shown of {total}"
    inner = body or f'<p class="none">No {escape(KIND_TITLES[kind].lower())}.</p>'
    return (
        f'<section id="{SECTION_IDS[kind]}" class="{kind.value}"><h2>{escape(KIND_TITLES[kind])} '
        f'<span class="count">({count})</span></h2>\n{inner}\n</section>'
    )


def quote_html(view: ReportView, quote: QuoteView) -> str:
    """A quote with its value marked, linked to its place in the article."""
    body = "".join(
        f'<mark class="v">{escape(piece)}</mark>' if is_value else escape(piece) for piece, is_value in quote.segments()
    )
    return f'<a class="q" href="#{quote_anchor(view, quote.claim)}">“{body}”</a>'


def sentence_html(view: ReportView, quote: QuoteView) -> str:
    """The whole sentence around the quote; the quoted part linked and underlined, its value marked."""
    context = [escape(piece) for piece, part in quote.sentence() if part == "context"]
    before = context[0] if quote.before else ""
    after = context[-1] if quote.after else ""
    return (
        f'<span class="ctx">{before}</span><span class="quoted">{quote_html(view, quote)}</span>'
        f'<span class="ctx">{after}</span>'
    )


def _attribution(quote: QuoteView) -> str:
    """The claim's attribution, as written, when it has one."""
    return f'<p class="attrib">{escape(quote.claim.attribution)}</p>' if quote.claim.attribution else ""


def _origins(finding: Finding) -> str:
    """One line per origin several sources repeat, counted once."""
    return "".join(f'<p class="origin">one origin: {escape(origin)}</p>' for origin in finding.origins)


def _where(view: ReportView, quote: QuoteView) -> str:
    return (
        f'<a class="where" href="#{quote_anchor(view, quote.claim)}">{escape(quote.source.path)}:'
        f"{quote.line}:{quote.col}</a>"
    )


def _decision(view: ReportView, finding: Finding) -> str:
    decision = view.decision(finding)
    if decision is None:
        return ""
    return f'<p class="decision {decision.status.value}">{escape(decision_label(decision))}</p>'


def _contradictions(view: ReportView) -> str:
    out = []
    for n, f in enumerate(view.findings(FindingKind.CONTRADICTION), 1):
        figures = "".join(
            f'<figure class="quote"><figcaption>{escape(view.source_label(q.source))}</figcaption>'
            f"<blockquote>{sentence_html(view, q)}</blockquote>"
            f'<p class="value">value: <b>{escape(value_label(q.claim))}</b></p>{_attribution(q)}<p>{_where(view, q)}</p>'
            "</figure>"
            for q in view.quotes(f.claim_ids)
        )
        out.append(
            f'<article class="finding" id="f-{finding_id(f)}"><h3>{n}. {escape(slot_label(f))}</h3>'
            f'<p>{escape(f.explanation)}</p>{_origins(f)}<div class="quotes">{figures}</div>{_decision(view, f)}'
            f'<p class="fid">finding {finding_id(f)}</p></article>'
        )
    return "\n".join(out)


def _source_list(view: ReportView, quotes: list[QuoteView]) -> str:
    items = "".join(
        f'<li><span class="src">{escape(view.source_label(q.source))}</span> {_where(view, q)}'
        f"<br>{quote_html(view, q)}</li>"
        for q in quotes
    )
    return f'<ul class="cites">{items}</ul>'


def _agreements(view: ReportView) -> str:
    findings = view.findings(FindingKind.AGREEMENT)
    if not findings:
        return ""
    rows = []
    for f in findings:
        quotes = view.quotes(f.claim_ids)
        values = " / ".join(dict.fromkeys(escape(value_label(q.claim)) for q in quotes))
        rows.append(
            f'<tr id="f-{finding_id(f)}"><td class="slot">{escape(slot_label(f))}{_origins(f)}{_decision(view, f)}</td>'
            f'<td data-label="Value">{values}</td><td>{_source_list(view, quotes)}</td>'
            f'<td class="num" data-label="Independent sources">{f.independent_sources}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="findings"><thead><tr><th>Slot</th><th>Value</th><th>Sources</th>'
        f"<th>Independent</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _timelines(view: ReportView) -> str:
    out = []
    for entity, rows in view.timelines():
        trs = "".join(
            f'<tr><td class="when slot">{escape(period_label(r.period))}</td><td data-label="What">'
            f'{escape(r.attribute)}</td><td data-label="Value">{escape(r.value)}</td>'
            f"<td>{_source_list(view, list(r.quotes))}</td></tr>"
            for r in rows
        )
        notes = "".join(
            f'<li id="f-{finding_id(f)}">{escape(f.attribute)}: {escape(f.explanation)}{_decision(view, f)}</li>'
            for f in {finding_id(r.finding): r.finding for r in rows}.values()
        )
        out.append(
            f'<article class="timeline"><h3>{escape(entity.replace("_", " "))}</h3><div class="scroll">'
            '<table class="findings"><thead><tr><th>When</th><th>What</th><th>Value</th><th>Source</th></tr></thead>'
            f'<tbody>{trs}</tbody></table></div><ul class="notes">{notes}</ul></article>'
        )
    return "\n".join(out)


def _single_source(view: ReportView) -> str:
    if not view.findings(FindingKind.SINGLE_SOURCE):
        return ""
    counts = "".join(
        f'<tr><td><a href="#src-{view.number[s.id]}">{escape(view.source_label(s))}</a></td><td class="num">{n}</td></tr>'
        for s, n in view.single_source_counts()
    )
    out = [
        '<div class="scroll"><table class="counts"><thead><tr><th>Source</th><th>Claims only it makes</th></tr>'
        f"</thead><tbody>{counts}</tbody></table></div>",
        "<details><summary>Every single-source claim</summary>",
    ]
    for source, items in view.single_source_by_source():
        rows = "".join(
            f'<tr id="f-{finding_id(f)}"><td class="slot">{escape(slot_label(f))}{_decision(view, f)}</td>'
            f'<td data-label="Value">{escape(value_label(q.claim))}</td><td>{quote_html(view, q)}</td>'
            f"<td>{_where(view, q)}</td></tr>"
            for f, q in items
        )
        out.append(
            f'<h3>{escape(view.source_label(source))}</h3><div class="scroll"><table class="findings">'
            "<thead><tr><th>Slot</th><th>Value</th><th>Quote</th><th>Position</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
    out.append("</details>")
    return "\n".join(out)


def _articles(view: ReportView) -> str:
    out = [
        '<section id="articles"><h2>Articles</h2>',
        '<p class="hint">Highlighted passages are quoted above; a followed link outlines its passage.</p>',
    ]
    for source in view.sources:
        out.append(_article(view, source))
    out.append("</section>")
    return "\n".join(out)


def _article(view: ReportView, source: Source) -> str:
    n = view.number[source.id]
    head = escape(view.source_label(source)) + (f" — {escape(source.title)}" if source.title else "")
    url = source.url or ""
    link = f' <a class="url" href="{escape(url)}" rel="noreferrer">original</a>' if _safe_url(url) else ""
    return (
        f'<article class="article" id="src-{n}"><h3>{head}</h3><p class="path">{escape(source.path)}{link}</p>'
        f'<div class="text">{article_html(view, source)}</div></article>'
    )


def _safe_url(url: str) -> bool:
    """Only plain web links become links (a click is the reader's choice; nothing is fetched)."""
    return url.lower().startswith(("https://", "http://"))
