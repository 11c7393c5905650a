"""Evaluation: run the pipeline over a labelled suite, score it, and compare with a stored baseline."""

from .baseline import Baseline, CheckResult, check, load_baseline, save_baseline
from .command import EvalOptions, EvalRun, evaluate
from .runner import EvalResult, run_suite
from .suite import Suite, load_suite

__all__ = [
    "Baseline", "CheckResult", "EvalOptions", "EvalResult", "EvalRun", "Suite", "check", "evaluate",
    "load_baseline", "load_suite", "run_suite", "save_baseline",
]
