"""Command line: parse arguments, run a command, print, exit. The only place that creates a Console."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence
from typing import NoReturn

from factcheck import __version__
from factcheck.cli.compare import add_compare_command
from factcheck.cli.evaluation import add_eval_command
from factcheck.cli.model import add_model_commands
from factcheck.cli.options import EXIT_CODES, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, _visible
from factcheck.cli.review import add_review_command
from factcheck.errors import FactcheckError

# A run builds about 10^5 objects that live until it ends (the parser's pipeline, the lexicon, the models' schemas);
# Python's default (700, 10, 10) scans them again and again for little garbage: about 0.2 s of a compare of the
# seeds, 0.1 s with these limits.
GC_THRESHOLDS = (50_000, 10, 10)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code says how it went (see EXIT_CODES)."""
    gc.set_threshold(*GC_THRESHOLDS)
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
        err.print(
            f"factcheck: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)", markup=False
        )
        return EXIT_INTERNAL


class _Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one line naming the fix, exit 2 (argparse prints the whole usage)."""

    def error(self, message: str) -> NoReturn:
        """Print one line: what is wrong, and where the options are listed."""
        self.exit(EXIT_USAGE, f"factcheck: error: {self.prog}: {_visible(message)} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = _Parser(
        prog="factcheck",
        description="Check several news articles about one story against each other: what sources agree on, "
        "where they contradict, what changed over time, and what only one source says.",
        epilog=EXIT_CODES + "\nRun 'factcheck COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    add_compare_command(sub)
    add_model_commands(sub)
    add_review_command(sub)
    add_eval_command(sub)
    return parser
