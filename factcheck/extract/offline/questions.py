"""Open questions, read from the parse: 'it is not known how the scorpion got on the plane' and 'it is uncertain
how the scorpion got on the plane' give the scorpion's 'how get on plane' as unknown, so two outlets that both
leave it open agree, and one that says how can be held against them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.agents import noun_key, noun_text
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

UNKNOWN = "unknown"


def _unknown_cue(tok: Token) -> Token | None:
    """The verb whose clause is said to be unknown: 'not known how ...', 'unclear why ...'; None otherwise."""
    lemma = tok.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in [*tok.children, *tok.head.children])
    if lemma not in lexicon.words("unknown_words") and not (negated and lemma in lexicon.words("unknown_when_negated")):
        return None
    governor = tok.head if tok.dep_ == "acomp" else tok
    return next((c for c in governor.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)


def question_attribute(verb: Token) -> tuple[str, Token] | None:
    """'how the scorpion got on (to) the plane' -> ('how get on plane', scorpion); None without a question word."""
    wh = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lexicon.words("question_words")), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if wh is None or subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = [wh.lower_, verb.lemma_.lower()]
    link = next((c for c in verb.children if c.dep_ in {"prt", "prep"}), None)
    if link is not None:
        words.append(link.lower_)
        obj = next((t for t in link.subtree if t.dep_ == "pobj"), None)
        if obj is None:
            obj = next((t for c in verb.children if c.dep_ == "prep" for t in c.subtree if t.dep_ == "pobj"), None)
        if obj is not None:
            words.append(obj.lemma_.lower())
    else:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            words.append(obj.lemma_.lower())
    return " ".join(words), subject


def open_questions(doc: Doc) -> list[tuple[Token, Token, str, Token]]:
    """(cue, subject, attribute, verb) for each clause the sentence says is unknown."""
    found = []
    for tok in doc:
        verb = _unknown_cue(tok)
        if verb is None:
            continue
        question = question_attribute(verb)
        if question is not None:
            found.append((tok, question[1], question[0], verb))
    return found


class QuestionsMixin(_Base):
    """Emits an open question as the text value 'unknown' of its subject; mixed into the offline reader."""

    doc: Doc

    def _open_questions(self) -> None:
        """One claim per open question of the sentence, quoted from the cue to the end of its clause."""
        for cue, subject, attribute, verb in open_questions(self.doc):
            start = min(t.idx for t in [cue, *(c for c in cue.children if c.dep_ == "neg")])
            end = max(t.idx + len(t) for t in verb.subtree if t.dep_ not in {"cc", "conj"} and t.head.dep_ != "conj")
            value = Value(type=ValueType.TEXT, text=self.text[start : cue.idx + len(cue)], normalized=UNKNOWN)
            ci = self._clause_of(self._token_at(start))
            self._emit_span(
                noun_text(subject), noun_key(subject), attribute, value, None, start, end, self._modality(ci)
            )
