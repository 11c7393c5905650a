"""Small helpers the evidence rules share: which sources give a group, and a pair of groups as an ordered key."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.align.slots import Group


def sources_of(group: Group) -> set[str]:
    """The sources whose claims make up the group."""
    return {c.source_id for c in group.claims}


def pair_of(a: Group, b: Group) -> tuple[int, int]:
    """The two groups' indexes, lower first: the key a join is proposed under."""
    return (min(a.index, b.index), max(a.index, b.index))
