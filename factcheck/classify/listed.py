"""Values an article lists side by side ('Price points: $350, $550 and $950') are several instances, not one fact in doubt.

When one source gives two values of a slot in one stretch of its text (the quotes of the two claims
overlap) on one authority (the same attribution), it lists them: each is one of several (three prices for three models, two weights for two
models). Another source giving one of them, or both, does not contradict the list. A contradiction
between two values therefore needs a pair of claims from different sources neither of which lists both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Protocol

from factcheck.classify.explain import Item


class Stated(Protocol):
    """A state of a slot: one value group and the claims that give it."""

    group: int
    items: list[Item]


Listings = dict[str, set[frozenset[int]]]


def listings(states: Iterable[Stated]) -> Listings:
    """Per source, the pairs of value groups it gives in overlapping quotes."""
    spans: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for state in states:
        for item in state.items:
            span, said_by = item.claim.span, " ".join((item.claim.attribution or "").lower().split())
            spans[item.claim.source_id].append((span.start, span.end, state.group, said_by))
    out: Listings = defaultdict(set)
    for source, rows in spans.items():
        rows.sort()
        for (s1, e1, g1, by1), (s2, e2, g2, by2) in combinations(rows, 2):
            if g1 != g2 and s2 < e1 and s1 < e2 and by1 == by2:  # on two authorities: two versions, not a list
                out[source].add(frozenset((g1, g2)))
    return out


def only_listed(s: Stated, t: Stated, listed: Listings) -> bool:
    """Whether every pair of claims from different sources setting the two values against each other comes
    from a source that lists both values side by side."""
    pair = frozenset((s.group, t.group))
    return not any(
        a.claim.source_id != b.claim.source_id
        and pair not in listed.get(a.claim.source_id, set())
        and pair not in listed.get(b.claim.source_id, set())
        for a in s.items
        for b in t.items
    )
