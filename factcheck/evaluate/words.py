"""Whether a predicted text or entity value says what a gold one says, by their content words.

Gold text values are written by hand, and their normal forms ("acid on genitals") are one annotator's
shorthand that no extractor, and no careful reader, writes the same way. So text and entity values are
scored by their words: after folding case and accents and dropping stop words (spaCy's English list,
negations kept), either the gold's normal form is all in the predicted value, or the predicted value's
words and the gold's share at least half of their union. A value that negates and one that does not
never agree. This is the scorer's own rule; it shares nothing with how alignment compares values.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from factcheck.extract.entities import fold_accents
from factcheck.extract.offline.counts import inflect_engine
from factcheck.models import Value, ValueType

WORD_TYPES = (ValueType.TEXT, ValueType.ENTITY)
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "without", "n't", "cannot"})
_STOP = frozenset(STOP_WORDS) - NEGATIONS
_WORD = re.compile(r"[a-z0-9]+")
_NOT = re.compile(r"n't\b")
_POSSESSIVE = re.compile(r"'s\b")
MIN_SHARED = 0.5  # share of the union of both values' words
MAX_EXTRA = 3  # words a value holding the gold's normal form may add beyond the gold's own


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Folded words of a value that carry meaning, plural nouns made singular (inflect); negations kept as 'not'."""
    folded = fold_accents(text).lower().replace("’", "'").replace("_", " ")
    words = _WORD.findall(_POSSESSIVE.sub("", _NOT.sub(" not", folded)))
    out = set()
    for w in words:
        if w in NEGATIONS:
            out.add("not")
        elif w not in _STOP:
            out.add(inflect_engine().singular_noun(w) or w)
    return frozenset(out)


def words_agree(predicted: Value, gold: Value) -> bool:
    """Two text or entity values say the same thing in words (the module's rule)."""
    if predicted.type not in WORD_TYPES or gold.type not in WORD_TYPES:
        return False
    said = content_words(predicted.text) | content_words(predicted.normalized)
    written = content_words(gold.text) | content_words(gold.normalized)
    if not said or not written or ("not" in said) != ("not" in written):
        return False
    short = content_words(gold.normalized)
    if short and short <= said and len(said - written) <= MAX_EXTRA:
        return True
    return len(said & written) / len(said | written) >= MIN_SHARED
