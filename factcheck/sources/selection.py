"""Which of the given paths are articles: folders opened, sidecars and factcheck's own files set aside."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.sources.metadata import is_sidecar

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
REVIEW_FILE_NAME = "factcheck-review.json"  # the review file (review.py) kept beside the articles
CACHE_SUFFIXES = {".sqlite3", ".sqlite", ".db"}
_SQLITE = b"SQLite format 3\x00"
BINARY_KINDS = {  # the first bytes of files that are not text, and what they are
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx, .epub)",
    b"\x1f\x8b": "gzip-compressed",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "an RTF document",
}
_REPORT_MARKS = ("factcheck report", '"schema_version"')
_ARTICLES_HINT = "pass article files (.txt, .md or .html)"


@dataclass(frozen=True)
class Skipped:
    """A path that is not an article, and why."""

    path: str
    reason: str
    fix: str = _ARTICLES_HINT

    def line(self) -> str:
        """The one line said about it."""
        return f"{self.path}: skipped, {self.reason}"

    def error(self) -> InputError:
        """The error when nothing but such files was given."""
        return InputError(f"{self.path}: {self.reason}", self.fix)


def select(paths: list[str]) -> tuple[list[str], list[Skipped]]:
    """The article paths among the arguments, folders expanded in name order, and what was set aside."""
    articles: list[str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if _is_dir(path):
            inside = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            for entry in inside:
                name = str(entry)
                reason = "a folder (folders inside a folder are not read)" if _is_dir(entry) else not_article(entry)
                if reason is None and entry.suffix.lower() not in ARTICLE_SUFFIXES:
                    reason = f"not an article ({entry.suffix or 'no extension'}; articles are .txt, .md or .html)"
                (articles.append(name) if reason is None else skipped.append(Skipped(name, reason)))
            if not inside:
                skipped.append(Skipped(raw, "an empty folder"))
            continue
        reason = not_article(path)
        (articles.append(raw) if reason is None else skipped.append(Skipped(raw, reason, _fix(reason))))
    return articles, skipped


def not_article(path: Path) -> str | None:
    """Why a file is not an article (a sidecar, factcheck's review file, report or cache, a PDF...), or None."""
    name = path.name.lower()
    if is_sidecar(path):
        return "sidecar metadata of an article, not an article"
    if name == REVIEW_FILE_NAME or (name.startswith("factcheck-review") and name.endswith(".json")):
        return "factcheck's review file, not an article"
    if name.startswith(".factcheck-review") and name.endswith(".lock"):
        return "the lock of factcheck's review file, not an article"
    if path.suffix.lower() in CACHE_SUFFIXES:
        return "a database (factcheck's cache?), not an article"
    head = _head(path)
    if head.startswith(_SQLITE):
        return "a database (factcheck's cache?), not an article"
    for magic, kind in BINARY_KINDS.items():
        if head.startswith(magic) and path.suffix.lower() not in ARTICLE_SUFFIXES:
            return f"is {kind}, not text"
    if _is_report(path, head):
        return "a report written by factcheck, not an article"
    if path.suffix.lower() in {".json", ".yaml", ".yml", ".csv", ".xml", ".css", ".js"}:
        return f"not an article ({path.suffix}; articles are .txt, .md or .html)"
    return None


def _fix(reason: str) -> str:
    """The fix to name when a file set aside for this reason was the only one given."""
    if reason.startswith("a report"):
        return "pass the articles; to reconcile a JSON report's claims again, use --claims FILE"
    return "save the article as .txt, .md or .html" if reason.startswith("is ") else _ARTICLES_HINT


def _is_report(path: Path, head: bytes) -> bool:
    """Whether the file starts like a report factcheck wrote (terminal, JSON, Markdown or HTML)."""
    text = head[:4096].decode("utf-8", errors="replace")
    first = text.lstrip()[:400]
    if first.startswith("{") and '"schema_version"' in first and '"sources"' in text:
        return True
    if first.startswith("# factcheck report\n") or "<title>factcheck report:" in text:
        return True
    return first[:1] in "╭+" and _REPORT_MARKS[0] in first.splitlines()[0] if first else False


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (nothing for a pipe or device: reading would consume it)."""
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as fh:
            return fh.read(4096)
    except OSError:
        return b""


def _is_dir(path: Path) -> bool:
    """Whether a path is a folder (False for a symlink loop or an unreadable path)."""
    try:
        return path.is_dir()
    except OSError:
        return False
