"""Relations a model gives as one person's role: 'Moon Jae In · role: Yoon's predecessor' is also 'Yoon ·
predecessor: Moon Jae In', as the offline extractor reads 'his predecessor, Moon Jae In' (docs/claims.md).
A minister's counterpart named in a claim's quote holds the minister's office, read by the offline extractor's
own rule (extract/offline/roles.py): 'Foreign Minister Yun Byung-se is to hold the dialogue with his Japanese
counterpart Fumio Kishida' is also 'Fumio Kishida · role: foreign minister', whatever the model made of it.

A model words a relation between two people either way round: as the relation of the one it names
('Yoon · predecessor: Moon Jae In') or as the other's role ('Moon Jae In · role: Yoon's predecessor'). The
relations are the lexicon's `extract_offline_values_relations` (predecessor, successor, wife, spokesman ...),
the same the offline extractor reads. The owner must be named: 'his predecessor' says whose only in the
sentence before. The claim as given stays; its twin is added.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.extract.entities import entity_key
from factcheck.models import Claim, Modality, Value, ValueType

_OWNED = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w.\- ]*?)['’]s?\s+(?P<relation>[a-z]+)$")
ROLE_ATTRIBUTES = frozenset({"role", "title", "relation", "relationship"})


def _role(claim: Claim) -> bool:
    """Whether a claim gives a person's role as text."""
    return claim.attribute in ROLE_ATTRIBUTES and claim.value.type == ValueType.TEXT


def no_role(claim: Claim) -> bool:
    """Whether a role a model gives names none of the person's own: its head noun is one of the lexicon's
    `not_roles` ('South Korean counterpart', a role only through another's; 'nickname'), as the offline
    extractor reads it."""
    if not _role(claim):
        return False
    words = re.findall(r"[a-z]+", claim.value.text.lower())
    return bool(words) and words[-1] in lexicon.words("not_roles")


def relation_twin(claim: Claim) -> Claim | None:
    """The owner's relation a role names ('Yoon's predecessor' of Moon Jae In: Yoon · predecessor = Moon Jae
    In), or None if the claim gives no such role."""
    if not _role(claim):
        return None
    found = _OWNED.match(claim.value.text.strip())
    if found is None or found["relation"] not in lexicon.words("extract_offline_values_relations"):
        return None
    owner = found["owner"].strip()
    person, owner_key = entity_key(claim.subject), entity_key(owner)
    if not person or not owner_key:
        return None
    value = Value(type=ValueType.ENTITY, text=claim.subject, normalized=person)
    update = {
        "id": "",
        "subject": owner,
        "subject_key": owner_key,
        "attribute": found["relation"],
        "value": value,
    }
    return claim.model_copy(update=update)


def counterpart_twin(claim: Claim) -> Claim | None:
    """The office of a minister's counterpart the claim's quote names, as the offline extractor reads it, or None."""
    found = _counterpart_office(claim.quote)
    if found is None:
        return None
    name, office = found
    update = {"id": "", "subject": name, "subject_key": entity_key(name), "attribute": "role", "value": office}
    return claim.model_copy(update={**update, "time": None, "modality": Modality.REPORTED})  # an office held


@lru_cache(maxsize=1024)
def _counterpart_office(quote: str) -> tuple[str, Value] | None:
    """The counterpart a quote names and the office it holds (extract/offline/roles.py), read once per quote:
    a model quotes one sentence in many claims."""
    if "counterpart" not in quote.lower():
        return None
    from factcheck.extract.aliases import AliasTable
    from factcheck.extract.offline.roles import find_roles

    found = [m for m in find_roles(quote, AliasTable.from_texts([quote])) if m.value.text == "counterpart"]
    if not found or not found[0].name or not entity_key(found[0].name):
        return None
    return found[0].name, found[0].value
