"""Counts given as of a stated moment ('as of 11 p.m.', 'by 9:45 p.m. Sunday'): snapshots of a growing tally.

"By 9:45 p.m. the story was shared 130,000 times" and "as of 11 p.m. it had over 159,000 shares" are
one tally read at two moments: a change, not a conflict. A count read at a stated moment beside a count
that names no moment cannot be placed against it: neither a conflict nor a change. This holds only for
two claims about the same day, or both undated; claims on different days are ordered by their dates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.classify.explain import Item
from factcheck.values.timescope import Relation
from factcheck.values.typed import TYPE_GROUP
from factcheck.values.verdict import Verdict

NOON = 12 * 60
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """A snapshot cue ('as of', 'by') followed by a clock time."""
    cues = "|".join(re.escape(c) for c in sorted(lexicon.words("snapshot_cues"), key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})\s+(?:about\s+|approximately\s+|around\s+)?{_CLOCK}", re.IGNORECASE)


def stated_moment(item: Item) -> int | None:
    """Minutes after midnight of the moment a count is read at ('as of 11 p.m.' -> 1380), or None."""
    if TYPE_GROUP[item.claim.value.type] not in ("quantity", "money"):
        return None
    match = _pattern().search(item.claim.quote)
    if match is None:
        return None
    hour, minute = int(match[1]) % 12, int(match[2] or 0)
    if hour > 12 or minute > 59:
        return None
    return hour * 60 + minute + (NOON if match[3].lower().startswith("p") else 0)


def moment_key(item: Item) -> int:
    """Order of a claim within one day: its stated moment, else before any stated one."""
    moment = stated_moment(item)
    return -1 if moment is None else moment


def moment_relation(a: Item, b: Item, verdict: Verdict) -> Relation | None:
    """Two differing counts of one day, one or both read at a stated moment: change, undecided, or no say (None)."""
    if verdict != Verdict.DISAGREE or a.scope.when != b.scope.when:
        return None
    ma, mb = stated_moment(a), stated_moment(b)
    if ma is None and mb is None:
        return None
    if ma is None or mb is None:
        return Relation.NONE  # a tally at 11 p.m. beside one at no stated moment
    return Relation.UPDATE if ma != mb else None
