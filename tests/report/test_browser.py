"""The HTML report in headless Chromium: it renders, fetches nothing, fits a phone, and quote links land.

Skipped when Chromium is not installed (Debian: apt-get install chromium).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Browser, find_chromium
from paths import ROOT
from sample_report import sample_report

from factcheck.config import Settings
from factcheck.models import Report
from factcheck.pipeline import compare
from factcheck.report.html import CSP, to_html
from factcheck.sources.article import line_col

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)"),
]  # a real browser
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))

FOLLOW_LINKS = """(async () => {
  const out = [];
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let clicks = 0;
  for (const a of document.querySelectorAll('a[href^="#q"]')) {
    const id = a.getAttribute('href').slice(1);
    // Chromium ignores navigations past 200 in 10 s (flood protection): pause before reaching it.
    if (++clicks % 150 === 0) await new Promise(resolve => setTimeout(resolve, 10500));
    a.click();
    await frame();  // the fragment navigation settles before :target is read
    const t = document.querySelector(':target');
    const r = t ? t.getBoundingClientRect() : null;
    const parts = [...document.querySelectorAll('[data-q="' + CSS.escape(id) + '"]')].map(e => e.textContent);
    out.push({id, cls: a.className, link: a.textContent, target: t ? t.id : null, text: parts.join(''),
              visible: !!r && r.bottom > 0 && r.top < innerHeight && r.height > 0});
  }
  return out;
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as b:
        yield b


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    return compare(SEEDS, Settings(extractor="offline", cache=False))


def show(browser: Browser, html: str, path: Path, width: int = 1280, mobile: bool = False) -> None:
    path.write_text(html, encoding="utf-8")
    browser.viewport(width, 900, mobile=mobile)
    browser.events.clear()
    browser.open(path.as_uri())


def anchors(report: Report) -> dict[str, tuple[str, str]]:
    """Expected quote text and line:col for every anchor id of the report."""
    number = {s.id: i for i, s in enumerate(report.sources, 1)}
    texts = {s.id: s.text for s in report.sources}
    out = {}
    for c in report.claims:
        line, col = line_col(texts[c.source_id], c.span.start)
        out[f"q{number[c.source_id]}-{c.span.start}-{c.span.end}"] = (
            texts[c.source_id][c.span.start : c.span.end],
            f"{line}:{col}",
        )
    return out


def check_report(browser: Browser, report: Report, tmp_path: Path) -> int:
    """Open the report, follow every quote link, and check it fetched nothing; returns the links followed."""
    html = to_html(report)
    bare = html.replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    assert bare != html
    page = tmp_path / "report.html"
    show(browser, bare, page)  # without the policy: the markup itself must ask for nothing
    assert browser.evaluate("document.querySelector('h1').textContent") == "factcheck report"
    assert browser.evaluate("document.body.getBoundingClientRect().height") > 500
    assert set(browser.requested_urls()) == {page.as_uri()}

    expected = anchors(report)
    results = browser.evaluate(FOLLOW_LINKS)
    assert results, "the report has no quote links"
    for r in results:
        quote, position = expected[r["id"]]
        assert r["target"] == r["id"] and r["visible"], r
        assert r["text"] == quote, r
        if r["cls"] == "q":
            assert r["link"].strip("“”") == quote
        else:
            assert r["link"].endswith(f":{position}"), r
    number = {s.id: i for i, s in enumerate(report.sources, 1)}
    claims = {c.id: c for c in report.claims}
    shown = {
        f"q{number[claims[cid].source_id]}-{claims[cid].span.start}-{claims[cid].span.end}"
        for f in report.findings
        for cid in f.claim_ids
        if cid in claims
    }
    assert {r["id"] for r in results} == shown, "every claim of every finding is reachable from a link"
    return len(results)


def test_sample_report_in_chromium(browser: Browser, tmp_path: Path) -> None:
    assert check_report(browser, sample_report(), tmp_path) >= 11


def test_seed_report_in_chromium(browser: Browser, seeds_report: Report, tmp_path: Path) -> None:
    assert len(seeds_report.sources) == len(SEEDS)
    assert check_report(browser, seeds_report, tmp_path) > 0


def test_policy_blocks_nothing_the_page_needs(browser: Browser, seeds_report: Report, tmp_path: Path) -> None:
    browser.call(
        "Page.addScriptToEvaluateOnNewDocument",
        source=(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        ),
    )
    show(browser, to_html(seeds_report), tmp_path / "report.html")
    assert browser.evaluate("window.__csp") == []
    assert browser.evaluate("getComputedStyle(document.body).fontFamily")  # the inline style applied
    assert re.match(r"rgb", browser.evaluate("getComputedStyle(document.querySelector('h2')).color"))


@pytest.mark.parametrize("which", ["sample", "seeds"])
def test_fits_a_phone(browser: Browser, which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    report = sample_report() if which == "sample" else request.getfixturevalue("seeds_report")
    show(browser, to_html(report), tmp_path / "report.html", width=390, mobile=True)
    assert browser.evaluate("innerWidth") == 390
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    body_font = browser.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert body_font >= 14
