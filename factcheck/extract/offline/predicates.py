"""What a value tells of its subject, named from the verb above it: the counted noun with the verb as written
('homes destroyed'), the count alone after a light verb ('has 4,200 residents'), what a sum is for ('$300 million in
grants'), a capacity ('was licensed to carry 250 passengers'), 'duration' for a duration (extract/offline/deps.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.quantities import count_attribute

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LIGHT_VERBS = lexicon.exact("extract_offline_deps_light_verbs")
_MEASURE_VERBS = lexicon.words("measure_verbs")
DESCRIBING = {"amod", "compound", "nmod"}


def value_attribute(verb: Token, head: Token, noun: str, kind: str, tok: Token, end: int) -> str:
    """What a value tells of its subject, by its kind: how long, a sum, when an act was done to a thing, or the
    counted noun with the verb as written."""
    attribute = verb.lemma_.lower() if verb.pos_ == "VERB" else "is"
    if kind == "duration":
        attribute = "duration"  # 'the talks lasted two days': how long, whatever the verb
    elif kind == "money":
        attribute = money_attribute(head, verb, end, tok)
    elif kind == "date" and verb.pos_ == "VERB":
        attribute = " ".join([attribute, *object_words(verb)])  # 'conducting a joint helicopter raid in 2013'
    elif noun and verb.lemma_.lower() in LIGHT_VERBS:
        attribute = count_attribute(noun)  # 'The town has 4,200 residents': a count the verb adds nothing to
    elif (
        noun
        and verb.lemma_.lower() in _MEASURE_VERBS
        and noun in (count_attribute(noun), "percent")
        and head.head.lower_ != "by"
    ):
        attribute = (
            noun  # 'grows to 3.7m', 'can reach 3.8 meters', 'turnout stood at 71 percent': one level, whatever the verb
        )
    elif noun and _capacity(verb):
        attribute = f"{noun} capacity"  # 'was licensed to carry 250 passengers': what it may carry, not what it carries
    elif noun and noun not in attribute:
        attribute = f"{noun} {verb.lower_}"  # a count keeps the verb as written: 'homes destroyed', 'percent rose'
    return attribute


def _capacity(verb: Token) -> bool:
    """Whether a verb is an infinitive hanging on a word of capacity ('licensed to carry', 'designed to hold')."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.head.i != verb.i and verb.head.lower_ in lexicon.words("capacity_governors")


def object_words(verb: Token) -> list[str]:
    """The thing a verb acts on, as lemmas of its object noun and the nouns compounded with it ('helicopter raid')."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return []
    return [c.lemma_.lower() for c in obj.children if c.dep_ == "compound" and c.i < obj.i] + [obj.lemma_.lower()]


def money_attribute(head: Token, verb: Token, end: int, tok: Token | None = None) -> str:
    """What a sum is: '$300 million in grants' -> grants, 'a $1.3 billion fund' -> fund, 'a list price of $5' ->
    list price, 'paid $5' -> payment amount, 'has $5' -> amount."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
    kind = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if prep else None
    if kind is None and head.dep_ in DESCRIBING and head.head.pos_ == "NOUN":
        kind = head.head
    amount = next((t for t in (head, tok, tok.head if tok else None) if t is not None and t.dep_ == "pobj"), None)
    named = amount.head.head if amount is not None and amount.head.lower_ == "of" else None
    if kind is None and named is not None and named.pos_ == "NOUN" and named.i != verb.i:
        kind, end = named, -1  # the noun the sum is 'of', with the words before it
    if kind is not None:
        words = [t for t in kind.lefts if t.dep_ in {"amod", "compound"} and t.idx >= end]
        return " ".join([*(t.doc[t.left_edge.i : t.i + 1].text.lower() for t in words), kind.lower_])
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS:
        return "amount"
    return f"{lexicon.table('noun_of_verb').get(verb.lower_, verb.lower_)} amount"


def measured_thing(head: Token) -> Span | None:
    """What a duration is the length of, after 'of' ('two years of free credit monitoring', 'three days of talks'),
    or None: a noun that is no person, pronoun or word of `unmeasured_nouns` ('13 years of age'). A part of a
    thing told ('50 seconds of the video', 'the first six months of treatment') is no length of it."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in lexicon.words("unmeasured_nouns"):
        return None
    part = any(c.dep_ in {"det", "poss", "amod"} for c in head.children)  # 'the first six months'
    person = noun.lemma_.lower() in lexicon.words("person_nouns")
    if part or person or any(c.dep_ in {"det", "poss"} for c in noun.children):  # 'of the video'
        return None
    return noun.doc[noun.left_edge.i : noun.i + 1]
