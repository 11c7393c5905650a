"""Several amounts a model gives as one value ('price points: $350, $550 and $950'): one claim per amount.

Read as one value, a list keeps only its first amount, so '$350, $550 and $950' met '$950' as a
contradiction. Each amount becomes a claim of its own with the same quote; the classifier then sees one
source listing several values side by side (classify/listed.py), which another source giving one of them
does not contradict, and each amount can agree with the same amount elsewhere. A list is two or more
amounts joined only by commas, semicolons, 'and' or '&' ('two or three' is one uncertain amount); a range ('between $5,000 and $10,000',
'$5 to $10', '$5-$10') stays one value.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from factcheck.extract.llm.values import normalize_value
from factcheck.extract.offline.money import find_money
from factcheck.models import Claim, ValueType
from factcheck.values.ranges import AMOUNT, stated_range

_JOINER = re.compile(r"\s*(?:[,;&]|,?\s*\band\b)\s*", re.IGNORECASE)


def _spans(text: str, kind: ValueType) -> list[tuple[int, int]]:
    """Where the amounts of a value's text are, in order, without overlaps."""
    if kind == ValueType.MONEY:
        found = sorted((m.start, m.end) for m in find_money(text))
    else:
        found = [(m.start(), m.end()) for m in AMOUNT.finditer(text)]
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            if end - start > spans[-1][1] - spans[-1][0]:
                spans[-1] = (start, end)  # the longer reading of one amount
            continue
        spans.append((start, end))
    return spans


def listed_amounts(text: str, kind: ValueType) -> list[str]:
    """Each amount of a listed money or number value, as written; [] when the value is one amount or a range.

    A number's words after its last amount belong to every amount ('3, 5 and 7 patients')."""
    if kind not in (ValueType.MONEY, ValueType.NUMBER):
        return []
    spans = _spans(text, kind)
    if len(spans) < 2:
        return []
    if stated_range(text) or any(not _JOINER.fullmatch(text[a[1] : b[0]]) for a, b in pairwise(spans)):
        return []
    tail = text[spans[-1][1] :] if kind == ValueType.NUMBER else ""
    return [text[start:end] + tail for start, end in spans]


def listed(claim: Claim, anchor: date | None) -> list[Claim]:
    """The claim, or one claim per amount when its value lists several (each read as the model's value is)."""
    pieces = listed_amounts(claim.value.text, claim.value.type)
    if not pieces:
        return [claim]
    values = [normalize_value(piece, claim.value.type, anchor, claim.quote) for piece in pieces]
    return [claim.model_copy(update={"value": v}).with_id() for v in values if v.type == claim.value.type]
