"""Status claims for a change of state a model words as an act done to a thing: the thing is in that state.

A model often gives a change of state with its doer as the subject and the changed thing as the value:
"the two cities · are reviewing = the water-sharing accord", "the regulator · suspended = the mine's
licence". docs/claims.md states such a change as a `status` claim of the thing, as the offline extractor
reads the same sentence: "the water-sharing accord · status = being reviewed", "the mine's licence ·
status = suspended", so that the states of one thing form a timeline whoever changed it. The verbs of a
change are the lexicon's `status_verbs` (with `status_phrasal_verbs`, `status_efforts`: "working to
restore" is under way; `status_intentions`: "threatened to cancel" is a threat), the same the offline
extractor reads. The attribute must end in that verb, so the value is what it changed ("suspended in" is a
date, not a thing); a value naming the thing by another name ("an accord known as the Orsa Compact") is
about that name; a bare common noun ("flights") names no one thing. A finished change needs the claim's own
time (undated, it cannot be placed on a timeline); a change under way holds as of the publication day. The
claim as given stays; its twin is added.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.extract.entities import entity_key
from factcheck.extract.llm.status import AUXILIARIES, STATUS
from factcheck.extract.offline.status import (
    EFFORT_FORMS,
    INTENTION_FORMS,
    INTENTIONS,
    PHRASAL_FORMS,
    PHRASAL_VERBS,
    STATUS_FORMS,
    STATUS_VERBS,
)
from factcheck.models import Claim, Modality, Value, ValueType
from factcheck.values.text import content_tokens, words

MAX_THING_WORDS = 12  # a longer value is a clause or a list, not one thing named
UNDER_WAY = "being "  # a change under way holds as of its publication day
_OBJECTS = (ValueType.TEXT, ValueType.ENTITY)
_CLAUSE_OPENERS = frozenset({"to", "that", "whether", "how", "why", "what", "if"})


def object_state(claim: Claim) -> Claim | None:
    """The `status` claim of the thing a reported act changed ('X · restored = the ferry link' -> 'the ferry
    link · status = restored'), or None when the claim is not an act of a status verb done to a named thing."""
    if claim.value.type not in _OBJECTS or claim.modality != Modality.REPORTED or claim.attribute == STATUS:
        return None
    thing = named_thing(claim.value.text)
    if thing is None:
        return None
    state = act_state(claim.attribute)
    if state is None or (claim.time is None and not state.startswith(UNDER_WAY)):
        return None  # a finished change with no date cannot be placed on a timeline (docs/claims.md)
    key = entity_key(thing) or "_".join(thing.lower().split())
    if not key or key == claim.subject_key:
        return None
    value = Value(type=ValueType.TEXT, text=claim.attribute, normalized=state)
    return claim.model_copy(
        update={"id": "", "subject": thing, "subject_key": key, "attribute": STATUS, "value": value}
    )


def act_state(attribute: str) -> str | None:
    """The state a verb group ending in a status verb leaves its object in: 'restored' -> restored, 'are
    reviewing' and 'working to review' -> being reviewed, 'threatened to cancel' -> cancellation threatened."""
    said = words(attribute)
    if not said or set(said) & lexicon.words("negations"):
        return None  # 'has not restored' leaves no state
    verbs = [w for w in said if w not in lexicon.exact("extract_offline_status_filler")]
    if not verbs:
        return None
    last = verbs[-1]
    if len(verbs) > 1 and (verbs[-2], last) in PHRASAL_FORMS:
        entry, rest, last = PHRASAL_FORMS[(verbs[-2], last)], verbs[:-2], verbs[-2]
        bases = {b for b, particle in PHRASAL_VERBS if particle == verbs[-1]}
    elif last in STATUS_FORMS:
        bases = {STATUS_FORMS[last]}
        entry, rest = STATUS_VERBS[STATUS_FORMS[last]], verbs[:-1]
    else:
        return None
    done, noun = entry
    if rest and rest[-1] == "to":  # "working to restore", "threatened to cancel"
        outer = rest[-2] if len(rest) > 1 else ""
        if outer in EFFORT_FORMS:
            return f"{UNDER_WAY}{done}"
        if outer in INTENTION_FORMS:
            return f"{noun} {INTENTIONS[INTENTION_FORMS[outer]]}"
        return None
    if any(w not in AUXILIARIES for w in rest):
        return None  # more words than a verb group: not the act itself
    if last.endswith("ing"):
        return f"{UNDER_WAY}{done}"  # 'are reviewing': under way
    if set(rest) & lexicon.exact("extract_offline_status_be"):
        return None  # a passive: the subject was changed, not the value
    unchanged = {form for b in bases for form in (b, b + "s", b + "es")}  # 'restore', 'restores': no change told
    return done if last not in unchanged else None  # a past form: 'restored', 'froze'


def named_thing(text: str) -> str | None:
    """The thing a value names: the name it gives after a naming phrase ('a pact known as the Orsa Compact' ->
    'the Orsa Compact'), else the value itself; None for a clause, a long phrase, or a bare common noun
    ('flights', 'its licence': whose flights or licence is not said, so two doers' would be taken for one)."""
    text = " ".join(text.split()).strip(" .,;")
    low = words(text)
    if not low or low[0] in _CLAUSE_OPENERS or len(low) > MAX_THING_WORDS:
        return None
    if len(content_tokens(text)) < 2 and text.lower() == text:
        return None
    for phrase in sorted(lexicon.words("naming_phrases"), key=len, reverse=True):
        match = re.search(rf"\b{re.escape(phrase)}\s+(.+)$", text, flags=re.IGNORECASE)
        if match and any(ch.isupper() for ch in match.group(1)):
            return match.group(1).strip()
    return text
