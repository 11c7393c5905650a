"""A hostile or careless server, settings and output paths: each a bounded, one-line outcome, never a
traceback, never a key on stderr, never a previous report lost."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import story_environment
from faultserver import FaultServer, serve
from sample_report import sample_report

from factcheck import cli, fileio
from factcheck.report.jsonout import to_json

KEY = (
    "sk-" + "proj-SECURITYtest0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"
)  # fake, built so secret scanners skip it
ARTICLE = (
    "The Alder Street bridge reopened on March 4, 2024, after repairs that cost $2 million.\n\n"
    "Birch County hired 14 new teachers for the school year, the district said.\n"
)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with serve() as srv:
        yield srv


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: FaultServer) -> Path:
    return story_environment(
        monkeypatch,
        tmp_path,
        ARTICLE,
        {
            "OPENAI_BASE_URL": server.base_url,
            "OPENAI_API_KEY": KEY,
            "FACTCHECK_SERVER": "openai",
            "FACTCHECK_EXTRACTOR": "llm",
            "FACTCHECK_TIMEOUT": "60",  # room for a loaded machine; the drip test sets its own
            "FACTCHECK_MAX_RETRIES": "0",
            "FACTCHECK_VALIDATION_RETRIES": "0",
        },
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def test_a_slow_drip_server_cannot_hold_a_request_past_the_timeout(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTCHECK_TIMEOUT", "2")
    server.add("drip")
    start = time.monotonic()
    code, _, err = run(capsys, "compare", "story.txt", "--format", "json")
    took = time.monotonic() - start
    assert code == 3 and "within 2s" in err
    # before the fix: 40 s and more; the bound leaves room for a loaded machine yet still tells the two apart
    assert took < 20, f"one request of a byte a second took {took:.1f}s under --timeout 2"


def test_an_answer_past_the_size_limit_is_a_one_line_failure(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add("huge_field")
    code, _, err = run(capsys, "compare", "story.txt", "--format", "json")
    assert code == 3 and "answer larger than 2,000,000 bytes" in err and len(err.strip().splitlines()) == 1


def test_ten_thousand_claims_in_one_answer_fail_the_chunk_quickly(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_ANSWER_BYTES", "50000000")  # past the byte limit: the claim limit holds
    server.add("many_claims")
    start = time.monotonic()
    code, _, err = run(capsys, "compare", "story.txt", "--format", "json")
    assert code == 3 and "10,000 claims" in err and "max_claims 500" in err
    assert time.monotonic() - start < 15


@pytest.mark.parametrize("kind", ["null_message", "odd_tool_call"])
def test_odd_completions_are_one_line_and_never_show_the_key(
    server: FaultServer, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    server.add(kind)
    code, out, err = run(capsys, "compare", "story.txt", "--format", "json")
    assert code == 3, err
    assert server.completions()[0].headers["authorization"] == f"Bearer {KEY}"  # the key was in use
    for size in (6, 8, 13, 22):  # no piece of the key, from either end
        assert KEY[:size] not in err + out and KEY[-size:] not in err + out, err


def test_no_cache_writes_nothing_to_the_cache_folder(
    home: Path, server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add("bad_schema")
    code, _, _err = run(capsys, "compare", "story.txt", "--no-cache")
    assert code == 3
    assert not (home / "cache").exists(), sorted(str(p) for p in (home / "cache").rglob("*"))


@pytest.mark.parametrize(
    "flag",
    [
        ["--base-url", "http://127.0.0.1:99999/v1"],
        ["--base-url", "http://127.0.0.1:port/v1"],
        ["--timeout", "-1"],
        ["--timeout", "nan"],
        ["--max-bytes", "999999999999"],
        ["--concurrency", "100000"],
    ],
)
def test_bad_settings_are_one_line_before_any_request(
    server: FaultServer, capsys: pytest.CaptureFixture[str], flag: list[str]
) -> None:
    code, _, err = run(capsys, "compare", "story.txt", *flag)
    assert code == 2 and len(err.strip().splitlines()) == 1 and flag[1] in err
    assert server.count() == 0


def test_negative_retries_in_the_environment_are_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_RETRIES", "-3")
    code, _, err = run(capsys, "compare", "story.txt")
    assert code == 2 and "FACTCHECK_MAX_RETRIES" in err


@pytest.mark.parametrize("command", [["cache", "stats"], ["compare", "story.txt"]])
def test_a_cache_path_that_is_not_a_cache_is_left_alone(
    home: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    notes = home / "notes.txt"
    notes.write_text("my notes, not a cache\n" * 20, encoding="utf-8")
    code, _, err = run(capsys, *command, "--cache-path", str(notes))
    assert code == 2 and "not a factcheck cache" in err
    assert notes.read_text(encoding="utf-8") == "my notes, not a cache\n" * 20
    assert not [p for p in home.rglob("*") if "notes.txt." in p.name], "the file was renamed aside or copied"


def test_a_claims_file_holding_a_list_is_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "list.json").write_text(json.dumps([1, 2, 3]), encoding="utf-8")
    code, _, err = run(capsys, "compare", "--claims", "list.json")
    assert code == 2 and "list.json: holds a JSON list" in err


@pytest.mark.parametrize("fmt", ["json", "terminal", "markdown"])
def test_a_failed_write_keeps_the_previous_report(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (home / "report.json").write_text(to_json(sample_report()), encoding="utf-8")
    out = home / "out.txt"
    out.write_text("the previous report\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full_disk)
    code, _, err = run(capsys, "compare", "--claims", "report.json", "--format", fmt, "-o", str(out))
    assert code == 2 and "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert not [p for p in home.rglob("*") if p.name.endswith(".tmp")], "a temporary file was left behind"


def test_a_real_quote_with_a_false_value_is_discarded_and_counted(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.models import Report

    _, out, _ = run(capsys, "compare", "story.txt", "--format", "json")
    honest = Report.model_validate_json(out)
    assert honest.claims and honest.run.ungrounded_discarded == 0
    server.add("wrong_value")  # every claim quotes its sentence faithfully but says "Tokyo"
    _code, out, _ = run(capsys, "compare", "story.txt", "--format", "json", "--no-cache")
    report = Report.model_validate_json(out)
    assert report.claims == [] and report.run.ungrounded_discarded == len(honest.claims)
