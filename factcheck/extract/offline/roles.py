"""Roles and relations in a sentence: titles before names ('Foreign Minister Park Jin'), appositive roles ('X, head
of Y'), ministerial counterparts and family relations, each a Mention of the person it is told of."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.aliases import AliasTable
from factcheck.extract.entities import gazetteer
from factcheck.extract.offline.values import RELATIONS, Mention
from factcheck.models import Value, ValueType


# long: one pattern per way a role is written (title before a name, appositive, 'as'), in order
def find_roles(text: str, aliases: AliasTable) -> list[Mention]:
    """Titles before names, appositive roles ('X, head of Y'), ministerial counterparts, relations."""
    out: list[Mention] = []
    titled: list[tuple[int, str]] = []
    for match in _title_pattern().finditer(text):
        name = _person_prefix(match.group("name"), aliases)
        if not name:
            continue
        title = match.group("title") + (match.group("of") or "")
        end = match.start("name") + len(name)
        value = Value(type=ValueType.TEXT, text=title.strip(), normalized=" ".join(title.lower().split()))
        out.append(Mention(match.start(), end, "role", value, name=name, name_start=match.start("name")))
        titled.append((match.start(), match.group("title")))
    people = sorted({*aliases.people, *_org_names(text)}, key=len, reverse=True)
    if not people:
        return out
    names = "|".join(re.escape(p) for p in people)
    for match in re.finditer(
        r"(?P<name>"
        + names
        + r")(?:\s+of\s+[A-Z][\w ]+?)?,\s+(?P<role>(?!(?:who|which|that|whose|whom)\b)"
        + r"(?:(?:the|a|an)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:of|for)\s+[^,.;]+?)(?=,|\.(?:\s|$)|;|$)",
        text,
    ):
        role = re.sub(r"^(?:the|a|an)\s+", "", match.group("role"))
        value = Value(type=ValueType.TEXT, text=match.group("role"), normalized=" ".join(role.lower().split()))
        out.append(
            Mention(match.start(), match.end(), "role", value, name=match.group("name"), name_start=match.start())
        )
    out += [m for m in portfolio_roles(text, names) if not any(m.start < o.end and o.start < m.end for o in out)]
    for match in re.finditer(
        r"\b(?:his|her|their)\s+(?:[A-Z][\w-]*\s+){0,2}counterpart,?\s+(?P<name>" + names + r")", text
    ):
        earlier = [t for pos, t in titled if pos < match.start() and "Minister" in t and t != "Prime Minister"]
        if earlier:
            title = earlier[-1]
            value = Value(type=ValueType.TEXT, text="counterpart", normalized=title.lower())
            out.append(
                Mention(
                    match.start(), match.end(), "role", value, name=match.group("name"), name_start=match.start("name")
                )
            )
    for match in re.finditer(
        r"\b(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+(?P<rel>"
        + "|".join(RELATIONS)
        + r"),?\s+(?P<name>"
        + names
        + r")",
        text,
    ):
        value = Value(type=ValueType.ENTITY, text=match.group("name"), normalized=aliases.key(match.group("name")))
        out.append(
            Mention(
                match.start(),
                match.end(),
                "relation",
                value,
                noun=match.group("rel"),
                name=match.group("owner"),
                name_start=match.start(),
            )
        )
    return out


# A ministerial title keeps its portfolio: "Fisheries Minister", "Environment Secretary", "Minister of Health".
_NOT_PORTFOLIO = (
    r"(?!(?:The|A|An|This|That|Then|Former|Prime|Vice|Deputy|Acting|New|Our|His|Her|Its|Their|Junior|Senior|State|"
    r"Cabinet|Chief|General|Permanent)\b)"
)
PORTFOLIO_TITLE = r"(?:" + _NOT_PORTFOLIO + r"[A-Z][a-z]+\s+){1,2}(?:Minister|Secretary)(?!\s+of\b)"
_LOWER_ROLE = r"(?<![\w'’])(?:[a-z]+\s+){1,2}(?:minister|secretary)"


def portfolio_roles(text: str, names: str) -> list[Mention]:
    """Appositive portfolio roles: 'Helen Marsh, Britain's fisheries minister,' and 'Britain's fisheries minister, Helen Marsh'."""
    out: list[Mention] = []
    owner = r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+|the\s+)?"
    patterns = (
        r"(?P<name>" + names + r"),\s+" + owner + r"(?P<role>" + _LOWER_ROLE + r")(?=\s*[,.;]|\s*$)",
        r"\b" + owner + r"(?P<role>" + _LOWER_ROLE + r"),\s+(?P<name>" + names + r")\b",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            role = " ".join(match.group("role").lower().split())
            value = Value(type=ValueType.TEXT, text=match.group("role"), normalized=role)
            out.append(
                Mention(
                    match.start(), match.end(), "role", value, name=match.group("name"), name_start=match.start("name")
                )
            )
    return out


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    gaz = gazetteer()
    titles = "|".join(re.escape(t) for t in gaz.titles if t[:1].isupper() and t not in {"Leader", "Chief"})
    demonyms = "|".join(re.escape(d.title()) for d in sorted(gaz.demonyms, key=len, reverse=True))
    return re.compile(
        r"(?:(?:"
        + demonyms
        + r"|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s)\s+)?(?P<title>"
        + titles
        + "|"
        + PORTFOLIO_TITLE
        + r")"
        r"(?P<of>\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,5}(?:Ministry|Agency|Office|Council|Department|Committee|Bureau))?"
        r",?\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
    )


def _person_prefix(name: str, aliases: AliasTable) -> str | None:
    """The longest prefix of name that is a known person, or a single known surname."""
    words = name.split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if candidate in aliases.people or (n == 1 and aliases.person(candidate)):
            return candidate
    return None


def _org_names(text: str) -> set[str]:
    return {m.group(0) for m in re.finditer(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:Corp\.|Inc\.|Co\.|Ltd\.)", text)}
