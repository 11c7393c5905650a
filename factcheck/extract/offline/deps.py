"""Subject and predicate of a value from spaCy's dependency tree: for counts, measures, durations and sums it
decides first, the clause rules of frames.py only where it names no subject (and for dates).

The value's governing verb is the nearest verb above it; the subject is that verb's nominal subject
(or, for an infinitive or a conjoined verb, the subject of the verb it hangs on, and for a relative clause
the noun it hangs on). A count that is itself the subject is a count of its noun ("Two patients stopped");
a value that modifies a noun describes it ("the 151-seat House"); the attribute is the counted noun with the
verb as written ("homes destroyed"), the count alone after a light verb ("has 4,200 residents"), "duration"
for a duration, and what a sum is for a sum ("$300 million in grants"). "In 2009, a British man was arrested"
dates the arrest of "a British man"; "X said it had grown" gives "it", which the caller resolves to a thing,
not the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.counts import attended, count_subject
from factcheck.extract.offline.predicates import (
    DESCRIBING,
    LIGHT_VERBS,
    measured_thing,
    money_attribute,
    value_attribute,
)
from factcheck.extract.offline.quantities import count_attribute
from factcheck.extract.offline.tree import stranded_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECTS = {"nsubj", "nsubjpass"}
_PARTITIVES = {"all", "both", "each", "most", "many", "some", "none"}
_RAISING = {"xcomp", "conj", "advcl", "acl", "relcl"}
_RELATIVES = {"which", "that", "who"}
_PARTICIPLES = {"VBG", "VBN"}
_OBJECTS = {"dobj", "pobj", "attr"}
_BREAKS = {",", ";", ":", "(", ")", "—", "–"}
_CLAUSES = {"ccomp", "advcl", "conj", "cc", "punct", "relcl", "parataxis", "mark", "xcomp"}
_ATTRIBUTION = lexicon.exact("extract_offline_deps_attribution")


@dataclass
class Slot:
    """A subject and predicate for a value; offsets relative to the sentence."""

    subject: str
    start: int
    end: int
    attribute: str
    verb_end: int
    pronoun: bool
    describes: bool = False  # 'the 2.4-mile tunnel': a property of the noun, not of the clause's event


def governing(doc: Doc, start: int) -> tuple[Token, Token] | None:
    """The token at character `start` and the verb it hangs from (the root when no verb governs it)."""
    tok = next((t for t in doc if t.idx <= start < t.idx + len(t)), None)
    if tok is None:
        return None
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return tok, verb


def said_when(doc: Doc, start: int) -> bool:
    """Does the date at character `start` hang from a verb of saying ('said on Monday'), not from a verb of what was
    said ('said: "Since the 1980s, they are brought home"')?"""
    found = governing(doc, start)
    return found is None or found[1].lemma_.lower() in lexicon.words("speech_verbs")


def dependency_slot(doc: Doc, start: int, noun: str = "", end: int | None = None, kind: str = "") -> Slot | None:
    """The subject and predicate governing the value at characters `start`..`end` (the value's first token alone
    when no end is given) of a count of `noun` or a value of `kind`; None when the tree names no subject."""
    found = governing(doc, start)
    if found is None:
        return None
    tok, verb = found
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in lexicon.words("speech_verbs"):
        return None  # when a thing was said is not a fact of the story
    head = _value_head(doc, tok, start if end is None else end)
    described = count_attribute(noun) if noun else kind if kind == "duration" else ""
    if described and head.i != tok.i and head.dep_ in DESCRIBING and head.head.pos_ in {"NOUN", "PROPN"}:
        return _described(head, described, verb)  # 'the 151-seat House': the value describes the noun it modifies
    thing = measured_thing(head) if kind == "duration" else None
    if thing is not None:  # 'two years of free credit monitoring': how long the monitoring is
        return Slot(
            thing.text, thing.start_char, thing.end_char, kind, max(thing.end_char, verb.idx + len(verb)), False
        )
    changed = _changed_to(head, verb) if kind == "money" else None
    if changed is not None:  # "raising the project's estimated cost to $2.3 billion"
        return changed
    owner = _possessor(head) if kind == "money" else None
    if owner is not None:  # "Copenhagen's 300 million crown aid package": the owner's
        attribute = money_attribute(head, verb, start if end is None else end, tok)
        return Slot(owner.text, owner.idx, owner.idx + len(owner), attribute, _phrase_end(head.head), False)
    subject = _subject(verb)
    counts = subject is not None and bool(noun) and _counts(head, subject)
    if counts and subject is not None and subject.pos_ != "NUM":
        return _counted_subject(head, noun, verb)  # 'Nearly 190 homes have been destroyed': what is counted
    if subject is None or subject.pos_ == "NUM" or (_within(head, subject) and not _described_by(verb, subject)):
        # 'Of the 300 passengers, only 30 were hurt': the count's noun is elsewhere
        counted = _count_owner(tok, noun) or count_subject(tok, verb, noun)
        if isinstance(counted, tuple):
            phrase, attr = counted
            return Slot(phrase.text, phrase.start_char, phrase.end_char, attr, verb.idx + len(verb), False)
        return counted or (_counted_subject(head, noun, verb) if counts else None)
    left = left_edge(subject)
    attribute = value_attribute(verb, head, noun, kind, tok, start if end is None else end)
    pronoun = subject.pos_ == "PRON"
    if pronoun and subject.lower_ not in {"it", "they", "he", "she", "that", "this"}:
        return None
    last = of_end(subject)
    right = max(clause_end(verb), _phrase_end(head) if head.i != verb.i else 0)
    return Slot(doc[left.i : last.i + 1].text, left.idx, last.idx + len(last), attribute, right, pronoun)


def negated_value(doc: Doc, start: int) -> bool:
    """Is the value at character `start` told in a clause that denies it: its verb negated ('did not weigh 310
    pounds'), its subject a word of denial ('Nobody has pulled a 300-pound catfish', 'No one was paid'), or its own
    phrase negated ('18 months, not two years')?"""
    found = governing(doc, start)
    if found is not None and _denied_phrase(found[0]):
        return True
    if found is None or found[1].pos_ not in {"VERB", "AUX"}:
        return False
    verb = found[1]
    denying = lexicon.words("negations") | lexicon.words("denials")
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    no_subject = subject is not None and (
        subject.lower_ in denying or any(c.dep_ == "det" and c.lower_ in denying for c in subject.children)
    )
    tok = found[0]
    negations = [c.i for c in verb.children if c.dep_ == "neg" or c.lower_ == "never"]
    return no_subject or any(n < tok.i and not _turned(doc[n : tok.i]) for n in negations)


def not_claimed(doc: Doc, start: int, kind: str) -> bool:
    """Is the value of this kind at character `start` no claim of its own: a count or sum its clause denies
    (`negated_value`), a span or share its own phrase denies (`denied_phrase`), a date a count was read by?"""
    if kind in {"number", "money"}:
        return negated_value(doc, start)
    if kind == "date":
        return _by_date(doc, start)
    return kind in {"duration", "percent"} and denied_phrase(doc, start)


def _by_date(doc: Doc, start: int) -> bool:
    """Does the date at character `start` hang from 'by' on a counting verb in the perfect ('By Wednesday the post
    had been shared 90,000 times': when a count was read)? 'had been retired by 1992' dates an act."""
    tok = found[0] if (found := governing(doc, start)) else None
    while tok is not None and tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ == "by":
            verb, by = tok.head.head, tok.head
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
            return perfect and any(t.like_num for c in verb.children if c.i != by.i for t in c.subtree)
        tok = tok.head
    return False


def denied_phrase(doc: Doc, start: int) -> bool:
    """Is the value at character `start` negated in its own phrase ('18 months, not two years'), whatever its verb
    says: a span of a negated act ('had not turned up for work for eight years') still holds."""
    return (found := governing(doc, start)) is not None and _denied_phrase(found[0])


def _denied_phrase(tok: Token) -> bool:
    """Is the value's own phrase negated before it ('not' hanging on 'years' in 'not two years'), with no bound or
    contrast turning it ('not more than two years')?"""
    doc = tok.doc
    return any(
        c.dep_ == "neg" and c.i < tok.i and not _turned(doc[c.i : tok.i])
        for phrase in {tok, tok.head}
        for c in phrase.children
    )


def _turned(between: Span) -> bool:
    """Do the words between a negation and a value set the value apart from it: a contrast ('is not 3 metres long
    but measures 40 centimetres') or a bound ('will not cost less than $5,000': at least that)?"""
    contrast = any(t.lower_ in lexicon.words("contrast_words") for t in between)
    return contrast or lexicon.find_qualifier(between.text) is not None


def _changed_to(head: Token, verb: Token) -> Slot | None:
    """A sum after 'to' or 'at' is the new value of the verb's object ('raised the list price to $164,300',
    "raising the project's estimated cost to $2.3 billion"): the object's owner (its possessor or its 'of' noun),
    else the verb's subject."""
    if head.dep_ != "pobj" or head.head.lower_ not in {"to", "at"} or head.head.head.i != verb.i:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    of = of_end(obj)  # 'put the total cost of the attack at $71 million': the attack's
    owner = next((c for c in obj.lefts if c.dep_ == "poss"), None) or (
        of if of.i != obj.i and of.pos_ != "PRON" else _subject(verb)
    )
    if owner is None or owner.pos_ == "PRON":
        return None
    words = [t.lower_ for t in obj.lefts if t.dep_ == "compound"]
    attribute = " ".join([*words, obj.lower_, "amount"])  # 'cost amount', 'list price amount', as 'cost $5' gives
    left = left_edge(owner)
    return Slot(
        owner.doc[left.i : owner.i + 1].text, left.idx, owner.idx + len(owner), attribute, clause_end(verb), False
    )


def _possessor(head: Token) -> Token | None:
    """The possessive name of the noun a sum describes ("Copenhagen's ... aid package" -> Copenhagen), or None."""
    if head.dep_ not in DESCRIBING or head.head.pos_ != "NOUN":
        return None
    owner = next((c for c in head.head.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    return owner


def of_end(noun: Token) -> Token:
    """The last token of a noun with its 'of' phrase ('Shares of Brightwater'), else the noun."""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and obj.i - noun.i <= 4 else noun


def clause_end(verb: Token) -> int:
    """The character end of a verb's own clause: its objects and adjuncts, not the clauses hanging on it nor who
    says so ('according to Canada.com')."""
    last = verb
    for child in verb.rights:
        if child.dep_ not in _CLAUSES and child.lower_ not in _ATTRIBUTION and child.right_edge.i > last.i:
            last = child.right_edge
    return last.idx + len(last)


def _value_head(doc: Doc, tok: Token, end: int) -> Token:
    """The top of the value's phrase: its last token's head chain out of the value's words and modifiers
    ('the 1,200-ton machine' -> machine; 'about 30 can' -> 30)."""
    last = next((t for t in reversed(doc) if t.idx < end), tok)
    head = last if last.i >= tok.i else tok
    while head.head.i != head.i and tok.i <= head.head.i <= last.i:
        head = head.head
    return head


def _described(value: Token, attribute: str, verb: Token) -> Slot:
    """'The 9.4-mile line', 'the 151-seat House of Representatives': the noun phrase after the value."""
    owner = value.head
    while owner.dep_ == "compound" and owner.head.i > owner.i and owner.head.pos_ in {"NOUN", "PROPN"}:
        owner = owner.head  # 'a 12-foot fiberglass cow', the unit parsed as the material's: the cow
    doc = value.doc
    first = doc[value.right_edge.i + 1] if value.right_edge.i < owner.i else owner
    last = max(
        (t for t in owner.subtree if t.dep_ in {"compound", "prep", "pobj"} or t.i == owner.i), key=lambda t: t.i
    )
    last = last if last.i - owner.i <= 3 else owner
    end = last.idx + len(last)
    return Slot(doc[first.i : last.i + 1].text, first.idx, end, attribute, max(end, verb.idx + len(verb)), False, True)


def _counts(head: Token, subject: Token) -> bool:
    """Is the value's phrase the subject itself, or what the subject counts ('Two of the patients')?"""
    return head.i == subject.i or (head.head.i == subject.i and head.dep_ in {"nummod", "quantmod"})


def _within(token: Token, phrase: Token) -> bool:
    """Is `token` inside the phrase headed by `phrase` (and not its head)?"""
    return token.i != phrase.i and phrase.left_edge.i <= token.i <= phrase.right_edge.i


def _phrase_end(head: Token) -> int:
    """The character end of a value's noun phrase ('90 percent of the European Union's catch'), without clauses."""
    end = head.idx + len(head)
    for child in head.rights:
        if child.dep_ in {"prep", "compound", "amod", "nummod", "quantmod", "pobj", "appos"}:
            last = child.right_edge
            end = max(end, last.idx + len(last))
    return end


def _counted_subject(head: Token, noun: str, verb: Token) -> Slot:
    """A count that is its verb's subject is a count of its noun ('Two patients stopped' -> patients)."""
    first = head
    for child in head.lefts:
        if child.dep_ in {"amod", "compound"} and not child.like_num and child.i == first.i - 1:
            first = child
    doc, end, place = head.doc, max(clause_end(verb), _phrase_end(head)), attended(verb)
    if place is not None:  # 'More than 30 people were at the dinner': a count of the dinner's people
        return Slot(place.text, place.start_char, place.end_char, count_attribute(noun), end, False)
    attribute = count_attribute(noun)
    if verb.pos_ == "VERB" and verb.lemma_.lower() not in LIGHT_VERBS and attribute != noun:
        told = [verb, *(c for c in verb.children if c.dep_ in {"acomp", "oprd", "prt"})]
        attribute = " ".join([noun, *(t.lower_ for t in sorted(told, key=lambda t: t.i))])  # 'people evacuated'
    return Slot(doc[first.i : head.i + 1].text, first.idx, head.idx + len(head), attribute, end, False)


def _count_owner(tok: Token, noun: str) -> Slot | None:
    """'the 1,500 species of scorpion': a count with no subject of its own belongs to what it counts."""
    counted = tok.head if tok.dep_ in {"nummod", "compound"} else None
    of = next((c for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"), None) if counted else None
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if not noun or owner is None or owner.pos_ not in {"NOUN", "PROPN"}:
        return None
    return noun_slot(owner, f"number of {noun}")


def noun_slot(noun: Token, attribute: str) -> Slot:
    """The slot of a noun phrase, from its first word to the noun, with the attribute given."""
    left, end = left_edge(noun), noun.idx + len(noun)
    return Slot(noun.doc[left.i : noun.i + 1].text, left.idx, end, attribute, end, False)


def _subject(verb: Token) -> Token | None:
    """The verb's nominal subject, else that of the verb an infinitive or conjoined verb hangs on."""
    for _ in range(4):
        subject = _nominal_subject(verb)
        if subject is not None and subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
            return verb.head  # 'the study, which enrolled 412 patients': the noun the clause hangs on
        if subject is not None:
            return _part_of(subject)
        described = _participle_noun(verb) or stranded_subject(verb)
        if described is not None:
            return described  # 'a kite, sold in toy shops and weighing 4 kg': the noun the participle describes
        if verb.dep_ not in _RAISING or verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.lemma_.lower() in lexicon.words("speech_verbs"):
            return None  # 'Fighting the fire cost C$91 million, officials said': the speaker is not the subject
    return None


def _nominal_subject(verb: Token) -> Token | None:
    """The verb's subject; of two side by side, the name ('the ferry Dona Paz sank', parsed as two subjects:
    the ferry named Dona Paz)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if len(subjects) == 2 and subjects[0].right_edge.i + 1 == subjects[1].left_edge.i and subjects[1].pos_ == "PROPN":
        return subjects[1]
    return subjects[0] if subjects else None


def _participle_noun(verb: Token) -> Token | None:
    """The noun a participle clause describes: its head ('a statue weighing 300 kg'), or for a past participle set
    off by a comma right after an object ('shaped like a kite, often sold in toy shops'), that object."""
    if verb.tag_ not in _PARTICIPLES or any(c.dep_ in _SUBJECTS | {"mark"} for c in verb.children):
        return None
    if verb.dep_ == "acl":
        return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None
    first = verb.left_edge.i
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or first < 2 or verb.doc[first - 1].text != ",":
        return None
    noun = verb.doc[first - 2]
    return noun if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ in _OBJECTS and noun.i > verb.head.i else None


def _described_by(verb: Token, noun: Token) -> bool:
    """Is `verb` (or the verb it is conjoined to) a participle describing `noun` ('a kite, sold ... and weighing')?"""
    while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head  # 'a kite, sold ... and weighing', 'the coach, licensed to carry 45 passengers'
    return verb.dep_ == "acl" and verb.head.i == noun.i


def _part_of(subject: Token) -> Token:
    """'All of their shells had been retired': the noun a quantifier takes a part of, else the subject itself."""
    if subject.lemma_.lower() not in _PARTITIVES:
        return subject
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.pos_ in {"NOUN", "PROPN"} else subject


def left_edge(noun: Token) -> Token:
    """The first token of the noun phrase (determiners, adjectives, compounds, possessives)."""
    start = noun
    for child in noun.lefts:
        if child.dep_ in {"det", "amod", "compound", "poss", "nummod", "nmod"}:
            start = child.left_edge if child.left_edge.i < start.i else start
    cut = max((t.i for t in noun.doc[start.i : noun.i] if t.text in _BREAKS), default=None)
    return start if cut is None else noun.doc[cut + 1]  # 'PST, the story' -> 'the story'
