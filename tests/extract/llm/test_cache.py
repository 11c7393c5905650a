"""The SQLite response cache and the cache keys the model client builds."""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.config import Settings
from factcheck.errors import CacheError
from factcheck.extract.llm.cache import Cache, cache_key
from factcheck.extract.llm.client import LLM
from factcheck.extract.llm.extractor import ExtractedClaims
from factcheck.models import PromptInfo

PROMPT = PromptInfo(id="extract_claims", version="1", sha256="a" * 64)
MESSAGES = [{"role": "system", "content": "Extract."}, {"role": "user", "content": "Text."}]


def llm_for(tmp_path: Path, **changes: object) -> LLM:
    settings = Settings(base_url="http://127.0.0.1:8080/v1", model="m", cache_path=str(tmp_path / "c.sqlite3"))
    settings = replace(settings, **changes)
    return LLM(settings, Cache(Path(settings.cache_path or ""), enabled=False))


def key(llm: LLM, prompt: PromptInfo = PROMPT, messages: list[dict[str, str]] = MESSAGES) -> str:
    return llm.request_key(llm.adapt(messages), ExtractedClaims, prompt)


def test_key_is_canonical_json() -> None:
    assert cache_key({"a": 1, "b": [1, 2]}) == cache_key({"b": [1, 2], "a": 1})
    assert cache_key({"a": 1}) != cache_key({"a": 1.5})


def test_key_changes_with_everything_that_shapes_the_answer(tmp_path: Path) -> None:
    base = key(llm_for(tmp_path))
    assert key(llm_for(tmp_path)) == base  # stable across client instances (and so across runs)
    variants = {
        "prompt version": key(llm_for(tmp_path), PROMPT.model_copy(update={"version": "2"})),
        "prompt hash": key(llm_for(tmp_path), PROMPT.model_copy(update={"sha256": "b" * 64})),
        "model": key(llm_for(tmp_path, model="other")),
        "temperature": key(llm_for(tmp_path, temperature=0.7)),
        "max_tokens": key(llm_for(tmp_path, max_tokens=100)),
        "mode": key(llm_for(tmp_path, mode="json_schema")),
        "endpoint": key(llm_for(tmp_path, base_url="http://127.0.0.1:9999/v1")),
        "messages": key(llm_for(tmp_path), messages=[*MESSAGES[:1], {"role": "user", "content": "Other."}]),
    }
    assert base not in variants.values() and len(set(variants.values())) == len(variants)


def test_key_never_depends_on_the_api_key_or_url_credentials(tmp_path: Path) -> None:
    plain = key(llm_for(tmp_path, api_key="sk-one-1234567890"))
    assert key(llm_for(tmp_path, api_key="sk-two-0987654321")) == plain
    assert key(llm_for(tmp_path, base_url="http://user:secret123@127.0.0.1:8080/v1")) == plain


def test_put_get_stats_clear(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "sub" / "c.sqlite3")
    assert cache.get("k") is None
    cache.put("k", {"response": {"claims": []}, "usage": {"prompt_tokens": 3}}, model="m", prompt="p v1")
    assert cache.get("k") == {"response": {"claims": []}, "usage": {"prompt_tokens": 3}}
    stats = cache.stats()
    assert (stats.entries, stats.by_model, stats.by_prompt) == (1, {"m": 1}, {"p v1": 1}) and stats.bytes > 0
    assert cache.clear() == 1 and cache.get("k") is None
    with sqlite3.connect(cache.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_disabled_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    Cache(path).put("k", {"response": 1}, model="m", prompt="p")
    off = Cache(path, enabled=False)
    assert off.get("k") is None
    off.put("k2", {"response": 2}, model="m", prompt="p")
    assert Cache(path).get("k2") is None


@pytest.mark.parametrize("damage", [b"not a database at all\n" * 50, b"SQLite format 3\x00" + b"\xff" * 500])
def test_damaged_file_is_moved_aside_and_rebuilt(
    tmp_path: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(damage)
    cache = Cache(path)
    with caplog.at_level(logging.WARNING, logger="factcheck.extract.llm.cache"):
        assert cache.get("k") is None
    assert "damaged" in caplog.text and "rebuilt" in caplog.text
    assert list(tmp_path.glob("c.sqlite3.corrupt-*"))
    cache.put("k", {"response": 1}, model="m", prompt="p")
    assert cache.get("k") == {"response": 1}


def test_truncated_file_never_gives_a_wrong_answer(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = Cache(path)
    for i in range(200):
        cache.put(f"k{i}", {"response": i, "pad": "x" * 200}, model="m", prompt="p")
    cache.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    again = Cache(path)
    for i in range(200):
        assert again.get(f"k{i}") in (None, {"response": i, "pad": "x" * 200})


def test_unusable_cache_directory_is_a_cache_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match="--no-cache"):
        Cache(tmp_path / "file" / "c.sqlite3").open()


def _writer(path: str, start: int) -> None:
    cache = Cache(Path(path))
    for i in range(start, start + 100):
        cache.put(f"k{i}", {"response": i}, model="m", prompt="p")
    cache.close()


@pytest.mark.slow  # a real child process
def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "c.sqlite3")
    Cache(Path(path)).open()
    procs = [multiprocessing.get_context("spawn").Process(target=_writer, args=(path, n * 100)) for n in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    cache = Cache(Path(path))
    assert cache.stats().entries == 200 and cache.get("k150") == {"response": 150}


def test_cache_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.sqlite3"
    cache = Cache(path)
    cache.put("k", {"response": 1}, model="gemma", prompt="extract_claims v1")
    cache.close()
    assert cli.main(["cache", "stats", "--cache-path", str(path)]) == 0
    out = capsys.readouterr().out
    assert "entries: 1" in out and "model gemma: 1" in out and "prompt extract_claims v1: 1" in out
    assert cli.main(["cache", "clear", "--cache-path", str(path)]) == 0
    assert "removed 1" in capsys.readouterr().out
    assert Cache(path).stats().entries == 0


def test_a_file_locked_by_another_run_is_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs creating one cache at once: SQLite may say 'database is locked' without waiting; the run waits."""
    cache = Cache(tmp_path / "cache.sqlite3")
    real_open, tries = Cache._open, []

    def busy_twice(self: Cache) -> sqlite3.Connection:
        tries.append(1)
        if len(tries) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real_open(self)

    monkeypatch.setattr(Cache, "_open", busy_twice)
    cache.put("k", {"claims": []}, model="m", prompt="p@1")
    assert cache.enabled and len(tries) == 3
    assert cache.get("k") == {"claims": []}
