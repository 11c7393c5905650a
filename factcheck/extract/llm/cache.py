"""A content-addressed response cache in one SQLite file.

The key is a sha256 over the canonical JSON of everything that shapes a response (endpoint,
model, messages, response schema, mode, sampling parameters, prompt id/version/hash); the value
is the validated JSON of the response and the token usage it cost. WAL mode lets two runs share
the file. A corrupted file is moved aside and rebuilt with a warning, never trusted; a path holding
something else (a file not named *.sqlite3 that is not SQLite, another program's database) is refused.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import CacheError

log = logging.getLogger("factcheck.extract.llm.cache")

SCHEMA = 1
OPEN_WAIT = 10.0  # seconds a run waits for another that holds a new cache file
_CREATE = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def cache_key(parts: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of `parts` (sorted keys, no whitespace, UTF-8)."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class CacheStats:
    """What `factcheck cache stats` prints."""

    path: str
    entries: int
    bytes: int
    by_model: dict[str, int]
    by_prompt: dict[str, int]


class Cache:
    """SQLite store of validated responses; every method is safe to call when disabled."""

    def __init__(self, path: Path, enabled: bool = True) -> None:
        self.path = path
        self.enabled = enabled
        self._conn: sqlite3.Connection | None = None

    def open(self) -> None:
        """Open (or create, or rebuild) the file now, so a bad path fails before any request."""
        self._connect()

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored value for key, or None (also when the row is unreadable)."""
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT value FROM responses WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return None
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except (TypeError, json.JSONDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any], *, model: str, prompt: str) -> None:
        """Store a value; a write failure disables the cache for this run with a warning."""
        conn = self._connect()
        if conn is None:
            return
        try:
            with conn:
                conn.execute(
                    "INSERT OR REPLACE INTO responses (key, model, prompt, value, created) VALUES (?, ?, ?, ?, ?)",
                    (key, model, prompt, json.dumps(value, sort_keys=True), time.time()),
                )
        except sqlite3.DatabaseError as exc:
            self._broken(exc)

    def stats(self) -> CacheStats:
        """Entry counts and file size (an absent file is an empty cache)."""
        if not self.path.exists():
            return CacheStats(str(self.path), 0, 0, {}, {})
        conn = self._connect(force=True)
        assert conn is not None
        try:
            entries = conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
            by_model = dict(conn.execute("SELECT model, COUNT(*) FROM responses GROUP BY model ORDER BY model"))
            by_prompt = dict(conn.execute("SELECT prompt, COUNT(*) FROM responses GROUP BY prompt ORDER BY prompt"))
        except sqlite3.DatabaseError as exc:
            raise CacheError(f"{self.path}: cache unreadable ({exc})", "run `factcheck cache clear`") from exc
        size = sum(p.stat().st_size for p in self._files() if p.exists())
        return CacheStats(str(self.path), entries, size, by_model, by_prompt)

    def clear(self) -> int:
        """Delete every entry and shrink the file; returns how many entries were removed."""
        if not self.path.exists():
            return 0
        conn = self._connect(force=True)
        assert conn is not None
        try:
            with conn:
                removed = conn.execute("DELETE FROM responses").rowcount
            conn.execute("VACUUM")
        except sqlite3.DatabaseError:
            self.close()
            self._move_aside()
            return 0
        return int(removed)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connect(self, force: bool = False) -> sqlite3.Connection | None:
        """Open (creating or rebuilding as needed) unless disabled."""
        if not (self.enabled or force):
            return None
        if self._conn is not None:
            return self._conn
        self._refuse_other_files()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(
                f"{self.path.parent}: cannot create cache directory ({exc})", "pass --cache-path or --no-cache"
            ) from exc
        try:
            self._conn = self._open_when_free()
        except sqlite3.OperationalError as exc:
            if not force:
                log.warning("factcheck: cache %s unavailable (%s); continuing without the cache", self.path, exc)
                self.enabled = False
                return None
            raise CacheError(f"{self.path}: cache unavailable ({exc})", "retry when no other run uses it") from exc
        except sqlite3.DatabaseError as exc:
            log.warning("factcheck: cache %s is damaged (%s); moved aside and rebuilt", self.path, exc)
            self._move_aside()
            try:
                self._conn = self._open()
            except sqlite3.DatabaseError as exc2:
                raise CacheError(
                    f"{self.path}: cannot create cache ({exc2})", "pass --cache-path or --no-cache"
                ) from exc2
        return self._conn

    def _open_when_free(self) -> sqlite3.Connection:
        """Open the file, waiting while another run holds it: SQLite gives up at once, without calling its busy
        handler, when two runs switch a new file to WAL at the same moment ('database is locked')."""
        deadline = time.monotonic() + OPEN_WAIT
        while True:
            try:
                return self._open()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            others = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} - {
                "responses"
            }
            if others:
                conn.close()
                raise CacheError(
                    f"{self.path}: an SQLite file that is not a factcheck cache (it holds {', '.join(sorted(others))})",
                    "pass --cache-path with a new file name",
                )
            conn.execute(_CREATE)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA):
                raise sqlite3.DatabaseError(f"cache schema {version}, expected {SCHEMA}")
            conn.execute(f"PRAGMA user_version = {SCHEMA}")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        conn.isolation_level = "DEFERRED"
        return conn

    def _refuse_other_files(self) -> None:
        """Refuse a path that holds something other than a cache: it is never renamed aside or changed."""
        if not self.path.exists():
            return
        if not self.path.is_file():
            raise CacheError(f"{self.path}: not a file", "pass --cache-path with a file name")
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise CacheError(
                f"{self.path}: cannot read the cache ({exc.strerror or exc})", "pass --cache-path or --no-cache"
            ) from exc
        if head and not head.startswith(b"SQLite format 3") and self.path.suffix != ".sqlite3":
            # a damaged file named like a cache is moved aside and rebuilt; anything else is someone's file
            raise CacheError(
                f"{self.path}: not a factcheck cache (not an SQLite file); left as it is",
                "pass --cache-path with a new file name",
            )

    def _broken(self, exc: sqlite3.DatabaseError) -> None:
        """A mid-run failure: stop using the cache rather than risk a wrong answer."""
        log.warning("factcheck: cache %s failed (%s); continuing without the cache", self.path, exc)
        self.close()
        self.enabled = False

    def _files(self) -> list[Path]:
        return [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")]

    def _move_aside(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for file in self._files():
            if file.exists():
                file.replace(file.with_name(f"{file.name}.corrupt-{stamp}"))
