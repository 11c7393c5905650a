"""A stated maximum and a measure above it: 'growing up to 5 inches' / 'measures just about 10 inches'.

Groups whose instance words differ are kept apart when their values conflict: a peak is not the running
figure, so 'a peak of 900' beside '600 now' is two facts. One case is not: when the only instance word
between them is a maximum on one side, and every amount of the other side, in the same unit, lies above
every amount of the maximum, the two cannot both be true whatever else the other measures. Such a pair
may then join as one fact in conflict, under every other guard of alignment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.values.typed import amount_of

if TYPE_CHECKING:
    from factcheck.align.slots import Group

MAXIMUM = "peak"  # the instance a maximum names ('maximum', 'peak': instance_words in the lexicon)


def exceeds_maximum(a: Group, b: Group, markers_a: frozenset[str], markers_b: frozenset[str]) -> bool:
    """Whether the groups differ only by a maximum on one side, and the other side's amounts all lie above it."""
    if markers_a ^ markers_b != {MAXIMUM} or a.type_group not in ("quantity", "money"):
        return False
    top, other = (a, b) if MAXIMUM in markers_a else (b, a)
    if not top.units or top.units != other.units:
        return False
    tops = [amount_of(c.value) for c in top.claims]
    rest = [amount_of(c.value) for c in other.claims]
    if any(x is None for x in tops + rest) or not tops or not rest:
        return False
    return min(x for x in rest if x is not None) > max(x for x in tops if x is not None)
