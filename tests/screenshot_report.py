"""Screenshots of the HTML report in headless Chromium, desktop and phone width.

    python tests/screenshot_report.py                      # the seed articles, offline extractor
    python tests/screenshot_report.py --out docs/screenshots a.txt b.txt

Writes report-desktop.png (1280 px wide) and report-phone.png (390 px, 2x) to --out; the HTML
page itself goes to a temporary directory unless --html names a file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from cdp import Browser, find_chromium
from paths import ROOT

from factcheck.config import Settings
from factcheck.pipeline import compare
from factcheck.report.html import to_html

SHOTS = {"desktop": (1280, 2000, False, 1.0), "phone": (390, 1600, True, 2.0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*", help="default: seeds/*.txt")
    parser.add_argument("--out", default="docs/screenshots", help="output directory (default docs/screenshots)")
    parser.add_argument("--html", help="also keep the HTML report in this file")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 2
    # Paths relative to the working directory, as a user types them: the report shows them.
    articles = args.articles or sorted(os.path.relpath(p) for p in (ROOT / "seeds").glob("*.txt"))
    report = compare(articles, Settings(extractor="offline", cache=False))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.TemporaryDirectory(prefix="factcheck-report-")
    page = Path(args.html) if args.html else Path(tmp.name) / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    with tmp, Browser(chromium) as browser:
        for name, (width, height, mobile, scale) in SHOTS.items():
            browser.viewport(width, height, mobile=mobile, scale=scale)
            browser.open(page.resolve().as_uri())
            print(browser.screenshot(out / f"report-{name}.png"))
    if args.html:
        print(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
