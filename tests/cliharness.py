"""Helpers shared by tests, moved from test_inputs.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factcheck import cli
from factcheck.models import Report

ARTICLE = (
    "Harbor City will open its new ferry terminal on June 3, 2024, the port authority said on Monday.\n\n"
    "The terminal cost $48 million and can handle 12 ferries an hour, according to the authority.\n\n"
    "Mayor Lena Ortiz said the old terminal, built in 1962, will be demolished next year.\n"
)
OTHER = (
    "The new ferry terminal in Harbor City opens on June 3, 2024, officials said.\n\n"
    "It cost $52 million, the port authority said, and will serve 12 ferries an hour.\n"
)
LATIN1 = (
    "The Café Renée in Montréal closed on June 3, 2024, its owner José Martínez said on Monday.\n\n"
    "The café had employed 14 people since 1998, according to Martínez.\n"
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves $4.2 million bridge repair | The Riverside Courier</title>
  <meta property="og:title" content="Council approves $4.2 million bridge repair">
  <meta property="og:site_name" content="The Riverside Courier">
  <meta property="og:url" content="https://courier.example/news/2024/05/14/bridge-repair">
  <meta property="article:published_time" content="2024-05-14T18:30:00-04:00">
  <link rel="stylesheet" href="/static/site.css">
  <style>.ad-slot{min-height:250px} body{font-family:Georgia,serif}</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves bridge repair"}</script>
</head>
<body class="article-page">
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="masthead">
    <div class="logo"><a href="/">The Riverside Courier</a></div>
    <nav aria-label="Sections"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
      <li><a href="/subscribe">Subscribe for $1 a week</a></li></ul></nav>
  </header>
  <div class="ad-slot" id="ad-top"><span>Advertisement</span><iframe src="https://ads.example/slot/1"></iframe></div>
  <main id="main">
    <div class="breadcrumbs"><a href="/news">News</a> &rsaquo; <a href="/news/local">Local</a></div>
    <article class="story">
      <h1>Council approves $4.2 million bridge repair</h1>
      <p class="byline">By Dana Whitfield</p>
      <p><time datetime="2024-05-14">May 14, 2024</time></p>
      <figure><img src="/img/bridge.jpg" alt="The Elm Street bridge">
        <figcaption>The Elm Street bridge was closed to trucks in March. Photo by Sam Ortiz</figcaption></figure>
      <p>The Riverside city council voted 7-2 on Tuesday to spend $4.2 million repairing the Elm Street
        bridge, which engineers closed to heavy trucks in March after finding corroded steel beams.</p>
      <p>Work is expected to begin in July and last about five months, Public Works Director Maria Chen
        told the council. The bridge will stay open to cars during most of the repairs.</p>
      <div class="ad-slot inline"><span>Advertisement</span><script>loadAd('inline-1')</script></div>
      <p>&ldquo;We cannot keep sending fire engines the long way around,&rdquo; said council member Joe Alvarez,
        who voted for the plan. The two members who voted against it said the city should have sought a state grant first.</p>
      <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Bridge closed to trucks after inspection</a></li>
        <li><a href="/y">Budget talks stall over road fund</a></li></ul></aside>
      <p>The state transportation department rated the 1958 bridge structurally deficient in its 2023 inspection report.</p>
      <div class="share"><button>Share on Facebook</button><button>Share on X</button></div>
    </article>
    <section class="newsletter"><form><label>Sign up for our morning newsletter</label><input type="email">
      <button>Sign up</button></form></section>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ol><li>Restaurant week returns</li><li>High school wins title</li></ol></aside>
  <footer><p>&copy; 2024 The Riverside Courier. All rights reserved.</p>
    <nav><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav></footer>
  <script src="https://cdn.example/analytics.js" async></script>
</body>
</html>
"""
PAGE_FURNITURE = (
    "Skip to content",
    "Subscribe",
    "dataLayer",
    "NewsArticle",
    "Advertisement",
    "Related stories",
    "Bridge closed to trucks",
    "Share on",
    "newsletter",
    "Most read",
    "All rights reserved",
    "Privacy",
    "loadAd",
    "Photo by",
    "By Dana Whitfield",
)

Run = Callable[..., tuple[int, str, str]]


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> str:
    """Write an input file and return its name as an editor would type it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return str(path.name if path.parent == Path.cwd() else path)


def assert_input_error(result: tuple[int, str, str], *needles: str) -> None:
    """Exit code 2, nothing on stdout, one line on stderr containing every needle, no traceback."""
    code, out, err = result
    assert code == cli.EXIT_USAGE, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def report_of(result: tuple[int, str, str]) -> Report:
    """The JSON report of a successful run (exit 0 or 1)."""
    code, out, err = result
    assert code in (cli.EXIT_OK, cli.EXIT_CONTRADICTIONS), err
    assert "Traceback" not in err
    return Report.model_validate_json(out)


def assert_grounded(report: Report, raw_texts: dict[str, str] | None = None) -> None:
    """Every claim's quote is exactly its span of the source text (or of the raw file text, when given)."""
    assert report.claims, "expected at least one claim"
    by_id = {s.id: s for s in report.sources}
    for claim in report.claims:
        text = (raw_texts or {}).get(claim.source_id, by_id[claim.source_id].text)
        assert text[claim.span.start : claim.span.end] == claim.quote
