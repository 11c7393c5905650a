"""Figures for the command line: start-up (`factcheck --help`) and end to end on the seeds (offline)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import SEEDS
from .proc import REPO, RunResult, clean_env, factcheck_argv, repeat
from .report import spread, table

HEAVY = ("openai", "instructor", "httpx2", "rich", "pydantic", "yaml", "pysbd", "rapidfuzz", "spacy")
OFFLINE_PATH = [
    "factcheck.cli",
    "rich.console",
    "factcheck.models",
    "factcheck.pipeline",
    "factcheck.extract.offline.extractor",
    "factcheck.classify.reconcile",
    "factcheck.report",
]
CHANGED = (
    "Last change (2026-12-03, results identical): the lexicon read by libyaml's parser, an article split into "
    "sentences once for every stage, a short text parsed once and only when one of its words can be what a rule "
    "looks for, the embedding weights kept half-width, and the garbage collector's young generation at 50,000 "
    "objects (a run's GC time 0.2 -> 0.1 s)."
)
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")

_PROBE = """
import json, sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)
"""


def loaded_packages(args: list[str]) -> list[str]:
    """Which of the heavy packages a CLI invocation imports."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=REPO, env=clean_env(), capture_output=True, text=True, timeout=300
    )
    last = proc.stderr.strip().splitlines()[-1]
    return [name for name in HEAVY if name in json.loads(last)]


def import_profile(module: str, top: int = 8) -> list[tuple[str, float]]:
    """The heaviest top-level imports under `module`, from `python -X importtime` (cumulative ms)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=REPO,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    rows: list[tuple[str, float]] = []
    children: list[tuple[str, float]] = []
    total = 0.0
    for line in proc.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if not match:
            continue
        depth = len(match.group(3)) // 2
        name, cumulative = match.group(4), int(match.group(2)) / 1000
        if depth == 1:
            children.append((name, cumulative))
        elif depth == 0:
            if name == module:
                total, rows = cumulative, children
            children = []
    rows.sort(key=lambda r: -r[1])
    return [(module + " (total)", total), *rows[:top]]


def import_costs(modules: list[str]) -> list[tuple[str, float]]:
    """Cumulative import ms of each module, imported in this order in one fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import " + ", ".join(modules)],
        cwd=REPO,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    costs = {}
    for line in proc.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and len(match.group(3)) // 2 == 0 and match.group(4) in modules:
            costs[match.group(4)] = int(match.group(2)) / 1000
    return [(m, costs.get(m, 0.0)) for m in modules]


def startup(quick: bool = False) -> str:
    """`factcheck --help` and `factcheck compare --help`: wall time, max RSS, heavy imports."""
    reps = 2 if quick else 20
    floor = repeat([sys.executable, "-c", "pass"], reps)
    help_top = repeat(factcheck_argv("--help"), reps)
    help_cmp = repeat(factcheck_argv("compare", "--help"), reps)
    rows = [
        ["`python -c pass` (interpreter floor)", spread([r.seconds for r in floor]), _rss(floor), ""],
        [
            "`factcheck --help`",
            spread([r.seconds for r in help_top]),
            _rss(help_top),
            ", ".join(loaded_packages(["--help"])),
        ],
        [
            "`factcheck compare --help`",
            spread([r.seconds for r in help_cmp]),
            _rss(help_cmp),
            ", ".join(loaded_packages(["compare", "--help"])),
        ],
    ]
    profile = import_profile("factcheck.cli")
    body = [
        f"{reps} timed runs each after one warm-up run; wall time from spawn to exit (median, min, max).",
        "Target: `factcheck --help` imports none of openai, instructor or the extractors' NLP packages.",
        "",
        table(["command", "wall time", "max RSS (MB)", "heavy packages imported"], rows),
        "",
        "Heaviest imports of `factcheck.cli` (`python -X importtime -c 'import factcheck.cli'`, cumulative ms, one run):",
        "",
        table(["module", "ms"], [[f"`{name}`", f"{ms:.1f}"] for name, ms in profile]),
    ]
    return "\n".join(body)


def end_to_end(quick: bool = False) -> str:
    """`factcheck compare seeds/*.txt` with the offline extractor: wall time, max RSS, stage timings."""
    reps = 1 if quick else 10
    seeds = [str(p.relative_to(REPO)) for p in SEEDS]
    env = clean_env()
    terminal = repeat(factcheck_argv("compare", *seeds, "--extractor", "offline"), reps, env)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        argv = factcheck_argv("compare", *seeds, "--extractor", "offline", "--format", "json", "-o", str(out))
        as_json = repeat(argv, reps, env)
        report = json.loads(out.read_text(encoding="utf-8"))
    timings = report["run"]["timings"]
    loaded = loaded_packages(["compare", *seeds, "--extractor", "offline", "-o", os.devnull])
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in SEEDS)
    rows = [
        [
            "`factcheck compare seeds/*.txt --extractor offline` (terminal report)",
            spread([r.seconds for r in terminal]),
            _rss(terminal),
        ],
        ["same, `--format json -o report.json`", spread([r.seconds for r in as_json]), _rss(as_json)],
    ]
    stages = ", ".join(f"{k} {v:.3f} s" for k, v in timings.items())
    body = [
        f"{len(SEEDS)} seed articles ({words} words); {reps} timed runs each after one warm-up run; "
        "wall time from spawn to exit (median, min, max) and the largest max RSS of the runs (from wait4, "
        "in a launcher of a few MB: see bench/proc.py).",
        "",
        table(["command", "wall time", "max RSS (MB)"], rows),
        "",
        f"Stage timings inside one run (`run.timings` of the JSON report): {stages}.",
        "",
        CHANGED,
        "",
        "Import cost of the modules an offline run loads, in load order (`python -X importtime`, cumulative ms; "
        "a module already loaded by an earlier row costs nothing again):",
        "",
        table(["module", "ms"], [[f"`{m}`", f"{ms:.0f}"] for m, ms in import_costs(OFFLINE_PATH)]),
        "",
        f"Packages imported by the offline run: {', '.join(loaded)}.",
    ]
    return "\n".join(body)


def _rss(runs: list[RunResult]) -> str:
    """The largest max RSS of the runs, in MB."""
    return f"{max(r.max_rss_mb for r in runs):.1f}"
