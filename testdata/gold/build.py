"""Build testdata/gold/<seed>.json from the hand-written annotations in testdata/gold/src/<seed>.yaml.

The annotations are written by reading the articles. This script only does the mechanical part:
it finds each quote in the article body (span), turns ISO values into periods, and assigns ids.
Run from the repository root: python testdata/gold/build.py [--check] [ARTICLES_DIR GOLD_DIR]
(default: seeds testdata/gold; the held-out set: testdata/extraction testdata/extraction/gold)
"""

from __future__ import annotations

import calendar
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from factcheck.models import Claim, Granularity, Modality, Period, Source, Span, Value, ValueType
from factcheck.sources.article import read_source

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "testdata" / "gold"
SEEDS = ROOT / "seeds"


def period_of(iso: str) -> Period:
    """An ISO date, month, year, week, or 'start/end' range as a Period."""
    if "/" in iso:
        a, b = iso.split("/")
        start, end = period_of(a), period_of(b)
        return Period(start=start.start, end=end.end, granularity=Granularity.RANGE)
    if "-W" in iso:
        year, week = iso.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return Period(start=monday, end=monday + timedelta(days=6), granularity=Granularity.WEEK)
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return Period(start=day, end=day, granularity=Granularity.DAY)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return Period(
            start=date(parts[0], parts[1], 1), end=date(parts[0], parts[1], last), granularity=Granularity.MONTH
        )
    return Period(start=date(parts[0], 1, 1), end=date(parts[0], 12, 31), granularity=Granularity.YEAR)


def find_in_body(source: Source, quote: str) -> Span:
    """The unique position of quote inside the article body (never furniture)."""
    hits = []
    for para in source.body:
        chunk = source.text[para.start : para.end]
        pos = chunk.find(quote)
        while pos >= 0:
            hits.append(para.start + pos)
            pos = chunk.find(quote, pos + 1)
    if len(hits) != 1:
        raise ValueError(f"{source.id}: quote found {len(hits)} times in the body: {quote!r}")
    return Span(start=hits[0], end=hits[0] + len(quote))


def claim_of(source: Source, item: dict[str, Any]) -> Claim:
    """One annotation -> one gold Claim."""
    vtype = ValueType(item["type"])
    norm = str(item["norm"])
    value_period = period_of(norm) if vtype == ValueType.DATE else None
    if value_period is not None:
        value_period = value_period.model_copy(update={"text": str(item["text"])})
    time = item.get("time")
    time_period = period_of(str(time)) if time else value_period
    if time_period is not None and time:
        time_period = time_period.model_copy(update={"text": None})
    value = Value(
        type=vtype,
        text=str(item["text"]),
        normalized=norm,
        number=float(item["number"]) if "number" in item else None,
        unit=item.get("unit"),
        qualifier=item.get("qualifier"),
        period=value_period,
    )
    quote = str(item["quote"])
    return Claim(
        source_id=source.id,
        subject=str(item["subject"]),
        subject_key=str(item["key"]),
        attribute=str(item["attr"]),
        value=value,
        time=time_period,
        quote=quote,
        span=find_in_body(source, quote),
        attribution=item.get("attribution"),
        modality=Modality(item.get("modality", "reported")),
        extractor="gold",
    ).with_id()


def build(seed_id: str, articles: Path = SEEDS, gold: Path = GOLD) -> list[Claim]:
    """All gold claims of one article, in text order."""
    source = read_source(articles / f"{seed_id}.txt")
    items = yaml.safe_load((gold / "src" / f"{seed_id}.yaml").read_text(encoding="utf-8"))
    claims = [claim_of(source, item) for item in items]
    return sorted(claims, key=lambda c: (c.span.start, c.span.end, c.attribute))


def render(claims: list[Claim]) -> str:
    """The JSON text of a gold file."""
    return json.dumps([c.model_dump(mode="json") for c in claims], indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) every gold file."""
    stale = []
    dirs = [a for a in argv if not a.startswith("--")]
    articles, gold = (ROOT / dirs[0], ROOT / dirs[1]) if len(dirs) == 2 else (SEEDS, GOLD)
    for src in sorted((gold / "src").glob("*.yaml")):
        out = gold / f"{src.stem}.json"
        text = render(build(src.stem, articles, gold))
        if "--check" in argv:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                stale.append(out.name)
        else:
            out.write_text(text, encoding="utf-8")
            print(f"wrote {out.relative_to(ROOT)}")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
