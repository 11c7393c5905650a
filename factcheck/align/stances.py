"""Stances across articles: a clause one article states and another calls false or states too
(extract/offline/stances.py).

A stance is kept only when another article meets it: denies what it states, states what it denies, or states it
too ('turned himself in' in three reports: what the sources agree on). They meet in a clause with the same verb,
its object alike, about the same subject (their subjects share a word). Two articles' stories (`story · true`)
meet only where one calls the story false: each article's lead is its own. An article that denies a
clause does not also state it (a fact-check quotes the claim it rates). Every other stance is left out: an
article states many clauses and negates some, and those are news only where another article meets them.
Stances that meet take one subject key and one predicate, so they share a slot, where an assertion and a denial are in
conflict and two assertions or two denials agree (values/typed.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from factcheck import lexicon
from factcheck.models import DENIED, STORY_KEY, Claim, ValueType
from factcheck.values.keys import UnionFind
from factcheck.values.senses import entails, verb_unit
from factcheck.values.text import STOPWORDS, content_tokens

_POSSESSIVE = re.compile(r"['’]s\b")


def _words(claim: Claim) -> frozenset[str]:
    """The words that name a stance's subject: its key's and its own, stemmed, without stopwords; of a possessed
    thing only the thing's ('Caldwell's body': the body, not Caldwell)."""
    owned = _POSSESSIVE.search(claim.subject)
    if owned is not None and content_tokens(claim.subject[owned.end() :]):
        return content_tokens(claim.subject[owned.end() :])
    return content_tokens(claim.subject_key) | content_tokens(claim.subject)


def _unnamed_identity(a: Claim, b: Claim) -> bool:
    """Whether two stances say who someone unnamed is, as one name: 'one of the onlookers ... was Paul Rudd' /
    'the man with a noble heart ... is not Paul Rudd'. The name is the fact; the people are told of in other
    words, so their subjects need not share one. Two named subjects are two people."""
    if a.attribute != b.attribute or not a.attribute.startswith("be "):
        return False
    name = a.attribute[3:]
    return all(name in c.value.text.lower() and not c.value.text.islower() and c.subject[:1].islower() for c in (a, b))


def _anyone(denial: Claim) -> bool:
    """Whether a denial is of everyone ('No one was injured', 'Nobody has been asked to resign'; lexicon
    `nobody_words`): it meets the act told of anyone ('Three guards were injured')."""
    return denial.subject.lower() in lexicon.words("nobody_words")


def _year(claim: Claim) -> int | None:
    """The year a stance's own clause names ('was arrested in 2011'), if any."""
    return claim.time.start.year if claim.time is not None else None


def _same_predicate(a: str, b: str, denied: bool = False) -> bool:
    """One verb, two verbs of undergoing with an object in common ('underwent ankle surgery' / 'did not have
    surgery'), or an asserted verb that entails the denied one (values/senses.py: 'gave way' / 'collapsed', 'was
    shot' / 'injured'), and what follows it (particle, complement, object) alike: equal, both absent, or
    sharing a word other than a preposition ('ban word freshman' / 'ban term freshman'; not 'ban smoking', nor
    'be in control' / 'be in eye'). `a` is the asserted predicate when the two differ in stance, and `denied`
    says `b` is denied: then a bare act denied denies it with any object ('no agreement has been reached' /
    'have agreed a £32 million fee')."""
    verb_a, rest_a = verb_unit(a.split())
    verb_b, rest_b = verb_unit(b.split())
    rest_a, rest_b = [w for w in rest_a if w not in STOPWORDS], [w for w in rest_b if w not in STOPWORDS]
    related = entails(verb_a, verb_b) or (_one_act(verb_a, verb_b) and bool(rest_a))  # undergoing: with an object
    return related and (bool(set(rest_a) & set(rest_b)) or (not rest_b and (denied or not rest_a)))


def _one_act(done: str, denied: str) -> bool:
    """Whether an asserted verb may tell the act a denied one does: it entails it (values/senses.py), or both are
    verbs of undergoing ('underwent ankle surgery' / 'did not have surgery'; lexicon `undergo_verbs`)."""
    return entails(done, denied) or {done, denied} <= lexicon.words("undergo_verbs")


def _candidates(stances: list[int], denied: set[int], verb: dict[int, str]) -> list[tuple[int, int]]:
    """Pairs of stances to weigh, in order: one verb (the rest of the predicate compared by the caller), and an
    asserted verb with a denied verb it may entail (asserted first)."""
    by_verb: dict[str, list[int]] = defaultdict(list)
    for n in stances:
        by_verb[verb[n]].append(n)
    pairs = [(n, d) for members in by_verb.values() for i, n in enumerate(members) for d in members[i + 1 :]]
    denied_verbs = {verb[d] for d in denied}
    for done in sorted({verb[n] for n in stances if n not in denied}):
        for other in sorted(v for v in denied_verbs if v != done and _one_act(done, v)):
            pairs += [(n, d) for n in by_verb[done] if n not in denied for d in by_verb[other] if d in denied]
    return pairs


def disputed(claims: Sequence[Claim]) -> list[Claim]:
    """The claims without the stances no other article meets, and the stances that meet given one subject key."""
    stances = [n for n, c in enumerate(claims) if c.value.type == ValueType.STANCE]
    if not stances:
        return list(claims)
    denied = {n for n in stances if claims[n].value.normalized == DENIED}
    verb = {n: verb_unit(claims[n].attribute.split())[0] for n in stances}
    own = {(claims[n].source_id, verb[n]) for n in denied}
    joined: UnionFind[int] = UnionFind()
    kept: set[int] = set()
    for n, d in _candidates(stances, denied, verb):
        a, b = claims[n], claims[d]
        if a.source_id == b.source_id or (
            not (n in denied or d in denied) and STORY_KEY in (a.subject_key, b.subject_key)
        ):
            continue  # two articles telling their stories are not thereby one story
        one_denial = [c for x, c in ((n, a), (d, b)) if x in denied]
        everyone = len(one_denial) == 1 and _anyone(one_denial[0]) and verb[n] == verb[d]  # the same act, of anyone
        if not (_words(a) & _words(b) or _unnamed_identity(a, b) or everyone):
            continue
        done, refused = (a, b) if d in denied else (b, a)
        if not _same_predicate(done.attribute, refused.attribute, len(one_denial) == 1) or _year(a) != _year(b):
            continue  # 'was arrested in 2011' is another arrest than the one denied
        if any(x not in denied and (claims[x].source_id, verb[x]) in own for x in (n, d)):
            continue  # an article that calls a clause false does not also state it (a quoted claim)
        kept |= {n, d}
        joined.union(n, d)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in sorted(kept):
        groups[joined.find(n)].append(n)
    told: set[frozenset[tuple[str, int]]] = set()
    fullest = sorted(groups, key=lambda r: (-sum(len(claims[n].quote) for n in groups[r]), r))
    for root in fullest:  # one clause read both ways round ('CDC quarantined the town', 'the town · quarantine')
        places = frozenset((claims[n].source_id, claims[n].span.start) for n in groups[root])
        if places in told:  # meets the other article's clause twice: kept once, with its fuller quotes
            kept -= set(groups.pop(root))
        told.add(places)
    key_of: dict[int, dict[str, str]] = {}
    for group in groups.values():
        keys = Counter(claims[n].subject_key for n in group)
        predicates = Counter(claims[n].attribute for n in group)
        one = {  # the key and predicate most of them use, else the shortest
            "subject_key": min(keys, key=lambda k: (-keys[k], len(k), k)),
            "attribute": min(predicates, key=lambda k: (-predicates[k], len(k), k)),
        }
        key_of.update({n: one for n in group})
    return [
        claim.model_copy(update=key_of[n]) if n in key_of else claim
        for n, claim in enumerate(claims)
        if n in kept or claim.value.type != ValueType.STANCE
    ]
