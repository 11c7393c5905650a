"""Figures with no counted noun after them, read from the parse.

- the figure of a count noun (lexicon 'count_nouns'): "a population of 8,000", "the death toll rose to 23";
- casualties (lexicon 'count_predicates'): "the gunman killed 3 and injured 7" counts people;
- a reading on a scale (lexicon 'scale_words'): "a magnitude 6.1 earthquake", "the 4.5-magnitude quake";
- a fraction of a unit of time: "half an hour" (0.5 hours), "an hour and a half" (1.5 hours);
- a number word written with a hyphen: "twenty-three".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.units import plain_number
from factcheck.extract.offline.values import Mention
from factcheck.extract.timeparse import year_form
from factcheck.models import Value, ValueType
from factcheck.values.ranges import stated_range

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TO_PREPOSITIONS = {"to", "at", "from"}
_FRACTIONS: dict[str, float] = lexicon.table("fractions")
_OF_A = (["of", "a"], ["of", "an"])


def hyphenated_number(tens: Token, units: Token) -> bool:
    """'twenty' and 'three' of 'twenty-three': a tens word, then a word for one to nine."""
    words = lexicon.table("number_words")
    return (
        tens.lower_ in words
        and 20 <= float(words[tens.lower_]) <= 90
        and float(words[tens.lower_]) % 10 == 0
        and units.lower_ in words
        and units.lower_ not in {"a", "an"}
        and 1 <= float(words[units.lower_]) <= 9
    )


def _figure(tok: Token) -> float | None:
    """A single token's number: digits or a number word other than 'a'/'an'."""
    if _DIGITS.fullmatch(tok.text):
        return float(tok.text.replace(",", ""))
    words = lexicon.table("number_words")
    return float(words[tok.lower_]) if tok.lower_ in words and tok.lower_ not in {"a", "an"} else None


def _bare(tok: Token) -> bool:
    """A number with nothing it counts: no noun it modifies, no noun or unit right after it."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ not in {"nummod", "compound", "quantmod"} and (nxt is None or nxt.pos_ not in {"NOUN", "PROPN"})


def _noun_phrase(noun: Token) -> Span:
    """The count noun with its compounds ('death toll')."""
    start = noun.i
    while start > 0 and noun.doc[start - 1].dep_ == "compound" and noun.doc[start - 1].head.i == noun.i:
        start -= 1
    return noun.doc[start : noun.i + 1]


def count_noun_of(tok: Token, nouns: frozenset[str]) -> Token | None:
    """The noun of NOUNS a bare figure gives the number of: 'population of 8,000', 'the toll rose to 23', 'the
    toll is 23', 'the party was closer to 25' (count nouns, or groups of people: `count_nouns`, `group_nouns`)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in nouns:
        return head.head
    verb = head.head if tok.dep_ == "pobj" and head.lower_ in _TO_PREPOSITIONS else head
    if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
        verb = verb.head  # 'was closer to 25', 'is close to 500'
    if tok.dep_ in {"pobj", "attr", "dobj"} and verb.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lemma_.lower() in nouns:
            return subject
    return None


def bare_figure(tok: Token) -> float | None:
    """The amount of a figure with nothing it counts after it ('a population of 8,000', 'a family of five'), not
    a date, time, sum, share or rank; None otherwise."""
    amount = _figure(tok)
    if amount is None or not _bare(tok) or tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
        return None
    return amount


def counted_value(
    text: str, tok: Token, amount: float, unit: str | None, last: Token | None = None
) -> tuple[int, Value]:
    """Where a count at token `tok` starts (with the qualifier before it: 'more than 30') and its value, written
    up to token `last` (the count's own token when not given)."""
    start = qualifier_start(text, tok.idx)
    end = last or tok
    value = Value(
        type=ValueType.NUMBER,
        text=text[start : end.idx + len(end)],
        normalized=plain_number(amount),
        number=amount,
        unit=unit,
        qualifier=lexicon.qualifier_of(text[start : tok.idx]) if start < tok.idx else None,
    )
    return start, value


def ranged(m: Mention, doc: Doc, text: str) -> Mention:
    """A count that closes a range, read as the range from its first amount ('between 50 and 60 doctors', where
    the pattern finders read '60 doctors')."""
    span = doc.char_span(m.start, m.end) if m.kind == "number" else None  # None unless it spans whole tokens
    if span is None or not span[0].like_num:
        return m
    tok, end = span[0], span[-1]
    if m.value.number is None or m.value.normalized != plain_number(m.value.number):
        return m  # a measure, normalized to its SI unit ('between 12.2 and 12.9 inches'): read as written
    opened = range_opening(text, tok, end)
    if opened is None:
        return m
    start, amount = opened
    value = m.value.model_copy(
        update={"text": text[start : m.end], "normalized": plain_number(amount), "number": amount}
    )
    return replace(m, start=start, value=value)


def range_opening(text: str, tok: Token, end: Token) -> tuple[int, float] | None:
    """Where a range that the count at `tok` closes opens, and its first amount ('between 50 and 60 doctors',
    '50 to 60 doctors'; not 'rose from 50 to 60 doctors', a change), or None (values/ranges.py reads the range)."""
    doc = tok.doc
    if tok.i < 2 or not doc[tok.i - 2].like_num:
        return None
    joiner, first = doc[tok.i - 1], doc[tok.i - 2]
    opener = doc[first.i - 1] if first.i > 0 else None
    if joiner.lower_ == "and" and opener is not None and opener.lower_ in lexicon.words("range_openers"):
        start = opener.idx
    elif joiner.lower_ in {"to", "-", "–", "—"} and not (opener is not None and opener.lower_ == "from"):
        start = first.idx
    else:
        return None
    bounds = stated_range(text[start : end.idx + len(end)])
    return (start, bounds[0]) if bounds is not None else None


def bare_figures(text: str, doc: Doc) -> list[Mention]:
    """Figures of count nouns ('a population of 8,000') and casualties ('killed 3 and injured 7')."""
    out: list[Mention] = []
    predicates = lexicon.table("count_predicates")
    for tok in doc:
        amount = bare_figure(tok)
        if amount is None:
            continue
        counted = count_noun_of(tok, lexicon.words("count_nouns"))
        if counted is not None:
            noun = _noun_phrase(counted).text.lower()
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in predicates:
            noun = "people"  # 'killed 3': victims
        else:
            continue
        start, value = counted_value(text, tok, amount, noun if noun == "people" else None)
        if counted is not None and counted.dep_ in {"nsubj", "nsubjpass"} and tok.head.head.i == counted.i:
            phrase = _noun_phrase(counted)  # 'A workforce of around 1,100 is employed': the workforce's number
            named = Mention(
                start, tok.idx + len(tok), "number", value, f"number of {noun}", phrase.text, phrase.start_char
            )
            out.append(named)
            continue
        out.append(Mention(start, tok.idx + len(tok), "number", value, noun=noun))
    return out


def invariable_counts(text: str, doc: Doc) -> list[Mention]:
    """Counts of nouns whose plural is their singular ('demanded 60 bitcoin', 'caught 12 fish', 'lost 300
    sheep'): a cardinal of two or more before a noun the parse tags singular, heading its own phrase."""
    out: list[Mention] = []
    for tok in doc:
        amount = _figure(tok)
        noun = tok.head
        if amount is None or amount < 2 or tok.dep_ != "nummod" or tok.ent_type_ not in {"", "CARDINAL"}:
            continue
        if year_form(tok.text):
            continue  # 'his 2013 mixtape': a year
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ == "compound" or noun.i != tok.i + 1:
            continue
        start, value = counted_value(text, tok, amount, noun.lower_)
        out.append(Mention(start, noun.idx + len(noun), "number", value, noun=noun.lower_))
    return out


def scale_readings(text: str, doc: Doc) -> list[Mention]:
    """'a magnitude 6.1 earthquake', 'the 4.5-magnitude quake': a reading on a named scale."""
    out: list[Mention] = []
    scales = lexicon.words("scale_words")
    for tok in doc:
        if not _DIGITS.fullmatch(tok.text):
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")
        after = doc[k] if k < len(doc) else None
        if before is not None and before.lower_ in scales:
            word, start, end = before.lower_, before.idx, tok.idx + len(tok)
        elif after is not None and after.lower_ in scales:
            word, start, end = after.lower_, tok.idx, after.idx + len(after)
        else:
            continue
        amount = float(tok.text.replace(",", ""))
        value = Value(
            type=ValueType.NUMBER, text=text[start:end], normalized=plain_number(amount), number=amount, unit=word
        )
        out.append(Mention(start, end, "number", value, noun=word))
    return out


def time_fractions(text: str, doc: Doc) -> list[Mention]:
    """'half an hour' (0.5 hours), 'an hour and a half' (1.5 hours), 'a quarter of an hour' (0.25 hours)."""
    out: list[Mention] = []
    units = lexicon.table("time_units")
    for tok in doc:
        if tok.lower_ not in units:
            continue
        before = [t.lower_ for t in doc[max(0, tok.i - 4) : tok.i]]
        after = [t.lower_ for t in doc[tok.i + 1 : tok.i + 4]]
        first, last, amount = tok, tok, None
        if len(before) == 4 and before[0] in {"a", "an"} and before[1] in _FRACTIONS and before[2:] in _OF_A:
            first, amount = doc[tok.i - 4], _FRACTIONS[before[1]]  # 'a quarter of an hour'
        elif len(before) >= 2 and before[-1] in {"a", "an"} and before[-2] in _FRACTIONS:
            first, amount = doc[tok.i - 2], _FRACTIONS[before[-2]]
        elif before[-1:] in (["a"], ["an"]) and after[:2] == ["and", "a"] and after[2:3] and after[2] in _FRACTIONS:
            first, last, amount = doc[tok.i - 1], doc[tok.i + 3], 1 + _FRACTIONS[after[2]]
        if amount is None:
            continue
        unit = str(units[tok.lower_])
        value = Value(
            type=ValueType.NUMBER,
            text=text[first.idx : last.idx + len(last)],
            normalized=plain_number(amount),
            number=amount,
            unit=unit,
        )
        out.append(Mention(first.idx, last.idx + len(last), "duration", value, noun=unit))
    return out


def and_a_fraction(doc: Doc, unit_end: int, amount: float, measured: bool) -> tuple[int, float]:
    """'three meters and a half': a fraction that follows a unit of measure or time adds to a one-word amount
    ('five and a half meters' is read in the number's run; 'three children and a half-brother' is no measure);
    the token that ends the measure, and the amount."""
    after = [t.lower_ for t in doc[unit_end + 1 : unit_end + 4]]
    if measured and after[:2] == ["and", "a"] and after[2:3] and after[2] in _FRACTIONS:
        return unit_end + 3, amount + _FRACTIONS[after[2]]
    return unit_end, amount


def qualifier_start(text: str, start: int) -> int:
    """Where a qualifier phrase just before a figure starts ('more than 500'), else the figure's start."""
    m = re.search(r"(?:" + lexicon.qualifier_pattern() + r")\s+(?:an?\s+)?$", text[:start], re.I)  # 'more than a dozen'
    if m is None or lexicon.reached(text[: m.start()], m.group(0).strip()):
        return start  # 'grew up to three meters': the amount reached
    return m.start() if m.start() == 0 or not text[m.start() - 1].isalnum() else start


_QUOTED = re.compile(r"[\"“]([^\"“”]{1,60})[\"”]")


def in_quoted_title(text: str, start: int) -> bool:
    """Whether the character at `start` lies in a quoted title: a short quoted span whose words all open with a
    capital or a digit ('on “60 Minutes.”', 'the film "127 Hours"'), the name of a work, not a figure."""
    for match in _QUOTED.finditer(text):
        if match.start(1) <= start < match.end(1):
            words = re.findall(r"[A-Za-z0-9][\w'’-]*", match.group(1))
            return 0 < len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in words)
    return False
