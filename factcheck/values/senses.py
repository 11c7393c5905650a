"""Verbs that tell one act: WordNet's senses of English verbs (factcheck/data/wordnet, built by
scripts/build_verb_senses.py from Princeton WordNet 3.0; its licence beside the data).

Each verb keeps its first senses, most frequent first, and each sense its direct hypernyms: the more general
act it is a kind of. An act told with one verb entails the act of another when the two share a sense
("kidnapped" / "abducted", "gave way" / "collapsed") or when a sense of the first is a kind of the second's
most frequent sense ("shot" is a kind of "injured"): then "was shot" and "no one was injured" cannot both be
true, while "was injured" and "was not shot" can.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from importlib import resources

NARROW_KINDS = 20  # a more general act with at most this many kinds below it makes its kinds kin


@cache
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The senses of each verb and the hypernyms of each sense."""
    return read_senses("verb_senses.tsv")


@cache
def _antonyms() -> frozenset[tuple[str, str]]:
    """Pairs of adjectives WordNet gives as direct antonyms, each in order (adj_antonyms.tsv)."""
    text = resources.files("factcheck").joinpath("data", "wordnet", "adj_antonyms.tsv").read_text(encoding="utf-8")
    return frozenset(tuple(line.split("\t", 1)) for line in text.splitlines() if line)  # type: ignore[misc]


def antonyms(one: str, other: str) -> bool:
    """Whether two adjectives are each other's direct antonyms in WordNet ('offensive' / 'defensive', 'senior' /
    'junior'): a thing described by one is not described by the other."""
    return (min(one, other), max(one, other)) in _antonyms()


def read_senses(name: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """A WordNet table of factcheck/data/wordnet: each word's senses (`word<TAB>id,...`) and each sense's more
    general senses (`@id<TAB>id,...`)."""
    senses: dict[str, tuple[str, ...]] = {}
    above: dict[str, tuple[str, ...]] = {}
    text = resources.files("factcheck").joinpath("data", "wordnet", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, ids = line.partition("\t")
        if key.startswith("@"):
            above[key[1:]] = tuple(ids.split(","))
        elif key:
            senses[key] = tuple(ids.split(","))
    return senses, above


def verb_unit(words: list[str]) -> tuple[str, list[str]]:
    """The verb a predicate's words open with, as WordNet names it (two words when it knows them as one verb:
    'give way'), and the words after it."""
    senses, _ = _table()
    if len(words) > 1 and f"{words[0]}_{words[1]}" in senses:
        return f"{words[0]}_{words[1]}", words[2:]
    return (words[0], words[1:]) if words else ("", [])


def phrasal(verb: str, word: str) -> bool:
    """Whether WordNet knows a verb and the word after it as one verb ('step down', 'give way'): the word is
    the verb's particle even where the parse reads it as an adverb."""
    senses, _ = _table()
    return f"{verb}_{word}" in senses


def entails(done: str, denied: str) -> bool:
    """Whether doing `done` is doing `denied`: one verb, a shared sense, or a sense of `done` whose direct
    hypernym is the first sense of `denied` (a kind of what the other verb most often means: 'ticketed' is a
    kind of 'booked' only as a charge is booked, not as one is booked into jail). Verbs WordNet does not know
    entail only themselves."""
    if done == denied:
        return True
    senses, hypernyms = _table()
    of_done, of_denied = senses.get(done, ()), senses.get(denied, ())
    return bool(of_denied) and any(s in of_denied or of_denied[0] in hypernyms.get(s, ()) for s in of_done)


def synonyms(one: str, other: str) -> bool:
    """Whether two verbs share a WordNet sense ('dismiss' / 'sack', 'kidnap' / 'abduct'): one act in two words."""
    senses, _ = _table()
    return bool(set(senses.get(one, ())) & set(senses.get(other, ())))


def kin(one: str, other: str) -> bool:
    """Whether two verbs may tell one act: one verb, a shared sense, a sense of one that is a kind of a sense of
    the other ('abducted' / 'seized'), or senses that are kinds of one more general act ('struck' / 'bombed': both
    kinds of attack, one of a few kinds of act; 'opened' / 'closed' are two of the many kinds of change, and no kin).
    Looser than entails: for lining up two tellings of an act, not for a denial."""
    if one == other:
        return True
    senses, hypernyms = _table()
    of_one, of_other = set(senses.get(one, ())), set(senses.get(other, ()))
    above_one = {h for s in of_one for h in hypernyms.get(s, ())}
    above_other = {h for s in of_other for h in hypernyms.get(s, ())}
    narrow = {h for h in above_one & above_other if _kinds().get(h, 0) <= NARROW_KINDS}
    return bool(of_one & of_other or above_one & of_other or above_other & of_one or narrow)


@cache
def _kinds() -> dict[str, int]:
    """How many senses each more general act has below it: 'attack' a dozen, 'change' hundreds."""
    _, hypernyms = _table()
    return dict(Counter(h for above in hypernyms.values() for h in above))


@cache
def _noun_acts() -> dict[str, str]:
    text = resources.files("factcheck").joinpath("data", "wordnet", "noun_acts.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line)


def act_of(noun: str) -> str | None:
    """The verb of the act a noun names in its most frequent sense, if it names one ('strike' -> strike,
    'agreement' -> agree, 'death' -> die): WordNet's derivational links (noun_acts.tsv); else, for a verbal noun
    WordNet does not list, the verb it is made from ('beheading' -> behead, 'stabbing' -> stab)."""
    act = _noun_acts().get(noun)
    if act is not None:
        return act
    stem = noun[:-3] if noun.endswith("ing") else ""
    forms = [stem, stem[:-1] if stem[-2:-1] == stem[-1:] else "", stem + "e"] if len(stem) > 2 else []
    senses, _ = _table()
    return next((f for f in forms if f in senses), None)
