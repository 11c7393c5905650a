"""Keys that alignment starts from: subject keys folded across sources, attribute forms, disjoint sets."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from factcheck import lexicon
from factcheck.extract.entities import country_key, spells_acronym
from factcheck.models import Claim
from factcheck.values.text import content_tokens, slug


def head_word(subject_key: str, ends: frozenset[str]) -> str:
    """A subject key's head word: its last word before the first of `ends` ('level_of_water': level;
    'officer_of_playboy': officer), or '' when it opens with one."""
    words = subject_key.split("_")
    cut = next((n for n, word in enumerate(words) if word in ends), len(words))
    return words[cut - 1] if cut > 0 else ""


def type_words() -> frozenset[str]:
    """Words that only restate a value's type ('date', 'place', 'number')."""
    return lexicon.words("type_words")


def generic_units() -> frozenset[str]:
    """Units that say how something is measured, not what is counted ('percent', 'year')."""
    return lexicon.words("generic_units")


def speech_words() -> frozenset[str]:
    """Verbs of saying that an attribute may carry from its sentence ('share of women says'): not what the fact is."""
    return lexicon.words("attribute_speech_words")


def generic_attributes() -> frozenset[str]:
    """Attribute words any subject can have ('status', 'role', 'cost'): alone they do not name one fact."""
    return lexicon.words("generic_attributes")


def title_words() -> frozenset[str]:
    """Titles written with a capital before a name ('President', 'Minister'): not part of the name."""
    return lexicon.words("titles")


def rank_words() -> frozenset[str]:
    """Instances that a statement without them does not name ('deputy', 'former')."""
    return lexicon.words("ranks")


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """A state's word -> the first word of its group of synonyms ('restored' -> 'resumed')."""
    groups: list[list[str]] = [[str(w) for w in group] for group in lexicon.items("same_states")]
    return {word: group[0] for group in groups for word in group}


@lru_cache(maxsize=1)
def instance_words() -> dict[str, str]:
    """Word -> the instance it picks out ('initial' -> 'first', 'vice' -> 'deputy'; 'overrun' -> 'change')."""
    return {**lexicon.table("instance_words"), **{w: "change" for w in lexicon.words("quantity_change_words")}}


MAX_POSTING = 64  # a subject word shared by more keys than this is too common to fold on
ACRONYM_LENGTH = (3, 8)  # letters of a key that may be an acronym; a name spelling it needs as many words

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets with a deterministic representative (the smallest key)."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        root = self.parent.setdefault(x, x)
        while self.parent[root] != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if str(ra) <= str(rb) else (rb, ra)
            self.parent[hi] = lo


@dataclass(frozen=True)
class AttributeForm:
    """An attribute reduced to what matters for matching."""

    markers: frozenset[str]
    core: frozenset[str]

    @property
    def key(self) -> str:
        return " ".join(sorted(self.markers)) + "|" + " ".join(sorted(self.core))


@lru_cache(maxsize=65536)
def attribute_form(attribute: str) -> AttributeForm:
    """Stemmed content words of an attribute, with marker words apart and type words dropped."""
    tokens = content_tokens(attribute)
    marker_words = instance_words()
    markers = frozenset(marker_words[t] for t in tokens if t in marker_words)
    rest = frozenset(t for t in tokens if t not in marker_words)
    core = frozenset(t for t in rest if t not in type_words() and t not in speech_words()) or rest
    last = attribute.lower().split()[-1:]
    if last and last[0] in lexicon.words("agent_prepositions"):
        core |= {last[0]}  # 'kidnapped by: militants' names who did it; 'kidnapped in: Sanaa' where: two facts
    return AttributeForm(markers, core)


@dataclass
class Slot:
    """Claims about the same subject and attribute, with comparable value types."""

    subject_key: str
    attribute: str
    group: str
    claims: list[Claim] = field(default_factory=list)


def most_common(items: Iterable[str]) -> str:
    counts = Counter(items)
    return min(counts, key=lambda k: (-counts[k], len(k), k))


def acronym_folds(subjects: set[str]) -> dict[str, str]:
    """A spelled-out name folds into the one acronym key its initials spell
    ('general_security_of_military_information_agreement' -> 'gsomia'): an article read on its own
    cannot learn that another article's acronym names the same thing. An acronym that ends a qualified
    name ('japan_korea_gsomia') counts as that name when no key is the acronym alone."""
    acronyms: dict[str, list[str]] = defaultdict(list)
    for key in sorted(subjects):
        if "_" not in key and _acronym_like(key):
            acronyms[key[0]].append(key)
    ending: dict[str, set[str]] = defaultdict(set)  # an acronym -> the qualified names it ends
    for key in subjects:
        *qualifiers, last = key.split("_")
        if qualifiers and _acronym_like(last) and last not in subjects:
            ending[last].add(key)
    for acronym in sorted(ending):
        acronyms[acronym[0]].append(acronym)
    folds: dict[str, str] = {}
    for key in subjects:
        words = key.split("_")
        if len(words) < ACRONYM_LENGTH[0]:
            continue
        hits = [a for a in acronyms.get(words[0][:1], []) if spells_acronym(words, a)]
        if len(hits) == 1:
            named = ending.get(hits[0], {hits[0]})
            if len(named) == 1:
                folds[key] = next(iter(named))
    return folds


def _acronym_like(word: str) -> bool:
    """A word that may be an acronym: letters only, of an acronym's length, not a country's code."""
    return ACRONYM_LENGTH[0] <= len(word) <= ACRONYM_LENGTH[1] and word.isalpha() and country_key(word) is None


def fold_subjects(blocks: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """Within one attribute, fold a subject key into the one fuller key that contains all its words
    ('security_talks' -> 'japan_south_korea_security_talks'); other attributes are not affected."""
    by_block: dict[tuple[str, str], set[str]] = defaultdict(set)
    for subj, group, key in blocks:
        by_block[(group, key)].add(subj)
    folds: dict[tuple[str, str, str], str] = {}
    for (group, key), subjects in by_block.items():
        postings: dict[str, set[str]] = defaultdict(set)
        for k in subjects:
            for token in k.split("_"):
                postings[token].add(k)
        for k in subjects:
            tokens = k.split("_")
            if len(tokens) < 2:
                continue
            lists = sorted((postings[t] for t in tokens), key=len)
            if len(lists[0]) > MAX_POSTING:
                continue
            supers = set(lists[0]).intersection(*lists[1:]) - {k}
            if len(supers) == 1:
                folds[(k, group, key)] = next(iter(supers))
    return folds


def subject_of(claim: Claim) -> str:
    """A claim's subject key as alignment reads it."""
    return slug(claim.subject_key) or slug(claim.subject)


def rekeyed(claims: Iterable[Claim], keys: dict[str, str]) -> list[Claim]:
    """The claims, each whose subject is a key of `keys` under the key it maps to (ids kept)."""
    if not keys:
        return list(claims)
    return [
        claim.model_copy(update={"subject_key": keys[key]}) if (key := subject_of(claim)) in keys else claim
        for claim in claims
    ]
