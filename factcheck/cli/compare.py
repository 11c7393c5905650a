"""`factcheck compare`: the articles in, the report out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cli.options import (
    EXIT_CODES,
    EXIT_CONTRADICTIONS,
    EXIT_INCOMPLETE,
    EXIT_OK,
    add_report_inputs,
    add_settings_arguments,
    check_report_inputs,
    settings_from,
    warner,
)
from factcheck.cli.output import check_output, emit, progress_bar
from factcheck.cli.review import decisions_for, matched, open_contradictions
from factcheck.sources.metadata import published_flag

if TYPE_CHECKING:
    from rich.console import Console

COMPARE_EPILOG = f"""\
examples:
  factcheck compare seeds/*.txt                     offline extractor, terminal report
  factcheck compare seeds/*.txt --format json -o report.json
  OPENAI_BASE_URL=http://127.0.0.1:8080/v1 factcheck compare seeds/*.txt --extractor llm
  factcheck compare --claims report.json            reconcile claims extracted earlier

Which extractor runs: --extractor auto (default) uses the llm extractor when OPENAI_API_KEY or
OPENAI_BASE_URL is set, otherwise the embedded offline extractor. The report names it.

{EXIT_CODES}"""


def add_compare_command(sub: Any) -> None:
    """`compare`: the main command."""
    compare = sub.add_parser(
        "compare",
        help="compare articles and report agreements, contradictions, updates and single-source claims",
        description="Extract claims from each article, align them across sources and report.",
        epilog=COMPARE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_report_inputs(compare)
    compare.add_argument(
        "--format",
        choices=("terminal", "json", "markdown", "html"),
        default="terminal",
        help="terminal (default); json, the data (schema/report.schema.json); markdown; html, one self-contained page",
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    compare.add_argument("--all", action="store_true", help="list every single-source claim, not only a summary")
    compare.add_argument("--show-dismissed", action="store_true", help="show findings dismissed in review")
    add_settings_arguments(compare)
    compare.set_defaults(func=cmd_compare)


def cmd_compare(args: argparse.Namespace, err: Console) -> int:
    from factcheck.pipeline import compare, compare_claims

    check_report_inputs(args)
    warn = warner(args, err)
    if args.output:
        check_output(Path(args.output))
    decisions = decisions_for(args, warn)  # a damaged review file is reported before any model request
    if args.claims:
        report = compare_claims(args.claims)
    else:
        settings = settings_from(args)
        with progress_bar(err, enabled=not args.quiet) as progress:
            report = compare(args.paths, settings, progress, warn, published_flag(args))
    decisions = matched(report, decisions)
    emit(report, args, err, decisions)
    if not args.claims:
        from factcheck.pipeline import undated_notes

        for note in undated_notes(report.sources):  # said after the report, beside it
            warn(note)
    for failure in report.run.failures:  # one line per chunk whose claims are missing from the report
        err.print(
            f"factcheck: chunk {failure.chunk_index + 1} of {failure.source_id} failed, its claims are missing: "
            f"{failure.error}",
            markup=False,
        )
    if report.run.incomplete:
        return EXIT_INCOMPLETE
    return EXIT_CONTRADICTIONS if open_contradictions(report, decisions) else EXIT_OK
