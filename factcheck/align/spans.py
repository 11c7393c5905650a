"""Evidence beyond wording: the story's only two statements of one span of time about one kind of thing.

A span of time ("after a hiatus of five years"; "the first talks in more than five years"; "stood idle for 16
weeks") is told in far wordings: "gap since last held" / "hiatus"; "time offline" / "outage". A bare small count
("three", "5") is too common to be evidence (rare.py), but a count of years, months, weeks or days is rarer:
when only two groups of the story, from different sources, give one span in one unit of time, and their subjects
share a content word (both about "talks"), they likely state one fact. Alignment then lets them join as an
agreement from RARE_SIMILARITY, under its guards of one instance, one thing named and one source, one value.
It never joins spans in conflict, nor spans in different units ("five years" / "five months").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.pairs import only_two
from factcheck.models import Claim
from factcheck.values.text import content_tokens, words
from factcheck.values.typed import TYPE_GROUP, amount_of

if TYPE_CHECKING:
    from factcheck.align.slots import Group

Pair = tuple[int, int]


def span_key(claim: Claim) -> tuple[str, str] | None:
    """The span of time a claim gives, as (unit of time, amount): its value's unit or the word right after the
    value in the quote ('a hiatus of five years' -> ('years', '5')); None for any other value."""
    if TYPE_GROUP[claim.value.type] != "quantity":
        return None
    amount = amount_of(claim.value)
    if amount is None or amount <= 0:
        return None
    units = _time_units()
    unit = units.get((claim.value.unit or "").lower())
    if unit is None:
        text = claim.value.text
        at = claim.quote.lower().find(text.lower()) if text else -1
        after = words(claim.quote[at + len(text) :])[:1] if at >= 0 else []
        unit = units.get(after[0]) if after else None
    return (unit, f"{amount:g}") if unit else None


def span_pairs(groups: Sequence[Group]) -> set[Pair]:
    """Pairs of groups, from different sources and with subjects sharing a content word, that alone in the story
    give one span of time in one unit."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for g in groups:
        for claim in g.claims:
            key = span_key(claim)
            if key is not None:
                holders[key].add(g.index)
    buckets = [[groups[i] for i in sorted(held)] for held in holders.values()]
    return set(only_two(buckets, lambda a, b: bool(_subject_words(a) & _subject_words(b))))


def _subject_words(group: Group) -> frozenset[str]:
    """Content words of the group's subjects, as written and as keyed."""
    return frozenset(t for c in group.claims for t in content_tokens(f"{c.subject} {c.subject_key.replace('_', ' ')}"))


@lru_cache(maxsize=1)
def _time_units() -> dict[str, str]:
    """Units of time as written -> their normal form ('year' -> 'years'), read once."""
    return lexicon.table("time_units")
