"""Entity keys: one normal form for the many ways articles name the same person, state or thing.

Static knowledge (factcheck/data): world countries with capitals, demonyms and other names;
titles; common abbreviations. Learned knowledge (AliasTable, per document set): acronyms and
their expansions, "X called/known as Y" descriptions, and surnames of people named in full.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from factcheck import lexicon

if TYPE_CHECKING:
    from factcheck.extract.aliases import AliasTable

_DETERMINERS = lexicon.exact("extract_entities_determiners")
_FUNCTION_WORDS = lexicon.exact("extract_entities_function_words")
_AGED = re.compile(r"\d{1,3}-year-old|\w+-year-old", re.I)  # '53-year-old Igor' is Igor
_POSSESSIVE = re.compile(r"['’]s?$")
_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?P<a>.+?)['’]s\s+government|(?P<b>.+?)\s+government|government\s+of\s+(?P<c>.+))$", re.I
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
    lines = [
        ln for ln in (data / "countries.tsv").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
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


_DESIGNATION_HYPHEN = re.compile(r"(?<=\b[a-z])-(?=\d)|(?<=\b[a-z]{2})-(?=\d)", re.I)


def slug(text: str) -> str:
    """Lower-case words joined by '_', accents folded ('Perón' -> 'peron'), a designation's hyphen between
    one or two letters and its number dropped ('W-48' and 'W48' -> 'w48', 'F-16' -> 'f16')."""
    text = _DESIGNATION_HYPHEN.sub("", fold_accents(text))
    return "_".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", "")))


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
    return (
        " ".join(words).rstrip(".")
        if not re.search(r"\b[A-Z]\.$|\b(?:Corp|Co|Inc|Ltd)\.$", " ".join(words))
        else " ".join(words)
    )


def split_title(name: str) -> tuple[str | None, str]:
    """Split a leading title (with an optional nationality, e.g. 'South Korean President') from a name."""
    gaz = gazetteer()
    text = clean_name(name)
    for prefix in gaz.title_prefixes:
        if text.startswith(prefix + " ") or (prefix.endswith("-") and text.startswith(prefix)):
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


@lru_cache(maxsize=1)
def regions() -> dict[str, tuple[str, str]]:
    """Spelling (name or abbreviation) -> (full name, kind) of the provinces and states in data/regions.tsv;
    a territory counts as a province."""
    text = resources.files("factcheck").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, kind, abbrevs = ([*line.split("\t"), "", ""])[:3]
            for spelling in [name, *filter(None, abbrevs.split("|"))]:
                table[spelling] = (name, "province" if kind == "territory" else kind)
    return table


@lru_cache(maxsize=1)
def region_names() -> dict[str, str]:
    """Lower-cased spelling -> full name of the provinces and states."""
    return {spelling.lower(): name for spelling, (name, _) in regions().items()}


def entity_key(name: str, aliases: AliasTable | None = None) -> str:  # noqa: C901 - one ordered fold per way a name is written
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
    trailing = re.match(
        r"^(?:[A-Z][\w-]*\s+)*(?:(?!(?:of|and|for|the|on|in|to)\s)[a-z][\w-]*\s+)+(?P<name>(?:[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*)*)$",
        text,
    )
    if trailing and not text[:1].islower():
        return entity_key(trailing.group("name"), aliases)
    owner = re.match(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$", text)
    if owner and country_key(owner.group("owner")):
        return f"{country_key(owner.group('owner'))}_{_fold(slug(owner.group('rest')))}"
    for demonym, country in gazetteer().demonyms.items():
        if text.lower().startswith(demonym + " ") and len(text.split()) > len(demonym.split()):
            return f"{country}_{_fold(slug(text[len(demonym) :]))}"
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


def _looks_like_person(text: str) -> bool:
    """One to four capitalised words, none of them an organisation or place word."""
    words = text.split()
    gaz = gazetteer()
    return 0 < len(words) <= 4 and all(w[:1].isupper() and w not in gaz.not_person_words for w in words)


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


def __getattr__(name: str) -> Any:
    """`AliasTable` lives in factcheck.extract.aliases; importing it from here still works."""
    if name == "AliasTable":
        from factcheck.extract.aliases import AliasTable

        return AliasTable
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
