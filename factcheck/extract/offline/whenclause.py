"""The act of a 'when' clause right after a date ('allowed back on Aug. 2, when the evacuation order was lifted'):
the date is that act's date too. A date told inside a relative clause ('a ferry that overturned off Calbayan Island
on Saturday morning') is the date of that clause's act, done by the noun it hangs on, not of the sentence's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.offline.deps import Slot, clause_end, governing, left_edge, of_end
from factcheck.extract.offline.predicates import object_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def when_slot(doc: Doc, start: int, end: int) -> Slot | None:
    """The act of a 'when' clause right after the date at characters `start`..`end` ('allowed back on Aug. 2, when
    the evacuation order was lifted'; the parse hangs it on the date or on the main verb): that date is its date
    too. None when no such clause follows the date."""
    date_end = max((t.i for t in doc if start <= t.idx < end), default=len(doc))
    after = [t for t in doc[date_end + 1 : date_end + 3] if t.text != ","][:1]  # 'Aug. 2, when' or 'Aug. 2 when'
    when = after[0] if after and after[0].lower_ == "when" and after[0].dep_ == "advmod" else None
    verb = when.head if when is not None else None
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head  # 'when the order was lifted and replaced by an alert': 'when' may hang on the second verb
    if verb is None or verb.dep_ not in {"relcl", "advcl"} or verb.pos_ != "VERB" or not _past(verb):
        return None  # 'since the 1980s, when the regime changes': what happens whenever, not an act on the date
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return _act_slot(subject, of_end(subject), verb)


def _past(verb: Token) -> bool:
    """Is the verb in the past tense ('was lifted', 'rose')?"""
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def relative_slot(doc: Doc, start: int) -> Slot | None:
    """The act of the relative clause the date at character `start` hangs in ('Divers recovered bodies from a ferry
    that overturned on Saturday morning': the ferry overturned then), or None: its verb past and its subject the
    relative pronoun of a noun."""
    found = governing(doc, start)
    verb = found[1] if found is not None else None
    if verb is None or verb.dep_ != "relcl" or verb.pos_ != "VERB" or not _past(verb):
        return None
    pronoun = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    noun = verb.head.head if verb.head.dep_ == "appos" and verb.head.head.pos_ == "PROPN" else verb.head
    if pronoun is None or pronoun.lower_ not in {"that", "which", "who"} or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    told = noun.dep_ in {"nsubj", "nsubjpass", "dobj", "appos"} or (noun.dep_ == "pobj" and noun.head.lower_ == "of")
    if noun.pos_ == "NOUN" and (not told or any(c.dep_ == "poss" for c in noun.children)):
        return None  # 'second in command who', "Kim Jong-un's uncle who": a description the rules read better
    return _act_slot(noun, noun, verb)


def _act_slot(doer: Token, last: Token, verb: Token) -> Slot:
    """The slot of a verb's act done by the noun phrase of `doer` up to `last`: the verb as written and its object."""
    left = left_edge(doer)
    attribute = " ".join([verb.lower_, *object_words(verb)])
    return Slot(doer.doc[left.i : last.i + 1].text, left.idx, last.idx + len(last), attribute, clause_end(verb), False)
