"""Normalise the values a model writes ("more than five years", "$3 million", "seventh") so that
claims from different sources compare: the conventions of docs/claims.md, with the offline
extractor's lexicon (factcheck/data/lexicon.yaml), money reading and tense rules."""

from __future__ import annotations

import re
from datetime import date

from factcheck import lexicon
from factcheck.extract.datetense import tense_at
from factcheck.extract.entities import entity_key, gazetteer, place_key
from factcheck.extract.offline.durations import compound_durations
from factcheck.extract.offline.money import MoneyMatch, find_money
from factcheck.extract.offline.units import (
    compound_measures,
    dimension_of,
    letter_unit,
    measure_nouns,
    measure_value,
    significant,
)
from factcheck.extract.offline.verbtense import read_tense
from factcheck.extract.ratios import find_ratios
from factcheck.extract.timeparse import Tense, iso, open_key, resolve_time, scan
from factcheck.models import Period, Value, ValueType
from factcheck.values.ranges import decade_range
from factcheck.values.tense import past_form, simple_past_before
from factcheck.values.text import STOPWORDS
from factcheck.values.typed import measure_name, measured_unit

_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)")
_FRACTION = "|".join(lexicon.table("fractions"))  # 'half', 'quarter'
_AND_A_FRACTION = re.compile(rf"\s+(?:[a-z]+\s+)?and an? ({_FRACTION})(?![-\w])")  # after the amount or its unit


def normalize_value(text: str, kind: str, anchor: date | None, quote: str | None = None) -> Value:
    """A typed Value with its comparable normal form; falls back to text when the type does not parse.

    `quote` (the claim's supporting text) gives a date its tense and an ambiguous currency its country.
    """
    text = " ".join(text.split())
    low = text.lower()
    qualifier = lexicon.find_qualifier(re.sub(r"\([^)]*\)", " ", low))  # not the conversion's: '3.8 m (about 12 ft)'
    at = quote.lower().find(low) if quote else -1
    if (
        quote
        and at >= 0
        and any(low.startswith(p) and lexicon.reached(quote[:at], p) for p in lexicon.words("stated_maximum"))
    ):
        qualifier = None  # 'grew up to three meters and a half': the amount reached, as offline
    timed = compound_durations(text) if kind in (ValueType.NUMBER, ValueType.TEXT) else []
    if len(timed) == 1 and len(timed[0][2].text) >= len(text.strip(" .,;")) - 2:  # '2:06:48', '2hr 24min 10sec'
        return timed[0][2].model_copy(update={"text": text, "qualifier": qualifier})
    if kind == ValueType.DATE:
        period = resolve_time(text, anchor, quote_tense(text, quote))
        if period is not None:
            return Value(type=ValueType.DATE, text=text, normalized=iso(period), period=period, qualifier=qualifier)
        # an undated article's "August", "on Friday": kept as written, its time open, as the offline path keeps it
        left_open = open_time(text) if anchor is None else None
        if left_open is not None:
            return Value(type=ValueType.DATE, text=text, normalized=left_open)
    elif kind == ValueType.ORDINAL:
        rank = parse_ordinal(low)
        if rank is not None:
            return Value(type=ValueType.ORDINAL, text=text, normalized=str(rank), number=float(rank))
    elif kind == ValueType.MONEY:
        # The offline extractor's reading of amounts, so both extractors agree on "C$40 million" or "Danish crowns".
        money = _money(text, quote)
        amount, currency = (money.amount, money.currency) if money else (parse_number(low), None)
        if amount is not None:
            norm = f"{currency or 'XXX'} {_plain(amount)}"
            return Value(
                type=ValueType.MONEY, text=text, normalized=norm, number=amount, unit=currency, qualifier=qualifier
            )
    elif kind == ValueType.NUMBER:
        number = _number(text, low, qualifier)
        if number is not None:
            return number
    elif kind == ValueType.ENTITY:
        key = entity_value_key(text)
        if key:
            return Value(type=ValueType.ENTITY, text=text, normalized=key)
    if kind == ValueType.TEXT and (typed := _text_typed(text, low)) is not None:
        return normalize_value(text, typed.value, anchor, quote)
    return Value(type=ValueType.TEXT, text=text, normalized=low.strip(" .,;:\"'"))


def _text_typed(text: str, low: str) -> ValueType | None:
    """The type a value given as text is read as: a number for an age or a duration ('in her early 20s', 'five
    years'), a date for a time and the words that place it in its day ('Saturday evening'); else None."""
    if _told_age(low) or _told_duration(low):
        return ValueType.NUMBER
    return ValueType.DATE if _only_time(text) else None


def _number(text: str, low: str, qualifier: str | None) -> Value | None:
    """A number as the offline path reads it: a share, an age by decade, a measure in SI units, a count."""
    ratio = next(iter(find_ratios(text)), None)
    if ratio is not None:  # 'nearly seven in 10': a share, as the offline path reads it
        norm = _plain(ratio.percent)
        return Value(
            type=ValueType.NUMBER,
            text=text,
            normalized=norm,
            number=ratio.percent,
            unit="percent",
            qualifier=qualifier,
        )
    n = parse_number(low)
    decades = decade_range(low)
    if decades is not None:  # 'in her teens', 'his early 40s': an age by decade, its first year and the range
        return Value(type=ValueType.NUMBER, text=text, normalized=_plain(decades[0]), number=decades[0], unit="years")
    named = next(iter(measure_nouns(text) or compound_measures(text)), None)  # '280-pounder', '9ft 8in', as offline
    if named is not None:
        return named.value.model_copy(update={"text": text, "qualifier": qualifier})
    if n is not None:
        measure = _measure(low)
        unit = measure or _unit(low)  # '3.7m across' is 3.7 metres, as the offline path reads it
        norm = (_in_si(n, measure, low) if measure else None) or _plain(n)  # '310 pounds': '140 kg', as offline
        return Value(type=ValueType.NUMBER, text=text, normalized=norm, number=n, unit=unit, qualifier=qualifier)
    return None


def _told_age(low: str) -> bool:
    """Whether a text is a person's age by decade, a possessive before it ('in her early 20s', 'his teens')."""
    words = re.findall(r"[a-z]+", low)
    return decade_range(low) is not None and len(words) <= 5 and bool(set(words) & lexicon.words("age_possessives"))


def _told_duration(low: str) -> bool:
    """Whether a text is a length of time and nothing more ('more than five years', 'nine years'), a figure a
    model may give as text: the schema has no type for a duration."""
    text = low.strip(" .,;:")
    found = scan(text, None, infer_tense=False)
    return len(found) == 1 and found[0].kind == "duration" and found[0].start == 0 and found[0].end >= len(text)


def open_time(text: str) -> str | None:
    """The open key of a time that only a publication date could resolve ('August', 'on Friday', 'next month'),
    when the text is that time and nothing more; else None."""
    for written in (text, f"in {text}"):
        found = [m for m in scan(written, None) if m.kind == "open"]
        if len(found) == 1 and (len(written) - len(found[0].text) <= len("in ") or _only_time(written)):
            return open_key(found[0].text)
    return None


def _only_time(text: str) -> bool:
    """Whether a text is one time expression and words that only place it in its day ('Saturday evening', 'early
    Monday', 'at dawn on Sunday'; lexicon `open_date_fillers`, `day_parts`)."""
    found = scan(text, None)
    if len(found) != 1 or found[0].kind == "duration":
        return False
    rest = (text[: found[0].start] + " " + text[found[0].end :]).lower()
    fillers = lexicon.words("open_date_fillers") | lexicon.words("day_parts")
    return all(w in fillers for w in re.findall(r"[a-z]+", rest))


def claim_time(expression: str, anchor: date | None, quote: str | None = None) -> Period | None:
    """The period a claim is about, resolved with the tense of its quote."""
    return resolve_time(expression, anchor, quote_tense(expression, quote))


def quote_tense(expression: str, quote: str | None) -> Tense | None:
    """The tense governing a time expression in the quote ('said in January' is past), as the offline path reads it:
    from the parse of the quote; where it gives no verb, from the words around the expression."""
    if not quote:
        return None
    found = re.search(re.escape(expression), quote, re.I)
    if found is None:
        core = re.sub(r"^(?:in|on|at|by|since|during|last|next|this)\s+", "", expression.strip(), flags=re.I)
        found = re.search(re.escape(core), quote, re.I) if core else None
    if found is None:
        return None
    governed, tense = read_tense(quote, found.start(), found.end())
    if governed:
        return tense  # the verb the expression hangs on in the quote's parse, as the offline path reads it
    if simple_past_before(quote, found.start()):
        return "past"  # 'lightning ignited it on July 12': the verb right before the date is a simple past
    after = re.match(r"\s+([a-z]+)\b", quote[found.end() :])
    if after and past_form(after.group(1)) and after.group(1) not in STOPWORDS:
        return "past"  # 'the attack in March exposed the data': the verb right after the date is a simple past
    return tense_at(quote, found.start(), found.end())


def entity_value_key(text: str) -> str:
    """An entity value's key (docs/claims.md): a city keeps its own key ('Seoul' is `seoul`, not South Korea)."""
    key = entity_key(text)
    places = gazetteer()
    folded = key in places.countries.values() or key in places.metonyms.values()  # 'Brussels' for the EU
    return place_key(text) if folded else key


def _money(text: str, quote: str | None) -> MoneyMatch | None:
    """The amount in the value; an ambiguous currency name ('crown') takes its country from the quote."""
    money = next(find_money(text), None)
    if money is None or not quote or money.currency.isupper():
        return money
    for candidate in find_money(quote):
        if candidate.amount == money.amount and candidate.currency.isupper():
            return candidate
    return money


def parse_number(low: str) -> float | None:
    """The first amount in the text: digits (1,200 / 3.5) or words (five, twenty-one), times a scale word."""
    units = lexicon.table("number_words")
    scales = lexicon.table("scales")
    digits = _NUMBER.search(low)
    spelled = re.finditer(r"[a-z]+", low.replace("-", " "))
    first_word = next((w for w in spelled if w[0] in units and w[0] not in scales and w[0] not in ("a", "an")), None)
    partitive = first_word is not None and low[first_word.end() :].lstrip().startswith("of ")
    if digits and first_word is not None and partitive and first_word.start() < digits.start():
        digits = None  # 'eight of the panel's 11 members': a part of the whole, eight
    value: float | None = None
    rest = low
    end = 0  # where the amount ends
    if digits:
        value = float(digits.group(1).replace(",", ""))
        rest, end = low[digits.end() :], digits.end()
    else:
        total, seen = 0, False
        for word in re.finditer(r"[a-z]+", low.replace("-", " ")):
            if word[0] in units and word[0] not in scales and not (word[0] in ("a", "an") and seen):
                total += units[word[0]]
                seen, end = True, word.end()
            elif seen and word[0] not in ("and",):
                rest = low[word.start() :]
                break
        value = float(total) if seen else None
    if value is None:
        return None
    fraction = _AND_A_FRACTION.match(low, end)  # 'five and a half', 'three meters and a half', as offline
    if fraction:
        value += lexicon.table("fractions")[fraction.group(1)]
    scale = re.match(r"\s*-?\s*(" + "|".join(sorted(scales, key=len, reverse=True)) + r")\b", rest)
    if scale and letter_unit(scale.group(1), low[: digits.start()] if digits else "", rest[scale.end() :]) is None:
        value *= scales[scale.group(1)]  # '3.7m people' is millions, '3.7m across' metres
    return value


def parse_ordinal(low: str) -> int | None:
    """7th or seventh -> 7."""
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\b", low)
    if m:
        return int(m.group(1))
    ordinals = lexicon.table("ordinals")
    for word in re.findall(r"[a-z]+", low):
        if word in ordinals:
            return int(ordinals[word])
    return None


def _unit(low: str) -> str | None:
    """The word after the amount ('homes' in '500 homes', 'mile' in '2.1-mile'), unless it is a scale word."""
    units = lexicon.table("number_words")
    scales = "|".join(lexicon.table("scales"))
    said = "(?:" + "|".join(units) + ")"  # a number word, 'twenty-one' as one
    amount = rf"(?:\d[\d,.]*(?:\s+|-)|\b{said}(?:-{said})*(?:\s+|-))(?:and an? (?:{_FRACTION})\s+)?"
    m = re.search(amount + r"(?:(?:" + scales + r")\s+)?([a-z]+)", low)  # 'a dozen people', '3 million homes'
    word = m.group(1) if m else None
    return word if word and word not in lexicon.table("scales") and word not in STOPWORDS else None


def _in_si(amount: float, written: str, low: str) -> str | None:
    """The normal form of a measure in SI base units at the precision written, as the offline path gives it
    ('310 pounds' -> '140 kg', '56 miles' -> '90000 m'); None for a unit the lexicon does not know."""
    measure = measure_name(written)
    figures = _NUMBER.search(low)
    digits = significant(figures.group()) if figures else 1
    found = measure_value(0, len(low), low, amount, (written, measure), digits, None) if measure else None
    return found.value.normalized if found else None


def _measure(low: str) -> str | None:
    """The unit of measure after an amount as written (lexicon 'units' and 'letter_units'), with or without a space.

    '3.8 meters (about 12 feet)' has 'meters', '50ft across' 'ft', '3.7m across' 'm'; '3.7m people' has none.
    """
    words = "|".join(sorted(lexicon.table("number_words"), key=len, reverse=True))
    units = lexicon.table("units")
    fraction = rf"(?:\s+and an? (?:{_FRACTION}))?"  # 'five and a half feet'
    for m in re.finditer(
        rf"(?:\d[\d,]*(?:\.\d+)?|\b(?:{words})\b){fraction}\s*-?\s*([a-z][a-z/]*)(?:\s+([a-z]+))?", low
    ):
        for written in (f"{m.group(1)} {m.group(2)}", m.group(1)):
            if written in units:
                return written
        if letter_unit(m.group(1), low[: m.start()], low[m.end(1) :]):
            return m.group(1)
    return None


def _plain(n: float) -> str:
    """Plain digits: no trailing .0."""
    return str(int(n)) if n == int(n) else f"{n:g}"


def measured_attribute(attribute: str, value: Value) -> str:
    """A measure's attribute told by its verb alone ('reached', 'rose to': lexicon `measure_verb_forms`) named by the
    dimension measured, as the offline path names it ('water levels · distance: more than three meters')."""
    said = attribute.lower().split()
    if value.type != ValueType.NUMBER or not said or not set(said) <= lexicon.words("measure_verb_forms"):
        return attribute
    unit = measured_unit(value)
    return (dimension_of(unit) if unit else None) or attribute
