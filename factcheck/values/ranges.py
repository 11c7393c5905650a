"""Two amounts that bound one value ('between 50 and 60 doctors', '$5,000 to $10,000', '50-60 beds'): the
value allows any amount from the first to the second, not the first alone. An age by decade ('her teens',
'his early 40s', 'their mid-twenties') bounds one too (lexicon `decades`, `decade_parts`).

Read as its first amount, 'between 50 and 60' disagreed with 'more than 50' and with '55'. A range is
exactly two amounts, the smaller first, joined by 'to', a dash, or 'and' after a range opener
(lexicon `range_openers`: 'between'); scale words and currency signs may stand beside either amount.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon

AMOUNT = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\w.]*\d)")  # an amount in digits: 12, 1,200, 3.5
_DASHES = {"-", "–", "—"}


@lru_cache(maxsize=1)
def _decade_pattern() -> re.Pattern[str]:
    """'early 20s', 'mid-twenties', 'teens': an optional part, then a decade in figures or in words."""
    parts, words = "|".join(lexicon.table("decade_parts")), "|".join(lexicon.table("decades"))
    return re.compile(rf"\b(?:({parts})[\s-]+)?(\d0)['’]?s\b|\b(?:({parts})[\s-]+)?({words})\b")


def decade_range(text: str) -> tuple[float, float] | None:
    """The years an age by decade spans ('early 20s': 20-23, 'teens': 13-19, 'late forties': 47-49), or None."""
    low = text.lower()
    match = _decade_pattern().search(low)
    if match is None or any(not match.start() <= m.start() < match.end() for m in AMOUNT.finditer(low)):
        return None  # '13 teens' counts teenagers
    decades: dict[str, int] = lexicon.table("decades")
    part = match.group(1) or match.group(3)
    first = int(match.group(2)) if match.group(2) else decades[match.group(4)]
    last = first + 6 if first == decades.get("teens") else first + 9
    if part is not None:
        early, late = lexicon.table("decade_parts")[part]
        first, last = first + early, min(last, first + late)  # 'late teens' ends at 19
    return float(first), float(last)


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
