"""Synthetic benchmark articles built from the seeds: varied copies and longer composites."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, stripped."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def seed_meta(path: Path) -> dict[str, object]:
    """The seed's sidecar metadata."""
    meta = path.with_suffix(".meta.yaml")
    data = yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.exists() else None
    return data if isinstance(data, dict) else {}


def varied_copies(dest: Path, n: int) -> list[Path]:
    """Write n articles: copy k is seed k % 5, paragraphs after the lede shuffled, date moved k // 5 days.

    Every copy differs in text and date, so no two chunks send the same request and no copy is
    skipped as a duplicate; lengths and sentence shapes stay those of real articles.
    """
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for k in range(n):
        seed = SEEDS[k % len(SEEDS)]
        variant = k // len(SEEDS)
        paras = paragraphs(seed.read_text(encoding="utf-8"))
        lede = next((i for i, p in enumerate(paras) if p.endswith((".", '"'))), 0) + 1
        head, rest = paras[:lede], paras[lede:]
        if variant:
            random.Random(k).shuffle(rest)
        path = dest / f"{k:03d}_{seed.stem.split('_')[0]}_v{variant}.txt"
        path.write_text("\n\n".join([*head, *rest]) + "\n", encoding="utf-8")
        meta = seed_meta(seed)
        published = meta.get("published")
        if isinstance(published, date):
            meta["published"] = published + timedelta(days=variant)
        meta.pop("published_basis", None)
        path.with_suffix(".meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=True), encoding="utf-8")
        out.append(path)
    return out


def body_paragraphs(path: Path) -> list[str]:
    """The article paragraphs of a seed as factcheck reads them: no headline, byline, caption or teaser."""
    from factcheck.sources.article import read_source

    source = read_source(path)
    paras = [source.text[span.start : span.end] for span in source.body]
    return [p for p in paras if p.endswith((".", '"', "?", "!", "\u201d"))]


def composite(dest: Path, words: int, name: str | None = None) -> Path:
    """One article of about `words` words of body text (whole paragraphs, at most all the seeds' body), seeds in turn."""
    dest.mkdir(parents=True, exist_ok=True)
    pools = [body_paragraphs(p) for p in SEEDS]
    order = [pool[j] for j in range(max(map(len, pools))) for pool in pools if j < len(pool)]
    chosen: list[str] = []
    count = 0
    for para in order:  # each paragraph at most once: a repeated line would count as page furniture
        if count >= words:
            break
        chosen.append(para)
        count += len(para.split())
    path = dest / (name or f"composite_{words}w.txt")
    path.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    meta = seed_meta(SEEDS[0])
    meta.pop("published_basis", None)
    meta["title"] = f"Composite article of about {words} words"
    path.with_suffix(".meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=True), encoding="utf-8")
    return path
