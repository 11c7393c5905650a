"""Evidence beyond wording: one change of state dated by two sources in far wordings.

A change of state is told with many verbs ("the talks were suspended in 2018" / "the framework stalled when the court
ruled in 2018"; "talks restored in April after a hiatus of five years" / "their first talks in more than five years,
next month"), and a model may date it through another act: "stalled when the court ordered ... in 2018" gives the
court's order as the claim, its date also the date of the stall. The parse reads what each date claim dates:

- the state its attribute's verb leaves the subject in ('suspended in', 'restored'; `status_verbs` in the lexicon,
  states of one condition folded by `same_states`: restored and resumed are one);
- or, for a date in a clause opened by 'when', the state the verb of the main clause names (the stall, dated by
  the court's order: one moment);
- or a resumption read from an event held first in a span (resumed.py);

and the gap it tells before a resumption (the first in N years; after N years). Two date groups from different
sources that alone in the story date one state after one gap, of one thing (their subjects share a content word, or
both name a meeting: `event_heads`), whose dates agree, are proposed as one fact, when the gap is told or one of them
is read through a 'when' clause (two plain dated changes are left to their wording). This never joins dates in
conflict, nor the changes of two things ('the bridge project stalled when the city cut its funding in 2019' / 'the
ferry service was halted in 2019').
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from factcheck import lexicon
from factcheck.align.dated import dated_act
from factcheck.align.pairs import only_two
from factcheck.align.resumed import Gap, quote_gap, reading_word, resumed_act
from factcheck.extract.llm.status import AUXILIARIES
from factcheck.extract.offline.status import STATUS_FORMS, STATUS_VERBS
from factcheck.extract.offline.tree import verb_above
from factcheck.models import Claim, ValueType
from factcheck.values.keys import state_names
from factcheck.values.meaning import parsed
from factcheck.values.text import content_tokens, slug
from factcheck.values.typed import Verdict, compare

if TYPE_CHECKING:
    from factcheck.align.slots import Group

Pair = tuple[int, int]
_WORD = re.compile(r"[A-Za-z]+")
_PATH_STEPS = 4  # a date lies at most this many arcs below the verb it dates


class Dated(NamedTuple):
    """What a date claim dates: a state, the gap before it (for a resumption), and whether a 'when' clause told it."""

    state: str
    gap: Gap | None
    through_when: bool


def state_pairs(groups: Sequence[Group]) -> list[Pair]:
    """Pairs, sorted, of the story's only two date groups of one state and gap, from different sources, of one thing,
    with dates that agree, when the gap is told or one group is read through a 'when' clause."""
    buckets: dict[tuple[str, Gap | None], list[Group]] = defaultdict(list)
    through: set[int] = set()
    for g in groups:
        if g.type_group != "date" or not g.claims:
            continue
        read = [dated_state(c) for c in g.claims]
        keys = {(d.state, d.gap) if d else None for d in read}
        if len(keys) == 1 and None not in keys:
            key = keys.pop()
            assert key is not None
            buckets[key].append(g)
            if any(d.through_when for d in read if d):
                through.add(g.index)
    pairs: list[Pair] = []
    for (_, gap), held in buckets.items():
        if gap is None:  # without a gap, one of the two must be read through a 'when' clause
            held = held if len(held) == 2 and {g.index for g in held} & through else []
        pairs += only_two([held], lambda a, b: _dates_agree(a, b) and _one_subject(a, b))
    return sorted(pairs)


def gap_pairs(groups: Sequence[Group]) -> list[Pair]:
    """Pairs, sorted, of the story's only two groups giving one gap before a resumption as their value, from
    different sources, of one thing: 'working-level security talks · time since last held: more than five
    years' ('their first ... in more than five years') / 'security policy talks · hiatus: five years' ('after a
    hiatus of five years'). The value must be the gap the quote tells, not another span in it."""
    buckets: dict[Gap, list[Group]] = defaultdict(list)
    for g in groups:
        gaps = {_told_gap(c) for c in g.claims}
        if g.type_group == "quantity" and g.claims and len(gaps) == 1 and None not in gaps:
            gap = gaps.pop()
            assert gap is not None
            buckets[gap].append(g)
    return sorted(p for held in buckets.values() for p in only_two([held], _one_subject))


def _told_gap(claim: Claim) -> Gap | None:
    """The gap the claim's quote tells, when the claim's value is that gap (its amount, in a unit of time)."""
    gap = quote_gap(claim.quote)
    unit = lexicon.table("time_units").get((claim.value.unit or "").lower())
    return gap if gap is not None and claim.value.number == gap[1] and unit == gap[0] else None


def as_dated(claim: Claim) -> Claim:
    """The claim as alignment compares it: a change told through a 'when' clause (when_act), a resumption read from
    a first event in a span (resumed.py), an act dated by its own time (dated.py); else the claim as given."""
    return dated_act(resumed_act(when_act(claim)))


def when_act(claim: Claim) -> Claim:
    """A date claim of an act whose clause opens with 'when' under a change of state, compared as the date of that
    change: subject the main clause's subject, attribute its verb ('South Korea's Supreme Court · ordered ...: 2018',
    quoted "the framework stalled when the court ordered ... in 2018" -> 'framework · suspended: 2018'). The claim
    keeps its id and quote."""
    if claim.value.type != ValueType.DATE or attribute_state(claim.attribute) is not None:
        return claim
    main = _when_main(claim.quote, claim.value.text)
    if main is None:
        return claim
    verb, subject = main
    state = attribute_state(verb)  # the state the verb leaves its subject in, as the other sources word it most
    return claim.model_copy(update={"subject": subject, "subject_key": slug(subject), "attribute": state or verb})


def dated_state(claim: Claim) -> Dated | None:
    """The state a date claim dates, with the gap its quote tells; None when it dates no change of state."""
    state = attribute_state(claim.attribute)
    if state is None:
        return None
    main = _when_main(claim.quote, claim.value.text)
    through_when = main is not None and attribute_state(main[0]) == state
    resumed = state in lexicon.words("resumption_words")  # a gap is told before a resumption only
    return Dated(state, quote_gap(claim.quote) if resumed else None, through_when)


def attribute_state(attribute: str) -> str | None:
    """The state the attribute's first verb leaves its subject in, folded ('restored in' -> resumed)."""
    verbs = [w for w in _WORD.findall(attribute.lower()) if w not in AUXILIARIES]
    base = STATUS_FORMS.get(verbs[0]) if verbs else None
    if base is None:
        return None
    state = STATUS_VERBS[base][0]
    return state_names().get(state, state)


@lru_cache(maxsize=4096)
def _when_main(quote: str, value: str) -> tuple[str, str] | None:
    """The verb and subject of the main clause, when the value's verb opens a 'when' clause under it and the main
    verb is a change of state, not denied ('the framework stalled when the court ordered ... in 2018' -> 'stalled',
    'framework'); read from the parse."""
    moment = reading_word("moment")
    at = quote.find(value) if value and moment in _WORD.findall(quote.lower()) else -1  # no 'when': nothing to parse
    doc = parsed(quote) if at >= 0 else None
    span = doc.char_span(at, at + len(value), alignment_mode="expand") if doc is not None else None
    verb = verb_above(span.root, _PATH_STEPS, ("VERB", "AUX")) if span is not None else None
    if verb is None or verb.dep_ != "advcl" or not any(c.lower_ == moment for c in verb.children):
        return None
    main = verb.head
    subjects = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if main.lemma_.lower() not in STATUS_VERBS or any(c.dep_ == "neg" for c in main.children) or len(subjects) != 1:
        return None
    words = [t for t in subjects[0].subtree if t.dep_ not in {"det", "poss", "case", "punct"}]
    return (main.lower_, " ".join(t.text for t in words)) if words else None


def _one_subject(a: Group, b: Group) -> bool:
    """Whether every subject of one group names the thing every subject of the other names: they share a content
    word ('the talks' / 'security talks'), or both name a meeting (`event_heads`: 'the talks' / 'the framework')."""
    return all(same_thing(x.subject, y.subject) for x in a.claims for y in b.claims)


def same_thing(a: str, b: str) -> bool:
    """Whether two subjects name one thing: a content word in common, or both a meeting ('talks', 'consultation')."""
    if content_tokens(a) & content_tokens(b):
        return True
    heads = lexicon.words("event_heads")
    return bool(heads & set(_WORD.findall(a.lower())) and heads & set(_WORD.findall(b.lower())))


def _dates_agree(a: Group, b: Group) -> bool:
    """Whether every date of one group agrees with every date of the other."""
    return all(compare(x.value, y.value) == Verdict.AGREE for x in a.claims for y in b.claims)
