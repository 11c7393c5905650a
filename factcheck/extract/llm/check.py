"""The model proposes a value and a quote; the value must be in the quote, in one of its written forms.

A quote found in the article proves the sentence exists, not that it says what the model claims:
"...held in Seoul..." with the value "Tokyo" would raise a false contradiction. A value is accepted
when the quote holds it as written (case, accents and punctuation aside), or holds the same amount
(digits or words: "14" and "fourteen", "$2 million" and "2,000,000"), or a time expression that
resolves to the same period ("next month" and "April 2023").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from factcheck import lexicon
from factcheck.extract.llm.values import parse_number
from factcheck.extract.timeparse import find_times, iso
from factcheck.models import Value, ValueType

_SCALE = "|".join(sorted(lexicon.table("scales"), key=len, reverse=True))
_AMOUNT = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?:\s*-?\s*(?:" + _SCALE + r")\b)?"
    r"|(?:\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|trillion|and|a)\b[\s-]*)+",
    re.I,
)
_ORDINAL_WORDS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    20: "twentieth",
}


# A value may give a quote's denial in other words ('not shown to be a guest' for 'nor was he shown to be a guest')
_NEGATIONS = frozenset(w for w in lexicon.words("negations") | lexicon.words("denials") if w.isalpha())


def fold(text: str) -> str:
    """Lower case, accents and look-alike forms folded (NFKD), punctuation as spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " " + " ".join(re.sub(r"[^\w%$€£¥]+", " ", plain).split()) + " "


def value_in_quote(value: Value, written: str, quote: str, anchor: date | None) -> bool:
    """Whether `quote` states the value the model wrote as `written` (normalised to `value`)."""
    q = fold(quote)
    w = fold(written).strip()
    if not w or f" {w} " in q:
        return True
    amount = value.number if value.number is not None else (parse_number(w) if re.search(r"\d", w) else None)
    if amount is not None and _has_amount(amount, quote):
        return True
    if (value.type in (ValueType.DATE, ValueType.TEXT) and any(c.isdigit() for c in written)) or value.period:
        times = {iso(p) for _, _, p in find_times(quote, anchor)}
        if value.normalized in times or written.strip() in times:
            return True
    words = [t for t in w.split() if t not in lexicon.words("function_words")]  # too common to prove anything
    if not words:
        return True
    if value.type in (ValueType.NUMBER, ValueType.MONEY, ValueType.ORDINAL, ValueType.DATE):
        numbers = [t for t in words if any(c.isdigit() for c in t)]
        if numbers:  # the figures written must be in the quote (1988, not 1989)
            return all(f" {t} " in q or t.replace(",", "") in q.replace(",", "") for t in numbers)
    negated = bool(_NEGATIONS & set(q.split())) or bool(re.search(r"n['’]t\b", quote.lower()))  # 'nor', "didn't"
    return all(_word_in(t, q) or (negated and t in _NEGATIONS) for t in words)


def _word_in(word: str, folded_quote: str) -> bool:
    """A word of the value in the quote, allowing a different ending ('Japan' in 'Japanese')."""
    if f" {word} " in folded_quote:
        return True
    stem = word[: max(4, len(word) - 3)] if len(word) > 4 else word
    return f" {stem}" in folded_quote


def _has_amount(target: float, quote: str) -> bool:
    """The same number in the quote, in digits or in words (any scale word applied), or as an ordinal."""
    low = quote.lower()
    for match in _AMOUNT.finditer(low):
        piece = match.group(0).strip(" -")
        if not piece or piece in ("a", "and"):
            continue
        n = parse_number(piece)
        if n is not None and (abs(n - target) < 1e-9 or (target and abs(n - target) / abs(target) < 1e-9)):
            return True
    if target != int(target):
        return False
    word = _ORDINAL_WORDS.get(int(target))
    return bool(word and re.search(rf"\b{word}\b", low)) or bool(re.search(rf"\b{int(target)}(?:st|nd|rd|th)\b", low))
