"""`python -m bench [NAME ...]`: regenerate benchmark figures into BENCHMARKS.md."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .report import section, update

REPO = Path(__file__).resolve().parent.parent

# name -> (section title, "module:function"); the function takes quick: bool and returns Markdown.
FIGURES: dict[str, tuple[str, str]] = {
    "concurrency": ("LLM extractor: wall time against concurrency", "bench.llm_bench:concurrency"),
    "cache": ("LLM extractor: re-run from the cache", "bench.llm_bench:cache"),
    "prompt": ("LLM extractor: prompt tokens per article token", "bench.prompt_bench:prompt_overhead"),
    "offline": ("Offline extractor: throughput and start-up", "bench.offline_bench:offline"),
    "parser": ("Offline extractor: the parser (spaCy)", "bench.parser_bench:parser"),
    "reconcile": ("Reconciler: time and peak memory against claims", "bench.reconcile_figure:reconcile"),
    "align": ("Alignment by meaning: model load and time against claims", "bench.align_bench:alignment"),
    "align_model": ("Alignment judged by the model: requests and tokens per story", "bench.align_bench:model_requests"),
    "e2e": ("End to end on the seeds (offline)", "bench.cli_bench:end_to_end"),
    "startup": ("Start-up: `factcheck --help`", "bench.cli_bench:startup"),
}


def _load(target: str) -> Callable[[bool], str]:
    """Import "module:function" lazily, so one figure does not import the others."""
    module, func = target.split(":")
    fn: Callable[[bool], str] = getattr(importlib.import_module(module), func)
    return fn


def main(argv: list[str] | None = None) -> int:
    """Run the named figures (default: all) and write their sections."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"figures to run (default all): {', '.join(FIGURES)}")
    parser.add_argument("--list", action="store_true", help="list the figures and exit")
    parser.add_argument(
        "--quick", action="store_true", help="tiny configurations (seconds; for smoke tests, not figures)"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="file to update (default BENCHMARKS.md; with --quick, nothing is written without -o)",
    )
    args = parser.parse_args(argv)
    if args.list:
        for name, (title, _) in FIGURES.items():
            print(f"{name:12} {title}")
        return 0
    unknown = [n for n in args.names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    names = args.names or list(FIGURES)
    # Quick runs are smoke tests: their figures must never replace measured ones by accident.
    output = args.output if args.output is not None or args.quick else REPO / "BENCHMARKS.md"
    for name in names:
        title, target = FIGURES[name]
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        body = _load(target)(args.quick)
        command = f"python -m bench {name}" + (" --quick" if args.quick else "")
        text = section(name, title, command, body)
        if output is None:
            print(text)
        else:
            update(output, {name: text}, list(FIGURES))
        print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    if output is not None:
        print(f"bench: wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
