"""One person's taking office, told as two acts: 'Yoon, who took office in May 2022' / 'since his inauguration'.

A person takes an office once; sources word that act in different verbs and nouns ('took office', 'was sworn
in', 'inauguration'), which share no word. When a subject's only two groups of dates name the taking of
office in the lexicon's words (`office_taking`, nothing more: 'took office as prime minister' names one
office of several) and come from different sources, alignment lets them join at align.SOLE_SIMILARITY
though their dates differ, so two dates of one inauguration can be found to conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.pairs import only_two
from factcheck.values.keys import attribute_form

if TYPE_CHECKING:
    from factcheck.align.slots import Group


def office_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date groups from different sources that alone date one subject's taking office, in two wordings."""
    by_subject: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.type_group == "date" and g.form.core in _office_cores():
            by_subject[g.subject].append(g)
    return only_two(by_subject.values(), lambda a, b: a.markers == b.markers)


@cache
def _office_cores() -> frozenset[frozenset[str]]:
    """The stemmed words of each wording of taking office."""
    return frozenset(attribute_form(phrase).core for phrase in lexicon.words("office_taking"))
