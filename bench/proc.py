"""Run a command as a child process and measure its wall time and peak memory (max RSS)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RunResult:
    """One timed run of a command."""

    seconds: float
    max_rss_mb: float
    returncode: int


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment without model endpoints or factcheck settings, so runs are offline and repeatable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FACTCHECK_"))}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra or {})
    return env


# A small launcher runs the command and reports its wall time and max RSS. The launcher is needed
# because Linux folds the memory of the process that spawns a command into the command's max RSS
# (the spawner's address space is the command's until exec): spawned straight from a benchmark
# process of hundreds of MB, every command would seem to use that much. `python -I -S` keeps the
# launcher at a few MB, below any Python command's own peak.
_LAUNCH = """
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def timed_run(argv: list[str], env: Mapping[str, str] | None = None, cwd: Path = REPO) -> RunResult:
    """Run argv with its output discarded; wall time from spawn to exit and max RSS, via the launcher."""
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _LAUNCH, *argv],
        cwd=cwd,
        env=dict(env or clean_env()),
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        seconds, rss_kb, code = proc.stdout.split()
    except ValueError:
        raise RuntimeError(f"launcher failed for {' '.join(argv)}: {proc.stderr[-500:]}") from None
    if int(code) not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {proc.stderr[-500:]}")
    return RunResult(seconds=float(seconds), max_rss_mb=int(rss_kb) / 1024, returncode=int(code))


def repeat(argv: list[str], times: int, env: Mapping[str, str] | None = None, warmup: int = 1) -> list[RunResult]:
    """Run argv `warmup` times untimed (page cache, .pyc files), then `times` times timed."""
    for _ in range(warmup):
        timed_run(argv, env)
    return [timed_run(argv, env) for _ in range(times)]


def factcheck_argv(*args: str) -> list[str]:
    """The installed console script if present, else `python -m factcheck.cli`."""
    script = Path(sys.executable).with_name("factcheck")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "factcheck.cli", *args]


@contextmanager
def server_process(base: float, rate: float, per_sentence: float = 0.5, record: bool = False) -> Iterator[str]:
    """Start `python -m bench.server` in its own process (its own GIL); yield its base URL."""
    argv = [
        sys.executable,
        "-m",
        "bench.server",
        "--base",
        str(base),
        "--rate",
        str(rate),
        "--per-sentence",
        str(per_sentence),
    ]
    argv += ["--record"] if record else []
    child = subprocess.Popen(argv, cwd=REPO, env=clean_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"bench server did not start (said {url!r})")
        yield url
    finally:
        child.terminate()
        child.wait(timeout=10)


def fresh_runs(script: str, args: Sequence[str], reps: int) -> list[dict[str, float]]:
    """The JSON line a Python snippet prints last, from reps fresh interpreters after one untimed warm-up run
    (which warms the page cache and writes .pyc files)."""
    runs = []
    for _ in range(reps + 1):
        proc = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=REPO,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return runs[1:]
