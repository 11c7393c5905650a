"""How the values of two groups compare when alignment weighs a join (align/slots.py).

Each distinct pair of values is compared once. A join that would have one source state two values that cannot
both be true joins two facts (unless two parties it quotes tell a toll), and is refused; one that sets values of
different sources against each other needs more similarity than one that gives values alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.align.alike import count_alike
from factcheck.align.counted import NEAR_RATIO
from factcheck.align.tolls import count_act
from factcheck.models import Claim, Value
from factcheck.values.typed import TYPE_GROUP, Verdict, amount_of, compare

MAX_CHECKS = 400  # value pairs compared to test a join; beyond it the groups stay apart

ValueKey = tuple[str, str, str, str, str]


def _value_key(value: Value) -> ValueKey:
    return (value.type.value, value.normalized, value.text, value.unit or "", value.qualifier or "")


class Verdicts:
    """Value comparisons, each distinct pair compared once."""

    def __init__(self) -> None:
        self.cache: dict[tuple[ValueKey, ValueKey], Verdict] = {}
        self.values: dict[ValueKey, Value] = {}

    def of(self, a: ValueKey, b: ValueKey) -> Verdict:
        pair = (a, b) if a <= b else (b, a)
        if pair not in self.cache:
            self.cache[pair] = join_compare(self.values[pair[0]], self.values[pair[1]])
        return self.cache[pair]


def join_compare(a: Value, b: Value) -> Verdict:
    """How two values compare as evidence for a join: amounts of different orders that agree only because
    one is an open bound ('at least 14' / 'about 1.4 million') are no evidence either way."""
    verdict = Verdict.AGREE if count_alike(a, b) else compare(a, b)  # one count, two nouns (alike.py)
    if verdict == Verdict.AGREE and TYPE_GROUP[a.type] in ("quantity", "money"):
        x, y = amount_of(a), amount_of(b)
        if x and y and max(abs(x), abs(y)) > NEAR_RATIO * min(abs(x), abs(y)):
            return Verdict.UNKNOWN
    return verdict


def stated(claims: Sequence[Claim], verdicts: Verdicts) -> set[tuple[str, ValueKey]]:
    """The distinct (teller, value) pairs of some claims: a teller is a source, or for a toll (tolls.py) a party
    the source quotes ('He said seven soldiers were killed' / 'The front said it killed more than 60 soldiers'):
    one article may tell two parties' tolls of one act."""
    out = set()
    for claim in claims:
        key = _value_key(claim.value)
        verdicts.values.setdefault(key, claim.value)
        told = claim.attribution if claim.attribution and count_act(claim) is not None else ""
        out.add((f"{claim.source_id}\t{' '.join(told.lower().split())}", key))
    return out


def join_verdict(
    left: set[tuple[str, ValueKey]], right: set[tuple[str, ValueKey]], verdicts: Verdicts
) -> Verdict | None:
    """DISAGREE if the join sets values of different sources against each other, AGREE if it gives
    some value alike and none against another, or adds no value not already given (_adds_nothing), UNKNOWN
    if it compares nothing; None if one source would state two values that cannot both be true (then the
    groups are two facts)."""
    conflict = agree = False
    if len(left) * len(right) > MAX_CHECKS:
        return None
    matched_left: set[tuple[str, ValueKey]] = set()
    matched_right: set[tuple[str, ValueKey]] = set()
    for source_a, a in left:
        for source_b, b in right:
            verdict = verdicts.of(a, b)
            if verdict == Verdict.AGREE:
                agree = True
                if source_a != source_b and _restated(verdicts.values[a], verdicts.values[b]):
                    matched_left.add((source_a, a))
                    matched_right.add((source_b, b))
            elif verdict == Verdict.DISAGREE:
                if source_a == source_b:
                    return None
                conflict = True
    if conflict and not _adds_nothing(left, right, matched_left, matched_right):
        return Verdict.DISAGREE
    return Verdict.AGREE if agree else Verdict.UNKNOWN


def _adds_nothing(
    left: set[tuple[str, ValueKey]],
    right: set[tuple[str, ValueKey]],
    matched_left: set[tuple[str, ValueKey]],
    matched_right: set[tuple[str, ValueKey]],
) -> bool:
    """Whether every value of one side is restated by another source on the other: the join then adds no
    value the other side has not already set against its own ('eight years' joining 'eight years' / 'at least
    13 years'), and weighs as an agreement; the conflict it brings was there before."""
    return matched_right == right or matched_left == left


def _restated(a: Value, b: Value) -> bool:
    """Whether two amounts are one amount written again: the same type, normalized form, unit and qualifier (a
    vaguer value that merely agrees, 'about 8' beside '8', is not). A place or a date recurs across a story's
    facts ('Tokyo': the summit, the first talks), so only amounts count."""
    if TYPE_GROUP[a.type] not in ("quantity", "money"):
        return False
    return _amount_key(a) == _amount_key(b)


def _amount_key(value: Value) -> tuple[str, str, str, str]:
    return (value.type.value, value.normalized, value.unit or "", value.qualifier or "")
