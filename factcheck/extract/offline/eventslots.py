"""Slots the dependency tree gives a value beyond its own verb's subject: the event a count of victims names
('Three people were killed in the attack'), and an embedded post whose signature a date ends."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.deps import Slot, governing, noun_slot

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SUBJECTS = {"nsubj", "nsubjpass"}
_SETTINGS = {"in", "during"}
_NOT_EVENTS = lexicon.exact("extract_offline_deps_not_events")


def counted_event_slot(doc: Doc, start: int, noun: str) -> Slot | None:
    """'Three people were killed in the attack': a count of victims that is its verb's subject (a verb of the
    lexicon's 'count_predicates') is a count of the event the verb's 'in'/'during' phrase names
    (subject 'the attack', attribute 'people killed', as 'The attack killed
    three people' gives); None when the clause names no such event."""
    number = next((t for t in doc if t.idx >= start and (t.like_num or t.pos_ == "NUM")), None)  # past 'at least'
    found = governing(doc, number.idx) if number is not None and noun else None
    if found is None:
        return None
    tok, verb = found
    counted = tok.head if tok.dep_ in {"nummod", "compound"} else tok
    predicates = lexicon.table("count_predicates")
    if (
        verb.pos_ != "VERB"
        or counted.dep_ not in _SUBJECTS
        or counted.head.i != verb.i
        or verb.lemma_.lower() not in predicates
    ):
        return None  # only victims: 'lawsuits filed in federal court' count no event
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _SETTINGS):
        event = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if event is None or event.pos_ != "NOUN" or event.ent_type_ in _NOT_EVENTS:
            continue
        return noun_slot(event, f"{noun} {predicates[verb.lemma_.lower()]}")
    return None


_SIGNATURE = re.compile(r"(?:^|\s)[—–-]+\s*(?P<name>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)\s*$")


def tweet_signature(text: str, start: int) -> Slot | None:
    """'— Crystal Hefner (@crystalhefner) December 29, 2014': an embedded post's signature dates the post."""
    m = _SIGNATURE.search(text[:start])
    if m is None:
        return None
    return Slot(m.group("name"), m.start("name"), m.end("name"), "tweeted", m.end("name"), False)
