"""The response cache under stress: two runs sharing one file at once, and damaged files (garbage,
truncated, bad rows): a clear message and a rebuilt cache, never a crash or a wrong result."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from faultserver import FaultServer, comparable, llm_env, run_cli, run_in_process, serve, start_cli

ARTICLES = {
    "a.txt": "The Alder Street bridge reopened on March 4, 2024, after repairs that cost $2 million.\n\n"
    "Birch County hired 14 new teachers for the school year, the district said.\n",
    "b.txt": "The Cedar Valley dam holds 3.2 billion gallons of water when it is full.\n\n"
    "Dogwood Park will host the city festival for the seventh time next month.\n",
}
CHUNKS = 4
COMMAND = ["compare", *ARTICLES, "--format", "json"]


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with serve() as srv:
        yield srv


@pytest.fixture
def workdir(tmp_path: Path, server: FaultServer) -> Path:
    server.reset()
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def env_for(server: FaultServer, cache: Path) -> dict[str, str]:
    # Generous timeout: held requests wait for the other process, which may start slowly on a loaded machine.
    return llm_env(server, cache, concurrency=4, timeout=90)


@pytest.fixture
def in_process(server: FaultServer, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The same settings in this process's environment; returns the cache path."""
    cache = workdir / "cache.sqlite3"
    for key, value in env_for(server, cache).items():
        if key.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.setenv(key, value)
    monkeypatch.chdir(workdir)
    return cache


@pytest.fixture
def reference(in_process: Path, server: FaultServer) -> dict[str, Any]:
    """The report of a clean run without any cache."""
    code, out, err = run_in_process([*COMMAND, "--no-cache"])
    assert code in (0, 1), err
    server.reset()
    return comparable(out)


@pytest.mark.slow  # a real child process
def test_two_runs_at_once_share_one_cache(
    server: FaultServer, workdir: Path, in_process: Path, reference: dict[str, Any]
) -> None:
    server.add("hold", until=2 * CHUNKS, delay=80)  # no answer until both runs have asked everything
    env = env_for(server, in_process)
    first, second = start_cli(COMMAND, workdir, env), start_cli(COMMAND, workdir, env)
    results = [p.communicate(timeout=120) for p in (first, second)]
    for proc, (out, err) in zip((first, second), results, strict=False):
        assert proc.returncode in (0, 1), err
        assert "Traceback" not in err and "cache" not in err
        assert comparable(out) == reference
    assert server.count() == 2 * CHUNKS  # both were in flight at once, both wrote every answer to one file
    server.reset()
    _code, out, _ = run_in_process(COMMAND)
    assert comparable(out) == reference
    assert server.count() == 0 and json.loads(out)["run"]["usage"]["cached"] == CHUNKS
    with closing(sqlite3.connect(in_process)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


DAMAGE = ["garbage", "truncated", "zeroed-header", "empty"]


def _damage(cache: Path, how: str) -> None:
    _checkpoint(cache)
    data = cache.read_bytes()
    cache.write_bytes(
        {
            "garbage": b"this is not a database\n" * 100,
            "truncated": data[: len(data) // 2],
            "zeroed-header": b"\0" * 100 + data[100:],
            "empty": b"",
        }[how]
    )


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_cache_file_is_rebuilt(
    server: FaultServer, in_process: Path, reference: dict[str, Any], damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert run_in_process(COMMAND)[0] in (0, 1)
    _damage(in_process, damage)
    server.reset()
    code, out, err = run_in_process(COMMAND)
    assert code in (0, 1), err
    assert comparable(out) == reference
    if damage != "empty":  # an empty file is a valid new database, not damage
        assert "damaged" in caplog.text and "rebuilt" in caplog.text
        assert list(in_process.parent.glob("cache.sqlite3.corrupt-*"))  # kept aside for inspection, not deleted
    assert server.count() == CHUNKS
    server.reset()
    code, out, _ = run_in_process(COMMAND)  # the rebuilt cache works
    assert json.loads(out)["run"]["usage"]["cached"] == CHUNKS and server.count() == 0


@pytest.mark.slow  # a real child process
def test_damaged_cache_message_in_a_real_process(server: FaultServer, workdir: Path, in_process: Path) -> None:
    env = env_for(server, in_process)
    assert run_in_process(COMMAND)[0] in (0, 1)
    _damage(in_process, "truncated")
    proc = run_cli(COMMAND, workdir, env)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    [line] = [line for line in proc.stderr.splitlines() if "cache" in line]
    assert "damaged" in line and "rebuilt" in line and str(workdir / "cache.sqlite3") in line


@pytest.mark.parametrize("value", ["{not json", '{"response": {"claims": "not a list"}}', '["a", "list"]', "null"])
def test_bad_rows_are_asked_again_not_trusted(
    server: FaultServer, in_process: Path, reference: dict[str, Any], value: str
) -> None:
    assert run_in_process(COMMAND)[0] in (0, 1)
    with closing(sqlite3.connect(in_process)) as conn, conn:
        conn.execute("UPDATE responses SET value = ?", (value,))
    server.reset()
    code, out, err = run_in_process(COMMAND)
    assert code in (0, 1), err
    assert comparable(out) == reference
    assert server.count() == CHUNKS


def test_cache_path_that_cannot_be_created(server: FaultServer, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "blocker").write_text("a file where a directory should be", encoding="utf-8")
    monkeypatch.chdir(workdir)
    for key, value in env_for(server, workdir / "blocker" / "cache.sqlite3").items():
        if key.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.setenv(key, value)
    code, out, err = run_in_process(COMMAND)
    assert code == 2 and out == "", err
    [line] = err.strip().splitlines()
    assert line.startswith("factcheck: error: ") and "--no-cache" in line


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the main file, so damaging the file damages the data."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
