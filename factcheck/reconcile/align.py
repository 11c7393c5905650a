"""Align claims of many sources into slots (same subject, same attribute) with blocking, not all pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from ..entities import country_key, spells_acronym
from ..models import Claim
from .crossalign import merge_across_subjects
from .text import content_tokens, slug, words
from .values import TYPE_GROUP

# Words that only restate the value's type: 'first meeting date' and 'first meeting place' differ by type.
TYPE_WORDS = frozenset(
    {
        "date",
        "day",
        "year",
        "month",
        "time",
        "when",
        "place",
        "location",
        "venue",
        "city",
        "site",
        "number",
        "count",
        "amount",
        "total",
        "figure",
        "name",
        "value",
    }
)
# Words that change what is meant: 'first meeting' is never 'last meeting'.
MARKERS = {
    "first": "first",
    "initial": "first",
    "inaugural": "first",
    "original": "first",
    "last": "last",
    "previous": "last",
    "latest": "last",
    "recent": "last",
    "next": "next",
    "upcoming": "next",
    "former": "former",
    "current": "current",
    "new": "new",
    "final": "final",
    "second": "second",
    "third": "third",
    "fourth": "fourth",
    "fifth": "fifth",
}
MAX_POSTING = 64  # a token shared by more attribute forms than this is too common to block on
MAX_BUCKET = 64  # a value shared by more attribute forms than this is not used to merge them
QUOTE_SIMILARITY = 70.0
CONTEXT_WORDS = 6  # words either side of the value that say what it is
CONTEXT_MIN_SHARED = 3
CONTEXT_JACCARD = 0.6
ATTRIBUTE_SIMILARITY = 90.0
ACRONYM_LENGTH = (3, 8)  # letters of a key that may be an acronym; a name spelling it needs as many words

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets with a deterministic representative (the smallest key)."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        root = self.parent.setdefault(x, x)
        while self.parent[root] != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if str(ra) <= str(rb) else (rb, ra)
            self.parent[hi] = lo


@dataclass(frozen=True)
class AttributeForm:
    """An attribute reduced to what matters for matching."""

    markers: frozenset[str]
    core: frozenset[str]

    @property
    def key(self) -> str:
        return " ".join(sorted(self.markers)) + "|" + " ".join(sorted(self.core))


def attribute_form(attribute: str) -> AttributeForm:
    """Stemmed content words of an attribute, with marker words apart and type words dropped."""
    tokens = content_tokens(attribute)
    markers = frozenset(MARKERS[t] for t in tokens if t in MARKERS)
    rest = frozenset(t for t in tokens if t not in MARKERS)
    core = frozenset(t for t in rest if t not in TYPE_WORDS) or rest
    return AttributeForm(markers, core)


@dataclass
class Slot:
    """Claims about the same subject and attribute, with comparable value types."""

    subject_key: str
    attribute: str
    group: str
    claims: list[Claim] = field(default_factory=list)


def align(claims: Iterable[Claim]) -> list[Slot]:
    """Group claims into slots; candidate pairs come only from shared blocks (subject, token, value)."""
    rows = [
        (c, slug(c.subject_key) or slug(c.subject), TYPE_GROUP[c.value.type], attribute_form(c.attribute))
        for c in claims
    ]
    spelled = _acronym_folds({subj for _, subj, _, _ in rows})
    rows = [(c, spelled.get(subj, subj), group, form) for c, subj, group, form in rows]
    folds = _fold_subjects({(subj, group, form.key) for _, subj, group, form in rows})
    rows = [(c, folds.get((subj, group, form.key), subj), group, form) for c, subj, group, form in rows]
    forms: dict[tuple[str, str], dict[str, AttributeForm]] = defaultdict(dict)
    for _, subj, group, form in rows:
        forms[(subj, group)][form.key] = form
    attrs: UnionFind[tuple[str, str, str]] = UnionFind()
    for (subj, group), block in forms.items():
        for a, b in _similar_forms(block):
            attrs.union((subj, group, a), (subj, group, b))
    _merge_by_value(rows, attrs)
    _merge_by_context(rows, attrs)
    merge_across_subjects(rows, attrs)
    slots: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim, subj, group, form in rows:
        slots[attrs.find((subj, group, form.key))].append(claim)
    out = [_slot(group, members) for (_, group, _), members in slots.items()]
    out.sort(key=lambda s: (s.subject_key, s.attribute, s.group))
    return out


def _slot(group: str, claims: list[Claim]) -> Slot:
    """Name a slot by its most frequent subject key and attribute wording."""
    subject = _most_common(slug(c.subject_key) or slug(c.subject) for c in claims)
    attribute = _most_common(" ".join(words(c.attribute)) for c in claims)
    claims = sorted(claims, key=lambda c: (c.source_id, c.span.start, c.span.end, c.id))
    return Slot(subject_key=subject, attribute=attribute, group=group, claims=claims)


def _most_common(items: Iterable[str]) -> str:
    counts = Counter(items)
    return min(counts, key=lambda k: (-counts[k], len(k), k))


def _acronym_folds(subjects: set[str]) -> dict[str, str]:
    """A spelled-out name folds into the one acronym key its initials spell
    ('general_security_of_military_information_agreement' -> 'gsomia'): an article read on its own
    cannot learn that another article's acronym names the same thing."""
    acronyms: dict[str, list[str]] = defaultdict(list)
    for key in sorted(subjects):
        if "_" not in key and ACRONYM_LENGTH[0] <= len(key) <= ACRONYM_LENGTH[1] and key.isalpha() \
                and country_key(key) is None:
            acronyms[key[0]].append(key)
    folds: dict[str, str] = {}
    for key in subjects:
        words = key.split("_")
        if len(words) < ACRONYM_LENGTH[0]:
            continue
        hits = [a for a in acronyms.get(words[0][:1], []) if spells_acronym(words, a)]
        if len(hits) == 1:
            folds[key] = hits[0]
    return folds


def _fold_subjects(blocks: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """Within one attribute, fold a subject key into the one fuller key that contains all its words
    ('security_talks' -> 'japan_south_korea_security_talks'); other attributes are not affected."""
    by_block: dict[tuple[str, str], set[str]] = defaultdict(set)
    for subj, group, key in blocks:
        by_block[(group, key)].add(subj)
    folds: dict[tuple[str, str, str], str] = {}
    for (group, key), subjects in by_block.items():
        postings: dict[str, set[str]] = defaultdict(set)
        for k in subjects:
            for token in k.split("_"):
                postings[token].add(k)
        for k in subjects:
            tokens = k.split("_")
            if len(tokens) < 2:
                continue
            lists = sorted((postings[t] for t in tokens), key=len)
            if len(lists[0]) > MAX_POSTING:
                continue
            supers = set(lists[0]).intersection(*lists[1:]) - {k}
            if len(supers) == 1:
                folds[(k, group, key)] = next(iter(supers))
    return folds


def _similar_forms(block: dict[str, AttributeForm]) -> list[tuple[str, str]]:
    """Pairs of attribute forms of one subject that share a word and read alike."""
    postings: dict[str, list[str]] = defaultdict(list)
    for key in sorted(block):
        for token in block[key].core:
            postings[token].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in postings.values():
        if len(keys) > MAX_POSTING:
            continue
        for a, b in combinations(keys, 2):
            if (a, b) not in pairs and _forms_match(block[a], block[b]):
                pairs.add((a, b))
    return sorted(pairs)


def same_attribute(a: str, b: str) -> bool:
    """Whether two attribute phrases name one slot, with the tolerance alignment uses."""
    fa, fb = attribute_form(a), attribute_form(b)
    return fa.key == fb.key or _forms_match(fa, fb)


def _forms_match(a: AttributeForm, b: AttributeForm) -> bool:
    """Same markers, and the same words but for one extra word, or a spelling variant."""
    if a.markers != b.markers:
        return False
    small, large = (a.core, b.core) if len(a.core) <= len(b.core) else (b.core, a.core)
    if small and small <= large and len(large - small) <= 1:
        return True
    return fuzz.token_sort_ratio(" ".join(sorted(a.core)), " ".join(sorted(b.core))) >= ATTRIBUTE_SIMILARITY


def _merge_by_value(rows: list[tuple[Claim, str, str, AttributeForm]], attrs: UnionFind[tuple[str, str, str]]) -> None:
    """Differently worded attributes of one subject with the same value and alike quotes are one slot."""
    buckets: dict[tuple[str, str, str], dict[str, tuple[AttributeForm, str]]] = defaultdict(dict)
    for claim, subj, group, form in rows:
        bucket = buckets[(subj, group, slug(claim.value.normalized))]
        bucket.setdefault(form.key, (form, claim.quote))
    for (subj, group, _), bucket in sorted(buckets.items()):
        if len(bucket) < 2 or len(bucket) > MAX_BUCKET:
            continue
        for a, b in combinations(sorted(bucket), 2):
            (fa, qa), (fb, qb) = bucket[a], bucket[b]
            if fa.markers == fb.markers and fuzz.token_set_ratio(qa.lower(), qb.lower()) >= QUOTE_SIMILARITY:
                attrs.union((subj, group, a), (subj, group, b))


def value_context(claim: Claim, width: int = CONTEXT_WORDS) -> frozenset[str]:
    """Content words around the value in the quote: what the quote says about the value."""
    quote = claim.quote
    at = quote.lower().find(claim.value.text.lower())
    if at < 0 or not claim.value.text:
        return frozenset()
    left = words(quote[:at])[-width:]
    right = words(quote[at + len(claim.value.text) :])[:width]
    return content_tokens(" ".join(left + right))


def _merge_by_context(rows: list[tuple[Claim, str, str, AttributeForm]], attrs: UnionFind[tuple[str, str, str]]) -> None:
    """Differently worded attributes whose values sit in the same wording in two sources are one slot
    ('In early March, South Korea announced a solution' / 'On March 6, South Korea decided on a solution')."""
    blocks: dict[tuple[str, str], list[tuple[str, str, AttributeForm, frozenset[str]]]] = defaultdict(list)
    for claim, subj, group, form in rows:
        context = value_context(claim)
        if len(context) >= CONTEXT_MIN_SHARED:
            blocks[(subj, group)].append((claim.source_id, form.key, form, context))
    for (subj, group), entries in sorted(blocks.items()):
        postings: dict[str, list[int]] = defaultdict(list)
        for n, (_, _, _, context) in enumerate(entries):
            for token in context:
                postings[token].append(n)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for ns in postings.values():
            if len(ns) <= MAX_POSTING:
                for pair in combinations(ns, 2):
                    shared[pair] += 1
        for (i, j), count in sorted(shared.items()):
            (src_a, key_a, form_a, ctx_a), (src_b, key_b, form_b, ctx_b) = entries[i], entries[j]
            if count < CONTEXT_MIN_SHARED or src_a == src_b or key_a == key_b or form_a.markers != form_b.markers:
                continue
            if count / len(ctx_a | ctx_b) >= CONTEXT_JACCARD:
                attrs.union((subj, group, key_a), (subj, group, key_b))
