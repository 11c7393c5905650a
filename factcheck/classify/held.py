"""A value told again later as of its publication day, with no other value told in between: still the same value, an agreement."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from itertools import accumulate, pairwise

from factcheck.classify.explain import Item
from factcheck.extract.asof import is_snapshot
from factcheck.values.timescope import (
    claim_period,
)


def held_as_of(parts: list[list[Item]], others: list[Item]) -> list[list[Item]]:
    """Join a part told only as of its publication day ('more than 400 firefighters are now on the lines')
    to the earlier part of the same value when no other value of the slot is told between them: the value held."""
    spans = {n: span for n, part in enumerate(parts) if (span := _extent(part)) is not None}
    order = sorted(spans, key=lambda n: (spans[n][0], n))
    told = sorted(span for o in others if (span := _extent([o])) is not None)
    starts = [start for start, _ in told]
    latest = list(accumulate((end for _, end in told), max))  # the latest end among the first k told
    into: dict[int, int] = {}
    for prev, n in pairwise(order):
        start, end = spans[prev][1], spans[n][0]
        k = bisect_right(starts, end)  # other values told from before `end` ...
        between = k > 0 and latest[k - 1] >= start  # ... and still told at `start`
        if not between and all(_as_of_day(i) for i in parts[n]):
            into[n] = into.get(prev, prev)
    out: dict[int, list[Item]] = {}
    for n, part in enumerate(parts):
        out.setdefault(into.get(n, n), []).extend(part)
    return list(out.values())


def _as_of_day(item: Item) -> bool:
    """Whether a claim tells a state as of its publication day ('are now on the lines', 'remain')."""
    return item.scope.from_publication or is_snapshot(item.scope.about)


def _extent(part: list[Item]) -> tuple[date, date] | None:
    """The first and last day a set of claims speaks of; None when none of them is dated."""
    found = [claim_period(i.claim, i.scope) for i in part]
    if not all(ok for _, ok in found):
        return None  # a claim that cannot hold (a forecast of a time already past) stays alone
    periods = [p for p, _ in found if p is not None]
    return (min(p.start for p in periods), max(p.end for p in periods)) if periods else None
