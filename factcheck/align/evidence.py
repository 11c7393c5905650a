"""The pairs of groups that evidence beyond wording ties: the only two counts of one named thing (counted.py),
the only two dated acts of one subject, or times of day (acts.py), two tallies of one whole (tally.py), the only two dates
of one act named by its place in a series (ordered.py), the latest instance told by two reports days apart
(latest.py), one person's taking office in two wordings (office.py), the places where the same people met
(meetings.py), one change of state dated in far wordings: after one gap, or through a 'when' clause (statedates.py),
the only two measures of one thing that another measure given alike shows to be one (measured.py),
counts of one noun by one verb (tolls.py);
and, after alignment, one set of parties meeting again elsewhere (series.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from factcheck.align.acts import ONE_ACT_SIMILARITY, kin_act_pairs, one_act_pairs, sole_dated_pairs, sole_timed_pairs
from factcheck.align.change import one_thing
from factcheck.align.counted import sole_pairs
from factcheck.align.latest import latest_pairs
from factcheck.align.measured import measured_pairs, reached_pairs
from factcheck.align.meetings import meeting_date_claim, meeting_pairs
from factcheck.align.office import office_pairs
from factcheck.align.ordered import ordered_pairs
from factcheck.align.series import join_series
from factcheck.align.statedates import gap_pairs, state_pairs
from factcheck.align.tally import tally_pairs
from factcheck.align.tolls import toll_pairs
from factcheck.models import Source

if TYPE_CHECKING:
    from factcheck.align.slots import Group

__all__ = ["join_series", "tied_pairs"]  # join_series: the slots of one set of parties meeting again (series.py)

Pair = tuple[int, int]


def tied_pairs(
    groups: Sequence[Group],
    score: Callable[[int, int], float],
    sole_floor: float,
    tally_floor: float,
    sources: Mapping[str, Source] | None = None,
) -> tuple[set[Pair], set[Pair]]:
    """The tied pairs that score at least their floor, and among them those that tell one act or one tally
    twice (an order word on one side only does not part them: a source that tells an act once tells the first).
    The only two counts of one named thing about one thing ('denmark' / 'denmark_aid_package') need only the
    lower floor."""
    tied: set[Pair] = set()
    once: set[Pair] = set()
    counts = sole_pairs(groups)
    nested = [(a, b) for a, b in counts if one_thing(groups[a].subject, groups[b].subject)]
    evidence = [(nested, tally_floor, False), (counts, sole_floor, False), (sole_dated_pairs(groups), sole_floor, True)]
    evidence.append((sole_timed_pairs(groups), sole_floor, True))
    evidence.append((tally_pairs(groups), tally_floor, True))
    evidence.append((ordered_pairs(groups), sole_floor, False))
    evidence.append((latest_pairs(groups, sources), sole_floor, False))
    evidence.append((office_pairs(groups), sole_floor, False))
    evidence.append((sorted(meeting_pairs(groups)), tally_floor, True))
    evidence.append((sorted(meeting_pairs(groups, meeting_date_claim)), tally_floor, True))
    evidence.append((state_pairs(groups), tally_floor, False))
    evidence.append((gap_pairs(groups), 0.0, False))  # one gap told in both quotes: the wording may be far
    evidence.append((measured_pairs(groups), sole_floor, False))
    evidence.append((reached_pairs(groups), sole_floor, False))
    evidence.append((one_act_pairs(groups), ONE_ACT_SIMILARITY, True))
    evidence.append((kin_act_pairs(groups), ONE_ACT_SIMILARITY, True))
    evidence.append((toll_pairs(groups), sole_floor, False))
    for pairs, floor, told_once in evidence:
        for pair in pairs:
            if pair not in tied and score(*pair) >= floor:
                tied.add(pair)
                if told_once:
                    once.add(pair)
    return tied, once
