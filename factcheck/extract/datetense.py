"""The tense a date without a year takes from its sentence: the tense of the verb governing it in spaCy's parse
(extract/offline/verbtense.py), or, where the parse gives no verb (a verbless phrase) or no parser is installed,
the older word cues around it (news conventions: "-ed" words, 'will', 'to <verb>')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.verbtense import read_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from factcheck.extract.periods import Tense

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_FUTURE_CUES = lexicon.exact("extract_timeparse_future_cues")
_PAST_IRREGULAR = lexicon.exact("extract_timeparse_past_irregular")
_NOT_VERBS = lexicon.exact("extract_timeparse_not_verbs")
_PRONOUNS = lexicon.exact("extract_timeparse_pronouns")


def sentence_tense(text: str, start: int, end: int, doc: Doc | None = None, offset: int = 0) -> Tense | None:
    """The tense of the verb governing text[start:end] in spaCy's parse (extract/offline/verbtense.py); the word
    cues of tense_at only where the parse gives no verb (a verbless phrase) or no parser is installed."""
    governed, tense = read_tense(text, start, end, doc, offset)
    return tense if governed else tense_at(text, start, end)


def tense_at(text: str, start: int, end: int) -> Tense | None:
    """Guess from nearby words whether the verb governing text[start:end] is past or future (news conventions):
    the fallback of sentence_tense where the parse gives no verb."""
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    before = [w for w in words if w[0] < start][::-1][:14]
    for i, (pos, word) in enumerate(before):
        cue = _cue(word, before[i + 1][1] if i + 1 < len(before) else "", True)
        if cue:
            return cue
        if text[pos + len(word) : start].count(",") > 1:
            break
    after = [w for w in words if w[0] >= end][:12]
    for i, (_, word) in enumerate(after):
        previous = after[i - 1][1] if i else ""
        if previous.lower() == "to":
            continue
        cue = _cue(word, previous, False)
        if cue:
            return cue
    return None


def _cue(word: str, previous: str, backward: bool) -> Tense | None:
    w = word.lower()
    p = previous.lower()
    if w in _FUTURE_CUES:
        return "future"
    if (
        backward
        and p == "to"
        and w.isalpha()
        and w not in {"the", "a", "an", "its", "their", "his", "her"}
        and word.islower()
    ):
        return "future"
    if w in ("is", "are") and backward:
        return None
    if w in _PAST_IRREGULAR or (w.endswith("ed") and len(w) > 4 and w not in _NOT_VERBS and word.islower()):
        if backward and p in ("to", "be"):
            return "future"  # "to hold", "(due) to be held", "will be held"
        return "past"
    if backward and p in _PRONOUNS and word.islower() and w.isalpha():
        return "future"
    return None
