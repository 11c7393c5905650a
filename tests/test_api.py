"""The library API: factcheck.compare, factcheck.reconcile and factcheck.Report do what the command does."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import SEEDS

import factcheck
from factcheck.cli import main
from factcheck.errors import InputError

ARTICLES = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:3]]


def test_the_public_names() -> None:
    assert {"compare", "reconcile", "Report"} <= set(factcheck.__all__)
    assert all(hasattr(factcheck, name) for name in factcheck.__all__)
    with pytest.raises(AttributeError):
        factcheck.no_such_name  # noqa: B018 - the attribute lookup is the test


def test_compare_gives_the_report_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    report = factcheck.compare(ARTICLES, extractor="offline")
    assert isinstance(report, factcheck.Report)
    assert report.run.extractor == "offline" and report.findings
    main(["compare", *ARTICLES, "--extractor", "offline", "--format", "json"])
    printed = factcheck.Report.model_validate_json(capsys.readouterr().out)
    assert [f.model_dump() for f in report.findings] == [f.model_dump() for f in printed.findings]


def test_reconcile_turns_claims_into_the_same_findings() -> None:
    report = factcheck.compare(ARTICLES, extractor="offline")
    again = factcheck.reconcile(report.sources, report.claims, extractor="offline")
    assert again.findings == report.findings and again.claims == report.claims
    assert again.run.extractor == "offline"


def test_bad_input_raises_one_line_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError) as caught:
        factcheck.compare([str(empty)], extractor="offline")
    assert "empty.txt" in str(caught.value) and "\n" not in str(caught.value)
    assert caught.value.exit_code == 2


def test_warnings_reach_the_given_function(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "story.txt").write_text("The bridge reopened on 3 June 2024, the city said.\n")
    (folder / "figures.json").write_text("{}")
    lines: list[str] = []
    report = factcheck.compare([folder], extractor="offline", warn=lines.append)
    assert [s.path for s in report.sources] == [str(folder / "story.txt")]
    assert len(lines) == 1 and "figures.json" in lines[0]
