"""The latest instance so far, told by two reports days apart, is one instance when both dates precede both reports.

"The dialogue, last held in March 2018" (published 27 March 2023) and "the dialogue, last held in March
2017" (published 15 March 2023): 'last' moves on as a series goes on, but an instance held after the
earlier report would be dated after it by the later one. When both dates end before the earlier report,
and the two reports lie at most LATEST_DAYS apart, both name the instance that was the latest on both
days, so the two dates are one fact. When the story's only two such date groups about one thing come
from different sources, alignment lets them join at align.SOLE_SIMILARITY though their dates differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.change import one_thing
from factcheck.align.pairs import pair_of, sources_of
from factcheck.models import Source
from factcheck.values.typed import value_period

if TYPE_CHECKING:
    from factcheck.align.slots import Group

LATEST_DAYS = 31  # two reports of the latest instance this far apart name one instance


def latest_pairs(groups: Sequence[Group], sources: Mapping[str, Source] | None) -> list[tuple[int, int]]:
    """The one pair of date groups from different sources naming the latest instance of one thing, dated
    before both reports, which lie days apart; none when the story holds more such pairs."""
    if not sources:
        return []
    latest = lexicon.words("latest_orders")
    held = [g for g in groups if g.type_group == "date" and g.markers & latest]
    matched = [
        (a, b)
        for i, a in enumerate(held)
        for b in held[i + 1 :]
        if a.markers == b.markers and one_thing(a.subject, b.subject) and _before_both(a, b, sources)
    ]
    if len(matched) != 1:
        return []
    a, b = matched[0]
    return [pair_of(a, b)]


def _before_both(a: Group, b: Group, sources: Mapping[str, Source]) -> bool:
    """Whether each group comes from one source, the two from different sources published at most LATEST_DAYS
    apart, and every date of both ends before the earlier publication."""
    published = [_published(g, sources) for g in (a, b)]
    if published[0] is None or published[1] is None or sources_of(a) == sources_of(b):
        return False
    first, last = sorted((published[0], published[1]))
    if (last - first).days > LATEST_DAYS:
        return False
    periods = [value_period(c.value) for g in (a, b) for c in g.claims]
    return all(p is not None and p.end < first for p in periods)


def _published(group: Group, sources: Mapping[str, Source]) -> date | None:
    """The publication date of the group's one source, or None when it has several or none is known."""
    ids = sources_of(group)
    if len(ids) != 1:
        return None
    source = sources.get(next(iter(ids)))
    return source.published if source else None
