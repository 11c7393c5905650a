"""One runner for the case tables in testdata/cases/*.yaml: sentence -> expected values, one test per case.

Each file names what it tests and has `kind` (extract, values, time, llm_value, entity_key), `cases` and, for a
table of stance claims, `stances: true`. A case lists `expect` (each a set of claim or value fields that one
result must have) and `absent` (fields no result may have).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from paths import TESTDATA

from factcheck.extract.aliases import AliasTable
from factcheck.extract.base import NullProgress
from factcheck.extract.entities import place_key
from factcheck.extract.llm.values import claim_time, normalize_value
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.extract.offline.values import find_values
from factcheck.extract.timeparse import iso, scan
from factcheck.models import Claim, ValueType
from factcheck.testing import make_source

CASES = TESTDATA / "cases"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(table["cases"]):
            case = {**case, "stances": table.get("stances", False)}
            params.append(pytest.param(table["kind"], case, id=f"{path.stem}[{i}]"))
    return params


def _extract(text: str, published: date | None, stances: bool) -> list[dict[str, Any]]:
    """The sentence's claims; stances (every clause stated) only for a table about them (`stances: true`)."""
    source = make_source("a", published.isoformat() if published else None, body=text)
    claims = OfflineExtractor().extract([source], NullProgress()).claims
    return [_flat(c) for c in claims if stances or c.value.type != ValueType.STANCE]


def _flat(claim: Claim) -> dict[str, Any]:
    v = claim.value
    return {
        "subject_key": claim.subject_key,
        "attribute": claim.attribute,
        "type": v.type.value,
        "text": v.text,
        "normalized": v.normalized,
        "unit": v.unit,
        "qualifier": v.qualifier,
        "quote": claim.quote,
        "modality": claim.modality.value,
        "time": claim.time.start.isoformat() if claim.time else "",
        "attribution": claim.attribution,
    }


def _matches(result: dict[str, Any], fields: dict[str, Any]) -> bool:
    return all(str(result.get(k)) == str(want) for k, want in fields.items())


def _results(kind: str, case: dict[str, Any]) -> list[dict[str, Any]]:
    published = date.fromisoformat(str(case["published"])) if case.get("published") else None
    if kind == "extract":
        return _extract(case["sentence"], published, case["stances"])
    if kind == "llm_value":
        value = normalize_value(case["value"], case["type"], published, case.get("quote"))
        out = {
            "type": value.type.value,
            "normalized": value.normalized,
            "unit": value.unit,
            "qualifier": value.qualifier,
        }
        if case.get("time"):
            period = claim_time(case["time"], published, case.get("quote"))
            out["time"] = period.text if period is None else f"{period.start}/{period.end}"
        return [out]
    if kind == "values":
        return [{"kind": m.kind, "normalized": m.value.normalized} for m in find_values(case["sentence"], published)]
    if kind == "time":
        return [{"dates": " ".join(iso(m.period) for m in scan(case["sentence"], published) if m.period is not None)}]
    if kind == "entity_key":
        table = AliasTable.from_texts(case.get("context", []))
        return [{"key": table.key(case["name"]), "place": place_key(case["name"])}]
    raise AssertionError(f"unknown case kind {kind!r}")


@pytest.mark.parametrize(("kind", "case"), _load())
def test_case(kind: str, case: dict[str, Any]) -> None:
    results = _results(kind, case)
    for fields in case.get("expect", []):
        assert any(_matches(r, fields) for r in results), f"expected {fields} in {results}"
    for fields in case.get("absent", []):
        assert not any(_matches(r, fields) for r in results), f"unexpected {fields} in {results}"
