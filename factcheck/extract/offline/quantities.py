"""Values read from the parse: ages, counts with their noun, durations and measured quantities.

The pattern finders (offline_values.py) read a sentence's characters; these read spaCy's tokens,
part-of-speech tags, entities and dependencies, so that "38 000 shares" is one amount, "killed three
people" a count of people, "one hundred pounds of marijuana" a weight, "53-year-old Igor Petrov"
Igor Petrov's age. Quantities with units are compared in SI base units (pint); units and number
words come from the lexicon (factcheck/data/lexicon.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline import figures
from factcheck.extract.offline.ages import ages
from factcheck.extract.offline.counts import elided_noun, group_counts, numbered_names, partitive_noun, single_count
from factcheck.extract.offline.relations import place_relations
from factcheck.extract.offline.units import letter_unit_at, measure_nouns, measure_value, plain_number, significant
from factcheck.extract.offline.values import Mention
from factcheck.extract.ratios import find_ratios
from factcheck.extract.timeparse import year_form
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ANAPHORIC = lexicon.exact("extract_offline_quantities_anaphoric")
_DEFINITE = lexicon.exact("extract_offline_quantities_definite")
_FRACTIONS: dict[str, float] = lexicon.table("fractions")
_MEASURES = lexicon.exact("extract_offline_quantities_measures")
_COLLECTIVE = lexicon.words("collective_nouns")


def _ages(text: str, doc: Doc) -> list[Mention]:
    """Ages stated of a person (offline_ages.py)."""
    return ages(doc)


def _posts(text: str, doc: Doc) -> list[Mention]:
    """Counts a verb implies ('shared by 273,000')."""
    return _agent_counts(doc)


def parse_values(text: str, doc: Doc, found: list[Mention]) -> list[Mention]:
    """The pattern finders' mentions, corrected and completed by the parse, in text order."""
    parsed = [m for rule in RULES for m in rule(text, doc)]
    kept = [m for m in found if not _misread(m, doc, parsed)]
    for m in parsed:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted((figures.ranged(m, doc, text) for m in kept), key=lambda m: m.start)


def _rates(text: str, doc: Doc) -> list[Mention]:
    """'seven in 10 women', '7 out of 10 women': a share, as a percentage (extract/ratios.py, as on the llm
    path), of the noun the parse finds after it."""
    out: list[Mention] = []
    for ratio in find_ratios(text):
        after = [tok for tok in doc if tok.idx >= ratio.end]
        if not after or after[0].pos_ != "NOUN":
            continue
        noun = after[0]
        end = noun.idx + len(noun)
        value = Value(
            type=ValueType.NUMBER,
            text=text[ratio.start : end],
            normalized=plain_number(ratio.percent),
            number=ratio.percent,
            unit="percent",
            qualifier=lexicon.qualifier_of(ratio.qualifier),
        )
        out.append(Mention(ratio.start, end, "number", value, noun=f"share of {noun.lower_}"))
    return out


def _agent_counts(doc: Doc) -> list[Mention]:
    """'shared by 273,000 and liked by 77,000': a count whose noun the verb implies (lexicon 'agent_nouns')."""
    out: list[Mention] = []
    nouns = lexicon.table("agent_nouns")
    for tok in doc:
        by, verb = tok.head, tok.head.head
        if (
            tok.dep_ != "pobj"
            or by.dep_ != "agent"
            or verb.lemma_.lower() not in nouns
            or not re.fullmatch(r"\d[\d,]*", tok.text)
        ):
            continue
        amount = float(tok.text.replace(",", ""))
        noun = str(nouns[verb.lemma_.lower()])
        value = Value(type=ValueType.NUMBER, text=tok.text, normalized=plain_number(amount), number=amount, unit=noun)
        out.append(Mention(tok.idx, tok.idx + len(tok), "number", value, noun=noun))
    return out


# -- counts, durations and quantities -----------------------------------------------------------


def _amounts(text: str, doc: Doc) -> list[Mention]:
    """A run of number tokens and what follows it: a unit of measure, a unit of time, or the counted noun."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        run = _number_run(doc, i)
        if not run:
            i += 1
            continue
        i = run[-1].i + 1
        before = doc[run[0].i - 1].lower_ if run[0].i else ""
        if before in lexicon.words("vague_multipliers") and not any(t.like_num and t.text[0].isdigit() for t in run):
            continue  # 'a few hundred thousand subscribers': no amount to compare
        mention = _amount_mention(text, doc, run)
        if mention is not None:
            out.append(mention)
    return out


def _number_run(doc: Doc, i: int) -> list[Token]:
    """Number tokens from i: '38 000', 'one hundred', 'five and a half', '2,000'."""
    run: list[Token] = []
    j = i
    while j < len(doc):
        tok = doc[j]
        if _is_number(tok) and not (run and tok.lower_ in {"a", "an"}):
            run.append(tok)
        elif (
            run
            and tok.lower_ == "and"
            and j + 2 < len(doc)
            and doc[j + 1].lower_ in {"a", "an"}
            and doc[j + 2].lower_ in _FRACTIONS
        ):
            run.extend(doc[j : j + 3])
            j += 3
            continue
        elif run and tok.text == "-" and j + 1 < len(doc) and figures.hyphenated_number(run[-1], doc[j + 1]):
            run.extend(doc[j : j + 2])  # 'twenty-three'
            j += 2
            continue
        else:
            break
        j += 1
    if run and run[0].lower_ in {"a", "an"}:
        return []  # "a year", "an hour": timeparse reads those
    return run


# long: the checks that tell an amount from a year, a time or a name, in order
def _amount_mention(text: str, doc: Doc, run: list[Token]) -> Mention | None:
    """The mention a number run starts, or None when it is no value of its own (a year, 'the two countries')."""
    amount = _amount(run)
    first, last = run[0], run[-1]
    if amount is None or (year_form(first.text) and len(run) == 1 and not _counted(doc, last)):
        return None
    unit_end, unit_words = _unit_after(doc, last)
    measured = unit_words in lexicon.table("units") or unit_words in lexicon.table("time_units")
    if (
        first.ent_type_ in {"DATE", "TIME", "PERCENT", "ORDINAL"}
        and not _hyphen_unit(doc, last)
        and not _counted(doc, last)
        and unit_words not in lexicon.table("units")  # 'five and a half feet', which the parse may call a date
    ):
        if first.ent_type_ in {"PERCENT", "ORDINAL"} or not _time_unit(doc, last):
            return None  # money is the money finder's; a parse-only MONEY label is often wrong ('7 million PlayStation 4 units')
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and (
        before.text in {"$", "€", "£", "¥", "#", "No."}
        or (before.pos_ == "PROPN" and before.whitespace_ and not measured)
    ):
        return None  # 'PlayStation 4 units', 'Flight 567': a number in a name ('M109A6 155mm' is a measure)
    elided = elided_noun(doc, last) if unit_end is None else None
    if elided is not None:
        return _count(text, run, amount, elided.lower_, last)
    if unit_end is None and last.i + 2 < len(doc) and doc[last.i + 1].lower_ in {"and", "or", "to"}:
        later = _number_run(doc, last.i + 2)
        unit_end, unit_words = _unit_after(doc, later[-1]) if later else (None, "")
        if unit_words not in lexicon.table("units"):
            return None  # '53.5 and 58 kg': the first amount shares the unit of the second
        measure = lexicon.table("units")[unit_words]
        return measure_value(
            first.idx,
            last.idx + len(last),
            text[first.idx : last.idx + len(last)],
            amount,
            (unit_words, str(measure)),
            _digits(run),
            None,
        )
    if unit_end is None:
        return None
    unit_end, amount = figures.and_a_fraction(doc, unit_end, amount, measured=measured and len(run) == 1)
    start = figures.qualifier_start(text, first.idx)
    qualifier = lexicon.qualifier_of(text[start : first.idx]) if start < first.idx else None
    end_tok = doc[unit_end]
    value_text = text[start : end_tok.idx + len(end_tok)]
    measure = lexicon.table("units").get(unit_words) or letter_unit_at(end_tok)
    if measure is not None and not _money_pound(doc, last, unit_end):
        return measure_value(
            start, end_tok.idx + len(end_tok), value_text, amount, (unit_words, str(measure)), _digits(run), qualifier
        )
    time_unit = _time_unit(doc, last)
    if time_unit is not None and doc[unit_end + 1 : unit_end + 3].text in ("-old", "- old"):
        return None  # '29-year-old': an age (ages.py), not how long anything took
    if time_unit is not None:
        value = Value(
            type=ValueType.NUMBER,
            text=value_text,
            normalized=plain_number(amount),
            number=amount,
            unit=time_unit,
            qualifier=qualifier,
        )
        return Mention(start, end_tok.idx + len(end_tok), "duration", value, noun=time_unit)
    noun = doc[unit_end]
    back = before is not None and before.lower_ in _ANAPHORIC and "-" not in value_text and not first.text[:1].isdigit()
    if back and before is not None and (before.lower_ not in _DEFINITE or amount <= 2):
        return None  # 'these two countries', 'the two sides' refer back; they state no count ('the 1,500 species'
        # does). 'The seven schoolgirls' may count or refer back: the reader tells by what it read before (counts.restates)
    one = single_count(noun, first, qualified=start < first.idx) if len(run) == 1 else None
    if one is not None:
        return replace(_count(text, run, amount, one, noun), refers_back=back)
    if (
        noun.pos_ not in {"NOUN", "PROPN"}
        or (noun.tag_ not in {"NNS", "NNPS"} and noun.lower_ != "people" and noun.lower_ not in _COLLECTIVE)
        or (amount < 2 and "-" not in value_text)
    ):
        return None
    return replace(_count(text, run, amount, noun.lower_, end_tok), refers_back=back)


def _count(text: str, run: list[Token], amount: float, noun: str, end_tok: Token) -> Mention:
    """A count of NOUN from the number run (with the qualifier before it) to END_TOK."""
    start, value = figures.counted_value(text, run[0], amount, noun, end_tok)
    return Mention(start, end_tok.idx + len(end_tok), "number", value, noun=noun)


def _unit_after(doc: Doc, last: Token) -> tuple[int | None, str]:
    """The token that ends the unit or counted noun after a number, and the unit's words ('square miles')."""
    j = last.i + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if j >= len(doc):
        return None, ""
    two = f"{doc[j].lower_} {doc[j + 1].lower_}" if j + 1 < len(doc) else ""
    if two in lexicon.table("units"):
        return j + 1, two
    if doc[j].lower_ in {**lexicon.table("units"), **lexicon.table("time_units")} or letter_unit_at(doc[j]):
        return j, doc[j].lower_
    partitive = partitive_noun(doc, j)
    if partitive is not None:
        return partitive.i, partitive.lower_  # '1.2 million of their own citizens'
    head = last.head
    between = {t.lower_ for t in doc[j : head.i]} if head.i >= j else set()
    if (
        last.dep_ in {"nummod", "compound"}
        and head.i >= j
        and head.i - j <= 2
        and head.pos_ in {"NOUN", "PROPN"}
        and not between & {"and", "or", "to", ","}
    ):
        return head.i, head.lower_
    return None, ""


def _counted(doc: Doc, last: Token) -> bool:
    """'1800 Twitter shares': a year-like number that counts the plural noun it modifies."""
    before = doc[last.i - 1].lower_ if last.i > 0 else ""
    return (
        last.dep_ == "nummod"
        and last.head.tag_ == "NNS"
        and last.head.i > last.i
        and before not in {"in", "since", "by", "from", "until", "of"}
    )


def _time_unit(doc: Doc, last: Token) -> str | None:
    """The unit of time after a number ('minutes' for '11-minute'), or None."""
    j = last.i + 1 + (last.i + 1 < len(doc) and doc[last.i + 1].text == "-")
    return lexicon.table("time_units").get(doc[j].lower_) if j < len(doc) else None


def _hyphen_unit(doc: Doc, last: Token) -> bool:
    """Is the number joined to the next word by a hyphen ('11-minute')?"""
    return last.i + 2 < len(doc) and doc[last.i + 1].text == "-"


def _money_pound(doc: Doc, last: Token, unit_end: int) -> bool:
    """'pounds' is money when its sentence speaks of money ('fined two hundred pounds', lexicon 'money_cues') or a
    scale counts it ('40 million pounds'), and no substance follows ('pounds of marijuana') nor does a word of
    weight stand in the sentence ('weighed 20 pounds', 'the weight record is over 300 pounds'); else a weight."""
    unit = doc[unit_end]
    if unit.lower_ not in {"pound", "pounds"}:
        return False
    of = doc[unit_end + 1] if unit_end + 1 < len(doc) and doc[unit_end + 1].lower_ == "of" else None
    if of is not None and not (of.i + 1 < len(doc) and doc[of.i + 1].lower_ == "sterling"):
        return False
    words = {w for t in unit.sent for w in (t.lemma_.lower(), t.lower_)}
    if words & lexicon.words("weight_cues"):
        return False
    return last.lower_ in lexicon.table("scales") or bool(words & lexicon.words("money_cues"))


def _is_number(tok: Token) -> bool:
    """Digits, a number word, or a scale word the tagger calls a number."""
    low = tok.lower_
    return (
        bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", tok.text))
        or low in lexicon.table("number_words")
        or (low in lexicon.table("scales") and tok.pos_ == "NUM" and letter_unit_at(tok) is None)
    )


def _amount(run: list[Token]) -> float | None:
    """The value of a number run: '38 000' -> 38000, 'one hundred' -> 100, 'five and a half' -> 5.5."""
    words, scales = lexicon.table("number_words"), lexicon.table("scales")
    total, current, seen = 0.0, 0.0, False
    for k, tok in enumerate(run):
        low = tok.lower_
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", tok.text):
            n = float(tok.text.replace(",", ""))
            current = current * 1000 + n if seen and re.fullmatch(r"\d{3}", tok.text) else current + n
            seen = True
        elif low in scales and seen:
            if scales[low] >= 1000:
                total, current = total + current * scales[low], 0.0
            else:
                current *= scales[low]
        elif low in _FRACTIONS:
            current += _FRACTIONS[low]
        elif low in {"a", "an", "and", "-"} and k > 0:
            continue
        elif low in words:
            current += words[low]
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits(run: list[Token]) -> int:
    """Significant figures written ('56' -> 2, '1,500' -> 2, 'five' -> 1)."""
    return significant("".join(t.text for t in run if t.text[:1].isdigit()))


def _misread(m: Mention, doc: Doc, parsed: list[Mention]) -> bool:
    """A pattern mention the parse reads better: a part of a longer amount ('000 shares'), pounds of weight."""
    if any(
        p.kind == m.kind and p.start <= m.start and m.end <= p.end and p.end - p.start > m.end - m.start for p in parsed
    ):
        return True  # '000 shares' of '38 000 shares', 'an hour' of 'an hour and a half'
    if m.kind == "number" and any(
        p.start < m.end and m.start < p.end and (p.kind == "duration" or p.noun in _MEASURES) for p in parsed
    ):
        return True  # '56 miles' is a distance, '11-minute' a duration, not counts of miles or minutes
    if (
        m.kind == "date"
        and m.value.text.isdigit()
        and any(p.kind == "number" and p.start <= m.start and m.end <= p.end for p in parsed)
    ):
        return True  # '1800 Twitter shares' counts shares; it is no year
    if any(p.kind == "age" and p.start < m.end and m.start < p.end for p in parsed):
        return True  # '88 years of age' is an age, not a duration
    if m.kind == "number" and m.value.unit != "percent" and _in_name(doc, m.start):
        return True
    if m.kind == "money" and m.value.unit == "GBP" and "£" not in m.value.text:
        return any(p.start <= m.start < p.end and p.noun == "weight" for p in parsed)
    return False


def count_attribute(noun: str) -> str:
    """The attribute of a number with no predicate: a measure or share names itself ('distance'), a count its noun."""
    return noun if noun in _MEASURES or noun.startswith("share of") else f"number of {noun}"


def _in_name(doc: Doc, start: int) -> bool:
    """Does the number at this character offset follow a proper noun ('PlayStation 4 units')?"""
    tok = next((t for t in doc if t.idx == start), None)
    return tok is not None and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and bool(doc[tok.i - 1].whitespace_)


# The parse readers, in order: an earlier rule's mention wins where two overlap.
RULES: tuple[Callable[[str, Doc], list[Mention]], ...] = (
    _ages,
    measure_nouns,
    _rates,
    _posts,
    figures.time_fractions,
    figures.scale_readings,
    group_counts,
    _amounts,
    numbered_names,
    figures.bare_figures,
    figures.invariable_counts,
    place_relations,
)
