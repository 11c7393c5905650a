"""Running totals: figures a report gives as they stand at the time of writing.

In news language a cumulative or present-perfect statement ("has cost the province C$40 million so
far", "the toll now stands at 12", "have burned 38,400 hectares", "to date") describes the state on
the day it was written. Such a figure is a snapshot, not a timeless fact: two snapshots taken on
different days with different values show the story moving on (an update), not a contradiction.

The extractor pins a running total to its publication day with `snapshot`; the reconciler asks
`is_snapshot` to tell that explicit pin from a claim that simply carries no time of its own.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck import lexicon
from factcheck.models import Granularity, Period

# Participles of verbs that accumulate (a toll, a cost, an area, a count: "has cost", "have burned"), and those of
# them that count only as actives ("has hit 100"; "has been hit with a two-year ban" is one act), lexicon data.
_ACCUMULATE = "|".join(sorted(lexicon.words("accumulating_verbs")))
_PASSIVE = "|".join(sorted(lexicon.words("accumulating_verbs") - lexicon.words("accumulating_active_only")))
# "has cost", "have now burned", "has already been evacuated", "have so far killed".
_PERFECT = (
    r"\b(?:has|have)\s+(?:(?:now|already|so far|thus far|since|reportedly)\s+)*(?:been\s+(?:"
    + _PASSIVE
    + r")|(?:"
    + _ACCUMULATE
    + r"))\b"
)
_CUMULATIVE = (
    r"\bso far\b|\bthus far\b|\bto date\b|\buntil now\b|\bup to now\b|\bas of (?:now|today)\b|\b(?:now )?stands? at\b"
    r"|\b(?:is|are) (?:now|currently|still)\b|\bremains?\b|\bcurrently\b"
)
RUNNING = re.compile(_CUMULATIVE + "|" + _PERFECT, re.I)


def running_cue(text: str) -> str | None:
    """The words that make a figure a running total ('so far', 'has cost'), as written, or None."""
    match = RUNNING.search(text)
    return match.group(0) if match else None


def snapshot(published: date, cue: str) -> Period:
    """The day a running total stands as of: its publication day, remembering the cue it was read from."""
    return Period(start=published, end=published, granularity=Granularity.DAY, text=cue)


def is_snapshot(period: Period | None) -> bool:
    """Whether a claim's time was pinned to one day by a running-total cue (not merely left unknown)."""
    return (
        period is not None
        and period.start == period.end
        and period.text is not None
        and running_cue(period.text) == period.text.strip()
    )
