"""What a reported clause is about: 'Kuo believes the iPad Pro won't enter mass production until 2015' dates
the iPad Pro's production, not Kuo.

A value inside a complement clause (`ccomp`) that has a subject of its own is a fact about that subject; the
subject of the verb the clause hangs on ('believes', 'said', 'expects') is the source who tells it. The clause
rules read the sentence's first words as its subject ('the analyst believes the bridge'), so for a date in
such a clause told after its teller the reader asks the dependency tree first; where the teller comes after
the clause ('Japan and South Korea are arranging to hold talks next month, a source said') the rules read the
clause's own subject, and their event layer names the act better.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.offline.deps import governing

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = {"nsubj", "nsubjpass"}
_NOUNS = {"NOUN", "PROPN"}


def subject_of_report(doc: Doc, start: int) -> str | None:
    """The clause's own subject ('the iPad Pro') when the value at character `start` lies in a complement clause
    with a noun subject of its own, hanging on a verb whose subject, the teller ('Kuo'), comes first; else None."""
    found = governing(doc, start)
    if found is None:
        return None
    verb = found[1]
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:  # 'is scheduled to start', 'will rise and ...'
        verb = verb.head
    own = _subject(verb)
    if verb.dep_ != "ccomp" or own is None or own.pos_ not in _NOUNS:
        return None
    telling = verb.head
    while _subject(telling) is None and telling.dep_ == "conj" and telling.head.i != telling.i:
        telling = telling.head  # 'expects ... and thinks the doses will ship': the teller of the first verb
    teller = _subject(telling)
    if teller is None or teller.pos_ not in _NOUNS or teller.i > own.i:  # '..., a source said': rules read it right
        return None
    first = min((t.i for t in own.subtree), default=own.i)
    return doc[first : own.i + 1].text


def _subject(verb: Token) -> Token | None:
    """The verb's nominal subject, if it has one."""
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
