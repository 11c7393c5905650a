"""Decide one slot: group agreeing values, scope them in time, and emit findings."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from factcheck.align.alike import count_alike
from factcheck.classify import explain
from factcheck.classify.eventcue import opposed_events
from factcheck.classify.explain import Item
from factcheck.classify.held import held_as_of
from factcheck.classify.listed import listings, only_listed
from factcheck.classify.moments import moment_key
from factcheck.classify.readings import made_precise, read_pair, split_estimates
from factcheck.models import Finding, FindingKind, Granularity, Period, TimelineEntry, Value, ValueType
from factcheck.values.announced import announced_then_reported
from factcheck.values.keys import Slot, UnionFind
from factcheck.values.timescope import (
    Relation,
    claim_period,
    fixed_dimension,
    plan_then_outcome,
    relate,
    stable_attribute,
    status_attribute,
)
from factcheck.values.typed import Verdict, coarse_keys, compare, specificity

EXACT_LIMIT = 64  # up to this many distinct values (or states) in a slot, every pair is compared
NEIGHBOURS = 32  # beyond it, each state is compared with this many next states in time order
KIND_ORDER = {
    FindingKind.CONTRADICTION: 0,
    FindingKind.UPDATE: 1,
    FindingKind.AGREEMENT: 2,
    FindingKind.SINGLE_SOURCE: 3,
}


@dataclass
class State:
    """Claims of one value group said with the same modality about the same time."""

    index: int
    group: int
    items: list[Item] = field(default_factory=list)

    @property
    def rep(self) -> Item:
        """The state's first claim: all of them share its value, modality and time."""
        return self.items[0]


ValueKey = tuple[str, str, str, str, str]


def _value_key(v: Value) -> ValueKey:
    """Everything that makes two values the same value."""
    return (v.type.value, v.normalized, v.text, v.qualifier or "", v.unit or "")


def value_groups(items: Sequence[Item]) -> list[list[Item]]:
    """Greedy grouping: most specific values first; a value joins the first group it agrees with entirely.

    In a slot with many distinct values, a value is only tried against groups sharing a coarse key
    (a year, an order of magnitude, a word), so the work stays near-linear."""
    distinct: dict[ValueKey, list[Item]] = {}
    for item in items:
        distinct.setdefault(_value_key(item.claim.value), []).append(item)
    order = sorted(distinct, key=lambda k: (specificity(distinct[k][0].claim.value), k))
    blocked = len(order) > EXACT_LIMIT
    groups: list[list[ValueKey]] = []
    by_block: dict[object, list[int]] = defaultdict(list)
    for key in order:
        value = distinct[key][0].claim.value
        blocks = coarse_keys(value) if blocked else [None]
        candidates = sorted({g for b in blocks for g in by_block[b]})
        for g in candidates:
            members = groups[g]
            checked = members if len(members) <= 16 else members[:1] + members[-15:]
            if all(_agree(distinct[m][0].claim.value, value) for m in checked):
                members.append(key)
                break
        else:
            g = len(groups)
            groups.append([key])
        for b in blocks:
            if g not in by_block[b]:
                by_block[b].append(g)
    return [[item for key in members for item in distinct[key]] for members in groups]


def _agree(a: Value, b: Value) -> bool:
    """Two values of one slot agree: equal by type, or one count given with two nouns (align/alike.py)."""
    return count_alike(a, b) or compare(a, b) == Verdict.AGREE


def _pairs(states: list[State]) -> Iterator[tuple[State, State]]:
    """Every pair of states, or in a crowded slot each state with its nearest neighbours in time."""
    if len(states) <= EXACT_LIMIT:
        yield from combinations(states, 2)
        return
    ordered = sorted(states, key=lambda s: (s.rep.scope.sort_key(), s.index))
    for i, s in enumerate(ordered):
        for t in ordered[i + 1 : i + 1 + NEIGHBOURS]:
            yield (s, t) if s.index < t.index else (t, s)


def _states(groups: list[list[Item]]) -> list[State]:
    """Split value groups by exact value, modality and time."""
    states: dict[tuple[object, ...], State] = {}
    for g, members in enumerate(groups):
        for item in members:
            when = item.scope.when
            key = (
                g,
                _value_key(item.claim.value),
                item.scope.modality.value,
                when.start if when else None,
                when.end if when else None,
                item.scope.from_publication,
            )
            if key not in states:
                states[key] = State(index=len(states), group=g)
            states[key].items.append(item)
    return list(states.values())


def decide(slot: Slot, items: list[Item]) -> list[Finding]:
    """All findings of one slot."""
    groups = split_estimates(value_groups(items))
    states = _states(groups)
    stable = stable_attribute(slot.attribute) or fixed_dimension(slot.attribute, [i.claim for i in items])
    status = status_attribute(slot.attribute)
    contra: UnionFind[int] = UnionFind()
    updates: UnionFind[int] = UnionFind()
    contra_edges: list[tuple[State, State]] = []
    update_states: set[int] = set()
    verdicts: dict[tuple[ValueKey, ValueKey], Verdict] = {}
    listed = listings(states)
    for s, t in _pairs(states):
        relation = _relation(s, t, verdicts, stable, status)
        if relation == Relation.CONTRADICTION and only_listed(s, t, listed):
            relation = Relation.NONE  # values an article lists side by side are several instances (listed.py)
        if relation == Relation.CONTRADICTION:
            contra.union(s.index, t.index)
            contra_edges.append((s, t))
        elif relation == Relation.UPDATE:
            updates.union(s.index, t.index)
            update_states |= {s.index, t.index}
    in_contra = {x.index for edge in contra_edges for x in edge}
    findings = _contradictions(slot, contra, contra_edges)
    contradicted = {id(item) for s in states if s.index in in_contra for item in s.items}
    timelined: set[int] = set()
    findings += _updates(slot, states, updates, update_states, timelined)
    findings += _agreements_and_singles(slot, groups, contradicted, timelined, stable)
    return findings


def _relation(
    s: State, t: State, verdicts: dict[tuple[ValueKey, ValueKey], Verdict], stable: bool, status: bool
) -> Relation:
    """How two states of one slot relate; values are compared state by state, not group by group.

    One value planned and later reported is corroboration, not change: it becomes an agreement."""
    a, b = s.rep, t.rep
    if s.group == t.group:
        return Relation.NONE
    key_a, key_b = _value_key(a.claim.value), _value_key(b.claim.value)
    pair = (key_a, key_b) if key_a <= key_b else (key_b, key_a)
    if pair not in verdicts:
        verdicts[pair] = (
            Verdict.AGREE if _agree(a.claim.value, b.claim.value) else compare(a.claim.value, b.claim.value)
        )
    if verdicts[pair] == Verdict.AGREE:  # a vaguer value grouped elsewhere ('March 2023' beside 'March 16')
        return made_precise(a, b)  # unless an estimate made precise later (estimate.py)
    if a.claim.value.type == ValueType.DATE and all(opposed_events(x.claim, y.claim) for x in s.items for y in t.items):
        return Relation.NONE  # 'down since March 9' and 'came back on 27 March' date two events, not one
    read = read_pair(a, b, verdicts[pair])
    relation = read if read is not None else relate(a.claim, a.scope, b.claim, b.scope, verdicts[pair], stable, status)
    if (
        read is None
        and verdicts[pair] == Verdict.DISAGREE
        and announced_then_reported(a.claim, a.scope, b.claim, b.scope)
    ):
        relation = Relation.CONTRADICTION  # one decision told twice (values/announced.py)
    if relation == Relation.CONTRADICTION:
        sources_s = {i.claim.source_id for i in s.items}
        sources_t = {i.claim.source_id for i in t.items}
        if sources_s == sources_t and len(sources_s) == 1:
            return Relation.NONE  # one article disagreeing with itself is not a cross-source contradiction
    return relation


def _finding(
    kind: FindingKind, slot: Slot, items: Sequence[Item], explanation: str, timeline: list[TimelineEntry] | None = None
) -> Finding:
    """A Finding with its content-derived id; claims in source and position order."""
    ordered = sorted(items, key=lambda i: (i.claim.source_id, i.claim.span.start, i.cid))
    return Finding(
        kind=kind,
        subject_key=slot.subject_key,
        attribute=slot.attribute,
        claim_ids=list(dict.fromkeys(i.cid for i in ordered)),
        source_ids=sorted({i.claim.source_id for i in ordered}),
        explanation=explanation,
        timeline=timeline or [],
        independent_sources=len({i.cluster for i in ordered}),
    ).with_id()


def _contradictions(slot: Slot, contra: UnionFind[int], edges: list[tuple[State, State]]) -> list[Finding]:
    """One contradiction per connected set of conflicting states, explained by its best-supported pair."""
    components: dict[int, list[tuple[State, State]]] = defaultdict(list)
    for s, t in edges:
        components[contra.find(s.index)].append((s, t))
    out = []
    for root in sorted(components):
        comp_edges = components[root]
        members = {x.index: x for edge in comp_edges for x in edge}
        by_group: dict[int, list[Item]] = defaultdict(list)
        for state in sorted(members.values(), key=lambda x: x.index):
            by_group[state.group].extend(state.items)
        s, t = max(
            comp_edges, key=lambda e: (len(by_group[e[0].group]) + len(by_group[e[1].group]), -e[0].index, -e[1].index)
        )
        side_a, side_b = by_group[s.group], by_group[t.group]
        more = len(by_group) - 2
        items = [i for state in members.values() for i in state.items]
        text = explain.contradiction(slot.subject_key, slot.attribute, side_a, side_b, more)
        out.append(_finding(FindingKind.CONTRADICTION, slot, items, text))
    return out


def _updates(
    slot: Slot, states: list[State], updates: UnionFind[int], eligible: set[int], covered: set[int]
) -> list[Finding]:
    """One update finding per group of states linked by change over time, as an ordered timeline."""
    components: dict[int, list[State]] = defaultdict(list)
    for state in states:
        if state.index in eligible:
            components[updates.find(state.index)].append(state)
    out = []
    for root in sorted(components):
        members = sorted(components[root], key=lambda s: (s.rep.scope.sort_key(), moment_key(s.rep), s.index))
        runs: list[list[State]] = []
        for state in members:
            last = runs[-1][-1] if runs else None
            if last and last.group == state.group and _continues(last, state):
                runs[-1].append(state)
            else:
                runs.append([state])
        if len(runs) < 2:
            continue
        entries = [[i for s in run for i in s.items] for run in runs]
        timeline = [
            TimelineEntry(
                time=_span(run),
                value=explain.value_label(explain.lead(e), True),
                claim_ids=list(dict.fromkeys(i.cid for i in e)),
            )
            for run, e in zip(runs, entries, strict=True)
        ]
        items = [i for e in entries for i in e]
        covered |= {id(i) for i in items}
        text = explain.update(slot.subject_key, slot.attribute, entries)
        out.append(_finding(FindingKind.UPDATE, slot, items, text, timeline))
    return out


def _span(run: list[State]) -> Period | None:
    """The period a timeline entry covers."""
    periods = [s.rep.scope.when for s in run if s.rep.scope.when is not None]
    if not periods:
        return None
    if len(periods) == 1:
        return periods[0]
    start, end = min(p.start for p in periods), max(p.end for p in periods)
    same = all(p.start == start and p.end == end for p in periods)
    return periods[0] if same else Period(start=start, end=end, granularity=Granularity.RANGE)


def _continues(last: State, state: State) -> bool:
    """Whether a state of the same value extends the previous timeline entry: same modality, or a plan confirmed."""
    a, b = last.rep.scope, state.rep.scope
    return a.anticipatory == b.anticipatory or (a.anticipatory and plan_then_outcome(a, b))


def _agreements_and_singles(
    slot: Slot, groups: list[list[Item]], contradicted: set[int], timelined: set[int], stable: bool
) -> list[Finding]:
    """Agreement where independent sources give one value about one time; single_source for what nothing else covers.

    A plan or expectation that a later report confirms joins the report's agreement ('planned in A,
    confirmed by B'); claims about periods that cannot be the same (far apart, or a forecast of a time
    already past) never agree, unless the attribute names a fact that happens once ('first meeting place')."""
    out = []
    both = {i.claim.source_id for g in groups for i in g if id(i) in contradicted}  # articles in a contradiction
    for members in groups:
        live = [i for i in members if id(i) not in contradicted or _uncontested_match(i, members, contradicted, both)]
        reports = [i for i in live if not i.scope.anticipatory]
        plans = [i for i in live if i.scope.anticipatory]
        confirmed = _confirmed(plans, reports, stable)
        unconfirmed = [p for p in plans if all(p is not c for c in confirmed)]
        others = [i for g in groups if g is not members for i in g]
        for pool in (reports + confirmed, unconfirmed):
            parts = _time_parts(pool)
            if pool is not unconfirmed:
                parts = held_as_of(parts, others)
            for part in [pool] if stable and pool else parts:
                independent = len({i.cluster for i in part})
                if independent >= 2:
                    text = explain.agreement(slot.subject_key, slot.attribute, part, independent)
                    out.append(_finding(FindingKind.AGREEMENT, slot, part, text))
                    continue
                rest = [i for i in part if id(i) not in timelined]
                if rest:
                    text = explain.single(slot.subject_key, slot.attribute, rest)
                    out.append(_finding(FindingKind.SINGLE_SOURCE, slot, rest, text))
    return out


def _uncontested_match(item: Item, members: list[Item], contradicted: set[int], both: set[str]) -> bool:
    """Whether an article that tells both versions gives a contradicted claim's value in a claim no other
    article contradicts ('a flight attendant killed it', 'at first reports were the victim stomped it'): the
    two still agree."""
    return any(id(m) not in contradicted and m.cluster != item.cluster and m.claim.source_id in both for m in members)


def _confirmed(plans: list[Item], reports: list[Item], stable: bool) -> list[Item]:
    """Forecasts that a later report of the same value confirms; in a crowded slot each forecast is
    checked against the NEIGHBOURS reports that follow it in time."""
    later = sorted(reports, key=lambda r: (r.scope.asof.start if r.scope.asof else date.min, r.cid))
    starts = [r.scope.asof.start if r.scope.asof else date.min for r in later]
    crowded = len(plans) * len(reports) > EXACT_LIMIT * EXACT_LIMIT
    out = []
    for plan in plans:
        after = plan.scope.asof.end if plan.scope.asof else None
        candidates = later[bisect_right(starts, after) :] if after else [r for r in later if r.scope.asof is None]
        if crowded:
            candidates = candidates[:NEIGHBOURS]
        if any(plan_then_outcome(plan.scope, r.scope) and (stable or _compatible(plan, r)) for r in candidates):
            out.append(plan)
    return out


def _compatible(a: Item, b: Item) -> bool:
    """Whether two claims can be about the same time."""
    pa, ok_a = claim_period(a.claim, a.scope)
    pb, ok_b = claim_period(b.claim, b.scope)
    return ok_a and ok_b and (pa is None or pb is None or pa.overlaps(pb))


def _time_parts(items: list[Item]) -> list[list[Item]]:
    """Split claims of one value into sets about overlapping periods (a sweep over start dates); undated
    claims join the largest set, and a forecast of a time already past stands alone."""
    if len(items) < 2:
        return [items] if items else []
    periods = [claim_period(i.claim, i.scope) for i in items]
    spans = {n: p for n, (p, ok) in enumerate(periods) if ok and p is not None}
    groups: list[list[int]] = []
    end = None
    for n in sorted(spans, key=lambda n: (spans[n].start, n)):
        period = spans[n]
        if groups and end is not None and period.start <= end:
            groups[-1].append(n)
            end = max(end, period.end)
        else:
            groups.append([n])
            end = period.end
    undated = [n for n, (p, ok) in enumerate(periods) if ok and p is None]
    if undated and groups:
        max(groups, key=lambda g: (len(g), -min(g))).extend(undated)
    elif undated:
        groups.append(undated)
    groups += [[n] for n, (_, ok) in enumerate(periods) if not ok]
    groups = _join_events(groups, items)
    return [[items[n] for n in sorted(g)] for g in sorted(groups, key=min)]


def _join_events(groups: list[list[int]], items: list[Item]) -> list[list[int]]:
    """Sets holding claims scoped to one disputed event are one set: the sources date the event
    differently, but the claims speak of the same event (see events.py)."""
    home: dict[str, list[int]] = {}
    out: list[list[int]] = []
    for group in groups:
        events = sorted({e for n in group if (e := items[n].event) is not None})
        target = next((home[e] for e in events if e in home), None)
        if target is None:
            target = list(group)
            out.append(target)
        else:
            target.extend(group)
        for e in events:
            home.setdefault(e, target)
    return out
