"""Two text values that name one thing in other words, read from their parse: one head noun, qualified compatibly.

"Blog curator" / "the curator of the website"; "commonly found in British waters" / "the waters surrounding
the British Isles". Each value is parsed (spaCy's English pipeline, the one the offline extractor loads);
its *head* is the noun the phrase is about: the root when it is a noun, else the first noun object of
the predicate ("found in ... waters"). Two values agree when their heads are one word and nothing
sets them apart:
- qualifiers on the same side of the head, different on both sides ("the left hand" / "the right hand";
  "chief financial officer" / "chief operating officer"; "Swedish" / "Danish game developer");
- names that differ on both sides ("Oregon State coach" / "Duke coach");
- other things named beside the head ("the hospital and the water treatment plant"), or determiners of
  quantity ("every year" / "within a year");
- a clause about something else ("Japanese companies to compensate plaintiffs" is no reading of plaintiffs);
- numbers or instance words that differ ("a 9 mm pistol" / "a pistol"; "deputy harbour pilot" / "harbour pilot");
- a negation or a word of not knowing on one side only ("no signs of foul play" / "signs of foul play");
- two predicates in different verbs ("found dead of natural causes" / "presumed to be dead of ...").
This only ever finds agreement: two values with different heads are left as they were compared before.
Without the parser installed, nothing is read and nothing agrees by this rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.models import Value, ValueType
from factcheck.values.keys import instance_words
from factcheck.values.text import content_tokens, stem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOUNS = ("NOUN", "PROPN")
PREDICATES = ("VERB", "ADJ", "AUX")
OBJECTS = ("pobj", "dobj", "attr", "oprd")
POINTING = frozenset({"Art", "Dem", "Prs"})  # determiners that point ('the', 'this', 'his'), not count
MAX_WORDS = 16  # a value longer than this is a sentence, not a phrase naming a thing


@dataclass(frozen=True)
class Reading:
    """What a text value names: its head noun, the qualifiers before and after it, and what sets it apart."""

    head: str
    before: frozenset[str]
    after: frozenset[str]
    predicate: str
    names: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    common: bool  # the head is a common noun ('crab'), not a name ('Sony')
    instances: frozenset[str]  # the instance it picks out: 'deputy', 'former', 'second'
    others: frozenset[str]  # things named beside the head ('the hospital and the water treatment plant')
    how_many: frozenset[str]  # determiners of quantity ('every year' / 'within a year')


def same_meaning(a: Value, b: Value) -> bool:
    """Whether two values, one at least a text, name one thing: one head noun, nothing setting them apart."""
    if ValueType.TEXT not in (a.type, b.type) or a.type not in _NAMED or b.type not in _NAMED:
        return False
    if not content_tokens(a.text) & content_tokens(b.text):
        return False  # one head noun is one word in common: nothing to parse for
    ra, rb = reading(a.text), reading(b.text)
    if ra is None or rb is None or ra.head != rb.head:
        return False
    if (ra.numbers, ra.negated, ra.instances, ra.others, ra.how_many) != (
        rb.numbers,
        rb.negated,
        rb.instances,
        rb.others,
        rb.how_many,
    ):
        return False
    if ra.predicate and rb.predicate and ra.predicate != rb.predicate:
        return False
    if _both_beyond(ra.names, rb.names):
        return False
    return not (_both_beyond(ra.before, rb.before) or _both_beyond(ra.after, rb.after))


_NAMED = (ValueType.TEXT, ValueType.ENTITY)


def denied(value: Value) -> bool:
    """Whether a value's words deny or doubt what it names ('no traces of smoke', 'would not say', 'unknown')."""
    return _denies(value.text)


@lru_cache(maxsize=65536)
def _denies(text: str) -> bool:
    """Whether a text holds a word of denial or of not knowing, or says an act is yet to happen."""
    words = text.lower().replace("’", "'").split()
    return any(w in _stop() or w.endswith("n't") for w in words) or _not_yet(words)


def _not_yet(words: list[str]) -> bool:
    """Whether words say an act is still to happen ('has yet to turn himself in'; lexicon `not_yet_phrases`)."""
    said = f" {' '.join(words)} "
    return any(f" {phrase} " in said for phrase in lexicon.words("not_yet_phrases"))


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """Words of negation, denial and not knowing (the lexicon's `negations`, `denials`, `unknown_words`)."""
    return lexicon.words("negations") | lexicon.words("denials") | lexicon.words("unknown_words")


def _both_beyond(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether each side holds a word the other lacks (two qualifiers set word against word)."""
    return bool(x - y) and bool(y - x)


@lru_cache(maxsize=8192)
def reading(text: str) -> Reading | None:
    """The reading of a short text value, or None when it names no noun or the parser is missing."""
    root = root_of(text, MAX_WORDS)
    if root is None:
        return None
    doc = root.doc
    head = root if root.pos_ in NOUNS else _object_of(root)
    if head is None:
        return None
    predicate = _lemma(root) if root.pos_ in PREDICATES and root is not head else ""
    within = {t.i for t in head.subtree}
    if any(t.pos_ in NOUNS and t.i not in within for t in doc):
        return None  # a clause about something else ('companies to compensate plaintiffs'), not one thing named
    inside = [t for t in head.subtree if t is not head and _content(t)]
    stop = _stop()
    ranks = instance_words()
    return Reading(
        head=_lemma(head),
        before=frozenset(_lemma(t) for t in inside if t.i < head.i),
        after=frozenset(_lemma(t) for t in inside if t.i > head.i),
        predicate=predicate,
        names=frozenset(_lemma(t) for t in doc if t.text[:1].isupper() and (t.i > 0 or t.pos_ == "PROPN")),
        numbers=frozenset(t.text.lower() for t in doc if t.like_num),
        negated=any(t.dep_ == "neg" or t.lower_ in stop for t in doc) or _not_yet([t.lower_ for t in doc]),
        instances=frozenset(ranks[t.lower_] for t in doc if t.lower_ in ranks),
        common=not head.text[:1].isupper(),  # the tagger may call a lower-case noun a name: the case decides
        others=frozenset(_lemma(t) for t in head.conjuncts),
        how_many=frozenset(t.lower_ for t in doc if _quantifier(t)),
    )


def _quantifier(token: Token) -> bool:
    """A determiner of quantity ('every', 'all', 'some'), not an article, demonstrative or possessive."""
    if token.dep_ != "det" or "Yes" in token.morph.get("Poss", []):
        return False
    return not set(token.morph.get("PronType", [])) & POINTING


def _object_of(root: Token) -> Token | None:
    """The first noun a predicate is about: its object or the object of its preposition ('found in ... waters')."""
    return next((t for t in root.subtree if t.dep_ in OBJECTS and t.pos_ in NOUNS), None)


def _content(token: Token) -> bool:
    """A word that qualifies: not a determiner, preposition, punctuation or other function word."""
    return token.is_alpha and token.lower_ not in lexicon.words("function_words") and token.pos_ not in ("DET", "ADP")


def root_of(text: str, max_words: int) -> Token | None:
    """The root of a text's parse, or None when it is empty, longer than `max_words` or cannot be parsed."""
    if not text.strip() or len(text.split()) > max_words:
        return None
    doc = parsed(text)
    return None if doc is None else next((t for t in doc if t.dep_ == "ROOT"), None)


def _lemma(token: Token) -> str:
    """The word's stem, from its lemma, in lower case."""
    return stem(token.lemma_.lower() or token.lower_)


def parsed(text: str) -> Doc | None:
    """The parse of a short text, or None when spaCy or its English pipeline is not installed."""
    from factcheck.errors import ConfigError

    try:
        from factcheck.extract.offline.parse import parse
    except ImportError:
        return None
    try:
        return parse(text)
    except ConfigError:
        return None


def may_read_as(text: str, lemmas: frozenset[str]) -> bool:
    """Whether a word of the text may be read as one of the lemmas once parsed (False: no need to parse it)."""
    from factcheck.errors import ConfigError

    try:
        from factcheck.extract.offline.parse import lemma_forms

        forms = lemma_forms(lemmas)
    except (ImportError, ConfigError):
        return True  # without the parser nothing is read: the rule finds that out itself
    lower = text.lower()
    return forms is None or any(form in lower for form in forms)
