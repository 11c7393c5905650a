"""Two amounts that bound one value ('between 50 and 60 doctors', '$5,000 to $10,000', '50-60 beds'): the
value allows any amount from the first to the second, not the first alone.

Read as its first amount, 'between 50 and 60' disagreed with 'more than 50' and with '55'. A range is
exactly two amounts, the smaller first, joined by 'to', a dash, or 'and' after a range opener
(lexicon `range_openers`: 'between'); scale words and currency signs may stand beside either amount.
"""

from __future__ import annotations

import re

from factcheck import lexicon

AMOUNT = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\w.]*\d)")  # an amount in digits: 12, 1,200, 3.5
_DASHES = {"-", "–", "—"}


def stated_range(text: str) -> tuple[float, float] | None:
    """The two amounts a value's text names as its bounds, as written (before scale words), or None."""
    found = list(AMOUNT.finditer(text))
    if len(found) != 2:
        return None
    first, second = (float(m.group(0).replace(",", "")) for m in found)
    if first >= second:
        return None
    gap = text[found[0].end() : found[1].start()].lower()
    words = [w for w in re.findall(r"[a-z]+|[-–—]", gap) if w not in lexicon.table("scales")]
    before = re.findall(r"[a-z]+", text[: found[0].start()].lower())
    opened = bool(before) and before[-1] in lexicon.words("range_openers")
    if words in (["to"], ["-"], ["–"], ["—"]) or (words == ["and"] and opened):
        return first, second
    return None
