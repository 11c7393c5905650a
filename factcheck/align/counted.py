"""Evidence beyond wording that two groups state one fact: what they count, how they name it, how near their values lie.

The only two statements of a story that count one named thing (`sole_pairs`):
Two outlets may word one fact far apart ("the attackers copied 1.9 terabytes", "hackers took files
totalling 1.6 terabytes"). When they are the story's only two groups of claims that count one named
thing (terabytes; crowns of aid, not crowns alone; not inches or kilograms, which measure anything), from different sources, with amounts of one order (within a
factor of NEAR_RATIO), they very likely state one fact; alignment then lets them join at a lower
similarity (align.SOLE_SIMILARITY), still under its guards of one instance and one named thing.

One fact named alike (`told_alike`): attributes in the same words beyond type and generic words
('breakthrough date') with values told near, or the state of one subject named more fully on one side
('talks' / 'security policy talks', status), or one subject's attribute named more fully on one side
('votes' / 'votes received'). Such a join may set values against each other at the
similarity a join of agreeing values needs (align.NAMED_SIMILARITY).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.pairs import only_two
from factcheck.models import Claim, ValueType
from factcheck.values.clock import holds_clock_time
from factcheck.values.keys import generic_attributes, generic_units, type_words
from factcheck.values.text import content_tokens, stem
from factcheck.values.timescope import status_attribute
from factcheck.values.typed import amount_of, compare_measures, value_period

if TYPE_CHECKING:
    from factcheck.align.slots import Group

NEAR_RATIO = 2.0  # amounts further apart than this are not one fact told twice
NEAR_DAYS = 31  # ... nor dates further apart than this


def sole_pairs(groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Pairs of groups from different sources that alone in the story count one named thing, with near amounts."""
    holders: dict[tuple[str, str], list[Group]] = defaultdict(list)
    generic = generic_units()
    measured = [g for g in groups if any(compare_measures(c.value, c.value) is not None for c in g.claims)]
    things = _measured_things(measured)
    for g in groups:
        named = g.nouns if g.type_group == "money" else g.units | g.nouns  # a currency alone names no thing
        if g.index in things:
            # a unit of length or weight measures anything: a crab's width is not the claimed size; but the only
            # two measures of one dimension of one thing ('japan_spider_crab' 3.7 m / 3.8 m; 'brent_halloways_car'
            # / 'halloways_car', one subject named more fully) measure one thing
            named = g.nouns | {f"{things[g.index]} {unit}" for unit in g.units}
        for thing in named - generic:
            holders[(g.type_group, thing)].append(g)
    return only_two(holders.values(), lambda a, b: near_amounts(a, b) and not dimensions_apart(a, b))


def dimensions_apart(a: Group, b: Group) -> bool:
    """Whether two groups' attributes name the dimension measured, and none alike ('the car · length' / 'the car
    · width'; lexicon `dimension_words`), or money measures ('sales' / 'operating profit'), and none alike.
    'size', 'distance' or 'rose to' name none."""
    left, right = (_measures(g) for g in (a, b))
    return bool(left and right) and not left & right


def _measures(group: Group) -> set[str]:
    """The dimensions and money measures a group's attributes name: a dimension word, or the first word of its
    group in the lexicon's `money_measures` ('revenue' -> sales; 'sales' / 'operating profit' are two facts)."""
    named, money = lexicon.words("dimension_words"), _money_measures()
    words = {w for c in group.claims for w in content_tokens(c.attribute)}
    return {w for w in words if w in named} | {money[w] for w in words if w in money}


@lru_cache(maxsize=1)
def _money_measures() -> dict[str, str]:
    """A stemmed word of the lexicon's `money_measures` -> the first word of its group ('revenu' -> sales)."""
    measures = [[str(w) for w in measure] for measure in lexicon.items("money_measures")]
    return {stem(w): measure[0] for measure in measures for w in measure}


def _measured_things(groups: Sequence[Group]) -> dict[int, str]:
    """Each measure group's thing: the shortest run of its subject key's words that is itself the key of a group
    measuring in one of its units ('halloways_car' for 'brent_halloways_car'), else its own key. A dictionary of
    the keys, so the cost grows with the groups, not with their pairs."""
    present = {(unit, g.subject) for g in groups for unit in g.units}
    out: dict[int, str] = {}
    for g in groups:
        words = g.subject.split("_")
        runs = {"_".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        nested = [run for run in runs if any((unit, run) in present for unit in g.units)]
        out[g.index] = min(nested, key=lambda k: (len(k), k)) if nested else g.subject
    return out


def near_amounts(a: Group, b: Group) -> bool:
    """Every amount of one group within a factor of NEAR_RATIO of every amount of the other, of one sign."""
    left = [amount_of(c.value) for c in a.claims]
    right = [amount_of(c.value) for c in b.claims]
    for x in left:
        for y in right:
            if x is None or y is None or x * y <= 0 or max(abs(x), abs(y)) > NEAR_RATIO * min(abs(x), abs(y)):
                return False
    return bool(left and right)


def told_alike(a: Group, b: Group) -> bool:
    """One fact named in the same words and told near (dates within a month, amounts within a factor of 2),
    or the state ('status') of one subject named more fully on one side."""
    if nested_alike(a, b) and status_attribute(a.claims[0].attribute):
        return True
    return (named_alike(a, b) or nested_alike(a, b) or fuller_attribute(a, b)) and near_values(a, b)


def fuller_attribute(a: Group, b: Group) -> bool:
    """Whether one subject's attribute is named more fully on one side, in words that hold the other's
    ('Kiprono · votes' / 'Kiprono · votes received')."""
    core_a, core_b = a.form.core, b.form.core
    return a.subject == b.subject and a.form.markers == b.form.markers and (core_a < core_b or core_b < core_a)


def nested_alike(a: Group, b: Group) -> bool:
    """Whether one attribute names both and one subject's words lie within the other's ('talks' / 'security policy talks')."""
    wa, wb = set(a.subject.split("_")), set(b.subject.split("_"))
    return a.form.key == b.form.key and a.subject != b.subject and (wa <= wb or wb <= wa)


def named_alike(a: Group, b: Group) -> bool:
    """Whether two groups' attributes name one fact in the same words, beyond type and state words
    ('breakthrough date' / 'date of the breakthrough'; not 'date' / 'date', not 'status' / 'status')."""
    core = a.form.core
    return a.form.key == b.form.key and bool(core) and not core & (type_words() | generic_attributes())


def near_values(a: Group, b: Group) -> bool:
    """Whether every value of one group lies near every value of the other: amounts within a factor of
    NEAR_RATIO, dates of a month or less within NEAR_DAYS; names are never near (they agree or they differ)."""
    if a.type_group in ("quantity", "money"):
        return near_amounts(a, b)
    if a.type_group != "date":
        return False
    if all(holds_clock_time(c.value) for c in (*a.claims, *b.claims)):
        return True  # two times of day are never more than a day apart
    left = [value_period(c.value) for c in a.claims]
    right = [value_period(c.value) for c in b.claims]
    for x in left:
        for y in right:
            if x is None or y is None or max((x.end - x.start).days, (y.end - y.start).days) > NEAR_DAYS:
                return False  # a year dates too many acts alike ('captured in 2015' / 'captured in 2016')
            gap = (y.start - x.end).days if x.end < y.start else (x.start - y.end).days
            if gap > NEAR_DAYS:
                return False
    return bool(left and right)


def measure_named(claim: Claim) -> Claim:
    """A count named by its subject, its attribute a word any count has ('turnout · percentage: 69 percent', 'death
    toll · number: 45'), as that count: 'turnout · turnout', so it meets 'the election · turnout: 71 percent'
    (lexicon `count_nouns`). The claim keeps its id."""
    if claim.value.type != ValueType.NUMBER:
        return claim  # alignment calls this for every claim: the cheap tests first
    words = claim.subject_key.split("_")
    if words[-1] not in lexicon.words("count_nouns"):
        return claim
    generic = type_words() | generic_attributes()
    if words[-1] in generic or not content_tokens(claim.attribute) <= generic:
        return claim
    return claim.model_copy(update={"attribute": " ".join(words)})
