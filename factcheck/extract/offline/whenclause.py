"""The act of a 'when' clause right after a date ('allowed back on Aug. 2, when the evacuation order was lifted'):
the date is that act's date too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.offline.deps import Slot, clause_end, left_edge, of_end
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
    left, last = left_edge(subject), of_end(subject)
    attribute = " ".join([verb.lower_, *object_words(verb)])
    return Slot(doc[left.i : last.i + 1].text, left.idx, last.idx + len(last), attribute, clause_end(verb), False)


def _past(verb: Token) -> bool:
    """Is the verb in the past tense ('was lifted', 'rose')?"""
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)
