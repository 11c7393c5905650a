"""Join differently named slots when two sources give one specific value in the same words.

'EU fleets must give up 25 percent of the value of their catch in UK waters' and 'EU vessels are
handing back 25% of the value of their catch in UK waters' name their subject and attribute
differently, so alignment by subject key cannot pair them. The value is the anchor: claims of
different sources whose values are specific (a day or month, an amount with its unit or currency,
a named entity) and agree, and whose quotes share enough words besides the subject, the attribute
and the value, are one fact. Candidates come from postings keyed by (value, word), never all pairs,
and two slots are joined only when no value of one disagrees with a value of the other: a merge
driven by equal values may create agreements, never contradictions.

A shared word counts unless both claims name it as their subject or both as their attribute: a word
one source uses as its subject and the other merely mentions ('Brightwater won approval for
velorastat' / 'Velorastat was approved ... sold by Brightwater') is evidence, a subject both name is
not. Attributes that read alike ('percent declined' twice) count as one more word of evidence.

The more distinctive the value, the less wording it needs: an exact amount of money or a count of
a thousand or more with its unit, with two or more significant digits and not a round half or
quarter ($840 million, $1.9 billion, 31,000 riders, not $40 million, $2.5 billion or 25,000 riders),
is rarely given for two different facts of one story, so one shared word, a like attribute or one
side's subject named in the other's quote is enough. Round and small values keep the word count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from ..models import Claim, Value, ValueType
from .text import content_tokens, slug
from .values import TYPE_GROUP, Verdict, amount_of, compare, unit_of, value_period

if TYPE_CHECKING:
    from .align import AttributeForm, UnionFind

MIN_SHARED = 3  # words (or a like attribute) besides the value that quotes of two subjects must share
SAME_SUBJECT_SHARED = 2  # ... of one subject, worded as two attributes ('closed' / 'shut')
MIN_OVERLAP = 0.5  # ... as a share of the shorter quote's remaining words
MAX_POSTING = 64  # a (value, word) pair found in more claims than this is too common to pair on
MAX_SPAN_DAYS = 31  # a date names a day or a month; a year or a span is too vague to anchor a merge
MAX_CHECKS = 256  # value pairs compared before joining two slots; beyond it, the slots stay apart
SMALL_COUNT = 100  # a bare number below this ('three', '5') is too common to anchor a merge
DISTINCT_SHARED = 1  # evidence enough for a distinctive value ($840 million, 31,000 riders)
DISTINCT_FLOOR = 1000  # an amount or count below this ($12, 412 patients) is not distinctive
QUARTER = 25  # significant digits in quarters ($25 million, $1.75 billion) make a round figure

# Stems that say nothing about what a value is, so two quotes sharing them are no more alike.
WEAK_WORDS = frozenset(
    {"more", "less", "those", "these", "there", "then", "had", "has", "have", "will", "would", "could",
     "can", "may", "might", "also", "not", "up", "under", "say", "some", "all", "other", "such"}
)

SlotKey = tuple[str, str, str]
Row = tuple[Claim, str, str, "AttributeForm"]


@dataclass(frozen=True)
class Entry:
    """One claim that can anchor a merge: its slot key, value key and remaining quote words."""

    source_id: str
    slot: SlotKey
    markers: frozenset[str]
    value: Value
    words: frozenset[str]
    quote: frozenset[str]
    subject: frozenset[str]
    attribute: frozenset[str]
    attribute_text: str
    distinct: bool


def anchor_key(value: Value) -> Hashable | None:
    """What a specific value is keyed by (a month, an amount with its unit, a name), or None if vague.

    Days are keyed by their month, so a day and another source's same day meet; the comparison decides."""
    group = TYPE_GROUP[value.type]
    if group == "date":
        period = value_period(value)
        if period is None or (period.end - period.start).days >= MAX_SPAN_DAYS:
            return None
        if (period.start.year, period.start.month) != (period.end.year, period.end.month):
            return None
        return ("date", period.start.year, period.start.month)
    if group in ("quantity", "money"):
        if value.type == ValueType.ORDINAL:
            return None
        amount, unit = amount_of(value), unit_of(value)
        if amount is None or amount == 0:
            return None
        if group == "quantity" and not unit and amount == int(amount) and abs(amount) < SMALL_COUNT:
            return None
        return (group, unit or "", round(amount, 6))
    if value.type != ValueType.ENTITY:
        return None
    key = slug(value.normalized) or slug(value.text)
    return ("name", key) if key else None


def distinctive(value: Value) -> bool:
    """Whether an amount with its unit or currency is exact enough to need little wording: a
    thousand or more, two or more significant digits, and not a half or quarter of its scale."""
    if TYPE_GROUP[value.type] not in ("quantity", "money") or value.type == ValueType.ORDINAL:
        return False
    amount, unit = amount_of(value), unit_of(value)
    if amount is None or not unit or abs(amount) < DISTINCT_FLOOR:
        return False
    exact = Decimal(repr(round(abs(amount), 6))).normalize()
    if not exact.is_finite():
        return False
    digits = exact.as_tuple().digits
    mantissa = int("".join(map(str, digits)))
    if mantissa < 10 or mantissa % QUARTER == 0:
        return False
    scaled = abs(amount)  # in its thousands, millions or billions: 1.5 (billion) is a half, 95 (million) is not
    while scaled >= 1000:
        scaled /= 1000
    return not (len(digits) == 2 and digits[-1] == 5 and scaled < 10)


def remaining_words(claim: Claim) -> frozenset[str]:
    """Content words of the quote that are not the subject, the attribute or the value."""
    named = _subject_tokens(claim) | content_tokens(claim.attribute) | _value_tokens(claim)
    return content_tokens(claim.quote) - named


def _subject_tokens(claim: Claim) -> frozenset[str]:
    """Content words of the claim's subject key and subject wording."""
    return content_tokens(claim.subject_key) | content_tokens(claim.subject)


def _value_tokens(claim: Claim) -> frozenset[str]:
    """Content words of the claim's value as written and as normalised."""
    return content_tokens(claim.value.text) | content_tokens(claim.value.normalized)


@lru_cache(maxsize=65536)
def fold(tokens: frozenset[str]) -> frozenset[str]:
    """Stems without a final 'e', so 'decline' meets 'declined' (stemmed 'declin'); single letters
    ('s' of "agency's") and words any two quotes may share ('more', 'had', 'say') are dropped."""
    return frozenset(
        t[:-1] if len(t) > 4 and t.endswith("e") else t for t in tokens if len(t) > 1 and t not in WEAK_WORDS
    )


def _entry(claim: Claim, slot: SlotKey, markers: frozenset[str]) -> Entry | None:
    """A claim's anchoring record, its word sets folded alike; None if its quote says nothing else
    (unless its value is distinctive: its subject or attribute may be named in the other quote)."""
    value, subject = _value_tokens(claim), _subject_tokens(claim)
    quote = content_tokens(claim.quote) - value
    attribute = content_tokens(claim.attribute)
    words = fold(quote - subject - attribute)
    distinct = distinctive(claim.value)
    if not words and not distinct:
        return None
    return Entry(
        claim.source_id, slot, markers, claim.value, words, fold(quote), fold(subject), fold(attribute),
        claim.attribute, distinct,
    )


def evidence(a: Entry, b: Entry) -> int:
    """Words the two quotes share besides the value, less those both name as subject or both as
    attribute, plus one when the attributes read alike."""
    return shared_words(a, b) + (1 if like_attributes(a, b) else 0)


def shared_words(a: Entry, b: Entry) -> int:
    """Words the two quotes share besides the value, less those both name as subject or both as attribute."""
    trivial = (a.subject & b.subject) | (a.attribute & b.attribute)
    return len((a.quote & b.quote) - trivial)


def like_attributes(a: Entry, b: Entry) -> bool:
    """Whether the two claims' attributes read alike ('percent declined' twice)."""
    from .align import same_attribute  # align imports this module

    return same_attribute(a.attribute_text, b.attribute_text)


def mentions(a: Entry, b: Entry) -> bool:
    """Whether one side's subject, not the other's, is named in the other's quote."""
    return bool(((a.subject - b.subject) & b.quote) or ((b.subject - a.subject) & a.quote))


def merge_across_subjects(rows: Sequence[Row], attrs: UnionFind[SlotKey]) -> None:
    """Join the slots of two sources' claims that give one specific value in the same words."""
    entries: list[Entry] = []
    postings: dict[tuple[Hashable, str], list[int]] = defaultdict(list)
    for claim, subj, group, form in rows:
        key = anchor_key(claim.value)
        if key is None:
            continue
        entry = _entry(claim, (subj, group, form.key), form.markers)
        if entry is None or len(entry.quote) < SAME_SUBJECT_SHARED:
            continue
        n = len(entries)
        entries.append(entry)
        for word in entry.quote:
            postings[(key, word)].append(n)
        if entry.distinct:  # the value alone pairs them: a like attribute may be all they share
            postings[(key, "")].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ns in postings.values():
        if len(ns) <= MAX_POSTING:
            for pair in combinations(ns, 2):
                shared[pair] += 1
    pairs = [
        (entries[i], entries[j])
        for (i, j), count in sorted(shared.items())
        if (count >= SAME_SUBJECT_SHARED or entries[i].distinct) and _candidates(entries[i], entries[j])
    ]
    if not pairs:
        return
    values = _slot_values(rows, attrs)
    for a, b in pairs:
        ra, rb = attrs.find(a.slot), attrs.find(b.slot)
        if ra == rb or not _compatible(values[ra], values[rb]):
            continue
        attrs.union(ra, rb)
        root = attrs.find(ra)
        merged = {**values.pop(ra), **values.pop(rb)}
        values[root] = merged


def _candidates(a: Entry, b: Entry) -> bool:
    """Two sources, one value, the same markers ('first' is never 'last'), and quotes alike enough:
    one subject needs less evidence than two differently named ones, a distinctive value less still."""
    if a.source_id == b.source_id or a.markers != b.markers:
        return False
    if a.distinct and b.distinct:
        return _distinct_evidence(a, b) and compare(a.value, b.value) == Verdict.AGREE
    if not a.words or not b.words:
        return False
    needed = SAME_SUBJECT_SHARED if a.slot[0] == b.slot[0] else MIN_SHARED
    count = evidence(a, b)
    if count < needed or count / min(len(a.words), len(b.words)) < MIN_OVERLAP:
        return False
    return compare(a.value, b.value) == Verdict.AGREE


def _distinct_evidence(a: Entry, b: Entry) -> bool:
    """One shared word, one side's subject named in the other's quote, or a like attribute where both
    quotes say more than subject, attribute and value ('X revenue $840 million' twice is no fact)."""
    if shared_words(a, b) >= DISTINCT_SHARED or mentions(a, b):
        return True
    return bool(a.words and b.words) and like_attributes(a, b)


def _slot_values(rows: Sequence[Row], attrs: UnionFind[SlotKey]) -> dict[SlotKey, dict[tuple[str, ...], Value]]:
    """The distinct values held by each slot as merged so far."""
    out: dict[SlotKey, dict[tuple[str, ...], Value]] = defaultdict(dict)
    for claim, subj, group, form in rows:
        v = claim.value
        key = (v.type.value, v.normalized, v.text, v.unit or "", v.qualifier or "")
        out[attrs.find((subj, group, form.key))][key] = v
    return out


def _compatible(a: dict[tuple[str, ...], Value], b: dict[tuple[str, ...], Value]) -> bool:
    """Whether no value of one slot disagrees with a value of the other (too many to check: no)."""
    if len(a) * len(b) > MAX_CHECKS:
        return False
    return all(compare(x, y) != Verdict.DISAGREE for x in a.values() for y in b.values())
