"""The review flow, driven with scripted input: decisions persist, and later reports honour them."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_report import sample_report

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.fileio import WriteError
from factcheck.models import FindingKind, Report
from factcheck.pipeline import compare_claims
from factcheck.report.jsonout import to_json
from factcheck.review import (
    REVIEW_FILE_NAME,
    Status,
    default_review_path,
    finding_id,
    load_decisions,
    make_decision,
    ordered_findings,
    parse_answer,
    run_review,
    save_decision,
)


def scripted(lines: list[str]) -> tuple[list[str], object]:
    """An `ask` that answers from `lines` and then reports end of input; it records the prompts."""
    prompts: list[str] = []
    answers: Iterator[str] = iter(lines)

    def ask(prompt: str) -> str | None:
        prompts.append(prompt)
        return next(answers, None)

    return prompts, ask


def review(report: Report, path: Path, lines: list[str], revisit: bool = False) -> tuple[object, list, list[str]]:
    shown: list = []
    told: list[str] = []
    _, ask = scripted(lines)
    outcome = run_review(
        report, path, ask, show=lambda f, n, total, d: shown.append((f, n, total, d)), tell=told.append, revisit=revisit
    )
    return outcome, shown, told


def test_contradictions_come_first() -> None:
    kinds = [f.kind for f in ordered_findings(sample_report())]
    assert kinds[0] == FindingKind.CONTRADICTION
    assert kinds == sorted(
        kinds,
        key=[FindingKind.CONTRADICTION, FindingKind.UPDATE, FindingKind.AGREEMENT, FindingKind.SINGLE_SOURCE].index,
    )


def test_answers_and_notes(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / REVIEW_FILE_NAME
    outcome, shown, told = review(
        report, path, ["c", "checked with the desk", "nonsense", "d same wire copy", "s", "f", "", "q"]
    )
    order = ordered_findings(report)
    decisions = load_decisions(path)
    assert decisions[finding_id(order[0])].status == Status.CONFIRMED
    assert decisions[finding_id(order[0])].note == "checked with the desk"
    assert decisions[finding_id(order[1])].status == Status.DISMISSED
    assert decisions[finding_id(order[1])].note == "same wire copy"
    assert finding_id(order[2]) not in decisions
    assert decisions[finding_id(order[3])].status == Status.FOLLOW_UP and decisions[finding_id(order[3])].note is None
    assert told == ["unknown answer 'nonsense': type c, d, f, s or q (a note may follow the letter)"]
    assert [n for _, n, _, _ in shown] == [1, 2, 3, 4, 5]
    assert (outcome.quit, outcome.skipped, outcome.remaining) == (True, 1, 2)
    assert decisions[finding_id(order[0])].explanation == order[0].explanation


def test_decisions_persist_and_a_second_run_continues(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / REVIEW_FILE_NAME
    review(report, path, ["c", "", "d", ""])  # input ends: that is a quit, and nothing decided is lost
    assert len(load_decisions(path)) == 2
    _, shown, _ = review(report, path, ["f", "", "q"])
    order = ordered_findings(report)
    assert shown[0][0] == order[2] and shown[0][2] == len(order) - 2
    assert len(load_decisions(path)) == 3
    _, shown, _ = review(report, path, ["q"], revisit=True)
    assert shown[0][0] == order[0] and shown[0][3].status == Status.CONFIRMED


def test_a_decision_survives_a_rerun_of_the_same_content(tmp_path: Path) -> None:
    path = tmp_path / REVIEW_FILE_NAME
    review(sample_report(), path, ["d", "not a real contradiction"])
    again = sample_report()  # built afresh: ids come from content, not from object identity
    assert finding_id(ordered_findings(again)[0]) in load_decisions(path)


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = sample_report()
    path = tmp_path / "articles" / REVIEW_FILE_NAME
    first, second = ordered_findings(report)[:2]
    save_decision(path, finding_id(first), make_decision(first, Status.CONFIRMED, None))
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(WriteError, match=r"decision not saved \(disk full\); the file is unchanged"):
        save_decision(path, finding_id(second), make_decision(second, Status.DISMISSED, None))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [f".{REVIEW_FILE_NAME}.lock", REVIEW_FILE_NAME]


def test_a_broken_review_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / REVIEW_FILE_NAME
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a factcheck review file"):
        load_decisions(path)


def test_parse_answer() -> None:
    assert parse_answer("D: duplicate of 001\n") == ("d", "duplicate of 001")
    assert parse_answer("c") == ("c", None)
    assert parse_answer("   ") == ("", None)


def test_review_file_sits_beside_the_articles(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    paths = [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "y.txt")]
    assert default_review_path(paths[:1]) == tmp_path / "a" / REVIEW_FILE_NAME
    assert default_review_path([paths[0], str(tmp_path / "a" / "z.txt")]) == tmp_path / "a" / REVIEW_FILE_NAME
    with pytest.raises(InputError, match=r"2 different folders.*--review-file"):  # never a common ancestor such as /
        default_review_path(paths)


def test_cli_review_then_compare_hides_dismissed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = tmp_path / "report.json"
    claims.write_text(to_json(sample_report()), encoding="utf-8")
    report = compare_claims(str(claims))  # what the CLI will show: the claims reconciled afresh
    order = ordered_findings(report)
    assert order[0].kind == FindingKind.CONTRADICTION
    review_file = tmp_path / "decisions.json"
    args = ["--claims", str(claims), "--review-file", str(review_file)]
    assert main(["compare", *args]) == 1  # before review: a contradiction is open
    capsys.readouterr()

    monkeypatch.setattr("sys.stdin", io.StringIO("d same place, two names\nc\n\nq\n"))
    assert main(["review", *args]) == 0
    out = capsys.readouterr()
    assert "Finding 1 of" in out.out and "contradiction" in out.out
    assert "1 confirmed, 1 dismissed, 0 marked for follow-up" in out.err
    saved = json.loads(review_file.read_text(encoding="utf-8"))
    assert saved["decisions"][finding_id(order[0])]["status"] == "dismissed"

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["review", *args]) == 0
    assert f"Finding 1 of {len(order) - 2}" in capsys.readouterr().out

    assert main(["compare", *args]) == 0  # the only contradiction was dismissed
    text = capsys.readouterr().out
    assert "CONTRADICTIONS (0 shown of 1)" in text and "same place, two names" not in text
    assert main(["compare", *args, "--show-dismissed"]) == 0  # shown, but still dismissed
    text = capsys.readouterr().out
    assert "CONTRADICTIONS (1)" in text and "dismissed: same place, two names" in text
    assert main(["compare", *args, "--format", "markdown"]) == 0
    assert "## Contradictions (0 shown of 1)" in capsys.readouterr().out
