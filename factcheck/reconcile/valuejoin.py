"""Join slots whose claims give DIFFERENT amounts of one measure, so time can tell update from contradiction.

'The RESOLVE study enrolled 412 patients' (subject 'resolve') and 'The study, called RESOLVE, enrolled
421 patients' (subject 'study') land in two slots, so neither the correction nor the disagreement is
seen. Alignment never joins slots whose values disagree; this pass does, conservatively, and only for
counts and amounts: the two claims come from different sources, give amounts of one unit or currency
(a unit that names the thing counted, not a percentage or a span of time), name the same subject (one
subject key's words within the other's, or named in the other's quote), and say the same thing of it
(the attributes read alike beyond the unit, the quotes share words besides subject and value, or,
for a count, one subject key lies within the other). Candidates come from postings keyed by (unit, subject word), never all pairs.

The slots' own classification then decides agreement, update or contradiction. A join after which the
slot contradicts across the two sides needs stronger evidence: attributes that read alike beyond the
unit, and sources published within one window. Otherwise the slots stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Claim, Finding, FindingKind, Source, ValueType
from .align import TYPE_WORDS, Slot, UnionFind, same_attribute
from .crossalign import fold
from .text import content_tokens, slug
from .values import TYPE_GROUP, Verdict, amount_of, compare, unit_of

MAX_POSTING = 64  # a (unit, word) pair found in more claims than this is too common to pair on
MAX_SLOT = 24  # claims in a slot joined this way; bigger slots stay as aligned
MIN_CONTEXT = 2  # quote words besides subject, attribute and value that show one statement
WINDOW_DAYS = 183  # sources farther apart than this are not trusted to contradict through a join
# Units that say how something is measured, not what is counted: '25 percent' of one thing and
# '15 percent' of another, or an age and a duration, share them without being one measure.
GENERIC_UNITS = frozenset(
    {"percent", "%", "per cent", "percentage point", "point", "time", "year", "month", "week", "day",
     "hour", "minute", "second", "decade", "century", "people", "person"}
)

Judge = Callable[[Slot], list[Finding]]


@dataclass(frozen=True)
class Entry:
    """One claim that may anchor a join: its slot, unit and word sets."""

    slot: int
    claim: Claim
    unit: str
    subject: frozenset[str]
    attribute: frozenset[str]
    quote: frozenset[str]
    context: frozenset[str]


def measure_unit(claim: Claim) -> str | None:
    """The unit or currency a count or amount is given in, or None when it is vague or generic."""
    value = claim.value
    group = TYPE_GROUP[value.type]
    if group not in ("quantity", "money") or value.type == ValueType.ORDINAL:
        return None
    amount, unit = amount_of(value), unit_of(value)
    if amount is None or amount == 0 or not unit or unit in GENERIC_UNITS:
        return None
    return f"{group}:{unit}"


def _entry(n: int, claim: Claim) -> Entry | None:
    """A claim's record for joining, or None when its value cannot anchor one."""
    unit = measure_unit(claim)
    if unit is None:
        return None
    subject = content_tokens(" ".join((slug(claim.subject_key) or slug(claim.subject)).split("_")))
    if not subject:
        return None
    unit_words = content_tokens(claim.value.unit or "")
    value_words = content_tokens(claim.value.text) | content_tokens(claim.value.normalized) | unit_words
    attribute = content_tokens(claim.attribute) - unit_words - TYPE_WORDS
    quote = content_tokens(claim.quote)
    context = fold(quote - value_words - subject - content_tokens(claim.subject)) | fold(attribute)
    return Entry(n, claim, unit, subject, attribute, quote, context)


def _same_subject(a: Entry, b: Entry) -> bool:
    """One subject's words all within the other's subject, or all named in the other's quote."""
    return a.subject <= b.subject or b.subject <= a.subject or a.subject <= b.quote or b.subject <= a.quote


def _same_statement(a: Entry, b: Entry) -> bool:
    """The attributes read alike beyond the unit, the quotes share words besides subject and value,
    or, for a count, one subject key lies within the other: the thing counted says what is meant."""
    if _alike_attributes(a, b) or len(a.context & b.context) >= MIN_CONTEXT:
        return True
    return a.unit.startswith("quantity:") and (a.subject < b.subject or b.subject < a.subject)


def _alike_attributes(a: Entry, b: Entry) -> bool:
    """Attributes that share a word besides the unit and read alike ('patients enrolled' twice)."""
    if not a.attribute or not b.attribute or not a.attribute & b.attribute:
        return False
    return same_attribute(a.claim.attribute, b.claim.attribute)


def candidate_pairs(slots: Sequence[Slot]) -> list[tuple[Entry, Entry]]:
    """Claim pairs of two slots and two sources, giving disagreeing amounts of one measure alike."""
    entries: list[Entry] = []
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, slot in enumerate(slots):
        if slot.group not in ("quantity", "money") or len(slot.claims) > MAX_SLOT:
            continue
        for claim in slot.claims:
            entry = _entry(n, claim)
            if entry is None:
                continue
            k = len(entries)
            entries.append(entry)
            for word in entry.subject | entry.quote:
                postings[(entry.unit, word)].append(k)
    seen: set[tuple[int, int]] = set()
    out: list[tuple[Entry, Entry]] = []
    for i, a in enumerate(entries):
        for word in sorted(a.subject):
            ks = postings.get((a.unit, word), [])
            if len(ks) > MAX_POSTING:
                continue
            for j in ks:
                pair = (min(i, j), max(i, j))
                if i == j or pair in seen:
                    continue
                seen.add(pair)
                x, y = entries[pair[0]], entries[pair[1]]
                if _joinable(x, y):
                    out.append((x, y))
    return out


def _joinable(a: Entry, b: Entry) -> bool:
    """Two slots, two sources, one subject and statement, and amounts that disagree."""
    if a.slot == b.slot or a.claim.source_id == b.claim.source_id:
        return False
    if not _same_subject(a, b) or not _same_statement(a, b):
        return False
    return compare(a.claim.value, b.claim.value) == Verdict.DISAGREE


def _published(source: Source | None) -> date | None:
    """A source's publication date, if known."""
    return source.published if source is not None else None


def _strong(a: Entry, b: Entry, sources: dict[str, Source]) -> bool:
    """Evidence enough for a contradiction: alike attributes and one publication window."""
    if not _alike_attributes(a, b):
        return False
    da, db = _published(sources.get(a.claim.source_id)), _published(sources.get(b.claim.source_id))
    return da is not None and db is not None and abs((da - db).days) <= WINDOW_DAYS


def _merged(slots: Sequence[Slot], members: Sequence[int]) -> Slot:
    """One slot holding the claims of several, named like the largest of them."""
    base = max((slots[m] for m in members), key=lambda s: (len(s.claims), -len(s.subject_key)))
    claims = sorted(
        (c for m in members for c in slots[m].claims), key=lambda c: (c.source_id, c.span.start, c.span.end, c.id)
    )
    return Slot(subject_key=base.subject_key, attribute=base.attribute, group=base.group, claims=claims)


def _contradicts_across(findings: list[Finding], left: set[str], right: set[str]) -> bool:
    """Whether a contradiction pits a claim of one side against a claim of the other."""
    for f in findings:
        if f.kind == FindingKind.CONTRADICTION:
            ids = set(f.claim_ids)
            if ids & left and ids & right:
                return True
    return False


def join_differing(slots: Sequence[Slot], sources: dict[str, Source], judge: Judge) -> list[Slot]:
    """Join slots that give disagreeing amounts of one measure of one subject (see module docstring)."""
    pairs = candidate_pairs(slots)
    if not pairs:
        return list(slots)
    groups: UnionFind[int] = UnionFind()
    members: dict[int, list[int]] = {n: [n] for n in range(len(slots))}
    for a, b in pairs:
        ra, rb = groups.find(a.slot), groups.find(b.slot)
        if ra == rb or len(members[ra]) + len(members[rb]) > 4:
            continue
        size = sum(len(slots[m].claims) for m in members[ra] + members[rb])
        if size > MAX_SLOT:
            continue
        merged = _merged(slots, members[ra] + members[rb])
        left = {c.id for m in members[ra] for c in slots[m].claims}
        right = {c.id for m in members[rb] for c in slots[m].claims}
        if _contradicts_across(judge(merged), left, right) and not _strong(a, b, sources):
            continue
        groups.union(ra, rb)
        root = groups.find(ra)
        joined = members.pop(ra) + members.pop(rb)
        members[root] = sorted(joined)
    out = [_merged(slots, ms) if len(ms) > 1 else slots[ms[0]] for _, ms in sorted(members.items())]
    out.sort(key=lambda s: (s.subject_key, s.attribute, s.group))
    return out


__all__ = ["candidate_pairs", "join_differing", "measure_unit"]
