"""Two places named at different levels: a country, state or province against a place the gazetteer does not know.

"Missouri angler Dale Hutchins" / "Dale Hutchins, 54, of Sedalia": a state and a town that may lie in it. Without
knowing where the town lies, the two cannot be set against each other; two countries, two states, or two places
neither known ('Lisbon' / 'Porto') still can.
"""

from __future__ import annotations

from factcheck.extract.entities import gazetteer, region_names
from factcheck.models import Value, ValueType

PLACE_WORDS = 3  # a longer value ('the Syrian town of Kobane') describes more than a place's name


def _level(value: Value) -> str:
    """'region' for a country, state or province; 'capital' for a capital the gazetteer places; else 'place'."""
    name = " ".join(value.text.split()).lower().removeprefix("the ")
    gaz = gazetteer()
    if name in gaz.countries or name in region_names():
        return "region"
    return "capital" if name in gaz.capitals else "place"


def levels_apart(a: Value, b: Value) -> bool:
    """Whether one entity is a country, state or province and the other a place the gazetteer cannot place."""
    if a.type != ValueType.ENTITY or b.type != ValueType.ENTITY:
        return False
    short = all(len(v.text.removeprefix("the ").split()) <= PLACE_WORDS for v in (a, b))
    return short and {_level(a), _level(b)} == {"region", "place"}
