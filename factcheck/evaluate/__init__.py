"""Evaluation: run the pipeline over a labelled suite, score it, and compare with a stored baseline."""

from factcheck.evaluate.baseline import Baseline, CheckResult, check, load_baseline, save_baseline
from factcheck.evaluate.command import EvalOptions, EvalRun, evaluate
from factcheck.evaluate.runner import EvalResult, run_suite
from factcheck.evaluate.suite import Suite, load_suite

__all__ = [
    "Baseline",
    "CheckResult",
    "EvalOptions",
    "EvalResult",
    "EvalRun",
    "Suite",
    "check",
    "evaluate",
    "load_baseline",
    "load_suite",
    "run_suite",
    "save_baseline",
]
