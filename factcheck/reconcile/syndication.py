"""Near-duplicate sources (the same wire copy lightly edited): word shingles, bottom-k sketches, Jaccard."""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations, pairwise

from ..models import Source
from .keys import UnionFind
from .text import words

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
