"""Findings: kinds in a fixed order, ids stable across runs and input order, every claim accounted for,
and `factcheck compare --claims FILE.json` on a small claims file."""

from __future__ import annotations

import datetime
import importlib
import json
import os
import random
import subprocess
import sys

import pytest
from paths import ROOT

from factcheck import __version__
from factcheck.classify.reconcile import reconcile
from factcheck.cli import main
from factcheck.models import FindingKind, Report, RunInfo
from factcheck.testing import make_claim, make_source, make_value

TALKS = "japan_south_korea_security_talks"
ORDER = [FindingKind.CONTRADICTION, FindingKind.UPDATE, FindingKind.AGREEMENT, FindingKind.SINGLE_SOURCE]


def story():
    sources = [
        make_source("000", "2023-03-27"),
        make_source("001", "2023-03-15"),
        make_source("003", "2023-10-05"),
        make_source("004", "2016-09-16"),
    ]
    claims = [
        make_claim("000", TALKS, "last held", make_value("date", "March 2018", "2018-03")),
        make_claim("001", TALKS, "last held", make_value("date", "March 2017", "2017-03")),
        make_claim("000", TALKS, "first meeting place", make_value("entity", "Seoul", "seoul"), time="1998-06"),
        make_claim("001", TALKS, "first meeting place", make_value("entity", "Seoul", "seoul"), time="1998-06"),
        make_claim("000", "japan", "colonial rule period", make_value("date", "1910-1945", "1910/1945")),
        make_claim("001", "japan", "colonial rule period", make_value("date", "1910-1945", "1910/1945")),
        make_claim("003", "japan", "colonial rule period", make_value("date", "1910-1945", "1910/1945")),
        make_claim("000", "fumio_kishida", "role", make_value("entity", "Prime Minister", "prime_minister")),
        make_claim(
            "004", "fumio_kishida", "role", make_value("entity", "Foreign Minister", "foreign_minister"), time="2016-09"
        ),
        make_claim("001", "posco", "donation amount", make_value("money", "4 billion won", "KRW 4000000000")),
    ]
    return sources, claims


def test_kinds_come_in_order_and_every_claim_is_accounted_for():
    sources, claims = story()
    findings = reconcile(sources, claims)
    kinds = [f.kind for f in findings]
    assert kinds == sorted(kinds, key=ORDER.index)
    assert set(kinds) == set(ORDER)
    assert {c.id for c in claims} <= {cid for f in findings for cid in f.claim_ids}
    by_kind = {f.kind: f for f in findings}
    assert by_kind[FindingKind.CONTRADICTION].attribute == "last held"
    assert by_kind[FindingKind.UPDATE].attribute == "role"
    assert by_kind[FindingKind.SINGLE_SOURCE].explanation == "posco, donation amount: 4 billion won, only in 001"
    colonial = [f for f in findings if f.attribute == "colonial rule period"]
    assert [(f.kind, f.independent_sources) for f in colonial] == [(FindingKind.AGREEMENT, 3)]


def test_ids_and_order_are_stable_across_runs_and_input_order():
    sources, claims = story()
    first = reconcile(sources, claims)
    shuffled = claims[:]
    random.Random(3).shuffle(shuffled)
    again = reconcile(list(reversed(sources)), shuffled)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in again]
    assert all(f.id.startswith("f") and len(f.id) == 13 for f in first)
    assert len({f.id for f in first}) == len(first)


def test_claims_without_ids_get_content_ids_and_duplicates_count_once():
    sources, claims = story()
    bare = [c.model_copy(update={"id": ""}) for c in claims]
    assert [f.id for f in reconcile(sources, bare + bare)] == [f.id for f in reconcile(sources, claims)]


def test_compare_claims_file_on_the_command_line(tmp_path, capsys):
    sources, claims = story()
    report = Report(
        sources=sources, claims=claims, findings=[], run=RunInfo(factcheck_version=__version__, extractor="offline")
    )
    path = tmp_path / "claims.json"
    path.write_text(report.model_dump_json(), encoding="utf-8")
    code = main(["compare", "--claims", str(path), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # a contradiction was found
    kinds = [f["kind"] for f in out["findings"]]
    assert kinds[0] == "contradiction" and "single_source" in kinds
    assert [f["id"] for f in out["findings"]] == [f.id for f in reconcile(sources, claims)]


def test_a_crowded_slot_is_compared_with_blocking_not_all_pairs(monkeypatch):
    findings_module = importlib.import_module("factcheck.classify.findings")
    calls = []
    real = findings_module.compare

    def counting(a, b):
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(findings_module, "compare", counting)
    n = 2000
    start = datetime.date(2000, 1, 1)
    sources = [make_source(f"s{i:04d}", (start + datetime.timedelta(days=40 * i)).isoformat()) for i in range(n)]
    claims = [
        make_claim(f"s{i:04d}", "index", "level", make_value("number", str(i % 97), str(i % 97), number=i % 97))
        for i in range(n)
    ]
    findings = reconcile(sources, claims)
    assert len(calls) < 200 * n  # all pairs would be n * n / 2 = 2,000,000
    assert {f.kind for f in findings} == {FindingKind.UPDATE, FindingKind.AGREEMENT}


@pytest.mark.slow  # a real child process
def test_findings_do_not_depend_on_the_hash_seed_of_the_process():
    script = (
        "import json; from tests.classify.test_findings import story; from factcheck.classify.reconcile import reconcile; "
        "s, c = story(); print(json.dumps([f.model_dump(mode='json') for f in reconcile(s, c)]))"
    )
    repo = ROOT
    tests = ROOT / "tests"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=repo,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": f"{ROOT}{os.pathsep}{tests}"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
