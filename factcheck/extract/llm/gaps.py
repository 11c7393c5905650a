"""The gap a model's text value tells by "the first ... in N years": a hiatus, as the offline extractor reads it.

A model may give "Japan and South Korea · arranging to hold: their first working-level security talks in more
than five years", where another article gives "Security Policy Consultation · hiatus: five years". The first
value also says how long the talks had not been held; its twin says so as the offline extractor writes it
(docs/claims.md): the talks' `hiatus`, a number of years, with the claim's time and quote. The gap is told as
it stands: a plan to hold the talks ("are arranging to hold") does not make the years without them a plan.
"""

from __future__ import annotations

import re

from factcheck.extract.entities import entity_key
from factcheck.extract.llm.values import normalize_value
from factcheck.models import Claim, Modality, ValueType

HIATUS = "hiatus"
_FIRST_IN = re.compile(
    r"\b(?P<thing>first\s+.{1,80}?)\s+in\s+(?P<gap>(?:more than |over |nearly |almost |about )?"
    r"[\w-]+\s+(?:years?|months?|decades?))\b",
    re.IGNORECASE,
)


def gap_twin(claim: Claim) -> Claim | None:
    """The hiatus a text value tells ('their first working-level security talks in more than five years': the
    talks, 5 years), or None."""
    if claim.value.type != ValueType.TEXT or claim.attribute == HIATUS:
        return None
    found = _FIRST_IN.search(claim.value.text)
    if found is None or found["gap"].lower() not in claim.quote.lower():
        return None
    value = normalize_value(found["gap"], ValueType.NUMBER, None, claim.quote)
    thing = found["thing"]
    named = re.sub(r"^first\s+", "", thing, flags=re.IGNORECASE)
    if value.type != ValueType.NUMBER or value.unit is None or not named:
        return None
    subject = claim.value.text[: found.start("thing")].strip() + " " + thing
    return claim.model_copy(
        update={
            "id": "",
            "subject": subject.strip(),
            "subject_key": entity_key(named),
            "attribute": HIATUS,
            "value": value,
            "modality": Modality.REPORTED,
        }
    )
