"""Evidence beyond wording: one state told alike of one thing under two names.

A model names one thing as each article does ("Alaska Airlines Flight 567" in one, "the plane" in another)
and tells its state under one attribute ("status: taxiing on the runway" / "status: taxiing down the runway";
"the video · status: staged" / "the spectacle · status: staged"). Such claims land in key groups of different
subjects, and those groups often hold other states the same article told of another moment ("returned to
the gate"), so joining the whole groups would set one article's two states against each other and is
refused. This rule pulls the two claims out instead, into a group of their own, when:
- they come from different sources, under the same attribute words, about subjects that can be one thing
  (instance words and names as the join's guards: `guards.py`);
- their values are texts that compare as one (`typed.compare`: one reading of the words);
- the words their values share are given together in the text values of those two groups alone in the
  story: a state several things are in ("missing" of a pistol, a shell and a report) pulls nothing.
It only ever brings an agreement: the pulled claims agree, and alignment joins them with nothing else whose
values conflict with theirs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.align.guards import same_instance, same_names
from factcheck.models import Claim, ValueType
from factcheck.values.text import content_tokens
from factcheck.values.typed import Verdict, compare

if TYPE_CHECKING:
    from factcheck.align.slots import Group

MAX_SHARED = 2  # the words two values share, told together by more groups than this, are a common state


def shared_states(groups: Sequence[Group]) -> dict[str, str]:
    """Claim id -> the subject key of the group of its own it moves to, for each state told alike of one thing
    under two names."""
    holders: dict[str, set[int]] = defaultdict(set)
    for g in groups:
        for claim in _texts(g):
            for token in content_tokens(claim.value.text):
                holders[token].add(g.index)
    moved: dict[str, str] = {}
    for a, b in _sharing(holders):
        ga, gb = groups[a], groups[b]
        if ga.form.key != gb.form.key or ga.subject == gb.subject:
            continue
        if not same_instance(ga.markers, gb.markers) or not same_names(ga, gb):
            continue
        pair = _alike(_texts(ga), _texts(gb), holders)
        if pair is None or pair[0].id in moved or pair[1].id in moved:
            continue
        key = f"{ga.subject}+{gb.subject}"
        moved[pair[0].id] = moved[pair[1].id] = key
    return moved


def _texts(group: Group) -> list[Claim]:
    return [c for c in group.claims if c.value.type == ValueType.TEXT]


def _sharing(holders: dict[str, set[int]]) -> list[tuple[int, int]]:
    """Pairs of groups, sorted, that alone give a word of their text values."""
    return sorted({(min(held), max(held)) for held in holders.values() if len(held) == MAX_SHARED})


def _alike(left: list[Claim], right: list[Claim], holders: dict[str, set[int]]) -> tuple[Claim, Claim] | None:
    """The one pair of claims, from different sources, whose text values compare as one in words few groups give."""
    found = []
    for x in left:
        for y in right:
            if x.source_id == y.source_id:
                continue
            shared = content_tokens(x.value.text) & content_tokens(y.value.text)
            if not shared or len(set.intersection(*(holders[t] for t in shared))) > MAX_SHARED:
                continue
            if compare(x.value, y.value) == Verdict.AGREE:
                found.append((x, y))
    return found[0] if len(found) == 1 else None
