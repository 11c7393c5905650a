"""One set of parties meeting again elsewhere: the place and the day of their meetings moving on, read from the parse.

A meeting is known by what is held, who takes part, and where and when it is held. "Foreign ministers of France and
Germany are to meet in Geneva on Sunday" (March 2019) and "France and Germany resumed the deputy-level dialogue in
Berlin on Thursday" (May 2024) tell two meetings of one pair of parties: the verb the place and the day hang on names
a meeting (a verb of meeting, `meeting_verbs` in the lexicon, or a verb whose subject or object is a meeting noun,
`event_heads`: 'resumed the dialogue', 'held talks'; "Russia and Ukraine exchanged prisoners in Abu Dhabi" tells no
meeting), who met is its subject (its conjuncts; the nations or people a noun such as 'ministers' is 'of'; a relative
pronoun's antecedent), a place is a named place after a place preposition (`place_prepositions` in the lexicon), the
day is the claim's own time. Two instances differ by place and by time; the second does not undo the first, so their
places and days are the parties' meetings moving on: an update, never a contradiction and never an agreement (two
meetings in one city on days years apart are not one fact told twice). Two groups of places or of dates, from
different sources, whose claims tell meetings of the same two or more parties at other places and times join after
alignment, when classification can read every pair of their differing values only as an update. Rank words (a
deputy-level dialogue, foreign ministers) tell who was sent, not who met; a numbered meeting ('the first ... held in
Berlin in June 1998') is a fixed fact and stays apart, while 'the first time in nine years' is a gap, not a number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.candidates import sharing_pairs
from factcheck.align.change import only_changes
from factcheck.align.meetings import place_claim
from factcheck.align.pairs import pair_of, sources_of
from factcheck.align.resumed import quote_gap
from factcheck.extract.entities import country_key
from factcheck.extract.offline.tree import verb_above
from factcheck.models import Claim, Period, Source, ValueType
from factcheck.values.keys import UnionFind
from factcheck.values.meaning import parsed
from factcheck.values.text import slug
from factcheck.values.typed import TYPE_GROUP, Verdict, compare

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from factcheck.align.slots import Group

Pair = tuple[int, int]
Party = frozenset[str]  # the words of one party's name: 'Yoon Suk Yeol' -> {'yoon', 'suk', 'yeol'}
PARTIES = 2  # a meeting is of two or more parties
_PARTY_LABELS = frozenset({"GPE", "NORP", "PERSON", "ORG"})  # named entities that can take part
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # named entities a meeting is held in
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MEETING_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass"})  # a verb's nouns that may name what was held
_CLIMB = frozenset({"xcomp", "conj", "ccomp"})  # 'are to meet', 'expected to meet': the subject is above
_RELATIVE = frozenset({"who", "which", "that"})
_WORD = re.compile(r"[^\W\d_]+")
# Arcs climbed from a value to its verb, or from a verb to the verb with its subject. A value's phrase may hang on
# the verb's object through one nested phrase ('in Berlin' on 'dialogue' of 'channels' resumed: pobj, prep, noun, prep,
# dobj: five arcs), one more for a modifier between; a general bound of clause depth, not fitted to a story.
_UP = 6


@dataclass(frozen=True)
class Event:
    """A meeting told by a claim: who took part, where (a place key), and what was held (compared by who and where)."""

    parties: frozenset[Party]
    place: str
    kind: str = field(default="", compare=False)  # the meeting verb's lemma or the meeting noun ('meet', 'talks')


def join_series(groups: Sequence[Group], sets: UnionFind[int], sources: Mapping[str, Source] | None) -> UnionFind[int]:
    """Join the slots of groups telling meetings of one set of parties at other places and times, when every pair of
    their differing values of two sources reads as an update and no source would state two values in conflict."""
    if not sources:
        return sets
    for a, b in sorted(series_pairs(groups)):
        ra, rb = sets.find(a), sets.find(b)
        if ra == rb:
            continue
        left = [c for g in groups if sets.find(g.index) == ra for c in g.claims]
        right = [c for g in groups if sets.find(g.index) == rb for c in g.claims]
        if _one_source_conflict(left, right) or not only_changes(left, right, sources, any_value=True):
            continue
        sets.union(ra, rb)
    return sets


def series_pairs(groups: Sequence[Group]) -> set[Pair]:
    """Pairs of place or date groups from different sources telling meetings of the same parties, every meeting of
    one side at another place and time than every meeting of the other; only groups sharing a party word are
    compared (a word more than MAX_POSTING groups give proposes nothing)."""
    events = told_events([c for g in groups for c in g.claims])
    told = {g.index: (g, found) for g in groups if (found := _group_events(g, events))}
    words = {index: [w for e in found for party in e[0].parties for w in party] for index, (_, found) in told.items()}
    pairs: set[Pair] = set()
    for i, j in sharing_pairs(words):
        (a, left), (b, right) = told[i], told[j]
        if a.type_group != b.type_group or sources_of(a) & sources_of(b):
            continue
        if all(_other_instance(x, y) for x in left for y in right):
            pairs.add(pair_of(a, b))
    return pairs


def told_events(claims: Sequence[Claim]) -> dict[str, Event]:
    """The meeting each place or date claim tells (by claim id): read from its own quote, else the one meeting its
    source tells for the same day (and place) when the claim's subject names a meeting ('event_heads' in the
    lexicon: "Thursday's high-level dialogue · held on: Thursday"); one instance is one day and one place."""
    direct = {c.id: e for c in claims if c.time is not None and (e := event_of(c)) is not None}
    by_day: dict[tuple[str, date, date], set[Event]] = defaultdict(set)
    for claim in claims:
        if claim.id in direct and claim.time is not None:
            by_day[(claim.source_id, claim.time.start, claim.time.end)].add(direct[claim.id])
    heads = lexicon.words("event_heads")
    out = dict(direct)
    for claim in claims:
        if claim.id in out or claim.time is None or not heads & set(_WORD.findall(claim.subject.lower())):
            continue
        place = _value_place(claim)
        if place is None and TYPE_GROUP[claim.value.type] != "date":
            continue
        told = by_day.get((claim.source_id, claim.time.start, claim.time.end), set())
        same = {e for e in told if place is None or e.place == place}
        if len(same) == 1:
            out[claim.id] = same.pop()
    return out


def _group_events(group: Group, events: Mapping[str, Event]) -> list[tuple[Event, Period]]:
    """Each claim's meeting and time, when every claim of the group tells one and none is numbered (a fixed order
    word that is no gap: 'the first gathering', not 'the first time in nine years')."""
    if group.type_group not in ("name", "date") or not group.claims:
        return []
    if group.markers & lexicon.words("fixed_orders") and not all(quote_gap(c.quote) for c in group.claims):
        return []
    out = []
    for claim in group.claims:
        if claim.id not in events or claim.time is None:
            return []
        out.append((events[claim.id], claim.time))
    return out


def _other_instance(x: tuple[Event, Period], y: tuple[Event, Period]) -> bool:
    """Whether two meetings are of the same parties, at other places and at times that do not overlap."""
    (left, when_left), (right, when_right) = x, y
    if left.place == right.place or not _same_parties(left.parties, right.parties):
        return False
    return when_left.end < when_right.start or when_right.end < when_left.start


def _same_parties(left: frozenset[Party], right: frozenset[Party]) -> bool:
    """Whether every party of each side is one of the other's ('Yoon' within 'Yoon Suk Yeol' is one person)."""
    return all(any(x <= y or y <= x for y in right) for x in left) and all(
        any(x <= y or y <= x for x in left) for y in right
    )


def _one_source_conflict(left: Sequence[Claim], right: Sequence[Claim]) -> bool:
    """Whether one source would state two values that cannot both be true."""
    return any(
        a.source_id == b.source_id and compare(a.value, b.value) == Verdict.DISAGREE for a in left for b in right
    )


def event_of(claim: Claim) -> Event | None:
    """The meeting a place or date claim tells in its quote: who met (two or more named parties), where, and what."""
    place = _value_place(claim)
    if place is not None or TYPE_GROUP[claim.value.type] == "date":
        return _read(claim.quote, claim.value.text, place)
    return None


def _value_place(claim: Claim) -> str | None:
    """The place a place claim gives ('held in: Seoul' -> 'seoul'), else None."""
    return slug(claim.value.normalized) if claim.value.type == ValueType.ENTITY and place_claim(claim) else None


@lru_cache(maxsize=4096)
def _read(quote: str, value: str, place: str | None) -> Event | None:
    """The meeting of the verb the value hangs on, when the verb tells one: its parties, its place (the value, or a
    named place after a place preposition of the same verb), and what was held."""
    at = quote.find(value) if value else -1
    doc = parsed(quote) if at >= 0 else None
    if doc is None:
        return None
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    if span is None:
        return None
    verb = _verb_above(span.root)
    if verb is None or (place is not None and span.root.head.lower_ not in lexicon.words("place_prepositions")):
        return None
    kind = meeting_kind(verb)
    if kind is None:
        return None
    if place is None:
        place = _place_of(verb)
    parties = _parties(verb)
    if place is None or len(parties) < PARTIES:
        return None
    return Event(parties, place, kind)


def meeting_kind(verb: Token) -> str | None:
    """What a verb tells was held: the verb itself when it means meeting ('meet', 'convene'), else its subject or
    object when that names a meeting ('held talks', 'resumed the dialogue'); None for any other act ('signed a
    deal', 'exchanged prisoners')."""
    if verb.lemma_.lower() in lexicon.words("meeting_verbs"):
        return verb.lemma_.lower()
    heads = lexicon.words("event_heads")
    nouns = [c for c in verb.children if c.dep_ in _MEETING_ARGUMENTS]
    return next((n.lower_ for n in nouns if {n.lower_, n.lemma_.lower()} & heads), None)


def _verb_above(token: Token) -> Token | None:
    """The verb a value hangs on: the value is the object of a preposition (or a bare time), a few arcs below it."""
    return verb_above(token, _UP) if token.dep_ in ("pobj", "npadvmod") else None


def _place_of(verb: Token) -> str | None:
    """The one named place after a place preposition whose nearest verb is this one ('in Seoul')."""
    places = {
        slug(ent.text)
        for prep in verb.subtree
        if prep.dep_ == "prep" and prep.lower_ in lexicon.words("place_prepositions") and verb_above(prep) == verb
        for obj in prep.children
        if obj.dep_ == "pobj" and (ent := _entity(obj)) is not None and ent.label_ in _PLACE_LABELS
    }
    return places.pop() if len(places) == 1 else None


def _parties(verb: Token) -> frozenset[Party]:
    """Who the verb's subject names: its conjuncts, what a common noun is 'of' ('top diplomats of South Korea and
    Japan'), a relative pronoun's antecedent; climbing from 'to meet' to the verb with the subject."""
    for _ in range(_UP):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head
            return frozenset(p for t in _conjuncts(subject) for p in _named(t))
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return frozenset()
        verb = verb.head
    return frozenset()


def _named(token: Token) -> list[Party]:
    """The parties one conjunct names: the entity it is, or the entities its 'of' phrase holds."""
    ent = _entity(token)
    if ent is not None:
        return [_party(ent)] if ent.label_ in _PARTY_LABELS else []
    if token.pos_ != "NOUN":
        return []
    objects = [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return [_party(e) for o in objects for t in _conjuncts(o) if (e := _entity(t)) and e.label_ in _PARTY_LABELS]


def _conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('South Korea and Japan')."""
    return [token, *token.conjuncts]


def _entity(token: Token) -> Span | None:
    """The named entity a token is the root of."""
    return next((e for e in token.doc.ents if e.root.i == token.i), None)


def _party(ent: Span) -> Party:
    """A party's words, a nation by its country key ('Japanese' and 'Japan' are one party)."""
    key = country_key(ent.text)
    return frozenset((key or slug(ent.text)).split("_"))
