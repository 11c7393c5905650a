"""The inputs `compare` and `review` share (articles or --claims, --published, --review-file): one
definition, one check, the same help on both commands."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from cliharness import ARTICLE, assert_input_error, write
from sample_report import sample_report

from factcheck import cli
from factcheck.report.jsonout import to_json

pytestmark = pytest.mark.usefixtures("isolated")  # every test runs in its own folder

COMMANDS = ["compare", "review"]
SHARED = ["ARTICLE", "--published", "--claims", "--review-file"]


def _actions(command: str) -> dict[str, argparse.Action]:
    """The arguments of one command, by option string (or metavar for the positional one)."""
    sub = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    parser = sub.choices[command]
    return {(a.option_strings[0] if a.option_strings else str(a.metavar)): a for a in parser._actions}


def test_both_commands_define_the_shared_inputs_alike() -> None:
    compare, review = _actions("compare"), _actions("review")
    for name in SHARED:
        a, b = compare[name], review[name]
        assert (a.dest, a.nargs, a.metavar, a.help, a.default) == (b.dest, b.nargs, b.metavar, b.help, b.default), name
    assert "not both" in str(compare["--claims"].help)
    assert "written by review and shown by compare" in str(compare["--review-file"].help)


@pytest.mark.parametrize("command", COMMANDS)
def test_articles_and_claims_together_are_one_line(
    command: str, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = isolated / "report.json"
    claims.write_text(to_json(sample_report()), encoding="utf-8")
    code = cli.main([command, write(isolated / "a.txt", ARTICLE), "--claims", "report.json"])
    assert_input_error((code, *capsys.readouterr()), "--claims report.json", "not both", "drop one of them")
