"""Near-duplicate sources (the same wire copy lightly edited): word shingles, bottom-k sketches, Jaccard."""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import combinations, pairwise

from factcheck.models import Claim, Finding, Source
from factcheck.values.keys import UnionFind
from factcheck.values.text import words

SHINGLE = 5  # words per shingle
SKETCH = 64  # smallest shingle hashes kept per source
MIN_SHARED = 2  # sketch values two sources must share to be compared exactly
MAX_POSTING = 50  # sources sharing one sketch value beyond this are compared along a chain, not all pairs
JACCARD = 0.5  # shingle overlap over union that makes two bodies one story
CONTAINMENT = 0.8  # or: share of the shorter body found in the longer one (a trimmed copy)


def body_text(source: Source) -> str:
    """The article body without front matter or page furniture."""
    if not source.body:
        return source.text
    return "\n".join(source.text[span.start : span.end] for span in source.body)


def shingles(text: str) -> frozenset[int]:
    """64-bit hashes of every run of SHINGLE consecutive words (a short text is one shingle)."""
    tokens = words(text)
    count = max(1, len(tokens) - SHINGLE + 1) if tokens else 0
    grams = (" ".join(tokens[i : i + SHINGLE]) for i in range(count))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams)


def similarity(a: frozenset[int], b: frozenset[int]) -> tuple[float, float]:
    """Jaccard and containment (of the smaller in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def near_duplicates(sources: Sequence[Source]) -> list[tuple[str, str, float]]:
    """Pairs of sources whose bodies are near-duplicates, with their Jaccard similarity."""
    sets = {s.id: shingles(body_text(s)) for s in sources}
    postings: dict[int, list[str]] = defaultdict(list)
    for sid in sorted(sets):
        for h in heapq.nsmallest(SKETCH, sets[sid]):
            postings[h].append(sid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in postings.values():
        pairs = combinations(ids, 2) if len(ids) <= MAX_POSTING else pairwise(ids)
        for a, b in pairs:
            shared[(a, b)] += MIN_SHARED if len(ids) > MAX_POSTING else 1
    found = []
    for (a, b), count in sorted(shared.items()):
        if count < MIN_SHARED:
            continue
        jaccard, containment = similarity(sets[a], sets[b])
        if jaccard >= JACCARD or containment >= CONTAINMENT:
            found.append((a, b, round(jaccard, 3)))
    return found


def syndication_clusters(sources: Sequence[Source]) -> dict[str, str]:
    """Map each source id to the id of its near-duplicate group (its smallest member id)."""
    groups: UnionFind[str] = UnionFind()
    for source in sources:
        groups.find(source.id)
    by_hash: dict[str, str] = {}
    for source in sorted(sources, key=lambda s: s.id):
        if source.sha256 in by_hash:
            groups.union(by_hash[source.sha256], source.id)
        by_hash.setdefault(source.sha256, source.id)
    for a, b, _ in near_duplicates(sources):
        groups.union(a, b)
    return {source.id: groups.find(source.id) for source in sources}


# --- one origin counts once ---------------------------------------------------------------------

REPEATED_SIMILARITY = 90.0  # rapidfuzz ratio at which two sentences are one sentence repeated
REPEATED_RUN = 8  # or: words in a row the two sentences share ("it's the same pizza as they sold when")
MIN_REPEATED_CHARS = 60  # shorter sentences are worded alike by chance
MAX_PAIRED_CLAIMS = 60  # beyond this many claims in a finding, sentences are compared along a chain only
_ACCORDING = re.compile(r"\baccording to (?:the |a |an )?(?P<who>[A-Z0-9][^,;]*?)\s*$")
_REPORTED = re.compile(r"^(?P<who>(?:[A-Z][\w.&'-]*\s+){0,4}[A-Z][\w.&'-]*)\s+(?:reported|wrote|first reported)\b")


def origin_of(attribution: str | None) -> tuple[str, str] | None:
    """The named origin a claim is attributed to, as (key, words as written): 'according to Canada.com'."""
    for part in (attribution or "").split(", "):
        part = part.strip()
        match = _ACCORDING.search(part) or _REPORTED.match(part)
        if match:
            who = match.group("who").strip().rstrip(".")
            return " ".join(words(who)), part
    return None


def count_by_origin(findings: Sequence[Finding], claims: Sequence[Claim], sources: Sequence[Source]) -> list[Finding]:
    """Findings whose independent sources count one origin once: sources quoting the same origin or
    repeating one sentence near-verbatim, besides near-duplicate copies. Each such origin is named."""
    by_claim = {c.id: c for c in claims}
    by_source = {s.id: s for s in sources}
    clusters = syndication_clusters(sources)
    sentence = _SentenceOf(by_source)
    out = []
    for finding in findings:
        members = [by_claim[cid] for cid in finding.claim_ids if cid in by_claim]
        if len({c.source_id for c in members}) < 2:
            out.append(finding)
            continue
        groups: UnionFind[str] = UnionFind()
        for claim in members:
            groups.union(claim.source_id, clusters.get(claim.source_id, claim.source_id))
        labels: dict[str, str] = {}
        _join_origins(groups, members, labels)
        _join_repeated(groups, members, sentence, labels)
        roots: dict[str, set[str]] = defaultdict(set)
        for claim in members:
            roots[groups.find(claim.source_id)].add(claim.source_id)
        notes = [
            f"{labels[root]}: 1 origin, {len(ids)} articles"
            for root, ids in sorted(roots.items())
            if len(ids) > 1 and root in labels
        ]
        count = min(finding.independent_sources or len(roots), len(roots))
        out.append(finding.model_copy(update={"independent_sources": count, "origins": notes}))
    return out


def _join_origins(groups: UnionFind[str], members: Sequence[Claim], labels: dict[str, str]) -> None:
    """Sources that attribute the claim to one named origin are one group, labelled with its words."""
    first: dict[str, Claim] = {}
    said: dict[str, str] = {}
    for claim in sorted(members, key=lambda c: (c.source_id, c.span.start)):
        origin = origin_of(claim.attribution)
        if origin is None:
            continue
        key, words_as_written = origin
        if key in first and first[key].source_id != claim.source_id:
            groups.union(first[key].source_id, claim.source_id)
        first.setdefault(key, claim)
        said.setdefault(key, words_as_written)
    for key, claim in first.items():
        labels.setdefault(groups.find(claim.source_id), f"“{said[key]}”")
    for root in list(labels):  # a label follows its group's root after later unions
        labels.setdefault(groups.find(root), labels[root])


def _join_repeated(
    groups: UnionFind[str], members: Sequence[Claim], sentence: _SentenceOf, labels: dict[str, str]
) -> None:
    """Sources that repeat the claim's sentence near-verbatim are one group."""
    from rapidfuzz import fuzz

    said = [(c, *sentence(c)) for c in sorted(members, key=lambda c: (c.source_id, c.span.start))]
    said = [(c, s, raw) for c, s, raw in said if len(s) >= MIN_REPEATED_CHARS]
    pairs = combinations(said, 2) if len(said) <= MAX_PAIRED_CLAIMS else pairwise(said)
    for (a, text_a, raw_a), (b, text_b, _) in pairs:
        if a.source_id == b.source_id or groups.find(a.source_id) == groups.find(b.source_id):
            continue
        if a.value.normalized != b.value.normalized:  # sides of a dispute are often worded alike
            continue
        if fuzz.ratio(text_a, text_b) >= REPEATED_SIMILARITY or _shared_run(text_a, text_b) >= REPEATED_RUN:
            before = {groups.find(a.source_id), groups.find(b.source_id)}
            groups.union(a.source_id, b.source_id)
            root = groups.find(a.source_id)
            label = next((labels[r] for r in sorted(before) if r in labels), None)
            labels[root] = label or f"the same sentence repeated (“{_short(raw_a)}”)"


def _shared_run(a: str, b: str) -> int:
    """The longest run of words two sentences share."""
    wa, wb = a.split(), b.split()
    return SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb)).size


def _short(text: str, width: int = 60) -> str:
    """A sentence cut to about width characters."""
    return text if len(text) <= width else text[: width - 3].rsplit(" ", 1)[0] + "..."


class _SentenceOf:
    """The sentence a claim's quote stands in, normalised for comparison (cached per source)."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def __call__(self, claim: Claim) -> tuple[str, str]:
        """(the sentence as lower-case words, the sentence as written)."""
        source = self.sources.get(claim.source_id)
        if source is None:
            return " ".join(words(claim.quote)), claim.quote
        if source.id not in self.spans:
            from factcheck.sources.sentences import sentences

            self.spans[source.id] = [(s.start, s.end) for s in sentences(source)]
        spans = self.spans[source.id]
        inside = [(a, b) for a, b in spans if a < claim.span.end and claim.span.start < b]
        a, b = (inside[0][0], inside[-1][1]) if inside else (claim.span.start, claim.span.end)
        raw = " ".join(source.text[a:b].split())
        return " ".join(words(raw)), raw
