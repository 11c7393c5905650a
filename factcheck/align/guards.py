"""The guards of a join: two statements name the same people and the same instance (the first round is not the second)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.align.roles import one_described
from factcheck.extract.entities import country_key
from factcheck.values.keys import rank_words
from factcheck.values.kinds import is_person_noun
from factcheck.values.text import STOPWORDS

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
    if (_wholly_named(a) and _parties_only(b)) or (_wholly_named(b) and _parties_only(a)):
        return True  # 'Security Policy Consultation' / 'Japan-South Korea working-level security talks'
    return a.names <= b.names or b.names <= a.names


_NAME_RUN = re.compile(r"[A-Z][\w.'’]*(?:\s+(?:[A-Z][\w.'’]*))*")


def _wholly_named(group: Group) -> bool:
    """Whether each subject is a proper name, every word capitalised, and no country ('Security Policy
    Consultation', 'the Specialised Committee on Fisheries'): a thing named by its own name."""
    for claim in group.claims:
        words = re.sub(r"^(?:the|The)\s+", "", claim.subject).split()
        if not words or country_key(claim.subject) is not None:
            return False
        if any(not w[:1].isupper() and w.lower() not in STOPWORDS for w in words):
            return False
    return True


def _parties_only(group: Group) -> bool:
    """Whether the only names in each subject are countries, the parties to what it describes ('Japan-South
    Korea working-level security talks', 'talks between Japan and South Korea'): a description, whose names
    tell who takes part, not what the thing is called."""
    for claim in group.claims:
        subject = re.sub(r"^(?:The)\s+", "", claim.subject).replace("-", " - ")
        runs = _NAME_RUN.findall(subject)
        described = any(w[:1].islower() and w not in STOPWORDS for w in subject.split())
        if not runs or not described or any(country_key(run) is None for run in runs):
            return False
    return True


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
