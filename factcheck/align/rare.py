"""Evidence beyond wording: the story's only few statements of one exact, specific value.

Two outlets may word one fact far apart ("ground was broken on 14 March 2022" / "construction began
on March 14, 2022"; "the town of 4,200 people" / "4,200 residents"). When a value is specific (a day,
an amount of 100 or more or in a named unit, a name of four content words or more: "the 1st Battalion of the
66th Armor Regiment" / "the 1st Battalion of the 66th Armored Regiment") and only two or three groups of claims
in the story give it (at most two of them from one source), they very likely state one fact: alignment lets them join as an agreement from a
lower similarity (RARE_SIMILARITY), under its guards of one instance, one thing named and one
source, one value. It never lets values in conflict join: two facts that share a value stay two slots
when either carries another value against the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from factcheck.align.pairs import sources_of
from factcheck.models import Granularity, Value, ValueType
from factcheck.values.keys import generic_units
from factcheck.values.text import content_tokens
from factcheck.values.typed import TYPE_GROUP, amount_of, compare_measures, unit_of, value_period

if TYPE_CHECKING:
    from factcheck.align.slots import Group

RARE_AMOUNT = 100  # a count below this is given alike by chance too often
MAX_HOLDERS = 3  # a value given by more groups than this is not rare in the story
RARE_NAME_WORDS = 4  # a name of this many content words is specific ('1st Battalion of the 66th Armor Regiment')
RARE_SIMILARITY = 0.3  # such groups agree from this similarity (slots.join_by_meaning)


def rare_value_pairs(groups: Sequence[Group]) -> set[tuple[int, int]]:
    """Pairs of groups from different sources that alone in the story (with at most one more, which may share a
    source with one of them: "aiming for 100,000 apps" and "100,000 available apps" in one article) give one
    exact, specific value."""
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for g in groups:
        for claim in g.claims:
            key = exact_key(claim.value)
            if key is not None:
                holders[key].add(g.index)
    pairs: set[tuple[int, int]] = set()
    for held in holders.values():
        if not 2 <= len(held) <= MAX_HOLDERS:
            continue
        ordered = sorted(held)
        apart = [(a, b) for a, b in combinations(ordered, 2) if not sources_of(groups[a]) & sources_of(groups[b])]
        if len(ordered) - len(apart) > 1 or not apart:
            continue  # one source alone, or giving it three times: too many of one source's facts share it
        pairs.update(apart)
    return pairs


def exact_key(value: Value) -> tuple[str, ...] | None:
    """The exact value, for a specific one: a day; an amount of 100 or more (or in a named unit), with its currency
    for money and in SI form for a measure; the noun counted and 'about' set aside ('about 120 sales staff' / '120
    people'); a name of RARE_NAME_WORDS content words or more, by its stemmed words."""
    group = TYPE_GROUP[value.type]
    if group == "date":
        period = value_period(value)
        if period is None or period.granularity != Granularity.DAY:
            return None
        return (group, period.start.isoformat())
    if group in ("quantity", "money"):
        amount, unit = amount_of(value), unit_of(value) or ""
        if amount is None or not (abs(amount) >= RARE_AMOUNT or (unit and unit not in generic_units())):
            return None
        if group == "money":
            return (group, unit, f"{amount:g}")
        measure = compare_measures(value, value) is not None  # a length or weight: its SI form, unit and all
        return (group, value.normalized.strip()) if measure else (group, f"{amount:g}")
    if value.type == ValueType.ENTITY and len(named := content_tokens(value.text)) >= RARE_NAME_WORDS:
        return (group, *sorted(named))
    return None
