"""The terminal report: rendered to text and compared, including a golden file for a fixed Report."""

from __future__ import annotations

import io
import os
import re
from datetime import date

import pytest
from paths import TESTDATA
from rich.console import Console
from sample_report import claim, decided, finding, first_of, incomplete_report, sample_report

from factcheck.models import FindingKind, Granularity, Modality, Period, Span, ValueType
from factcheck.report.terminal import review_card, terminal
from factcheck.report.view import ReportView
from factcheck.review import Status
from factcheck.sources.article import line_col

GOLDEN = TESTDATA / "golden" / "report_terminal.txt"
# Read at import, before the autouse fixture clears FACTCHECK_* variables from the environment.
UPDATE_GOLDEN = bool(os.environ.get("FACTCHECK_UPDATE_GOLDEN"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(renderable: object, width: int = 100) -> str:
    console = Console(record=True, width=width, color_system=None, file=io.StringIO())
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def test_matches_golden_text() -> None:
    """The whole report of the sample; regenerate with FACTCHECK_UPDATE_GOLDEN=1 after a deliberate change."""
    text = render(terminal(sample_report(), show_all=True))
    if UPDATE_GOLDEN:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_sections_come_in_reading_order_with_counts() -> None:
    text = render(terminal(sample_report()))
    heads = [
        text.index(h) for h in ("CONTRADICTIONS (1)", "AGREEMENTS (1)", "TIMELINES (2)", "SINGLE-SOURCE CLAIMS (2)")
    ]
    assert heads == sorted(heads)
    assert "findings: 1 contradiction, 1 agreement, 2 updates, 2 single-source claims" in text
    assert "11 claims from 3 sources; 1 ungrounded claim discarded" in text
    assert "timings: read 0.01s, extract 0.25s, reconcile 0.02s" in text
    for outlet, day in (
        ("Example Wire", "2016-09-16"),
        ("Daily Example", "2023-03-15"),
        ("Example Times", "2023-03-27"),
    ):
        assert re.search(rf"{outlet}\s+{day}", text)


def test_contradiction_quotes_side_by_side_with_positions() -> None:
    report = sample_report()
    text = render(terminal(report))
    line = next(ln for ln in text.splitlines() if "[2] Daily Example, 2023-03-15" in ln and "│" in ln)
    assert "[3] Example Times, 2023-03-27" in line
    assert re.search(r"value: Seoul\s+│", text) and re.search(r"│\s+value: Tokyo", text)
    daily = report.sources[1]
    start = daily.text.index("the first meeting taking place")
    assert "articles/daily_2023.txt:{}:{}".format(*line_col(daily.text, start)) in text


def test_quotes_stack_on_a_narrow_terminal() -> None:
    text = render(terminal(sample_report()), width=50)
    assert not any("[2] Daily" in ln and "[3] Example" in ln for ln in text.splitlines())
    assert max(len(ln) for ln in text.splitlines()) <= 50
    assert "value: Seoul" in text and "value: Tokyo" in text


def test_value_is_highlighted_when_styles_are_on() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=100)
    console.print(terminal(sample_report()))
    out = console.file.getvalue()
    assert re.search(r"\x1b\[1;(?:4;)?7mSeoul\x1b\[0m", out)


def test_no_color_keeps_emphasis_but_drops_colour() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", no_color=True, width=100)
    console.print(terminal(sample_report()))
    codes = set(re.findall(r"\x1b\[([0-9;]*)m", console.file.getvalue()))
    assert not any(re.search(r"(^|;)(3[0-7]|9[0-7]|38)(;|$)", c) for c in codes)
    assert "1;7" in codes


def test_piped_output_is_plain_text() -> None:
    console = Console(file=io.StringIO(), width=100)
    console.print(terminal(sample_report()))
    out = console.file.getvalue()
    assert not ANSI.search(out) and "CONTRADICTIONS (1)" in out


def test_timeline_per_entity_in_time_order() -> None:
    text = render(terminal(sample_report()))
    block = text[text.index("TIMELINES") : text.index("SINGLE-SOURCE")]
    assert block.index("gsomia") < block.index("north korea")
    positions = [block.index(v) for v in ("2012", "2016-11", "2019")]
    assert positions == sorted(positions)
    assert re.search(r"2016-09-09\s+nuclear test", block)


def test_single_source_summary_then_full_list_with_all() -> None:
    report = sample_report()
    short = render(terminal(report))
    assert "List them in full with --all." in short
    assert "Steelmaker POSCO" not in short
    full = render(terminal(report, show_all=True))
    assert "Steelmaker POSCO said it has donated 4" in full and "7:1" in full


def test_failed_chunks_warn_of_an_incomplete_run() -> None:
    report = incomplete_report("daily_2023", 1, 100, 250, "timeout after 60s")
    text = render(terminal(report))
    assert "INCOMPLETE RUN: 1 chunk failed" in text
    assert "[2] Daily Example, 2023-03-15, lines 3-5: timeout after 60s" in text


def test_usage_and_model_are_shown_when_present() -> None:
    report = sample_report(
        extractor="llm",
        model="gpt-4o-mini",
        usage={"requests": 12, "cached": 3, "prompt_tokens": 15000, "completion_tokens": 2400},
    )
    text = render(terminal(report))
    assert "extractor: llm, model gpt-4o-mini" in text
    assert "tokens: 15,000 prompt + 2,400 completion in 12 requests (3 cached)" in text


def test_decisions_are_shown_and_dismissed_findings_hidden() -> None:
    report = sample_report()
    decisions = {
        **decided(first_of(report, FindingKind.CONTRADICTION), Status.CONFIRMED, "checked with the desk"),
        **decided(first_of(report, FindingKind.AGREEMENT), Status.DISMISSED, "same wire copy"),
    }
    text = render(terminal(report, decisions=decisions))
    assert "✔ confirmed: checked with the desk" in text
    assert "AGREEMENTS (0 shown of 1)" in text and "same wire copy" not in text
    assert "1 dismissed hidden (--show-dismissed shows them)" in text
    shown = render(terminal(report, decisions=decisions, show_dismissed=True))
    assert "AGREEMENTS (1)" in shown and "✖ dismissed: same wire copy" in shown


def test_decisions_matching_no_finding_are_counted() -> None:
    report = sample_report()
    decisions = decided(first_of(report, FindingKind.CONTRADICTION), Status.FOLLOW_UP)
    stale = next(iter(decisions.values()))
    text = render(terminal(report, decisions={**decisions, "fstale0000000": stale}))
    assert "1 decision matches no finding of this run" in text
    assert "⚑ needs follow-up" in text


def test_article_text_is_never_read_as_markup() -> None:
    report = sample_report()
    report.sources[1].outlet = "[bold]Daily[/bold] Example"
    text = render(terminal(report))
    assert "[2] [bold]Daily[/bold] Example, 2023-03-15" in text
    card = render(review_card(report, next(f for f in report.findings if f.kind == FindingKind.UPDATE), 3, 6))
    assert "Finding 3 of 6: update" in card and "<after> years of delay & debate" in card


def _column(text: str, header: str, after: str) -> str:
    """The text of one column of every table in `text` headed by `header`, read by character positions."""
    out: list[str] = []
    start = end = -1
    for line in text.splitlines():
        if header in line and after in line:
            start, end = line.index(header), line.index(after)
            continue
        if start >= 0 and line.strip() and not line.lstrip().startswith("─"):
            out.append(line[start:end])
        elif start >= 0 and not line.strip():
            start = -1
    return "\n".join(out)


def _long_values_report():  # type: ignore[no-untyped-def]
    """The sample plus single-source roles long enough to wrap, and short words that must not break."""
    report = sample_report()
    daily = report.sources[1]
    text = daily.text + (
        "\nTakehiro Funakoshi, head of the Japanese Foreign Ministry's Asian and Oceanian Affairs Bureau, attended."
        "\nPresident Yoon Suk Yeol met him on Wednesday.\n"
    )
    source = daily.model_copy(update={"text": text, "body": [Span(start=0, end=len(text))]})
    role = "head of the Japanese Foreign Ministry's Asian and Oceanian Affairs Bureau"
    extra = [
        claim(
            source,
            "Takehiro Funakoshi, head of the Japanese Foreign Ministry's Asian and Oceanian Affairs Bureau",
            "takehiro_funakoshi",
            "role",
            ValueType.TEXT,
            role,
            role.lower(),
        ),
        claim(source, "President Yoon Suk Yeol", "yoon_suk_yeol", "role", ValueType.TEXT, "President", "president"),
        claim(
            source,
            "met him on Wednesday",
            "yoon_suk_yeol",
            "met",
            ValueType.DATE,
            "Wednesday",
            "2023-03-15",
            modality=Modality.EXPECTED,
        ),
    ]
    findings = [*report.findings, *(finding(FindingKind.SINGLE_SOURCE, [c], "only here") for c in extra)]
    sources = [report.sources[0], source, report.sources[2]]
    return report.model_copy(update={"sources": sources, "claims": [*report.claims, *extra], "findings": findings})


@pytest.mark.parametrize("width", [80, 100, 120])
def test_values_wrap_between_words_and_long_ones_end_with_an_ellipsis(width: int) -> None:
    text = render(terminal(_long_values_report(), show_all=True), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    values = _column(text, "Value", "Quote")
    words = values.split()
    for word in ("President", "Wednesday", "(expected)", "Japanese"):
        assert word in words, (word, values)
    assert "…" in values and "Affairs Bureau" not in values  # cut in the Value column ...
    assert "Oceanian Affairs Bureau" in " ".join(_column(text, "Quote", "Line:col").split())  # ... whole in the quote


def test_piped_output_fits_80_columns_and_keeps_words_whole() -> None:
    console = Console(file=io.StringIO(), width=80)
    console.print(terminal(_long_values_report(), show_all=True))
    out = console.file.getvalue()
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "President" in _column(out, "Value", "Quote").split()


def test_a_status_and_the_dated_claim_it_restates_show_one_quote() -> None:
    report = sample_report()
    wire = report.sources[0]
    year = Period(start=date(2012, 1, 1), end=date(2012, 12, 31), granularity=Granularity.YEAR)
    dated = claim(
        wire, "The pact, known as GSOMIA, was canceled in 2012", "gsomia", "canceled", ValueType.DATE, "2012", "2012"
    ).model_copy(update={"time": year})
    dated = dated.model_copy(update={"value": dated.value.model_copy(update={"period": year})}).with_id()
    other = claim(
        wire,
        "GSOMIA, was canceled in 2012 amid domestic opposition",
        "south_korea",
        "opposed",
        ValueType.DATE,
        "2012",
        "2012",
    )
    update = next(f for f in report.findings if f.kind == FindingKind.UPDATE and f.subject_key == "gsomia")
    merged = update.model_copy(update={"claim_ids": [*update.claim_ids, dated.id, other.id]})
    findings = [merged if f is update else f for f in report.findings]
    report = report.model_copy(update={"claims": [*report.claims, dated, other], "findings": findings})
    quotes = ReportView(report).quotes(merged.claim_ids)
    assert [q.claim.attribute for q in quotes].count("status") == 3  # the status claim is the update's own
    assert "canceled" not in [q.claim.attribute for q in quotes]  # its dated twin is not repeated
    assert "opposed" in [q.claim.attribute for q in quotes]  # an overlapping quote of another fact stays
