"""Places as values, read from the parse: where a thing is based, located or arrived, where a journey goes.

"Stockholm-based Mojang" (Mojang, based in: stockholm), "an installation located near the city of
Colorado Springs" (near: colorado_springs), "the flight arrived in Portland" (destination: portland).
The verbs and their attributes are the lexicon's 'place_relations'; the place is a named place of the
parse (GPE, LOC, FAC). The mention carries the name it is stated of, as an age does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import place_key
from factcheck.extract.offline.tree import entity_of
from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLACES = {"GPE", "LOC", "FAC"}
_AT = {"in", "at", "near", "to"}
_JOURNEY = {"from": "origin", "to": "destination"}
_HOLDERS = {"city", "town", "village", "state", "county", "province", "region", "capital"}


def place_relations(text: str, doc: Doc) -> list[Mention]:
    """Every place the sentence states a thing is based, located or arrived at, or a journey goes from or to."""
    out: list[Mention] = []
    for place, owner, attribute in [*_stated(doc), *_journeys(doc)]:
        if owner.text.lower() == place.text.lower():
            continue
        value = Value(type=ValueType.ENTITY, text=place.text, normalized=place_key(place.text))
        out.append(
            Mention(
                place.start_char,
                place.end_char,
                "place",
                value,
                noun=attribute,
                name=owner.text,
                name_start=owner.start_char,
            )
        )
    return out


def _stated(doc: Doc) -> list[tuple[Span, Span, str]]:
    """(place, owner, attribute) of the verbs of the lexicon's 'place_relations' and of 'X-based'."""
    out: list[tuple[Span, Span, str]] = []
    table = lexicon.table("place_relations")
    for tok in doc:
        lemma = tok.lemma_.lower()
        owner: Span | None
        if lemma == "base" and tok.i >= 2 and doc[tok.i - 1].text == "-" and tok.dep_ == "amod":
            place = _place(doc[tok.i - 2])  # 'Stockholm-based Mojang'
            owner = _name(tok.head)
            attribute = str(table.get("base", "based in"))
        elif lemma in table and tok.pos_ in {"VERB", "AUX"}:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in _AT), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            place = _place(obj) if obj is not None else None
            owner = _owner(tok)
            attribute = "near" if prep is not None and prep.lower_ == "near" else str(table[lemma])
        else:
            continue
        if place is not None and owner is not None:
            out.append((place, owner, attribute))
    return out


def _journeys(doc: Doc) -> list[tuple[Span, Span, str]]:
    """'the flight from Los Angeles to Portland', 'the trip home from Los Angeles', 'Flight 567 to Portland': a
    journey's origin and destination (lexicon 'journey_nouns')."""
    out: list[tuple[Span, Span, str]] = []
    nouns, events = lexicon.words("journey_nouns"), lexicon.words("event_heads")
    for tok in doc:
        if tok.lemma_.lower() not in nouns or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        preps = [*_journey_preps(tok), *_journey_preps(*(c for c in tok.children if c.dep_ == "advmod"))]
        beyond = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
        if beyond is not None and beyond.dep_ == "prep" and beyond.lower_ in _JOURNEY and beyond not in preps:
            preps.append(beyond)  # 'stung a woman on Flight 567 to Portland': the parse hangs 'to' on the verb
        paired = [c for p in preps if p.lower_ == "from" for c in p.children if c.dep_ == "prep" and c.lower_ == "to"]
        for prep in [*preps, *paired]:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            place = _place(obj) if obj is not None else None
            if place is None and prep in paired and obj is not None and obj.pos_ == "PROPN":
                place = _name(obj)  # 'from Dover to Calais': the pair says both are places
            after = doc[place.end : place.end + 2] if place is not None else None
            if after is not None and len(after) == 2 and after[0].lower_ == "for" and after[1].lower_ in events:
                continue  # 'a trip to Tokyo for talks': the place of the talks, an event's (events.py)
            if place is not None:
                out.append((place, _numbered(tok), _JOURNEY[prep.lower_]))
    return out


def _journey_preps(*heads: Token) -> list[Token]:
    """The 'from' and 'to' phrases of a journey noun, or of its adverb ('trip home from Los Angeles')."""
    return [c for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in _JOURNEY]


def _numbered(noun: Token) -> Span:
    """The noun's name with the number that follows it ('Alaska Airlines Flight 567')."""
    name = _name(noun)
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        noun.doc[name.start : noun.i + 2] if nxt is not None and nxt.dep_ == "nummod" and nxt.head.i == noun.i else name
    )


def _place(tok: Token) -> Span | None:
    """The named place a token is part of, or that a holder noun names ('the city of Colorado Springs')."""
    if tok.lower_ in _HOLDERS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is None or inner.pos_ != "PROPN":
            return None
        return _name(inner)  # the holder says it is a place, whatever the entity label
    ent = entity_of(tok)
    if ent is None or ent.label_ not in _PLACES:
        return None
    start = ent.start + (tok.doc[ent.start].lower_ == "the")
    return tok.doc[start : ent.end] if start < ent.end else None


def _owner(verb: Token) -> Span | None:
    """What the verb states a place of: its subject, or the noun a participle modifies."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        subject = verb.head
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return _name(subject)


def _name(noun: Token) -> Span:
    """The noun with its compounds and adjectives ('Alaska Airlines flight', 'United States Army installation')."""
    start = noun.i
    while (
        start > 0 and noun.doc[start - 1].dep_ in {"compound", "amod"} and start <= noun.doc[start - 1].head.i <= noun.i
    ):
        start -= 1
    while start < noun.i and (noun.doc[start].text == "-" or noun.doc[start].lower_ == "based"):
        start += 1
    return noun.doc[start : noun.i + 1]
