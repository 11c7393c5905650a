"""Read articles from disk: decode, front matter, sidecar metadata, page furniture, sentences, chunks.

Every span refers to the text of the original file, so an editor can find a quote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .html import html_to_text, looks_like_html
from .models import Chunk, Source, Span

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MAX_BYTES = 2_000_000
META_KEYS = {"title", "source", "outlet", "url", "published", "published_basis"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FURNITURE_LINES = re.compile(
    r"^(advertisement|latest headlines|related coverage:?|related stories:?|read more:?|"
    r"share this article|sign up for .*newsletter.*|©.*|\(c\) .*|copyright .*|"
    r"by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})$",
    re.I,
)
_CAPTION = re.compile(r"(photo by .+|\((?:yonhap|ap|reuters|afp|getty images|kyodo)\)|photo: .+)\.?$", re.I)
_DATE_STAMP = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\b")


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> Source:
    """Read one article file into a Source, or raise InputError naming the file and the fix."""
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file", "check the path")
    if path.is_dir():
        raise InputError(f"{name}: is a directory", f"pass the articles inside it, e.g. {name}/*.txt")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit",
            "split the file or raise the limit with --max-bytes",
        )
    raw = path.read_bytes()
    text = decode(raw, name, encoding)
    if not text.strip():
        raise InputError(f"{name}: file is empty", "give an article with text in it")
    meta: dict[str, Any] = {}
    body_start = 0
    if looks_like_html(text):
        text, meta = html_to_text(text)
    else:
        match = _FRONT_MATTER.match(text)
        if match:
            meta = _parse_front_matter(match.group(1), name)
            body_start = match.end()
    meta = {**_sidecar(path), **meta}
    body, furniture = split_body(text, body_start)
    headline = _headline(text, body)
    if headline is not None:
        furniture = sorted([*furniture, body.pop(0)], key=lambda span: span.start)
    if not body:
        raise InputError(f"{name}: no article text found", "the file holds only front matter or page furniture")
    return Source(
        id=path.stem,
        path=name,
        sha256=hashlib.sha256(raw).hexdigest(),
        outlet=_str(meta.get("outlet") or meta.get("source")),
        title=_str(meta.get("title")) or headline,
        url=_str(meta.get("url")),
        published=_date(meta.get("published"), name),
        published_basis=_str(meta.get("published_basis")),
        text=text,
        body=body,
        furniture=furniture,
    )


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Decode file bytes: a BOM wins, then the given encoding, then UTF-8; binary data is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text", "re-save the file as UTF-8") from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: looks like binary data, not text", "give a .txt, .md or .html article")
    try:
        return raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding or 'UTF-8'} (byte {exc.start})",
            "re-save it as UTF-8 or pass --encoding latin-1 (or the file's encoding)",
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}", "use a Python codec name such as latin-1") from exc


def split_body(text: str, start: int = 0) -> tuple[list[Span], list[Span]]:
    """Split text into article body paragraphs and page furniture, by line."""
    lines = list(_lines(text, start))
    stripped = [text[a:b].strip() for a, b in lines]
    furniture: set[int] = set()
    for i, line in enumerate(stripped):
        if not line:
            continue
        if _FURNITURE_LINES.match(line) or _DATE_STAMP.match(line) or _CAPTION.search(line):
            furniture.add(i)
        if line.lower().rstrip(":") in {"related coverage", "related stories", "read more"}:
            furniture.update(j for j in range(i, len(lines)) if stripped[j] and not _is_sentence(stripped[j]))
        repeats = [j for j, other in enumerate(stripped) if other == line and j != i]
        if repeats and len(line) > 30:
            furniture.add(i)
    body, furn = [], []
    for i, (a, b) in enumerate(lines):
        if not stripped[i]:
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        (furn if i in furniture else body).append(Span(start=a, end=b))
    return body, furn


def sentences(source: Source) -> list[Span]:
    """Sentence spans of the body, in file order (furniture excluded)."""
    out: list[Span] = []
    for para in source.body:
        chunk = source.text[para.start : para.end]
        for piece in _segmenter().segment(chunk):
            a = para.start + piece.start
            b = para.start + piece.end
            seg = source.text[a:b]
            a += len(seg) - len(seg.lstrip())
            b -= len(seg) - len(seg.rstrip())
            if b > a:
                out.append(Span(start=a, end=b))
    return out


def chunk(source: Source, max_chars: int = 2400, overlap: int = 1) -> list[Chunk]:
    """Group whole sentences into chunks of at most max_chars, sharing `overlap` sentences."""
    sents = sentences(source)
    chunks: list[Chunk] = []
    i = 0
    while i < len(sents):
        j = i + 1
        while j < len(sents) and sents[j].end - sents[i].start <= max_chars:
            j += 1
        span = Span(start=sents[i].start, end=sents[j - 1].end)
        chunks.append(Chunk(source_id=source.id, index=len(chunks), span=span, text=source.text[span.start : span.end]))
        if j >= len(sents):
            break
        i = max(i + 1, j - overlap)
    return chunks


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def find_inputs(paths: Iterable[str]) -> list[Path]:
    """Expand the paths given on the command line, keeping order and refusing directories."""
    return [Path(p) for p in paths]


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _lines(text: str, start: int) -> Iterable[tuple[int, int]]:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)


def _is_sentence(line: str) -> bool:
    return line.endswith((".", '"', "?", "!")) and len(line.split()) > 12


def _headline(text: str, body: list[Span]) -> str | None:
    """The first body line if it reads like a headline (short, no final period, more text follows)."""
    if len(body) < 2:
        return None
    first = text[body[0].start : body[0].end]
    if len(first) < 120 and not first.endswith((".", '"')):
        return first
    return None


def _parse_front_matter(block: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: front matter is not valid YAML", "fix or remove the block between the --- lines") from exc
    if not isinstance(data, dict):
        raise InputError(f"{name}: front matter is not a mapping", "write it as key: value lines")
    return {k: v for k, v in data.items() if k in META_KEYS}


def _sidecar(path: Path) -> dict[str, Any]:
    """Metadata from PATH.meta.yaml beside the article, if present."""
    meta = path.with_suffix(".meta.yaml")
    if not meta.exists():
        return {}
    try:
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{meta}: metadata is not valid YAML", "fix the file or remove it") from exc
    return {k: v for k, v in data.items() if k in META_KEYS} if isinstance(data, dict) else {}


def _str(value: Any) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _date(value: Any, name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{name}: published date {value!r} is not YYYY-MM-DD", "fix the 'published' field") from exc
