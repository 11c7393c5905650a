"""The review file as a shared, possibly hostile, file: concurrent editors, modes and owners, files
planted by others, files written by an older version, and every odd case a one-line error."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sample_report import sample_report

from factcheck import fileio
from factcheck.cli import main
from factcheck.models import Report
from factcheck.pipeline import compare_claims
from factcheck.report.jsonout import to_json
from factcheck.review import (
    REVIEW_FILE_NAME,
    ReviewFile,
    Status,
    finding_id,
    load_decisions,
    make_decision,
    ordered_findings,
    save_decision,
)

NOBODY = 65534
ROOT = os.geteuid() == 0


def _save_many(path: str, prefix: str, count: int) -> None:
    """A second editor: save `count` decisions one after the other."""
    finding = ordered_findings(sample_report())[0]
    for n in range(count):
        save_decision(Path(path), f"{prefix}-{n:03d}", make_decision(finding, Status.CONFIRMED, f"{prefix} {n}"))


def test_two_editors_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / REVIEW_FILE_NAME
    ctx = multiprocessing.get_context("fork")
    editors = [ctx.Process(target=_save_many, args=(str(path), name, 60)) for name in ("ana", "ben")]
    for p in editors:
        p.start()
    for p in editors:
        p.join(60)
        assert p.exitcode == 0
    decisions = load_decisions(path)
    assert len(decisions) == 120
    assert {d.note for d in decisions.values()} == {f"{who} {n}" for who in ("ana", "ben") for n in range(60)}


def test_a_new_review_file_is_readable_by_the_group(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        report = sample_report()
        first = ordered_findings(report)[0]
        path = tmp_path / REVIEW_FILE_NAME
        save_decision(path, finding_id(first), make_decision(first, Status.CONFIRMED, None))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_save_keeps_the_files_mode_and_owner(tmp_path: Path) -> None:
    report = sample_report()
    first, second = ordered_findings(report)[:2]
    path = tmp_path / REVIEW_FILE_NAME
    save_decision(path, finding_id(first), make_decision(first, Status.CONFIRMED, None))
    path.chmod(0o664)
    if ROOT:
        os.chown(path, NOBODY, NOBODY)
    before = path.stat()
    save_decision(path, finding_id(second), make_decision(second, Status.DISMISSED, None))
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == 0o664
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert len(load_decisions(path)) == 2


def test_a_teammates_file_is_rewritten_in_place_keeping_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = sample_report()
    first, second = ordered_findings(report)[:2]
    path = tmp_path / REVIEW_FILE_NAME
    save_decision(path, finding_id(first), make_decision(first, Status.CONFIRMED, None))
    path.chmod(0o664)
    owner = path.stat().st_uid
    monkeypatch.setattr(fileio.os, "getuid", lambda: owner + 4242)  # saved by a teammate, not the owner
    inode = path.stat().st_ino
    save_decision(path, finding_id(second), make_decision(second, Status.DISMISSED, None))
    assert path.stat().st_ino == inode and path.stat().st_uid == owner
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert len(load_decisions(path)) == 2


def test_a_file_written_by_an_older_version_still_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = tmp_path / "report.json"
    claims.write_text(to_json(sample_report()), encoding="utf-8")
    report = compare_claims(str(claims))
    contradiction = ordered_findings(report)[0]
    old = make_decision(contradiction, Status.DISMISSED, "same place, two names")
    # ids were computed differently then: the decision is found again by kind, subject and attribute
    file = ReviewFile(decisions={"f-0123456789ab": old})
    review_file = tmp_path / "decisions.json"
    review_file.write_text(file.model_dump_json(indent=2), encoding="utf-8")
    assert main(["compare", "--claims", str(claims), "--review-file", str(review_file)]) == 0
    assert "CONTRADICTIONS (0 shown of 1)" in capsys.readouterr().out


def _claims_report(folder: Path) -> Path:
    claims = folder / "report.json"
    claims.write_text(to_json(sample_report()), encoding="utf-8")
    return claims


def _dismiss_all(report: Report, path: Path) -> None:
    for finding in ordered_findings(report):
        save_decision(path, finding_id(finding), make_decision(finding, Status.DISMISSED, "planted"))


@pytest.mark.parametrize("how", ["other_owner", "world_writable"])
def test_a_planted_review_file_is_not_trusted(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    claims = _claims_report(tmp_path)
    path = tmp_path / REVIEW_FILE_NAME
    _dismiss_all(compare_claims(str(claims)), path)
    if how == "other_owner":
        if not ROOT:
            pytest.skip("giving a file to another user needs root")
        os.chown(path, NOBODY, NOBODY)
    else:
        path.chmod(0o666)
    assert main(["compare", "--claims", str(claims)]) == 1  # the planted dismissals are ignored
    err = capsys.readouterr().err
    assert f"{path}: review file ignored" in err and "--review-file" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["review", "--claims", str(claims)]) == 2
    assert "review file refused" in capsys.readouterr().err
    assert main(["compare", "--claims", str(claims), "--review-file", str(path)]) == 0  # named: trusted


def test_articles_in_unrelated_folders_need_a_named_review_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy("seeds/" + sorted(os.listdir("seeds"))[0], tmp_path / folder / f"{folder}.txt")
    args = [str(tmp_path / "a" / "a.txt"), str(tmp_path / "b" / "b.txt"), "--extractor", "offline", "-q"]
    assert main(["review", *args]) == 2
    err = capsys.readouterr().err
    assert "2 different folders" in err and "--review-file" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / REVIEW_FILE_NAME).exists()


@contextmanager
def as_another_user() -> Iterator[None]:
    """Run the block as an unprivileged user (root ignores file modes), then come back."""
    if not ROOT:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside the test's private tmp_path, reachable by another user."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-review-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for p in folder.rglob("*"):
            p.chmod(0o777) if p.is_dir() else None
        shutil.rmtree(folder)


def _run(
    argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    import factcheck.report.terminal
    import factcheck.review  # noqa: F401

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    with as_another_user():
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_review_file_in_a_read_only_folder_is_refused_before_the_first_question(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = _claims_report(shared_dir)
    claims.chmod(0o644)
    folder = shared_dir / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    code, out, err = _run(
        ["review", "--claims", str(claims), "--review-file", str(folder / "r.json")], "c\n\nq\n", monkeypatch, capsys
    )
    assert code == 2, err
    assert "cannot save decisions there" in err and len(err.strip().splitlines()) == 1
    assert "Finding 1" not in out  # no question asked, so no answer lost


@pytest.mark.parametrize("how", ["folder", "unreadable", "damaged"])
def test_an_unusable_review_file_is_one_line_before_any_work(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    claims = _claims_report(shared_dir)
    claims.chmod(0o644)
    path = shared_dir / "r.json"
    if how == "folder":
        path.mkdir()
    elif how == "unreadable":
        path.write_text(json.dumps({"format": "factcheck-review", "version": 1, "decisions": {}}), encoding="utf-8")
        path.chmod(0o000)
    else:
        path.write_text("{not json", encoding="utf-8")

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were read (and models asked) before the review file was checked")

    monkeypatch.setattr("factcheck.pipeline.compare_claims", no_work)
    for command in ("review", "compare"):
        code, _out, err = _run(
            [command, "--claims", str(claims), "--review-file", str(path)], "q\n", monkeypatch, capsys
        )
        assert code == 2, err
        assert str(path) in err and len(err.strip().splitlines()) == 1 and "internal error" not in err


def test_a_review_file_in_a_folder_still_to_be_made_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = _claims_report(tmp_path)
    path = tmp_path / "new" / "deeper" / "r.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("c\n\nq\n"))
    assert main(["review", "--claims", str(claims), "--review-file", str(path)]) == 0
    assert len(load_decisions(path)) == 1
