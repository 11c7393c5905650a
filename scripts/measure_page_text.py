"""Measure main-text extractors on the saved pages in testdata/pages: article sentences kept, clutter kept, time.

Run: python scripts/measure_page_text.py   (needs trafilatura and readability-lxml installed to compare all three)
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "testdata" / "pages"


def _tags_only(page: str) -> str:
    """factcheck's own tag parser (the fallback), without a main-text extractor."""
    from factcheck.sources.page import parse_page

    return "\n".join(parse_page(page)[0])


def _trafilatura(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False, include_tables=True, favor_precision=True) or ""


def _readability(page: str) -> str:
    from lxml import html as lhtml
    from readability import Document

    summary = Document(page).summary(html_partial=True)
    return lhtml.fromstring(summary).text_content() if summary.strip() else ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def measure(name: str, extract: Callable[[str], str]) -> tuple[float, float, float]:
    """(share of article paragraphs kept, share of clutter lines kept, milliseconds per page)."""
    truth = json.loads((PAGES / "truth.json").read_text(encoding="utf-8"))
    kept = total = clutter = clutter_total = 0
    start = time.perf_counter()
    for page_name, expected in truth.items():
        text = _norm(extract((PAGES / page_name).read_text(encoding="utf-8")))
        kept += sum(_norm(p) in text for p in expected["paragraphs"])
        total += len(expected["paragraphs"])
        clutter += sum(_norm(c) in text for c in expected["clutter"])
        clutter_total += len(expected["clutter"])
    ms = (time.perf_counter() - start) * 1000 / len(truth)
    return kept / total, clutter / clutter_total, ms


def main() -> int:
    for name, fn in (("tags only", _tags_only), ("trafilatura", _trafilatura), ("readability-lxml", _readability)):
        try:
            article, clutter, ms = measure(name, fn)
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")
            continue
        print(f"{name:18} article paragraphs kept {article:.2f}  clutter kept {clutter:.2f}  {ms:.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
