"""Small walks over spaCy's parse that several readers share: the named entity a token stands in, the verb above it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Span, Token


def entity_of(token: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def verb_above(token: Token, steps: int | None = None, kinds: Collection[str] = ("VERB",)) -> Token | None:
    """The nearest token above this one whose part of speech is one of `kinds`, at most `steps` arcs up (any number
    when None); None when the root is reached first."""
    taken = 0
    while token.head.i != token.i and (steps is None or taken < steps):
        token = token.head
        taken += 1
        if token.pos_ in kinds:
            return token
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parse left without one, having read the subordinator before it as a
    preposition: its object, whose phrase ends just before the verb ('evacuated after water levels in the Gaza
    Valley (Wadi Gaza) rose to almost three meters': the levels rose)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    subordinators = lexicon.words("extract_offline_text_subordinators")
    return next(
        (
            t
            for t in verb.doc[: verb.i]
            if t.dep_ == "pobj"
            and t.pos_ in ("NOUN", "PROPN")
            and t.head.lower_ in subordinators
            and t.right_edge.i < verb.i
            and all(w.text in (")", "]") for w in verb.doc[t.right_edge.i + 1 : verb.i])
            and t.head.head.i != verb.i
        ),
        None,
    )


def personal_pronoun(token: Token) -> bool:
    """A pronoun for one person ('he', 'she', 'him', 'her', 'his'), by spaCy's morphology: personal, singular,
    masculine or feminine."""
    morph = token.morph
    return (
        token.pos_ == "PRON"
        and "Prs" in morph.get("PronType", [])
        and "Sing" in morph.get("Number", [])
        and bool({"Masc", "Fem"} & set(morph.get("Gender", [])))
    )


def relative_pronoun(token: Token) -> bool:
    """A relative pronoun ('who', 'which', relative 'that'), by its fine-grained tag."""
    return token.tag_ in ("WP", "WDT")


def noun_phrase_core(doc: Doc | Span, start: int, end: int) -> tuple[int, int]:
    """The characters of the phrase at `start`..`end` that can be a subject: without an adverb, a subordinator or
    a wh-word before it ('previously the device', 'why Apple') and cut before its first verb ('it won't hit');
    the span unchanged when nothing would remain."""
    inside = [t for t in doc if start <= t.idx and t.idx + len(t) <= end]
    while inside and (inside[0].pos_ in ("ADV", "SCONJ", "INTJ") or inside[0].tag_ in ("WRB", "WP", "WDT")):
        inside = inside[1:]
    verb = next((k for k, t in enumerate(inside) if k and t.pos_ in ("VERB", "AUX")), None)
    inside = inside[:verb] if verb is not None else inside
    while inside and inside[-1].pos_ in ("PART", "PUNCT", "ADP", "CCONJ", "DET"):
        inside = inside[:-1]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in inside):
        return start, end
    return inside[0].idx, inside[-1].idx + len(inside[-1])


def governing_noun(doc: Doc | Span, start: int, end: int) -> tuple[int, int] | None:
    """The characters of the subject noun a phrase at `start`..`end` hangs from by a preposition other than 'of'
    ('The festival in the town began': the festival, not the town), with its own modifiers before it; None
    when the phrase is no such object or the noun is no subject of its clause."""
    inside = [t for t in doc if start <= t.idx and t.idx + len(t) <= end]
    heads = [t for t in inside if not start <= t.head.idx < end]
    if len(heads) != 1:
        return None
    token, end_token = heads[0], None
    while token.dep_ == "pobj" and token.head.dep_ == "prep":
        owner = token.head.head
        if owner.pos_ not in ("NOUN", "PROPN") or owner.i >= token.i:
            return None
        if end_token is None and token.head.lower_ != "of":
            end_token = owner  # 'the number of deaths in the town': the phrase ends before 'in'
        token = owner
    if end_token is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    first = min((c.left_edge.i for c in token.lefts), default=token.i)
    return token.doc[first].idx, end_token.idx + len(end_token)


_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp"}  # clauses hanging on a verb


def clause_year(verb: Token) -> int | None:
    """A year named in the verb's own clause, not in a clause hanging on it ('was arrested in 2011 in Los
    Angeles'): the act it dates is of that year."""
    own = [
        t
        for c in verb.children
        if c.dep_ not in _OTHER_CLAUSES and not (c.dep_ == "prep" and c.lower_ in lexicon.words("span_prepositions"))
        for t in c.subtree
    ]  # 'has not seen one since 2007' tells how long, not when
    years = [int(t.text) for t in own if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit()]
    return years[0] if len(set(years)) == 1 else None


def told_year(verb: Token) -> int | None:
    """The year of an act: one its own clause names, else one the clause reporting it names ('In 2014, a fake
    report claimed he had died': a death told of 2014). Only a clause it is the content of counts (or a participle
    clause of), or the year before the noun a relative clause tells of; never a clause it is joined to ('was born in
    1950 and died on Sunday')."""
    for tok in (verb, *verb.ancestors):
        year = clause_year(tok)
        if year is None and tok.dep_ == "relcl":
            return _named_year(tok.head)  # 'the November 2015 Paris attacks, in which 130 people were killed'
        if year is not None or not (tok.dep_ in {"ccomp", "xcomp"} or _participle_of(tok)):
            return year
    return None


def _named_year(noun: Token) -> int | None:
    """A year named in the words before a noun ('the November 2015 Paris attacks': 2015)."""
    before = noun.doc[noun.left_edge.i : noun.i]
    years = [
        int(t.text) for t in before if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit()
    ]
    return years[0] if len(set(years)) == 1 else None


def _participle_of(verb: Token) -> bool:
    """Whether a verb is a participle clause without a subject of its own, part of the act of the verb it hangs on
    ('In 1987 the ferry sank, killing more than 4,000 people': a toll of 1987)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBG", "VBN"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in verb.children)
    )


def described_date(doc: Doc, start: int) -> tuple[int, int] | None:
    """The characters of a date in a participle or relative clause on the noun a value at character `start`
    describes ('a 127-kilogram catfish taken from the same river in 2021': 2021, which catfish it is), or None."""
    token = next((t for t in doc if t.idx == start), None)
    while token is not None and token.dep_ in _DESCRIBING and token.head is not token:
        token = token.head
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return None
    for clause in (c for c in token.children if c.dep_ in ("acl", "relcl")):
        low, high = clause.left_edge.i, clause.right_edge.i
        date = next((e for e in doc.ents if e.label_ == "DATE" and low <= e.start and e.end - 1 <= high), None)
        if date is not None:
            return date.start_char, date.end_char
    return None


_DESCRIBING = frozenset({"nummod", "quantmod", "amod", "compound", "npadvmod", "nmod"})  # a value on its noun


def when_date(doc: Doc, start: int) -> tuple[int, int] | None:
    """The characters of the date a clause opening with 'when' at character `start` hangs on ('since July 2016,
    when a truck bomb killed 45 people': July 2016), or None: what the clause tells happened then."""
    when = next((t for t in doc if t.idx == start and t.lower_ == "when" and t.dep_ == "advmod"), None)
    verb = when.head if when is not None else None
    if verb is None or verb.dep_ not in {"relcl", "advcl"} or verb.head.ent_type_ != "DATE":
        return None
    date = next((e for e in doc.ents if e.start <= verb.head.i < e.end), None)
    return (date.start_char, date.end_char) if date is not None else None


def opening(verb: Token) -> int:
    """Where a clause begins when a phrase on its verb opens it ('As of Monday afternoon, no arrests had been made'):
    the first character of that phrase, else of the verb."""
    lefts = [c for c in verb.lefts if c.dep_ in ("prep", "advmod", "npadvmod")]
    return min((c.left_edge.idx for c in lefts), default=verb.idx)
