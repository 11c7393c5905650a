"""Writing files safely: whole or not at all, under a lock when shared, keeping mode and owner.

Used for the review file (shared by editors of one story) and for reports written with -o.
"""

from __future__ import annotations

import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factcheck.errors import FactcheckError


class WriteError(FactcheckError):
    """A file could not be written; the previous version, if any, is left as it was."""


def default_mode() -> int:
    """The mode a new file gets under the user's umask (0644 under the usual 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def lock_path(path: Path) -> Path:
    """The lock file that serialises writers of `path`: a hidden file beside it."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock (flock) on the lock file beside `path` for the block."""
    lock = lock_path(path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, default_mode())
    except PermissionError:
        fd = os.open(lock, os.O_RDONLY)  # a lock file another editor created: flock needs no write access
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` whole or not at all; an existing file keeps its mode (and owner, where allowed).

    When the file belongs to another user and this process cannot give it back to them, the
    content is rewritten in place instead, so the file keeps its owner (callers hold the lock).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise WriteError(f"{path}: not a regular file", "remove it or write elsewhere")
    if old is not None and old.st_uid != os.getuid() and os.getuid() != 0:
        _rewrite_in_place(path, payload)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), stat.S_IMODE(old.st_mode) if old is not None else default_mode())
            if old is not None and os.getuid() == 0:
                os.fchown(fh.fileno(), old.st_uid, old.st_gid)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rewrite_in_place(path: Path, payload: bytes) -> None:
    """Overwrite a file this user may write but does not own (its owner and mode stay)."""
    with open(path, "r+b") as fh:
        fh.write(payload)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def writable_folder(path: Path) -> bool:
    """Whether a new file (a temporary copy, a lock) can be made beside `path`."""
    parent = path.parent if str(path.parent) else Path(".")
    return parent.is_dir() and _can(parent, os.W_OK | os.X_OK)


def _can(path: Path, mode: int) -> bool:
    """os.access by the effective user (the one whose writes will be checked)."""
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def can_write(path: Path) -> bool:
    """Whether this process may write the existing file `path`."""
    return _can(path, os.W_OK)
