"""Text values that differ in words yet can both be true: descriptions of one thing, one office qualified two ways.

- A *description* ("the sports brand Everlast" / "Everlast (yep, the boxing company)") says what kind of
  thing something is; a thing is of many kinds at once, so two descriptions never conflict. The
  attributes that hold descriptions are language data (`descriptive_attributes` in the lexicon).
- One *office* named by the same head noun, qualified before it on one side and after it on the other
  ("blog curator" / "curator of the website"), cannot be set word against word: not a conflict. Two
  offices qualified on the same side ("chief financial officer" / "chief operating officer") still
  differ, and so do different instance words ("deputy").
- A name before the head says *whose* office it is, not which ("Beavers coach" / "head coach", "Apple CEO" /
  "chief executive"): set aside, an office whose other qualifiers lie within the other's is not a conflict.
- Two *roles* of different kinds ("last remaining original member of the band" / "our beloved singer") are
  two things one person is; only two offices (`office_nouns`: "foreign minister" / "prime minister",
  "president" / "prime minister") can conflict or follow each other, and not where one is a duty done beside
  a post (`duty_offices`: "RNC spokesman" / "Media Relations Officer").
- One kind of thing qualified in other words ("Celebrity gardener" / "TV gardener") describes one person two
  ways, unless the words pick out a country, a number or a rank.
- One *kind of person* within another ("husband" / "partner": WordNet's nouns for people, values/kinds.py)
  describes one person two ways; two kinds of one more general thing ("husband" / "wife") still conflict.
- A value *within* another ("the US" / "U.S.-led coalition forces", "Russia" / "Russian-backed rebels")
  names the whole and a part or what it leads: both can be true.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.extract.entities import country_key
from factcheck.models import Claim, Modality, ValueType
from factcheck.values.keys import instance_words
from factcheck.values.kinds import one_kind
from factcheck.values.meaning import root_of
from factcheck.values.opendates import weekday
from factcheck.values.text import content_tokens, stem
from factcheck.values.verdict import Verdict

_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


def descriptive(attribute: str) -> bool:
    """Whether an attribute holds what kind of thing something is ('description', 'described as')."""
    return bool(content_tokens(attribute) & {stem(w) for w in lexicon.words("descriptive_attributes")})


def _parts(text: str, names: bool = True) -> tuple[list[str], str, list[str]]:
    """A role phrase split into the words before its head, the head noun, and the words after it; without
    `names`, the capitalised words before the head (whose office it is) are left out."""
    raw = [w.strip(".,;:()\"'“”") for w in text.split()]
    tokens = [w for w in raw if w and w.lower() not in _DETERMINERS and not w.lower().endswith(("'s", "’s"))]
    ends = lexicon.words("office_ends")
    cut = next((n for n, w in enumerate(tokens) if w.lower() in ends), len(tokens))
    head = tokens[:cut]
    if not head:
        return [], "", []
    before = [w.lower() for w in head[:-1] if names or not w[:1].isupper()]
    return before, head[-1].lower(), [w.lower() for w in tokens[cut + 1 :]]


def qualified_apart(a: Claim, b: Claim) -> bool:
    """Whether two text values name one head noun, one qualified before it and the other after it."""
    if a.value.type != ValueType.TEXT or b.value.type != ValueType.TEXT:
        return False
    before_a, head_a, after_a = _parts(a.value.text)
    before_b, head_b, after_b = _parts(b.value.text)
    if not head_a or head_a != head_b:
        return False
    ranks = instance_words()
    if {ranks[w] for w in before_a if w in ranks} != {ranks[w] for w in before_b if w in ranks}:
        return False  # 'deputy curator' is not the curator
    return (bool(before_a) and not after_a and bool(after_b) and not before_b) or (
        bool(before_b) and not after_b and bool(after_a) and not before_a
    )


def owners_apart(a: Claim, b: Claim) -> bool:
    """Whether two text values name one head noun with no words after it, and, the names before it set aside,
    the qualifiers of one lie within the other's ('Beavers coach' / 'head coach')."""
    if a.value.type != ValueType.TEXT or b.value.type != ValueType.TEXT:
        return False
    before_a, head_a, after_a = _parts(a.value.text, names=False)
    before_b, head_b, after_b = _parts(b.value.text, names=False)
    if not head_a or head_a != head_b or after_a or after_b or before_a == before_b:
        return False
    ranks = instance_words()
    if {ranks[w] for w in before_a if w in ranks} != {ranks[w] for w in before_b if w in ranks}:
        return False
    return set(before_a) <= set(before_b) or set(before_b) <= set(before_a)


def may_both_hold(a: Claim, b: Claim, verdict: Verdict) -> bool:
    """Whether two values judged different can both be true: two descriptions, or one office qualified two ways."""
    if verdict != Verdict.DISAGREE:
        return False
    names = (ValueType.TEXT, ValueType.ENTITY)
    if a.value.type in names and b.value.type in names and descriptive(a.attribute) and descriptive(b.attribute):
        return True  # 'known since: 1990' / '2001' is no description
    return (
        qualified_apart(a, b)
        or owners_apart(a, b)
        or kinds_apart(a, b)
        or described_alike(a, b)
        or person_kinds(a, b)
        or within(a, b)
        or within(b, a)
        or planned_weekdays(a, b)
    )


def planned_weekdays(a: Claim, b: Claim) -> bool:
    """Whether two weekdays of undated articles date a plan ('will open on Friday' / 'on Monday'): written in weeks
    not known, the plan may have moved between them. A done act has one day, and so one weekday."""
    days = weekday(a.value.normalized) is not None and weekday(b.value.normalized) is not None
    return days and (a.modality != Modality.REPORTED or b.modality != Modality.REPORTED)


def _both_roles(a: Claim, b: Claim) -> bool:
    """Whether both claims' attributes hold what a person is ('role', 'occupation': `role_attributes`)."""
    roles = {stem(w) for w in lexicon.words("role_attributes")}
    return bool(content_tokens(a.attribute) & roles and content_tokens(b.attribute) & roles)


def kinds_apart(a: Claim, b: Claim) -> bool:
    """Whether two role values name different kinds of thing one is, not two offices ('member' / 'singer')."""
    if a.value.type != ValueType.TEXT or b.value.type != ValueType.TEXT:
        return False
    if not _both_roles(a, b):
        return False
    head_a, head_b = _parts(a.value.normalized)[1], _parts(b.value.normalized)[1]  # 'counterpart': 'foreign minister'
    offices = lexicon.words("office_nouns") - lexicon.words("duty_offices")  # a spokesman may be an officer
    return bool(head_a and head_b) and head_a != head_b and not (head_a in offices and head_b in offices)


def described_alike(a: Claim, b: Claim) -> bool:
    """Whether two role values name one kind of thing, not an office, qualified in other words before it that
    are common nouns picking out no country, number or rank: 'Celebrity gardener' / 'TV gardener' describe one
    person two ways; 'British actor' / 'American actor', 'defensive coach' / 'offensive coach' and 'deputy
    director' / 'director' still differ."""
    if a.value.type != ValueType.TEXT or b.value.type != ValueType.TEXT:
        return False
    if not _both_roles(a, b):
        return False
    before_a, head_a, after_a = _parts(a.value.text)
    before_b, head_b, after_b = _parts(b.value.text)
    if not head_a or head_a != head_b or head_a in lexicon.words("office_nouns") or after_a or after_b:
        return False
    ranks = instance_words()
    qualifiers = set(before_a) ^ set(before_b)
    if any(w in ranks or any(c.isdigit() for c in w) or country_key(w) is not None for w in qualifiers):
        return False
    nouns = _noun_modifiers(a.value.text) | _noun_modifiers(b.value.text)
    return bool(qualifiers) and qualifiers <= nouns  # 'defensive coach' / 'offensive coach': adjectives of one scale


def _noun_modifiers(text: str) -> set[str]:
    """The common nouns of a phrase's parse that modify another word ('TV' and 'celebrity' in 'TV gardener')."""
    root = root_of(text, 8)
    if root is None:
        return set()
    return {t.lower_ for t in root.doc if t.dep_ == "compound" and t.pos_ == "NOUN"}


def person_kinds(a: Claim, b: Claim) -> bool:
    """Whether two text values name, by their head nouns, a kind of person and a kind within it ('husband' /
    'bed-hopping partner')."""
    if a.value.type != ValueType.TEXT or b.value.type != ValueType.TEXT:
        return False
    head_a, head_b = _parts(a.value.text)[1], _parts(b.value.text)[1]
    return bool(head_a and head_b) and head_a != head_b and one_kind(head_a, head_b)


def within(a: Claim, b: Claim) -> bool:
    """Whether a's value names a country that b's value names as one of its words ('the US' / 'U.S.-led forces')."""
    names = (ValueType.TEXT, ValueType.ENTITY)
    if a.value.type not in names or b.value.type not in names:
        return False
    whole = country_key(a.value.text)
    if whole is None or country_key(b.value.text) == whole:
        return False
    return any(country_key(part) == whole for part in re.split(r"[\s\-–]+", b.value.text) if part)
