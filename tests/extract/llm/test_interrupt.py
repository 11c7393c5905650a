"""Ctrl-C in the middle of an llm run loses nothing: finished chunks are not asked again, and the
resumed run's report equals an uninterrupted one."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from faultserver import FaultServer, comparable, llm_env, run_in_process, serve, start_cli, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT"),
]  # real child processes

ARTICLE_A = (
    "The Alder Street bridge reopened on March 4, 2024, after repairs that cost $2 million.\n\n"
    "Birch County hired 14 new teachers for the school year, the district said.\n\n"
    "The Cedar Valley dam holds 3.2 billion gallons of water when it is full.\n"
)
ARTICLE_B = (
    "Dogwood Park will host the city festival for the seventh time next month.\n\n"
    "Elm Grove residents elected Maria Chen as mayor in November 2023.\n\n"
    "The Fir Hill library lent 48,000 books last year, its director said.\n"
)
MARKERS = ("Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir")
SLOW = ("Cedar", "Elm")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with serve() as srv:
        yield srv


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return tmp_path


def env_for(server: FaultServer, cache: Path) -> dict[str, str]:
    return llm_env(server, cache, concurrency=8, timeout=30)


COMMAND = ["compare", "a.txt", "b.txt", "--format", "json", "-o", "report.json"]


@pytest.fixture
def same_settings_here(server: FaultServer, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's settings in this process too, for runs that need no separate process."""
    monkeypatch.chdir(workdir)
    for key, value in env_for(server, workdir / "cache.sqlite3").items():
        if key.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.setenv(key, value)


@pytest.mark.usefixtures("same_settings_here")
def test_interrupt_then_resume_equals_uninterrupted_run(server: FaultServer, workdir: Path) -> None:
    code, reference, err = run_in_process(["compare", "a.txt", "b.txt", "--format", "json", "--no-cache"])
    assert code in (0, 1), err
    assert server.count() == len(MARKERS)
    server.reset()

    for marker in SLOW:
        server.add("slow", match=marker, delay=60)
    env = env_for(server, workdir / "cache.sqlite3")
    proc = start_cli(COMMAND, workdir, env)
    try:
        fast = [m for m in MARKERS if m not in SLOW]
        wait_until(
            lambda: server.count() == len(MARKERS) and all(r.status == 200 for m in fast for r in server.completions(m))
        )
        wait_until(lambda: _cached_rows(workdir / "cache.sqlite3") == len(fast))
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err and len(err.strip().splitlines()) == 1
    assert not (workdir / "report.json").exists()  # no half-written report

    server.reset()  # the slow chunks now answer at once
    code, _, err = run_in_process(COMMAND)
    assert code in (0, 1), err
    assert {m: server.count(m) for m in MARKERS} == {m: int(m in SLOW) for m in MARKERS}
    report = (workdir / "report.json").read_text(encoding="utf-8")
    assert comparable(report) == comparable(reference)
    assert json.loads(report)["run"]["usage"]["cached"] == len(MARKERS) - len(SLOW)


@pytest.mark.usefixtures("same_settings_here")
def test_interrupt_before_any_answer(server: FaultServer, workdir: Path) -> None:
    server.add("slow", delay=60)
    env = env_for(server, workdir / "cache.sqlite3")
    proc = start_cli(COMMAND, workdir, env)
    try:
        wait_until(lambda: server.count() == len(MARKERS))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err, err
    server.reset()
    code, _, err = run_in_process(COMMAND)
    assert code in (0, 1), err
    assert all(server.count(m) == 1 for m in MARKERS)


def _cached_rows(path: Path) -> int:
    """Rows in the cache file, read the way a second process would (0 while it does not exist)."""
    import sqlite3

    if not path.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
    except sqlite3.Error:
        return 0
