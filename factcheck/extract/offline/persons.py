"""Who a person noun names: a name with its compounds, an appositive name, or the noun with its words before it
('42-year-old fisherman Igor Petrov', 'Teodor Brask, a 58-year-old former schoolteacher'), read from the parse for
ages (extract/offline/ages.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def named_after(noun: Token) -> bool:
    """Whether a name follows the noun as its appositive ('the 25-year-old Kenyan, Elias Wambura')."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i for c in noun.children)


def definite(noun: Token) -> bool:
    """Does the noun phrase open with 'the' (a person the article has already named)?"""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def is_person(tok: Token) -> bool:
    """He, she, a person's name, or a noun for a person (lexicon 'person_nouns')."""
    if tok.pos_ == "PRON":
        return tok.lower_ in {"he", "she"}
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    return tok.lemma_.lower() in lexicon.words("person_nouns")


def noun_phrase(noun: Token) -> Span:
    """A noun with its determiners, compounds and adjectives to the left ('The Playboy founder')."""
    start = noun.i
    while (
        start > 0
        and noun.doc[start - 1].head.i == noun.i
        and noun.doc[start - 1].dep_ in {"det", "compound", "amod", "poss"}
    ):
        start -= 1
    return noun.doc[start : noun.i + 1]


def person_name(noun: Token) -> Span:
    """The name an age belongs to: a proper name with its compounds, an appositive name, or the noun with its adjectives."""
    doc = noun.doc
    named = noun.head.pos_ == "PROPN" and (noun.head.ent_type_ == "PERSON" or noun.dep_ == "appos")  # 'Brask, a 58-'
    described = noun.dep_ == "appos" and noun.head.pos_ == "NOUN" and is_person(noun.head)
    if noun.pos_ == "NOUN" and noun.dep_ in {"compound", "appos"} and (named or described):
        return person_name(
            noun.head
        )  # '42-year-old fisherman Igor Petrov', 'The suspect, a 23-year-old Tunisian national'
    if noun.pos_ == "PROPN" and not named_after(noun):
        start = noun.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].lower_ not in lexicon.words("person_nouns")
        ):
            start -= 1  # 'Playboy Tycoon Hugh Hefner': the name stops at a descriptor of a person
        return doc[start : noun.i + 1]
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return person_name(child)
    start = noun.i
    while (
        start > 0
        and doc[start - 1].dep_ in {"amod", "compound"}
        and doc[start - 1].lower_ != "old"
        and doc[start - 1].i > noun.left_edge.i - 1
    ):
        start -= 1
    return doc[start : noun.i + 1]
