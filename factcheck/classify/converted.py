"""A measure and its own conversion ('up to 3.8 meters (about 12 feet)') are one statement, decided as written
first.

An article that converts a measure into another unit states one value twice; its rounded conversion must not
agree or disagree on its own. Against another outlet's "up to 3.7m", the converted "about 12 feet" (3.66 m)
would agree within the tolerance a conversion is given, while the article's own "3.8 meters" disagrees; and
the two readings of one article would look like a list of two values, which no other source contradicts. So
within a slot, a claim whose measure has the same normal form as another claim of the same source, in another
unit, written later in overlapping quotes, is left to that earlier claim: the finding about the measure is the
finding about its conversion, and the claim stays in the report's claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.classify.explain import Item
from factcheck.models import Claim, ValueType
from factcheck.values.typed import unit_of


def without_conversions(items: Sequence[Item]) -> list[Item]:
    """The items but those that only convert a measure its own source gives beside them."""
    measures = [i for i in items if i.claim.value.type == ValueType.NUMBER and unit_of(i.claim.value)]
    return [i for i in items if not any(_converts(i.claim, o.claim) for o in measures)]


def _converts(claim: Claim, original: Claim) -> bool:
    """Whether `claim` restates `original`'s measure in another unit, after it, in overlapping quotes."""
    if claim.id == original.id or claim.source_id != original.source_id:
        return False
    a, b = claim.value, original.value
    if a.type != ValueType.NUMBER or a.normalized.strip() != b.normalized.strip() or unit_of(a) == unit_of(b):
        return False
    if not (claim.span.start < original.span.end and original.span.start < claim.span.end):
        return False
    return _written_at(original) < _written_at(claim)


def _written_at(claim: Claim) -> int:
    """Where the claim's value is written in its article (its quote's start when the quote does not hold it)."""
    found = claim.quote.find(claim.value.text)
    return claim.span.start + max(found, 0)
