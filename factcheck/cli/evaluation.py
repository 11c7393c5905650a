"""`factcheck eval`: score the pipeline on a labelled suite; compare with a stored baseline for CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cli.options import (
    EXIT_INCOMPLETE,
    EXIT_OK,
    EXIT_REGRESSION,
    add_settings_arguments,
    settings_flags,
    warner,
)
from factcheck.cli.output import check_output, plain_text, stdout_console, write_output
from factcheck.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

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


def add_eval_command(sub: Any) -> None:
    """`eval`: score the pipeline on a labelled suite; compare with a stored baseline for CI."""
    ev = sub.add_parser(
        "eval",
        help="score extraction and findings on a labelled suite; check against a baseline",
        description="Run the whole pipeline over every case of a suite and score it: extraction "
        "precision/recall by value type against gold claims, finding precision/recall by kind "
        "against expected findings. See docs/eval.md.",
        epilog=EVAL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument(
        "suite",
        nargs="?",
        default="suites/seeds",
        metavar="SUITE",
        help="suite folder with suite.yaml (default suites/seeds)",
    )
    ev.add_argument(
        "--format", choices=("terminal", "json"), default="terminal", help="terminal tables (default) or json figures"
    )
    ev.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE instead of stdout")
    ev.add_argument("--junit", metavar="FILE", help="also write JUnit XML: one testcase per metric and expectation")
    what = ev.add_mutually_exclusive_group()
    what.add_argument(
        "--check", action="store_true", help="exit 1 when a metric falls below its baseline minus tolerance"
    )
    what.add_argument(
        "--update-baseline",
        dest="update_baseline",
        action="store_true",
        help="rewrite the baseline with this run's figures",
    )
    ev.add_argument("--baseline", metavar="FILE", help="baseline file (default SUITE/baselines/<extractor>.json)")
    ev.add_argument("--tolerance", type=float, help="allowed drop below the baseline (default: the suite's, 0.02)")
    ev.add_argument("--cassette", metavar="DIR", help="llm: replay recorded model answers from DIR, offline")
    ev.add_argument(
        "--record-cassettes",
        dest="record",
        action="store_true",
        help="llm: record DIR afresh against the live endpoint",
    )
    add_settings_arguments(ev)
    ev.set_defaults(func=cmd_eval)


def check_eval_paths(args: argparse.Namespace) -> None:
    """Refuse a suite, cassette folder or output path that cannot work before any article is read."""
    suite = Path(args.suite)
    if suite.is_file() and suite.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(f"{args.suite}: not a suite (a suite is a folder with suite.yaml)", "see docs/eval.md")
    if args.cassette and Path(args.cassette).exists() and not Path(args.cassette).is_dir():
        raise InputError(f"--cassette {args.cassette}: not a folder", "give the folder of recorded answers")
    if args.cassette and not args.record and not Path(args.cassette).exists():
        raise InputError(
            f"--cassette {args.cassette}: no such folder", "check the path, or record it with --record-cassettes"
        )
    if args.output:
        check_output(Path(args.output), example="eval.txt")
    if args.junit:
        check_output(Path(args.junit), "--junit", "eval.xml", make_folder=True)


def _emit(args: argparse.Namespace, run: Any) -> None:
    """The evaluation's figures, to stdout or -o, as a table or JSON."""
    if args.format == "json":
        import json

        data = {
            "result": run.result.model_dump(mode="json"),
            "values": run.result.values(),
            "check": run.check.model_dump(mode="json") if run.check else None,
        }
        text = json.dumps(data, indent=2) + "\n"
        if args.output:
            write_output(Path(args.output), text)
        else:
            sys.stdout.write(text)
    else:
        from factcheck.report.evaluation import eval_view

        view = eval_view(run.result, run.check)
        if args.output:
            write_output(Path(args.output), plain_text(view))
        else:
            console = stdout_console()
            if not console.is_terminal:
                console.width = 120  # CI logs: room for the metric and case tables
            console.print(view)


def cmd_eval(args: argparse.Namespace, err: Console) -> int:
    """Score a suite, print its figures, and fail on a regression against the baseline with --check."""
    from factcheck.evaluate.command import EvalOptions, display_path, evaluate
    from factcheck.evaluate.junit import write_junit

    check_eval_paths(args)
    options = EvalOptions(
        suite=args.suite,
        check=args.check,
        update_baseline=args.update_baseline,
        baseline=args.baseline,
        tolerance=args.tolerance,
        cassette=args.cassette,
        record=args.record,
    )
    warn = warner(args, err)
    run = evaluate(options, settings_flags(args), warn)
    _emit(args, run)
    if args.junit:
        from factcheck.fileio import WriteError

        try:
            write_junit(Path(args.junit), run.result, run.check, run.baseline)
        except OSError as exc:
            raise WriteError(
                f"--junit {args.junit}: not written ({exc.strerror or exc})", "write it elsewhere"
            ) from exc
        err.print(f"factcheck: wrote {args.junit}", markup=False)
    if run.wrote_baseline:
        err.print(f"factcheck: wrote baseline {display_path(run.baseline_path)}", markup=False)
    if run.check is not None and not run.check.passed:
        for m in run.check.failed:
            err.print(
                f"factcheck: regression: {m.name} {m.reason} (tolerance {run.check.tolerance:g}; "
                f"baseline {run.check.baseline_path})",
                markup=False,
            )
        for line in run.check.prompt_changes:
            err.print(f"factcheck:   {line}", markup=False)
        for change in run.check.changes:
            err.print(f"factcheck:   changed {change.text()}", markup=False)
        return EXIT_REGRESSION
    if run.check is None and run.result.incomplete:
        return EXIT_INCOMPLETE  # with --check, failed chunks count through extraction.complete
    return EXIT_OK
