"""Normalise the values a model writes ("more than five years", "$3 million", "seventh") so that
claims from different sources compare: the conventions of docs/claims.md."""

from __future__ import annotations

import re
from datetime import date

from ..entities import entity_key
from ..models import Value, ValueType
from ..timeparse import iso, resolve_time
from .offline_money import find_money

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "hundredth": 100,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_QUALIFIERS = [
    ("more_than", r"more than|over|above|upwards of|in excess of"),
    ("less_than", r"less than|under|below|fewer than"),
    ("at_least", r"at least|no fewer than|no less than"),
    ("about", r"about|around|approximately|roughly|nearly|almost|some|an estimated"),
]
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)")


def normalize_value(text: str, kind: str, anchor: date | None) -> Value:
    """A typed Value with its comparable normal form; falls back to text when the type does not parse."""
    text = " ".join(text.split())
    low = text.lower()
    qualifier = next((name for name, pat in _QUALIFIERS if re.search(rf"\b(?:{pat})\b", low)), None)
    if kind == ValueType.DATE:
        period = resolve_time(text, anchor)
        if period is not None:
            return Value(type=ValueType.DATE, text=text, normalized=iso(period), period=period, qualifier=qualifier)
    elif kind == ValueType.ORDINAL:
        n = parse_ordinal(low)
        if n is not None:
            return Value(type=ValueType.ORDINAL, text=text, normalized=str(n), number=float(n))
    elif kind == ValueType.MONEY:
        # The offline extractor's reading of amounts, so both extractors agree on "C$40 million" or "Danish crowns".
        money = next(find_money(text), None)
        amount, currency = (money.amount, money.currency) if money else (parse_number(low), None)
        if amount is not None:
            norm = f"{currency or 'XXX'} {_plain(amount)}"
            return Value(type=ValueType.MONEY, text=text, normalized=norm, number=amount, unit=currency, qualifier=qualifier)
    elif kind == ValueType.NUMBER:
        n = parse_number(low)
        if n is not None:
            unit = _unit(low)
            return Value(type=ValueType.NUMBER, text=text, normalized=_plain(n), number=n, unit=unit, qualifier=qualifier)
    elif kind == ValueType.ENTITY:
        key = entity_key(text)
        if key:
            return Value(type=ValueType.ENTITY, text=text, normalized=key)
    return Value(type=ValueType.TEXT, text=text, normalized=low.strip(" .,;:\"'"))


def parse_number(low: str) -> float | None:
    """The first amount in the text: digits (1,200 / 3.5) or words (five, twenty-one), times a scale word."""
    digits = _NUMBER.search(low)
    value: float | None = None
    rest = low
    if digits:
        value = float(digits.group(1).replace(",", ""))
        rest = low[digits.end() :]
    else:
        total, seen = 0, False
        for word in re.findall(r"[a-z]+", low.replace("-", " ")):
            if word in _UNITS and not (word in ("a", "an") and seen):
                total += _UNITS[word]
                seen = True
            elif seen and word not in ("and",):
                rest = low[low.find(word) :]
                break
        value = float(total) if seen else None
    if value is None:
        return None
    scale = re.match(r"\s*-?\s*(hundred|thousand|million|billion|trillion|bn|k|m)\b", rest)
    if scale:
        value *= _SCALES[scale.group(1)]
    return value


def parse_ordinal(low: str) -> int | None:
    """7th or seventh -> 7."""
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\b", low)
    if m:
        return int(m.group(1))
    for word in re.findall(r"[a-z]+", low):
        if word in _ORDINALS:
            return _ORDINALS[word]
    return None


def _unit(low: str) -> str | None:
    m = re.search(r"\d[\d,.]*\s+([a-z]+)|\b(?:" + "|".join(_UNITS) + r")\s+([a-z]+)", low)
    word = (m.group(1) or m.group(2)) if m else None
    return word if word and word not in _SCALES and word != "and" else None


def _plain(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"
