"""Subject and predicate of a value from spaCy's dependency tree: the fallback when the rules find none.

The value's governing verb is the nearest verb above it; the subject is that verb's nominal subject
(or, for an infinitive or a conjoined verb, the subject of the verb it hangs on); the attribute is the
verb's lemma, with the counted noun for counts. "In 2009, a British man was arrested" dates the arrest of
"a British man"; "X said it had grown" gives "it", which the caller resolves to a thing, not the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.counts import count_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = {"nsubj", "nsubjpass"}
_PARTITIVES = {"all", "both", "each", "most", "many", "some", "none"}
_RAISING = {"xcomp", "conj", "advcl", "acl", "relcl"}


@dataclass
class Slot:
    """A subject and predicate for a value; offsets relative to the sentence."""

    subject: str
    start: int
    end: int
    attribute: str
    verb_end: int
    pronoun: bool


def _governing(doc: Doc, start: int) -> tuple[Token, Token] | None:
    """The token at character `start` and the verb it hangs from (the root when no verb governs it)."""
    tok = next((t for t in doc if t.idx <= start < t.idx + len(t)), None)
    if tok is None:
        return None
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return tok, verb


def dependency_slot(doc: Doc, start: int, noun: str = "") -> Slot | None:
    """The subject and predicate governing the value that starts at character `start`."""
    found = _governing(doc, start)
    if found is None:
        return None
    tok, verb = found
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in lexicon.words("speech_verbs"):
        return None  # when a thing was said is not a fact of the story
    subject = _subject(verb)
    if subject is None or subject.pos_ == "NUM":
        counted = _count_owner(tok, noun) or count_subject(
            tok, verb, noun
        )  # 'Of the 300 passengers, only 30 were hurt'
        if isinstance(counted, tuple):
            phrase, attr = counted
            return Slot(phrase.text, phrase.start_char, phrase.end_char, attr, verb.idx + len(verb), False)
        return counted
    left = _left_edge(subject)
    attribute = verb.lemma_.lower() if verb.pos_ == "VERB" else "is"
    if noun and noun not in attribute:
        attribute = f"{noun} {attribute}"
    pronoun = subject.pos_ == "PRON"
    if pronoun and subject.lower_ not in {"it", "they", "he", "she", "that", "this"}:
        return None
    return Slot(
        doc[left.i : subject.i + 1].text, left.idx, subject.idx + len(subject), attribute, verb.idx + len(verb), pronoun
    )


_SETTINGS = {"in", "during"}
_NOT_EVENTS = lexicon.exact("extract_offline_deps_not_events")


def counted_event_slot(doc: Doc, start: int, noun: str) -> Slot | None:
    """'Three people were killed in the attack': a count of victims that is its verb's subject (a verb of the
    lexicon's 'count_predicates') is a count of the event the verb's 'in'/'during' phrase names
    (subject 'the attack', attribute 'people killed', as 'The attack killed
    three people' gives); None when the clause names no such event."""
    number = next((t for t in doc if t.idx >= start and (t.like_num or t.pos_ == "NUM")), None)  # past 'at least'
    found = _governing(doc, number.idx) if number is not None and noun else None
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
        left = _left_edge(event)
        predicate = predicates[verb.lemma_.lower()]
        return Slot(
            doc[left.i : event.i + 1].text,
            left.idx,
            event.idx + len(event),
            f"{noun} {predicate}",
            event.idx + len(event),
            False,
        )
    return None


def _count_owner(tok: Token, noun: str) -> Slot | None:
    """'the 1,500 species of scorpion': a count with no subject of its own belongs to what it counts."""
    counted = tok.head if tok.dep_ in {"nummod", "compound"} else None
    of = (
        next((c for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if counted is not None
        else None
    )
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if not noun or owner is None or owner.pos_ not in {"NOUN", "PROPN"}:
        return None
    left = _left_edge(owner)
    doc = tok.doc
    return Slot(
        doc[left.i : owner.i + 1].text,
        left.idx,
        owner.idx + len(owner),
        f"number of {noun}",
        owner.idx + len(owner),
        False,
    )


def _subject(verb: Token) -> Token | None:
    """The verb's nominal subject, else that of the verb an infinitive or conjoined verb hangs on."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _part_of(subject)
        if verb.dep_ not in _RAISING or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _part_of(subject: Token) -> Token:
    """'All of their shells had been retired': the noun a quantifier takes a part of, else the subject itself."""
    if subject.lemma_.lower() not in _PARTITIVES:
        return subject
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.pos_ in {"NOUN", "PROPN"} else subject


def _left_edge(noun: Token) -> Token:
    """The first token of the noun phrase (determiners, adjectives, compounds, possessives)."""
    start = noun
    for child in noun.lefts:
        if child.dep_ in {"det", "amod", "compound", "poss", "nummod", "nmod"}:
            start = child.left_edge if child.left_edge.i < start.i else start
    return start


def speaker_of_it(doc: Doc, start: int) -> str | None:
    """'The fire chief said it had grown to 2,000 acres': the speaker, when the value's clause has subject 'it'.

    The caller then files the value under the thing 'it' refers to, never under the speaker.
    """
    found = _governing(doc, start)
    if found is None:
        return None
    _, verb = found
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    speech = verb.head
    if (
        subject is None
        or subject.lower_ != "it"
        or verb.dep_ != "ccomp"
        or speech.lemma_.lower() not in lexicon.words("speech_verbs")
    ):
        return None
    speaker = next((c for c in speech.children if c.dep_ in _SUBJECTS), None)
    return None if speaker is None else doc[_left_edge(speaker).i : speaker.i + 1].text


_SIGNATURE = re.compile(r"(?:^|\s)[—–-]+\s*(?P<name>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)\s*$")


def tweet_signature(text: str, start: int) -> Slot | None:
    """'— Crystal Hefner (@crystalhefner) December 29, 2014': an embedded post's signature dates the post."""
    m = _SIGNATURE.search(text[:start])
    if m is None:
        return None
    return Slot(m.group("name"), m.start("name"), m.end("name"), "tweeted", m.end("name"), False)
