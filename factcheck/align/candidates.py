"""Candidate pairs for alignment: groups that share a rare content word, nearest first, so the cost stays
near-linear in claims rather than comparing every pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.align.slots import Group

MAX_POSTING = 48  # a word shared by more groups than this is too common to propose candidates
NEIGHBOURS = 12  # candidates kept per group, best first


def candidates(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups of one value type (and unit) that share a rare content word."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for g in groups:
        for token in g.tokens:
            postings[(g.type_group, token)].append(g.index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTING:
            for pair in combinations(ids, 2):
                shared[pair] += 1
    best: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        ga, gb = groups[a], groups[b]
        if ga.units and gb.units and not ga.units & gb.units:
            continue
        best[a].append((count, b))
        best[b].append((count, a))
    pairs: set[tuple[int, int]] = set()
    for a, near in best.items():
        for _, b in sorted(near, key=lambda x: (-x[0], x[1]))[:NEIGHBOURS]:
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)
