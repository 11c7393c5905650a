"""Small text helpers shared by alignment and value comparison: slugs, crude stems, content tokens."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon

_WORD = re.compile(r"[a-z0-9]+")

# Function words, dropped from content tokens (the lexicon's `function_words`, shared with the llm quote check).
STOPWORDS = lexicon.words("function_words")

# Irregular forms a suffix-stripper cannot reach; enough for news predicates.
IRREGULAR = lexicon.table("irregular_stems")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic stem: irregular forms, then -ies/-ing/-ed/-s."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            base = w[: -len(suffix)]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # planned -> plan
            return base
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words (underscores split words, so entity keys work too)."""
    return _WORD.findall(text.lower().replace("_", " "))


@lru_cache(maxsize=65536)
def content_tokens(text: str) -> frozenset[str]:
    """Stemmed words without stopwords."""
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS)


def slug(text: str) -> str:
    """Lower-case words joined by '_' (the shape of an entity key)."""
    return "_".join(words(text))


def nested_noun(a: str, b: str) -> bool:
    """Whether one noun phrase ends in the whole of the other ('government soldier' / 'soldier'): the same things
    counted, named more fully on one side."""
    wa, wb = words(a), words(b)
    short, long = sorted((wa, wb), key=len)
    return bool(short) and long[len(long) - len(short) :] == short
