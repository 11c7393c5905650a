"""The JSON contract: the committed schema is the generated one, and real output validates against it."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from paths import ROOT
from sample_report import sample_report

from factcheck.cli import main
from factcheck.models import SCHEMA_VERSION
from factcheck.report.jsonout import schema_text, to_json

SCHEMA_FILE = ROOT / "schema" / "report.schema.json"
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_committed_schema_is_the_generated_one() -> None:
    """A contract change must be deliberate: regenerate schema/report.schema.json (see docs/schema.md)."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_names_its_version() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$id"].endswith(f"report-{SCHEMA_VERSION}.json")
    assert f"`{SCHEMA_VERSION}`" in (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def test_sample_report_validates() -> None:
    errors = list(validator().iter_errors(json.loads(to_json(sample_report()))))
    assert errors == []


def test_schema_rejects_what_the_contract_forbids() -> None:
    data = json.loads(to_json(sample_report()))
    data["findings"][0]["kind"] = "rumour"
    data["claims"][0]["surprise"] = True
    messages = sorted(e.message for e in validator().iter_errors(data))
    assert any("'rumour' is not one of" in m for m in messages)
    assert any("'surprise' was unexpected" in m for m in messages)


def test_compare_seeds_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", *SEEDS, "--format", "json", "--extractor", "offline", "--quiet"])
    out = capsys.readouterr().out
    assert code in (0, 1), out[-500:]
    data = json.loads(out)
    assert list(validator().iter_errors(data)) == []
    assert data["schema_version"] == SCHEMA_VERSION and len(data["sources"]) == len(SEEDS)
