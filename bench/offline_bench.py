"""Offline extractor: start-up (import + first load) and throughput in articles/s and MB/s."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from .corpus import composite, varied_copies
from .proc import fresh_runs
from .report import spread, table

_STARTUP = """
import json, sys, time
t0 = time.perf_counter()
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.extract import NullProgress
t1 = time.perf_counter()
from factcheck.config import Settings
from factcheck.pipeline import load_sources
sources = load_sources(sys.argv[1:], Settings())
t2 = time.perf_counter()
extraction = OfflineExtractor().extract(sources, NullProgress())
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t3 - t2, "claims": len(extraction.claims)}))
"""


def startup_runs(article: Path, reps: int) -> list[dict[str, float]]:
    """Fresh interpreters: import time of the extractor, then the first extraction of one article."""
    return fresh_runs(_STARTUP, [str(article)], reps)


def throughput(paths: list[Path], reps: int) -> tuple[list[float], list[float], float, int, int]:
    """Extraction wall and CPU seconds over the sources (warm, in this process), reading time, bytes, claims."""
    from factcheck.config import Settings
    from factcheck.extract import NullProgress
    from factcheck.extract.offline import parse as parse_module
    from factcheck.extract.offline.extractor import OfflineExtractor
    from factcheck.extract.offline.parse import forget_parses
    from factcheck.pipeline import load_sources
    from factcheck.sources.sentences import forget_sentences

    parse_module.MEMO_SENTENCES = 0  # the varied copies share sentences: keep no parse from one article for the next
    sources = load_sources([str(p) for p in paths], Settings())
    extractor = OfflineExtractor()
    extractor.extract(sources[:1], NullProgress())  # first load outside the timing
    seconds: list[float] = []
    cpu: list[float] = []
    claims = 0
    for _ in range(reps):
        forget_parses()  # each pass parses and splits sentences, as a fresh process does
        forget_sentences()
        start, start_cpu = time.perf_counter(), time.process_time()
        extraction = extractor.extract(sources, NullProgress())
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        claims = len(extraction.claims)
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    read_start = time.perf_counter()
    load_sources([str(p) for p in paths], Settings())
    read = time.perf_counter() - read_start
    return seconds, cpu, read, size, claims


def offline(quick: bool = False) -> str:
    """The figure: start-up, throughput on 50 and 200 varied copies, and time per word against article length."""
    reps = 1 if quick else 3
    counts = [5] if quick else [50, 200]
    lengths = [300] if quick else [350, 700, 1400, 2100]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = varied_copies(root / "one", 1)[0]
        starts = startup_runs(first, 1 if quick else 5)
        rows = []
        for n in counts:
            paths = varied_copies(root / f"n{n}", n)
            seconds, cpu, read, size, claims = throughput(paths, reps)
            med = statistics.median(seconds)
            rows.append(
                [
                    n,
                    f"{size / 1e6:.3f}",
                    spread(seconds),
                    f"{statistics.median(cpu):.3f} s",
                    f"{n / med:.1f}",
                    f"{size / 1e6 / med:.3f}",
                    claims,
                    f"{read:.3f} s",
                ]
            )
        length_rows = []
        for words in lengths:
            path = composite(root / "long", words)
            seconds, _, _, size, claims = throughput([path], reps)
            actual = len(path.read_text(encoding="utf-8").split())
            med = statistics.median(seconds)
            length_rows.append([actual, f"{size / 1e3:.1f}", f"{med * 1000:.1f}", f"{med / actual * 1e6:.0f}", claims])
    imports = [r["import"] for r in starts]
    firsts = [r["first"] for r in starts]
    body = [
        "Start-up, in fresh interpreters (after one untimed warm-up run): importing the extractor, then "
        "the first extraction of one seed article (loads every model, table and pattern it needs).",
        "",
        table(
            ["what", "time"],
            [
                ["import `factcheck.extract.offline.extractor`", spread(imports)],
                ["first extraction of one article (includes loading)", spread(firsts)],
            ],
        ),
        "",
        f"Throughput, warm (loaded once, then {reps} timed passes over the articles, median), on varied copies "
        "of the seeds (bench/corpus.py). MB are UTF-8 bytes of the article files; reading (decode, "
        "furniture, metadata) is timed separately and not included. The copies share sentences, so no parse is "
        "kept from one article for the next (as distinct articles would not share them).",
        "",
        table(
            ["articles", "MB", "extraction time (wall)", "CPU time", "articles/s", "MB/s", "claims", "reading"], rows
        ),
        "",
        "Time per word against article length (composite articles of whole seed paragraphs; "
        "constant time per word means linear growth):",
        "",
        table(["words", "KB", "ms", "us per word", "claims"], length_rows),
    ]
    return "\n".join(body)
