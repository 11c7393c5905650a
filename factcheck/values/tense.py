"""Figures told as what a finished action did: fixed facts, whose different values conflict at any date.

"They copied 1.9 terabytes" (April) and "the attackers took 1.6 terabytes" (June) tell one past act two
ways: that is a contradiction, not the story moving on. A figure is such a fixed fact when the verb
governing it, within a few words before the value, is a simple past ('copied', 'took'; not 'has
copied', 'had reached'), not a verb of change ('rose to'), and nothing marks it provisional or running
('estimated', 'about', 'so far'). The word lists are data, in the shared lexicon.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.extract.asof import running_cue
from factcheck.models import Claim, Modality
from factcheck.values.typed import TYPE_GROUP

LOOKBACK = 5  # words before the value searched for the verb that governs it
# Words before a participle that make it no simple past: perfect ('has copied'), present passive ('is
# supported': a state now), future or infinitive ('will be paid', 'to be paid').
NOT_SIMPLE = lexicon.words("not_simple_past")
MIN_REGULAR = 5  # a word ending in -ed this long or longer may be a regular past ('copied', 'enrolled')
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def done_figure(claim: Claim) -> bool:
    """Whether a count or amount is told as what a finished action did ('they copied 1.9 terabytes')."""
    if TYPE_GROUP[claim.value.type] not in ("quantity", "money") or claim.modality != Modality.REPORTED:
        return False
    quote, text = claim.quote, claim.value.text
    at = quote.lower().find(text.lower()) if text else -1
    if at < 0 or running_cue(quote):
        return False
    before = [w.lower() for w in _WORD.findall(quote[:at])][-LOOKBACK:]
    provisional, change = lexicon.words("provisional_words"), lexicon.words("change_verbs")
    if any(w in provisional for w in before) or any(w in provisional for w in _WORD.findall(text.lower())):
        return False
    return not any(w in change for w in before) and simple_past_before(quote, at)


def simple_past_before(text: str, at: int) -> bool:
    """Whether the verb right before position `at` is a simple past ('ignited it on', 'reopened to all
    traffic on'), not a perfect, a passive present or a future ('has reopened', 'is held', 'will reopen')."""
    before = _WORD.findall(text[:at])[-LOOKBACK:]
    for i in range(len(before) - 1, -1, -1):
        word = before[i].lower()
        if word in NOT_SIMPLE - {"to"} or word in lexicon.words("modality_expected"):
            return False
        if _past(word) and before[i] == word:
            return i == 0 or before[i - 1].lower() not in NOT_SIMPLE
    return False


def past_form(word: str) -> bool:
    """Whether a lower-case word is a simple past ('announced', 'took')."""
    return _past(word)


def _past(word: str) -> bool:
    return word in lexicon.words("past_irregular") or (len(word) >= MIN_REGULAR and word.endswith("ed"))
