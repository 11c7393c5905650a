"""Shares told as a ratio ('nearly seven in 10 women', 'one out of five homes'): a percentage, read the same
way by both extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck import lexicon


@dataclass(frozen=True)
class Ratio:
    """A ratio in a text: its offsets (qualifier included), the share in percent and its qualifier phrase."""

    start: int
    end: int
    percent: float
    qualifier: str | None


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted((w for w in lexicon.table("number_words") if len(w) > 2), key=len, reverse=True))
    amount = rf"\d{{1,3}}|{words}"
    return re.compile(
        rf"(?P<q>(?:{lexicon.qualifier_pattern()})\s+)?(?<![\w.$-])(?P<n>{amount})\s+(?:in|out\s+of(?:\s+every)?)\s+"
        rf"(?P<d>{amount})\b(?!\s*(?:%|-|[.,]\d))(?:\s+(?P<next>[a-z]+))?",
        re.I,
    )


def find_ratios(text: str) -> list[Ratio]:
    """Every 'N in M' or 'N out of M' with N below M and M not followed by a unit ('2 in 10 minutes' is a rate)."""
    out = []
    for m in _pattern().finditer(text):
        n, d = _amount(m.group("n")), _amount(m.group("d"))
        following = (m.group("next") or "").lower()
        if not n or not d or n >= d or following in _units():
            continue
        start = m.start("q") if m.group("q") else m.start("n")
        out.append(Ratio(start, m.end("d"), round(100 * n / d, 2), m.group("q")))
    return out


def _amount(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = lexicon.table("number_words").get(word.lower())
    return int(value) if value is not None else None


@cache
def _units() -> frozenset[str]:
    return frozenset(lexicon.table("units")) | frozenset(lexicon.table("time_units"))
