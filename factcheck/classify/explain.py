"""One-line explanations an editor can read: values, sources, dates and short quotes."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.models import Claim, Granularity, Modality, Period, Source, ValueType
from factcheck.values.text import words
from factcheck.values.timescope import Scope, status_attribute

QUOTE_WIDTH = 110
MODALITY_WORDS = {Modality.PLANNED: "planned: ", Modality.EXPECTED: "expected: ", Modality.HEDGED: "possibly "}
FORECAST_WORDS = {Modality.PLANNED: "planned", Modality.EXPECTED: "expected", Modality.HEDGED: "suggested"}


@dataclass(frozen=True)
class Item:
    """A claim in a slot with what the reconciler derives for it."""

    claim: Claim
    cid: str
    scope: Scope
    cluster: str
    source: Source | None
    event: str | None = None  # a disputed event the claim is scoped to (see events.py)


def topic(subject_key: str, attribute: str) -> str:
    """'japan south korea security talks, last held'."""
    return f"{subject_key.replace('_', ' ')}, {attribute}"


def value_label(item: Item, with_reported: bool = False) -> str:
    """The value as written, prefixed by its modality when it is not a plain report."""
    prefix = MODALITY_WORDS.get(item.claim.modality, "reported: " if with_reported else "")
    return f"{prefix}{value_text(item.claim)}"


def value_text(claim: Claim) -> str:
    """The value as written; a relative date ('next month') also shows what it resolved to; a status its state."""
    value = claim.value
    if value.type == ValueType.TEXT and status_attribute(claim.attribute):
        return value.normalized.replace("_", " ")  # 'being revisited', as written 'are revisiting'
    if value.type == ValueType.DATE:
        if value.normalized[:4].isdigit() and value.normalized[:4] not in value.text:
            return f"{value.text} ({value.normalized})"
        return value.text
    if value.type in (ValueType.ENTITY, ValueType.TEXT):
        resolved = value.normalized.replace("_", " ")
        if not set(words(resolved)) <= set(words(value.text)):
            return f"{value.text} ({resolved})"
    return value.text


def source_label(item: Item) -> str:
    """'000 2023-03-27' (id and publication date when known)."""
    published = item.scope.published
    return f"{item.claim.source_id} {published.isoformat()}" if published else item.claim.source_id


def period_label(period: Period | None) -> str:
    """A period at the precision it was given: 2016-09-09, 2016-09, 2016 or a range."""
    if period is None:
        return "undated"
    start, end = period.start, period.end
    if start == end:
        return start.isoformat()
    if period.granularity == Granularity.YEAR or (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    month_end = calendar.monthrange(end.year, end.month)[1]
    whole_month = period.granularity == Granularity.MONTH or (start.day == 1 and end.day == month_end)
    if whole_month and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def short_quote(claim: Claim, width: int = QUOTE_WIDTH) -> str:
    """The quote on one line, cut to about `width` characters around the value as written."""
    quote = " ".join(claim.quote.split())
    if len(quote) <= width:
        return quote
    at = quote.lower().find(claim.value.text.lower())
    centre = at + len(claim.value.text) // 2 if at >= 0 else 0
    start = max(0, min(centre - width // 2, len(quote) - width))
    cut = quote[start : start + width].strip()
    return ("..." if start > 0 else "") + cut + ("..." if start + width < len(quote) else "")


def sources_of(items: Sequence[Item]) -> list[str]:
    """Distinct source ids in first-seen order."""
    return list(dict.fromkeys(i.claim.source_id for i in items))


def syndication_note(items: Sequence[Item]) -> str:
    """Name near-duplicate sources that were counted once."""
    by_cluster: dict[str, list[str]] = {}
    for sid, cluster in dict.fromkeys((i.claim.source_id, i.cluster) for i in items):
        by_cluster.setdefault(cluster, []).append(sid)
    copies = [ids for ids in by_cluster.values() if len(ids) > 1]
    if not copies:
        return ""
    return "; near-duplicate copies counted once: " + ", ".join(" = ".join(ids) for ids in copies)


def side(items: Sequence[Item]) -> str:
    """One side of a contradiction: value, sources with dates, and the first quote."""
    first = items[0]
    labels = ", ".join(dict.fromkeys(source_label(i) for i in items))
    return f'"{value_text(first.claim)}" ({labels}: "{short_quote(first.claim)}")'


def contradiction(subject_key: str, attribute: str, a: Sequence[Item], b: Sequence[Item], more: int) -> str:
    extra = f" (and {more} more differing value{'s' if more > 1 else ''})" if more else ""
    return f"{topic(subject_key, attribute)}: {side(a)} vs {side(b)}{extra}"


def lead(entry: Sequence[Item]) -> Item:
    """The claim that names a timeline entry: its first report, else its first forecast."""
    return next((i for i in entry if not i.scope.anticipatory), entry[0])


def confirmation(items: Sequence[Item]) -> str:
    """'planned in 000 2023-03-27, confirmed by 003 2023-10-05' when forecasts and later reports are pooled."""
    plans = [i for i in items if i.scope.anticipatory]
    reports = [i for i in items if not i.scope.anticipatory]
    if not plans or not reports:
        return ""
    said = FORECAST_WORDS.get(plans[0].claim.modality, "expected")
    before = ", ".join(dict.fromkeys(source_label(i) for i in plans))
    after = ", ".join(dict.fromkeys(source_label(i) for i in reports))
    verb = "confirmed by" if any(i.scope.asof for i in reports) else "stated by"  # undated: no order to read
    return f"{said} in {before}, {verb} {after}"


def update(subject_key: str, attribute: str, entries: Sequence[Sequence[Item]]) -> str:
    mixed = len({i.scope.anticipatory for e in entries for i in e}) > 1
    parts = []
    for entry in entries:
        first = lead(entry)
        confirmed = confirmation(entry)
        labels = confirmed or ", ".join(dict.fromkeys(source_label(i) for i in entry))
        about = first.scope.about
        when = f", about {period_label(about)}" if about is not None and not first.scope.from_publication else ""
        parts.append(f"{value_label(first, mixed)} ({labels}{when})")
    return f"{topic(subject_key, attribute)} changed over time: " + " -> ".join(parts)


def agreement(subject_key: str, attribute: str, items: Sequence[Item], independent: int) -> str:
    variants = list(
        dict.fromkeys(value_text(i.claim) if status_attribute(attribute) else i.claim.value.text for i in items)
    )
    ids = sources_of(items)
    confirmed = confirmation(items)
    prefix = "" if confirmed else MODALITY_WORDS.get(items[0].claim.modality, "")
    head = prefix + (variants[0] if len(variants) == 1 else " / ".join(f'"{v}"' for v in variants))
    tail = f"; {confirmed}" if confirmed else ""
    return (
        f"{topic(subject_key, attribute)}: {head}, agreed by {independent} independent sources "
        f"({', '.join(ids)}){tail}{syndication_note(items)}"
    )


def single(subject_key: str, attribute: str, items: Sequence[Item]) -> str:
    ids = sources_of(items)
    return (
        f"{topic(subject_key, attribute)}: {value_label(items[0])}, only in {', '.join(ids)}{syndication_note(items)}"
    )
