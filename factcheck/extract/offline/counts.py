"""What a count counts when the noun is not right after the number, read from the parse.

- a partitive: "1.2 million of their own citizens", "three of the hostages" count citizens and hostages;
- an elided noun: "Of the 300 passengers, only about 30 were hurt" counts passengers, and "40 engineers, 12 of
  whom came from abroad" counts engineers;
- one of a thing: "One protester was injured" is a count of one protester (unit in the plural, protesters);
- a numbered name: "Flight 567", "Route 66" (the nouns of the lexicon's 'numbered_nouns') is the number
  of that flight or route, stated of the whole name ("Alaska Airlines Flight 567": flight number 567).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck import lexicon
from factcheck.extract.offline.figures import bare_figure, count_noun_of, counted_value
from factcheck.extract.offline.units import plain_number
from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "attr"}
_NOUN_MODIFIERS = {"det", "poss", "amod", "compound", "nummod", "case"}
_PARTITIVE = {"of", "among"}
_NAME_KINDS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"}  # the entity labels of names a list can hold


def is_counted_noun(tok: Token) -> bool:
    """A plural common noun (or 'people'): what a count can count."""
    return tok.pos_ in {"NOUN", "PROPN"} and (tok.tag_ in {"NNS", "NNPS"} or tok.lower_ == "people")


def partitive_noun(doc: Doc, of: int) -> Token | None:
    """The plural noun of a partitive 'of' phrase at token `of` ('of their own citizens'), or None."""
    if of >= len(doc) or doc[of].lower_ != "of":
        return None
    noun = next((c for c in doc[of].children if c.dep_ == "pobj"), None)
    whole = noun is not None and noun.pos_ == "NOUN" and any(c.dep_ == "poss" for c in noun.children)
    if noun is None or not (is_counted_noun(noun) or whole) or noun.i - of > 4:
        return None  # a whole owned by someone counts its members too ('111,000 of its staff')
    between = doc[of + 1 : noun.i]
    if any(t.dep_ not in _NOUN_MODIFIERS and t.lower_ != "own" for t in between):
        return None
    return noun


def elided_noun(doc: Doc, number: Token) -> Token | None:
    """The noun a bare number leaves out, named by a partitive phrase on the same verb earlier in the
    sentence ('Of the 300 passengers, only about 30 were hurt': passengers), or None."""
    if number.dep_ not in _SUBJECT_OR_OBJECT or number.head.pos_ not in {"VERB", "AUX"}:
        return None
    antecedent = relative_whole(number)
    if antecedent is not None:
        return antecedent
    if any(c.dep_ in {"prep", "compound", "amod"} and c.i > number.i for c in number.children):
        return None  # '30 of them', a number that is a name's part
    for prep in number.head.children:
        if prep.dep_ == "prep" and prep.lower_ in _PARTITIVE and prep.i < number.i:
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and is_counted_noun(noun):
                return noun
    return None


def relative_whole(number: Token) -> Token | None:
    """The plural noun a relative partitive counts a part of ('nine students, five of whom are ...': students), or None."""
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ in _PARTITIVE), None)
    pronoun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    verb = number.head
    if pronoun is None or pronoun.tag_ not in {"WP", "WDT"} or verb.dep_ != "relcl":
        return None
    return verb.head if is_counted_noun(verb.head) else None


def single_count(noun: Token, number: Token, qualified: bool = False) -> str | None:
    """'One protester was injured', 'one of those bundles drifted off course': the plural unit of a count of one,
    when the counted noun (or the partitive 'one') is the subject of a verb that is not a verb of saying ('one
    official said', 'one of the officials said' count no officials), or its object when a qualifier makes the
    'one' a count ('seized at least one cache'); else None."""
    partitive = (  # in the past: 'until one of the companies puts out a statement' counts no company
        number.dep_ in {"nsubj", "nsubjpass"}
        and noun.tag_ == "NNS"
        and noun.head.head == number
        and number.head.tag_ in {"VBD", "VBN"}
    )
    subject = number if partitive else noun if number.dep_ == "nummod" and noun.tag_ == "NN" else None
    if (
        number.lower_ != "one"
        or subject is None
        or subject.dep_ not in ({"nsubj", "nsubjpass", "dobj"} if qualified else {"nsubj", "nsubjpass"})
        or subject.head.lemma_.lower() in lexicon.words("speech_verbs")
        or subject.doc[-1].text == "?"  # "Why didn't one of the PAs grab his phone?" counts nobody
        or noun.lemma_.lower() in lexicon.words("single_count_exceptions")
    ):
        return None
    return noun.lower_ if partitive else plural(noun.lower_)


def plural(noun: str) -> str:
    """The plural of an English noun ('person' -> 'people')."""
    return str(inflect_engine().plural_noun(noun)) or noun


@lru_cache(maxsize=1)
def inflect_engine() -> Any:
    """inflect's engine, built once on first use."""
    import inflect

    return inflect.engine()


def numbered_names(text: str, doc: Doc) -> list[Mention]:
    """'Flight 567', 'Route 66': the number of a thing numbered by name (lexicon 'numbered_nouns')."""
    out: list[Mention] = []
    nouns = lexicon.words("numbered_nouns")
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if (
            not re.fullmatch(r"\d{1,5}", tok.text)
            or before.lower_ not in nouns
            or not before.text[:1].isupper()
            or (tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"-", "/", ".", ":"})
        ):
            continue
        amount = float(tok.text)
        value = Value(type=ValueType.NUMBER, text=tok.text, normalized=plain_number(amount), number=amount)
        start = before.i
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1  # 'Alaska Airlines Flight 567': the name the number ends
        name = doc[start : tok.i + 1]
        out.append(
            Mention(
                tok.idx,
                tok.idx + len(tok),
                "number",
                value,
                noun=f"{before.lower_} number",
                name=name.text,
                name_start=name.start_char,
            )
        )
    return out


def count_subject(tok: Token, verb: Token, noun: str) -> tuple[Span, str] | None:
    """What a count whose verb has no other subject is about, and the attribute: the total of a partitive
    phrase ('Of the 300 passengers': number of passengers) or, for the part ('only about 30 were hurt'),
    that phrase with the verb ('passengers injure'); None elsewhere."""
    if not noun:
        return None
    number = next((t for t in [tok, *tok.ancestors] if t.pos_ == "NUM" or t.like_num), None)
    if number is None:
        return None
    counted = number.head if number.dep_ == "nummod" else None
    if counted is not None and counted.dep_ == "pobj" and counted.head.lower_ in _PARTITIVE:
        total = counted.head.head  # 'A total of 43 people have been admitted': the people admitted, no part of them
        if total.lemma_.lower() in lexicon.words("count_nouns") and total.head.i == verb.i:
            return _phrase(counted), f"{noun} {verb.lower_}"
        return _phrase(counted), f"number of {noun}"
    if number.dep_ in _SUBJECT_OR_OBJECT and number.head.i == verb.i:
        whole = elided_noun(tok.doc, number)
        if whole is not None:
            return _phrase(whole), f"{noun} {verb.lemma_.lower()}"
    return None


def _phrase(noun: Token) -> Span:
    """The noun with the adjectives and compounds right before it ('the 300 stranded passengers': stranded passengers)."""
    start = noun.i
    while start > 0 and noun.doc[start - 1].dep_ in {"amod", "compound"} and noun.doc[start - 1].head.i == noun.i:
        start -= 1
    return noun.doc[start : noun.i + 1]


def group_counts(text: str, doc: Doc) -> list[Mention]:
    """'a family of five', 'a crew of 12', 'the dinner party was closer to 25': the number of people in a group
    (lexicon 'group_nouns'), stated of the group. A number with its own noun ('a group of 10 countries') is a
    count of that noun, read elsewhere."""
    out: list[Mention] = []
    groups = lexicon.words("group_nouns")
    for tok in doc:
        amount = bare_figure(tok)
        if amount is None or amount < 2:
            continue
        group = count_noun_of(tok, groups)
        if group is None:
            continue
        start, value = counted_value(text, tok, amount, "people")
        name = _phrase(group)
        out.append(
            Mention(
                start,
                tok.idx + len(tok),
                "number",
                value,
                noun="number of people",
                name=name.text,
                name_start=name.start_char,
            )
        )
    return out


def attended(verb: Token) -> Span | None:
    """The gathering a count of people was at: 'More than 30 people were at the dinner' (the dinner), '5,000
    people attended the rally' (the rally); None for a place or time ('at the border', 'at noon')."""
    if verb.lemma_ == "be":
        at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"), None)
        place = next((c for c in at.children if c.dep_ == "pobj"), None) if at is not None else None
    elif verb.lemma_ == "attend":
        place = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return None
    if place is None or place.pos_ != "NOUN" or place.ent_type_ or place.lemma_.lower() in lexicon.words("time_units"):
        return None
    return _phrase(place)


def listed(doc: Doc) -> set[tuple[str, float | None]]:
    """The size of each list of coordinated names in the sentence ('Japan and South Korea': ('', 2)), which a
    later definite count of as many things refers back to ('the two countries')."""
    roots = {e.root.i for e in doc.ents if e.label_ in _NAME_KINDS}
    sizes: set[tuple[str, float | None]] = set()
    for i in roots:
        if doc[i].dep_ != "conj":
            size = sum(1 for t in _conjuncts(doc[i]) if t.i in roots)
            sizes |= {("", float(size))} if size > 1 else set()
    return sizes


def restates(m: Mention, known: set[tuple[str, float | None]]) -> bool:
    """Does a definite count refer back to a list of names or to a count of the same noun read before ('Four
    individuals were arrested' ... 'the four individuals were investigated')? Then it states no count of its own."""
    return m.refers_back and not m.name and bool({("", m.value.number), (m.noun, m.value.number)} & known)


def _conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it."""
    return [tok] + [m for c in tok.children if c.dep_ == "conj" for m in _conjuncts(c)]
