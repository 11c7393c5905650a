"""`factcheck eval --extractor llm --cassette DIR`: record against a server once, replay offline, catch drift.

The server here is the scripted stand-in of tests/faultserver.py (it quotes each sentence back), recorded
into tmp_path: these tests check the record/replay machinery, not any model's quality.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from faultserver import serve
from paths import TESTDATA

import factcheck.extract.llm.prompts as prompts
from factcheck.cli import main

SUITE = str(TESTDATA / "eval_suite")


def eval_llm(cassettes: Path, baseline: Path, *extra: str) -> int:
    """`factcheck eval` of the suite through the llm extractor and a cassette folder, quietly."""
    return main(
        ["eval", SUITE, "--extractor", "llm", "--cassette", str(cassettes), "--baseline", str(baseline), "-q", *extra]
    )


def record(tmp_path: Path, base_url: str) -> tuple[int, Path, Path]:
    """Record the suite's cassettes and an llm baseline into tmp_path; (exit code, cassettes, baseline)."""
    cassettes, baseline = tmp_path / "cassettes", tmp_path / "llm.json"
    out = str(tmp_path / "recorded.json")
    flags = ["--record-cassettes", "--base-url", base_url, "--server", "other", "--update-baseline"]
    return eval_llm(cassettes, baseline, *flags, "--format", "json", "-o", out), cassettes, baseline


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[Path, Path]:
    """Cassettes and an llm baseline recorded against the stand-in server, which is gone afterwards."""
    with serve() as server:
        code, cassettes, baseline = record(tmp_path, server.base_url)
        assert code == 0
        assert server.count() == 4  # alpha, beta, gamma and the perturbed beta: one chunk each, each once
    return cassettes, baseline


def replay(cassettes: Path, baseline: Path, *extra: str) -> int:
    """Replay the recorded answers offline and check the figures against the baseline."""
    return eval_llm(cassettes, baseline, "--check", *extra)


def test_replay_offline_reproduces_the_recorded_figures(recorded: tuple[Path, Path], tmp_path: Path) -> None:
    cassettes, baseline = recorded
    assert sorted(p.name.split("-")[0] for p in cassettes.glob("*.yaml")) == ["alpha", "beta", "beta", "gamma"]
    out = tmp_path / "replayed.json"
    assert replay(cassettes, baseline, "--format", "json", "-o", str(out)) == 0  # the server is closed
    before = json.loads((tmp_path / "recorded.json").read_text())["values"]
    after = json.loads(out.read_text())
    assert after["values"] == before
    assert after["result"]["label"] == "llm-default" and after["check"]["metrics"]


def test_cassettes_hold_no_key(recorded: tuple[Path, Path]) -> None:
    cassettes, _ = recorded
    for path in cassettes.glob("*.yaml"):
        for exchange in yaml.safe_load(path.read_text())["interactions"]:
            assert not {h.lower() for h in exchange["request"]["headers"]} & {"authorization", "api-key"}
    assert "key" not in (cassettes / "recording.json").read_text().lower()


def test_changed_prompt_fails_naming_it_and_the_rerecord_command(
    recorded: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    cassettes, baseline = recorded
    changed = tmp_path / "prompts"
    changed.mkdir()
    original = prompts.load_prompt("extract_claims").path
    text = Path(original).read_text(encoding="utf-8")
    (changed / "extract_claims.md").write_text(text.replace("## user", "Be brief.\n\n## user", 1), encoding="utf-8")
    monkeypatch.setattr(prompts, "prompt_dirs", lambda: [changed])
    prompts.load_prompt.cache_clear()
    try:
        assert replay(cassettes, baseline) == 1
    finally:
        prompts.load_prompt.cache_clear()
    err = capsys.readouterr().err
    assert "prompts/extract_claims.md changed since the cassettes" in err
    assert f"re-record: factcheck eval {SUITE} --extractor llm --cassette {cassettes} --record-cassettes" in err


def test_request_that_differs_from_the_recording_fails_naming_the_article(recorded: tuple[Path, Path], capsys) -> None:
    cassettes, baseline = recorded
    assert replay(cassettes, baseline, "--max-tokens", "100") == 1  # same prompt, other request body
    err = capsys.readouterr().err
    assert "a request for alpha differs from the one recorded in alpha-" in err and "re-record:" in err


def test_replay_needs_a_recording(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert replay(tmp_path / "empty", tmp_path / "llm.json") == 1
    assert "no recorded cassettes" in capsys.readouterr().err
    assert replay(tmp_path / "nowhere", tmp_path / "llm.json") == 2  # a mistyped folder is bad input
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_an_article_the_model_fails_on_is_recorded_and_replayed_as_incomplete(tmp_path: Path) -> None:
    with serve() as server:
        server.add("bad_schema", match="35,000")  # every answer about gamma breaks the schema
        code, cassettes, baseline = record(tmp_path, server.base_url)
    assert code == 3  # incomplete, yet the baseline is written: the failure replays the same
    recorded = json.loads((tmp_path / "recorded.json").read_text())
    assert recorded["values"]["extraction.complete"] == 0.75  # gamma failed; alpha, beta and the changed beta did not
    assert json.loads(baseline.read_text())["metrics"]["extraction.complete"] == 0.75
    junit = tmp_path / "eval.xml"
    assert replay(cassettes, baseline, "--junit", str(junit)) == 0
    root = ET.parse(junit).getroot()
    assert root.get("failures") == "0"  # the failed chunks are a known gap: the baseline failed there too
    gaps = [c for c in root.iter("testcase") if c.get("name") == "extraction complete"]
    assert len(gaps) == 2 and all(c.find("skipped") is not None for c in gaps)  # clean and the variant
