"""One statement told both ways round: 'the biggest crab in the world · species: Japanese Spider Crab' and
'Japanese spider crabs · rank: the biggest known living crab species'.

Outlet A names a thing by a description and gives its name as the value; outlet B makes the name its
subject and gives the description as the value. Alignment reads B as A's statement (A's subject and
attribute, B's subject as the value) so the two meet as one fact. B is told the other way round when:
- A's value is an entity naming B's subject (equal stemmed words: "Japanese Spider Crab" / "Japanese
  spider crabs"), from another source;
- A's subject is a description: a common noun qualified ("the biggest crab in the world", "Yoon's
  predecessor"; not a name such as "Sony");
- B's value restates A's subject: it holds the noun A's subject is about and every word qualifying it
  before that noun ("biggest crab ..." in "biggest known living crab species"; `values/meaning.py`), with
  the same numbers and no denial on one side only;
- exactly one such A exists for B.
The claim keeps its id and quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from factcheck.models import Claim, Value, ValueType
from factcheck.values.meaning import denied, reading
from factcheck.values.text import content_tokens, slug

_NAMED = (ValueType.TEXT, ValueType.ENTITY)


def _restates(description: str, subject: str) -> bool:
    """Whether a value holds a subject's head noun and every word qualifying it before that noun."""
    told, said = reading(subject), reading(description)
    if told is None or said is None or not told.common or not (told.before or told.after):
        return False  # a name ('Sony', 'velorastat') or a bare noun describes nothing to restate
    words = content_tokens(description) | {said.head} | said.before | said.after
    return told.head in words and told.before <= words and told.numbers == said.numbers


def turned(claim: Claim, naming: Mapping[frozenset[str], Sequence[Claim]]) -> Claim:
    """The claim told the other way round when exactly one claim of another source names its subject (the
    same stemmed words) by a description its value restates; else the claim unchanged."""
    if claim.value.type not in _NAMED:
        return claim
    matches = [
        other
        for other in naming.get(content_tokens(claim.subject), ())
        if other.source_id != claim.source_id
        and denied(claim.value) == denied(Value(type=ValueType.TEXT, text=other.subject, normalized=other.subject))
        and _restates(claim.value.text, other.subject)
    ]
    if len(matches) != 1:
        return claim
    told = matches[0]
    value = Value(type=ValueType.ENTITY, text=claim.subject, normalized=slug(claim.subject_key) or slug(claim.subject))
    return claim.model_copy(
        update={"subject": told.subject, "subject_key": told.subject_key, "attribute": told.attribute, "value": value}
    )


def turn_inverse(claims: Sequence[Claim]) -> list[Claim]:
    """Every claim, those told the other way round of another source's statement turned to its form."""
    naming: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.value.type == ValueType.ENTITY and (key := content_tokens(claim.value.text)):
            naming[key].append(claim)
    if not naming:
        return list(claims)
    return [turned(c, naming) for c in claims]
