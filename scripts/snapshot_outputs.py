"""Write every suite's JSON report and eval figures to a folder, to prove a refactoring changed nothing.

    python scripts/snapshot_outputs.py before/      # on the commit before the change
    python scripts/snapshot_outputs.py after/       # after it
    diff -r before/ after/                          # empty when the output is identical

Wall-clock timings are left out. For each suite in suites/ it writes, per case, the offline JSON report of `factcheck compare`; the
suite's offline `factcheck eval` figures; and, where the suite has them, the figures of the recorded
llm cassettes and of the model-like answers (suites/MODELLIKE.md). Run it from the repository root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from factcheck.evaluate.suite import load_suite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(args: list[str], out: Path) -> None:
    """Run one command from the repository root and keep its stdout in OUT."""
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1, 3):  # 3: some chunks failed at the (small, recorded) model
        sys.exit(f"{' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    out.write_text(json.dumps(_without_timings(json.loads(done.stdout)), indent=2, sort_keys=True), encoding="utf-8")
    print(f"{out.name}: exit {done.returncode}", flush=True)


def _without_timings(data: Any) -> Any:
    """The output with its wall-clock figures removed: they differ from run to run."""
    if isinstance(data, dict):
        return {k: _without_timings(v) for k, v in data.items() if k not in ("timings", "seconds")}
    if isinstance(data, list):
        return [_without_timings(v) for v in data]
    return data


def snapshot(target: Path) -> None:
    """Write all outputs of every suite under TARGET."""
    target.mkdir(parents=True, exist_ok=True)
    factcheck = [sys.executable, "-m", "factcheck"]
    for spec in sorted((ROOT / "suites").glob("*/suite.yaml")):
        suite = load_suite(spec)
        name = suite.root.name
        for case in suite.cases:
            articles = [os.path.relpath(path, ROOT) for path in case.paths]
            run(
                [*factcheck, "compare", *articles, "--extractor", "offline", "--format", "json", "--no-cache", "-q"],
                target / f"{name}.{case.name.replace('/', '.')}.report.json",
            )
        folder = suite.root
        run(
            [*factcheck, "eval", str(folder.relative_to(ROOT)), "--extractor", "offline", "--format", "json", "-q"],
            target / f"{name}.eval-offline.json",
        )
        if (folder / "cassettes" / "llm").is_dir():
            run(
                [
                    *factcheck,
                    "eval",
                    str(folder.relative_to(ROOT)),
                    "--extractor",
                    "llm",
                    "--cassette",
                    str((folder / "cassettes" / "llm").relative_to(ROOT)),
                    "--format",
                    "json",
                    "-q",
                ],
                target / f"{name}.eval-llm.json",
            )
        if (folder / "modellike" / "answers.json").is_file():
            run(
                [sys.executable, "-m", "bench.modellike", str(folder.relative_to(ROOT)), "--format", "json", "-q"],
                target / f"{name}.eval-modellike.json",
            )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/snapshot_outputs.py FOLDER")
    snapshot(Path(sys.argv[1]).resolve())
