"""SituatedQA temporal split on a small sample: changed answers over time are updates, conflicting answers
at one date are contradictions. Runs only where the data file is present (it is not redistributed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from paths import ROOT

from bench.situatedqa import answer_kind, evaluate, iso_of

REPO = ROOT
SAMPLE = 150


def data_file() -> Path | None:
    """SITUATEDQA_TEMP_DEV if set, else the shared data directory beside the repository."""
    given = os.environ.get("SITUATEDQA_TEMP_DEV")
    path = Path(given) if given else REPO.parent / "shared" / "data" / "situatedqa" / "temp.dev.jsonl"
    return path if path.is_file() else None


def test_dates_and_answer_types_are_read():
    assert iso_of("January 27, 2021") == "2021-01-27"
    assert iso_of("May 2019") == "2019-05"
    assert iso_of("2018") == "2018"
    assert iso_of("spring 2021") is None
    assert answer_kind("when did england last reach the semi final", ["2018", "1990"]) == "date"
    assert answer_kind("how many books in the series", ["5", "1,227"]) == "number"
    assert answer_kind("who won the six nations", ["England", "Wales"]) == "entity"


def test_sample_updates_and_contradictions():
    path = data_file()
    if path is None:
        pytest.skip("SituatedQA temp.dev.jsonl not found (set SITUATEDQA_TEMP_DEV)")
    lines = path.read_text(encoding="utf-8").splitlines()[:SAMPLE]
    result = evaluate([json.loads(line) for line in lines])
    assert sum(result["update_pairs"].values()) > 100
    assert sum(result["contradiction_pairs"].values()) > 20
    assert result["update_accuracy"] >= 0.9
    assert result["contradiction_accuracy"] >= 0.9
    assert result["same_answer_not_contradicted"] >= 0.99
