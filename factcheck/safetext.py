"""One sanitiser for untrusted text on its way to a terminal or a text report.

Article text, metadata, file names, review notes and model output can all hold control characters:
an escape sequence that clears the screen, sets the window title or hides a hyperlink (OSC 8), a
carriage return that overwrites a line, or a bidi override that shows text in another order.
`visible` replaces each such character with one visible stand-in, so offsets into the text stay
valid: C0 controls become their Unicode control pictures (ESC shows as U+241B), DEL as U+2421,
C1 controls and bidi controls as U+FFFD. Newline and tab are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

REPLACEMENT = "\ufffd"
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TABLE = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\n\t\r"}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: ord(REPLACEMENT) for c in range(0x80, 0xA0)})
_TABLE.update({ord(c): ord(REPLACEMENT) for c in _BIDI})
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "]")
_LONE_CR = re.compile(r"\r(?!\n)")


def visible(text: str) -> str:
    """`text` with every control character made visible, one character for one (offsets unchanged)."""
    if not _UNSAFE.search(text):
        return text
    return _LONE_CR.sub("\u240d", text).translate(_TABLE)


def is_clean(text: str) -> bool:
    """Whether `text` has nothing `visible` would change."""
    return _UNSAFE.search(text) is None


def _clean(value: Any) -> Any:
    """Every string inside a dumped model made visible."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def safe_model(model: M) -> M:
    """A copy of a pydantic model (a Report, a Decision) with every string in it made visible."""
    data = model.model_dump(mode="python")
    clean = _clean(data)
    return model if clean == data else type(model).model_validate(clean)


def safe_mapping(items: Mapping[str, M] | None) -> dict[str, M] | None:
    """Decisions (or any models by key) with their strings made visible."""
    return None if items is None else {k: safe_model(v) for k, v in items.items()}


def code_span(text: str) -> str:
    """A Markdown inline code span holding `text` whatever backticks it contains (CommonMark rules)."""
    text = visible(text).replace("\n", " ").replace("|", "&#124;")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
