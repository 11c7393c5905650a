"""The tense of the verb a time expression attaches to, read from spaCy's parse.

A date written without a year ('on July 12', 'in January', 'on Wednesday') is resolved against the publication
date with the tense of the verb that governs it: past takes the latest such date on or before publication, future
the next one. The verb is the first one above the expression in the dependency tree (a noun between them takes the
verb's tense: 'the flood in August cut ...'). Its tense comes from its morphology and auxiliaries:

- past: a simple past ('voted 9 to 2 on Friday'), a perfect ('has reopened', 'had closed'), a past passive or
  progressive ('was reopened', 'were meeting'), a participle standing alone ('the bridge, opened in May');
- future: a future modal ('will open', "'ll open", reported 'would open'), a present progressive ('is meeting on
  Friday'), a word of intent or schedule ('plans', 'is expected', 'the vote scheduled for March', 'due in March'),
  an infinitive under a future, under such a word or under a present 'be' ('is to visit', 'is set to visit',
  'is due to be held', 'is going to open'), a present clause of time under a future ('will be ratified when
  parliament sits on Monday'), and a present state lasting until a date ('applicants have until March 31');
- unknown otherwise (a headline's present 'meets on Friday', an infinitive under a past verb 'agreed to meet on
  Friday'): the resolver then takes the nearest date.

A time written before the subject of a reported clause belongs to the verb reporting it ('said on Monday it will
open on Friday': Monday is when it was said, Friday when it opens). The word lists are data, in the lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.errors import ConfigError
from factcheck.extract.offline.parse import sentence_parse
from factcheck.extract.offline.tree import verb_above

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.extract.periods import Tense

_FUTURE_AUX = lexicon.words("verbtense_future_auxiliaries")
_PERFECT = lexicon.words("verbtense_perfect_auxiliary")
_PROGRESSIVE = lexicon.words("verbtense_progressive_auxiliary")
_INTENT = lexicon.words("verbtense_intent_words")
_UNTIL = lexicon.words("verbtense_until_prepositions")
_AUX_DEPS = ("aux", "auxpass")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
_VERBS = ("VERB", "AUX")
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
_COMPLEMENT_DEPS = ("acomp", "attr", "oprd")
# A participle or bare verb in one of these relations has the tense of the verb above it.
_INHERIT_DEPS = ("conj", "advcl", "acl", "xcomp", "ccomp", "oprd")
_MAX_DEPTH = 6  # verbs followed up a chain of conjuncts, infinitives and participles


def read_tense(text: str, start: int, end: int, doc: Doc | None = None, offset: int = 0) -> tuple[bool, Tense | None]:
    """(whether a verb governs text[start:end], its tense). `doc` is the parse of a text holding `text` at
    `offset` (a clause of a parsed sentence); without it the text is parsed. No verb when no parser is installed."""
    if doc is None or doc.text[offset + start : offset + end] != text[start:end]:
        try:
            doc, offset = sentence_parse(text), 0
        except ConfigError:
            return False, None
    span = doc.char_span(offset + start, offset + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False, None
    at = span.root
    verb, intent = _governor(at)
    if verb is None:
        return False, None
    verb = _reporting_verb(verb, at)
    through_noun = any(t.pos_ in _NOMINAL for t in _between(at, verb))
    tense = verb_tense(verb, progressive=not through_noun)
    until = at.head.i != at.i and at.head.lower_ in _UNTIL
    if tense is None and (intent or until):
        return True, "future"  # 'the report is due in March', 'applicants have until March 31'
    return True, tense


def _between(at: Token, verb: Token) -> list[Token]:
    """The tokens on the way up from the expression to the verb, neither included."""
    path = []
    token = at.head
    while token.i != verb.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _governor(at: Token) -> tuple[Token | None, bool]:
    """The first verb above the token, and whether a word of intent stands between them ('due in March')."""
    intent = False
    token = at
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in _VERBS:
            return token, intent
        intent = intent or _intent(token)
    return None, intent


def _reporting_verb(verb: Token, at: Token) -> Token:
    """The verb reporting a clause when the time stands before that clause's subject or 'that' ('said on Monday
    it will ...'): spaCy may hang such a time on the reported verb."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.pos_ not in _VERBS or not head.i < at.i < verb.i:
        return verb
    opens_after = any(
        c.i > at.i and (c.dep_ in _SUBJECT_DEPS or c.dep_ == "mark") for c in verb.children if c.i < verb.i
    )
    return head if opens_after else verb


def verb_tense(verb: Token, depth: int = 0, progressive: bool = True) -> Tense | None:
    """Past, future or unknown (None), by the verb's auxiliaries and morphology. A present progressive is future
    only for a time on the verb itself ('is meeting on Friday'), not on its object ('is still recovering from
    the August floods'): `progressive` is False for the latter."""
    auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    if any(_lemma(a) in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.tag_ == "TO" for a in auxes):
        return _infinitive(verb, depth)
    finite = next((a for a in auxes if "Fin" in a.morph.get("VerbForm", [])), None)
    if finite is not None:
        if "Past" in finite.morph.get("Tense", []) or _lemma(finite) in _PERFECT:
            return "past"  # 'was reopened', 'were meeting', 'had closed', 'has reopened'
        if _lemma(finite) in _PROGRESSIVE and ((verb.tag_ == "VBG" and progressive) or _intent(verb)):
            return "future"  # 'is meeting on Friday', 'is expected on Friday'
        return None
    if verb.tag_ == "VBD":
        return "past"
    if not auxes and verb.dep_ in _INHERIT_DEPS and verb.tag_ in ("VB", "VBG", "VBN"):
        inherited = _head_tense(verb, depth)
        if inherited is not None or verb.tag_ != "VBN":
            return inherited
    if not auxes and verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBP") and _head_tense(verb, depth) == "future":
        return "future"  # 'is expected to be ratified when parliament sits on Monday'
    if _intent(verb) or any(c.dep_ in _COMPLEMENT_DEPS and _intent(c) for c in verb.children):
        return "future"  # 'plans a vote in March', 'the vote, scheduled for March', 'is due in March'
    if verb.tag_ == "VBN":
        return "past"  # a participle standing alone: 'the bridge, opened in May'
    return None


def _head_tense(verb: Token, depth: int) -> Tense | None:
    """The tense of the next verb above ('expects to have its fleet flying again by March 21')."""
    above = verb_above(verb, kinds=_VERBS)
    if above is None or depth >= _MAX_DEPTH:
        return None
    return verb_tense(above, depth + 1)


def _infinitive(verb: Token, depth: int) -> Tense | None:
    """An infinitive looks ahead of the verb or word it completes: future under a future, under a word of
    intent ('plans to', 'is due to', 'is set to') or under a present 'be' ('is to visit'); else unknown."""
    governor = verb.head
    if governor.i == verb.i or depth >= _MAX_DEPTH:
        return None
    if governor.pos_ not in _VERBS:  # 'due to', 'likely to', 'the plan to': the tense of the verb above
        above = verb_above(governor, kinds=_VERBS)
        tense = verb_tense(above, depth + 1) if above is not None else None
        if tense == "future" or (tense is None and _intent(governor)):
            return "future"
        return None
    tense = verb_tense(governor, depth + 1)
    if tense is not None:
        return "future" if tense == "future" else None  # 'agreed to meet on Friday': future of a past moment
    present_be = _lemma(governor) in _PROGRESSIVE and "Pres" in governor.morph.get("Tense", [])
    return "future" if _intent(governor) or present_be else None


def _intent(token: Token) -> bool:
    return _lemma(token) in _INTENT or token.lower_ in _INTENT


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
