"""Quantities with units: the value of a measure, and its size in SI base units (pint), so 90 km and 56 miles compare."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    pass

_DIMENSIONS = {
    "[length]": "distance",
    "[mass]": "weight",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[length] / [time]": "speed",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
}


def measure_value(
    start: int, end: int, text: str, amount: float, unit: tuple[str, str], digits: int, qualifier: str | None
) -> Mention | None:
    """A measured quantity: amount and unit as written, normal form in SI base units at the precision written.

    "56 miles" is number 56, unit "miles", normalized "90000 m", the same normal form as "90 km".
    """
    written, measure = unit
    si, si_unit = to_si(amount, measure, digits)
    dimension = _DIMENSIONS.get(str(_registry().Unit(measure).dimensionality), "quantity")
    value = Value(
        type=ValueType.NUMBER,
        text=text,
        normalized=f"{plain_number(si)} {si_unit}",
        number=amount,
        unit=written,
        qualifier=qualifier,
    )
    return Mention(start, end, "number", value, noun=dimension)


def to_si(amount: float, unit: str, digits: int = 2) -> tuple[float, str]:
    """An amount in a unit (a pint expression from the lexicon) in SI base units, to max(2, digits) significant figures."""
    q = _registry().Quantity(amount, unit).to_base_units()
    return _round(float(q.magnitude), max(2, digits)), f"{q.units:~C}"


@lru_cache(maxsize=1)
def _registry() -> Any:
    """pint's unit registry, built once on first use."""
    import pint

    return pint.UnitRegistry()


# -- numbers ------------------------------------------------------------------------------------


def _round(x: float, figures: int) -> float:
    """x to that many significant figures."""
    if x == 0:
        return 0.0
    return round(x, figures - 1 - math.floor(math.log10(abs(x))))


def plain_number(x: float) -> str:
    """Plain digits: no trailing .0."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))
