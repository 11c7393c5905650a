"""Every command teaches through --help, and answers a bad input with one line naming the file and the fix
(exit 2), never a traceback or argparse's whole usage text."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from cliharness import assert_input_error, write

from factcheck import cli

pytestmark = pytest.mark.usefixtures("isolated")  # every test runs in its own folder

COMMANDS = sorted(next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices)


def _main(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process as the `factcheck` script does: argparse's own exits count as exit codes."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_its_options_and_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(command, "--help", capsys=capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"usage: factcheck {command}") and "options:" in out and "examples:" in out
    sub = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert [a.dest for a in sub.choices[command]._actions if not a.help] == []  # every argument says what it does


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["compare", "a.txt", "--format", "pdf"], ["factcheck compare: argument --format", "'pdf'", "'html'"]),
        (["eval", "--format", "html"], ["factcheck eval: argument --format", "'json'"]),
        (["compare", "a.txt", "--max-bytes", "lots"], ["--max-bytes: invalid int value: 'lots'"]),
        (["cache"], ["factcheck cache: the following arguments are required: action"]),
        (["cache", "show"], ["invalid choice: 'show'", "'stats'"]),
        (["serve-local"], ["required: GGUF"]),
    ],
    ids=["compare-format", "eval-format", "not-a-number", "cache-no-action", "cache-bad-action", "serve-no-model"],
)
def test_a_usage_error_is_one_line_naming_the_help(
    argv: list[str], needles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _main(*argv, capsys=capsys)
    assert_input_error((code, out, err), *needles, f"see 'factcheck {argv[0]} --help'")


BINARY = bytes(range(256)) * 4
# What each command reads, how to pass it, and the words its one-line error must hold for each bad file.
BAD_FILES = {
    "folder": None,
    "binary": BINARY,
    "empty": b"",
    "missing": "missing",
}
CASES = [
    (
        "compare {}",
        {"folder": "an empty folder", "binary": "binary data", "empty": "file is empty", "missing": "no such file"},
    ),
    (
        "review {}",
        {"folder": "an empty folder", "binary": "binary data", "empty": "file is empty", "missing": "no such file"},
    ),
    (
        "compare --claims {}",
        {
            "folder": "is a folder, not a claims file",
            "binary": "not JSON",
            "empty": "file is empty",
            "missing": "no such claims file",
        },
    ),
    (
        "eval {}",
        {
            "folder": "no suite.yaml found",
            "binary": "not a suite",
            "empty": "not a suite",
            "missing": "no suite.yaml found",
        },
    ),
    (
        "serve-local {}",
        {
            "folder": "is a folder, not a model file",
            "binary": "not a GGUF model file",
            "empty": "not a GGUF",
            "missing": "no such model file",
        },
    ),
    ("compare a.txt --review-file {}", {"folder": "review file is a folder", "binary": "not a factcheck review file"}),
    ("cache stats --cache-path {}", {"folder": "not a file", "binary": "not a factcheck cache"}),
    (
        "eval --extractor llm --cassette {}",
        {"binary": "--cassette input.bin: not a folder", "missing": "--cassette missing: no such folder"},
    ),
    ("eval --junit {}", {"folder": "--junit input: is a directory"}),
    ("eval -o {}", {"folder": "-o input: is a directory"}),
]


@pytest.mark.parametrize(
    ("command", "kind", "needle"),
    [(command, kind, needle) for command, needles in CASES for kind, needle in needles.items()],
    ids=[f"{command.split(' {}')[0]}-{kind}" for command, needles in CASES for kind in needles],
)
def test_a_bad_file_is_one_line_naming_it(
    command: str, kind: str, needle: str, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(isolated / "a.txt", "Harbor City opened its ferry terminal on June 3, 2024, the port authority said.\n")
    data = BAD_FILES[kind]
    if data is None:
        (isolated / "input").mkdir()
        name = "input"
    elif isinstance(data, bytes):
        name = write(isolated / ("input.bin" if kind == "binary" else "input.txt"), data)
    else:
        name = data
    assert_input_error(_main(*command.format(name).split(), capsys=capsys), needle)


def test_a_run_scans_its_long_lived_objects_for_garbage_less_often(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from factcheck.cli import app

    set_to: list[tuple[int, ...]] = []
    monkeypatch.setattr(gc, "set_threshold", lambda *limits: set_to.append(limits))
    assert app.main([]) == 2  # no command: the help, exit 2
    assert set_to == [app.GC_THRESHOLDS] and app.GC_THRESHOLDS[0] > 700  # Python's default young-generation limit
    assert "commands" in capsys.readouterr().out
