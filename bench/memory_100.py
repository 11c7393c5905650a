"""Peak memory of an llm run over 100 articles against the fault server (fast mode), against 10 and 30.

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
import json
import sys
import tempfile
from pathlib import Path

from .corpus import varied_copies
from .proc import REPO, RunResult, clean_env, factcheck_argv, timed_run
from .report import table

sys.path.insert(0, str(REPO / "tests"))
from faultserver import FaultServer, serve  # noqa: E402 - the test server is the benchmark's counterpart


def run_once(
    server: FaultServer, articles: list[Path], work: Path, tag: str, faults: int = 0
) -> tuple[RunResult, dict[str, int], int]:
    """One compare run (`faults` chunks get a 500, as many others a truncated answer, each once); returns
    its measurements, the report's usage and how many claims it holds."""
    out = work / f"report-{tag}.json"
    env = clean_env({
        "OPENAI_BASE_URL": server.base_url, "FACTCHECK_EXTRACTOR": "llm", "FACTCHECK_CONCURRENCY": "8",
        "FACTCHECK_CACHE_PATH": str(work / f"cache-{tag}.sqlite3"), "FACTCHECK_MAX_RETRIES": "2",
        "FACTCHECK_TIMEOUT": "30", "HOME": str(work),
    })
    argv = factcheck_argv("compare", *map(str, articles), "--format", "json", "-o", str(out), "--quiet")
    server.reset()
    if faults:
        server.add("500", times=faults, retry_after="0.01", once_each=True)
        server.add("truncated_args", times=faults, once_each=True)
    result = timed_run(argv, env, cwd=work)
    report = json.loads(out.read_text(encoding="utf-8"))
    return result, report["run"]["usage"], len(report["claims"])


def memory(quick: bool = False) -> str:
    """Markdown: peak RSS and wall time for 10, 30 and 100 articles (and 100 with faults)."""
    sizes = [3, 10] if quick else [10, 30, 100]
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-mem-") as tmp, serve() as server:
        work = Path(tmp)
        corpus = varied_copies(work / "articles", max(sizes))
        megabytes = sum(p.stat().st_size for p in corpus) / 1e6
        for n in sizes:
            result, usage, claims = run_once(server, corpus[:n], work, f"{n}")
            rows.append([n, "none", usage["requests"], claims, f"{result.max_rss_mb:.0f} MB", f"{result.seconds:.1f} s"])
        n = sizes[-1]
        result, usage, claims = run_once(server, corpus[:n], work, f"{n}-faults", faults=n // 5)
        faulted = sum(1 for r in server.log if r.fault)
        rows.append([n, f"{faulted} faulted requests, all retried", usage["requests"], claims,
                     f"{result.max_rss_mb:.0f} MB", f"{result.seconds:.1f} s"])
    base, top = float(rows[0][4].split()[0]), float(rows[len(sizes) - 1][4].split()[0])
    growth = (top - base) / (sizes[-1] - sizes[0])
    return (
        f"{len(corpus)} articles ({megabytes:.2f} MB of text, varied copies of the seeds), "
        "`--extractor llm` against tests/faultserver.py on loopback answering at once, concurrency 8.\n\n"
        + table(["articles", "faults", "HTTP requests", "claims", "peak RSS", "wall time"], rows)
        + f"\n\nGrowth: {growth:.2f} MB of peak RSS per extra article ({sizes[0]} -> {sizes[-1]}). "
        "Target: bounded, i.e. well under the size of the whole corpus times a small factor.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_100", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 and 10 articles (a smoke run, not a figure)")
    args = parser.parse_args(argv)
    print(memory(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
