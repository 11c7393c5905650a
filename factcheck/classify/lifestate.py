"""Whether a person is dead or alive, read from the words of a text value ('found dead of natural causes',
'very much still alive'), and when two such states conflict.

A person's life state holds whenever it is said to: "was found dead ... Sunday morning" and "is very
much still alive" about one person on one day cannot both be true, however differently the two outlets
word them. A state an article only relays (the value or its attribution names hearsay: "was presumed
to be dead", "the story states") or hedges is not the article's own, and conflicts with nothing.
The words are language data in the lexicon: `life_states`, `hearsay_words`, `negations`.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from factcheck import lexicon
from factcheck.classify.explain import Item
from factcheck.models import Modality, ValueType
from factcheck.values.meaning import parsed
from factcheck.values.text import stem, words
from factcheck.values.timescope import Relation, same_time

MAX_WORDS = 8  # a longer text value describes more than a person's state ...
LEAD_WORDS = 3  # ... unless it opens with the state ('alive and well and at home with his family')


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """A stemmed one-word state or verb ('dead', 'die', 'perish') -> the state it names."""
    table = lexicon.table("life_states")
    return {stem(str(w)): str(state) for state, ws in table.items() for w in ws if " " not in str(w)}


@lru_cache(maxsize=1)
def _hearsay() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.words("hearsay_words"))


def _state_word(word: str) -> str | None:
    """The life state one word names in any inflection ('died', 'dies', 'dying', 'survived'), or None."""
    forms = {word, stem(word)}
    if word.endswith(("d", "s")):
        forms |= {word[:-1], word[:-2]}  # 'died' -> 'die', 'perished' -> 'perish'
    if word.endswith("ying"):
        forms.add(word[:-4] + "ie")  # 'dying' -> 'die'
    return next((_states()[f] for f in sorted(forms) if f in _states()), None)


def life_state(item: Item) -> str | None:
    """'dead' or 'alive' when a reported text value says so in the article's own voice, else None."""
    claim = item.claim
    if claim.value.type != ValueType.TEXT or claim.modality != Modality.REPORTED:
        return None
    tokens = words(claim.value.text)
    if len(tokens) > MAX_WORDS and any(_state_word(w) for w in tokens[:LEAD_WORDS]):
        tokens = tokens[:MAX_WORDS]  # the state, then what else is told of the person
    if not tokens or len(tokens) > MAX_WORDS:
        return None
    said_by = words(claim.attribution or "")
    if any(stem(w) in _hearsay() for w in tokens + said_by):
        return None
    if claim.value.normalized in lexicon.table("life_opposite"):
        return claim.value.normalized  # a state read from the parse ('dead', 'alive'), its negation already applied
    states = [state for w in tokens if (state := _state_word(w)) is not None]
    if any(_state_word(w) == "alive" and nxt == "by" for w, nxt in pairwise(tokens)):
        return "dead"  # 'is survived by his wife': the one survived is dead
    if len(set(states)) != 1 or _manner(claim.value.text):
        return None
    if any(w in lexicon.words("verbtense_future_auxiliaries") for w in tokens):
        return None  # 'will never die': what will be is no state now
    state = states[0]
    if any(w in lexicon.words("negations") for w in tokens):
        state = str(lexicon.table("life_opposite")[state])
    return state


def life_relation(a: Item, b: Item) -> Relation | None:
    """A contradiction when two sources' own words give one person opposite life states at one time (or
    dead, then alive on a later day), an update when alive on one day and dead on a later one; None when
    the pair says nothing of life."""
    sa, sb = life_state(a), life_state(b)
    if sa is None or sb is None:
        return None
    if sa == sb or not same_time(a.scope, b.scope):
        return Relation.NONE
    ta, tb = a.scope.when, b.scope.when
    if ta is not None and tb is not None and not ta.overlaps(tb):
        first = sa if ta.end < tb.start else sb
        if first == "alive":
            return Relation.UPDATE  # alive when one outlet wrote, dead by a later one: the story moved on
    return Relation.CONTRADICTION


def _manner(text: str) -> bool:
    """Whether 'alive' or 'dead' says how something was done ('burned alive', 'buried alive'), not a state: it
    hangs on a verb that does not say what state one is in (lexicon `life_linking_verbs`)."""
    doc = parsed(text)
    linking = lexicon.words("life_linking_verbs")
    return doc is not None and any(
        _state_word(t.lower_) is not None
        and t.pos_ == "ADJ"
        and t.head.pos_ == "VERB"
        and t.head.lemma_.lower() not in linking
        for t in doc
    )
