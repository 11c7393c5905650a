"""Subject hygiene for the offline extractor: trimming subject spans and resolving definite descriptions.

A subject is a noun phrase. Spans the clause reader hands over sometimes start with a conjunction,
a number (or the tail of one split at a thousands comma), an adverbial, or run on into a speech verb;
`trim_subject` cuts them back to the noun phrase or rejects them. `Referents` resolves 'the company',
'the agency', 'the drug', 'the trial' and the like to the name the same article introduces for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck import lexicon
from factcheck.extract.entities import entity_key, regions, slug
from factcheck.extract.offline.text import SPEECH_VERBS, Token, is_verb

# Description nouns grouped by what they describe: a name introduced with any noun of a class
# ('velorastat, an experimental pill') answers a later description with any noun of that class ('the drug').
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        [
            "company",
            "firm",
            "drugmaker",
            "biotech",
            "maker",
            "carrier",
            "manufacturer",
            "group",
            "lender",
            "insurer",
            "startup",
            "bank",
        ],
        "company",
    ),
    **dict.fromkeys(["agency", "regulator", "administration", "authority", "watchdog"], "agency"),
    **dict.fromkeys(["drug", "pill", "medicine", "treatment", "therapy", "medication", "vaccine", "product"], "drug"),
    **dict.fromkeys(["study", "trial"], "study"),
    **dict.fromkeys(["ministry", "department"], "ministry"),
    **dict.fromkeys(["court", "tribunal"], "court"),
    **dict.fromkeys(["committee", "panel"], "committee"),
    **dict.fromkeys(["fire", "wildfire", "blaze", "bushfire"], "fire"),
    **dict.fromkeys(["town", "city", "village"], "town"),
    **dict.fromkeys(["province", "territory"], "province"),
    **dict.fromkeys(["state"], "state"),
    **dict.fromkeys(["county"], "county"),
}
# Classes whose head noun is part of a name ('the Sitkum Ridge fire'): a name with any noun of the class
# is keyed with the class noun, so 'the Sitkum Ridge wildfire' and 'the Sitkum Ridge fire' are one thing.
_HEADED_CLASSES = {"fire"}
# Name endings that say what a name is: 'Brightwater Therapeutics' is a company, 'Drug Administration' an agency.
_SUFFIX_CLASS: dict[str, str] = {
    **dict.fromkeys(
        [
            "therapeutics",
            "pharma",
            "pharmaceuticals",
            "inc",
            "corp",
            "corporation",
            "ltd",
            "plc",
            "group",
            "holdings",
            "co",
            "bank",
            "airlines",
            "motors",
            "technologies",
            "biosciences",
        ],
        "company",
    ),
    **dict.fromkeys(["agency", "administration", "authority", "commission", "service", "office"], "agency"),
    "ministry": "ministry",
    "court": "court",
    "committee": "committee",
}
_NAME = r"[A-Z][\w&.-]*(?:(?: +(?:of|and|for|the|on) +| +)[A-Z][\w&.-]*)*"
_NOUNS = "|".join(sorted(NOUN_CLASSES, key=len, reverse=True))
_APPOSITIVE = re.compile(rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?P<noun>{_NOUNS})\b")
_CALLED = re.compile(
    rf"\b(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?P<noun>{_NOUNS}),?\s+(?:called|known as|named|dubbed)\s+(?P<name>{_NAME})"
)
_SUFFIXED = re.compile(rf"(?P<name>{_NAME})")
_HEADED = "|".join(n for n, c in NOUN_CLASSES.items() if c in _HEADED_CLASSES)
_NAME_HEAD = re.compile(rf"(?P<name>{_NAME})\s+(?P<noun>{_HEADED})\b")
_OF_NAME = re.compile(rf"\bthe\s+(?P<noun>town|city|village|county|province|state)\s+of\s+(?P<name>{_NAME})")
_DESCRIPTION = re.compile(rf"(?:the|this|that)\s+(?:same\s+)?(?:[\w-]+-\w+\s+)?(?P<noun>{_NOUNS})", re.I)
_FIRST_PERSON = {"we", "us", "our", "ours"}
_LEADING_DROP = lexicon.exact("extract_offline_subjects_leading_drop")
_ADVERBIAL_OPENERS = {"as", "while", "once", "than", "like"}
_NUMBER_WORDS = lexicon.words("number_words") | lexicon.words("scales") | {"percent", "per", "cent"}
_QUANTITY_WORDS = lexicon.exact("extract_offline_subjects_quantity_words")
_UNITS = lexicon.exact("extract_offline_subjects_units")
_PREPOSITION_OPENERS = lexicon.exact("extract_offline_subjects_preposition_openers")
_MEASURE_MODIFIER = re.compile(r"[\d.,]*\d-[A-Za-z]+(?:-[A-Za-z]+)*")


def _is_number(tok: Token) -> bool:
    """Digits (or the tail of a number split at a comma), a percent sign, or a number word."""
    return bool(re.fullmatch(r"[$€£]?\d[\d.,]*%?|%", tok.text)) or tok.low in _NUMBER_WORDS


def trim_subject(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:  # noqa: C901 - one trim per kind of noun-phrase debris
    """The noun phrase inside a subject span, or None when the span is no noun phrase at all."""
    a, b = span
    for k in range(a + 1, b + 1):  # 'The company says it ...': the subject ends before the speech verb
        if tokens[k].low in SPEECH_VERBS or tokens[k].low == "say":
            b = k - 1
            break
    for k in range(a + 1, b + 1):  # 'liver injury and tells doctors': a conjunction opening a new predicate
        if tokens[k].low in {"and", "or"} and (k == b or is_verb(tokens, k + 1)):
            b = k - 1
            break
    while a <= b and tokens[a].low in _LEADING_DROP:
        a += 1
    while b >= a and (tokens[b].low in _LEADING_DROP or (not tokens[b].is_word and tokens[b].text != "%")):
        b -= 1
    if a > b or tokens[a].low in _ADVERBIAL_OPENERS:
        return None
    for k in range(a, b):  # "the panel's 11 members": the owner is the subject
        if re.search(r"['’]s?$", tokens[k].text) and tokens[k].text[:1].isalpha() and _is_number(tokens[k + 1]):
            return (a, k)
    if _is_number(tokens[a]) or (tokens[a].low in _QUANTITY_WORDS and any(_is_number(t) for t in tokens[a : b + 1])):
        ofs = [k for k in range(a, b) if tokens[k].low == "of"]
        if ofs:  # "Six percent of patients": the patients
            a = ofs[0] + 1
        else:
            while a <= b and (_is_number(tokens[a]) or tokens[a].low in _QUANTITY_WORDS):
                a += 1
        if a > b or tokens[a].low in _UNITS:
            return None
    k = a
    while k < b and (tokens[k].low in {"the", "a", "an", ",", "."} or _is_number(tokens[k])):
        k += 1  # '1,200-ton': the tail of a number split at its comma
    if k < b and _MEASURE_MODIFIER.fullmatch(tokens[k].text):
        a = k + 1  # 'the 2.4-mile tunnel', 'a 300-bed hospital': the thing, not its size
    if tokens[b].low in _UNITS and all(
        t.low in _UNITS | {"a", "an", "the", "per", "each", "every"} for t in tokens[a : b + 1]
    ):
        return None  # "once a day": a unit of time, not a thing
    if (
        a == b
        and a > 0
        and tokens[a - 1].low in _PREPOSITION_OPENERS
        and not tokens[a].is_cap
        and not tokens[a].low.endswith("s")
    ):
        return None  # "on course to reach": an adverbial, not a thing
    return (a, b)


def is_first_person(tokens: list[Token], span: tuple[int, int]) -> bool:
    """'we', 'our company', 'my husband': a phrase anchored on the speaker; not one that names someone ('our
    beloved singer Axl Rose')."""
    named = any(t.is_word and t.text[:1].isupper() for t in tokens[span[0] + 1 : span[1] + 1])
    return tokens[span[0]].low in _FIRST_PERSON | {"my", "i", "me"} and not named


@dataclass
class Referents:
    """Names an article introduces for its descriptions, with their positions in the article text."""

    defined: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    suffixed: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    regions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    key_of: object = None

    @classmethod
    def from_text(cls, text: str, key_of: object) -> Referents:
        """Read appositions, 'a study called X' and names ending in Therapeutics, Agency, Ministry ..."""
        assert callable(key_of)
        found = cls(key_of=key_of)
        for m in _NAME_HEAD.finditer(text):
            name = _strip_leading(m.group("name"))
            if name and (" " in name or not re.search(r"(?:an|ese|ish|i)$", name)):  # 'a Canadian wildfire' names none
                found.defined.setdefault("fire", []).append(
                    (m.start("name"), key_of(f"{name} {NOUN_CLASSES[m.group('noun').lower()]}"))
                )
        for m in _OF_NAME.finditer(text):
            found.defined.setdefault(NOUN_CLASSES[m.group("noun").lower()], []).append(
                (m.start("name"), key_of(_strip_leading(m.group("name"))))
            )
        for pos, name, kind in regions_in(text):
            pool = found.defined if kind == "town" else found.regions
            pool.setdefault(kind, []).append((pos, slug(name) if kind != "town" else key_of(name)))
        for rx in (_APPOSITIVE, _CALLED):
            for m in rx.finditer(text):
                name = _strip_leading(m.group("name"))
                cls_ = NOUN_CLASSES[m.group("noun").lower()]
                if name and cls_ not in _HEADED_CLASSES:  # "Dana Okafor, the fire's incident commander" names no fire
                    found.defined.setdefault(cls_, []).append((m.start("name"), key_of(name)))
        for m in _SUFFIXED.finditer(text):
            name = _strip_leading(m.group("name"))
            last = re.sub(r"['’]s?$", "", name.split()[-1]).rstrip(".").lower() if name else ""
            if last in _SUFFIX_CLASS and len(name.split()) >= 2:
                found.suffixed.setdefault(_SUFFIX_CLASS[last], []).append((m.start("name"), key_of(name)))
        return found

    def named(self, phrase: str) -> str:
        """The class key of a name headed by a class noun ('the Sitkum Ridge wildfire' -> sitkum_ridge_fire), or ''."""
        m = _NAME_HEAD.search(phrase)
        if m is None or m.end() != len(phrase.rstrip()) or not callable(self.key_of):
            return ""
        name = _strip_leading(m.group("name"))
        return str(self.key_of(f"{name} {NOUN_CLASSES[m.group('noun').lower()]}")) if name else ""

    def resolve(self, phrase: str, pos: int) -> str:
        """The key of the named thing 'the company' (etc.) at position pos refers to, or ''."""
        m = _DESCRIPTION.fullmatch(phrase.strip())
        return self.of_class(NOUN_CLASSES[m.group("noun").lower()], pos) if m else ""

    def of_class(self, cls: str, pos: int) -> str:
        """The one name defined for a class, else the latest one before pos (else the first after)."""
        defined = self.defined.get(cls, [])
        keys = {k for _, k in defined if k}
        if len(keys) == 1:
            return keys.pop()
        for pool in (defined, self.suffixed.get(cls, [])):
            before = [k for p, k in pool if p <= pos and k]
            if before:
                return before[-1]
        after = [k for p, k in self.suffixed.get(cls, []) if k]
        if after:
            return after[0]
        named = [k for _, k in self.regions.get(cls, []) if k]  # 'the province': the one the article names most
        return max(dict.fromkeys(named), key=named.count) if named else ""


def _strip_leading(name: str) -> str:
    """Drop sentence-initial function words a capitalised run picks up ('The U.S. Food ...')."""
    name = re.split(r"(?<=\w{3})\. ", name)[0]  # a run of capitals does not cross a sentence end
    words = name.split()
    while words and words[0] in {"The", "A", "An", "In", "On", "But", "And", "Shares", "When", "U.S.", "US"}:
        words = words[1:]
    return " ".join(words).rstrip("'’")


def referents_for(text: str, aliases: object) -> Referents:
    """Referents of one article, keyed with the document set's aliases."""
    return Referents.from_text(text, lambda name: entity_key(name, aliases))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _region_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A region named alone, and a place placed in one ('Pellham Falls, B.C.'); built on first use."""
    alt = "|".join(re.escape(r) for r in sorted(regions(), key=len, reverse=True))
    region = re.compile(rf"(?<![\w.])(?P<region>{alt})(?![\w])")
    place = re.compile(rf"(?P<name>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){{0,3}}),\s+(?P<region>{alt})(?![\w])")
    return region, place


def regions_in(text: str) -> list[tuple[int, str, str]]:
    """(position, name, kind) of provinces and states named in text, and of towns placed in one ('Pellham Falls, B.C.')."""
    table = regions()
    region, place = _region_patterns()
    found = [(m.start(), *table[m.group("region")]) for m in region.finditer(text)]
    for m in place.finditer(text):
        name = _strip_leading(m.group("name").title() if m.group("name").isupper() else m.group("name"))
        if name and name not in table:
            found.append((m.start(), name, "town"))
    return sorted(found)
