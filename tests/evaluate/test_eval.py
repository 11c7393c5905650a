"""factcheck eval on the tiny suite: exact figures, matching, variants, baselines and the --check verdict."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from evalharness import SUITE, fixed_extract

from factcheck.cli import main
from factcheck.config import load_settings
from factcheck.errors import InputError
from factcheck.evaluate import load_suite, run_suite
from factcheck.evaluate import runner as eval_runner
from factcheck.extract import Extraction
from factcheck.models import FindingKind, Source, ValueType


@pytest.fixture
def fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `factcheck eval` use the fixed predictions."""
    monkeypatch.setattr(eval_runner, "default_extract", lambda settings: fixed_extract)


def run() -> eval_runner.EvalResult:
    return run_suite(load_suite(SUITE), load_settings({"extractor": "offline"}, env={}), fixed_extract)


def figures(result: eval_runner.EvalResult) -> dict[str, str]:
    return {name: f"{r.hits}/{r.total}" for name, r in result.metrics.items()}


def test_exact_figures_on_the_tiny_suite() -> None:
    result = run()
    assert figures(result) == {
        # extraction: 11 gold claims; predictions miss alpha's text claim, misdate beta's opening, add a date in gamma
        "extraction.all.precision": "9/11",
        "extraction.all.recall": "9/11",
        "extraction.facts.precision": "9/11",
        "extraction.facts.recall": "9/10",
        "extraction.date.precision": "4/6",
        "extraction.date.recall": "4/5",
        "extraction.money.precision": "2/2",
        "extraction.money.recall": "2/2",
        "extraction.number.precision": "3/3",
        "extraction.number.recall": "3/3",
        "extraction.text.precision": "0/0",
        "extraction.text.recall": "0/1",
        "extraction.slot_agreement": "9/9",
        "extraction.complete": "4/4",
        # findings: the misdated opening turns an expected agreement into a false contradiction, in both cases
        "findings.agreement.recall": "5/7",
        "findings.update.recall": "2/2",
        "findings.contradiction.recall": "1/1",
        "findings.contradiction.precision": "1/3",
        "findings.all.recall": "8/10",
        "findings.forbidden.avoided": "2/2",
    }
    values = result.values()
    assert values["extraction.date.precision"] == pytest.approx(0.6667)
    assert values["extraction.text.precision"] is None  # nothing predicted where gold exists: not measured
    assert values["findings.contradiction.precision"] == pytest.approx(0.3333)


def test_outcomes_name_what_was_missed_and_what_was_extra() -> None:
    clean, perturbed = run().cases
    assert [(o.id, o.status.value) for o in clean.outcomes if not o.passed] == [
        ("agreement:harbor_bridge/first opened", "missing")
    ]
    assert [u.key for u in clean.unexpected] == ["contradiction:harbor_bridge/first opened"]
    planted = [o for o in perturbed.outcomes if o.id == "planted-contradiction:repair-cost"]
    assert planted[0].status.value == "matched" and planted[0].sources == ["beta", "alpha"]


def test_variant_swaps_the_article_and_replaces_the_broken_agreement() -> None:
    suite = load_suite(SUITE)
    clean, variant = suite.cases
    assert variant.name == "perturbed/repair-cost" and not variant.extraction
    assert variant.paths[1] == (SUITE / "perturbed" / "repair-cost" / "beta.txt").resolve()
    ids = [e.key() for e in variant.expectations]
    assert "agreement:harbor_bridge/repair cost" not in ids
    planted = variant.expectations[-1]
    assert (planted.kind, planted.quotes, planted.sources) == (
        FindingKind.CONTRADICTION,
        ["$15 million", "$12 million"],
        ["beta", "alpha"],
    )
    assert len(clean.expectations) == len(variant.expectations)


def test_variant_without_quotes_expects_the_contradiction_on_the_broken_slot(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    shutil.copytree(SUITE, suite)
    spec = suite / "perturbed" / "repair-cost" / "expected.json"
    data = json.loads(spec.read_text())
    del data["contradiction"]["quotes"]
    spec.write_text(json.dumps(data))
    planted = load_suite(suite).cases[1].expectations[-1]
    assert (planted.subject_key, planted.attribute, planted.quotes) == ("harbor_bridge", "repair cost", [])
    result = run_suite(
        load_suite(suite),
        load_settings({"extractor": "offline"}, env={}),
        lambda s: fixed_extract(s.model_copy(update={"path": str(SUITE / Path(s.path).resolve().relative_to(suite))})),
    )
    assert [o.status.value for o in result.cases[1].outcomes if o.id == "planted-contradiction:repair-cost"] == [
        "matched"
    ]


def test_update_baseline_writes_a_file_that_then_passes_check(fixed: None, tmp_path: Path, capsys) -> None:
    baseline = tmp_path / "baselines" / "offline.json"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--update-baseline"]) == 0
    data = json.loads(baseline.read_text())
    assert data["metrics"]["findings.agreement.recall"] == pytest.approx(0.7143)
    assert data["cases"]["clean"]["agreement:harbor_bridge/first opened"] == "missing"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--check"]) == 0
    assert "check passed" in capsys.readouterr().out


def test_default_baseline_lives_in_the_suite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    suite = tmp_path / "suite"
    shutil.copytree(SUITE, suite)

    def copied(source: Source) -> Extraction:  # the copy's articles are the originals' twins
        relative = Path(source.path).resolve().relative_to(suite)
        return fixed_extract(source.model_copy(update={"path": str(SUITE / relative)}))

    monkeypatch.setattr(eval_runner, "default_extract", lambda settings: copied)
    assert main(["eval", str(suite), "--extractor", "offline", "--update-baseline", "-q"]) == 0
    assert (suite / "baselines" / "offline.json").is_file()
    assert main(["eval", str(suite), "--extractor", "offline", "--check", "-q"]) == 0


def test_worsened_reconciler_trips_check_naming_metric_and_cases(
    fixed: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    baseline = tmp_path / "offline.json"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--update-baseline"]) == 0
    import factcheck.classify.reconcile as reconcile

    real = reconcile.reconcile
    monkeypatch.setattr(
        reconcile,
        "reconcile",
        lambda sources, claims, judge=None: [
            f for f in real(sources, claims, judge) if f.kind != FindingKind.AGREEMENT
        ],
    )
    code = main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--check"])
    err = capsys.readouterr().err
    assert code == 1
    assert "regression: findings.agreement.recall fell from 0.714 to 0.000" in err
    assert "clean: agreement harbor_bridge/reopened = 2024-03-08 [alpha, beta]: matched -> missing" in err
    assert "perturbed/repair-cost: agreement harbor_bridge/daily vehicles" in err
    assert "findings.update.recall" not in err  # untouched metrics are not blamed


def test_worsened_extractor_trips_check_on_the_value_type(
    fixed: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    baseline = tmp_path / "offline.json"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--update-baseline"]) == 0

    def no_money(source: Source) -> Extraction:
        full = fixed_extract(source)
        return Extraction(claims=[c for c in full.claims if c.value.type != ValueType.MONEY], extractor="offline")

    monkeypatch.setattr(eval_runner, "default_extract", lambda settings: no_money)
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--check"]) == 1
    err = capsys.readouterr().err
    assert "regression: extraction.money.recall fell from 1.000 to 0.000" in err
    assert (
        'perturbed/repair-cost: contradiction "$15 million" vs "$12 million" [beta, alpha]: matched -> missing' in err
    )


def test_tolerance_allows_small_drops(fixed: None, tmp_path: Path, capsys) -> None:
    baseline = tmp_path / "offline.json"
    args = ["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline)]
    assert main([*args, "--update-baseline"]) == 0
    data = json.loads(baseline.read_text())
    data["metrics"]["findings.agreement.recall"] += 0.015  # the run now sits 0.015 below its baseline
    baseline.write_text(json.dumps(data))
    assert main([*args, "--check"]) == 0  # default tolerance 0.02 (from suite.yaml)
    assert main([*args, "--check", "--tolerance", "0.01"]) == 1
    assert "findings.agreement.recall fell from 0.729 to 0.714 (minimum 0.719)" in capsys.readouterr().err


def test_usage_errors_exit_2(fixed: None, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(SUITE), "--check", "--update-baseline"])
    assert exc.value.code == 2
    assert (
        main(["eval", str(SUITE), "--extractor", "offline", "--check", "--baseline", str(tmp_path / "none.json")]) == 2
    )
    assert "no baseline" in capsys.readouterr().err
    assert main(["eval", str(tmp_path), "--extractor", "offline"]) == 2
    assert main(["eval", str(SUITE), "--extractor", "offline", "--tolerance", "3"]) == 2
    assert main(["eval", str(SUITE), "--record-cassettes"]) == 2


def test_json_format(fixed: None, capsys) -> None:
    assert main(["eval", str(SUITE), "--extractor", "offline", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"]["findings.update.recall"] == 1.0
    assert [c["name"] for c in data["result"]["cases"]] == ["clean", "perturbed/repair-cost"]
    assert data["check"] is None


def test_terminal_table_lists_metrics_and_cases(fixed: None, capsys) -> None:
    assert main(["eval", str(SUITE), "--extractor", "offline"]) == 0
    out = capsys.readouterr().out
    assert "findings.contradiction.precision" in out and "1/3" in out
    assert "perturbed/repair-cost" in out
    assert "missed  agreement harbor_bridge/first opened = 1962 [alpha, beta]" in out


@pytest.mark.parametrize(
    "text,message",
    [
        ("name: x\ncases: []\n", "cases"),
        ("name: x\ncases:\n  - name: a\n    articles: nowhere/*.txt\n", "no article matches"),
        ("name: x\nbogus: 1\ncases:\n  - name: a\n    articles: a.txt\n", "bogus"),
    ],
)
def test_bad_suite_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "suite.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_suite(tmp_path)


def test_expectation_naming_an_unknown_source_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The bridge first opened in 1962.", encoding="utf-8")
    (tmp_path / "exp.yaml").write_text(
        "findings:\n  - {kind: agreement, subject_key: b, attribute: opened, sources: [zeta]}\n", encoding="utf-8"
    )
    (tmp_path / "suite.yaml").write_text("name: x\ncases:\n  - {name: a, articles: a.txt, expect: exp.yaml}\n")
    suite = load_suite(tmp_path)
    with pytest.raises(InputError, match="source 'zeta' matches no source"):
        run_suite(
            suite, load_settings({"extractor": "offline"}, env={}), lambda s: Extraction(claims=[], extractor="offline")
        )


def test_check_refuses_the_baseline_of_another_extractor(fixed: None, tmp_path: Path, capsys) -> None:
    baseline = tmp_path / "b.json"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--update-baseline"]) == 0
    data = json.loads(baseline.read_text())
    baseline.write_text(json.dumps({**data, "label": "llm-some-model"}))
    assert main(["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "--check"]) == 2
    assert "baseline of suite tiny with llm-some-model, not of suite tiny with offline" in capsys.readouterr().err
