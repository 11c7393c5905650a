"""A join whose differing values can only be the story moving on: one fact told at two times.

A join that sets values of different sources against each other needs close wording (align.CONFLICT_SIMILARITY),
because a wrong join of that kind reads as a contradiction. But when every pair of differing values the join
would set against each other lies at different times, and neither is a fixed fact or a finished act counted
twice, classification can only read them as an update: "the attack has cost Larkspur $38 million so far"
(June) / "put the total cost of the attack at $71 million" (February). Such a join needs only the similarity
of a join of agreeing values, still under the guards of one instance, one thing named and one source, one
value; a slot it would leave with a contradiction is refused. The values must be able to be one figure moving
on (two states, or counts, amounts or dates of one order), and the subjects name one thing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from factcheck.models import Claim, Source, ValueType
from factcheck.values.announced import announced_then_reported
from factcheck.values.text import STOPWORDS
from factcheck.values.timescope import Relation, relate, scope_of, stable_attribute, status_attribute
from factcheck.values.typed import TYPE_GROUP, Verdict, amount_of, compare

CHANGE_RATIO = 4.0  # one figure moving on stays within this factor (21,000 then 48,600 hectares)
MAX_PAIRS = 64  # claim pairs compared to test a change; beyond it the groups stay apart
_SI = re.compile(r"^(-?\d+(?:\.\d+)?) ([A-Za-z*\d/]+)$")  # a measure's SI normal form ('90000 m')


def one_thing(a: str, b: str) -> bool:
    """Whether two subject keys name one thing: equal, or one's content words within the other's ('fire' /
    'sitkum_ridge_fire'; 'kishida_and_yoon' / 'kishida_yoon_talks'), a word within a compound ending in it
    ('sitkum_ridge_fire' / 'sitkum_ridge_wildfire')."""
    wa, wb = _content(a), _content(b)
    return a == b or (bool(wa and wb) and (_within(wa, wb) or _within(wb, wa)))


COMPOUND_HEAD = 4  # letters a word needs to be the head of a compound ('fire' in 'wildfire')


def _within(words: set[str], other: set[str]) -> bool:
    """Whether each word is one of the other's words, or the head such a word ends in ('fire' / 'wildfire')."""
    return all(w in other or (len(w) >= COMPOUND_HEAD and any(o.endswith(w) for o in other)) for w in words)


def _content(key: str) -> set[str]:
    return {w for w in key.split("_") if len(w) > 1 and w not in STOPWORDS}


def only_changes(
    left: Sequence[Claim], right: Sequence[Claim], sources: Mapping[str, Source], any_value: bool = False
) -> bool:
    """Whether every differing pair of values of two sources, one claim from each side, is an update over
    time (never a contradiction), with at least one such pair; needs every claim's source and its date. Unless
    `any_value`, the values must be able to be one figure moving on (_may_move)."""
    pairs = [(a, b) for a in left for b in right if a.source_id != b.source_id]
    if not pairs or len(pairs) > MAX_PAIRS:
        return False
    changed = False
    for a, b in pairs:
        verdict = compare(a.value, b.value)
        if verdict != Verdict.DISAGREE:
            continue
        if not (any_value or _may_move(a, b)):
            return False
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


def _may_move(a: Claim, b: Claim) -> bool:
    """Whether two differing values can be one figure moving on: two states ('status'), or two counts, amounts or
    dates, amounts within CHANGE_RATIO (not a price and a sales forecast); two names or descriptions that differ
    are as often two facts as one fact changed."""
    if status_attribute(a.attribute) and status_attribute(b.attribute):
        return True
    if not (_measured(a) and _measured(b)):
        return False
    if (a.value.type == ValueType.ORDINAL) != (b.value.type == ValueType.ORDINAL):
        return False  # 'the seventh nuclear test' / 'three ballistic missiles': a place in a series is no count
    x, y = _magnitude(a), _magnitude(b)
    return not (x and y and max(abs(x), abs(y)) > CHANGE_RATIO * min(abs(x), abs(y)))


def _magnitude(claim: Claim) -> float | None:
    """The amount, in the SI form of the normal form when the value is a measure ('210000000 m**2' for 21,000
    hectares, so that 95,000 acres compares with it)."""
    si = _SI.match(claim.value.normalized.strip()) if claim.value.unit else None
    return float(si[1]) if si else amount_of(claim.value)


def _measured(claim: Claim) -> bool:
    """A count, an amount or a date: values whose difference is a change in one measure."""
    return TYPE_GROUP[claim.value.type] in ("quantity", "money", "date")
