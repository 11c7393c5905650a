"""The command line, a module per command; `main` is the `factcheck` script."""

from factcheck.cli.app import build_parser, main
from factcheck.cli.options import (
    EXIT_CODES,
    EXIT_CONTRADICTIONS,
    EXIT_INCOMPLETE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REGRESSION,
    EXIT_USAGE,
)

__all__ = [
    "EXIT_CODES",
    "EXIT_CONTRADICTIONS",
    "EXIT_INCOMPLETE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REGRESSION",
    "EXIT_USAGE",
    "build_parser",
    "main",
]
