"""Counts given as of a stated moment ('as of 11 p.m.', 'by 9:45 p.m. Sunday'): snapshots of a growing tally.

"By 9:45 p.m. the story was shared 130,000 times" and "as of 11 p.m. it had over 159,000 shares" are
one tally read at two moments: a change, not a conflict. A count read at a stated moment beside a count
that names no moment cannot be placed against it: neither a conflict nor a change; nor can a running
total of an undated article ('has so far burned 400 hectares'). This holds only for two claims about
the same day, or both undated; claims on different days are ordered by their dates.

Undated, the days a figure's own words name still tell two figures apart: "Two civilians were wounded on
Sunday" and "five civilians had been wounded since the truce began", or "fell 4.5 percent on Monday" and
"closed 2 percent higher on Tuesday", count on other days (two weekdays, or one day and a span since an
event): neither a conflict nor a change that can be ordered.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.classify.explain import Item
from factcheck.extract.asof import running_cue
from factcheck.values.clock import clock_pattern
from factcheck.values.timescope import Relation, age_attribute
from factcheck.values.typed import TYPE_GROUP
from factcheck.values.verdict import Verdict

DAY_WORDS = 8  # words at most between a figure and the weekday that tells its day
_AS_OF = re.compile(r"\bas (?:of|at)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """A snapshot cue ('as of', 'by') followed by a clock time."""
    cues = "|".join(re.escape(c) for c in sorted(lexicon.words("snapshot_cues"), key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})\s+(?:about\s+|approximately\s+|around\s+)?{clock_pattern()}", re.IGNORECASE)


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
    return hour * 60 + minute + int(lexicon.table("clock_halves")[match[3].lower()]) * 60


def moment_key(item: Item) -> int:
    """Order of a claim within one day: its stated moment, else before any stated one."""
    moment = stated_moment(item)
    return -1 if moment is None else moment


def undated_running(item: Item) -> bool:
    """A count told as it stands ('so far', 'has cost', 'as of'), in an article with no date to pin it to."""
    claim = item.claim
    if item.scope.when is not None or TYPE_GROUP[claim.value.type] not in ("quantity", "money"):
        return False
    if age_attribute(claim.attribute):
        return False  # 'has died in a car smash, aged 63': a person's age is no total that runs on
    return running_cue(claim.quote) is not None or _AS_OF.search(claim.quote) is not None


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """The weekdays (lexicon `weekdays`) and 'since', which opens a span up to the telling."""
    return frozenset(lexicon.table("weekdays")) | {"since"}


def _told_day(item: Item) -> str | None:
    """The day a figure's own quote names nearest the figure, at most DAY_WORDS words off: a weekday (lexicon
    `weekdays`), or 'since' for a span that runs from an event up to the telling ('fell sharply on Monday ...,
    closed 2 percent higher on Tuesday': Tuesday)."""
    quote = item.claim.quote.lower()
    found = [m for m in re.finditer(r"[a-z]+", quote) if m.group(0) in _day_words()]
    at = quote.find(item.claim.value.text.lower())
    if not found or at < 0:
        return found[0].group(0) if found else None
    end = at + len(item.claim.value.text)
    between = [len(re.findall(r"\w+", quote[end : m.start()] + quote[m.end() : at])) for m in found]
    found = [m for m, n in zip(found, between, strict=True) if n <= DAY_WORDS]
    if not found:
        return None  # a day told far off, of another act ('on Thursday, announcing the signing of ... a 5-year deal')
    return min(found, key=lambda m: (max(m.start() - end, at - m.end()), -m.start())).group(0)  # a tie: the later


def undated_days_apart(a: Item, b: Item) -> bool:
    """Whether two figures of undated articles are told of other days by their own words: two weekdays, or a day
    and a span since an event."""
    if a.scope.when is not None or b.scope.when is not None:
        return False
    if any(TYPE_GROUP[i.claim.value.type] not in ("quantity", "money") for i in (a, b)):
        return False
    if any(age_attribute(i.claim.attribute) for i in (a, b)):
        return False  # 'Saturday's knife attack ... the 19-year-old suspect': an age is no figure of one day
    da, db = _told_day(a), _told_day(b)
    return da is not None and db is not None and da != db


def moment_relation(a: Item, b: Item, verdict: Verdict) -> Relation | None:
    """Two differing counts of one day, one or both read at a stated moment: change, undecided, or no say (None).

    Undated, a running total ('has so far burned 400 hectares') may stand at any day: beside another
    count it is neither a conflict nor a change."""
    if verdict != Verdict.DISAGREE or a.scope.when != b.scope.when:
        return None
    if undated_days_apart(a, b):
        return Relation.NONE
    ma, mb = stated_moment(a), stated_moment(b)
    if ma is None and mb is None:
        return Relation.NONE if undated_running(a) or undated_running(b) else None
    if ma is None or mb is None:
        return Relation.NONE  # a tally at 11 p.m. beside one at no stated moment
    return Relation.UPDATE if ma != mb else None
