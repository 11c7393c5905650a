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
from .metadata import add_published_argument, published_flag

if TYPE_CHECKING:  # rich is imported where a Console is made, so `--help` starts without it
    from rich.console import Console

EXIT_OK = 0
EXIT_CONTRADICTIONS = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70

EXIT_CODES = """\
exit codes:
  0  no contradictions found
  1  contradictions found (and not dismissed in review)
  2  bad usage or input (a one-line message names the file and the fix)
  3  incomplete run: some chunks failed at the model (the report marks what is missing)
  70  internal error (a bug: rerun with --debug and report the traceback)
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
        err.print(f"factcheck: error: {_visible(str(exc))}", markup=False)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("factcheck: interrupted; finished chunks are cached: run the same command to resume", markup=False)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: still one line, traceback with --debug
        if getattr(args, "debug", False):
            err.print_exception()
        err.print(f"factcheck: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)", markup=False)
        return EXIT_INTERNAL


def _visible(text: str) -> str:
    """A message naming files or quoting input, with control characters made visible."""
    from .safetext import visible

    return visible(text)


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
    compare.add_argument("paths", nargs="*", metavar="ARTICLE",
                         help=".txt, .md or .html files, or folders of them (YAML front matter allowed)")
    add_published_argument(compare)
    compare.add_argument("--claims", metavar="FILE", help="reconcile claims from a JSON report instead of extracting")
    compare.add_argument("--format", choices=("terminal", "json", "markdown", "html"), default="terminal")
    compare.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    compare.add_argument("--all", action="store_true", help="list every single-source claim, not only a summary")
    compare.add_argument("--show-dismissed", action="store_true", help="show findings dismissed in review")
    compare.add_argument("--review-file", dest="review_file", metavar="FILE",
                         help="review decisions to show (default: factcheck-review.json beside the articles)")
    add_settings_arguments(compare)
    compare.set_defaults(func=cmd_compare)
    _add_model_commands(sub)
    _add_review_command(sub)
    _add_eval_command(sub)
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
    g.add_argument("--max-tokens", dest="max_tokens", type=int, help="completion token limit per chunk (default 4096 for OpenAI, else 2048)")
    g.add_argument("--no-cache", dest="cache", action="store_const", const=False, help="neither read nor write the cache")
    g.add_argument("--cache-path", dest="cache_path", help="SQLite cache file (default ~/.cache/factcheck/cache.sqlite3)")
    i = p.add_argument_group("input")
    i.add_argument("--max-bytes", dest="max_bytes", type=int, help="refuse files larger than this (default 2000000)")
    i.add_argument("--encoding", help="text encoding of the articles when not UTF-8, e.g. latin-1")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or warnings")


def settings_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings flags as parsed (None where not given)."""
    names = ("extractor", "model", "base_url", "server", "mode", "concurrency", "timeout", "max_tokens",
             "cache", "cache_path", "max_bytes", "encoding")
    return {n: getattr(args, n, None) for n in names}


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(settings_flags(args))


def cmd_compare(args: argparse.Namespace, err: Console) -> int:
    from .pipeline import compare, compare_claims

    if args.claims and args.paths:
        raise FactcheckError("give either article files or --claims, not both", "drop one of them")
    warn = (lambda msg: None) if args.quiet else (lambda msg: err.print(f"factcheck: warning: {_visible(msg)}", markup=False))
    if args.output:
        _check_output(Path(args.output))
    decisions = _decisions(args, warn)  # a damaged review file is reported before any model request
    if args.claims:
        report = compare_claims(args.claims)
    else:
        settings = settings_from(args)
        with _progress(err, enabled=not args.quiet) as progress:
            report = compare(args.paths, settings, progress, warn, published_flag(args))
    decisions = _matched(report, decisions)
    _emit(report, args, err, decisions)
    if not args.claims:
        from .pipeline import undated_notes

        for note in undated_notes(report.sources):  # said after the report, beside it
            warn(note)
    for failure in report.run.failures:  # one line per chunk whose claims are missing from the report
        err.print(f"factcheck: chunk {failure.chunk_index + 1} of {failure.source_id} failed, its claims are missing: "
                  f"{failure.error}", markup=False)
    if report.run.incomplete:
        return EXIT_INCOMPLETE
    return EXIT_CONTRADICTIONS if _open_contradictions(report, decisions) else EXIT_OK


def _check_output(path: Path) -> None:
    """Refuse an -o path that cannot be written before any work is done, so no run is lost to a typo."""
    if path.is_dir():
        raise FactcheckError(f"-o {path}: is a directory", "give a file name, e.g. -o report.html")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise FactcheckError(f"-o {path}: no such directory {parent}", "create it first or write elsewhere")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise FactcheckError(f"-o {path}: not writable", "write the report elsewhere")


def _emit(report: Any, args: argparse.Namespace, err: Console, decisions: Any = None) -> None:
    from . import report as render

    fmt = args.format
    if fmt == "terminal":
        renderable = render.terminal(report, show_all=args.all, show_dismissed=args.show_dismissed, decisions=decisions)
        if args.output:
            _write_output(Path(args.output), _plain_text(renderable))
        else:
            _stdout_console().print(renderable)
        return
    if fmt == "json":
        text = render.to_json(report)
    else:
        text = {"markdown": render.to_markdown, "html": render.to_html}[fmt](
            report, decisions=decisions, show_dismissed=args.show_dismissed)
    if args.output:
        _write_output(Path(args.output), text)
        err.print(f"factcheck: wrote {args.output}", markup=False)
    else:
        sys.stdout.write(text)


def _plain_text(renderable: Any) -> str:
    """A rich renderable as plain text, 120 columns wide, for a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None).print(renderable)
    return buffer.getvalue()


def _write_output(path: Path, text: str) -> None:
    """Write a report through a temporary file in the same folder, renamed into place: on any failure
    (a full disk) the previous file stays as it was and the error is one line."""
    from .fileio import WriteError, atomic_write

    try:
        atomic_write(path, text)
    except OSError as exc:
        raise WriteError(f"-o {path}: not written ({exc.strerror or exc}); any previous file is unchanged",
                         "free space or write elsewhere") from exc


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


def _add_review_command(sub: Any) -> None:
    """`review`: walk the findings and record an editor's decision on each."""
    review = sub.add_parser(
        "review", help="walk the findings and mark each confirmed, dismissed or needing follow-up",
        description="Show each finding (contradictions first) and read one answer per line from stdin:\n"
        "c confirm, d dismiss, f needs follow-up, s skip, q quit. After c/d/f the next line is a note\n"
        "(empty for none), or put the note after the letter: 'd same wire copy'. Each answer is saved\n"
        "at once; 'factcheck compare' then shows the decisions and hides dismissed findings.",
        epilog="examples:\n  factcheck review seeds/*.txt\n  printf 'c\\n\\nd duplicate\\nq\\n' | factcheck review seeds/*.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    review.add_argument("paths", nargs="*", metavar="ARTICLE", help="the articles, as given to compare")
    add_published_argument(review)
    review.add_argument("--claims", metavar="FILE", help="reconcile claims from a JSON report instead of extracting")
    review.add_argument("--review-file", dest="review_file", metavar="FILE",
                        help="where decisions are kept (default: factcheck-review.json beside the articles)")
    review.add_argument("--revisit", action="store_true", help="also walk findings decided before")
    add_settings_arguments(review)
    review.set_defaults(func=cmd_review)


def _review_inputs(args: argparse.Namespace) -> tuple[str | None, list[str]]:
    """The --review-file given (if any) and the inputs a default review file sits beside."""
    paths = [os.path.join(p, "article") if os.path.isdir(p) else p for p in args.paths]  # a folder holds its file
    return getattr(args, "review_file", None), paths or ([args.claims] if args.claims else [])


def _decisions(args: argparse.Namespace, warn: Any) -> Any:
    from .review import decisions_to_show

    return decisions_to_show(*_review_inputs(args), warn)


def _matched(report: Any, decisions: Any) -> Any:
    from .review import match_decisions

    return match_decisions(report.findings, decisions)


def _open_contradictions(report: Any, decisions: Any) -> bool:
    """Whether a contradiction remains that review has not dismissed."""
    from .review import Status, finding_id

    return any(f.kind == "contradiction" and getattr(decisions.get(finding_id(f)), "status", None) != Status.DISMISSED
               for f in report.findings)


def cmd_review(args: argparse.Namespace, err: Console) -> int:
    from .pipeline import compare, compare_claims
    from .report.terminal import review_card
    from .review import STATUS_NAMES, checked_review_file, run_review

    if args.claims and args.paths:
        raise FactcheckError("give either article files or --claims, not both", "drop one of them")
    path = checked_review_file(*_review_inputs(args))  # before any model request or question
    if args.claims:
        report = compare_claims(args.claims)
    else:
        with _progress(err, enabled=not args.quiet) as progress:
            report = compare(args.paths, settings_from(args), progress, published=published_flag(args))
    out = _stdout_console()
    echo = not sys.stdin.isatty()

    def ask(prompt: str) -> str | None:
        out.print(prompt, end="", markup=False, highlight=False)
        line = sys.stdin.readline()
        if echo:
            out.print(line.rstrip("\n"), markup=False, highlight=False)
        return line if line else None

    try:
        outcome = run_review(
            report, path, ask,
            show=lambda finding, n, total, decision: out.print(review_card(report, finding, n, total, decision)),
            tell=lambda message: out.print(message, markup=False, style="yellow"),
            revisit=args.revisit,
        )
    except KeyboardInterrupt:
        err.print(f"\nfactcheck: review interrupted; every decision made is saved in {path}", markup=False)
        return EXIT_INTERRUPTED
    done = ", ".join(f"{n} {STATUS_NAMES[s]}" for s, n in outcome.decided.items())
    err.print(f"factcheck: {done}; {outcome.skipped} skipped; {outcome.remaining} not reviewed yet; "
              f"decisions in {path}", markup=False)
    return EXIT_OK


EXIT_REGRESSION = 1
EVAL_EPILOG = """\
examples:
  factcheck eval                                     the seed suite (suites/seeds), offline extractor
  factcheck eval suites/seeds --check --junit eval.xml   CI: fail on a regression, JUnit for the CI page
  factcheck eval --update-baseline                   accept the current figures as the new baseline
  factcheck eval --extractor llm --cassette suites/seeds/cassettes/llm --check   replay recorded answers

exit codes:
  0  evaluated; with --check, no metric fell below its baseline minus the tolerance
  1  --check: a metric regressed (the message names it and the cases that changed),
     or recorded model answers no longer match the requests (re-record them)
  2  bad usage or input
  3  without --check: some chunks failed at the model (incomplete run)
"""


def _add_eval_command(sub: Any) -> None:
    """`eval`: score the pipeline on a labelled suite; compare with a stored baseline for CI."""
    ev = sub.add_parser("eval", help="score extraction and findings on a labelled suite; check against a baseline",
                        description="Run the whole pipeline over every case of a suite and score it: extraction "
                        "precision/recall by value type against gold claims, finding precision/recall by kind "
                        "against expected findings. See docs/eval.md.",
                        epilog=EVAL_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("suite", nargs="?", default="suites/seeds", metavar="SUITE",
                    help="suite folder with suite.yaml (default suites/seeds)")
    ev.add_argument("--format", choices=("terminal", "json"), default="terminal")
    ev.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE instead of stdout")
    ev.add_argument("--junit", metavar="FILE", help="also write JUnit XML: one testcase per metric and expectation")
    what = ev.add_mutually_exclusive_group()
    what.add_argument("--check", action="store_true", help="exit 1 when a metric falls below its baseline minus tolerance")
    what.add_argument("--update-baseline", dest="update_baseline", action="store_true",
                      help="rewrite the baseline with this run's figures")
    ev.add_argument("--baseline", metavar="FILE", help="baseline file (default SUITE/baselines/<extractor>.json)")
    ev.add_argument("--tolerance", type=float, help="allowed drop below the baseline (default: the suite's, 0.02)")
    ev.add_argument("--cassette", metavar="DIR", help="llm: replay recorded model answers from DIR, offline")
    ev.add_argument("--record-cassettes", dest="record", action="store_true",
                    help="llm: record DIR afresh against the live endpoint")
    add_settings_arguments(ev)
    ev.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace, err: Console) -> int:
    from .evaluate.command import EvalOptions, display_path, evaluate
    from .evaluate.junit import write_junit

    options = EvalOptions(suite=args.suite, check=args.check, update_baseline=args.update_baseline,
                          baseline=args.baseline, tolerance=args.tolerance, cassette=args.cassette, record=args.record)
    warn = (lambda msg: None) if args.quiet else (lambda msg: err.print(f"factcheck: warning: {_visible(msg)}", markup=False))
    run = evaluate(options, settings_flags(args), warn)
    if args.format == "json":
        import json

        data = {"result": run.result.model_dump(mode="json"), "values": run.result.values(),
                "check": run.check.model_dump(mode="json") if run.check else None}
        text = json.dumps(data, indent=2) + "\n"
        if args.output:
            _write_output(Path(args.output), text)
        else:
            sys.stdout.write(text)
    else:

        from .report.evaluation import eval_view

        view = eval_view(run.result, run.check)
        if args.output:
            _write_output(Path(args.output), _plain_text(view))
        else:
            console = _stdout_console()
            if not console.is_terminal:
                console.width = 120  # CI logs: room for the metric and case tables
            console.print(view)
    if args.junit:
        write_junit(Path(args.junit), run.result, run.check, run.baseline)
        err.print(f"factcheck: wrote {args.junit}", markup=False)
    if run.wrote_baseline:
        err.print(f"factcheck: wrote baseline {display_path(run.baseline_path)}", markup=False)
    if run.check is not None and not run.check.passed:
        for m in run.check.failed:
            err.print(f"factcheck: regression: {m.name} {m.reason} (tolerance {run.check.tolerance:g}; "
                      f"baseline {run.check.baseline_path})", markup=False)
        for line in run.check.prompt_changes:
            err.print(f"factcheck:   {line}", markup=False)
        for change in run.check.changes:
            err.print(f"factcheck:   changed {change.text()}", markup=False)
        return EXIT_REGRESSION
    if run.check is None and run.result.incomplete:
        return EXIT_INCOMPLETE  # with --check, failed chunks count through extraction.complete
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
