"""The Markdown report, read back through a CommonMark renderer (markdown-it-py, which rich depends on)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from sample_report import decided, first_of, incomplete_report, sample_report

from factcheck.models import FindingKind
from factcheck.report.markdown import escape, to_markdown
from factcheck.review import Status


class Tables(HTMLParser):
    """Collects the rendered tables as lists of rows of cell text, and every link."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.links: list[str] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def rendered(markdown: str) -> tuple[str, Tables]:
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    parser = Tables()
    parser.feed(html)
    return html, parser


def test_sections_in_reading_order() -> None:
    md = to_markdown(sample_report())
    heads = re.findall(r"^## (.+)$", md, re.MULTILINE)
    assert heads == ["Contradictions (1)", "Agreements (1)", "Timelines (2)", "Single-source claims (2)"]
    assert md.startswith("# factcheck report\n")


def test_contradiction_is_a_side_by_side_table_with_values_in_bold() -> None:
    html, parsed = rendered(to_markdown(sample_report()))
    table = next(t for t in parsed.tables if t[0][0].startswith("[2] Daily Example"))
    assert table[0] == ["[2] Daily Example, 2023-03-15", "[3] Example Times, 2023-03-27"]
    assert table[1][0] == (
        "The security dialogue, last held in March 2018, was launched with "
        "“the first meeting taking place in Seoul in June 1998”."
    )  # the whole sentence
    assert "<ins>“the first meeting taking place in <strong>Seoul</strong> in June 1998”</ins>" in html
    assert table[3] == ["articles/daily_2023.txt:3:67", "articles/times_2023.txt:3:43"]
    assert "<strong>Seoul</strong>" in html and "<strong>Tokyo</strong>" in html


def test_article_text_survives_as_written() -> None:
    html, parsed = rendered(to_markdown(sample_report()))
    cells = [cell for table in parsed.tables for row in table for cell in row]
    assert any("signed in November 2016 <after> years of delay & debate." in c for c in cells)
    assert any("intelligence pact | a move it later reversed." in c for c in cells)
    assert "<after>" not in html
    assert parsed.links == []
    for table in parsed.tables:
        assert len({len(row) for row in table}) == 1, table


def test_escape_defuses_markdown() -> None:
    text = "# not a heading *x* _y_ 000_11d1 [a](http://e.org) `c` <b>"
    html = MarkdownIt("commonmark").enable("table").render(escape(text))
    assert html == "<p># not a heading *x* _y_ 000_11d1 [a](http://e.org) `c` &lt;b&gt;</p>\n"
    assert "000_11d1" in escape(text)


def test_timelines_and_every_single_source_claim() -> None:
    md = to_markdown(sample_report())
    _, parsed = rendered(md)
    gsomia = next(t for t in parsed.tables if len(t) > 1 and t[1][0] == "2012")
    assert [row[0] for row in gsomia[1:]] == ["2012", "2016-11", "2019"]
    assert "<details><summary>Every single-source claim</summary>" in md
    single = parsed.tables[-1]
    assert single[0] == ["Source", "Slot", "Value", "Quote", "Position", "Review"]
    assert [row[4] for row in single[1:]] == ["articles/daily_2023.txt:7:1", "articles/times_2023.txt:9:1"]


def test_decisions_and_dismissed_findings() -> None:
    report = sample_report()
    decisions = decided(first_of(report, FindingKind.CONTRADICTION), Status.DISMISSED, "same place, two names")
    md = to_markdown(report, decisions=decisions)
    assert "## Contradictions (0 shown of 1)" in md and "Seoul" not in md.split("## Agreements")[0].split("##")[-1]
    assert "1 dismissed hidden" in md
    shown = to_markdown(report, decisions=decisions, show_dismissed=True)
    assert "**Review:** ✖ dismissed: same place, two names" in shown


def test_incomplete_run_warning() -> None:
    report = incomplete_report("wire_2016", 0, 0, 40, "model returned invalid JSON")
    md = to_markdown(report)
    assert "> **Incomplete run:**" in md
    assert "> - [1] Example Wire, 2016-09-16, lines 1-1: model returned invalid JSON" in md
