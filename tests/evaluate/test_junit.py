"""The JUnit XML of `factcheck eval`: it parses, lists every case and metric, and marks regressions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from evalharness import SUITE, fixed_extract

import factcheck.classify.reconcile as reconcile
from factcheck.cli import main
from factcheck.evaluate import runner as eval_runner
from factcheck.models import FindingKind


@pytest.fixture(autouse=True)
def fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eval_runner, "default_extract", lambda settings: fixed_extract)


def cases(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    return {(c.get("classname", ""), c.get("name", "")): c for c in root.iter("testcase")}


def test_junit_lists_every_metric_expectation_and_case(tmp_path: Path) -> None:
    junit = tmp_path / "out" / "eval.xml"
    assert main(["eval", str(SUITE), "--extractor", "offline", "--junit", str(junit), "-q"]) == 0
    found = cases(junit)
    suites = {s.get("name") for s in ET.parse(junit).getroot().iter("testsuite")}
    assert suites == {
        "factcheck.tiny.offline.metrics",
        "factcheck.tiny.offline.clean",
        "factcheck.tiny.offline.perturbed/repair-cost",
    }
    clean = "factcheck.tiny.offline.clean"
    assert (clean, "agreement harbor_bridge/reopened = 2024-03-08 [alpha, beta]") in found
    assert (clean, "no contradiction harbor_bridge/daily vehicles [alpha, beta]") not in found
    assert (clean, "no contradiction harbor_bridge/daily vehicles") in found
    assert ("factcheck.tiny.offline.metrics", "findings.agreement.recall") in found
    assert (
        "factcheck.tiny.offline.perturbed/repair-cost",
        'contradiction "$15 million" vs "$12 million" [beta, alpha]',
    ) in found
    # without a baseline every miss is a failure: the first-opening agreement (both cases), the extra contradiction
    missed = found[(clean, "agreement harbor_bridge/first opened = 1962 [alpha, beta]")]
    assert missed.find("failure") is not None
    extra = found[(clean, "no unexpected contradiction")]
    assert "contradiction:harbor_bridge/first opened" in (extra.findtext("system-out") or "")
    root = ET.parse(junit).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == (str(len(found)), "4", "0")


def test_junit_with_check_skips_known_gaps_and_fails_regressions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline, junit = tmp_path / "offline.json", tmp_path / "eval.xml"
    args = ["eval", str(SUITE), "--extractor", "offline", "--baseline", str(baseline), "-q"]
    assert main([*args, "--update-baseline"]) == 0
    assert main([*args, "--check", "--junit", str(junit)]) == 0
    root = ET.parse(junit).getroot()
    assert (root.get("failures"), root.get("skipped")) == ("0", "4")  # the known gaps of the baseline

    real = reconcile.reconcile
    monkeypatch.setattr(
        reconcile, "reconcile", lambda s, c, judge=None: [f for f in real(s, c, judge) if f.kind != FindingKind.UPDATE]
    )
    assert main([*args, "--check", "--junit", str(junit)]) == 1
    found = cases(junit)
    metric = found[("factcheck.tiny.offline.metrics", "findings.update.recall")].find("failure")
    assert metric is not None and "fell from 1.000 to 0.000" in metric.get("message", "")
    update = found[
        ("factcheck.tiny.offline.clean", "update harbor_bridge/daily vehicles = 35000 -> 40000 [gamma, alpha]")
    ]
    assert update.find("failure") is not None
    assert found[("factcheck.tiny.offline.metrics", "findings.agreement.recall")].find("failure") is None
