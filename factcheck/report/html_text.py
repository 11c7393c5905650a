"""An article's full text as HTML, with every quoted span marked and given an anchor.

Quotes may nest or cross; crossing spans are closed and reopened so the markup stays well formed.
Every piece of one span carries the same data-q, so its whole text can be read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from factcheck.models import Claim, Source
from factcheck.report.view import ReportView, slot_label, value_label


@dataclass(frozen=True)
class Interval:
    """A span of text to wrap in a tag."""

    start: int
    end: int
    tag: str
    attrs: str
    first_attrs: str


def quote_anchor(view: ReportView, claim: Claim) -> str:
    """The id of a claim's span in its article: q<source number>-<start>-<end>."""
    return f"q{view.number[claim.source_id]}-{claim.span.start}-{claim.span.end}"


def article_html(view: ReportView, source: Source) -> str:
    """The escaped article text with quotes marked (anchored) and page furniture dimmed."""
    n = len(source.text)
    groups: dict[tuple[int, int], list[Claim]] = {}
    for claim in view.report.claims:
        if claim.source_id == source.id and claim.span.start < min(claim.span.end, n):
            groups.setdefault((claim.span.start, min(claim.span.end, n)), []).append(claim)
    intervals = [
        Interval(s.start, min(s.end, n), "span", ' class="furniture"', "") for s in source.furniture if s.start < s.end
    ]
    for (start, end), claims in groups.items():
        anchor = quote_anchor(view, claims[0])
        title = "; ".join(dict.fromkeys(f"{slot_label(c)} = {value_label(c)}" for c in claims))
        intervals.append(
            Interval(start, end, "mark", f' class="q" data-q="{anchor}" title="{escape(title)}"', f' id="{anchor}"')
        )
    return overlay(source.text, intervals)


def overlay(text: str, intervals: list[Interval]) -> str:
    """Escape `text` and wrap each interval in its tag, splitting crossing intervals to keep nesting valid."""
    ordered = sorted(intervals, key=lambda i: (i.start, -i.end, i.tag != "span"))
    bounds = sorted({0, len(text), *(i.start for i in ordered), *(i.end for i in ordered)})
    starts: dict[int, list[Interval]] = {}
    for interval in ordered:
        starts.setdefault(interval.start, []).append(interval)
    out: list[str] = []
    stack: list[Interval] = []
    for at, nxt in zip(bounds, [*bounds[1:], None], strict=True):
        ending = [k for k, i in enumerate(stack) if i.end <= at]
        if ending:
            low = ending[0]
            for interval in reversed(stack[low:]):
                out.append(f"</{interval.tag}>")
            reopen = [i for i in stack[low:] if i.end > at]
            del stack[low:]
            for interval in reopen:
                out.append(f"<{interval.tag}{interval.attrs}>")
                stack.append(interval)
        for interval in starts.get(at, []):
            out.append(f"<{interval.tag}{interval.first_attrs}{interval.attrs}>")
            stack.append(interval)
        if nxt is not None:
            out.append(escape(text[at:nxt], quote=False))
    for interval in reversed(stack):
        out.append(f"</{interval.tag}>")
    return "".join(out)
