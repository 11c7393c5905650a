"""Counts of one thing done to one kind of thing: one toll told twice, however far apart its amounts.

Outlets that dispute a toll word it alike but give other amounts: "killing at least 60 government soldiers"
and "seven soldiers were killed". Neither the amounts (a factor of eight apart) nor the subjects (the fighters
who killed, the soldiers killed) tie the two; the counted noun and the verb do. Two groups of counts from
different sources that count one noun by one verb ('soldier' / 'kill', however inflected) are proposed as one
fact, and join from align.SOLE_SIMILARITY under alignment's guards of one instance and one time; a toll dated to a
month or a year is set only against another so dated (a past toll told as background). The counted
noun is the count's unit ('60 government soldiers'), else the word before the verb in the attribute, else the
subject's last word ('soldiers' · 'killed', as a model words it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from factcheck.align.pairs import pair_of, sources_of
from factcheck.models import Claim, ValueType
from factcheck.values.text import IRREGULAR, STOPWORDS, stem, words
from factcheck.values.timescope import background
from factcheck.values.typed import compare_measures

if TYPE_CHECKING:
    from factcheck.align.slots import Group

MAX_GROUPS = 3  # a noun and verb counted by more groups than this name several tolls, not one disputed


def toll_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of count groups from different sources that count one noun by one verb, in buckets of at most
    MAX_GROUPS groups."""
    buckets: dict[tuple[str, str], list[Group]] = defaultdict(list)
    for g in groups:
        acts = {count_act(c) for c in g.claims}
        if len(acts) == 1 and (act := acts.pop()) is not None:
            buckets[act].append(g)
    pairs = {
        pair_of(a, b)
        for held in buckets.values()
        if len(held) <= MAX_GROUPS
        for a, b in combinations(held, 2)
        if not sources_of(a) & sources_of(b) and not (_background(a) ^ _background(b))
    }
    return sorted(pairs)


def _background(g: Group) -> bool:
    """Whether a group's counts are dated to a month or a year ('In a March 2015 raid ..., 11 soldiers were
    killed'): a past toll told as background, not the one an undated report of the day gives (timescope.background)."""
    return any(background(c) for c in g.claims)


def count_act(claim: Claim) -> tuple[str, str] | None:
    """The counted noun and the verb of a count, stemmed ('government soldiers killing' -> soldier, kill), or None
    for a value that is no count (a measure) or an attribute that ends in no verb. The noun is the count's unit,
    else the attribute's word before the verb, else the subject's last word."""
    if claim.value.type != ValueType.NUMBER or compare_measures(claim.value, claim.value) is not None:
        return None
    said = words(claim.attribute)
    if not said or not _verb_form(said[-1]):
        return None
    nouns = words(claim.value.unit or "") or said[:-1] or words(claim.subject_key.replace("_", " "))[-1:]
    if not nouns or nouns[-1] in STOPWORDS:
        return None
    return stem(nouns[-1]), stem(said[-1])


def _verb_form(word: str) -> bool:
    """Whether a word is written as a participle or a past tense ('killed', 'killing', 'shot')."""
    return (word.endswith(("ed", "ing")) and len(word) > 5) or (word in IRREGULAR and IRREGULAR[word] != word)
