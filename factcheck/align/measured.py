"""One thing named two ways by two sources, shown by a measure they give of it alike.

"Ferrari's fish measured 8.7 feet in length and weighed 280 pounds" (one source) and "the wels catfish ...
weighed out at 280 pounds ... this one measured 8.8 feet" (another): one weight of 280 pounds, given alike
by both, says "Ferrari's fish" and "the wels catfish" are one fish. Their only other two measures of one
dimension (a length each) are then very likely one fact told twice, here told apart: 8.7 feet against 8.8.
Such a pair joins at the lower similarity of evidence beyond wording (align.SOLE_SIMILARITY), still under
the guards of one instance and one named thing, and only when its amounts are near (counted.NEAR_RATIO).

A measure (a length, a weight, an area: values/typed.compare_measures) is specific enough to name its
thing; a bare count or a year is not. A subject named more fully on one side ('wels catfish' / 'massive
wels catfish') counts as the same subject.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.counted import dimensions_apart, near_amounts
from factcheck.align.pairs import only_two, pair_of, sources_of
from factcheck.values.keys import head_word
from factcheck.values.text import stem
from factcheck.values.typed import compare_measures
from factcheck.values.verdict import Verdict

if TYPE_CHECKING:
    from factcheck.align.slots import Group

NEAR = 1.12  # amounts that can agree as measures lie within this ratio (values/typed.MEASURE_TOLERANCE, rounding)


def measured_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups from different sources, the only two measures of one dimension of one thing that
    another measure, given alike by both sources, shows to be one."""
    measures = {g.index: d for g in groups if (d := _dimension(g)) is not None}
    kept = [g for g in groups if g.index in measures]
    same: set[tuple[str, str]] = set()
    for a, b in _near(kept, measures):
        if a.subject != b.subject and not sources_of(a) & sources_of(b) and _alike(a, b):
            same.add((min(a.subject, b.subject), max(a.subject, b.subject)))
    buckets: dict[tuple[str, str, str], list[Group]] = defaultdict(list)
    for pair in same:
        for g in kept:
            if any(_named(g.subject, s) for s in pair):
                buckets[(*pair, measures[g.index])].append(g)
    return only_two(buckets.values(), lambda a, b: a.subject != b.subject and near_amounts(a, b))


def reached_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups from different sources that are each source's only measure of one dimension of things
    named by one head noun, their attributes naming no dimensions apart: 'water levels · reached: more than three
    meters', 'the level of water in the area · grew up to: three meters and a half'. 'the car · length' and 'the
    car · width' stay apart."""
    buckets: dict[tuple[str, str], list[Group]] = defaultdict(list)
    for g in groups:
        dimension, head = _dimension(g), _head(g.subject)
        if dimension is not None and head:
            buckets[(dimension, head)].append(g)
    pairs: set[tuple[int, int]] = set()
    for held in buckets.values():
        if any(n > 1 for n in Counter(s for g in held for s in sources_of(g)).values()):
            continue  # a source with two such measures: which one meets which is not known
        pairs |= {pair_of(a, b) for a, b in combinations(held, 2) if not dimensions_apart(a, b)}
    return sorted(pairs)


def _head(subject: str) -> str:
    """The stemmed head noun of a subject key: its last word before a preposition ('level_of_water': level)."""
    return stem(head_word(subject, lexicon.words("subject_prepositions")))


def _near(groups: list[Group], measures: dict[int, str]) -> Iterator[tuple[Group, Group]]:
    """Pairs of groups of one dimension whose first amounts in SI lie within NEAR of each other, found by
    sorting, so the cost grows with the number of groups, not its square (beyond runs of equal amounts)."""
    ranked = sorted(groups, key=lambda g: (measures[g.index], _si(g)))
    for n, a in enumerate(ranked):
        for b in ranked[n + 1 :]:
            if measures[b.index] != measures[a.index] or _si(b) > _si(a) * NEAR + 1e-9:
                break
            yield a, b


def _si(group: Group) -> float:
    """The group's first amount in its SI unit ('2.7 m' -> 2.7)."""
    try:
        return abs(float(group.claims[0].value.normalized.split()[0].replace(",", "")))
    except ValueError:
        return 0.0


def _dimension(group: Group) -> str | None:
    """The SI unit every claim of the group measures in ('m', 'kg'), or None."""
    units = {
        c.value.normalized.split()[-1] if compare_measures(c.value, c.value) is not None else None for c in group.claims
    }
    return units.pop() if len(units) == 1 else None


def _alike(a: Group, b: Group) -> bool:
    """Whether two measure groups give every value alike."""
    return all(compare_measures(x.value, y.value) == Verdict.AGREE for x in a.claims for y in b.claims)


def _named(subject: str, name: str) -> bool:
    """Whether a subject key is the name, or the name told more fully ('massive_wels_catfish' / 'wels_catfish')."""
    words, named = set(subject.split("_")), set(name.split("_"))
    return subject == name or named <= words
