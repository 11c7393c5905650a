"""Helpers shared by tests, moved from test_eval.py."""

from __future__ import annotations

from pathlib import Path

from paths import TESTDATA
from pydantic import TypeAdapter

from factcheck.extract import Extraction
from factcheck.models import Claim, Source

DATA = TESTDATA
SUITE = DATA / "eval_suite"
PREDICTED = DATA / "eval_predicted"
_CLAIMS = TypeAdapter(list[Claim])


def fixed_extract(source: Source) -> Extraction:
    """Stands in for an extractor: the hand-made predictions of testdata/eval_predicted (gold + 3 errors)."""
    path = Path(source.path).resolve().relative_to(SUITE)
    claims = _CLAIMS.validate_json((PREDICTED / path.with_suffix(".json")).read_bytes())
    return Extraction(claims=claims, extractor="offline")
