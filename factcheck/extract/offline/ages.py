"""Ages read from the parse: '53-year-old Igor Petrov', 'He was 88.', 'The Playboy founder, 88,', 'at the age of 88'."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.persons import definite, is_person, named_after, noun_phrase, person_name
from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType
from factcheck.values.kinds import is_person_noun
from factcheck.values.ranges import decade_range

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_RANGE = re.compile(
    r"\b(?:ages?|aged)\s+(?P<range>(?:between\s+)?(?P<a>\d{1,3})\s*(?:to|and|-|–)\s*(?P<b>\d{1,3}))(?:\s*-?\s*years?\s*-?\s*old)?",
    re.IGNORECASE,
)


def ages(doc: Doc) -> list[Mention]:
    """Every age the sentence states of a person (unit years; the mention's name is the person). An age range
    ('ages 13 to 15', 'aged between 13 and 15-years-old') is one value whose text names both bounds
    (values/ranges.py), and no age of its own bounds."""
    matches = list(_RANGE.finditer(doc.text))
    spans = [m.span() for m in matches]
    found = [*_ages(doc), *_stated_ages(doc), *_age_phrases(doc), *_event_ages(doc), *_decade_ages(doc)]
    single = [a for a in found if not _inside(a, spans)]
    return [*_age_ranges(doc, matches), *single]


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


def _age_ranges(doc: Doc, matches: list[re.Match[str]]) -> list[Mention]:
    """'Seven girls, ages 13 to 15,', 'the girls, who are aged between 13 and 15-years-old': the range of ages of
    the people the phrase is told of."""
    out: list[Mention] = []
    for match in matches:
        low, high = int(match.group("a")), int(match.group("b"))
        first = next((t for t in doc if t.idx == match.start("a")), None)
        written = doc.char_span(*match.span("range"), alignment_mode="expand")
        person = _range_owner(first) if first is not None and 0 < low < high <= 120 else None
        if person is not None and written is not None:
            out.append(_age(written, float(low), person))
    return out


def _range_owner(tok: Token) -> Span | None:
    """The people an age range is told of: the person noun above it, or the subject of the clause it is in."""
    for node in tok.ancestors:
        if node.pos_ in {"NOUN", "PROPN"} and node.lemma_.lower() != "age" and is_person(node):
            return noun_phrase(node)
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            continue
        if node.dep_ == "relcl" and (subject.lower_ == "who" or (subject.lower_ == "that" and is_person(node.head))):
            head = node.head  # 'the girls, who are aged between 13 and 15': 'who' tells of a person
            return person_name(head) if head.pos_ == "PROPN" else noun_phrase(head)
        return noun_phrase(subject) if is_person(subject) else None
    return None


def _ages(doc: Doc) -> list[Mention]:
    """'53-year-old Igor Petrov', 'a 13-year-old Jewish boy': the age of the noun 'old' modifies; 'the 81-year-old
    entertainer' and 'the 81-year-old' alone refer back, to the person named before them."""
    out: list[Mention] = []
    for tok in doc:
        if tok.lower_ != "old" or tok.i < 2:
            continue
        year = doc[tok.i - 2] if doc[tok.i - 1].text == "-" else doc[tok.i - 1]
        num = doc[year.i - 2] if year.i >= 2 and doc[year.i - 1].text == "-" else doc[year.i - 1]
        amount = _age_number(num)
        if year.lower_ not in {"year", "years"} or amount is None:
            continue
        written = doc[num.i : tok.i + 1]
        the = num.i > 0 and doc[num.i - 1].lower_ == "the"
        if the and (any(c.tag_ == "POS" for c in tok.children) or tok.head.pos_ in {"VERB", "AUX"}):
            back, owner = True, written  # "the 31-year-old’s health", 'The 34-year-old rose to fame': the person
        elif tok.dep_ == "amod":
            noun = tok.head
            titled = noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON"  # 'the 29-year-old singer Juno Vale'
            titled = titled or (noun.dep_ == "appos" and noun.head.pos_ == "PROPN")  # 'Brask, the 61-year-old mayor'
            person = is_person(noun) or is_person_noun([noun.lemma_])  # WordNet's kinds: 'the ... former surgeon'
            back = noun.pos_ == "NOUN" and person and definite(noun) and not titled  # 'the 81-year-old entertainer'
            owner = _name_after(noun) or person_name(noun)
            if _one_word_name(noun):  # 'The 21-year-old Aussie': a word that describes, or a surname named before
                out.append(replace(_age(written, amount, noun.doc[noun.i : noun.i + 1]), refers_back=True))
                continue
        elif tok.dep_ in _NOMINAL and definite(tok):  # "the death of the 81-year-old", "the 31-year-old's health"
            back, owner = True, written
        else:
            continue
        if back and tok.dep_ == "amod" and tok.head.dep_ == "dobj":
            back = False  # 'Chandler, who dated the 29-year-old US swimmer': the swimmer, not the person named before
        named = _person_before(doc, num.i) if back else None
        if back and named is None and tok.head.lemma_.lower() in lexicon.words("unnamed_role_nouns"):
            back, owner = False, doc[tok.head.i : tok.head.i + 1]  # 'the 19-year-old suspect': the suspect told of
        age = _age(written, amount, named or owner)
        out.append(replace(age, refers_back=True) if back and named is None else age)
    return out


_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "poss"}


def _name_after(noun: Token) -> Span | None:
    """A person's name right after a quoted nickname the age describes ('17-year-old “teen wolf” Mohammed Islam') or
    after a comma ('the 25-year-old Kenyan, Elias Wambura'): the age is the person's, not the nickname's."""
    doc = noun.doc
    i = noun.i + 1
    if i >= len(doc) or not (doc[i].is_quote or doc[i].text == ","):
        return None
    return next((e for e in doc.ents if e.start == i + 1 and e.label_ == "PERSON"), None)


def _one_word_name(noun: Token) -> bool:
    """A proper noun of one word after 'the' ('The 21-year-old Aussie', 'the 45-year-old Johnson'): no full name, so
    it names someone the article has told of (the reader resolves it)."""
    bare = not any(c.dep_ in ("compound", "flat") for c in noun.children)
    bare = bare and not named_after(noun) and _name_after(noun) is None  # 'the 25-year-old Kenyan, Elias Wambura'
    return noun.pos_ == "PROPN" and definite(noun) and bare


def _person_before(doc: Doc, i: int) -> Span | None:
    """The latest person named in the sentence before token i ('the clinic where Rivers was treated ... the
    81-year-old'), or None."""
    return next((e for e in reversed(doc.ents) if e.label_ == "PERSON" and e.end <= i), None)


def _stated_ages(doc: Doc) -> list[Mention]:
    """'He was 88.', 'Hugh Hefner is 88 years of age', 'The Playboy founder, 88,': an age stated of a person."""
    out: list[Mention] = []
    for tok in doc:
        if not re.fullmatch(r"\d{1,3}", tok.text) or not 0 < int(tok.text) <= 120:
            continue
        end, owner = tok, None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.dep_ == "nummod" and tok.head.lower_ == "years" and tok.head.i == tok.i + 1:
            after = doc[tok.i + 2 : tok.i + 4].text.lower()
            if not (after.startswith("old") or after == "of age"):
                continue
            end = doc[tok.i + (2 if after.startswith("old") else 3)]
            tok_role, verb = tok.head.dep_, tok.head.head
            if tok_role == "npadvmod" and verb.lower_ == "old" and verb.dep_ in {"acomp", "attr"}:
                tok_role, verb = verb.dep_, verb.head  # 'The boy was just 13 years old'
        else:
            tok_role, verb = tok.dep_, tok.head
        if tok_role in {"attr", "acomp"} and verb.lemma_ == "be" and (end is not tok or _ends_clause(nxt)):
            owner = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if owner is not None and owner.tag_ == "WP" and verb.dep_ == "relcl":
                owner = verb.head  # 'Jane Doe, who is 36, won': the person the clause tells of
            if owner is not None and _named(owner):
                out.append(_age(doc[tok.i : end.i + 1], float(tok.text), person_name(owner)))  # 'Smith is 45 and ...'
                continue
        elif (
            tok.dep_ == "appos"
            and tok.head.pos_ in {"NOUN", "PROPN"}
            and tok.i > 0
            and doc[tok.i - 1].text in {",", "("}
            and (nxt is None or nxt.text in {",", ")"})
        ):
            owner = tok.head
        if owner is None or not is_person(owner):
            continue
        name = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else noun_phrase(owner)
        out.append(_age(doc[tok.i : end.i + 1], float(tok.text), name))
    return out


def _ends_clause(tok: Token | None) -> bool:
    """Nothing more of the value after the number: the sentence ends, a mark, or 'and' ('Smith is 45 and ...')."""
    return tok is None or tok.is_punct or tok.dep_ == "cc"


def _named(tok: Token) -> bool:
    """A proper name the tagger may not have called a person ('Smith' read as an organisation): no place, time
    or amount."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON", "ORG"}


def _event_ages(doc: Doc) -> list[Mention]:
    """Ages an event tells: 'died at 58', 'his death at 58' (lexicon 'age_at_events'), 'she turned 21'
    ('age_turning_verbs'), 'her 21st birthday' ('age_occasions')."""
    out: list[Mention] = []
    for tok in doc:
        years = _age_number(tok) if tok.tag_ == "CD" else _ordinal_years(tok)
        if years is None or not 0 < years <= 120:
            continue
        head = tok.head
        if _measured(tok) and tok.dep_ != "amod":
            continue
        if tok.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in lexicon.words("age_at_events"):
            event, written = head.head, doc[head.i : tok.i + 1]
        elif tok.dep_ in {"dobj", "attr", "oprd"} and head.lemma_.lower() in lexicon.words("age_turning_verbs"):
            event, written = head, doc[tok.i : tok.i + 1]
        elif tok.dep_ == "amod" and head.lemma_.lower() in lexicon.words("age_occasions") and tok.tag_ != "CD":
            event, written = head, doc[tok.i : head.i + 1]
        else:
            continue
        person = _event_person(event)
        if person is not None:
            out.append(_age(written, years, person, event if written[0].lower_ == "at" else _milestone(event)))
    return out


def _milestone(turning: Token) -> Token | None:
    """The act an age still to come is the age at: 'they hope to start a fund when the boy turns 18' (start);
    None for an age reached ('she turned 21', 'her 21st birthday')."""
    if turning.pos_ != "VERB" or turning.tag_ in {"VBD", "VBN"}:
        return None
    return turning.head if turning.dep_ == "advcl" and turning.head.pos_ == "VERB" else turning


def _decade_ages(doc: Doc) -> list[Mention]:
    """'a man in his 40s', 'Jones, who is in his late 30s', 'underwent surgery in her teens': an age by decade
    (its first year; values/ranges.py reads the range from the text) of the person the phrase tells of; at a
    light verb's act ('lexicon 'light_event_verbs'), the age at that act."""
    out: list[Mention] = []
    for tok in doc:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if (
            tok.dep_ != "pobj"
            or tok.head.lower_ != "in"
            or owner is None
            or owner.lower_ not in lexicon.words("age_possessives")
        ):
            continue
        written = doc[owner.i : tok.i + 1]
        years = decade_range(written.text)
        held = tok.head.head  # 'a man in his 40s' (the man), 'underwent surgery in her teens' (the act)
        if years is None or held.pos_ not in {"NOUN", "PROPN", "VERB", "AUX"}:
            continue
        if held.pos_ in {"NOUN", "PROPN"}:
            person = (person_name(held) if held.pos_ == "PROPN" else noun_phrase(held)) if is_person(held) else None
            event = None
        else:
            named = [c for c in held.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and is_person(c)]
            person = noun_phrase(named[0]) if named and named[0].pos_ == "NOUN" else None
            person = person or _person_before(doc, owner.i) or _range_owner(tok) or doc[owner.i : owner.i + 1]
            light = lexicon.words("light_event_verbs")
            if held.lemma_.lower() not in light and held.dep_ in {"advcl", "xcomp"}:
                held = held.head  # 'having surgery to remove ... in her early 20s': the surgery's
            event = held if held.lemma_.lower() in light else None
        if person is not None:
            out.append(_age(written, years[0], person, event))
    return out


def _ordinal_years(tok: Token) -> float | None:
    """The number of an ordinal as written ('21st' -> 21), or None."""
    match = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", tok.lower_)
    return float(match.group(1)) if match else None


def _measured(tok: Token) -> bool:
    """Does a unit or counted noun follow the number ('died at 58 mph', 'at 3 p.m.')?"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.pos_ in {"NOUN", "PROPN"} or nxt.lower_ in {"a.m.", "p.m.", "%"})


def _event_person(event: Token) -> Span | None:
    """Whose age an event tells: the noun's possessor ('his death'), the person of 'the death of X', or the
    person the clause is about (_range_owner)."""
    if event.pos_ == "NOUN":
        poss = next((c for c in event.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ in {"his", "her"}:  # 'his death': the person named before, if any
            return _person_before(poss.doc, poss.i) or _range_owner(event) or poss.doc[poss.i : poss.i + 1]
        if poss is not None:
            return person_name(poss) if is_person(poss) or _named(poss) else None
        of = next((c for c in event.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whom = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whom is not None:
            return person_name(whom) if is_person(whom) or _named(whom) else None  # not 'the 40th birthday of the firm'
    subject = _subject(event) if event.pos_ in {"VERB", "AUX"} else None
    if subject is not None and (is_person(subject) or _named(subject)):
        return subject.doc[subject.i : subject.i + 1] if subject.pos_ == "PRON" else person_name(subject)
    return _range_owner(event)


def _age_phrases(doc: Doc) -> list[Mention]:
    """'Passes Away at Age of 88', 'aged 42', 'at age 13': the age of the clause's person."""
    out: list[Mention] = []
    for tok in doc:
        if not re.fullmatch(r"\d{1,3}", tok.text) or not 0 < int(tok.text) <= 120 or tok.i == 0:
            continue
        before = doc[max(0, tok.i - 2) : tok.i].text.lower()
        if not (before.endswith("age of") or doc[tok.i - 1].lower_ in {"aged", "age"}):
            continue
        person: Span | None = next((e for e in doc.ents if e.label_ == "PERSON" and e.end <= tok.i), None)
        verb = next((t for t in tok.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        subject = _subject(verb) if verb is not None else None
        if person is None and verb is not None and verb.dep_ in {"acl", "amod"} and is_person(verb.head):
            person = (
                person_name(verb.head) if verb.head.pos_ == "PROPN" else noun_phrase(verb.head)
            )  # 'The victim, aged 21,'
        elif person is None and subject is not None and subject.pos_ == "PROPN":
            person = person_name(subject)  # a name the NER misses in a title-case headline
        elif person is None and subject is not None and is_person(subject):
            person = noun_phrase(subject)
        if person is None:
            continue
        start = doc[tok.i - 2] if before.endswith("age of") else doc[tok.i - 1]
        age = start if start.lower_ == "age" else None
        at = age.head if age is not None and age.head.lower_ == "at" else None  # 'at the unbelievable age of 9'
        out.append(_age(doc[start.i : tok.i + 1], float(tok.text), person, at.head if at is not None else None))
    return out


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two ('Breaking: Singer Ann Lee Dies'), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _age_number(tok: Token) -> float | None:
    """An age as written: digits or a number word ('53', 'thirteen')."""
    if re.fullmatch(r"\d{1,3}", tok.text):
        return float(tok.text)
    words = lexicon.table("number_words")
    return float(words[tok.lower_]) if tok.lower_ in words and tok.lower_ not in {"a", "an"} else None


def _age(written: Span, years: float, person: Span, event: Token | None = None) -> Mention:
    """An age of YEARS years, as WRITTEN, stated of PERSON; told 'at' an EVENT, the age at that event ('started
    trading at the age of 9': age at start), unless the event ends a life (lexicon 'final_age_events')."""
    value = Value(type=ValueType.NUMBER, text=written.text, normalized=f"{years:g}", number=years, unit="years")
    lemma = event.lemma_.lower() if event is not None and event.pos_ in {"VERB", "NOUN"} else "be"
    done = next((c for c in event.children if c.dep_ == "dobj"), None) if event is not None else None
    if done is not None and lemma in lexicon.words("light_event_verbs"):
        lemma = done.lemma_.lower()  # 'underwent surgery in her teens': her age at the surgery
    final_words = lexicon.words("final_age_events")
    final = lemma in final_words | {"be"} or (
        event is not None
        and any(c.dep_ in {"oprd", "acomp"} and c.lemma_.lower() in final_words for c in event.children)
    )  # 'has been found dead at the age of 52': the age at death
    noun = "age" if final else f"age at {lemma}"
    return Mention(
        written.start_char, written.end_char, "age", value, noun=noun, name=person.text, name_start=person.start_char
    )
