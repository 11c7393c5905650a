"""Acts told by a noun: a clause may deny an act by naming it as a thing ('No air force aircraft carried out any
strike on Kafr Sallah', 'Jonas has never returned a positive test'), where another article tells the act with
its verb ('warplanes struck the village of Kafr Sallah', 'Berglund has tested positive'). A denied clause
whose verb only carries the act its object (or passive subject) names (lexicon `support_verbs`: 'carried
out', 'returned', 'reached'), a noun of an act (values/senses.py: WordNet's derivational links), also denies
that act: of the clause's subject, with the noun's adjectives ('test positive'), of anyone when the noun is
the subject and 'no' denies it ('no agreement had been reached': nobody agreed), and, as done to it,
of the thing a preposition of the noun names ('strike on Kafr Sallah': Kafr Sallah, struck). Each is a
stance beside the clause's own (extract/offline/stances.py); like any stance it is kept only where another
article meets it (align/stances.py). A report called false that names an act by its noun ('the reports of
their release are false', 'denied reports of an air strike on the village') denies the act likewise, of the one
whose act it is and of what it is done to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.reports import denied_noun, report_content, report_noun
from factcheck.extract.offline.stances import Stance, verb_lemmas
from factcheck.values.senses import act_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_THINGS = ("NOUN", "PROPN")


def noun_acts(stances: list[Stance]) -> list[Stance]:
    """The stances with, after each denied one told through a noun of an act, the stances of that act."""
    out: list[Stance] = []
    for stance in stances:
        out.append(stance)
        if stance.denied:
            out += _acts(stance)
    return out


def _acts(stance: Stance) -> list[Stance]:
    """The stances of the act a denied stance's noun names: about the clause's subject, and about what the
    noun's preposition names as done to."""
    verb = stance.verb
    if " ".join(verb_lemmas(verb, complement=False)) not in lexicon.words("support_verbs"):
        return []  # 'failed a drugs test' tells another act than the test's
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if noun is None or (noun.dep_ == "dobj" and stance.subject.i == noun.i):
        return []  # told once per clause: with the stance about its subject, not the one about its object
    act = act_of(noun.lemma_.lower())
    if act is None:
        return []
    out = []
    kinds = [c.lemma_.lower() for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
    if stance.subject.i != noun.i:  # 'Jonas has never returned a positive test': Jonas, not tested positive
        out.append(replace(stance, attribute=" ".join([act, *kinds])))
    elif any(c.dep_ == "det" and c.lower_ in lexicon.words("negations") for c in noun.children):
        out.append(replace(stance, attribute=" ".join([act, *kinds]), anyone=True))  # 'no agreement was reached'
    for target in _targets(noun):
        out.append(replace(stance, subject=target, attribute=act))
    return out


def _targets(noun: Token) -> list[Token]:
    """What a noun of an act names as done to, by a preposition of the lexicon's `act_target_prepositions`
    ('any strike on Kafr Sallah')."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in lexicon.words("act_target_prepositions")]
    return [n for p in preps for n in p.children if n.dep_ == "pobj" and n.pos_ in _THINGS]


def reported_acts(doc: Doc) -> list[Stance]:
    """The acts a sentence's reports called false name by their nouns ('reports of his death are false'): the
    act denied, of whose it is ('his death': he, die) and of what it is done to ('the release of the
    hostages': the hostages, release)."""
    out: list[Stance] = []
    for tok in doc:
        if not report_noun(tok) or report_content(tok) is not None or (cue := denied_noun(tok)) is None:
            continue
        about = [n for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "about") for n in p.children]
        for noun in about:
            act = act_of(noun.lemma_.lower()) if noun.dep_ == "pobj" and noun.pos_ == "NOUN" else None
            if act is None:
                continue
            whose = [_antecedent(c) for c in noun.children if c.dep_ == "poss" and c.pos_ in (*_THINGS, "PRON")]
            for subject in whose + _targets(noun):
                out.append(Stance(subject, noun, act, cue, True, 0, len(doc.text.rstrip())))
    return out


def _antecedent(owner: Token) -> Token:
    """Whose a possessive pronoun says the act is: the last subject before it in the sentence that agrees with it
    ('The workers and their driver remain in captivity, and the reports of their release are false': the
    workers; 'his' a person's name), else the pronoun, left to the reader."""
    if owner.pos_ != "PRON":
        return owner
    plural = owner.lower_ == "their"
    for tok in reversed(owner.doc[: owner.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in _THINGS or tok.is_ancestor(owner):
            continue
        many = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
        if many == plural and (plural or tok.ent_type_ == "PERSON"):
            return tok
    return owner
