"""Find typed values in a sentence: dates, durations, numbers, money and ordinals (roles and relations: roles.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.durations import compound_durations
from factcheck.extract.offline.money import find_money
from factcheck.extract.timeparse import NUMBER_WORDS, iso, open_key, scan, year_form
from factcheck.models import Period, Value, ValueType
from factcheck.values.clock import told_clock_times, with_clock_time
from factcheck.values.typed import SCALES, TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc

MULTIPLIERS: dict[str, float] = {
    k: float(v) for k, v in lexicon.table("scales").items() if k not in {"hundred", "dozen"}
}
ORDINALS: dict[str, int] = {k: v for k, v in lexicon.table("ordinals").items() if k != "first"}
# Nouns of a series of events: "first" is an ordinal only before one of these ("the first round of talks");
# elsewhere it is a description ("the first time", "in his first term" as a span of time).
SERIES_NOUNS = lexicon.words("series_nouns")
_NOT_SERIES = lexicon.words("not_series_nouns")
RELATIONS = lexicon.exact("extract_offline_values_relations")
_ANAPHORIC = lexicon.exact("extract_offline_values_anaphoric")
_STOP_NOUN = lexicon.exact("extract_offline_values_stop_noun")
_QUAL = r"(?P<q>(?:" + lexicon.qualifier_pattern() + r")\s+)?"
_NUMWORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in {"a", "an", "one"}), key=len, reverse=True))
_NUMBER = re.compile(
    _QUAL + r"(?<![\w.$-])(?P<n>\d[\d,]*(?:\.\d+)?|" + _NUMWORD + r")(?:\s(?P<mult>thousand|million|billion))?"
    r"\s+(?P<noun>(?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*?s)\b(?!-)",
    re.I,
)
_PERCENTWORD = _NUMWORD + "|one"  # 'one percent' is a share, unlike 'one' before a noun
_PERCENT = re.compile(  # '6%', 'six percent', 'forty-two per cent'
    _QUAL + rf"(?<![\w.-])(?P<n>\d+(?:\.\d+)?|(?:{_PERCENTWORD})(?:-(?:{_PERCENTWORD}))?)"
    r"\s?(?:%|percent\b|per cent\b|percentage points?\b)",
    re.I,
)
_COMPOUND = re.compile(r"(?<![\w.-])(?P<n>\d[\d,]*|" + _NUMWORD + r")-(?P<noun>(?!year-old)[a-z]+)\b(?!-)")
_AGE = re.compile(r"(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3}),\s(?P<n>\d{1,3}),")
_ORDINAL = re.compile(
    r"(?<![\w-])(?P<o>first|"
    + "|".join(ORDINALS)
    + r"|\d+(?:st|nd|rd|th))\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)


# 'a year' after an amount is the amount's rate ('$158,000 a year', '12 hours a day', '300 loaves a week'),
# not a span of time: the amount, a number word, or 'once'/'twice'/'times', then up to two words.
_RATE = re.compile(r"(?:\d|\b(?:" + _NUMWORD + r"|once|twice|times)\b)(?:\s+[A-Za-z-]+){0,2}\s*\0(?:a|an|per)\s", re.I)


# 'in the past two years': a window in which things happened, not a duration (lexicon time_windows).
_WINDOW = re.compile(r"(?:" + lexicon.phrase_pattern("time_windows").pattern + r")\s*$", re.I)


def time_window(text: str, start: int) -> bool:
    """Whether the amount of time at `start` is a window things happened in ('in the past two years'), not how
    long an act took ('for the past two years')."""
    return _WINDOW.search(text[:start]) is not None


# A sum for each of several things ('$15,000 per bottle', '$50 a head', '$1,500 each'): a price of one, never set
# against a total. Time rates ('$158,000 a year') keep their currency alone, as amounts of one period.
_PER = re.compile(r"\s*(?:(?:per|a|an)\s+(?P<noun>[a-z][a-z-]*)\b|(?P<each>each|apiece)\b)")


def _per_unit(after: str) -> str:
    """' per bottle' or ' each' when the words after a sum make it a price of one thing; '' otherwise."""
    match = _PER.match(after)
    if match is None:
        return ""
    if match.group("each"):
        return " each"
    noun = match.group("noun")
    if noun.rstrip("s") in TIME_UNITS or noun in NUMBER_WORDS or noun in SCALES:
        return ""
    return f" per {noun}"


def _shared_out(text: str, start: int, doc: Doc | None, offset: int) -> str:
    """' per employee' when a sum is given to each of several ('gave each full-time employee an envelope with
    $1,500'): 'each' or 'every' earlier in the clause, on a noun (by the parse); '' otherwise."""
    found = list(re.finditer(r"\b(?:each|every)\b", text[:start], re.I))
    if not found or doc is None or re.search(r"[.;]", text[found[-1].end() : start]):
        return ""
    word = next((t for t in doc if t.idx == offset + found[-1].start()), None)
    if word is None or word.dep_ != "det" or word.head.pos_ not in ("NOUN", "PROPN"):
        return ""
    return f" per {word.head.lemma_.lower()}"


@dataclass
class Mention:
    """A value found in a sentence; offsets relative to the sentence."""

    start: int
    end: int
    kind: str
    value: Value
    noun: str = ""
    name: str = ""
    name_start: int = -1
    refers_back: bool = False  # the name describes a person named before ('the 81-year-old entertainer')


def find_values(  # noqa: C901 - one pass per value kind, in priority order  # long: one pass per value kind, in priority order
    text: str, anchor: date | None, doc: Doc | None = None, offset: int = 0
) -> list[Mention]:
    """Dates, durations, money, numbers and ordinals in a sentence, without overlaps. `doc` is the sentence's
    parse when known (text at `offset` in it), which gives a date without a year the tense of its verb."""
    out = [Mention(a, b, "duration", value, noun="seconds") for a, b, value in compound_durations(text)]
    whole = [(m.start, m.end) for m in out]  # '2 hours, 6 minutes and 58 seconds', '2:06:48': one duration each
    for m in scan(text, anchor, doc=doc, offset=offset):
        if _overlaps((m.start, m.end), whole):
            continue
        if m.kind == "point" and m.period is not None:
            start, end = with_clock_time(text, m.start, m.end)  # 'shortly before 2am on Monday': a time of day too
            value = Value(type=ValueType.DATE, text=text[start:end], normalized=iso(m.period), period=m.period)
            out.append(Mention(start, end, "date", value))
        elif m.kind == "open":  # an undated article's "on Friday": kept as written, its time left open
            out.append(
                Mention(m.start, m.end, "date", Value(type=ValueType.DATE, text=m.text, normalized=open_key(m.text)))
            )
        elif m.kind == "duration" and m.amount is not None and not _RATE.search(text[: m.start] + "\0" + m.text):
            value = Value(
                type=ValueType.NUMBER,
                text=m.text,
                normalized=_num(m.amount),
                number=m.amount,
                unit=m.unit,
                qualifier=m.qualifier,
            )
            out.append(Mention(m.start, m.end, "duration", value, noun=m.unit or ""))
    taken = [(m.start, m.end) for m in out]
    for start, end in told_clock_times(text):  # 'The fire began at around 4.30am': the act's time of day, no day
        written = text[start:end]
        if not _overlaps((start, end), taken):
            out.append(
                Mention(start, end, "date", Value(type=ValueType.TEXT, text=written, normalized=written.lower()))
            )
            taken.append((start, end))
    for money in find_money(text):
        if _overlaps((money.start, money.end), taken):
            continue
        value = Value(
            type=ValueType.MONEY,
            text=money.text,
            normalized=f"{money.currency} {_num(money.amount)}",
            number=money.amount,
            unit=money.currency + (_per_unit(text[money.end :]) or _shared_out(text, money.start, doc, offset)),
            qualifier=_qualifier(money.qualifier),
        )
        out.append(Mention(money.start, money.end, "money", value))
        taken.append((money.start, money.end))
    for match in _PERCENT.finditer(text):
        if _overlaps(match.span(), taken):
            continue
        start = match.start("q") if _bound(text, match) else match.start("n")
        amount = _spelled(match.group("n"))
        value = Value(
            type=ValueType.NUMBER,
            text=text[start : match.end()],
            normalized=_num(amount),
            number=amount,
            unit="percent",
            qualifier=_qualifier(match.group("q")) if _bound(text, match) else None,
        )
        out.append(Mention(start, match.end(), "number", value, noun="percent"))
        taken.append(match.span())
    for match in _COMPOUND.finditer(text):
        if (
            _overlaps(match.span(), taken)
            or year_form(match.group("n"))
            or match.group("noun") in {"party", "way", "nation", "point"}
            or match.group("noun").lower() in NUMBER_WORDS  # 'twenty-three' is one number
        ):
            continue
        amount = _amount(match.group("n"), None)
        if amount < 2:
            continue
        noun = match.group("noun") + "s"
        value = Value(type=ValueType.NUMBER, text=match.group(0), normalized=_num(amount), number=amount, unit=noun)
        out.append(Mention(match.start(), match.end(), "number", value, noun=noun))
        taken.append(match.span())
    for match in _AGE.finditer(text):
        if _overlaps(match.span("n"), taken):
            continue
        amount = float(match.group("n"))
        value = Value(
            type=ValueType.NUMBER, text=match.group("n"), normalized=_num(amount), number=amount, unit="years"
        )
        out.append(
            Mention(
                match.start("n"),
                match.end("n"),
                "age",
                value,
                noun="age",
                name=match.group("name"),
                name_start=match.start(),
            )
        )
        taken.append(match.span("n"))
    for match in _NUMBER.finditer(text):
        if _overlaps(match.span(), taken) or not _countable(text, match):
            continue
        amount = _amount(match.group("n"), match.group("mult"))
        noun = match.group("noun")
        start = match.start("q") if _bound(text, match) else match.start("n")
        value = Value(
            type=ValueType.NUMBER,
            text=text[start : match.end()],
            normalized=_num(amount),
            number=amount,
            unit=noun.lower(),
            qualifier=_qualifier(match.group("q")) if _bound(text, match) else None,
        )
        out.append(Mention(start, match.end(), "number", value, noun=noun.lower()))
        taken.append(match.span())
    for match in _ORDINAL.finditer(text):
        if _overlaps(match.span("o"), taken):
            continue
        word = match.group("o").lower()
        noun = _head_noun(match.group("noun"))
        if (
            not noun
            or (word == "first" and noun.split()[0] not in SERIES_NOUNS)
            or _description(text, match.start("o"), noun)
        ):
            continue
        n = 1 if word == "first" else ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        value = Value(type=ValueType.ORDINAL, text=match.group("o"), normalized=str(n), number=float(n))
        out.append(Mention(match.start("o"), match.end("o"), "ordinal", value, noun=noun))
    return sorted(out, key=lambda m: m.start)


def _countable(text: str, match: re.Match[str]) -> bool:
    """Skip anaphoric counts ('the two countries'), years, 'one', and hyphenated compounds."""
    n = match.group("n")
    before = text[: match.start()].split()
    if before and before[-1].lower() in _ANAPHORIC:
        return False
    if not n[0].isdigit() and before and before[-1].lower() in lexicon.words("vague_multipliers"):
        return False  # 'a few hundred thousand subscribers', 'several thousand fans': no amount to compare
    if year_form(n):
        return False
    noun = match.group("noun").lower().split()
    return not (
        noun[0] in _STOP_NOUN or noun[-1].endswith(("ss", "us", "is")) or noun[-1] in {"this", "was", "has", "its"}
    )


def _description(text: str, start: int, noun: str) -> bool:
    """'a third country', 'a second opinion': an ordinal after 'a' (or before a non-series noun) is no number."""
    head = noun.split()[0]
    if head in SERIES_NOUNS:
        return False
    before = text[:start].split()
    return head in _NOT_SERIES or (bool(before) and before[-1].lower() in {"a", "an", "another"})


def _head_noun(phrase: str) -> str:
    kept = []
    for word in phrase.split():
        if word.lower() in _STOP_NOUN:
            break
        kept.append(word.lower())
    return " ".join(kept)


def _spelled(n: str) -> float:
    """An amount in digits ('1,200') or number words, tens and units joined by a hyphen ('forty-two')."""
    if n[:1].isdigit():
        return float(n.replace(",", ""))
    return float(sum(NUMBER_WORDS[part] for part in n.lower().split("-")))


def _amount(n: str, mult: str | None) -> float:
    return _spelled(n) * MULTIPLIERS.get((mult or "").lower(), 1.0)


def _bound(text: str, match: re.Match[str]) -> bool:
    """Whether a figure's match opens with a qualifier that bounds it (not 'up to' after 'grew': reached)."""
    q = match.group("q")
    return bool(q) and not lexicon.reached(text[: match.start("q")], q)


def _qualifier(q: str | None) -> str | None:
    return lexicon.qualifier_of(q)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def period_of(value: Value) -> Period | None:
    """The period of a date value."""
    return value.period
