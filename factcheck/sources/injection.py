"""Sentences addressed to a language model (prompt injection) in article text and metadata.

An article is data: a sentence telling a model to ignore its instructions is never a claim and is
never shown to the model. The check reads a folded copy of the text, so that what a person would
read as the same words is caught however it is written: zero-width characters and soft hyphens
are dropped, look-alike letters from other scripts (data/confusables.tsv) and compatibility forms
(NFKC: fullwidth or mathematical letters) become plain Latin ones, and line breaks are spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from factcheck.models import Span

PATTERN = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|these\s+|my\s+)?"
    r"(?:previous|prior|above|earlier|preceding|original|system|other)\s+(?:instructions?|prompts?|directions|rules|context)\b|"
    r"\b(?:ignore|disregard|forget)\s+(?:all|any|your)\s+instructions\b|"
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+|that\s+|what\s+(?:is|was)\s+)?"
    r"(?:above|previous|preceding|before)\b|"
    r"\byou are now (?:an? )?(?:ai|assistant|language model|chatbot|dan|in developer mode)\b|"
    r"\b(?:new|updated|system) (?:instructions?|prompt)\s*:|\bsystem prompt\b|"
    r"<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[/?INST\]|(?:^|\n)\s*#{2,} ?(?:system|instructions?)\b",
    re.I,
)
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)|\n[ \t]*\n")


@lru_cache(maxsize=1)
def confusables() -> dict[str, str]:
    """Look-alike letter -> the Latin letter it imitates (factcheck/data/confusables.tsv)."""
    text = resources.files("factcheck").joinpath("data/confusables.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[2] for row in rows}


def fold(text: str) -> tuple[str, list[int]]:
    """The text as matched (see the module docstring) and, per folded character, its offset in `text`."""
    if text.isascii():
        return text, list(range(len(text)))
    table = confusables()
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in INVISIBLE:
            continue
        if ch.isascii():
            out.append(ch)
            where.append(i)
            continue
        for piece in unicodedata.normalize("NFKC", ch):
            piece = " " if piece.isspace() else table.get(piece, piece)
            out.append(piece)
            where.append(i)
    return "".join(out), where


def injection_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of text[start:end] holding a sentence addressed to a model, each from its sentence's start to its end."""
    end = len(text) if end is None else end
    folded, where = fold(text[start:end])
    spans: list[Span] = []
    for match in PATTERN.finditer(folded):
        a = start + where[match.start()] if match.start() < len(where) else end
        b = start + where[match.end() - 1] + 1
        if spans and a < spans[-1].end:
            continue
        spans.append(Span(start=_sentence_start(text, start, a), end=_sentence_end(text, b, end)))
    return spans


def _sentence_start(text: str, low: int, pos: int) -> int:
    """Just after the sentence end (or paragraph break) before pos."""
    best = low
    for m in _SENTENCE_END.finditer(text, max(low, pos - 2000), pos):
        best = m.end()
    return best


def _sentence_end(text: str, pos: int, high: int) -> int:
    """Just after the end of the sentence holding pos (its closing quote mark included)."""
    m = _SENTENCE_END.search(text, pos, high)
    if m is None:
        return high
    return m.end() if not m.group(0).startswith("\n") else m.start()


def addressed_to_model(text: str) -> bool:
    """Whether a short text (a title, an outlet name) holds anything addressed to a model."""
    return bool(injection_spans(text))
