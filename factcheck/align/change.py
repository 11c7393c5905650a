"""A join whose differing values can only be the story moving on: one fact told at two times.

A join that sets values of different sources against each other needs close wording (align.CONFLICT_SIMILARITY),
because a wrong join of that kind reads as a contradiction. But when every pair of differing values the join
would set against each other lies at different times, and neither is a fixed fact or a finished act counted
twice, classification can only read them as an update: "the attack has cost Larkspur $38 million so far"
(June) / "put the total cost of the attack at $71 million" (February). Such a join needs only the similarity
of a join of agreeing values, still under the guards of one instance, one thing named and one source, one
value; a slot it would leave with a contradiction is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.models import Claim, Source
from factcheck.values.timescope import Relation, relate, scope_of, stable_attribute, status_attribute
from factcheck.values.typed import Verdict, compare

MAX_PAIRS = 64  # claim pairs compared to test a change; beyond it the groups stay apart


def one_thing(a: str, b: str) -> bool:
    """Whether two subject keys name one thing: equal, or one's words within the other's ('fire' / 'sitkum_ridge_fire')."""
    wa, wb = set(a.split("_")), set(b.split("_"))
    return wa <= wb or wb <= wa


def only_changes(left: Sequence[Claim], right: Sequence[Claim], sources: Mapping[str, Source]) -> bool:
    """Whether every differing pair of values of two sources, one claim from each side, is an update over
    time (never a contradiction), with at least one such pair; needs every claim's source and its date."""
    pairs = [(a, b) for a in left for b in right if a.source_id != b.source_id]
    if not pairs or len(pairs) > MAX_PAIRS:
        return False
    changed = False
    for a, b in pairs:
        verdict = compare(a.value, b.value)
        if verdict != Verdict.DISAGREE:
            continue
        source_a, source_b = sources.get(a.source_id), sources.get(b.source_id)
        if source_a is None or source_b is None or source_a.published is None or source_b.published is None:
            return False
        if source_a.published == source_b.published:
            return False  # told on one day: not a change over time
        stable = stable_attribute(a.attribute) or stable_attribute(b.attribute)
        status = status_attribute(a.attribute) and status_attribute(b.attribute)
        relation = relate(a, scope_of(a, source_a), b, scope_of(b, source_b), verdict, stable, status)
        if relation != Relation.UPDATE:
            return False
        changed = True
    return changed
