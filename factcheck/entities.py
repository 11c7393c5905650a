"""Entity keys: one normal form for the many ways articles name the same person, state or thing.

Static knowledge (factcheck/data): world countries with capitals, demonyms and other names;
titles; common abbreviations. Learned knowledge (AliasTable, per document set): acronyms and
their expansions, "X called/known as Y" descriptions, and surnames of people named in full.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "such"}
_FUNCTION_WORDS = {"of", "and", "for", "the", "on", "in", "to", "de", "la"}
_AGED = re.compile(r"\d{1,3}-year-old|\w+-year-old", re.I)  # '53-year-old Igor' is Igor
_UPPER, _LOWER = "[A-ZÀ-ÖØ-Þ]", "[a-zß-öø-ÿ]"
_PERSON_RUN = re.compile(f"{_UPPER}{_LOWER}+(?:-[A-Za-z]+)*(?:\\s+{_UPPER}{_LOWER}+(?:-[A-Za-z]+)*)+")
_POSSESSIVE = re.compile(r"['’]s?$")
_GOVERNMENT = re.compile(r"^(?:the\s+)?(?:(?P<a>.+?)['’]s\s+government|(?P<b>.+?)\s+government|government\s+of\s+(?P<c>.+))$", re.I)
_NAME_TOKEN = r"[A-Z][\w’'.-]*"
_CAPSEQ = re.compile(_NAME_TOKEN + r"(?:\s+(?:of|and|for|the)?\s*" + _NAME_TOKEN + r")*")
_ACRONYM = re.compile(r"\b[A-Z]{2,8}s?\b")
_PAREN_ACRONYM = re.compile(r"(?P<name>(?:[A-Z][\w-]*\s+(?:(?:of|and|for|the)\s+)?){1,9}[A-Z][\w-]*)\s+\((?P<acr>[A-Z]{2,8})\)")
_DESCRIBED = re.compile(
    r"\b(?:the|a|an|its|their|of)\s+(?P<desc>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})(?:\s+between\s+[\w\s]+?)?\s*,?\s+(?:called|known as|dubbed|named)\s+"
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w-]*)(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w-]*)*)"
)


# A ministerial title with its portfolio before a name: "Fisheries Minister Helen Marsh".
_PORTFOLIO = re.compile(
    r"^(?P<title>(?:(?!(?:The|A|An|Then|Former|Prime|Vice|Deputy)\b)[A-Z][a-z]+\s+){1,2}(?:Minister|Secretary))\s+(?P<rest>[A-Z].*)$"
)


@dataclass(frozen=True)
class Gazetteer:
    """Static name knowledge loaded from the package data files."""

    countries: dict[str, str]
    capitals: dict[str, str]
    demonyms: dict[str, str]
    titles: tuple[str, ...]
    honorifics: frozenset[str]
    abbreviations: dict[str, str]
    fold_heads: dict[str, str]
    event_modifiers: frozenset[str]
    not_person_words: frozenset[str]
    title_prefixes: tuple[str, ...]
    metonyms: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the data files once."""
    data = resources.files("factcheck") / "data"
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    lines = [ln for ln in (data / "countries.tsv").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.reader(lines, delimiter="\t"):
        row += [""] * (4 - len(row))
        name, capital, demonym, others = (cell.strip() for cell in row[:4])
        key = slug(name)
        countries[name.lower()] = key
        for other in filter(None, (o.strip() for o in others.split(","))):
            countries[other.lower()] = key
        if capital and capital.lower() not in countries:
            capitals[capital.lower()] = key
        if demonym:
            demonyms[demonym.lower()] = key
    extra: dict[str, Any] = yaml.safe_load((data / "aliases.yaml").read_text(encoding="utf-8"))
    return Gazetteer(
        countries=countries,
        capitals=capitals,
        demonyms=demonyms,
        titles=tuple(sorted(extra["titles"], key=len, reverse=True)),
        honorifics=frozenset(extra["honorifics"]),
        abbreviations={k: v for k, v in extra["abbreviations"].items()},
        fold_heads=dict(extra["fold_heads"]),
        event_modifiers=frozenset(extra["event_modifiers"]),
        not_person_words=frozenset(extra["not_person_words"]),
        title_prefixes=tuple(extra.get("title_prefixes", [])),
        metonyms={name.lower(): slug(target) for name, target in (extra.get("metonyms") or {}).items()},
    )


def slug(text: str) -> str:
    """Lower-case words joined by '_', accents folded ('Perón' -> 'peron')."""
    return "_".join(re.findall(r"[a-z0-9]+", fold_accents(text).lower().replace("’", "'").replace("'", "")))


def fold_accents(text: str) -> str:
    """Drop combining marks after NFKD decomposition: 'José Perón' -> 'Jose Peron'."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean_name(name: str) -> str:
    """Strip quotes, determiners, a trailing possessive and punctuation."""
    text = " ".join(name.replace("“", "").replace("”", "").replace('"', "").split()).strip(" ,;:")
    text = _POSSESSIVE.sub("", text) if re.search(r"\w['’]s?$", text) and not text.endswith("s'") else text
    words = text.split()
    while len(words) > 1 and (words[0].lower() in _DETERMINERS or _AGED.fullmatch(words[0])):
        words = words[1:]
    return " ".join(words).rstrip(".") if not re.search(r"\b[A-Z]\.$|\b(?:Corp|Co|Inc|Ltd)\.$", " ".join(words)) else " ".join(words)


def split_title(name: str) -> tuple[str | None, str]:
    """Split a leading title (with an optional nationality, e.g. 'South Korean President') from a name."""
    gaz = gazetteer()
    text = clean_name(name)
    for prefix in gaz.title_prefixes:
        if text.startswith(prefix + " ") or prefix.endswith("-") and text.startswith(prefix):
            rest = text[len(prefix) :].strip()
            low = rest.lower()
            # 'New President Yoon' loses its prefix; 'New York City' keeps it: a title must follow.
            if any(low.startswith(t.lower() + " ") for t in (*gaz.titles, *gaz.demonyms)) or _PORTFOLIO.match(rest):
                text = rest
            break
    nationality = ""
    for demonym in sorted(gaz.demonyms, key=len, reverse=True):
        if text.lower().startswith(demonym + " ") or text.lower().startswith(demonym + "'s "):
            nationality, text = text[: len(demonym)], re.sub(r"^['’]s\s+|^\s+", "", text[len(demonym) :])
            break
    for title in gaz.titles:
        if text.lower().startswith(title.lower() + " ") and len(text) > len(title) + 1:
            rest = text[len(title) :].strip()
            if _looks_like_person(rest):
                return title, rest
    portfolio = _PORTFOLIO.match(text)
    if portfolio and _looks_like_person(portfolio.group("rest")):
        return portfolio.group("title"), portfolio.group("rest")
    for honorific in gaz.honorifics:
        if text.startswith(honorific + " "):
            return None, text[len(honorific) :].strip()
    return None, (f"{nationality} {text}".strip() if nationality else text)


def country_key(name: str) -> str | None:
    """The country key for a country name, other name, abbreviation, capital or demonym; else None."""
    gaz = gazetteer()
    text = clean_name(name)
    low = text.lower()
    for candidate in (low, low.replace(".", "") if "." in low and len(low) <= 6 else low):
        if candidate in gaz.countries:
            return gaz.countries[candidate]
    if text.upper() == text and low in gaz.countries:
        return gaz.countries[low]
    if low in gaz.metonyms:
        return gaz.metonyms[low]
    if low in gaz.capitals:
        return gaz.capitals[low]
    if low in gaz.demonyms:
        return gaz.demonyms[low]
    return None


def organisation_key(name: str) -> str | None:
    """Key of a well-known organisation by its name or abbreviation (European Union, EU, U.N.)."""
    gaz = gazetteer()
    full = gaz.abbreviations.get(name, name)
    if full in gaz.abbreviations.values():
        return slug(full)
    return None


def place_key(name: str) -> str:
    """Key of a place as a location: countries fold their other names, but a city stays itself."""
    text = clean_name(name)
    low = text.lower()
    gaz = gazetteer()
    if low in gaz.countries:
        return gaz.countries[low]
    return slug(text)


@dataclass
class AliasTable:
    """Aliases learned from a document set: acronyms, descriptions and people's surnames."""

    aliases: dict[str, str] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)
    mentions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> AliasTable:
        """Learn from every text: acronyms first (they must be known to read descriptions)."""
        table = cls()
        texts = list(texts)
        for text in texts:
            table.learn_acronyms(text)
        for text in texts:
            table.learn_descriptions(text)
            table.learn_people(text)
        return table

    def learn_acronyms(self, text: str) -> None:
        """'Long Name (ACR)' pairs, and any capitalised name whose initials spell an acronym in the set."""
        for match in _PAREN_ACRONYM.finditer(text):
            name, acr = _trim_to_acronym(match.group("name"), match.group("acr"))
            if name:
                self.aliases[slug(name)] = acr.lower()
                self.acronyms.add(acr)
        for match in _ACRONYM.finditer(text):
            acr = match.group(0).rstrip("s")
            if len(acr) >= 3 and acr.lower() not in gazetteer().countries and acr.lower() not in gazetteer().capitals:
                self.acronyms.add(acr)

    def learn_descriptions(self, text: str) -> None:
        """'the intelligence-sharing pact called the General Security ... Agreement' and the like."""
        for match in _CAPSEQ.finditer(text):
            self._link_acronym(match.group(0))
        for match in _DESCRIBED.finditer(text):
            desc = _strip_modifiers(match.group("desc"))
            name = match.group("name")
            if not desc or len(desc.split()) > 4:
                continue
            target = self.key(name)
            desc_key = _fold(slug(desc))
            if desc_key.endswith("talks"):
                self.aliases.setdefault(target, desc_key)
            elif desc_key != target:
                self.aliases.setdefault(desc_key, target)

    def learn_people(self, text: str) -> None:
        """Runs of two to four capitalised words that are not titles, places or organisation words."""
        gaz = gazetteer()
        for match in re.finditer(_PERSON_RUN, text):
            run: list[str] = []
            after_title = False
            for word in [*match.group(0).split(), ""]:
                bad = (
                    not word or word in gaz.not_person_words or _is_titleword(word) or word in ("The", "But", "And")
                    or word.lower() in gaz.demonyms or word.lower() in _MONTHS_DAYS or country_key(word) is not None
                )
                if not bad:
                    run.append(word)
                    continue
                if 2 <= len(run) <= 4 and country_key(" ".join(run)) is None:
                    name = " ".join(run)
                    if name not in self.people:
                        self.people.append(name)
                    self.mentions[name] = self.mentions.get(name, 0) + 1
                    if after_title:
                        self.titled.add(name)
                after_title = bool(word) and _is_titleword(word)
                run = []

    def person(self, token: str, titled: bool = False) -> str | None:
        """The full name a single surname or given name refers to: the most mentioned (latest on a tie).

        A titled surname ('President Trump') refers only to a person also named with a title, so it is
        never filed under a relative who shares the surname ('Ivanka Trump').
        """
        token = fold_accents(token)
        matches = [p for p in self.people if token in (fold_accents(p.split()[0]), fold_accents(p.split()[-1])) and (not titled or p in self.titled)]
        if not matches:
            return None
        rank = {p: (self.mentions.get(p, 1), p in self.titled) for p in matches}
        top = max(rank.values())
        return [p for p in matches if rank[p] == top][-1]

    def _link_acronym(self, name: str) -> None:
        words = name.split()
        if len(words) < 3:
            return
        for acr in self.acronyms:
            if _initials_match(words, acr):
                self.aliases.setdefault(slug(name), acr.lower())

    def key(self, name: str) -> str:
        """entity_key using this table."""
        return entity_key(name, self)

    def resolve(self, key: str) -> str:
        """Follow learned aliases to the end of the chain."""
        seen = {key}
        while key in self.aliases and self.aliases[key] not in seen:
            key = self.aliases[key]
            seen.add(key)
        return key


_MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


@lru_cache(maxsize=1)
def regions() -> dict[str, tuple[str, str]]:
    """Spelling (name or abbreviation) -> (full name, kind) of the provinces and states in data/regions.tsv;
    a territory counts as a province."""
    text = resources.files("factcheck").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, kind, abbrevs = (line.split("\t") + ["", ""])[:3]
            for spelling in [name, *filter(None, abbrevs.split("|"))]:
                table[spelling] = (name, "province" if kind == "territory" else kind)
    return table


@lru_cache(maxsize=1)
def region_names() -> dict[str, str]:
    """Lower-cased spelling -> full name of the provinces and states."""
    return {spelling.lower(): name for spelling, (name, _) in regions().items()}


def entity_key(name: str, aliases: AliasTable | None = None) -> str:
    """Normal form of an entity name: titles stripped, abbreviations, capitals and aliases folded."""
    gaz = gazetteer()
    region = region_names().get(" ".join(name.split()).lower().removeprefix("the "))
    if region and not country_key(region):  # 'British Columbia' is not a demonym + noun; 'Washington' stays the US
        return slug(region)
    text = clean_name(name)
    if not text:
        return ""
    gov = _GOVERNMENT.match(text)
    if gov:
        inner = gov.group("a") or gov.group("b") or gov.group("c") or ""
        country = country_key(inner)
        if country:
            return country
    text = gaz.abbreviations.get(text, text)
    country = country_key(text) or organisation_key(text)
    if country:
        return country
    _, rest = split_title(text)
    if rest != text:
        if aliases is not None and len(rest.split()) == 1 and rest[:1].isupper():
            full = aliases.person(rest, titled=True)
            return slug(full) if full else _fold(slug(rest))
        return entity_key(rest, aliases)
    trailing = re.match(r"^(?:[A-Z][\w-]*\s+)*(?:(?!(?:of|and|for|the|on|in|to)\s)[a-z][\w-]*\s+)+(?P<name>(?:[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*)*)$", text)
    if trailing and not text[:1].islower():
        return entity_key(trailing.group("name"), aliases)
    owner = re.match(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$", text)
    if owner and country_key(owner.group("owner")):
        return f"{country_key(owner.group('owner'))}_{_fold(slug(owner.group('rest')))}"
    for demonym, country in gazetteer().demonyms.items():
        if text.lower().startswith(demonym + " ") and len(text.split()) > len(demonym.split()):
            return f"{country}_{_fold(slug(text[len(demonym):]))}"
    words = text.split()
    if aliases is not None:
        if len(words) == 1 and words[0][:1].isupper():
            full = aliases.person(words[0])
            if full:
                return slug(full)
        if words and words[-1].rstrip("s") in aliases.acronyms:
            return words[-1].rstrip("s").lower()
        key = aliases.resolve(_fold(slug(text)))
        if key != _fold(slug(text)):
            return key
        key = aliases.resolve(slug(text))
        if key != slug(text):
            return key
    return _fold(slug(text))


def event_key(phrase: str, participants: Sequence[str], aliases: AliasTable | None = None) -> str:
    """Key of an event: sorted participant keys, the distinguishing words, the folded head noun."""
    gaz = gazetteer()
    found: set[str] = set(participants)
    kept: list[str] = []
    for kind, token in name_parts(clean_name(phrase), aliases):
        if kind == "word":
            if token.lower() not in gaz.event_modifiers:
                kept.append(token)
        else:
            found.add(token)
    body = _fold(slug(" ".join(kept))) if kept else "talks"
    if aliases is not None:
        body = aliases.resolve(body)
    return "_".join([*sorted(found), body]) if found else body


def name_parts(text: str, aliases: AliasTable | None = None) -> list[tuple[str, str]]:
    """Split a phrase into ('entity', key) for countries/capitals/demonyms/people and ('word', w) for the rest."""
    tokens: list[str] = []
    for word in re.findall(r"[\w.'’]+(?:-[\w.'’]+)*", text):
        word = _POSSESSIVE.sub("", word) if re.search(r"\w['’]s$", word) else word
        parts = word.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            tokens.extend(parts)
        else:
            tokens.append(word)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        for n in (4, 3, 2, 1):
            chunk = " ".join(tokens[i : i + n])
            if len(tokens[i : i + n]) < n or not chunk[:1].isupper():
                continue
            key = country_key(chunk) or organisation_key(chunk)
            if key is None and aliases is not None and n == 1:
                full = aliases.person(chunk)
                key = slug(full) if full else None
            if key is None and aliases is not None and n > 1 and chunk in aliases.people:
                key = slug(chunk)
            if key:
                out.append(("entity", key))
                i += n
                break
        else:
            out.append(("word", tokens[i]))
            i += 1
    return out


def _fold(key: str) -> str:
    """Fold the head noun (last word) of a key: pact/accord -> agreement, dialogue/meeting -> talks."""
    parts = key.split("_")
    if parts and parts[-1] in gazetteer().fold_heads:
        parts[-1] = gazetteer().fold_heads[parts[-1]]
    return "_".join(parts)


def _strip_modifiers(desc: str) -> str:
    words = [w for w in desc.split() if w.lower() not in gazetteer().event_modifiers]
    while len(words) > 1 and words[0].endswith("ed"):
        words = words[1:]
    return " ".join(words)


def _looks_like_person(text: str) -> bool:
    """One to four capitalised words, none of them an organisation or place word."""
    words = text.split()
    gaz = gazetteer()
    return 0 < len(words) <= 4 and all(w[:1].isupper() and w not in gaz.not_person_words for w in words)


def _is_titleword(word: str) -> bool:
    return any(word == t.split()[0] or word in t.split() for t in gazetteer().titles)


def _trim_to_acronym(name: str, acr: str) -> tuple[str | None, str]:
    """Drop leading words of name until its initials spell the acronym."""
    words = name.split()
    for i in range(len(words)):
        if words[i].lower() in _FUNCTION_WORDS:
            continue
        if _initials_match(words[i:], acr):
            return " ".join(words[i:]), acr
    return None, acr


def spells_acronym(words: Sequence[str], acr: str) -> bool:
    """Whether the initials of words spell acr ('General Security of Military Information Agreement', 'GSOMIA')."""
    return _initials_match(words, acr)


def _initials_match(words: Sequence[str], acr: str) -> bool:
    """Do the words' initials spell acr? Function words may count or be skipped."""
    letters = acr.upper()

    def walk(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(letters)
        word = words[i]
        first = word[:1].upper()
        if word.lower() in _FUNCTION_WORDS:
            skip = walk(i + 1, j)
            return skip or (j < len(letters) and first == letters[j] and walk(i + 1, j + 1))
        parts = [p[:1].upper() for p in word.split("-") if p]
        if len(parts) > 1 and "".join(parts) == letters[j : j + len(parts)] and walk(i + 1, j + len(parts)):
            return True
        return j < len(letters) and first == letters[j] and walk(i + 1, j + 1)

    return len(words) >= 2 and walk(0, 0)
