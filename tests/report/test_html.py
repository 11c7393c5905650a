"""The HTML report: self-contained, well formed, escaped, and every quote linked to its place."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from sample_report import decided, incomplete_report, sample_report

from factcheck.models import FindingKind
from factcheck.report.html import to_html
from factcheck.report.html_text import Interval, overlay
from factcheck.review import Status, finding_id

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}


class Page(HTMLParser):
    """Checks nesting and collects ids, links, resource references and the text of each quoted span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.resources: list[str] = []
        self.spans: dict[str, list[str]] = {}
        self.tags: set[str] = set()
        self.link_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if a.get("id"):
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"] or "")
        for key in ("src", "srcset", "poster", "data", "action", "background"):
            if key in a:
                self.resources.append(f"{tag}[{key}]={a[key]}")
        if tag == "link":
            self.resources.append(f"link={a.get('href')}")
        if tag == "a":
            self.links.append((a.get("href") or "", a.get("class") or ""))
            self.link_text = []
        if tag not in VOID:
            self.stack.append((tag, a.get("data-q")))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for q in {dq for _, dq in self.stack if dq}:
            self.spans.setdefault(q, []).append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert not page.errors and not page.stack, (page.errors, page.stack)
    return page


def test_self_contained_and_well_formed() -> None:
    html = to_html(sample_report())
    page = parse(html)
    assert page.resources == []
    assert not {"script", "link", "iframe", "img", "object", "embed"} & page.tags
    assert not re.search(r"@import|url\(|https?://", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_every_quote_link_lands_on_its_text() -> None:
    report = sample_report()
    page = parse(to_html(report))
    anchors = {href[1:] for href, _ in page.links if href.startswith("#q")}
    by_anchor = {}
    for claim in report.claims:
        n = [s.id for s in report.sources].index(claim.source_id) + 1
        by_anchor[f"q{n}-{claim.span.start}-{claim.span.end}"] = claim
    assert anchors == set(by_anchor)
    for anchor in anchors:
        assert anchor in page.ids
        assert "".join(page.spans[anchor]) == by_anchor[anchor].quote


def test_text_is_escaped() -> None:
    report = sample_report()
    report.sources[0].title = '<script>alert("x")</script> & "quotes"'
    html = to_html(report)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;after&gt; years of delay &amp; debate." in html
    parse(html)


def test_articles_are_shown_in_full() -> None:
    report = sample_report()
    page = parse(to_html(report))
    assert {f"src-{i}" for i in (1, 2, 3)} <= page.ids
    html = to_html(report)
    text = re.sub(r"<[^>]+>", "", html.split('<section id="articles">')[1])
    for source in report.sources:
        flat = source.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert flat in text


def test_decisions_and_dismissed_findings() -> None:
    report = sample_report()
    single = [f for f in report.findings if f.kind == FindingKind.SINGLE_SOURCE]
    decisions = {**decided(single[0], Status.DISMISSED), **decided(single[1], Status.FOLLOW_UP, "ask the desk")}
    html = to_html(report, decisions=decisions)
    assert 'Single-source claims <span class="count">(1 shown of 2)</span>' in html
    assert '<p class="decision follow_up">⚑ needs follow-up: ask the desk</p>' in html
    assert "Steelmaker POSCO said" in html  # the article text still shows every quote
    assert f'id="f-{finding_id(single[0])}"' not in html
    assert f'id="f-{finding_id(single[0])}"' in to_html(report, decisions=decisions, show_dismissed=True)


def test_claims_sharing_a_quote_share_one_anchor() -> None:
    report = sample_report()
    posco = next(c for c in report.claims if c.subject_key == "posco")
    twin = posco.model_copy(
        update={
            "attribute": "donation recipient",
            "value": posco.value.model_copy(update={"text": "the foundation", "normalized": "foundation"}),
        }
    ).with_id()
    report.claims.append(twin)
    html = to_html(report)
    page = parse(html)
    anchor = f"q2-{posco.span.start}-{posco.span.end}"
    assert anchor in page.ids and html.count(f'id="{anchor}"') == 1
    assert "posco · donation amount = 4 billion won; posco · donation recipient = the foundation" in html


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 10), (0, 11)],  # same start
        [(0, 20), (5, 10)],  # nested
        [(0, 12), (6, 20)],  # crossing
        [(2, 8), (8, 15), (0, 30)],  # adjacent inside an outer one
    ],
)
def test_overlay_keeps_markup_well_formed(spans: list[tuple[int, int]]) -> None:
    text = "Seoul & <Tokyo> agreed; talks resume next month."
    intervals = [Interval(s, e, "mark", f' data-q="q{s}-{e}"', f' id="q{s}-{e}"') for s, e in spans]
    page = parse(overlay(text, intervals))
    for s, e in spans:
        assert "".join(page.spans[f"q{s}-{e}"]) == text[s:e]
        assert f"q{s}-{e}" in page.ids


def test_incomplete_run_is_flagged() -> None:
    report = incomplete_report("times_2023", 2, 220, 330, "rate limited")
    html = to_html(report)
    parse(html)
    assert '<div class="warning" role="alert"><strong>Incomplete run:</strong>' in html
    assert "<li>[3] Example Times, 2023-03-27, lines 5-7: rate limited</li>" in html
