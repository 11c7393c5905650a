"""Read articles from disk: decode, front matter, sidecar metadata, page furniture, chunks.

Every span refers to the text of the original file, so an editor can find a quote.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.models import Chunk, Source, Span
from factcheck.sources.injection import injection_spans
from factcheck.sources.metadata import parse_front_matter, published_date, read_sidecar, text_value
from factcheck.sources.page import html_to_text, looks_like_html
from factcheck.sources.selection import BINARY_KINDS
from factcheck.sources.sentences import sentences

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MAX_BYTES = 2_000_000

Warn = Callable[[str], None]


def _silent(_: str) -> None:
    """Drop a warning."""


_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FURNITURE_LINES = re.compile(
    r"^(advertisement|latest headlines|related coverage:?|related stories:?|read more:?|"
    r"share this article|sign up for .*newsletter.*|©.*|\(c\) .*|copyright .*|"
    r"by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})$",
    re.I,
)
_CAPTION = re.compile(r"(photo by .+|\((?:yonhap|ap|reuters|afp|getty images|kyodo)\)|photo: .+)\.?$", re.I)
# The line that signs an embedded post ("— Crystal Hefner (@crystalhefner) December 29, 2014"): its date
# is the post's. Two posts by one account on one day sign alike, so a repeated signature is not furniture.
_POST_SIGNATURE = re.compile(r"^[\u2014\u2013-]+\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\S.{0,40}\d{4}$")
_DATE_STAMP = re.compile(
    r"^\s*date \d{4}-\d{2}-\d{2}\b|"  # "date 2023-03-15 ..." stamps
    r"^(?:(?:published|updated|posted)[: ]\s*)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}|"
    r"\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?$",  # a bare dateline
    re.I,
)


def read_source(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None, warn: Warn = _silent
) -> Source:
    """Read one article file into a Source, or raise InputError naming the file and the fix."""
    name = str(path)
    raw = _read_bytes(path, name, max_bytes)
    text = decode(raw, name, encoding, html=path.suffix.lower() in {".html", ".htm"})
    if not text.strip():
        what = "file is empty" if not raw else "file holds only whitespace"
        raise InputError(f"{name}: {what}", "give an article with text in it")
    meta: dict[str, Any] = {}
    body_start = 0
    sidecar = read_sidecar(path)
    if looks_like_html(text):
        text, meta = html_to_text(text, warn=warn, name=name)
        meta = {**meta, **sidecar}  # the editor's sidecar corrects what the page says about itself
    elif _FRONT_MATTER_OPEN.match(text):
        match = _FRONT_MATTER.match(text)
        if not match:
            raise InputError(f"{name}: front matter has no closing --- line", "end the block with a line of ---")
        meta = {**sidecar, **parse_front_matter(match.group(1) or "", name)}
        body_start = match.end()
    else:
        meta = sidecar
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
        outlet=text_value(meta.get("outlet") or meta.get("source")),
        title=text_value(meta.get("title")) or headline,
        url=text_value(meta.get("url")),
        published=published_date(meta.get("published"), name),
        published_basis=text_value(meta.get("published_basis")),
        text=text,
        body=body,
        furniture=furniture,
    )


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, at most max_bytes of them; a missing, unreadable or oversized file is an InputError."""
    if not path.exists():
        hint = "check the path"
        if any(c in name for c in "*?["):
            hint += "; the shell passes a pattern on unchanged when no file matches it"
        raise InputError(f"{name}: no such file", hint)
    if path.is_dir():
        raise InputError(f"{name}: is a directory", f"pass the articles inside it, e.g. {name}/*.txt")
    try:
        size = path.stat().st_size if path.is_file() else None
        raw = b""
        if size is None or size <= max_bytes:
            with path.open("rb") as fh:  # bounded read: a pipe or device has no size to check first
                raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})", "check the file's permissions") from exc
    if (size or 0) > max_bytes or len(raw) > max_bytes:
        amount = f"{size:,} bytes" if size is not None else "the input"
        raise InputError(
            f"{name}: {amount} is over the {max_bytes:,}-byte size limit",
            "split the file or raise the limit with --max-bytes",
        )
    return raw


_SAVE_AS_TEXT = "save the article as .txt, .md or .html"


def decode(raw: bytes, name: str, encoding: str | None = None, html: bool = False) -> str:
    """Decode file bytes: a BOM wins, then the given encoding, then UTF-8, then an HTML page's declared charset."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], name, "utf-8")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: its BOM begins the same way
        return _decode(raw, name, "utf-32")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(raw, name, "utf-16")
    for magic, kind in BINARY_KINDS.items():
        if raw.startswith(magic):
            raise InputError(f"{name}: is {kind}, not text", _SAVE_AS_TEXT)
    if encoding is None:
        head = raw[:8192]
        if b"\x00" in head:
            odd, even = head[1::2].count(0), head[0::2].count(0)
            if max(odd, even) > len(head) // 4 and min(odd, even) < len(head) // 50 + 1:
                guess = "utf-16-le" if odd > even else "utf-16-be"
                raise InputError(
                    f"{name}: looks like UTF-16 text without a byte-order mark", f"pass --encoding {guess}"
                )
            raise InputError(f"{name}: looks like binary data, not text", _SAVE_AS_TEXT)
        if html or looks_like_html(head.decode("ascii", errors="replace")):
            try:  # pages often keep an old charset declaration after being saved as UTF-8
                raw.decode("utf-8")
            except UnicodeDecodeError:
                encoding = _html_charset(head)
    text = _decode(raw, name, encoding or "utf-8", guessed=encoding is None)
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(2, len(text[:8192]) // 100):
        raise InputError(f"{name}: looks like binary data, not text", _SAVE_AS_TEXT)
    return text


def _decode(raw: bytes, name: str, encoding: str, guessed: bool = False) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = "pass --encoding latin-1 or the file's real encoding, or re-save it as UTF-8"
        if not guessed:
            hint = "pass the file's real encoding with --encoding, or re-save it as UTF-8"
        label = "UTF-8" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding
        raise InputError(f"{name}: not valid {label} text (byte {exc.start})", hint) from exc
    except LookupError as exc:
        raise InputError(
            f"--encoding {encoding}: unknown encoding", "use a Python codec name such as latin-1 or cp1252"
        ) from exc


def _html_charset(head: bytes) -> str | None:
    """The charset a saved HTML page declares in a <meta> tag, if Python knows it."""
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", head, re.I)
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def split_body(text: str, start: int = 0) -> tuple[list[Span], list[Span]]:
    """Split text into article body paragraphs and page furniture, by line."""
    lines = list(_lines(text, start))
    stripped = [text[a:b].strip() for a, b in lines]
    occurrences = Counter(stripped)  # a line repeated in the page is furniture (caption, teaser)
    furniture: set[int] = set()
    for i, line in enumerate(stripped):
        if not line:
            continue
        if _FURNITURE_LINES.match(line) or _DATE_STAMP.match(line) or _CAPTION.search(line):
            furniture.add(i)
        if line.lower().rstrip(":") in {"related coverage", "related stories", "read more"}:
            furniture.update(j for j in range(i, len(lines)) if stripped[j] and not _is_sentence(stripped[j]))
        if occurrences[line] > 1 and len(line) > 30 and not _POST_SIGNATURE.match(line):
            furniture.add(i)
    body: list[Span] = []
    furn: list[Span] = []
    marked = injection_spans(text, start)  # whole text: a sentence addressed to a model may span lines
    ends = [m.end for m in marked]
    for i, (a, b) in enumerate(lines):
        if not stripped[i]:
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        if i in furniture:
            furn.append(Span(start=a, end=b))
            continue
        for span, is_injection in _split_injections(text, a, b, marked, ends):
            (furn if is_injection else body).append(span)
    return body, furn


def _split_injections(text: str, a: int, b: int, marked: list[Span], ends: list[int]) -> list[tuple[Span, bool]]:
    """Split a body line around sentences that address a language model (prompt injection): those are never claims."""
    pieces: list[tuple[Span, bool]] = []
    pos = a
    for k in range(bisect.bisect_right(ends, a), len(marked)):
        span = marked[k]
        if span.start >= b:
            break
        start, stop = max(span.start, pos), min(span.end, b)
        if stop <= start:
            continue
        if start > pos and text[pos:start].strip():
            pieces.append((_trimmed(text, pos, start), False))
        if text[start:stop].strip():
            pieces.append((_trimmed(text, start, stop), True))
        pos = stop
    if text[pos:b].strip():
        pieces.append((_trimmed(text, pos, b), False))
    return pieces


def _trimmed(text: str, a: int, b: int) -> Span:
    piece = text[a:b]
    return Span(start=a + len(piece) - len(piece.lstrip()), end=b - (len(piece) - len(piece.rstrip())))


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
        chunks.append(Chunk(source_id=source.id, index=len(chunks), span=span, text=chunk_text(source, span)))
        if j >= len(sents):
            break
        i = max(i + 1, j - overlap)
    return chunks


def chunk_text(source: Source, span: Span) -> str:
    """The text of a span with the page furniture inside it cut out (a caption between two paragraphs,
    a sentence addressed to a model): what the model is shown of the article."""
    parts: list[str] = []
    pos = span.start
    for cut in sorted(source.furniture, key=lambda f: f.start):
        if cut.end <= pos or cut.start >= span.end:
            continue
        parts.append(source.text[pos : cut.start])
        pos = cut.end
    parts.append(source.text[pos : span.end])
    return _BLANK_LINES.sub("\n\n", "".join(parts))


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _lines(text: str, start: int) -> Iterable[tuple[int, int]]:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)


def _is_sentence(line: str) -> bool:
    return line.endswith((".", '"', "?", "!")) and len(line.split()) > 12


def _headline(text: str, body: list[Span]) -> str | None:
    """The first body line if it reads like a headline (short, no final period or exclamation mark, more text
    follows): 'It's official: Kiara Vance is a married woman!' is the article's first sentence."""
    if len(body) < 2:
        return None
    first = text[body[0].start : body[0].end]
    if len(first) < 120 and not first.endswith((".", '"', "!")):
        return first
    return None
