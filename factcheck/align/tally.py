"""Two tallies of one body: a split ("voted 7 to 4") and a share ("eight of the panel's 11 members") that
count the same whole are one count told twice.

Outlets word a vote or a poll far apart: one gives the split, "the panel voted 7 to 4"; another the share,
"eight of the panel's 11 members voted in favour". When both count the same whole (7 + 4 = 11), about an
overlapping time and in different sources, they count one body; the share then either names one side of
the split (agreement) or neither (the two cannot both be true). Alignment lets such groups join from the
floor of doubt (align.DOUBT_FLOOR), still under its guards of one instance and one source, one value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.pairs import pair_of, sources_of
from factcheck.models import Claim, Period, ValueType

if TYPE_CHECKING:
    from factcheck.align.slots import Group

_RANGE = re.compile(r"\b(?:from|between)\s+$", re.I)  # 'from 5 to 10' is a range, not a split
MIN_WHOLE = 3  # a whole below this ('one of two') is too common to tie two statements


@dataclass(frozen=True)
class Tally:
    """A count of one body: the parts it names and the whole they add up to."""

    whole: int
    parts: frozenset[int]
    time: Period | None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The split ('7 to 4', '7-4') and the share ('eight of the panel's 11') at the start of a text."""
    names = sorted((w for w in lexicon.table("number_words") if w not in ("a", "an")), key=len, reverse=True)
    word = "|".join(names)
    amount = rf"(\d[\d,]*|(?:{word})(?:-(?:{word}))?)"
    split = re.compile(rf"{amount}\s*(?:to|-|\u2013)\s*{amount}\b", re.I)
    share = re.compile(
        rf"{amount}\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w\u2019']+\s+){{0,2}}?{amount}\b", re.I
    )
    return split, share


def count_word(text: str) -> int | None:
    """A whole number written in digits or as a number word ('11', 'eight', 'twenty-one')."""
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    words = lexicon.table("number_words")
    total = 0
    for part in text.split("-"):
        if part not in words or part in ("a", "an"):
            return None
        total += int(words[part])
    return total


def tally_of(claim: Claim) -> Tally | None:
    """The tally a count states in its quote at its value: a split ('7 to 4') or a share ('eight of ... 11')."""
    if claim.value.type != ValueType.NUMBER or claim.value.number is None:
        return None
    value = int(claim.value.number)
    at = claim.quote.lower().find(claim.value.text.lower()) if claim.value.text else -1
    if at < 0:
        return None
    tail = claim.quote[at:]
    split_pattern, share_pattern = _patterns()
    split = None if _RANGE.search(claim.quote[:at]) else split_pattern.match(tail)
    if split:
        x, y = count_word(split.group(1)), count_word(split.group(2))
        if x is not None and y is not None and value in (x, y) and x + y >= MIN_WHOLE:
            return Tally(whole=x + y, parts=frozenset({x, y}), time=claim.time)
    share = share_pattern.match(tail)
    if share:
        part, whole = count_word(share.group(1)), count_word(share.group(2))
        if part == value and whole is not None and whole >= MIN_WHOLE and part < whole:
            return Tally(whole=whole, parts=frozenset({part}), time=claim.time)
    return None


def tally_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of count groups from different sources whose tallies count one whole about an overlapping time,
    where one names a part the other does not (a conflict) or the same part (an agreement)."""
    tallies = [(g, t) for g in groups if g.type_group == "quantity" for t in _tallies(g)]
    pairs: set[tuple[int, int]] = set()
    for n, (a, ta) in enumerate(tallies):
        for b, tb in tallies[n + 1 :]:
            if a.index == b.index or ta.whole != tb.whole or sources_of(a) & sources_of(b):
                continue
            if ta.time is not None and tb.time is not None and not ta.time.overlaps(tb.time):
                continue
            if len(ta.parts) == 2 and len(tb.parts) == 2 and ta.parts != tb.parts:
                continue  # two splits of one whole ('7 to 4', '9 to 2') are two votes as often as one
            pairs.add(pair_of(a, b))
    return sorted(pairs)


def _tallies(group: Group) -> list[Tally]:
    return [t for c in group.claims if (t := tally_of(c)) is not None]
