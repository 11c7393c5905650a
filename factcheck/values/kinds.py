"""Kinds of person: whether one noun for a person names a kind of what another names (WordNet 3.0's nouns under
'person', factcheck/data/wordnet/person_kinds.tsv, built by scripts/build_verb_senses.py).

"husband" is a kind of "spouse", and "partner" is one of the words of "spouse": a woman's husband is her
partner, so the two words can describe one man. "husband" and "wife", or "brother" and "cousin", are kinds of
one more general thing, neither a kind of the other: told of one person, they conflict.
"""

from __future__ import annotations

from functools import cache

from factcheck.values.senses import read_senses


@cache
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """The senses of each noun for a person and the more general kinds of person each sense is."""
    senses, above = read_senses("person_kinds.tsv")
    return senses, {sense: frozenset(ids) for sense, ids in above.items()}


def kind_of(narrow: str, broad: str) -> bool:
    """Whether a sense of the noun `narrow` is a sense of `broad` or a kind of one ('husband' / 'partner',
    'spokesman' / 'spokesperson'); nouns that name no kind of person are kinds of nothing here."""
    senses, above = _table()
    of_broad = set(senses.get(broad.lower(), ()))
    return bool(of_broad) and any(
        s in of_broad or above.get(s, frozenset()) & of_broad for s in senses.get(narrow.lower(), ())
    )


def one_kind(a: str, b: str) -> bool:
    """Whether either noun names a kind of person the other names."""
    return kind_of(a, b) or kind_of(b, a)


def is_person_noun(words: list[str]) -> bool:
    """Whether the last of some words is a noun for a kind of person ('partner', 'lawyers'; not 'teams')."""
    senses, _ = _table()
    word = words[-1].lower() if words else ""
    return word in senses or (word.endswith("s") and word[:-1] in senses)
