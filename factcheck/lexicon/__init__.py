"""The shared lexicon: named word lists from factcheck/data/lexicon.yaml, loaded once."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

_FILE = "lexicon.yaml"


def _loader(native: bool = yaml.__with_libyaml__) -> type[yaml.CSafeLoader | yaml.SafeLoader]:
    """A safe YAML loader without implicit booleans: a bare 'no', 'on', 'yes' or 'false' in a word list is that word."""
    base = yaml.CSafeLoader if native else yaml.SafeLoader  # libyaml's parser, where built: same data, ~6x faster
    resolvers = {
        first: [(tag, regexp) for tag, regexp in found if tag != "tag:yaml.org,2002:bool"]
        for first, found in base.yaml_implicit_resolvers.items()
    }
    return type("LexiconLoader", (base,), {"yaml_implicit_resolvers": resolvers})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """The whole lexicon file."""
    text = resources.files("factcheck").joinpath("data", _FILE).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_loader())
    if not isinstance(data, dict):
        raise ValueError(f"factcheck/data/{_FILE}: expected a mapping of named lists")
    return data


@cache
def words(name: str) -> frozenset[str]:
    """A named word list, lower case ('series_nouns', 'link_lines')."""
    return frozenset(str(w).lower() for w in _data()[name])


@cache
def exact(name: str) -> frozenset[str]:
    """A named word set as written, case kept (a rule's set of words, abbreviations or names)."""
    return frozenset(str(w) for w in _data()[name])


def table(name: str) -> dict[str, Any]:
    """A named mapping ('number_words', 'scales', 'ordinals', 'units', 'time_units'); a copy, safe to change."""
    return dict(_table(name))


@cache
def _table(name: str) -> tuple[tuple[str, Any], ...]:
    """A named mapping as lower-case key/value pairs, read once."""
    return tuple((str(k).lower(), v) for k, v in _data()[name].items())


def items(name: str) -> list[dict[str, Any]]:
    """A named list of records ('currencies')."""
    return list(_data()[name])


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    """Qualifier phrase -> Value.qualifier ('above' -> 'more_than')."""
    return {phrase.lower(): kind for kind, phrases in _data()["qualifiers"].items() for phrase in phrases}


@lru_cache(maxsize=1)
def qualifier_pattern() -> str:
    """A regex alternation of the qualifier phrases, longest first, for a named group."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(qualifiers(), key=len, reverse=True))


def qualifier_of(phrase: str | None) -> str | None:
    """The qualifier kind of a phrase as written ('More than ' -> 'more_than', 'more than a ' before 'dozen'), or None."""
    words = phrase.lower().split() if phrase else []
    if words[-1:] in (["a"], ["an"]) and len(words) > 1:
        words = words[:-1]
    return qualifiers().get(" ".join(words)) if words else None


def reached(before: str, phrase: str) -> bool:
    """Whether a stated maximum after a verb of change names the amount reached, no bound ('the water grew up to
    three meters and a half': it reached them; lexicon `stated_maximum`, `change_verbs`)."""
    said = re.findall(r"[a-z]+", before.lower())
    maximum = " ".join(phrase.lower().split()) in words("stated_maximum")
    return maximum and bool(said) and said[-1] in words("change_verbs")


def find_qualifier(text: str) -> str | None:
    """The first qualifier phrase in a text, as its kind."""
    m = re.search(rf"\b(?:{qualifier_pattern()})\b", text, re.I)
    return qualifier_of(m.group(0)) if m else None


@cache
def phrase_pattern(*names: str) -> re.Pattern[str]:
    """A compiled regex matching any phrase of the named lists as whole words, longest first."""
    phrases = sorted(set().union(*(words(name) for name in names)), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b")
