"""The guards of a join: two statements name the same people and the same instance (the first round is not the second)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.align.roles import one_described
from factcheck.values.keys import rank_words
from factcheck.values.kinds import is_person_noun

if TYPE_CHECKING:
    from factcheck.align.slots import Group


def same_names(a: Group, b: Group) -> bool:
    """Whether the subjects can be one thing: when both are named, one's names lie within the other's
    ('Larkspur' / 'Larkspur Health Plan'), not beside them ('Sitkum Ridge fire' / 'Sitkum Creek fire',
    'North Korea' / 'Japan-South Korea security talks'). A person described by role on one side only ('the
    Playboy founder' / 'Hugh Hefner') may be the one named on the other (roles.py), but not one the other owns
    ('Ting Su' / "Ting Su's partner")."""
    if a.subject != b.subject and (_owns(a, b) or _owns(b, a)):
        return False
    if a.subject == b.subject or not a.names or not b.names or one_described(a.subject, b.subject):
        return True
    return a.names <= b.names or b.names <= a.names


_OWNER = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<owned>.+)$")


def _owns(owner: Group, owned: Group) -> bool:
    """Whether a subject is a person written as the other's, by a possessive, and the other names no more than
    the possessor ('Ting Su's partner' is not Ting Su; "South Korea's solution" is not owned by 'South Korea's
    solution', nor "the Mission's teams" by 'the Mission')."""
    names = [set(re.findall(r"\w+", c.subject.lower())) for c in owner.claims]
    for claim in owned.claims:
        match = _OWNER.match(claim.subject)
        if match is None or not is_person_noun(re.findall(r"\w+", match["owned"])[-1:] or [""]):
            continue  # "the Mission's teams" may do what the Mission did: only another person is someone else
        if any(n and n <= set(re.findall(r"\w+", match["owner"].lower())) for n in names):
            return True
    return False


def same_instance(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of instance words can name one thing: a rank ('deputy', 'former') must be
    equal, present or absent; an order ('first', 'second', 'last') must be equal where both give one."""
    ranks = rank_words()
    if a & ranks != b & ranks:
        return False
    order_a, order_b = a - ranks, b - ranks
    return not (order_a and order_b and order_a != order_b)
