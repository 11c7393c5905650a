"""An event held for the first time in a span of time is resumed after a gap, read from the parse.

"Are arranging to hold their first security talks in more than five years next month" plans a resumption, dated by
the claim's own time, as surely as "the consultation, which was restored in April after a hiatus of five years"
reports one. A claim whose value names an event held first in a span ('first' on the noun, the span after an 'in'
on it or on its verb; the noun a meeting, an act or a journey: `event_heads`, `nominalizations`, `journey_nouns`; 'the
first woman in 50 years to lead the party' names no event), and whose own time is a month or less, is compared as the date of that event's resumption:
subject the event, attribute 'resumed'. The claim keeps its id, its modality and its quote (a plan stays a plan).
The gap a quote tells (the first in N years; after a hiatus of N years) is read here too; statedates.py pairs the
resumptions told after one gap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.dated import DATED_DAYS
from factcheck.extract.timeparse import iso
from factcheck.models import Claim, Value, ValueType
from factcheck.values.meaning import parsed
from factcheck.values.text import slug

if TYPE_CHECKING:
    from spacy.tokens import Token

Gap = tuple[str, float]  # (unit of time in its normal form, amount): ('years', 5.0)
_WORD = re.compile(r"[A-Za-z]+")
_NOT_EVENT = frozenset(
    {"det", "poss", "case", "predet", "nummod", "punct"}
)  # words before an event's name: 'their', "Seoul's"
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})  # a verb's own nouns, the event it holds among them
RESUMED = "resumed"  # the attribute of a resumption read from a first event in a span


def resumed_act(claim: Claim) -> Claim:
    """The claim as the date of a resumption, when its value (text or entity) names an event held first in a span
    of time ('first security talks in more than five years') and its own time is a month or less."""
    time = claim.time
    if claim.value.type not in (ValueType.TEXT, ValueType.ENTITY) or time is None:
        return claim
    if (time.end - time.start).days >= DATED_DAYS or lexicon.words("negations") & set(
        _WORD.findall(claim.attribute.lower())
    ):
        return claim
    event = first_event(claim.value.text)
    if event is None:
        return claim
    value = Value(type=ValueType.DATE, text=time.text or iso(time), normalized=iso(time), period=time)
    update = {"subject": event, "subject_key": slug(event), "attribute": RESUMED, "value": value}
    return claim.model_copy(update=update)


@lru_cache(maxsize=4096)
def first_event(text: str) -> str | None:
    """The event a text names as held first in a span of time, its qualifiers kept and the order and span set aside
    ('their first working-level security talks in more than five years' -> 'working-level security talks')."""
    if reading_word("order") not in text.lower():
        return None
    doc = parsed(text.strip())
    if doc is None:
        return None
    events = {noun for unit in doc if _gap_at(unit) is not None and (noun := _first_in(unit)) is not None}
    if len(events) != 1:
        return None
    head = events.pop()
    if not {head.lemma_.lower(), head.lower_} & event_nouns():  # 'the first woman in 50 years' names no event
        return None
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in _NOT_EVENT or doc[start].lower_ == reading_word("order")):
        start += 1
    return doc[start : head.i + 1].text


def quote_gap(quote: str) -> Gap | None:
    """The gap a quote gives: a span after 'after' ('after a hiatus of five years'), or the first in a span."""
    return _read_gap(quote, after=True)


@lru_cache(maxsize=4096)
def _read_gap(text: str, after: bool) -> Gap | None:
    """The one span of time the parse ties to 'first ... in' (and, when `after`, to an 'after' phrase)."""
    doc = parsed(text)
    if doc is None:
        return None
    found = {
        gap for token in doc if (gap := _gap_at(token)) and (_first_in(token) is not None or (after and _after(token)))
    }
    return found.pop() if len(found) == 1 else None


def event_nouns() -> frozenset[str]:
    """Nouns that name an event: a meeting (`event_heads`), an act (`nominalizations`: 'election', 'launch') or a
    journey (`journey_nouns`: 'flight', 'voyage')."""
    acts = frozenset(lexicon.table("nominalizations"))
    return lexicon.words("event_heads") | acts | lexicon.words("journey_nouns")


def _gap_at(token: Token) -> Gap | None:
    """The span of time a unit word and its number give ('five years' at 'years'), or None."""
    unit = lexicon.table("time_units").get(token.lower_)
    amount = _amount(token)
    return (str(unit), amount) if unit is not None and amount is not None else None


def _amount(unit: Token) -> float | None:
    """The number counting a unit of time ('five years', 'a three-year pause'), or None."""
    for child in unit.children:
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.replace(".", "", 1).isdigit():
                return float(text)
            number = lexicon.table("number_words").get(text)
            return float(number) if number is not None else None
    return None


def _first_in(unit: Token) -> Token | None:
    """The noun that 'first' qualifies, when the span is the object of 'in' on it or on the verb it is an argument of
    ('the first time in nine years'; 'to run their first crossings in three years'), else None."""
    prep = unit.head
    if unit.dep_ != "pobj" or prep.lower_ != reading_word("span"):
        return None
    head = prep.head
    nouns = [head, *(c for c in head.children if c.dep_ in _ARGUMENTS)] if head.pos_ in {"VERB", "AUX"} else [head]
    found = [n for n in nouns if any(t.lower_ == reading_word("order") for t in n.lefts)]
    return found[0] if len(found) == 1 else None


def _after(unit: Token) -> bool:
    """Whether the span lies in an 'after' phrase of the clause ('after a hiatus of five years', 'after a three-year
    pause', 'after five years'), at most three arcs up."""
    token = unit
    for _ in range(4):
        if token.lower_ == reading_word("gap") and token.dep_ == "prep":
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def reading_word(role: str) -> str:
    """The function word a reading keys on (`change_readings` in the lexicon: 'order' -> 'first', 'moment' -> 'when')."""
    return str(lexicon.table("change_readings")[role])
