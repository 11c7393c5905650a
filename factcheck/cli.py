"""Command line: parse arguments, run a command, print, exit. The only place that creates a Console."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import MODES, SERVER_KINDS, Settings, load_settings
from .errors import FactcheckError

if TYPE_CHECKING:  # rich is imported where a Console is made, so `--help` starts without it
    from rich.console import Console

EXIT_OK = 0
EXIT_CONTRADICTIONS = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130

EXIT_CODES = """\
exit codes:
  0  no contradictions found
  1  contradictions found
  2  bad usage or input (a one-line message names the file and the fix)
  3  incomplete run: some chunks failed at the model (the report marks what is missing)
  130 interrupted (Ctrl-C); finished chunks are cached, run the same command again
"""

COMPARE_EPILOG = f"""\
examples:
  factcheck compare seeds/*.txt                     offline extractor, terminal report
  factcheck compare seeds/*.txt --format json -o report.json
  OPENAI_BASE_URL=http://127.0.0.1:8080/v1 factcheck compare seeds/*.txt --extractor llm
  factcheck compare --claims report.json            reconcile claims extracted earlier

Which extractor runs: --extractor auto (default) uses the llm extractor when OPENAI_API_KEY or
OPENAI_BASE_URL is set, otherwise the embedded offline extractor. The report names it.

{EXIT_CODES}"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from rich.console import Console

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args, err))
    except FactcheckError as exc:
        if getattr(args, "debug", False):
            err.print_exception()
        err.print(f"factcheck: error: {exc}", markup=False)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("factcheck: interrupted; finished chunks are cached: run the same command to resume", markup=False)
        return EXIT_INTERRUPTED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check several news articles about one story against each other: what sources agree on, "
        "where they contradict, what changed over time, and what only one source says.",
        epilog=EXIT_CODES + "\nRun 'factcheck COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    compare = sub.add_parser(
        "compare",
        help="compare articles and report agreements, contradictions, updates and single-source claims",
        description="Extract claims from each article, align them across sources and report.",
        epilog=COMPARE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument("paths", nargs="*", metavar="ARTICLE", help=".txt, .md or .html files (YAML front matter allowed)")
    compare.add_argument("--claims", metavar="FILE", help="reconcile claims from a JSON report instead of extracting")
    compare.add_argument("--format", choices=("terminal", "json", "markdown", "html"), default="terminal")
    compare.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    compare.add_argument("--all", action="store_true", help="list every single-source claim, not only a summary")
    compare.add_argument("--show-dismissed", action="store_true", help="show findings dismissed in review")
    add_settings_arguments(compare)
    compare.set_defaults(func=cmd_compare)
    _add_model_commands(sub)
    return parser


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
    g.add_argument("--max-tokens", dest="max_tokens", type=int, help="completion token limit per chunk")
    g.add_argument("--no-cache", dest="cache", action="store_const", const=False, help="neither read nor write the cache")
    g.add_argument("--cache-path", dest="cache_path", help="SQLite cache file (default ~/.cache/factcheck/cache.sqlite3)")
    i = p.add_argument_group("input")
    i.add_argument("--max-bytes", dest="max_bytes", type=int, help="refuse files larger than this (default 2000000)")
    i.add_argument("--encoding", help="text encoding of the articles when not UTF-8, e.g. latin-1")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or warnings")


def settings_from(args: argparse.Namespace) -> Settings:
    names = ("extractor", "model", "base_url", "server", "mode", "concurrency", "timeout", "max_tokens",
             "cache", "cache_path", "max_bytes", "encoding")
    return load_settings({n: getattr(args, n, None) for n in names})


def cmd_compare(args: argparse.Namespace, err: Console) -> int:
    from .pipeline import compare, compare_claims

    if args.claims and args.paths:
        raise FactcheckError("give either article files or --claims, not both", "drop one of them")
    warn = (lambda msg: None) if args.quiet else (lambda msg: err.print(f"factcheck: warning: {msg}", markup=False))
    if args.claims:
        report = compare_claims(args.claims)
    else:
        settings = settings_from(args)
        with _progress(err, enabled=not args.quiet) as progress:
            report = compare(args.paths, settings, progress, warn)
    _emit(report, args, err)
    if report.run.incomplete:
        return EXIT_INCOMPLETE
    return EXIT_CONTRADICTIONS if any(f.kind == "contradiction" for f in report.findings) else EXIT_OK


def _emit(report: Any, args: argparse.Namespace, err: Console) -> None:
    from . import report as render

    fmt = args.format
    if fmt == "terminal":
        renderable = render.terminal(report, show_all=args.all, show_dismissed=args.show_dismissed)
        if args.output:
            from rich.console import Console

            with open(args.output, "w", encoding="utf-8") as fh:
                Console(file=fh, width=120, color_system=None).print(renderable)
        else:
            _stdout_console().print(renderable)
        return
    text = {"json": render.to_json, "markdown": render.to_markdown, "html": render.to_html}[fmt](report)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        err.print(f"factcheck: wrote {args.output}", markup=False)
    else:
        sys.stdout.write(text)


def _stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")))


class _RichProgress:
    """Adapts the extractors' Progress protocol to a rich progress bar on stderr."""

    def __init__(self, console: Console, enabled: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.enabled = enabled and console.is_terminal
        self.bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=not self.enabled,
        )
        self.task = self.bar.add_task("extracting", total=0)

    def add_total(self, n: int) -> None:
        total = (self.bar.tasks[0].total or 0) + n
        self.bar.update(self.task, total=total)

    def advance(self, label: str) -> None:
        self.bar.update(self.task, advance=1, description=f"extracting {label}")

    def __enter__(self) -> _RichProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)


def _progress(console: Console, enabled: bool) -> _RichProgress:
    return _RichProgress(console, enabled)


def _add_model_commands(sub: Any) -> None:
    """`cache`, `doctor` and `serve-local`: the model side of factcheck."""
    cache = sub.add_parser("cache", help="show or clear the cache of model answers",
                           description="Model answers are cached by request content; a repeated run sends no requests.")
    cache.add_argument("action", choices=("stats", "clear"))
    cache.add_argument("--cache-path", dest="cache_path", help="SQLite cache file (default ~/.cache/factcheck/cache.sqlite3)")
    cache.set_defaults(func=cmd_cache)
    doctor = sub.add_parser("doctor", help="check the model endpoint: reachable, models, structured output",
                            description="Check the configured endpoint answers, list its models and try one tiny "
                            "structured-output request in the configured mode.")
    add_settings_arguments(doctor)
    doctor.set_defaults(func=cmd_doctor)
    serve = sub.add_parser("serve-local", help="serve a local GGUF model on an OpenAI-compatible API (llama.cpp)",
                           description="Start llama-cpp-python's server (pip install 'factcheck[local]') on loopback.")
    serve.add_argument("gguf", metavar="GGUF", help="model file in GGUF format")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    serve.add_argument("--ctx", type=int, default=8192, help="context size in tokens (default 8192)")
    serve.add_argument("--chat-format", dest="chat_format", help="llama.cpp chat format when the GGUF carries no template, e.g. gemma")
    serve.set_defaults(func=cmd_serve_local)


def cmd_cache(args: argparse.Namespace, err: Console) -> int:
    from .cache import Cache

    settings = load_settings({"cache_path": args.cache_path})
    cache = Cache(settings.resolved_cache_path())
    if args.action == "clear":
        removed = cache.clear()
        cache.close()
        print(f"removed {removed} cached answer(s) from {cache.path}")
        return EXIT_OK
    stats = cache.stats()
    cache.close()
    print(f"cache: {stats.path}\nentries: {stats.entries}\nsize: {stats.bytes:,} bytes")
    for name, table in (("model", stats.by_model), ("prompt", stats.by_prompt)):
        for key, count in table.items():
            print(f"  {name} {key}: {count}")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace, err: Console) -> int:
    import asyncio

    from .llm import doctor

    settings = settings_from(args)
    if not settings.endpoint_configured():
        raise FactcheckError("no model endpoint configured",
                             "set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
    checks = asyncio.run(doctor(settings))
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
        if check.fix and not check.ok:
            print(f"     fix: {check.fix}")
    return EXIT_OK if all(c.ok for c in checks) else EXIT_INCOMPLETE


def cmd_serve_local(args: argparse.Namespace, err: Console) -> int:
    from .localserver import base_url, check_installed, check_model_file, serve

    gguf = Path(args.gguf)
    check_model_file(gguf)
    check_installed()
    err.print(f"factcheck: serving {gguf.name} at {base_url(args.port)}; in another terminal run\n"
              f"  OPENAI_BASE_URL={base_url(args.port)} FACTCHECK_SERVER=llamacpp factcheck compare ARTICLES", markup=False)
    return serve(gguf, port=args.port, ctx=args.ctx, chat_format=args.chat_format)


if __name__ == "__main__":
    raise SystemExit(main())
