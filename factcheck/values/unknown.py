"""A text value that only says an answer is not known ('not known', 'uncertain', "hasn't been identified").

Read from the value's parse: its root is a word of not knowing (`unknown_words` in the lexicon: 'unclear',
'uncertain'), a word of knowing negated (`unknown_when_negated`: "hasn't been identified", 'not
established') or behind a negating prefix (`negating_prefixes`: 'unaware'), and it names nothing else
('uncertain future earnings' names earnings). A thing said to be unidentified in a clause of its own counts
alike ("a physician, who hasn't been identified"): it says only what kind of answer is not known. Such a
value answers no question; it only says the question is open.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.models import Value, ValueType
from factcheck.values.meaning import denied, may_read_as, reading, root_of
from factcheck.values.verdict import Verdict

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_WORDS = 8  # a value longer than this says more than that something is not known


def unknown_answer(value: Value) -> bool:
    """Whether a text value only says that the answer is not known."""
    return value.type == ValueType.TEXT and says_unknown(value.text)


@lru_cache(maxsize=8192)
def says_unknown(text: str) -> bool:
    """Whether a short text only says that something is not known, read from its parse."""
    if not text.strip() or len(text.split()) > MAX_WORDS or not may_read_as(text, _knowing()):
        return False  # no word of it can be a word of (not) knowing: no parse needed
    root = root_of(text, MAX_WORDS)
    if root is None or any(t.pos_ in ("NOUN", "PROPN") for t in root.doc if t.i != root.i):
        return False
    if root.pos_ == "NOUN":
        clause = next((c for c in root.children if c.dep_ == "relcl"), None)
        return clause is not None and _not_known(clause)
    return _not_known(root)


def _knowing() -> frozenset[str]:
    """The lemmas _not_known looks for: words of not knowing and verbs of knowing."""
    return lexicon.words("unknown_words") | lexicon.words("unknown_when_negated")


def _not_known(root: Token) -> bool:
    """Whether a word says that something is not known: a word of not knowing, or a verb of knowing negated."""
    lemma = root.lemma_.lower()
    if lemma in lexicon.words("unknown_words") or root.lower_ in lexicon.words("unknown_words"):
        return True
    if _prefix_negated(root.lower_):
        return True  # 'unaware': a word of knowing with a negating prefix
    negated = any(c.dep_ == "neg" for c in root.children)
    return negated and lemma in lexicon.words("unknown_when_negated")


def _prefix_negated(word: str) -> bool:
    """Whether a word is a word of knowing after a negating prefix ('unaware'), both from the lexicon."""
    knowing = lexicon.words("unknown_when_negated")
    return any(word.startswith(p) and word[len(p) :] in knowing for p in lexicon.words("negating_prefixes"))


def open_or_answered(a: Value, b: Value) -> Verdict | None:
    """Two values of one question where one at least says it is open: both open agree; open against a name
    (an entity, or a text naming someone: 'Dr. Korovin') disagree; open against a description ('the hand') is
    not read (UNKNOWN); None when neither is open."""
    open_a, open_b = unknown_answer(a), unknown_answer(b)
    if open_a and open_b:
        return Verdict.AGREE  # 'not known' / 'uncertain': both leave the question open
    if open_a == open_b:
        return None
    answer = b if open_a else a
    return Verdict.DISAGREE if _names(answer) else Verdict.UNKNOWN


def _names(value: Value) -> bool:
    """Whether a value names someone or something: an entity, or a text whose head is a name."""
    if value.type == ValueType.ENTITY:
        return True
    read = reading(value.text)
    return read is not None and not read.common and not denied(value)
