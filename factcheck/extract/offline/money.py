"""Money amounts in a sentence: currency symbols, ISO codes and currency names, with the issuing country.

"$1.3 billion", "C$40 million" (a dollar prefix names its country: C$, US$, A$, NZ$, HK$, S$),
"1.2 billion euros", "DKK 200 million", "200 million Danish crowns" and the adjective form "a 300
million crown aid package" are all amounts. A currency name shared by several countries (crown,
dollar, peso, franc, rupee, pound) takes the country written before it ("Danish crowns",
"Australian dollars"); without one, the country the sentence names ("Copenhagen's 300 million crown
package" -> DKK); failing that, the currency the name most often means in news.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck import lexicon
from factcheck.extract.entities import country_key
from factcheck.extract.timeparse import NUMBER_WORDS

SYMBOLS: dict[str, str] = lexicon.table("currency_symbols")
CODES = {c.upper() for c in lexicon.words("currency_codes")}
# Currency name (every spelling) -> {issuing country key: code}; the key None is the default reading (lexicon 'currencies').
NAME_TABLE: dict[str, dict[str | None, str]] = {
    name: {**entry.get("issuers", {}), None: entry["default"]}
    for entry in lexicon.items("currencies")
    for name in entry["names"]
}
MULTIPLIERS: dict[str, float] = {k: float(v) for k, v in lexicon.table("scales").items() if k not in {"k", "dozen"}}
_QUAL = r"(?P<q>(?:" + lexicon.qualifier_pattern() + r")\s+)?"
_NUMWORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in {"a", "an", "one"}), key=len, reverse=True))
_MULT = "|".join(sorted((w for w in MULTIPLIERS if w != "hundred"), key=len, reverse=True))  # 'mln' before 'm'
_AMOUNT = r"(?P<n>\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s?(?P<mult>" + _MULT + r")\b)?"
_NAME_ALT = "|".join(sorted(NAME_TABLE, key=len, reverse=True))
_CODE_ALT = "|".join(sorted(CODES))
_SYMBOL = re.compile(_QUAL + r"(?P<cur>(?<![A-Za-z])(?:US|CA|AU|NZ|HK|C|A|S)\$|\$|€|£|¥|₩|₹|₽)\s?" + _AMOUNT)
_CODE_FIRST = re.compile(_QUAL + r"(?<![\w.])(?P<cur>" + _CODE_ALT + r")\s?" + _AMOUNT)
_CODE_AFTER = re.compile(
    _QUAL + r"(?<![\w.])(?P<n>\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s(?P<mult>" + _MULT + r"))?\s(?P<cur>" + _CODE_ALT + r")\b"
)
_NAMED = re.compile(
    _QUAL
    + r"(?<![\w.])(?P<n>\d(?:[\d,]*\d)?(?:\.\d+)?|"  # not '36,' of 'who is 36, won the race'
    + _NUMWORD
    + r")(?:\s(?P<mult>hundred|"
    + _MULT
    + r"))?\s"
    r"(?:(?P<nat>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s)?(?P<cur>" + _NAME_ALT + r")\b(?!-)"
)
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")


@dataclass
class MoneyMatch:
    """One amount of money: where it is, what it says, its value in its currency."""

    start: int
    end: int
    text: str
    amount: float
    currency: str
    qualifier: str | None


def find_money(text: str) -> Iterator[MoneyMatch]:
    """Every amount of money in a sentence (overlaps are left for the caller to drop)."""
    for pattern in (_SYMBOL, _CODE_FIRST, _CODE_AFTER, _NAMED):
        for match in pattern.finditer(text):
            cur = _currency(pattern, match, text)
            if cur is None or (pattern is _NAMED and _bare_adjective(match)):
                continue
            start = match.start("cur") if pattern in (_SYMBOL, _CODE_FIRST) else match.start("n")
            qual = match.group("q")
            qualifier = " ".join(qual.lower().split()) if qual else None
            yield MoneyMatch(
                start,
                match.end(),
                match.group(0)[len(qual or "") :],
                _amount(match.group("n"), match.group("mult")),
                cur,
                qualifier,
            )


def _bare_adjective(match: re.Match[str]) -> bool:
    """'three crown princes', 'two pound coins': a number word before a singular currency name is no amount."""
    cur = match.group("cur").lower()
    singular = not cur.endswith("s") and cur + "s" in NAME_TABLE
    return singular and not match.group("mult") and not match.group("n")[:1].isdigit()


def _currency(pattern: re.Pattern[str], match: re.Match[str], text: str) -> str | None:
    cur = match.group("cur")
    if pattern is _SYMBOL:
        return SYMBOLS[cur.lower()]
    if pattern is not _NAMED:
        return "CNY" if cur == "RMB" else cur
    table = NAME_TABLE[cur.lower()]
    nat = match.group("nat")
    if nat:
        country = country_key(nat)
        if country is None:
            return None  # "5 million Twitter users": a capitalised word that is not a country
        return table.get(country, table[None])
    if len(table) > 1:
        for run in _CAPITALISED.finditer(text):
            for word in (run.group(0), *run.group(0).split()):
                country = country_key(re.sub(r"['’]s$", "", word))
                if country is not None and country in table:
                    return table[country]
    return table[None]


def _amount(n: str, mult: str | None) -> float:
    base = float(NUMBER_WORDS[n.lower()]) if n.lower() in NUMBER_WORDS else float(n.replace(",", ""))
    return base * MULTIPLIERS.get((mult or "").lower(), 1.0)
