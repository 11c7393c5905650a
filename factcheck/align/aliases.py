"""Another name of a thing, given by one claim, makes the two names one subject for the story.

"edible crab · scientific name: Cancer pagurus" says that Cancer pagurus is the edible crab, so a later
"Cancer pagurus · habitat: the waters surrounding the British Isles" is a claim about the edible crab and
meets another outlet's "edible crab · habitat: commonly found in British waters". A claim names another
name when its attribute is one of the shared lexicon's `alias_attributes` ("scientific name", "also known
as", "real name") and its value is an entity. A name given as another name of two different subjects, or
itself a subject given another name, is left alone. The claims keep their ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from factcheck import lexicon
from factcheck.align.fullname import under_full_names
from factcheck.models import Claim, ValueType
from factcheck.values.keys import rekeyed, subject_of
from factcheck.values.text import slug, words


def names_another_name(claim: Claim) -> bool:
    """Whether a claim gives another name of its subject ('scientific name: Cancer pagurus')."""
    return claim.value.type == ValueType.ENTITY and " ".join(words(claim.attribute)) in lexicon.words(
        "alias_attributes"
    )


def story_aliases(claims: Sequence[Claim]) -> dict[str, str]:
    """Another name's key -> the key of the subject it names, for the names given for one subject only."""
    named: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if names_another_name(claim):
            alias, subject = slug(claim.value.normalized) or slug(claim.value.text), subject_of(claim)
            if alias and alias != subject:
                named[alias].add(subject)
    aliases = {alias: next(iter(subjects)) for alias, subjects in named.items() if len(subjects) == 1}
    return {alias: subject for alias, subject in aliases.items() if subject not in aliases}


def under_one_name(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, those about another name of a subject (or about a person named by one name alone:
    fullname.py) keyed by that subject."""
    claims = under_full_names(claims)
    return rekeyed(claims, story_aliases(claims))
