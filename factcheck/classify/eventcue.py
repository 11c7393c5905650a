"""Event words beside a date: 'down since March 9' and 'came back on 27 March' date different events.

A date claim's attribute does not always name its event (the extractor may only find the subject's
noun), so two date claims whose quotes put opposed event words right before their dates (down/back,
shut/reopened, began/ended, suspended/resumed, opened/closed) are never one fact in dispute.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.models import Claim

HALT = lexicon.words("event_halt_words")
START = lexicon.words("event_start_words")
_FILLER = lexicon.words("event_cue_filler")
LOOKBACK = 4  # words before the date searched for its event word


def _words_before(claim: Claim) -> list[str]:
    """Lower-cased words of the quote right before the claim's date text, nearest first."""
    at = claim.quote.find(claim.value.text) if claim.value.text else -1
    if at < 0:
        return []
    return [w.lower() for w in re.findall(r"[A-Za-z]+", claim.quote[:at])][::-1]


def event_polarity(claim: Claim) -> str | None:
    """'halt' or 'start' when the word(s) just before the date name an ending or a beginning, else None."""
    seen = 0
    for word in _words_before(claim):
        if word in HALT:
            return "halt"
        if word in START:
            return "start"
        if word not in _FILLER:
            seen += 1
            if seen >= 2 or seen > LOOKBACK:
                return None
    return None


def opposed_events(a: Claim, b: Claim) -> bool:
    """Do two date claims carry opposed event words (one an ending, the other a beginning)?"""
    pa, pb = event_polarity(a), event_polarity(b)
    return pa is not None and pb is not None and pa != pb
