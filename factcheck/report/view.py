"""What every renderer shares: reading order, lookups, labels, positions and value highlights."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from factcheck.models import (
    Claim,
    Finding,
    FindingKind,
    Granularity,
    Modality,
    Period,
    Report,
    Source,
    TimelineEntry,
    ValueType,
)
from factcheck.review import Decision, Status, finding_id
from factcheck.sources.article import line_col
from factcheck.sources.sentences import sentences

REPORT_ORDER = (FindingKind.CONTRADICTION, FindingKind.AGREEMENT, FindingKind.UPDATE, FindingKind.SINGLE_SOURCE)
KIND_TITLES = {
    FindingKind.CONTRADICTION: "Contradictions",
    FindingKind.AGREEMENT: "Agreements",
    FindingKind.UPDATE: "Timelines",
    FindingKind.SINGLE_SOURCE: "Single-source claims",
}
KIND_COUNT_NAMES = {
    FindingKind.CONTRADICTION: ("contradiction", "contradictions"),
    FindingKind.AGREEMENT: ("agreement", "agreements"),
    FindingKind.UPDATE: ("update", "updates"),
    FindingKind.SINGLE_SOURCE: ("single-source claim", "single-source claims"),
}
STATUS_LABELS = {Status.CONFIRMED: "confirmed", Status.DISMISSED: "dismissed", Status.FOLLOW_UP: "needs follow-up"}
STATUS_SYMBOLS = {Status.CONFIRMED: "✔", Status.DISMISSED: "✖", Status.FOLLOW_UP: "⚑"}
UNDATED = "undated"  # a source without a publication date: its relative dates are left open
STATUS = "status"  # the attribute of claims naming the state a thing is in (see docs/claims.md)


@dataclass(frozen=True)
class QuoteView:
    """One claim's quote, ready to show: where it is and where its value sits in it."""

    claim: Claim
    source: Source
    number: int
    text: str
    line: int
    col: int
    marks: tuple[tuple[int, int], ...]
    before: str = ""
    after: str = ""

    @property
    def where(self) -> str:
        """Compiler-style position: path:line:column."""
        return f"{self.source.path}:{self.line}:{self.col}"

    def segments(self) -> list[tuple[str, bool]]:
        """The quote cut into (text, is_value) pieces."""
        pieces: list[tuple[str, bool]] = []
        at = 0
        for start, end in self.marks:
            if start > at:
                pieces.append((self.text[at:start], False))
            pieces.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            pieces.append((self.text[at:], False))
        return pieces

    def sentence(self) -> list[tuple[str, str]]:
        """The whole sentence around the quote as (text, part) pieces; part is 'context', 'quote' or 'value'."""
        pieces = [(self.before, "context")] if self.before else []
        pieces += [(text, "value" if is_value else "quote") for text, is_value in self.segments()]
        return pieces + ([(self.after, "context")] if self.after else [])


@dataclass(frozen=True)
class TimelineRow:
    """One dated value of an entity's timeline."""

    finding: Finding
    period: Period | None
    attribute: str
    value: str
    quotes: tuple[QuoteView, ...]


class ReportView:
    """A Report seen through an editor's decisions: what to show, in which order, with which labels."""

    def __init__(
        self, report: Report, decisions: Mapping[str, Decision] | None = None, show_dismissed: bool = False
    ) -> None:
        self.report = report
        self.decisions = dict(decisions or {})
        self.show_dismissed = show_dismissed
        self.sources = list(report.sources)
        self.number = {s.id: i for i, s in enumerate(self.sources, 1)}
        self._sources = {s.id: s for s in self.sources}
        self.claims = {c.id: c for c in report.claims}
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        ids = {finding_id(f) for f in report.findings}
        self.orphans = sum(1 for fid in self.decisions if fid not in ids)
        self.hidden = sum(1 for f in report.findings if self._dismissed(f)) if not show_dismissed else 0

    def _dismissed(self, finding: Finding) -> bool:
        decision = self.decision(finding)
        return decision is not None and decision.status == Status.DISMISSED

    def decision(self, finding: Finding) -> Decision | None:
        return self.decisions.get(finding_id(finding))

    def count(self, kind: FindingKind) -> int:
        """Findings of a kind, dismissed or not."""
        return sum(1 for f in self.report.findings if f.kind == kind)

    def findings(self, kind: FindingKind) -> list[Finding]:
        """Visible findings of one kind in reading order."""
        chosen = [f for f in self.report.findings if f.kind == kind and (self.show_dismissed or not self._dismissed(f))]
        return sorted(chosen, key=lambda f: (-len(set(f.source_ids)), f.subject_key, f.attribute, finding_id(f)))

    def source(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)

    def source_label(self, source: Source) -> str:
        """'[2] Kyodo News, 2023-03-15'."""
        when = source.published.isoformat() if source.published else UNDATED
        return f"[{self.number[source.id]}] {source.outlet or source.id}, {when}"

    def cite(self, quote: QuoteView) -> str:
        """A compact citation for tables: '[2] 2023-03-15 · 3:98' (the header names the outlet)."""
        when = quote.source.published.isoformat() if quote.source.published else "undated"
        return f"[{quote.number}] {when} · {quote.line}:{quote.col}"

    def quote(self, claim_id: str) -> QuoteView | None:
        """The quote of a claim, or None when the claim or its source is missing from the report."""
        claim = self.claims.get(claim_id)
        source = self.source(claim.source_id) if claim else None
        if claim is None or source is None:
            return None
        text = source.text[claim.span.start : claim.span.end] or claim.quote
        line, col = line_col(source.text, claim.span.start)
        marks = value_marks(text, claim)
        before, after = self._context(source, claim)
        return QuoteView(claim, source, self.number[source.id], text, line, col, marks, before, after)

    def _context(self, source: Source, claim: Claim) -> tuple[str, str]:
        """The rest of the sentence(s) the quote stands in: the text before it and after it."""
        if source.id not in self._sentences:
            self._sentences[source.id] = [(s.start, s.end) for s in sentences(source)] if source.body else []
        inside = [(a, b) for a, b in self._sentences[source.id] if a < claim.span.end and claim.span.start < b]
        if not inside:
            return "", ""
        start, end = min(inside[0][0], claim.span.start), max(inside[-1][1], claim.span.end)
        before, after = source.text[start : claim.span.start], source.text[claim.span.end : end]
        return (
            " ".join(before.split()) + " " if before.strip() else "",
            (" " if after[:1].isspace() else "") + " ".join(after.split()) if after.strip() else "",
        )

    def quotes(self, claim_ids: list[str]) -> list[QuoteView]:
        """Quotes of the claims, oldest source first. A status claim and the dated claim it restates
        ('canceled in 2012') are one quote: the one listed first, which is the finding's own claim."""
        found: list[QuoteView] = []
        for q in (self.quote(cid) for cid in claim_ids):
            if q is not None and not any(_restates(q.claim, k.claim) or _restates(k.claim, q.claim) for k in found):
                found.append(q)
        return sorted(found, key=lambda q: (q.source.published or date.max, q.number, q.claim.span.start))

    def confirmation(self, quotes: list[QuoteView]) -> str:
        """'planned in [1], confirmed by [4]' when forecasts and later reports of one value are pooled."""
        plans = [q for q in quotes if q.claim.modality != Modality.REPORTED]
        reports = [q for q in quotes if q.claim.modality == Modality.REPORTED]
        if not plans or not reports:
            return ""
        said = {Modality.PLANNED: "planned", Modality.EXPECTED: "expected"}.get(plans[0].claim.modality, "suggested")
        before = ", ".join(dict.fromkeys(f"[{q.number}]" for q in plans))
        after = ", ".join(dict.fromkeys(f"[{q.number}]" for q in reports))
        verb = "confirmed by" if any(q.source.published for q in reports) else "stated by"  # undated: no order
        return f"{said} in {before}, {verb} {after}"

    def timelines(self) -> list[tuple[str, list[TimelineRow]]]:
        """Update findings grouped by entity, each entity's rows in time order."""
        by_entity: dict[str, list[TimelineRow]] = {}
        for finding in self.findings(FindingKind.UPDATE):
            by_entity.setdefault(finding.subject_key, []).extend(self.timeline_rows(finding))
        for rows in by_entity.values():
            rows.sort(key=_row_order)
        return sorted(by_entity.items())

    def timeline_rows(self, finding: Finding) -> list[TimelineRow]:
        """The dated values of one update finding, in time order."""
        rows = []
        for entry in finding.timeline or _entries_from_claims(self, finding):
            quotes = tuple(self.quotes(entry.claim_ids))
            # The reconciler's entry values already speak of modality; only claim values need the suffix.
            value = (
                entry.value if finding.timeline else entry.value + modality_suffix(quotes[0].claim if quotes else None)
            )
            rows.append(TimelineRow(finding, entry.time, finding.attribute, value, quotes))
        return sorted(rows, key=_row_order)

    def single_source_counts(self) -> list[tuple[Source, int]]:
        """How many visible single-source findings each source has."""
        counts = {s.id: 0 for s in self.sources}
        for finding in self.findings(FindingKind.SINGLE_SOURCE):
            for sid in set(finding.source_ids):
                counts[sid] = counts.get(sid, 0) + 1
        return [(s, counts[s.id]) for s in self.sources]

    def single_source_by_source(self) -> list[tuple[Source, list[tuple[Finding, QuoteView]]]]:
        """Every visible single-source finding with its quote, per source in text order."""
        groups: dict[str, list[tuple[Finding, QuoteView]]] = {s.id: [] for s in self.sources}
        for finding in self.findings(FindingKind.SINGLE_SOURCE):
            for quote in self.quotes(finding.claim_ids):
                groups[quote.source.id].append((finding, quote))
        return [(s, sorted(groups[s.id], key=lambda fq: fq[1].claim.span.start)) for s in self.sources if groups[s.id]]

    def summary_counts(self) -> list[str]:
        """'2 contradictions', '9 agreements', ... for every kind."""
        return [plural(self.count(kind), *KIND_COUNT_NAMES[kind]) for kind in REPORT_ORDER]

    def failure_lines(self) -> list[str]:
        """One line per failed chunk: which source, which lines, why."""
        lines = []
        for failure in self.report.run.failures:
            source = self.source(failure.source_id)
            if source is None:
                lines.append(f"{failure.source_id} chunk {failure.chunk_index}: {failure.error}")
                continue
            first, _ = line_col(source.text, failure.span.start)
            last, _ = line_col(source.text, max(failure.span.start, failure.span.end - 1))
            lines.append(f"{self.source_label(source)}, lines {first}-{last}: {failure.error}")
        return lines

    def run_lines(self) -> list[str]:
        """Extractor, model, timings and token usage, as short lines."""
        run = self.report.run
        lines = [
            f"extractor: {run.extractor}"
            + (f", model {run.model}" if run.model else "")
            + (f" at {run.base_url}" if run.base_url else "")
            + f" (factcheck {run.factcheck_version})"
        ]
        if run.timings:
            lines.append("timings: " + ", ".join(f"{k} {v:.2f}s" for k, v in run.timings.items()))
        usage = run.usage
        if usage.requests or usage.prompt_tokens or usage.completion_tokens:
            lines.append(
                f"tokens: {usage.prompt_tokens:,} prompt + {usage.completion_tokens:,} completion "
                f"in {plural(usage.requests, 'request', 'requests')} ({usage.cached} cached)"
            )
        return lines

    def undated_line(self) -> str | None:
        """Which sources are undated, or None when every source has a date."""
        undated = [f"[{self.number[s.id]}]" for s in self.sources if s.published is None]
        if not undated:
            return None
        return (
            f"{UNDATED}: {', '.join(undated)} (no publication date: relative dates such as “on Friday” or "
            "“next month” are left open; give one with 'published:' or --published)"
        )

    def claim_line(self) -> str:
        """'62 claims from 5 sources; 3 ungrounded claims discarded'."""
        text = f"{plural(len(self.report.claims), 'claim', 'claims')} from {plural(len(self.sources), 'source', 'sources')}"
        if self.report.run.ungrounded_discarded:
            text += (
                f"; {plural(self.report.run.ungrounded_discarded, 'ungrounded claim', 'ungrounded claims')} discarded"
            )
        return text

    def review_line(self) -> str | None:
        """What the review file contributed, or None when there is nothing to say."""
        if not self.decisions:
            return None
        parts = [plural(len(self.decisions) - self.orphans, "finding reviewed", "findings reviewed")]
        if self.hidden:
            parts.append(f"{self.hidden} dismissed hidden (--show-dismissed shows them)")
        if self.orphans:
            parts.append(plural(self.orphans, "decision matches", "decisions match") + " no finding of this run")
        return "review: " + "; ".join(parts)


def _restates(status: Claim, dated: Claim) -> bool:
    """Whether a status claim restates a dated claim: same source, subject and passage, its time the date."""
    if status.attribute != STATUS or status.time is None or dated.value.period is None:
        return False
    same_passage = status.span.start < dated.span.end and dated.span.start < status.span.end
    period = dated.value.period
    return (
        status.source_id == dated.source_id
        and status.subject_key == dated.subject_key
        and same_passage
        and (period.start, period.end) == (status.time.start, status.time.end)
    )


def _row_order(row: TimelineRow) -> tuple[bool, date, str]:
    return (row.period is None, row.period.start if row.period else date.min, row.attribute)


def _entries_from_claims(view: ReportView, finding: Finding) -> list[TimelineEntry]:
    """A timeline from the finding's claims when the reconciler gave none."""
    claims = [view.claims[cid] for cid in finding.claim_ids if cid in view.claims]
    return [TimelineEntry(time=c.time, value=c.value.text, claim_ids=[c.id]) for c in claims]


def value_marks(text: str, claim: Claim) -> tuple[tuple[int, int], ...]:
    """Where the claim's value is written in its quote (case-insensitive), if it is."""
    lowered = text.lower()
    for needle in (claim.value.text, claim.value.normalized):
        needle = needle.strip().lower()
        if needle:
            at = lowered.find(needle)
            if at >= 0:
                return ((at, at + len(needle)),)
    return ()


def modality_suffix(claim: Claim | None) -> str:
    """' (expected)' for a claim about what is to come, '' for a reported fact."""
    if claim is None or claim.modality == Modality.REPORTED:
        return ""
    return f" ({claim.modality.value})"


def value_label(claim: Claim) -> str:
    """The value as written (for a status, the state it names), with its modality when it matters."""
    status = claim.attribute == STATUS and claim.value.type == ValueType.TEXT
    return (claim.value.normalized if status else claim.value.text) + modality_suffix(claim)


def slot_label(item: Finding | Claim) -> str:
    """'japan south korea security talks · last held'."""
    return f"{item.subject_key.replace('_', ' ')} · {item.attribute}"


def period_label(period: Period | None) -> str:
    """A period at the precision it was stated: 2018, 2018-03, 2023-03-16, 1910–1945."""
    if period is None:
        return "undated"
    start, end, g = period.start, period.end, period.granularity
    if g == Granularity.DAY:
        return start.isoformat()
    if g == Granularity.MONTH:
        return start.strftime("%Y-%m")
    if g == Granularity.YEAR:
        return str(start.year)
    if g == Granularity.WEEK:
        return f"week of {start.isoformat()}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{start.isoformat()}–{end.isoformat()}"


def decision_label(decision: Decision) -> str:
    """'✔ confirmed: note'."""
    text = f"{STATUS_SYMBOLS[decision.status]} {STATUS_LABELS[decision.status]}"
    return f"{text}: {decision.note}" if decision.note else text


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
