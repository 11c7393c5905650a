"""Subjects that describe a person by role ('the Playboy founder', 'chief executive of Larkspur') rather than name them.

A name inside such a description says whom the person works for or founded, not who the person is: "the
Playboy founder" and "Hugh Hefner" can be one man, though their names lie beside each other. The guard of
one thing named (guards.same_names) therefore sets names aside when exactly one of two subjects is a
description by role; two descriptions ('Sitkum Ridge fire' / 'Sitkum Creek fire') or two names keep it.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck import lexicon
from factcheck.values.keys import head_word

_HEAD_ENDS = frozenset({"of", "for", "at", "with", "from"})  # 'officer of Playboy': the head comes before these


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns that name a person by what the person is or does (lexicon: person, office and doer nouns)."""
    return lexicon.words("person_nouns") | lexicon.words("office_nouns") | lexicon.words("doer_nouns")


@lru_cache(maxsize=65536)
def role_description(subject: str) -> bool:
    """Whether a subject key names a person by role: its head word (the last before 'of', 'for', ...) is a role noun."""
    head = head_word(subject, _HEAD_ENDS)
    if not head:
        return False
    nouns = role_nouns()
    return head in nouns or (head.endswith("s") and head[:-1] in nouns)


def one_described(a: str, b: str) -> bool:
    """Whether exactly one of two subject keys describes a person by role (the other names someone or something)."""
    return role_description(a) != role_description(b)
