"""Article metadata: front matter and sidecar files read safely, publication dates checked."""

from __future__ import annotations

import argparse
import email.utils
import os
import stat
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

META_KEYS = frozenset({"outlet", "published", "published_basis", "source", "title", "url"})  # the front matter fields
MAX_META_BYTES = 65_536  # front matter or sidecar: metadata, never an article
YEARS = (1800, 2200)  # a publication year outside this range is a typo, and dates around it cannot be computed
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


@lru_cache(maxsize=1)
def _loader() -> Any:
    """The safe YAML loader, refusing anchors and aliases: metadata never needs them, and they expand without bound."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise yaml.YAMLError("anchors and aliases (& and *) are not allowed in metadata")
            return super().compose_node(parent, index)

    return NoAliasLoader


def load_yaml(text: str, name: str, what: str, fix: str) -> Any:
    """Parse a small YAML document with no aliases, or raise InputError naming the file and the fix."""
    if len(text.encode("utf-8", errors="replace")) > MAX_META_BYTES:
        raise InputError(f"{name}: {what} is over the {MAX_META_BYTES:,}-byte limit for metadata", fix)
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # a bad timestamp (2023-02-30) is a ValueError
        detail = str(exc).splitlines()[0] if "alias" in str(exc) or isinstance(exc, ValueError) else ""
        raise InputError(f"{name}: {what} is not valid YAML{f' ({detail})' if detail else ''}", fix) from exc


def parse_front_matter(block: str, name: str) -> dict[str, Any]:
    """The metadata keys of a front-matter block."""
    data = load_yaml(block, name, "front matter", "fix or remove the block between the --- lines") or {}
    if not isinstance(data, dict):
        raise InputError(f"{name}: front matter is not a mapping", "write it as key: value lines")
    return {k: v for k, v in data.items() if k in META_KEYS}


def sidecar_path(path: Path) -> Path:
    """Where the sidecar metadata of an article lives: NAME.meta.yaml beside it."""
    return path.with_suffix(".meta.yaml")


def is_sidecar(path: Path) -> bool:
    """Whether a file is sidecar metadata (NAME.meta.yaml), never an article."""
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from the article's sidecar, if there is one; only a small regular file is ever opened."""
    meta = sidecar_path(path)
    try:
        info = os.stat(meta)  # follows a symlink: what would be opened
    except FileNotFoundError:
        return {}
    except OSError as exc:  # a symlink loop, a name too long
        raise InputError(
            f"{meta}: sidecar cannot be read ({exc.strerror or exc})", "fix the file or remove it"
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{meta}: sidecar is a directory", "remove it or rename it; a sidecar is a small YAML file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{meta}: sidecar is not a regular file (a device, pipe or socket)", "replace it with a YAML file"
        )
    if info.st_size > MAX_META_BYTES:
        raise InputError(
            f"{meta}: sidecar is over the {MAX_META_BYTES:,}-byte limit for metadata", "keep only metadata in it"
        )
    try:
        with open(meta, "rb") as fh:
            raw = fh.read(MAX_META_BYTES + 1)
    except OSError as exc:
        raise InputError(
            f"{meta}: sidecar cannot be read ({exc.strerror or exc})", "check the file's permissions"
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{meta}: metadata is not valid YAML (not UTF-8)", "fix the file or remove it") from exc
    data = load_yaml(text, str(meta), "metadata", "fix the file or remove it") or {}
    return {k: v for k, v in data.items() if k in META_KEYS} if isinstance(data, dict) else {}


def text_value(value: Any) -> str | None:
    """A metadata value as stripped text, or None when empty."""
    return str(value).strip() if value not in (None, "") else None


def published_date(value: Any, name: str) -> date | None:
    """A publication date from metadata: a date, an ISO date or timestamp, or an e-mail style date."""
    if value in (None, ""):
        return None
    day = (
        value.date()
        if isinstance(value, datetime)
        else value
        if isinstance(value, date)
        else _parse(str(value).strip())
    )
    if day is None:
        raise InputError(f"{name}: published date {str(value)!r} is not YYYY-MM-DD", "fix the 'published' field")
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InputError(
            f"{name}: published date {day.isoformat()} is outside {YEARS[0]}-{YEARS[1]}", "fix the 'published' field"
        )
    return day


def _parse(text: str) -> date | None:
    """ISO date or timestamp ('2023-03-27T10:00:00Z'), or RFC 2822 ('Mon, 27 Mar 2023 10:00:00 GMT')."""
    for parse in (
        date.fromisoformat,
        lambda t: datetime.fromisoformat(t).date(),
        lambda t: email.utils.parsedate_to_datetime(t).date(),
    ):
        try:
            return parse(text)
        except (ValueError, TypeError, IndexError, OverflowError):
            continue
    return None


def add_published_argument(parser: argparse.ArgumentParser) -> None:
    """--published: the publication date of articles that carry none."""
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date for articles without one of their own (front matter or sidecar wins)",
    )


def published_flag(args: argparse.Namespace) -> date | None:
    """The --published date, checked, or None when not given."""
    return parse_cli_date(args.published) if getattr(args, "published", None) else None


def parse_cli_date(text: str) -> date:
    """The date of --published, or InputError."""
    day = _parse(text.strip())
    if day is None or not YEARS[0] <= day.year <= YEARS[1]:
        raise InputError(
            f"--published {text}: not a date YYYY-MM-DD between {YEARS[0]} and {YEARS[1]}",
            "e.g. --published 2023-03-27",
        )
    return day
