"""Candidate pairs for alignment: groups that share a rare content word, nearest first, so the cost stays
near-linear in claims rather than comparing every pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from factcheck.align.change import one_thing
from factcheck.values.keys import generic_attributes, type_words
from factcheck.values.timescope import status_attribute

if TYPE_CHECKING:
    from factcheck.align.slots import Group

MAX_POSTING = 48  # a word shared by more groups than this is too common to propose candidates
NEIGHBOURS = 12  # candidates kept per group, best first


def candidates(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups of one value type (and unit) that share a rare content word."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for g in groups:
        for token in g.tokens:
            postings[(g.type_group, token)].append(g.index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTING:
            for pair in combinations(ids, 2):
                shared[pair] += 1
    best: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        ga, gb = groups[a], groups[b]
        if ga.units and gb.units and not ga.units & gb.units:
            continue
        best[a].append((count, b))
        best[b].append((count, a))
    pairs: set[tuple[int, int]] = set()
    for a, near in best.items():
        for _, b in sorted(near, key=lambda x: (-x[0], x[1]))[:NEIGHBOURS]:
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs | _states_of_one_thing(groups) | _named_alike(groups))


def _named_alike(groups: Sequence[Group]) -> set[tuple[int, int]]:
    """Pairs of groups of dates or times of day whose attributes name one act in the same words, beyond type and
    generic words ('blaze · start time' / 'fire · start time'): however many other words each shares with other
    groups, the attribute itself proposes them; an attribute named by more than MAX_POSTING groups proposes nothing.
    Counts are left to shared words: 'study · participants' may count two studies' people."""
    plain = type_words() | generic_attributes()
    postings: dict[str, list[int]] = defaultdict(list)
    for g in groups:
        if g.type_group == "date" and g.form.core and not g.form.core & plain:
            postings[g.form.key].append(g.index)
    return {pair for ids in postings.values() if len(ids) <= MAX_POSTING for pair in combinations(ids, 2)}


def _states_of_one_thing(groups: Sequence[Group]) -> set[tuple[int, int]]:
    """Pairs of `status` groups whose subjects name one thing ('talks' / 'security_policy_talks'): the states of
    one thing form its timeline, however common the words that name it in the story."""
    states = [g for g in groups if g.claims and status_attribute(g.claims[0].attribute)]
    by_word: dict[str, list[Group]] = defaultdict(list)
    for g in states:
        for word in set(g.subject.split("_")):
            by_word[word].append(g)
    return {
        (min(a.index, b.index), max(a.index, b.index))
        for held in by_word.values()
        for a, b in combinations(held, 2)
        if a.subject != b.subject and one_thing(a.subject, b.subject)
    }


def sharing_pairs(words: Mapping[int, Iterable[str]]) -> Iterator[tuple[int, int]]:
    """Pairs of ids (in the mapping's order) that share a word given by no more than MAX_POSTING ids; a pair sharing
    several words comes once per word."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, said in words.items():
        for word in set(said):
            postings[word].append(index)
    for ids in postings.values():
        if len(ids) <= MAX_POSTING:
            yield from combinations(ids, 2)
