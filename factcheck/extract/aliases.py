"""Aliases learned from a document set: acronyms and their expansions, "X called/known as Y" descriptions,
and the full names of people, so that "Yoon" and "President Yoon" get the key of "Yoon Suk Yeol"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck import lexicon
from factcheck.extract.entities import (
    _FUNCTION_WORDS,
    _fold,
    _initials_match,
    country_key,
    entity_key,
    fold_accents,
    gazetteer,
    slug,
)

_UPPER, _LOWER = "[A-ZÀ-ÖØ-Þ]", "[a-zß-öø-ÿ]"
# Words that open a clause ('If Han returned', 'When Maria Lopez spoke', 'But Kim'), capitalised only where
# they open a sentence, never begin a person's name; inside a run only joiners and determiners end it
# ('Moon Jae In' keeps its 'In').
_JOINERS = lexicon.words("extract_offline_subjects_leading_drop") | lexicon.words("extract_entities_determiners")
_NOT_NAME_OPENERS = _JOINERS | lexicon.words("function_words") | lexicon.words("extract_offline_text_subordinators")
_NAME_TOKEN = r"[A-Z][\w’'.-]*"
_PERSON_RUN = re.compile(f"{_UPPER}{_LOWER}+(?:-[A-Za-z]+)*(?:\\s+{_UPPER}{_LOWER}+(?:-[A-Za-z]+)*)+")
_CAPSEQ = re.compile(_NAME_TOKEN + r"(?:\s+(?:of|and|for|the)?\s*" + _NAME_TOKEN + r")*")
_ACRONYM = re.compile(r"\b[A-Z]{2,8}s?\b")
_PAREN_ACRONYM = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*\s+(?:(?:of|and|for|the)\s+)?){1,9}[A-Z][\w-]*)\s+\((?P<acr>[A-Z]{2,8})\)"
)
_DESCRIBED = re.compile(
    r"\b(?:the|a|an|its|their|of)\s+(?P<desc>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})(?:\s+between\s+[\w\s]+?)?\s*,?\s+(?:called|known as|dubbed|named)\s+"
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w-]*)(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w-]*)*)"
)


@dataclass
class AliasTable:
    """Aliases learned from a document set: acronyms, descriptions and people's surnames."""

    aliases: dict[str, str] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)
    mentions: dict[str, int] = field(default_factory=dict)
    name_pairs: set[tuple[str, str]] = field(default_factory=set)

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
            words = match.group(0).split(" ")
            if len(words) > 1 and words[1][:1].isupper() and not re.search(r"(?:[.,;:!?]|['’]s)$", words[0]):
                self.name_pairs.add((_bare(words[0]), _bare(words[1])))
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
                    not word
                    or word in gaz.not_person_words
                    or _is_titleword(word)
                    or word.lower() in (_JOINERS if run else _NOT_NAME_OPENERS)
                    or word.lower() in gaz.demonyms
                    or word.lower() in _MONTHS_DAYS
                    or country_key(word) is not None
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
        never filed under a relative who shares the surname ('Ivanka Trump'). A word that also opens a
        longer name which is no person ('Acme' of 'Acme Tower' and 'Acme Holdings') is no given name.
        """
        token = fold_accents(token)
        matches = [
            p
            for p in self.people
            if (token == fold_accents(p.split()[-1]) or (token == fold_accents(p.split()[0]) and self._given(token)))
            and (not titled or p in self.titled)
        ]
        if not matches:
            return None
        rank = {p: (self.mentions.get(p, 1), p in self.titled) for p in matches}
        top = max(rank.values())
        return [p for p in matches if rank[p] == top][-1]

    def _given(self, token: str) -> bool:
        """Whether the token names one person by their first name: it opens the names of no two people, and no
        two-word name that is no person's."""
        starts = [(_bare(p.split()[0]), _bare(p.split()[1])) for p in self.people]
        if len({pair for pair in starts if pair[0] == token}) > 1:
            return False  # 'Acme' of 'Acme Tower' and 'Acme Holdings', both read as names of people
        return all(pair in starts for pair in self.name_pairs if pair[0] == token)

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


_MONTHS_DAYS = lexicon.exact("extract_aliases_months_days")


def _bare(word: str) -> str:
    """A name word without accents, possessive or trailing punctuation: 'Hefner’s,' -> 'Hefner'."""
    return re.sub(r"(?:['’]s)?\W*$", "", fold_accents(word))


def _strip_modifiers(desc: str) -> str:
    words = [w for w in desc.split() if w.lower() not in gazetteer().event_modifiers]
    while len(words) > 1 and words[0].endswith("ed"):
        words = words[1:]
    return " ".join(words)


def _trim_to_acronym(name: str, acr: str) -> tuple[str | None, str]:
    """Drop leading words of name until its initials spell the acronym."""
    words = name.split()
    for i in range(len(words)):
        if words[i].lower() in _FUNCTION_WORDS:
            continue
        if _initials_match(words[i:], acr):
            return " ".join(words[i:]), acr
    return None, acr


def _is_titleword(word: str) -> bool:
    return any(word == t.split()[0] or word in t.split() for t in gazetteer().titles)
