"""Find a model's quote in the original article text and return its exact span.

The model's quote is only a search key: the span (and the quote a report shows) always comes
from the file text. Matching forgives what copying text commonly changes: runs of whitespace,
curly versus straight quote marks and dashes, zero-width characters and soft hyphens, and, as a
last resort, letter case.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.models import Source, Span

MIN_QUOTE_CHARS = 12
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_TRIM = " \t\r\n\"'"
# Invisible characters that copying text adds or drops: zero-width spaces and joiners, word joiner,
# byte-order mark, soft hyphen. Neither side's are compared.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class Normalized:
    """Text with whitespace collapsed and punctuation folded, mapped back to original offsets."""

    text: str
    starts: array[int]  # 4 bytes an offset, not a Python int each: a cached article stays small
    ends: array[int]


@lru_cache(maxsize=64)  # find_quote normalises the same chunk once per claim: do it once per chunk
def normalize(text: str, offset: int = 0, casefold: bool = False) -> Normalized:
    """Fold quote marks and dashes, collapse whitespace runs to one space; keep an offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending_space: int | None = None
    for i, ch in enumerate(text.translate(_FOLD)):
        pos = offset + i
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if pending_space is None:
                pending_space = pos
            continue
        if pending_space is not None and out:
            out.append(" ")
            starts.append(pending_space)
            ends.append(pos)
        pending_space = None
        piece = ch.lower() if casefold else ch
        for sub in piece:
            out.append(sub)
            starts.append(pos)
            ends.append(pos + 1)
    return Normalized("".join(out), array("I", starts), array("I", ends))


def find_quote(source: Source, quote: str, near: Span | None = None) -> Span | None:
    """Span of `quote` in the article body, preferring a match inside `near`; None if absent."""
    regions = [near] if near is not None else []
    regions.append(Span(start=0, end=len(source.text)))
    for casefold in (False, True):
        needles = _variants(quote, casefold)
        for region in regions:
            hay = normalize(source.text[region.start : region.end], region.start, casefold)
            for needle in needles:
                span = _first_in_body(hay, needle, source.body)
                if span is not None:
                    return span
    return None


def _variants(quote: str, casefold: bool) -> list[str]:
    """The quote normalised, then without surrounding quote marks or a trailing ellipsis."""
    base = normalize(quote, casefold=casefold).text.strip()
    out = [base]
    trimmed = base.strip(_TRIM)
    if trimmed.endswith(("...", "\u2026")):
        trimmed = trimmed.rstrip(".\u2026 ")
    if trimmed != base:
        out.append(trimmed)
    return [v for v in out if len(v) >= MIN_QUOTE_CHARS and any(c.isalpha() for c in v)]


def _first_in_body(hay: Normalized, needle: str, body: Sequence[Span]) -> Span | None:
    """First occurrence of needle in hay that starts and ends inside article body paragraphs."""
    start = hay.text.find(needle)
    while start >= 0:
        span = Span(start=hay.starts[start], end=hay.ends[start + len(needle) - 1])
        if not body or (_in_body(span.start, body) and _in_body(span.end - 1, body)):
            return span
        start = hay.text.find(needle, start + 1)
    return None


def _in_body(pos: int, body: Sequence[Span]) -> bool:
    return any(b.start <= pos < b.end for b in body)
