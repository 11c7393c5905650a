"""`factcheck eval`: run a suite, compare with the stored baseline or rewrite it (no printing here)."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.config import Settings, load_settings
from factcheck.errors import ConfigError, InputError, ModelError
from factcheck.evaluate.baseline import Baseline, CheckResult, check, load_baseline, save_baseline
from factcheck.evaluate.cassettes import check_prompts, record_settings, replay_flags
from factcheck.evaluate.runner import EvalResult, ExtractOne, label_for, run_suite
from factcheck.evaluate.suite import load_suite
from factcheck.extract import choose_extractor
from factcheck.pipeline import Warn

DEFAULT_SUITE = "suites/seeds"


@dataclass
class EvalOptions:
    """What the command line asked for."""

    suite: str = DEFAULT_SUITE
    check: bool = False
    update_baseline: bool = False
    baseline: str | None = None
    tolerance: float | None = None
    cassette: str | None = None
    record: bool = False


@dataclass
class EvalRun:
    """What one `factcheck eval` did."""

    result: EvalResult
    baseline_path: Path
    check: CheckResult | None = None
    baseline: Baseline | None = None
    wrote_baseline: bool = False


def evaluate(
    options: EvalOptions, flags: Mapping[str, Any], warn: Warn = lambda _: None, extract: ExtractOne | None = None
) -> EvalRun:
    """Run the suite with the settings the flags give; check against or rewrite the baseline."""
    _validate(options)
    suite = load_suite(options.suite)
    tolerance = suite.tolerance if options.tolerance is None else options.tolerance
    settings_flags = dict(flags)
    cassette = Path(options.cassette) if options.cassette else None
    if cassette is not None and not options.record:
        settings_flags = replay_flags(cassette, settings_flags)
    settings = load_settings(settings_flags)
    name = choose_extractor(settings)
    label = label_for(name, settings.resolved_model() if name == "llm" else None)
    baseline_path = Path(options.baseline) if options.baseline else suite.baseline_path(label)
    baseline = None
    if options.check:
        hint = f"write one with: factcheck eval {options.suite} {_extractor_flags(options, name)}--update-baseline"
        baseline = load_baseline(baseline_path, hint)
        if (baseline.suite, baseline.label) != (suite.name, label):
            raise InputError(
                f"{display_path(baseline_path)} is the baseline of suite {baseline.suite} with "
                f"{baseline.label}, not of suite {suite.name} with {label}",
                "pass the matching --baseline, or write one with --update-baseline",
            )
    if cassette is not None:
        from factcheck.evaluate.cassettes import cassette_extract

        rerecord = rerecord_command(options.suite, cassette, settings)
        if options.record:
            settings = record_settings(settings)
        else:
            check_prompts(cassette, rerecord)
        extract = extract or cassette_extract(settings, cassette, options.record, rerecord)
    result = run_suite(suite, settings, extract, warn)
    run = EvalRun(result=result, baseline_path=baseline_path, baseline=baseline)
    if baseline is not None:
        run.check = check(result, baseline, tolerance, display_path(baseline_path))
    if options.update_baseline:
        if result.incomplete and cassette is None:
            raise ModelError(
                "the run is incomplete (some chunks failed at the model); not writing a baseline",
                "fix the endpoint and run again, or record cassettes so the failures replay the same",
            )
        run.baseline = save_baseline(result, baseline_path)
        run.wrote_baseline = True
    return run


def rerecord_command(suite: str, cassette: Path, settings: Settings) -> str:
    """The command that records the cassettes again against a live endpoint."""
    parts = [
        "factcheck",
        "eval",
        suite,
        "--extractor",
        "llm",
        "--cassette",
        str(cassette),
        "--record-cassettes",
        "--base-url",
        settings.base_url or "URL",
        "--model",
        settings.resolved_model(),
    ]
    if settings.server:
        parts += ["--server", settings.server]
    parts.append("--update-baseline")
    return " ".join(shlex.quote(p) for p in parts)


def _validate(options: EvalOptions) -> None:
    if options.check and options.update_baseline:
        raise InputError("--check and --update-baseline together", "check against the baseline, or rewrite it")
    if options.record and not options.cassette:
        raise InputError("--record-cassettes needs --cassette DIR", "name the folder to record into")
    if options.tolerance is not None and not 0 <= options.tolerance <= 1:
        raise ConfigError(f"--tolerance {options.tolerance:g} is not between 0 and 1", "e.g. --tolerance 0.02")


def _extractor_flags(options: EvalOptions, name: str) -> str:
    flags = f"--extractor {name} "
    if options.cassette:
        flags += f"--cassette {shlex.quote(options.cassette)} "
    return flags


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
