"""`factcheck review`: walk the findings and record an editor's decision on each."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from factcheck.cli.options import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_report_inputs,
    add_settings_arguments,
    check_report_inputs,
    settings_from,
)
from factcheck.cli.output import progress_bar, stdout_console
from factcheck.sources.metadata import published_flag

if TYPE_CHECKING:
    from rich.console import Console


def add_review_command(sub: Any) -> None:
    """`review`: walk the findings and record an editor's decision on each."""
    review = sub.add_parser(
        "review",
        help="walk the findings and mark each confirmed, dismissed or needing follow-up",
        description="Show each finding (contradictions first) and read one answer per line from stdin:\n"
        "c confirm, d dismiss, f needs follow-up, s skip, q quit. After c/d/f the next line is a note\n"
        "(empty for none), or put the note after the letter: 'd same wire copy'. Each answer is saved\n"
        "at once; 'factcheck compare' then shows the decisions and hides dismissed findings.",
        epilog="examples:\n  factcheck review seeds/*.txt\n  printf 'c\\n\\nd duplicate\\nq\\n' | factcheck review seeds/*.txt\n"
        "  factcheck review --claims report.json --review-file decisions.json   review a saved report's findings",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_report_inputs(review)
    review.add_argument("--revisit", action="store_true", help="also walk findings decided before")
    add_settings_arguments(review)
    review.set_defaults(func=cmd_review)


def _review_inputs(args: argparse.Namespace) -> tuple[str | None, list[str]]:
    """The --review-file given (if any) and the inputs a default review file sits beside."""
    paths = [os.path.join(p, "article") if os.path.isdir(p) else p for p in args.paths]  # a folder holds its file
    return getattr(args, "review_file", None), paths or ([args.claims] if args.claims else [])


def decisions_for(args: argparse.Namespace, warn: Any) -> Any:
    from factcheck.review import decisions_to_show

    return decisions_to_show(*_review_inputs(args), warn)


def matched(report: Any, decisions: Any) -> Any:
    from factcheck.review import match_decisions

    return match_decisions(report.findings, decisions)


def open_contradictions(report: Any, decisions: Any) -> bool:
    """Whether a contradiction remains that review has not dismissed."""
    from factcheck.review import Status, finding_id

    return any(
        f.kind == "contradiction" and getattr(decisions.get(finding_id(f)), "status", None) != Status.DISMISSED
        for f in report.findings
    )


def cmd_review(args: argparse.Namespace, err: Console) -> int:
    from factcheck.pipeline import compare, compare_claims
    from factcheck.report.terminal import review_card
    from factcheck.review import STATUS_NAMES, checked_review_file, run_review

    check_report_inputs(args)
    path = checked_review_file(*_review_inputs(args))  # before any model request or question
    if args.claims:
        report = compare_claims(args.claims)
    else:
        with progress_bar(err, enabled=not args.quiet) as progress:
            report = compare(args.paths, settings_from(args), progress, published=published_flag(args))
    out = stdout_console()
    echo = not sys.stdin.isatty()

    def ask(prompt: str) -> str | None:
        out.print(prompt, end="", markup=False, highlight=False)
        line = sys.stdin.readline()
        if echo:
            out.print(line.rstrip("\n"), markup=False, highlight=False)
        return line if line else None

    try:
        outcome = run_review(
            report,
            path,
            ask,
            show=lambda finding, n, total, decision: out.print(review_card(report, finding, n, total, decision)),
            tell=lambda message: out.print(message, markup=False, style="yellow"),
            revisit=args.revisit,
        )
    except KeyboardInterrupt:
        err.print(f"\nfactcheck: review interrupted; every decision made is saved in {path}", markup=False)
        return EXIT_INTERRUPTED
    done = ", ".join(f"{n} {STATUS_NAMES[s]}" for s, n in outcome.decided.items())
    err.print(
        f"factcheck: {done}; {outcome.skipped} skipped; {outcome.remaining} not reviewed yet; decisions in {path}",
        markup=False,
    )
    return EXIT_OK
