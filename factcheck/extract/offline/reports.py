"""Reports and the words that call them false, read from the parse of one sentence: a report noun ('a
posting', 'the claim'), the clause it carries ('the claim that X', 'a posting ... that said X'), and the words
that call it false ('is false', 'rejected as false', 'no truth to'; 'It is not true that X'). Language data in
the lexicon: `report_nouns`, `report_verbs`, `falsity_words`, `truth_words`, `denial_verbs`, `truth_nouns`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")
_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj"}
_CONTENT = {"ccomp", "acl", "relcl", "advcl", "xcomp"}


def report_noun(tok: Token) -> bool:
    """Whether a token names a report ('a posting', 'the claim'), also where the parse tags it a verb in a noun's
    place ('reports ... were false')."""
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in _NOMINAL
    return nominal and tok.lemma_.lower() in lexicon.words("report_nouns")


def report_content(noun: Token) -> Token | None:
    """The clause a report noun carries: 'the claim that X', 'a posting ... that said X', 'reports X', 'a bogus
    report claimed X'."""
    told = noun.head
    if noun.dep_ == "nsubj" and told.pos_ == "VERB" and told.lemma_.lower() in lexicon.words("report_verbs"):
        claimed = next((c for c in told.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if claimed is not None:
            return claimed
    for tok in noun.subtree:
        if tok.dep_ in _CONTENT and tok.pos_ in ("VERB", "AUX") and tok.head.i >= noun.i:
            said = tok.lemma_.lower() in lexicon.words("report_verbs")
            inner = next((c for c in tok.children if c.dep_ == "ccomp"), None) if said else tok
            if inner is not None and inner.pos_ in ("VERB", "AUX"):
                return inner
    return None


def denied_noun(noun: Token) -> str | None:
    """The words that call a report noun false, or None: 'is false', 'rejected as false', 'no truth to'."""
    head = noun.head
    falsity = lexicon.words("falsity_words")
    if noun.dep_ in _SUBJECTS:
        called = false_word(head, ("acomp", "attr"))
        if called is not None:
            return head.doc[min(head.i, called.i) : max(head.i, called.i) + 1].text  # 'was a hoax', 'is not true'

    if noun.dep_ == "dobj" and head.lemma_.lower() in lexicon.words("denial_verbs"):
        said_false = [t for t in head.subtree if t.lower_ in falsity and t.i < noun.i]
        return head.doc[head.i : said_false[0].i + 1].text if said_false else head.text  # 'dismissed as a hoax'
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in lexicon.words("truth_nouns"):
        if any(c.lower_ == "no" for c in head.head.children):
            return f"no {head.head.text}"
    called = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in falsity), None)
    return f"{called.text} {noun.text}" if called is not None else None  # 'a bogus report claimed ...'


def called_false(verb: Token) -> tuple[str, Token] | None:
    """'It is not true that X', 'It is false that X': the words that deny and the clause they deny."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return None
    called = false_word(verb, ("acomp",))
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if called is None or content is None:
        return None
    return verb.doc[verb.i : called.i + 1].text, content


def false_word(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The complement by which a verb calls its subject false: a word of falsity ('is a hoax', 'is false'), or a
    word of truth negated ('is not true')."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    calling = lexicon.words("truth_words") if negated else lexicon.words("falsity_words")
    return next((c for c in verb.children if c.dep_ in deps and c.lemma_.lower() in calling), None)


def calls_false(cue: str) -> bool:
    """Whether the words that deny a report call it false ('are false', 'no truth', 'dismissed as a hoax'), not
    a denial verb alone ('has dismissed'): a verdict on the story, not a party's denial the article reports."""
    said = set(re.findall(r"[a-z]+", cue.lower()))
    return bool(said & (lexicon.words("falsity_words") | lexicon.words("truth_words") | lexicon.words("truth_nouns")))
