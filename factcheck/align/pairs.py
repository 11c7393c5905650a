"""Small helpers the evidence rules share: which sources give a group, a pair of groups as an ordered key, and
the pairs that are the only two groups of a bucket."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.align.slots import Group


def sources_of(group: Group) -> set[str]:
    """The sources whose claims make up the group."""
    return {c.source_id for c in group.claims}


def pair_of(a: Group, b: Group) -> tuple[int, int]:
    """The two groups' indexes, lower first: the key a join is proposed under."""
    return (min(a.index, b.index), max(a.index, b.index))


def only_two(
    buckets: Iterable[Sequence[Group]], test: Callable[[Group, Group], bool] = lambda a, b: True
) -> list[tuple[int, int]]:
    """The pairs, sorted, of buckets holding exactly two groups, from different sources, that pass the test."""
    pairs = {
        pair_of(a, b)
        for held in buckets
        if len(held) == 2
        for a, b in [held]
        if not sources_of(a) & sources_of(b) and test(a, b)
    }
    return sorted(pairs)
