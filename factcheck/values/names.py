"""Compare names: entities and short text values, through aliases, fuller forms, titles, misspellings and ordinals ("16th")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck import lexicon
from factcheck.extract.timeparse import open_key
from factcheck.models import ONE_OF, Value, ValueType
from factcheck.values.clock import clock_verdict
from factcheck.values.meaning import denied, parsed, root_of, same_meaning
from factcheck.values.opendates import month_and_day, weekday
from factcheck.values.places import levels_apart
from factcheck.values.senses import antonyms, phrasal, synonyms
from factcheck.values.text import content_tokens, slug, stem, words
from factcheck.values.unknown import open_or_answered
from factcheck.values.verdict import Verdict

MIN_ABBREVIATION = 3  # letters a shortened word keeps ('Mass.', 'Gov.')
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_WRITTEN = re.compile(r"[^\W_]+")  # words as written, capitals kept
SHORT_TEXT = 2  # words of a text value's normal form short enough to name a state, not describe one


@lru_cache(maxsize=65536)
def name_keys(text: str, normalized: str) -> frozenset[str]:
    """Alias-folded keys of a name: its normal form, its slug and, when available, its entity key."""
    keys = {slug(normalized), slug(text)}
    fold = _entity_key()
    if fold is not None:
        keys |= {fold(text), fold(normalized.replace("_", " "))}
    return frozenset(k for k in keys if k)


def compare_names(a: Value, b: Value) -> Verdict:
    """Entities agree through aliases or when one name is a fuller form of the other; a name given as one of several
    (`ONE_OF`: 'bought: Mojang' / 'bought: Oculus') never conflicts with another."""
    verdict = _compare_names(a, b)
    if verdict == Verdict.DISAGREE and ONE_OF in {a.qualifier, b.qualifier}:
        return Verdict.UNKNOWN
    return verdict


def _compare_names(a: Value, b: Value) -> Verdict:
    ka, kb = name_keys(a.text, a.normalized), name_keys(b.text, b.normalized)
    if ka & kb:
        return Verdict.AGREE
    if _day_in_words(a) != _day_in_words(b):
        return Verdict.UNKNOWN  # 'Sep 30' given as words beside 'Baltimore': a day is no name or state
    answered = open_or_answered(a, b)
    if answered is not None:
        return answered  # 'not known' / 'uncertain' agree; 'hasn't been identified' / 'Dr. Korovin' do not
    states = _states_verdict(a, b) or _poles_verdict(a, b) or _denied_state(a, b)
    if states is not None:
        return states
    if _opposed(a, b):
        return Verdict.DISAGREE  # 'closed between two towns' / 'reopened to all traffic'
    fa, fb = _words_of(a), _words_of(b)
    if _instances(_named_part(a)) != _instances(_named_part(b)):
        return Verdict.DISAGREE  # 'deputy chief information security officer' is not the chief
    settled = clock_verdict(a, b) or _name_beside_words(a, b)
    if settled is not None:
        return settled  # 'around 9 a.m. PDT' / 'December 28 at approximately 9 a.m.' agree; '7 a.m.' / '7 p.m.' do not
    ta, tb = untitled(a), untitled(b)
    alike = denied(a) == denied(b)  # 'no traces of smoke' holds every word of 'traces of smoke' yet denies it
    if alike and ta and tb and (ta <= tb or tb <= ta or _typo_of(ta - tb, tb - ta)):
        return Verdict.AGREE
    if alike and fa and fb and (fa <= fb or fb <= fa):
        return Verdict.AGREE  # 'President' and 'South Korean President': one names the other more fully
    ha, hb = office(a), office(b)
    if ha and hb and not ha & hb:
        return Verdict.DISAGREE  # two offices: 'incident commander' / 'director of provincial operations'
    if ha and hb and (ha <= hb or hb <= ha):
        return (
            Verdict.AGREE
        )  # one office, placed differently: 'project director for the extension' / '... at the authority'
    if same_meaning(a, b) or _one_act(a, b):
        return Verdict.AGREE  # 'Blog curator' / 'the curator of the website'; 'dismissed' / 'sacked'
    both_entities = a.type == ValueType.ENTITY and b.type == ValueType.ENTITY
    names = both_entities and _written_as_name(a) and _written_as_name(b)  # not 'armed officers' / 'armed police'
    if ta & tb and _described_twice(a, b, ta, tb, names, bool(ha or hb)):
        return Verdict.UNKNOWN  # 'the Trade and Cooperation Agreement' / 'the post-Brexit trade accord'
    if both_entities or (_short(a) and _short(b)):
        return Verdict.DISAGREE  # two places, two people, two states ('suspended' / 'restored')
    return Verdict.UNKNOWN  # two descriptions in words: whether both can be true is not read from words


def _name_beside_words(a: Value, b: Value) -> Verdict | None:
    """UNKNOWN when one value is a name (an entity) whose key shares no word with the other, a value in words: the
    words of 'President' lie within 'President Joe Biden' only through a title, and a role is not the person
    holding it; else None."""
    if (a.type == ValueType.ENTITY) == (b.type == ValueType.ENTITY):
        return None
    name, other = (a, b) if a.type == ValueType.ENTITY else (b, a)
    beside = not set(name.normalized.lower().replace("_", " ").split()) & set(_words_of(other))
    return Verdict.UNKNOWN if beside else None


def _denied_state(a: Value, b: Value) -> Verdict | None:
    """'arrested' / 'not arrested': one state in the same words, one side denying it, disagree. Two denials in
    other words ('appears nowhere in it' / 'not in it') deny alike more often than not: not told apart by words.
    A state or country and a town it may hold ('Missouri' / 'Sedalia') are not told apart either."""
    ta, tb, negations = untitled(a), untitled(b), lexicon.words("negations")
    if denied(a) != denied(b) and ta and ta - negations == tb - negations:
        return Verdict.DISAGREE
    if (denied(a) and denied(b) and not (ta <= tb or tb <= ta)) or levels_apart(a, b):
        return Verdict.UNKNOWN
    return None


def office(value: Value) -> frozenset[str]:
    """The content words of the office a role value names, the words before 'of', 'for', 'at' and without
    determiners or possessives ('the authority's project director for the extension' -> project, director);
    empty when the value does not name an office."""
    head: list[str] = []
    for word in value.text.lower().replace(",", " ").split():
        if word in lexicon.words("office_ends"):
            break
        if not word.endswith(("'s", "’s")):
            head.append(word)
    spelled: dict[str, str] = lexicon.table("office_acronym_words")  # 'ceo': 'chief executive officer'
    if not head or head[-1].strip(".") not in lexicon.words("office_nouns") | spelled.keys():
        return frozenset()
    return content_tokens(" ".join(spelled.get(w.strip("."), w) for w in head))


def _states_verdict(a: Value, b: Value) -> Verdict | None:
    """Two states the lexicon names: one state in two words ('restored' / 'resumed', 'a boy' / 'male') agree, two
    of its groups differ however alike their spelling ('male' / 'female'); None unless both are states."""
    sa, sb = _state(a), _state(b)
    if sa is None or sb is None:
        return None
    return Verdict.AGREE if sa == sb else Verdict.DISAGREE


def _state(value: Value) -> str | None:
    """The state a one-word text value names, folded with its synonyms."""
    from factcheck.values.keys import state_names

    words = value.normalized.strip().lower().split()
    if len(words) == 2 and words[0] in lexicon.words("articles"):
        words = words[1:]  # 'a boy': boy
    return state_names().get(" ".join(words))


def _opposed(a: Value, b: Value) -> bool:
    """Whether two text values open with words naming the two opposite conditions of a thing ('closed', 'reopened')."""
    if a.type != ValueType.TEXT or b.type != ValueType.TEXT:
        return False
    pa, pb = _poles().get(_first_word(a)), _poles().get(_first_word(b))
    return pa is not None and pb is not None and pa[0] == pb[0] and pa[1] != pb[1]


@lru_cache(maxsize=1)
def _poles() -> dict[str, tuple[int, int]]:
    """A word of `opposed_states` -> which opposed pair it names and which of its two poles."""
    return {
        str(word): (n, side)
        for n, pair in enumerate(lexicon.items("opposed_states"))
        for side, pole in enumerate(pair)
        for word in pole
    }


def _described_twice(
    a: Value, b: Value, ta: frozenset[str], tb: frozenset[str], named: bool, offices: bool = False
) -> bool:
    """Whether two values sharing words (`ta`, `tb`) may be one thing described twice: unless one word is swapped
    for another and the two are numbers ('Android 10' / 'Android 11') or opposites ('defensive coach' / 'offensive
    coach': WordNet antonyms), or both are capitalised in values ending in one word ('Foreign Minister' / 'Defence
    Minister'), or the values are names (`named`), or offices of two heads ('chief executive' / 'executive chair') or
    of two fields ('finance director' / 'sales director').
    'hamstring injury' / 'tweaking his hamstring', 'council technician' / 'senior technician', 'anonymous leaker' /
    'serial leaker' may each be one thing told twice."""
    if len(ta - tb) != 1 or len(tb - ta) != 1:
        return True
    (one,), (other,) = ta - tb, tb - ta
    if named or (one.isdigit() and other.isdigit()) or antonyms(one, other):
        return False
    if offices and (not _one_head(a, b) or (_noun_before(a, one) and _noun_before(b, other))):
        return False  # two offices: 'chief executive' / 'executive chair', 'finance director' / 'sales director'
    return not (_one_head(a, b) and _capitalised(a, one) and _capitalised(b, other))


def _written_as_name(value: Value) -> bool:
    """Whether a value holds a word written with a capital, as names are ('Olympique Vernon'); an entity the model
    gave in common nouns ('armed officers') is a description."""
    return any(w[:1].isupper() for w in _WRITTEN.findall(value.text))


def _noun_before(value: Value, word: str) -> bool:
    """Whether the word is a noun naming a field before the value's head ('finance' in 'finance director'), as the
    parse reads it; an adjective ('senior technician') describes the holder, not the office."""
    doc = parsed(value.text)
    return doc is not None and any(
        _is_word(t.text, word) and t.pos_ in {"NOUN", "PROPN"} and t.i < t.head.i for t in doc
    )


def _is_word(written: str, word: str) -> bool:
    """Whether a written word is the content word (a token of `untitled`, which may be singular: 'sales' / 'sale')."""
    return written.lower() == word or stem(written.lower()) == stem(word)


def _capitalised(value: Value, word: str) -> bool:
    """Whether the value writes the word with a capital: part of a name or a title ('Foreign Minister')."""
    return any(_is_word(w, word) and w[:1].isupper() for w in _WRITTEN.findall(value.text))


def _one_head(a: Value, b: Value) -> bool:
    """Whether two texts end in one word, differing before it ('defensive coach' / 'offensive coach')."""
    last_a, last_b = (words(v.text.lower())[-1:] for v in (a, b))
    return bool(last_a) and stem(last_a[0]) == stem(last_b[0] if last_b else "")


def _poles_verdict(a: Value, b: Value) -> Verdict | None:
    """Two short text values each naming one pole of an opposed pair, a negation turning it over ('not real' is the
    pole of 'fake'): one pole agrees, two disagree; None unless both name one."""
    pa, pb = _pole(a), _pole(b)
    if pa is None or pb is None or pa[0] != pb[0] or not (_short(a) and _short(b)):
        return None
    return Verdict.AGREE if pa[1] == pb[1] else Verdict.DISAGREE


def _pole(value: Value) -> tuple[int, int] | None:
    """Which opposed pair a value's words name and which of its poles, turned over by a negation; None for none or
    several."""
    words = {w.strip(".,;:'\"") for w in value.text.lower().replace("’", "'").split()}
    negated = bool(words & lexicon.words("negations")) or any(w.endswith("n't") for w in words)
    found = {pole for w in words if (pole := _poles().get(w)) is not None}
    if len(found) != 1:
        return None
    n, side = found.pop()
    return n, side ^ negated


def _first_word(value: Value) -> str:
    """The first word of a text value, in lower case."""
    words = value.text.lower().split()
    return words[0].strip(".,;:") if words else ""


def _day_in_words(value: Value) -> bool:
    """A text value that is a day of no known year or a weekday ('Sep 30', 'Monday'), as a model may type it."""
    key = open_key(value.normalized.strip())
    return value.type == ValueType.TEXT and (month_and_day(key) is not None or weekday(key) is not None)


def _one_act(a: Value, b: Value) -> bool:
    """Whether two values are each one verb, told in words that share a WordNet sense ('dismissed' / 'sacked',
    'called off' / 'cancelled')."""
    if a.type == ValueType.ENTITY or b.type == ValueType.ENTITY:
        return False
    verbs = [v for v in (_verb_unit(a.text), _verb_unit(b.text)) if v]
    return len(verbs) == 2 and verbs[0] != verbs[1] and synonyms(verbs[0], verbs[1])


def _verb_unit(text: str) -> str:
    """The verb a text of one verb names, with its particle when WordNet knows the two as one verb ('called off'
    -> call_off, 'cancelled' -> cancel); '' for any other text."""
    root = root_of(text, 2)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return ""
    rest = [t for t in root.doc if t.i != root.i]
    lemma = root.lemma_.lower()
    if not rest:
        return lemma
    if len(rest) == 1 and rest[0].dep_ == "prt" and phrasal(lemma, rest[0].lower_):
        return f"{lemma}_{rest[0].lower_}"
    return ""


def _short(value: Value) -> bool:
    """A text value that names a state ('suspended', 'termination threatened'), not a description, nor when or
    where something is done ('even in the shower', 'every night': two such circumstances may both hold)."""
    return len(content_tokens(value.normalized)) <= SHORT_TEXT and not _circumstance(value)


def _circumstance(value: Value) -> bool:
    """Whether a short text tells where, when or how often (its parse's root a preposition or an adverb, or a time
    of day or unit of time: 'in the shower', 'every night'), not a state; a place named ('in Seoul') is one."""
    root = root_of(value.text.strip(" \"'“”‘’.,"), SHORT_TEXT + 3)
    if root is None or any(t.pos_ == "PROPN" for t in root.doc):
        return False
    times = lexicon.words("day_parts") | frozenset(lexicon.table("time_units"))
    return root.pos_ in ("ADP", "ADV") or root.lemma_.lower() in times or root.lower_ in times


def _words_of(value: Value) -> frozenset[str]:
    """Content words of a value's normal form and text."""
    return numerals(content_tokens(value.normalized + " " + value.text))


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """Words that name an office: its nouns, its acronyms, titles."""
    return lexicon.words("office_nouns") | frozenset(lexicon.table("office_acronym_words")) | lexicon.words("titles")


def _named_part(value: Value) -> frozenset[str]:
    """Content words of a value before what names where or of what ('vice president of X', not 'CEO of Vice
    Media'): the words whose instance words ('deputy', 'former', 'second') say which one is meant."""
    words = value.text.lower().replace(",", " ").split()
    offices = _office_words()
    kept: list[str] = []
    for at, word in enumerate(words):
        if word in lexicon.words("office_ends"):
            break
        after = words[at + 1].strip(".") if at + 1 < len(words) else ""
        if word in lexicon.words("office_bound_ranks") and after not in offices:
            continue  # 'Vice co-founder': a company's name, not a rank ('Vice President')
        kept.append(word)
    return numerals(content_tokens(" ".join(kept)))


def numerals(tokens: frozenset[str]) -> frozenset[str]:
    """Words with a number written as an ordinal in figures ('16th', '1st') read as that number ('16', '1')."""
    return frozenset(_ORDINAL.sub(r"\1", t) for t in tokens)


def _instances(tokens: frozenset[str]) -> frozenset[str]:
    """The instance words among a name's words ('deputy', 'former', 'second')."""
    from factcheck.values.keys import instance_words

    lexicon = instance_words()
    return frozenset(lexicon[t] for t in tokens if t in lexicon)


def untitled(value: Value) -> frozenset[str]:
    """Content words of a name without titles ('President Yoon' -> yoon), unless it is only a title."""
    from factcheck.values.keys import title_words

    tokens = numerals(content_tokens(value.normalized + " " + value.text))
    return (tokens - title_words()) or tokens


def _typo_of(only_a: frozenset[str], only_b: frozenset[str]) -> bool:
    """Whether the words that differ are misspellings or shortenings of each other ('Cirty' for 'City'), never numbers."""
    if len(only_a) != len(only_b) or len(only_a) > 2:
        return False
    left, right = sorted(only_a), sorted(only_b)
    for x in left:
        match = next((y for y in right if _spelling(x, y) or _abbreviates(x, y)), None)
        if match is None:
            return False
        right.remove(match)
    return True


def _abbreviates(x: str, y: str) -> bool:
    """Whether one word is a shortened form of the other ('Mass.' for 'Massachusetts', 'Calif.' for 'California')."""
    short, full = sorted((x.rstrip("."), y.rstrip(".")), key=len)
    if not short.isalpha() or not full.isalpha():
        return False
    return len(short) >= MIN_ABBREVIATION and len(full) - len(short) >= 2 and full.startswith(short)


def _spelling(x: str, y: str) -> bool:
    if x.isdigit() or y.isdigit() or min(len(x), len(y)) < 4:
        return False
    return fuzz.ratio(x, y) >= 80


def _entity_key() -> Callable[[str], str] | None:
    """The shared alias folder, if the entities module is present."""
    try:
        from factcheck.extract.entities import entity_key
    except ImportError:
        return None
    return entity_key
