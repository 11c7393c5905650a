"""Alignment figure: the embedded model's load time, align() against the number of claims, the seeds.

The synthetic claims are bench/reconcile_bench.py's (slots of about eight claims, 100 sources). The
model load is timed in fresh processes (it happens once per run); align() is timed warm (the model
already loaded), the fastest of the runs; the seeds' claims come from the offline extractor.
"""

from __future__ import annotations

import glob
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .reconcile_bench import make_claims, make_sources
from .report import table

REPO = Path(__file__).resolve().parent.parent
SEED = 7
LOAD = (
    "import time; t = time.perf_counter(); from factcheck.align.embed import static_embedder; "
    "static_embedder(); print(time.perf_counter() - t)"
)


def _load_seconds(runs: int) -> list[float]:
    """Import and load the embedded model in fresh processes."""
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True, cwd=REPO)
        out.append(float(done.stdout.strip()))
    return out


def _align_seconds(n_claims: int, repeat: int) -> tuple[float, int, int]:
    """Fastest align() of n synthetic claims; the number of key groups and of slots."""
    from factcheck.align.slots import align, key_groups

    rng = random.Random(SEED)
    sources = make_sources(100, rng)
    claims = make_claims(n_claims, sources, rng)
    best = float("inf")
    slots = 0
    for _ in range(repeat):
        start = time.perf_counter()
        slots = len(align(claims))
        best = min(best, time.perf_counter() - start)
    return best, len(key_groups(claims)), slots


def _seed_claims() -> list:
    from factcheck.config import Settings
    from factcheck.extract import NullProgress, make_extractor
    from factcheck.pipeline import load_sources

    settings = Settings(extractor="offline", cache=False)
    sources = load_sources(sorted(glob.glob(str(REPO / "seeds" / "*.txt"))), settings)
    return make_extractor(settings).extract(sources, NullProgress()).claims


def alignment(quick: bool = False) -> str:
    """Model load, align() at 1k/10k/100k claims, and align() on the seeds."""
    from factcheck.align.embed import static_embedder
    from factcheck.align.slots import align

    loads = _load_seconds(2 if quick else 5)
    static_embedder()
    seeds = [c if c.id else c.with_id() for c in _seed_claims()]
    seed_times = []
    for _ in range(3 if quick else 10):
        start = time.perf_counter()
        align(seeds)
        seed_times.append(time.perf_counter() - start)
    rows: list[list[object]] = []
    for n in [1000] if quick else [1000, 10000, 100000]:
        seconds, groups, slots = _align_seconds(n, 1 if quick or n >= 100000 else 3)
        rows.append([f"{n:,}", f"{groups:,}", f"{slots:,}", f"{seconds:.3f}", f"{seconds / n * 1e6:.0f}"])
    return (
        "The alignment stage (factcheck/align/slots.py) with the embedded static model "
        "(factcheck/data/embedding/, docs/alignment.md).\n\n"
        f"Model load, once per run (fresh process, import included; median of {len(loads)}): "
        f"**{statistics.median(loads):.3f} s** (min {min(loads):.3f}, max {max(loads):.3f}).\n\n"
        f"align() on the seeds' {len(seeds)} offline claims, warm (median of {len(seed_times)}): "
        f"**{statistics.median(seed_times):.3f} s**. Together these are what the stage adds to "
        "`factcheck compare seeds/*.txt` (target 0.5 s).\n\n"
        "align() against the number of synthetic claims (bench/reconcile_bench.py, 100 sources, seed "
        f"{SEED}; warm, fastest of 3 runs, one run at 100k):\n\n"
        + table(["claims", "key groups", "slots", "seconds", "us per claim"], rows)
    )


def model_requests(quick: bool = False) -> str:
    """Requests and prompt tokens the model-judged alignment adds per story on the llm path."""
    import json as _json
    import os
    import tempfile

    from factcheck.config import load_settings
    from factcheck.pipeline import compare

    from .modellike import serve
    from .tokens import count_tokens, message_tokens, tokenizer_name

    rows: list[list[object]] = []
    suites = ["seeds", "heldout"] if quick else ["seeds", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"]
    for suite in suites:
        folder = REPO / "suites" / suite
        articles = (
            sorted(glob.glob(str(REPO / "seeds" / "*.txt")))
            if suite == "seeds"
            else sorted(glob.glob(str(folder / "articles" / "*.txt")))
        )
        requests: list[dict] = []
        with serve(folder / "modellike" / "answers.json", requests) as url, tempfile.TemporaryDirectory() as tmp:
            flags = {
                "extractor": "llm",
                "base_url": url,
                "model": "modellike",
                "cache": False,
                "cache_path": os.path.join(tmp, "c.sqlite3"),
            }
            env = {"FACTCHECK_MODEL_ALIGNMENT": "1"}
            compare(articles, load_settings(flags, env=env))
        judged = [r for r in requests if "AlignedFacts" in _json.dumps(r.get("tools") or r.get("response_format"))]
        extraction = [r for r in requests if r not in judged]

        def tokens(batch: list[dict]) -> int:
            return sum(message_tokens(r["messages"]) + count_tokens(_json.dumps(r.get("tools") or [])) for r in batch)

        sets = sum(_json.dumps(r["messages"]).count("Set ") for r in judged)
        rows.append(
            [suite, len(articles), len(extraction), f"{tokens(extraction):,}", len(judged), sets, f"{tokens(judged):,}"]
        )
    return (
        "With `FACTCHECK_MODEL_ALIGNMENT=1`, the llm path sends the candidate joins alignment is unsure of "
        "to the model (prompt align_claims v1). Measured on each story's model-like answers "
        "(suites/MODELLIKE.md) served from a loopback server, which answers the alignment requests with no "
        f"groups; tokens counted with {tokenizer_name()} (prompt messages and tool schema).\n\n"
        + table(
            [
                "story",
                "articles",
                "extraction requests",
                "extraction prompt tokens",
                "alignment requests",
                "sets asked",
                "alignment prompt tokens",
            ],
            rows,
        )
    )
