"""Match produced findings against expected ones by quotes, sources and values; by slot name only when no quote is given.

Scoring does not use the reconciler's alignment: an expectation that gives quotes matches whatever
the extractor called the slot, and a slot name is compared by its own plain rule (equal stemmed words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, Field

from factcheck.errors import InputError
from factcheck.evaluate.suite import ExpectedFinding
from factcheck.models import Claim, Finding, FindingKind, Value, ValueType
from factcheck.values.text import STOPWORDS, content_tokens, slug
from factcheck.values.typed import compare, parse_period
from factcheck.values.verdict import Verdict

MIN_PART = 2  # words of a claim's quote that cites part of an expected quote
MIN_PART_CHARS = 12  # ... and characters: 'Monday' or 'in 2014' cite too many quotes


class MatchStatus(StrEnum):
    MATCHED = "matched"  # an expected finding was produced
    MISSING = "missing"  # an expected finding was not produced
    AVOIDED = "avoided"  # a forbidden finding was not produced
    PRODUCED = "produced"  # a forbidden finding was produced


PASSING = {MatchStatus.MATCHED, MatchStatus.AVOIDED}


class Outcome(BaseModel):
    """What became of one expectation in one case."""

    id: str
    kind: FindingKind
    subject_key: str
    attribute: str
    sources: list[str]
    values: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)
    absent: bool = False
    status: MatchStatus
    finding_id: str | None = Field(default=None, description="The produced finding that matched or offended.")
    explanation: str | None = None
    note: str | None = None

    @property
    def passed(self) -> bool:
        return self.status in PASSING

    def label(self) -> str:
        """One line naming the expectation: kind, slot and sources."""
        sources = f" [{', '.join(_short(s) for s in self.sources)}]" if self.sources else ""
        values = f" = {' -> '.join(self.values)}" if self.values else ""
        head = f"no {self.kind.value}" if self.absent else self.kind.value
        slot = (
            f"{self.subject_key}/{self.attribute}" if self.subject_key else " vs ".join(f'"{q}"' for q in self.quotes)
        )
        return f"{head} {slot}{values}{sources}"


class Unexpected(BaseModel):
    """A produced finding of a kind the case lists completely that no expectation accounts for."""

    key: str = Field(description="kind:subject_key/attribute, stable across runs.")
    finding_id: str
    source_ids: list[str]
    explanation: str


def resolve_sources(names: Sequence[str], source_ids: Sequence[str], where: str) -> list[str]:
    """Expand each name (a source id or a unique prefix of one) to a source id of the case."""
    out = []
    for name in names:
        if name in source_ids:
            out.append(name)
            continue
        hits = [s for s in source_ids if s.startswith(name)]
        if len(hits) != 1:
            what = "matches no source" if not hits else f"is ambiguous ({', '.join(hits)})"
            raise InputError(f"{where}: source {name!r} {what}", f"use one of: {', '.join(source_ids)}")
        out.append(hits[0])
    return out


def match_case(
    expectations: Sequence[ExpectedFinding],
    findings: Sequence[Finding],
    claims: Sequence[Claim],
    source_ids: Sequence[str],
    complete: Sequence[FindingKind],
    where: str,
) -> tuple[list[Outcome], list[Unexpected], set[str]]:
    """Outcomes of every expectation, unexpected findings of complete kinds, ids of findings that matched."""
    by_id = {c.id: c for c in claims}
    outcomes: list[Outcome] = []
    used: set[str] = set()
    for exp in expectations:
        sources = resolve_sources(exp.sources, source_ids, f"{where}: {exp.key()}")
        hits = [f for f in findings if f.kind == exp.kind and finding_matches(exp, sources, f, by_id)]
        if exp.absent and exp.kind == FindingKind.CONTRADICTION:
            hits = [f for f in hits if set_against(exp.quotes, f, by_id)]
        if exp.absent:
            status = MatchStatus.PRODUCED if hits else MatchStatus.AVOIDED
        else:
            status = MatchStatus.MATCHED if hits else MatchStatus.MISSING
            used.update(f.id for f in hits)
        first = hits[0] if hits else None
        outcomes.append(
            Outcome(
                id=exp.key(),
                kind=exp.kind,
                subject_key=exp.subject_key,
                attribute=exp.attribute,
                sources=sources,
                values=exp.values,
                quotes=exp.quotes,
                absent=exp.absent,
                status=status,
                note=exp.note,
                finding_id=first.id if first else None,
                explanation=first.explanation if first else None,
            )
        )
    unexpected = [
        Unexpected(
            key=f"{f.kind.value}:{f.subject_key}/{f.attribute}",
            finding_id=f.id,
            source_ids=f.source_ids,
            explanation=f.explanation,
        )
        for f in findings
        if f.kind in complete and f.id not in used
    ]
    return outcomes, unexpected, used


def finding_matches(exp: ExpectedFinding, sources: Sequence[str], finding: Finding, claims: dict[str, Claim]) -> bool:
    """The expected sources cited, each expected quote within a claim's quote, the values carried; without
    quotes, the same slot name (the finding's own or one of its claims')."""
    members = [claims[c] for c in finding.claim_ids if c in claims]
    names = [(finding.subject_key, finding.attribute)] + [(c.subject_key, c.attribute) for c in members]
    if (
        exp.subject_key
        and not exp.quotes
        and not any(same_subject(exp.subject_key, s) and same_attribute(exp.attribute, a) for s, a in names)
    ):
        return False
    if not set(sources) <= set(finding.source_ids):
        return False
    quoted = [" ".join(c.quote.lower().split()) for c in members]
    if not all(any(holds(text, q) for text in quoted) for q in exp.quotes):
        return False
    if not exp.values:
        return True
    if finding.kind == FindingKind.UPDATE and finding.timeline:
        steps = [[claims[c].value for c in entry.claim_ids if c in claims] for entry in finding.timeline]
        return _in_order(exp.values, steps)
    found = [c.value for c in members]
    return all(any(value_matches(v, actual) for actual in found) for v in exp.values)


def set_against(quotes: Sequence[str], finding: Finding, claims: dict[str, Claim]) -> bool:
    """Whether a contradiction sets the claims of two quotes against each other: some claim holding one quote
    and some holding the other carry values that cannot both be true ('denied' and 'denied' stand on one side;
    so do 'more than three meters' and 'three meters and a half' against 'almost three meters'). Without two
    quotes, any contradiction that holds them counts."""
    if len(quotes) != 2:
        return True
    members = [claims[c] for c in finding.claim_ids if c in claims]
    held = [[c.value for c in members if holds(" ".join(c.quote.lower().split()), q)] for q in quotes]
    return any(compare(a, b) == Verdict.DISAGREE for a in held[0] for b in held[1])


def holds(text: str, quote: str) -> bool:
    """Whether a claim's quote (folded) cites an expected quote. It holds it; or it lies within it as a phrase of at
    least MIN_PART words and MIN_PART_CHARS characters ('six-month study' cites 'In the six-month study'); or the two
    share a run of at least MIN_PART whole words that holds a figure and a word beside it that is not a stopword
    ('Krell, 52' cites 'The jury convicted Krell, 52'; '11 libraries reopened this morning' cites 'Its 11 libraries
    reopened'; 'in 2014' cites nothing). An extractor may quote less, or another stretch, of the sentence than the
    expectation's writer did."""
    said, part = _said(quote), _said(text)
    if said in text:
        return True
    if len(part) >= MIN_PART_CHARS and len(part.split()) >= MIN_PART and f" {part} " in f" {said} ":
        return True
    run = _common_run(_WORD.findall(said), _WORD.findall(part))
    figures = [w for w in run if any(c.isdigit() for c in w)]
    named = [w for w in run if w not in figures and w not in STOPWORDS]
    return len(run) >= MIN_PART and bool(figures) and bool(named)


_WORD = re.compile(r"[^\W_]+(?:[-'’.:][^\W_]+)*")


def _common_run(a: Sequence[str], b: Sequence[str]) -> Sequence[str]:
    """The longest run of words both sequences hold in order, side by side."""
    best: Sequence[str] = ()
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            if k > len(best):
                best = a[i : i + k]
    return best


def _said(quote: str) -> str:
    """An expected quote as compared: lower case, spaces folded, no punctuation at its ends ('The suspect, aged 23,'
    is held by a claim quoting 'The suspect, aged 23')."""
    return " ".join(quote.lower().split()).strip(" ,;:.")


def same_subject(expected: str, produced: str) -> bool:
    """Equal entity keys, or one key's words all within the other (the reconciler folds such keys)."""
    a, b = slug(expected), slug(produced)
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = set(a.split("_")), set(b.split("_"))
    return wa <= wb or wb <= wa


def same_attribute(expected: str, produced: str) -> bool:
    """The same stemmed content words ('first meeting date' = 'date of first meeting')."""
    return content_tokens(expected) == content_tokens(produced)


def value_matches(expected: str, actual: Value) -> bool:
    """The expected normal form equals the value's; for dates, one period lies within the other
    ("2023-03" and "2023-03-06"); for amounts, the same number (and currency)."""
    if slug(expected) == slug(actual.normalized):
        return True
    if actual.type == ValueType.DATE:
        wanted, got = parse_period(expected), actual.period or parse_period(actual.normalized)
        return wanted is not None and got is not None and (wanted.contains(got) or got.contains(wanted))
    if actual.number is None:
        return False
    parts = expected.split()
    try:
        amount = float(parts[-1].replace(",", ""))
    except (ValueError, IndexError):
        return False
    unit_ok = len(parts) == 1 or (actual.unit or "").upper() == parts[0].upper()
    return unit_ok and amount == actual.number


def _in_order(expected: Sequence[str], steps: Sequence[Sequence[Value]]) -> bool:
    """Expected values appear in the timeline in this order (other steps may come between)."""
    position = 0
    for value in expected:
        while position < len(steps) and not any(value_matches(value, v) for v in steps[position]):
            position += 1
        if position == len(steps):
            return False
        position += 1
    return True


def _short(source_id: str) -> str:
    return source_id.split("_")[0] if "_" in source_id else source_id
