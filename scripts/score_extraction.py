"""Score extracted claims against gold claims, by value type, with the misses and false positives listed.

    python scripts/score_extraction.py seeds testdata/gold -v
    python scripts/score_extraction.py seeds testdata/gold --claims report.json

`factcheck eval` reports the same figures for a whole suite (extraction.* metrics); this script is for
looking at one set of articles closely while working on an extractor.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.evaluate.score import FACT_TYPES, format_score, load_claims, load_gold, score
from factcheck.models import Claim


def main(argv: list[str] | None = None) -> int:
    """Run the offline extractor on a directory of articles (or read claims) and score against gold."""
    parser = argparse.ArgumentParser(
        prog="python scripts/score_extraction.py", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("articles", help="directory of article .txt files (e.g. seeds)")
    parser.add_argument("gold", help="directory of gold <source id>.json files (e.g. testdata/gold)")
    parser.add_argument(
        "--claims", help="score the claims of this report JSON instead of running the offline extractor"
    )
    parser.add_argument("--facts-only", action="store_true", help="score only date, number, money and ordinal claims")
    parser.add_argument("-v", "--details", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    gold = load_gold(Path(args.gold))
    ids = {c.source_id for c in gold}
    if args.claims:
        predicted = load_claims(Path(args.claims))
        elapsed = None
    else:
        predicted, elapsed = run_offline(sorted(Path(args.articles).glob("*.txt")))
    predicted = [c for c in predicted if c.source_id in ids]
    if args.facts_only:
        predicted = [c for c in predicted if c.value.type in FACT_TYPES]
        gold = [c for c in gold if c.value.type in FACT_TYPES]
    print(format_score(score(predicted, gold), args.details))
    if elapsed is not None:
        print(f"offline extraction of {len(ids)} articles: {elapsed:.3f} s")
    return 0


def run_offline(paths: Iterable[Path]) -> tuple[list[Claim], float]:
    """Read the articles and extract claims with the offline extractor; also return the seconds taken."""
    from factcheck.extract.base import NullProgress
    from factcheck.extract.offline.extractor import OfflineExtractor
    from factcheck.sources.article import read_source

    sources = [read_source(p) for p in paths]
    start = time.perf_counter()
    claims = OfflineExtractor().extract(sources, NullProgress()).claims
    return claims, time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
