"""Acts named by their place in a series: the first meeting of one thing happens once, whenever it is told.

"The first security gathering was held in Seoul in June 1998" and "the first meeting (of the security talks)
took place in June 1999" date one act: an order word fixed at any time ('first', 'second', ...: not 'last'
or 'next', which move on as the series goes on) picks out one instance of the thing. When the story's
only two groups of dates that carry one such order word about one thing come from different sources,
alignment lets them join at align.SOLE_SIMILARITY though their dates differ, so two dates of one first
act can be found to conflict. Different order words ('first round' / 'second round') never pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.change import one_thing

if TYPE_CHECKING:
    from factcheck.align.slots import Group


def ordered_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date groups from different sources that alone in the story date the same numbered act."""
    fixed = lexicon.words("fixed_orders")
    by_order: dict[frozenset[str], list[Group]] = defaultdict(list)
    for g in groups:
        orders = g.markers & fixed
        if g.type_group == "date" and orders:
            by_order[orders].append(g)
    pairs = []
    for held in by_order.values():
        matched = [
            (a, b)
            for i, a in enumerate(held)
            for b in held[i + 1 :]
            if one_thing(a.subject, b.subject) and not _sources(a) & _sources(b) and a.markers == b.markers
        ]
        if len(matched) == 1:
            a, b = matched[0]
            pairs.append((min(a.index, b.index), max(a.index, b.index)))
    return sorted(pairs)


def _sources(group: Group) -> set[str]:
    return {c.source_id for c in group.claims}
