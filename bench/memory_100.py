"""Peak memory of an llm run over 100 articles against the fault server (fast mode), beside 10, 30 and 300.

Each run is a separate `factcheck compare --extractor llm` process talking to tests/faultserver.py
on loopback (instant answers, so the figure is the client's own memory, not a model's). Its peak
RSS comes from wait4 (the same counter as resource.getrusage(RUSAGE_CHILDREN)). Memory is bounded
if the 100-article peak stays close to the 10-article one: what grows with the corpus is the
article text, the claims and the report, not buffered requests. A run with faults on some chunks
(HTTP 500 once, truncated arguments once) shows retries keep nothing extra alive.

    python -m bench.memory_100            # prints a Markdown table
    python -m bench memory                # if registered in bench/__main__.py FIGURES
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from .corpus import varied_copies
from .proc import REPO, RunResult, clean_env, factcheck_argv, timed_run
from .report import table


def faultserver() -> ModuleType:
    """tests/faultserver.py, the fault-injecting server the reliability tests use."""
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    import faultserver as module

    return module


def run_once(
    server: Any, articles: list[Path], work: Path, tag: str, faults: int = 0
) -> tuple[RunResult, dict[str, int], int]:
    """One compare run (`faults` chunks get a 500, as many others a truncated answer, each once); returns
    its measurements, the report's usage and how many claims it holds."""
    out = work / f"report-{tag}.json"
    env = clean_env(
        {
            "OPENAI_BASE_URL": server.base_url,
            "FACTCHECK_EXTRACTOR": "llm",
            "FACTCHECK_CONCURRENCY": "8",
            "FACTCHECK_CACHE_PATH": str(work / f"cache-{tag}.sqlite3"),
            "FACTCHECK_MAX_RETRIES": "2",
            "FACTCHECK_TIMEOUT": "30",
            "HOME": str(work),
        }
    )
    argv = factcheck_argv("compare", *map(str, articles), "--format", "json", "-o", str(out), "--quiet")
    server.reset()
    if faults:
        server.add("500", times=faults, retry_after="0.01", once_each=True)
        server.add("truncated_args", times=faults, once_each=True)
    result = timed_run(argv, env, cwd=work)
    report = json.loads(out.read_text(encoding="utf-8"))
    return result, report["run"]["usage"], len(report["claims"])


def memory(quick: bool = False) -> str:
    """Markdown: peak RSS and wall time for 10, 30, 100 and 300 articles, and 100 with faults."""
    sizes = [3, 10] if quick else [10, 30, 100, 300]
    faulted_size = sizes[-1] if quick else 100
    rows: list[list[object]] = []
    rss: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-mem-") as tmp, faultserver().serve() as server:
        work = Path(tmp)
        corpus = varied_copies(work / "articles", max(sizes))
        for n in sizes:
            result, usage, claims = run_once(server, corpus[:n], work, f"{n}")
            rss[n] = result.max_rss_mb
            text_mb = sum(p.stat().st_size for p in corpus[:n]) / 1e6
            rows.append(
                [
                    n,
                    f"{text_mb:.2f} MB",
                    "none",
                    usage["requests"],
                    claims,
                    f"{result.max_rss_mb:.0f} MB",
                    f"{result.seconds:.1f} s",
                ]
            )
        n = faulted_size
        result, usage, claims = run_once(server, corpus[:n], work, f"{n}-faults", faults=n // 5)
        faulted = sum(1 for r in server.log if r.fault)
        text_mb = sum(p.stat().st_size for p in corpus[:n]) / 1e6
        rows.append(
            [
                n,
                f"{text_mb:.2f} MB",
                f"{faulted} faulted requests, all retried",
                usage["requests"],
                claims,
                f"{result.max_rss_mb:.0f} MB",
                f"{result.seconds:.1f} s",
            ]
        )
    steps = [f"{(rss[b] - rss[a]) / (b - a):.2f} MB ({a} -> {b})" for a, b in itertools.pairwise(sizes)]
    return (
        "Varied copies of the seeds, `--extractor llm` against tests/faultserver.py on loopback answering at "
        "once, concurrency 8; peak RSS of the factcheck process (wait4).\n\n"
        + table(["articles", "text", "faults", "HTTP requests", "claims", "peak RSS", "wall time"], rows)
        + f"\n\nPeak RSS per extra article: {', '.join(steps)}. "
        "Target: bounded memory: the per-article growth falls as the corpus grows (the response objects "
        "are not kept; what remains is the sources, the claims, the report and bounded caches), and "
        "retries add nothing.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_100", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 and 10 articles (a smoke run, not a figure)")
    args = parser.parse_args(argv)
    print(memory(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
