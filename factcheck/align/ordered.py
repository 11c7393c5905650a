"""Acts named by their place in a series: the first meeting of one thing happens once, whenever it is told.

"The first security gathering was held in Seoul in June 1998" and "the first meeting (of the security talks)
took place in June 1999" date one act: an order word fixed at any time ('first', 'second', ...: not 'last'
or 'next', which move on as the series goes on) picks out one instance of the thing. When the story's
only two groups of dates that carry one such order word about one thing come from different sources,
alignment lets them join at align.SOLE_SIMILARITY though their dates differ, so two dates of one first
act can be found to conflict. The place of that act is one fact alike: the only two groups of places
('held in: Seoul', 'first meeting venue: Tokyo') carrying one fixed order word about one thing join the
same way. Different order words ('first round' / 'second round') never pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.change import one_thing
from factcheck.align.pairs import pair_of, sources_of
from factcheck.models import Claim, ValueType
from factcheck.values.text import content_tokens

if TYPE_CHECKING:
    from factcheck.align.slots import Group

_WORD = re.compile(r"[A-Za-z]+")


def ordered_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date (or place) groups from different sources that alone in the story date (or place) the same
    numbered act."""
    fixed = lexicon.words("fixed_orders")
    by_order: dict[tuple[str, frozenset[str]], list[Group]] = defaultdict(list)
    for g in groups:
        orders = g.markers & fixed
        kind = _kind(g)
        if kind and orders:
            by_order[(kind, orders)].append(g)
    pairs = []
    for held in by_order.values():
        matched: list[tuple[Group, Group]] = []
        for alike in (one_thing, _shared_thing):  # 'first_meeting_of_the_security_talks' / 'first_..._security_talks'
            matched = matched or [
                (a, b)
                for i, a in enumerate(held)
                for b in held[i + 1 :]
                if alike(a.subject, b.subject) and not sources_of(a) & sources_of(b) and a.markers == b.markers
            ]
        if len(matched) == 1:
            a, b = matched[0]
            pairs.append(pair_of(a, b))
    return sorted(pairs)


def _shared_thing(a: str, b: str) -> bool:
    """Whether two subject keys share two content words beside their order words ('security', 'talks'), when
    neither's words lie within the other's: one numbered act worded apart ('first meeting of the security
    talks' / 'first Japan-South Korea security talks')."""
    return len((content_tokens(a) & content_tokens(b)) - lexicon.words("fixed_orders")) >= 2


def _kind(group: Group) -> str:
    """'date' for a group of dates, 'place' for a group whose every claim says where a thing was, else ''."""
    if group.type_group == "date":
        return "date"
    return "place" if group.claims and all(_place(c) for c in group.claims) else ""


def _place(claim: Claim) -> bool:
    """Whether the claim's entity value is where the thing was: its attribute ends in a place preposition
    ('held in') or a noun naming a place ('venue', 'location')."""
    words = _WORD.findall(claim.attribute.lower())
    ends = lexicon.words("place_prepositions") | lexicon.words("place_nouns")
    return claim.value.type == ValueType.ENTITY and bool(words) and words[-1] in ends


def told_apart(left: Sequence[Claim], right: Sequence[Claim], a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one source tells the two as two instances: it gives a fixed order word ('first meeting venue')
    on one side only ('venue' of the meeting planned for Thursday), so the other is not the first."""
    fixed = lexicon.words("fixed_orders")
    if a & fixed == b & fixed:
        return False
    return bool({c.source_id for c in left} & {c.source_id for c in right})
