"""Exit codes and the flags every command that reads articles shares."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.config import MODES, SERVER_KINDS, Settings, load_settings
from factcheck.errors import FactcheckError
from factcheck.sources.metadata import add_published_argument

EXIT_OK = 0
EXIT_CONTRADICTIONS = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70

EXIT_REGRESSION = 1  # eval --check: a metric fell below its baseline

EXIT_CODES = """\
exit codes:
  0  no contradictions found
  1  contradictions found (and not dismissed in review)
  2  bad usage or input (a one-line message names the file and the fix)
  3  incomplete run: some chunks failed at the model (the report marks what is missing)
  70  internal error (a bug: rerun with --debug and report the traceback)
  130 interrupted (Ctrl-C); finished chunks are cached, run the same command again
"""


def add_report_inputs(p: argparse.ArgumentParser) -> None:
    """What `compare` and `review` read: the articles or a claims file, their date, and the review file."""
    p.add_argument(
        "paths",
        nargs="*",
        metavar="ARTICLE",
        help=".txt, .md or .html files, or folders of them (YAML front matter allowed)",
    )
    add_published_argument(p)
    p.add_argument(
        "--claims",
        metavar="FILE",
        help="reconcile the claims of a JSON report (written by compare --format json) instead of extracting; "
        "give it or articles, not both",
    )
    p.add_argument(
        "--review-file",
        dest="review_file",
        metavar="FILE",
        help="the editors' decisions, written by review and shown by compare "
        "(default: factcheck-review.json beside the articles)",
    )


def check_report_inputs(args: argparse.Namespace) -> None:
    """Refuse articles and --claims together: the report comes from one or the other."""
    if args.claims and args.paths:
        raise FactcheckError(
            f"--claims {args.claims}: give either article files or --claims, not both", "drop one of them"
        )


def add_settings_arguments(p: argparse.ArgumentParser) -> None:
    """Flags that map onto Settings; each overrides env and config file."""
    g = p.add_argument_group("extraction")
    g.add_argument("--extractor", choices=("auto", "offline", "llm"), default=None, help="default: auto")
    g.add_argument("--model", help="model name (llm extractor); env FACTCHECK_MODEL")
    g.add_argument("--base-url", dest="base_url", help="OpenAI-compatible endpoint; env OPENAI_BASE_URL")
    g.add_argument("--server", choices=SERVER_KINDS, help="server kind, picks the structured-output mode")
    g.add_argument("--mode", choices=MODES, help="instructor mode (default per server kind)")
    g.add_argument("--concurrency", type=int, help="requests in flight at once (default: 1 for llama.cpp, else 2-4)")
    g.add_argument("--timeout", type=float, help="seconds per request (default 60)")
    g.add_argument(
        "--max-tokens",
        dest="max_tokens",
        type=int,
        help="completion token limit per chunk (default 4096 for OpenAI, else 2048)",
    )
    g.add_argument(
        "--model-alignment",
        dest="model_alignment",
        action="store_const",
        const=True,
        help="llm: the model also judges the joins alignment is unsure of (about one more request per story); "
        "env FACTCHECK_MODEL_ALIGNMENT=1",
    )
    g.add_argument(
        "--no-cache", dest="cache", action="store_const", const=False, help="neither read nor write the cache"
    )
    g.add_argument(
        "--cache-path", dest="cache_path", help="SQLite cache file (default ~/.cache/factcheck/cache.sqlite3)"
    )
    i = p.add_argument_group("input")
    i.add_argument("--max-bytes", dest="max_bytes", type=int, help="refuse files larger than this (default 2000000)")
    i.add_argument("--encoding", help="text encoding of the articles when not UTF-8, e.g. latin-1")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or warnings")


def settings_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings flags as parsed (None where not given)."""
    names = (
        "extractor",
        "model",
        "base_url",
        "server",
        "mode",
        "concurrency",
        "timeout",
        "max_tokens",
        "cache",
        "cache_path",
        "model_alignment",
        "max_bytes",
        "encoding",
    )
    return {n: getattr(args, n, None) for n in names}


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(settings_flags(args))


def _visible(text: str) -> str:
    """A message naming files or quoting input, with control characters made visible."""
    from factcheck.safetext import visible

    return visible(text)


def warner(args: argparse.Namespace, err: Any) -> Any:
    """Print a warning line on stderr, unless --quiet."""
    if args.quiet:
        return lambda msg: None
    return lambda msg: err.print(f"factcheck: warning: {_visible(msg)}", markup=False)
