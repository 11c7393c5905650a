"""Split an article's body into sentences: pysbd, cut into blocks for very long paragraphs, with the
pieces it cuts after a clock time ('at 11 p.m. | PST on Sunday') joined back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from factcheck import lexicon
from factcheck.models import Source, Span

# The sentence splitter rescans a whole paragraph once per abbreviation in it: quadratic in the
# paragraph's length. Longer paragraphs (a page saved as one line) are cut into blocks first.
SEGMENT_BLOCK_CHARS = 5000
_BLOCK_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])")
_FIRST_WORD = re.compile(r"[\"'\u201c\u2018(]?([A-Za-z]+)")


def sentences(source: Source) -> list[Span]:
    """Sentence spans of the body, in file order (furniture excluded)."""
    body = tuple((para.start, para.end) for para in source.body)
    return [Span(start=a, end=b) for a, b in _sentence_bounds(source.text, body)]


def forget_sentences() -> None:
    """Drop the kept sentence splits (benchmarks time the split itself)."""
    _sentence_bounds.cache_clear()


@lru_cache(maxsize=64)  # the extractor, the syndication check and the report each split one article: split it once
def _sentence_bounds(text: str, body: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of the body paragraphs, in order."""
    out: list[tuple[int, int]] = []
    for para_start, para_end in body:
        for start, end in _blocks(text, para_start, para_end):
            for piece in _segmenter().segment(text[start:end]):
                a = start + piece.start
                b = start + piece.end
                seg = text[a:b]
                a += len(seg) - len(seg.lstrip())
                b -= len(seg) - len(seg.rstrip())
                if b <= a:
                    continue
                if out and _continues(text[out[-1][0] : out[-1][1]], text[a:b]):
                    out[-1] = (out[-1][0], b)
                else:
                    out.append((a, b))
    return tuple(out)


def _continues(previous: str, piece: str) -> bool:
    """Whether `piece` goes on the sentence `previous` ends: the splitter took the period of a clock time
    ('11 p.m.') for a sentence end, and the piece opens with what follows such a time (a time zone, a
    weekday, a month, 'local time')."""
    if not any(previous.lower().endswith(" " + half) for half in _DOTTED_HALVES):
        return False
    first = _FIRST_WORD.match(piece)
    return first is not None and first.group(1).lower() in lexicon.words("after_clock_time") | lexicon.words(
        "time_zones"
    )


_DOTTED_HALVES = tuple(h for h in lexicon.table("clock_halves") if h.endswith("."))


def _blocks(text: str, start: int, end: int, size: int = SEGMENT_BLOCK_CHARS) -> Iterable[tuple[int, int]]:
    """Cut text[start:end] into blocks of at most about `size` characters, at a likely sentence end
    (else at a space, else anywhere); a paragraph of normal length is one block."""
    while end - start > size:
        window = text[start : start + size]
        cut = 0
        for match in _BLOCK_END.finditer(window, size // 2):
            cut = match.end()
        if not cut:
            cut = window.rfind(" ", size // 2) + 1 or size
        yield start, start + cut
        start += cut
    yield start, end


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)
