"""Quantities with units: the value of a measure, and its size in SI base units (pint), so 90 km and 56 miles compare."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from factcheck import lexicon
from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MEASURE_NOUN = re.compile(r"(?<![\w.-])(?P<n>\d[\d,]*(?:\.\d+)?)-(?P<noun>[a-z]+)\b(?!-)")

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


def measure_nouns(text: str, doc: Doc | None = None) -> list[Mention]:
    """'a 280-pounder', 'a 9.1-footer': a thing named by its measure (lexicon 'measure_nouns': the noun and the
    unit it counts in) is a measure of that size."""
    out: list[Mention] = []
    nouns: dict[str, str] = lexicon.table("measure_nouns")
    for match in _MEASURE_NOUN.finditer(text):
        unit = nouns.get(match.group("noun").lower().removesuffix("s"))
        measure = lexicon.table("units").get(unit) if unit else None
        if unit is None or measure is None:
            continue
        amount = float(match.group("n").replace(",", ""))
        digits = significant(match.group("n"))
        found = measure_value(match.start(), match.end(), match.group(0), amount, (unit, str(measure)), digits, None)
        if found is not None:
            out.append(found)
    return out


def significant(written: str) -> int:
    """Significant figures of an amount as written ('56' -> 2, '1,500' -> 2, '9.1' -> 2; no digits -> 1)."""
    return len(re.sub(r"\D", "", written).strip("0")) or 1


def to_si(amount: float, unit: str, digits: int = 2) -> tuple[float, str]:
    """An amount in a unit (a pint expression from the lexicon) in SI base units, to max(2, digits) significant figures."""
    q = _registry().Quantity(amount, unit).to_base_units()
    return _round(float(q.magnitude), max(2, digits)), f"{q.units:~C}"


def dimension_of(si_unit: str) -> str | None:
    """The dimension an SI unit measures ('m' -> distance, 'kg' -> weight), or None for no measure pint knows."""
    try:
        return _DIMENSIONS.get(str(_registry().Unit(si_unit).dimensionality))
    except (AttributeError, ValueError):  # pint's UndefinedUnitError, or a unit it cannot parse
        return None


@lru_cache(maxsize=1)
def _registry() -> Any:
    """pint's unit registry, built once on first use."""
    import pint

    return pint.UnitRegistry()


# -- letters that are a scale or a unit ('3.7m people', '3.7m across') ----------------------------------


def letter_unit(letter: str, before: str, after: str) -> str | None:
    """The unit (pint) a letter after a number stands for, from the words around it (lexicon 'letter_units').

    "3.7m across" and "a height of 40m" are metres; "$3.7m", "3.7m people" and "raised 5m" are None (a scale).
    `before` is the text before the number, `after` the text after the letter.
    """
    cues = lexicon.table("letter_units").get(letter.lower())
    if cues is None or _after_currency(before):
        return None
    ahead = re.sub(r"^\s*\([^)]*\)", "", after.lower())  # "3.7m (12ft) across"
    if re.match(rf"[\s-]*(?:{_cues(letter.lower(), 'after')})(?![\w-])", ahead):
        return str(cues["unit"])
    behind = " ".join(re.findall(r"[a-z]+", before.lower())[-5:])  # "a leg span of up to 3.7m"
    if cues["before"] and re.search(rf"\b(?:{_cues(letter.lower(), 'before')})\b", behind):
        return str(cues["unit"])
    return None


def letter_unit_at(tok: Token) -> str | None:
    """letter_unit for a parsed token right after a number ('m' in '3.7m across'), None for any other token."""
    doc = tok.doc
    k = tok.i - 1 - int(tok.i > 1 and doc[tok.i - 1].text == "-")
    if k < 0 or not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", doc[k].text) or tok.lower_ not in lexicon.table("letter_units"):
        return None
    return letter_unit(tok.text, doc.text[: doc[k].idx], doc.text[tok.idx + len(tok) :])


def _after_currency(before: str) -> bool:
    """Does the text end with a currency symbol or code ('$', 'US$', 'EUR ')?"""
    tail = before.rstrip().lower()
    symbols = lexicon.table("currency_symbols")
    codes = {c.lower() for c in lexicon.exact("currency_codes")}
    return any(tail.endswith(s) for s in symbols) or (tail.split()[-1:] or [""])[0] in codes


@cache
def _cues(letter: str, side: str) -> str:
    """A regex alternation of a letter's cue phrases on one side, longest first."""
    phrases = sorted((str(p).lower() for p in lexicon.table("letter_units")[letter][side]), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


# -- numbers ------------------------------------------------------------------------------------


def _round(x: float, figures: int) -> float:
    """x to that many significant figures."""
    if x == 0:
        return 0.0
    return round(x, figures - 1 - math.floor(math.log10(abs(x))))


def plain_number(x: float) -> str:
    """Plain digits: no trailing .0."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# -- a measure and its own conversion ('3.8 meters (about 12 feet)') -----------------------------------

_MEASURE_NOUNS = lexicon.exact("extract_offline_quantities_measures")
_BRACKET_OPEN = re.compile(r"(?P<words>[^()\[\]]*?)\s*[(\[]\s*")
_BRACKET_CLOSE = re.compile(r"\s*[)\]]")


def with_conversions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, where one only converts the measure before it into another unit, in brackets ("up to 3.8
    meters (about 12 feet)", "12 kilograms (26.45 pounds)"), kept as written but valued as that measure: the
    article states one value, and its rounded conversion must not agree or disagree on its own. A measure written
    in two units ("9ft 8in") is first made one mention (`compound_measures`)."""
    out: list[Mention] = []
    for m in sorted(_with_compounds(text, mentions), key=lambda m: m.start):
        prev = out[-1] if out else None
        converted = _conversion(text, prev, m) if prev is not None and _is_measure(prev) else None
        if converted is not None and prev is not None:
            value = prev.value
            m = replace(
                converted,
                value=converted.value.model_copy(update={"normalized": value.normalized, "qualifier": value.qualifier}),
            )
        out.append(m)
    return out


def _is_measure(m: Mention) -> bool:
    """A number with a unit of measure (not a count, an age or a duration)."""
    return m.kind == "number" and m.noun in _MEASURE_NOUNS


def _conversion(text: str, prev: Mention, m: Mention) -> Mention | None:
    """`m` as a measure when it stands alone in brackets right after the measure `prev` ('2 km long (1.2 miles)')
    and measures the same kind of quantity (after a weight, a sum in 'pounds' is a weight); else None."""
    opened = _BRACKET_OPEN.match(text, prev.end)
    if opened is None or not _BRACKET_CLOSE.match(text, m.end) or opened.end() > m.start:
        return None
    said = " ".join(opened.group("words").lower().split())
    if said and said not in lexicon.words("extract_offline_units_dimension_words"):
        return None  # '2 km long (1.2 miles)' converts; '2 km from the town (1.2 miles)' is not known to
    between = text[opened.end() : m.start]
    if between.strip() and lexicon.qualifier_of(between) is None:
        return None
    if _is_measure(m):
        return m if m.noun == prev.noun else None
    written = m.value.text.split()[-1].lower()
    if m.kind != "money" or prev.noun != "weight" or m.value.number is None or written not in ("pound", "pounds"):
        return None
    unit = (written, str(lexicon.table("units")[written]))
    return measure_value(m.start, m.end, m.value.text, m.value.number, unit, 2, m.value.qualifier)


# -- a measure written in two units ('9ft 8in', '20st 9lb') ----------------------------------------------------


def compound_measures(text: str) -> list[Mention]:
    """Measures written in two units, the larger first (lexicon 'compound_units'): one value, their sum in SI
    units at the precision of the smaller unit ('9ft 8in' is 116 inches: '2.95 m'; '20st 9lb' is '131 kg')."""
    out: list[Mention] = []
    for match in _compound_pattern().finditer(text):
        pair = next(p for p in lexicon.items("compound_units") if match.group("ua").lower() in p["large_as"])
        if match.group("ub").lower() not in pair["small_as"]:
            continue
        per = float(_registry().Quantity(1, pair["large"]).to(pair["small"]).magnitude)
        small = float(match.group("b"))
        if small >= per:
            continue  # '5 ft 14 in' is no way to write a length
        large = float(match.group("a")) + small / per  # in the larger unit, the precision of the smaller
        digits = significant(f"{large * per:.0f}")
        unit = (match.group("ua"), pair["large"])
        found = measure_value(match.start(), match.end(), match.group(0), round(large, 4), unit, digits, None)
        if found is not None:
            out.append(found)
    return out


def _with_compounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, those inside a measure written in two units replaced by that one measure (its qualifier kept)."""
    out = list(mentions)
    for compound in compound_measures(text):
        inside = [m for m in out if m.start < compound.end and m.end > compound.start]
        first = min(inside, key=lambda m: m.start, default=None)
        if first is not None and first.start < compound.start:  # 'about 9ft 8in': the qualifier is written before
            value = compound.value.model_copy(
                update={"text": text[first.start : compound.end], "qualifier": first.value.qualifier}
            )
            compound = replace(compound, start=first.start, value=value)
        out = [m for m in out if m not in inside] + [compound]
    return out


@lru_cache(maxsize=1)
def _compound_pattern() -> re.Pattern[str]:
    """Two amounts, each with its unit, the second right after the first ('9ft 8in', '7 lb 4 oz', '20st, 9lb')."""
    pairs = lexicon.items("compound_units")
    large = "|".join(sorted({w for p in pairs for w in p["large_as"]}, key=len, reverse=True))
    small = "|".join(sorted({w for p in pairs for w in p["small_as"]}, key=len, reverse=True))
    amount = r"\d+(?:\.\d+)?"
    return re.compile(
        rf"(?<![\w.])(?P<a>{amount})\s?(?P<ua>{large})\.?,?\s*(?:and\s+)?(?P<b>{amount})\s?(?P<ub>{small})\b", re.I
    )
