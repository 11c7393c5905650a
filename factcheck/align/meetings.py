"""Evidence beyond wording: where the same people met, told by two sources.

A meeting is known by who takes part in it. "Kishida and Yoon, who are expected to meet in Seoul on Sunday",
"the Kishida-Yoon meeting · location: Tokyo" and "Yoon made a trip to Tokyo for talks with Kishida" give the
place of meetings of one pair, in wordings too far apart for their meaning alone ("expected meeting place" /
"made a trip to"). Two groups of places (an entity after a place preposition or a place noun, or at the end of
a journey: "trip to"), from different sources, whose subjects and quotes name the same two or more participants
(names capitalised inside a sentence: no country, region, capital or people of a country, no month or day, no
title, nor the place given as the value) are proposed as one fact: the place of that pair's meeting. Alignment
joins them from SOLE_SIMILARITY under its guards; classification then compares places and times, so one
meeting in two places is a contradiction and the pair's next meeting elsewhere an update. Dates of meetings
are joined the same way ("Kishida and Yoon talks · date: March 16" / "the summit between President Yoon Suk
Yeol and Prime Minister Fumio Kishida · held: March"; `meeting_date_claim`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.candidates import sharing_pairs
from factcheck.align.pairs import pair_of, sources_of
from factcheck.extract.entities import country_key, fold_accents, regions
from factcheck.models import Claim, ValueType
from factcheck.values.keys import instance_words

if TYPE_CHECKING:
    from factcheck.align.slots import Group

Pair = tuple[int, int]
PARTICIPANTS = 2  # names two groups must share to tell the meetings of one set of people
_WORD = re.compile(r"[^\W\d_]+")
Name = frozenset[str]  # the words of one name: 'Fumio Kishida' -> {'fumio', 'kishida'}


def meeting_pairs(groups: Sequence[Group], told: Callable[[Claim], bool] | None = None) -> set[Pair]:
    """Pairs of place groups (or groups of what `told` accepts: meeting_date_claim) from different sources whose
    claims name the same two or more participants; only groups sharing a name word are compared (a word more
    than MAX_POSTING groups give proposes nothing)."""
    told = told or place_claim
    places = {g.index: (g, _participants(g)) for g in groups if g.claims and all(told(c) for c in g.claims)}
    pairs: set[Pair] = set()
    for i, j in sharing_pairs({index: [w for name in names for w in name] for index, (_, names) in places.items()}):
        (a, names_a), (b, names_b) = places[i], places[j]
        if _shared(names_a, names_b) >= PARTICIPANTS and not sources_of(a) & sources_of(b):
            pairs.add(pair_of(a, b))
    return pairs


def _shared(left: frozenset[Name], right: frozenset[Name]) -> int:
    """How many participants of one side the other names too: a name within another ('Yoon' / 'Yoon Suk Yeol')
    is one person."""
    return sum(1 for x in left if any(x <= y or y <= x for y in right))


def place_claim(claim: Claim) -> bool:
    """Whether the claim's entity value is where something took place or where someone went: its attribute ends
    in a place preposition or place noun ('held in', 'venue'), or names a journey to it ('made a trip to',
    'traveled to', 'visited', 'trip destination')."""
    words = _WORD.findall(claim.attribute.lower())
    if claim.value.type != ValueType.ENTITY or not words:
        return False
    if words[-1] in lexicon.words("place_prepositions") | lexicon.words("place_nouns"):
        return True
    if words[-1] in lexicon.words("journey_verbs") | lexicon.words("journey_ends"):  # 'visited', 'destination'
        return True
    journey = lexicon.words("journey_nouns") | lexicon.words("journey_verbs")
    return words[-1] in lexicon.words("journey_prepositions") and bool(set(words) & journey)


def meeting_date_claim(claim: Claim) -> bool:
    """Whether the claim's date is when something took place: its attribute is a verb of meeting or taking place
    ('meet', 'held'), or 'date' of an event ('Kishida and Yoon talks · date'; lexicon `event_heads`)."""
    words = _WORD.findall(claim.attribute.lower())
    if claim.value.type != ValueType.DATE or not words or set(words) & instance_words().keys():
        return False  # 'last held', 'first met': one of a series, which its order tells (align/latest.py)
    if set(words) & (lexicon.words("meeting_verbs") | lexicon.words("occurrence_verbs")):
        return True
    subject = set(_WORD.findall(claim.subject.lower()))
    return words[-1] == "date" and bool(subject & lexicon.words("event_heads"))


def _participants(group: Group) -> frozenset[Name]:
    """The names the group's claims give in their subjects and quotes, each a set of words ('Fumio Kishida'),
    places, times, titles and the value set aside."""
    out: set[Name] = set()
    for claim in group.claims:
        value = {w.lower() for w in _WORD.findall(fold_accents(claim.value.text))}
        for name in _names(claim.subject, start=True) | _names(claim.quote, start=False):
            kept = frozenset(w for w in name if w not in value and not _not_a_participant(w))
            if kept:
                out.add(kept)
    return frozenset(out)


def _names(text: str, start: bool) -> set[Name]:
    """Runs of words capitalised in the text (at its start too when `start`, as a subject is written), folded;
    a run ends at any other word or mark ('Kishida-Yoon' is two names)."""
    out: set[Name] = set()
    run: list[str] = []
    folded = fold_accents(text)
    last = 0
    for match in _WORD.finditer(folded):
        word = match.group()
        before = folded[: match.start()].rstrip()
        opens = not before or before[-1] in ".!?\"'\u201c\u2018:"
        capital = word[:1].isupper() and (start or not opens)
        if run and (not capital or folded[last : match.start()].strip()):
            out.add(frozenset(run))
            run = []
        if capital:
            run.append(word.lower())
        last = match.end()
    if run:
        out.add(frozenset(run))
    return out


@lru_cache(maxsize=4096)
def _not_a_participant(word: str) -> bool:
    """Whether a name is a place, a people, a month or day, or a title, not one taking part."""
    if word in lexicon.words("titles") or word in lexicon.words("extract_aliases_months_days"):
        return True
    return country_key(word) is not None or word in {k.lower() for k in regions()} or word in _place_words()


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Single words of multi-word country names ('South', 'Korea'), which name no participant alone."""
    from factcheck.extract.entities import gazetteer

    return frozenset(w for name in gazetteer().countries for w in _WORD.findall(name) if len(name.split()) > 1)
