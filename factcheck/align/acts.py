"""The only two dated acts of one subject: one act told twice, whatever the verbs.

Two outlets may date one act in words far apart: "The attackers first logged in on 26 February" and "The
attackers entered Larkspur's network on Feb. 24, 2025". When they are the story's only two groups of dates
about one subject key, from different sources, each dated to the day and within SOLE_DAYS of each other,
they very likely date one act; alignment then lets them join at align.SOLE_SIMILARITY though their dates
differ, and an order word on one side only ("first logged in" / "entered") does not part them, as an act
a source dates once is the first it tells of. A subject with a third dated group, dates a week apart or
dates to the month only ("resigned in May") propose nothing.

An undated story dates acts by weekday alone ("On Thursday, the extremist group posted a video" / "A video
posted by al Qaeda in the Arabian Peninsula on Wednesday"). Two groups of such dates, from different sources,
that alone in the story date one verb done to one thing very likely date one act too; they join from
ONE_ACT_SIMILARITY, as one is told of its doer and the other of what was done to. So do two such groups each
dated to the day, at most SOLE_DAYS apart ("Aug. 2, when the evacuation order was lifted" / "The town lifted
its evacuation order on Aug. 5"). One act may be told with two verbs WordNet relates ("hooked the fish on Sunday" /
"caught the fish on Saturday"; "struck the village" / "bombed the village"): two such groups, each the other's
only kin in the story, join alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.align.pairs import only_two, pair_of, sources_of
from factcheck.extract.offline.parse import verb_lemma
from factcheck.models import Granularity
from factcheck.values.clock import holds_clock_time
from factcheck.values.keys import type_words
from factcheck.values.opendates import weekday
from factcheck.values.senses import kin
from factcheck.values.text import STOPWORDS, content_tokens, stem, words
from factcheck.values.typed import value_period

if TYPE_CHECKING:
    from factcheck.align.slots import Group

SOLE_DAYS = 7  # two days of one act told twice lie at most this far apart
ONE_ACT_SIMILARITY = 0.25  # one verb done to one thing, told of its doer and of the thing, words far apart


def sole_dated_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date groups from different sources that alone in the story date acts of one subject, days apart."""
    by_subject: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.type_group == "date":
            by_subject[g.subject].append(g)
    return only_two(by_subject.values(), _days_apart)


def sole_timed_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups from different sources that alone in the story give a time of day of one subject's act
    ('attack · time detected: 3.40am' / 'attack · first noticed: shortly after 8am'): a clock time dates one moment,
    more narrowly than a day."""
    by_subject: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.type_group == "date" and all(holds_clock_time(c.value) for c in g.claims):
            by_subject[g.subject].append(g)
    return only_two(by_subject.values())


def _days_apart(a: Group, b: Group) -> bool:
    """Whether every date of each group is a day, within SOLE_DAYS of every date of the other."""
    left = [value_period(c.value) for c in a.claims]
    right = [value_period(c.value) for c in b.claims]
    for x in left:
        for y in right:
            if x is None or y is None or x.granularity != Granularity.DAY or y.granularity != Granularity.DAY:
                return False
            if abs((x.start - y.start).days) > SOLE_DAYS:
                return False
    return bool(left and right)


def one_act_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date groups from different sources, each dating an act by a weekday alone (or each to the day,
    within SOLE_DAYS of the other), that alone in the story give one verb (crudely stemmed: 'posted' / 'posted
    by') done to one thing: the subject of one is the subject of the other or a word around its date ('the group
    posted a video on Thursday' / 'a video posted by AQAP on Wednesday'; 'the evacuation order was lifted' / 'the
    town lifted its evacuation order')."""
    by_verb: dict[str, list[Group]] = defaultdict(list)
    for g in _dated_acts(groups):
        verbs = {stem(_verb_word(c.attribute)) for c in g.claims} - {""}
        if len(verbs) == 1:
            by_verb[verbs.pop()].append(g)
    return only_two(by_verb.values(), _one_act)


def kin_act_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of date groups from different sources, dated as one_act_pairs wants, whose verbs differ but are kin
    in WordNet (values/senses.kin) and whose act is done to one thing (a subject's words, or the object's words
    both attributes give), where each group is the other's only such partner in the story."""
    dated = [(g, _lemma(g)) for g in _dated_acts(groups)]
    partners: dict[int, list[Group]] = defaultdict(list)
    for i, (a, verb_a) in enumerate(dated):
        for b, verb_b in dated[i + 1 :]:
            if verb_a and verb_b and verb_a != verb_b and kin(verb_a, verb_b) and _kin_act(a, b):
                partners[a.index].append(b)
                partners[b.index].append(a)
    return sorted(
        pair_of(a, b)
        for a, _ in dated
        if len(partners[a.index]) == 1
        for b in partners[a.index]
        if a.index < b.index and len(partners[b.index]) == 1
    )


def _kin_act(a: Group, b: Group) -> bool:
    """Whether two date groups of different sources are dated alike and tell an act done to one thing."""
    return not sources_of(a) & sources_of(b) and _dated_alike(a, b) and (_one_thing(a, b) or _one_object(a, b))


def _lemma(g: Group) -> str:
    """The lemma of the one verb the group's attributes open with, else ''."""
    firsts = {_verb_word(c.attribute) for c in g.claims}
    return verb_lemma(firsts.pop()) if len(firsts) == 1 and "" not in firsts else ""


def _one_object(a: Group, b: Group) -> bool:
    """Whether both groups' attributes name one thing after their verb ('struck village of kafr sallah' /
    'bombed village of kafr sallah')."""
    return bool(_object_words(a) & _object_words(b))


def _object_words(g: Group) -> set[str]:
    return {w for c in g.claims for w in content_tokens(" ".join(words(c.attribute)[1:]))}


def _dated_acts(groups: Sequence[Group]) -> list[Group]:
    """The date groups that date an act by weekdays alone or to the day."""
    return [g for g in groups if g.type_group == "date" and g.claims and (_weekdays(g) or _days(g))]


def _dated_alike(a: Group, b: Group) -> bool:
    """Both groups dated by weekday, or both to days close together."""
    return (_weekdays(a) and _weekdays(b)) or _days_apart(a, b)


def _weekdays(g: Group) -> bool:
    return all(weekday(c.value.normalized) is not None for c in g.claims)


def _days(g: Group) -> bool:
    periods = [value_period(c.value) for c in g.claims]
    return all(p is not None and p.granularity == Granularity.DAY for p in periods)


def _one_act(a: Group, b: Group) -> bool:
    """Are the two groups dated alike (both by weekday, or both to days close together) and about one thing?"""
    return _dated_alike(a, b) and _one_thing(a, b)


def _verb_word(attribute: str) -> str:
    """An attribute's first word when it may be a verb (not a type word such as 'date'), else ''."""
    first = next(iter(words(attribute)), "")
    return "" if not first or first in STOPWORDS or first in type_words() else first


def _one_thing(a: Group, b: Group) -> bool:
    """Is what one group's act was done to (its subject's words) named by the other group?"""
    things_a = {w for c in a.claims for w in content_tokens(c.subject_key)}
    things_b = {w for c in b.claims for w in content_tokens(c.subject_key)}
    return bool(things_a & b.tokens or things_b & a.tokens)
