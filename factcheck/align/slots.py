"""Align claims into slots by meaning: claims that state the same fact about the same thing.

One stage for every extractor (offline, llm, `--claims` input). It starts from key groups, claims whose subject
key, value type and attribute words are equal, and joins groups that say the same thing in other words:
- candidates are groups of one value type sharing a content word of subject, attribute or the words around
  the value (capped postings: near-linear cost), scored by the cosine similarity of embedded statements
  (subject and attribute, the quote around the value masked) from the embedded static model (embed.py);
- a join needs the same instance (equal instance words: 'first', 'second', 'deputy'), a comparable unit or currency,
  no source stating two values that cannot both be true (one article does not contradict itself: two facts), and,
  when it would set values of different sources against each other, a higher similarity than agreeing values need.
Classification (findings.py) then compares typed values and time within each slot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Protocol

from factcheck.align.aliases import under_one_name
from factcheck.align.alike import same_form_value, specific
from factcheck.align.appositive import appositive_keys
from factcheck.align.bounds import exceeds_maximum
from factcheck.align.candidates import candidates
from factcheck.align.change import one_thing, only_changes
from factcheck.align.counted import dimensions_apart, measure_named, told_alike
from factcheck.align.deeds import deed_done
from factcheck.align.evidence import join_series, tied_pairs
from factcheck.align.guards import same_instance, same_names
from factcheck.align.holders import held_posts
from factcheck.align.instances import acts_apart, other_instance, other_year
from factcheck.align.inverse import turn_inverse
from factcheck.align.ordered import told_apart
from factcheck.align.rare import RARE_SIMILARITY, rare_value_pairs
from factcheck.align.sharedstate import shared_states
from factcheck.align.spans import span_pairs
from factcheck.align.statedates import as_dated
from factcheck.align.statements import counted, near_markers, proper_words, statement_texts, tokens
from factcheck.align.verdicts import Verdicts, join_compare, join_verdict, stated
from factcheck.models import Claim, Source, ValueType
from factcheck.values.keys import (
    AttributeForm,
    Slot,
    UnionFind,
    acronym_folds,
    attribute_form,
    fold_subjects,
    generic_units,
    most_common,
)
from factcheck.values.text import slug, words
from factcheck.values.typed import TYPE_GROUP, Verdict, measured_unit, value_group

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Judge", "Slot", "align"]

AGREE_SIMILARITY = 0.5  # groups whose values agree join at this similarity
AGREE_PHRASE = 0.4  # ... when their subjects and attributes are at least this alike
CONFLICT_SIMILARITY = 0.8  # groups whose values would conflict across sources need this much
CONFLICT_PHRASE = 0.7  # ... and subjects and attributes this alike, with equal instance words
NAMED_SIMILARITY = 0.5  # groups whose attributes name one fact alike join from here, values in conflict or not
SOLE_SIMILARITY = 0.5  # the story's only two groups counting one named thing join from here (counted.py)
DOUBT_FLOOR = 0.35  # with a judge, pairs scored from here up to the thresholds are put to it
DOUBT_SET = 6  # groups in one set put to the judge
SAMPLE = 4  # claims of a group embedded to stand for it
WEIGHTS = (0.2, 0.2, 0.3, 0.3)  # subject and attribute, attribute, words around the value, whole quote
SAME_SUBJECT = 0.1  # groups about one subject key need that much less wording in common
SAME_UNIT = 0.1  # ... groups counting one named thing (terabytes, patients, lawsuits)
SAME_VALUE = 0.15  # ... groups giving one specific value alike
SAME_FORM_VALUE = 0.1  # ... groups wording their attribute alike and giving one distinctive value alike (alike.py)


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


# Sets of (id, a claim standing for its group) -> per set, the groups of ids that state one fact.
Judge = Callable[[list[list[tuple[str, Claim]]]], list[list[set[str]]]]


@dataclass
class Group:
    """Claims with one key; the unit of joining."""

    index: int
    subject: str
    type_group: str
    form: AttributeForm
    claims: list[Claim] = field(default_factory=list)
    markers: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()


def align(
    claims: Iterable[Claim],
    embedder: Embedder | None = None,
    judge: Judge | None = None,
    sources: Mapping[str, Source] | None = None,
) -> list[Slot]:
    """Group claims into slots: equal keys, then groups that mean the same (the embedded model; a judge on the
    pairs left in doubt); given the sources, values of one thing told at two times join as a change."""
    claims = list(claims)
    stances: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:  # a stance is joined by its predicate and subject alone (align/stances.py)
        if c.value.type == ValueType.STANCE:
            stances[(c.subject_key, c.attribute)].append(c)
    claims = [c for c in claims if c.value.type != ValueType.STANCE]
    said = [measure_named(as_dated(deed_done(c))) for c in turn_inverse(held_posts(under_one_name(claims), sources))]
    if moved := shared_states(groups := key_groups(said)):  # one state told alike under two names (sharedstate.py)
        groups = key_groups(said, moved)
    if len(groups) > 1:
        if embedder is None:
            from factcheck.align.embed import static_embedder

            embedder = static_embedder()
        sets = join_series(groups, join_by_meaning(groups, embedder, judge, sources), sources)  # series.py
    else:
        sets = UnionFind()
    members: dict[int, list[Claim]] = defaultdict(list)
    for g in groups:
        members[sets.find(g.index)].extend(g.claims)
    out = [_slot(groups[root].type_group, claims) for root, claims in members.items()]
    out += [_slot(TYPE_GROUP[ValueType.STANCE], group) for group in stances.values()]
    out.sort(key=lambda s: (s.subject_key, s.attribute, s.group, s.claims[0].id if s.claims else ""))
    return out


def key_groups(claims: Sequence[Claim], moved: Mapping[str, str] | None = None) -> list[Group]:
    """Claims with equal (folded subject key, value type, attribute form); `moved` claims under the key given."""
    rows = [
        (c, slug(c.subject_key) or slug(c.subject), value_group(c.value), attribute_form(c.attribute)) for c in claims
    ]
    named = appositive_keys(claims)  # 'the Playboy founder' -> 'hugh_hefner', given in apposition
    spelled = acronym_folds({named.get(subj, subj) for _, subj, _, _ in rows})
    rows = [
        (c, spelled.get(named.get(subj, subj), named.get(subj, subj)), group, form) for c, subj, group, form in rows
    ]
    folds = fold_subjects({(subj, group, form.key) for _, subj, group, form in rows})
    by_key: dict[tuple[str, str, str], Group] = {}
    for claim, subj, group, form in rows:
        subj = (moved or {}).get(claim.id) or folds.get((subj, group, form.key), subj)
        key = (subj, group, form.key)
        if key not in by_key:
            by_key[key] = Group(index=len(by_key), subject=subj, type_group=group, form=form)
        by_key[key].claims.append(claim)
    groups = list(by_key.values())
    for g in groups:
        g.markers = g.form.markers | frozenset(m for c in g.claims for m in near_markers(c))
        g.units = frozenset(u for c in g.claims if (u := measured_unit(c.value)))
        g.tokens = frozenset(t for c in g.claims for t in tokens(c))
        g.nouns = frozenset(n for c in g.claims if (n := counted(c)))
        g.names = frozenset(w for c in g.claims for w in proper_words(c))
    return groups


def join_by_meaning(  # noqa: C901 - the joining rules in order  # long: one branch per rule of docs/alignment.md
    groups: Sequence[Group], embedder: Embedder, judge: Judge | None = None, sources: Mapping[str, Source] | None = None
) -> UnionFind[int]:
    """Union the groups that state one fact; best-scored candidate pairs first."""
    import numpy as np

    texts = [t for g in groups for c in g.claims[:SAMPLE] for t in statement_texts(c)]
    vectors = embedder.encode(texts)
    views: list[list[np.ndarray]] = [[] for _ in WEIGHTS]
    at = 0
    for g in groups:
        n = len(WEIGHTS) * min(len(g.claims), SAMPLE)
        block = vectors[at : at + n]
        at += n
        for view in range(len(WEIGHTS)):
            views[view].append(_unit(block[view :: len(WEIGHTS)].mean(axis=0)))
    stacked = [np.stack(v) for v in views]
    scored = []
    for a, b in candidates(groups):
        score, phrase = _score(groups, stacked, a, b)
        if score >= (DOUBT_FLOOR if judge else AGREE_SIMILARITY):
            scored.append((score, phrase, a, b))
    confirmed = _ask(judge, groups, scored) if judge else set()
    sole, once = tied_pairs(
        groups, lambda a, b: _score(groups, stacked, a, b)[0], SOLE_SIMILARITY, DOUBT_FLOOR, sources
    )
    scored += [(*_score(groups, stacked, a, b), a, b) for a, b in sorted(sole)]
    rare = {p for p in rare_value_pairs(groups) | span_pairs(groups) if p not in sole}  # one exact value, one span
    scored += [(*_score(groups, stacked, a, b), a, b) for a, b in sorted(rare)]
    scored.sort(key=lambda x: (-x[0], x[2], x[3]))
    sets: UnionFind[int] = UnionFind()
    verdicts = Verdicts()
    members = {g.index: stated(g.claims, verdicts) for g in groups}
    markers = {g.index: g.markers for g in groups}
    said = {g.index: list(g.claims) for g in groups}
    for score, phrase, a, b in scored:
        ra, rb = sets.find(a), sets.find(b)
        if ra == rb or not same_instance(markers[ra], markers[rb]) or not same_names(groups[a], groups[b]):
            continue
        if dimensions_apart(groups[a], groups[b]):  # 'length' / 'width': two facts, however alike in wording
            continue
        if told_apart(said[ra], said[rb], markers[ra], markers[rb]):  # one source: the first and another
            continue
        if other_instance(said[ra], said[rb], markers[ra], markers[rb]) or other_year(said[ra], said[rb]):
            continue  # the first, and one told years away
        if acts_apart(groups[a].claims, groups[b].claims):  # 'approved additional funding' / 'budget approved'
            continue
        verdict = join_verdict(members[ra], members[rb], verdicts)
        if verdict is None:
            continue
        if (a, b) in confirmed or (a, b) in sole:  # the model judged them one fact, or they alone count one thing
            score, phrase = max(score, CONFLICT_SIMILARITY), max(phrase, CONFLICT_PHRASE)
        if (a, b) in rare and verdict == Verdict.AGREE and score >= RARE_SIMILARITY:  # alone give one exact value
            score, phrase = max(score, AGREE_SIMILARITY), max(phrase, AGREE_PHRASE)
        if score < AGREE_SIMILARITY:
            continue
        if verdict == Verdict.DISAGREE and phrase >= AGREE_PHRASE and markers[ra] == markers[rb] and sources:
            if one_thing(groups[a].subject, groups[b].subject) and only_changes(
                said[ra], said[rb], sources
            ):  # one fact at two times: no contradiction can come of it
                score, phrase = max(score, CONFLICT_SIMILARITY), max(phrase, CONFLICT_PHRASE)
        if told_alike(groups[a], groups[b]):  # one fact named alike: the other wording may differ
            score, phrase = max(score, CONFLICT_SIMILARITY * (score >= NAMED_SIMILARITY)), max(phrase, CONFLICT_PHRASE)
        if verdict != Verdict.AGREE and score < CONFLICT_SIMILARITY:
            continue  # without values given alike, the wording alone must carry the join
        if phrase < AGREE_PHRASE and not (verdict == Verdict.AGREE and _same_subject_and_value(groups[a], groups[b])):
            continue  # two facts of one sentence ('last held in 2018', 'suspended in 2018') stay apart
        strict = markers[ra] != markers[rb] and (a, b) not in confirmed  # the judge weighed the instance words
        strict = strict and not ((a, b) in once and same_instance(markers[ra], markers[rb]))
        strict = strict and not exceeds_maximum(groups[a], groups[b], markers[ra], markers[rb])
        if verdict == Verdict.DISAGREE and (phrase < CONFLICT_PHRASE or strict):
            continue  # values set against each other need the same words for the same thing
        sets.union(ra, rb)
        root = sets.find(ra)
        members[root] = members[ra] | members[rb]
        markers[root], said[root] = markers[ra] | markers[rb], said[ra] + said[rb]
    return sets


def _score(groups: Sequence[Group], stacked: Sequence[np.ndarray], a: int, b: int) -> tuple[float, float]:
    """A pair's similarity, and how alike its subjects and attributes are (the better of those two views)."""
    cosines = [float(v[a] @ v[b]) for v in stacked]
    return similarity(groups[a], groups[b], cosines), max(cosines[0], cosines[1])


def _ask(
    judge: Judge, groups: Sequence[Group], scored: Sequence[tuple[float, float, int, int]]
) -> set[tuple[int, int]]:
    """The pairs in doubt (scored between the floor and the thresholds they would need), put to the judge
    in small connected sets; returns the pairs it says state one fact."""
    doubtful = [(a, b) for score, phrase, a, b in scored if score < CONFLICT_SIMILARITY or phrase < CONFLICT_PHRASE]
    doubtful = [
        (a, b)
        for a, b in doubtful
        if same_instance(groups[a].markers, groups[b].markers) and same_names(groups[a], groups[b])
    ]
    sets: UnionFind[int] = UnionFind()
    size: dict[int, int] = defaultdict(lambda: 1)
    asked: list[tuple[int, int]] = []
    for a, b in doubtful:
        ra, rb = sets.find(a), sets.find(b)
        if ra != rb and size[ra] + size[rb] > DOUBT_SET:
            continue
        if ra != rb:
            sets.union(ra, rb)
            size[sets.find(a)] = size[ra] + size[rb]
        asked.append((a, b))
    members: dict[int, list[int]] = defaultdict(list)
    for a, b in asked:
        for g in (a, b):
            root = sets.find(g)
            if g not in members[root]:
                members[root].append(g)
    roots = sorted(members)
    batches = [[(f"c{g}", groups[g].claims[0]) for g in members[r]] for r in roots]
    answers = judge(batches)
    same: set[tuple[int, int]] = set()
    for answer in answers:
        for ids in answer:
            found = sorted(int(i[1:]) for i in ids if i[1:].isdigit())
            same.update((x, y) for x, y in combinations(found, 2))
    return {(a, b) for a, b in asked if (min(a, b), max(a, b)) in same}


def similarity(a: Group, b: Group, cosines: Sequence[float]) -> float:
    """How surely two groups state one fact: the views' cosines weighted, and evidence beyond wording:
    one subject key, one specific value given alike, one unit that names what is counted."""
    score = sum(w * c for w, c in zip(WEIGHTS, cosines, strict=True))
    if a.subject == b.subject:
        score += SAME_SUBJECT
    if (a.units | a.nouns) & (b.units | b.nouns) - generic_units():
        score += SAME_UNIT
    if _share_specific_value(a, b):
        score += SAME_VALUE
    if same_form_value(a, b, join_compare):
        score += SAME_FORM_VALUE
    return score


def _same_subject_and_value(a: Group, b: Group) -> bool:
    """One subject key and one value given alike, specific on both sides ('ALS' affects 'about 30,000' /
    'roughly 30,000'; not 'last held in March 2018' / 'suspended in 2018', two facts of one sentence)."""
    return a.subject == b.subject and _share_specific_value(a, b, both=True)


def _share_specific_value(a: Group, b: Group, both: bool = False) -> bool:
    """Whether the groups give one value alike, specific on at least one side (on both when `both`): a day
    or month, an amount of 100 or more or of a named unit, a name ('May 2022' within '2022')."""
    left = [c.value for c in a.claims[:SAMPLE]]
    right = [c.value for c in b.claims[:SAMPLE]]
    return any(
        (specific(x) and specific(y) if both else specific(x) or specific(y)) and join_compare(x, y) == Verdict.AGREE
        for x in left
        for y in right
    )


def _unit(row: np.ndarray) -> np.ndarray:
    import numpy as np

    norm = float(np.linalg.norm(row))
    return row / norm if norm else row


def _slot(group: str, claims: list[Claim]) -> Slot:
    """Name a slot by its most frequent subject key and attribute wording."""
    subject = most_common(slug(c.subject_key) or slug(c.subject) for c in claims)
    attribute = most_common(" ".join(words(c.attribute)) for c in claims)
    claims = sorted(claims, key=lambda c: (c.source_id, c.span.start, c.span.end, c.id))
    return Slot(subject_key=subject, attribute=attribute, group=group, claims=claims)
