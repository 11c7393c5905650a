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
from factcheck.values.announced import announced_then_reported
from factcheck.values.text import STOPWORDS
from factcheck.values.timescope import Relation, relate, scope_of, stable_attribute, status_attribute
from factcheck.values.typed import Verdict, compare

MAX_PAIRS = 64  # claim pairs compared to test a change; beyond it the groups stay apart


def one_thing(a: str, b: str) -> bool:
    """Whether two subject keys name one thing: equal, or one's content words within the other's ('fire' /
    'sitkum_ridge_fire'; 'kishida_and_yoon' / 'kishida_yoon_talks')."""
    wa, wb = _content(a), _content(b)
    return a == b or (bool(wa and wb) and (wa <= wb or wb <= wa))


def _content(key: str) -> set[str]:
    return {w for w in key.split("_") if len(w) > 1 and w not in STOPWORDS}


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
        scope_a, scope_b = scope_of(a, source_a), scope_of(b, source_b)
        if relate(a, scope_a, b, scope_b, verdict, stable, status) != Relation.UPDATE:
            return False
        if announced_then_reported(a, scope_a, b, scope_b):
            return False  # one decision told twice: classification reads a contradiction
        changed = True
    return changed
