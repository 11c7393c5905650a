"""A claim whose value names what was done, or to whom, and whose own time dates the doing, states the date of that act.

A model may give one act as its object ("South Korea · announced: a solution to the wartime labor issue",
its time early March) where another source gives its date ("South Korea · decided on a solution to the
wartime labor issue: 2023-03-06"), or name as an entity to what or whom it was done ("Brightwater · licensed
velorastat in Europe to: Hollen", its time April 2024). Alignment compares such a claim as the date it carries: attribute
"announced a solution to the wartime labor issue", value the claim's own time. An act planned in the passive
infinitive ("resumption · to be agreed upon by: Kishida and Yoon", expected on Thursday) is that act's date
too, the claim keeping its modality. The claim keeps its id.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.extract.timeparse import iso
from factcheck.models import Claim, Value, ValueType
from factcheck.values.keys import type_words
from factcheck.values.tense import past_form
from factcheck.values.timescope import status_attribute

DATED_DAYS = 31  # a time this short dates the act; a year alone dates too many acts alike
_WORD = re.compile(r"[A-Za-z]+")
_INFINITIVE = re.compile(r"^to be\s+", re.IGNORECASE)
_ACT_OBJECTS = (ValueType.TEXT, ValueType.ENTITY)  # what was done, or to what or whom it was done


def dated_act(claim: Claim) -> Claim:
    """The claim as the date of the act it reports, when its value (text or entity) names what was done, its
    attribute opens with a simple past ('announced') and its own time is a month or less."""
    time = claim.time
    if claim.value.type not in _ACT_OBJECTS or time is None or (time.end - time.start).days >= DATED_DAYS:
        return claim
    attribute = _INFINITIVE.sub("", claim.attribute.strip())  # 'to be agreed upon by': a plan of the act
    first = _WORD.match(attribute)
    if first is None or first.group(0) != first.group(0).lower() or not past_form(first.group(0)):
        return claim
    if status_attribute(claim.attribute) or not claim.value.text.strip() or _where(claim) or _named_type(claim):
        return claim
    value = Value(type=ValueType.DATE, text=time.text or iso(time), normalized=iso(time), period=time)
    return claim.model_copy(update={"attribute": f"{attribute} {claim.value.text.strip()}", "value": value})


def _named_type(claim: Claim) -> bool:
    """Whether the attribute ends in a word naming its value's type: a noun phrase ('expected meeting place',
    'planned venue'), not an act done to the value."""
    words = _WORD.findall(claim.attribute.lower())
    return bool(words) and words[-1] in type_words()


def _where(claim: Claim) -> bool:
    """Whether the claim's entity value says where the act was done ("held in: Tokyo"), a place of its own."""
    words = _WORD.findall(claim.attribute.lower())
    return claim.value.type == ValueType.ENTITY and bool(words) and words[-1] in lexicon.words("place_prepositions")
