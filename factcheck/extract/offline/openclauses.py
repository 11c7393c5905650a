"""Open clauses with a named value, read from the parse: whom or what a clause's verb, or a noun in apposition to a
name, relates its subject to.

"Microsoft bought Mojang" (microsoft · buy = mojang), "the Alaska Airlines flight originated in Los Cabos"
(alaska_airlines_flight · originate in = los_cabos), "Rivers was treated at Yorkville Endoscopy" (joan_rivers ·
treated at = yorkville_endoscopy), "Mojang, the creator of Minecraft" (mojang · creator of = minecraft). The value
is a name the parse labels (`open_value_labels` in the lexicon): the object, the attribute of a copula, the object
of a verb's preposition, or the name of a work a noun there carries ("the Minecraft video game"). A verb of saying
gives none (its clause is who says so, not a fact), nor a denied verb, a deed of agents.py or a passive's 'by' doer
(byagents.py).

A subject must name someone: a name, a noun a name qualifies ("the Mansion movie"), or a pronoun the article's
resolvers name (reference.py: the speaker of a reported clause, the named subject of a joined clause; 'he' or 'she'
the last person of the sentences before, when its own names no one before it); a description ("the company", "the
biggest crab") gives no claim. Nor does a clause that states nothing of its own (under 'if' or 'whether', an
infinitive of intent, a verb naming its object). What a subject does to a
thing it can do to many ("bought Mojang" and "bought Oculus"), so its value is one of several (`ONE_OF`), never in
conflict with another name; a copula names one thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import clean_name, place_key, slug
from factcheck.extract.offline.affiliations import org_key
from factcheck.extract.offline.agents import deed_of, noun_key, noun_text
from factcheck.extract.offline.reference import group_antecedent, person_before, speaker_antecedent
from factcheck.extract.offline.tree import entity_of, personal_pronoun, relative_pronoun
from factcheck.models import ONE_OF, Modality, Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from factcheck.extract.aliases import AliasTable
    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

_NOUNS = {"NOUN", "PROPN"}
_OBJECTS = {"dobj", "attr", "oprd"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# 'bought and renamed', 'is criticised for canceling': the subject of the verb above; not an infinitive ('plans to
# buy', 'is planning to use'), which tells what is meant, not what is done
_UP = {"conj", "acomp", "pcomp"}
_COPULA = "be"
_PLACES = {"GPE", "LOC", "FAC"}
_REGIONS = {"GPE", "LOC"}
_JOURNEY = {"to", "from"}
_PARTIAL = {"compound", "amod", "nmod", "poss", "conj", "cc"}  # words before a name that would make it another


@dataclass(frozen=True)
class OpenFact:
    """A subject, the relation and the named value; offsets relative to the sentence."""

    subject: Token
    attribute: str
    value: Span
    single: bool  # a copula names one thing; what a subject does it may do to many
    start: int
    end: int
    verb: bool = True  # told by a verb, whose clause says how sure it is; an apposition is stated outright


def open_facts(doc: Doc) -> list[OpenFact]:
    """Every clause of the sentence that relates its subject to a name, and every name a noun in apposition
    relates to another ('Mojang, the creator of Minecraft')."""
    out: list[OpenFact] = []
    if len(doc) and doc[-1].text == "?":
        return out  # a question asserts no relation
    for tok in doc:
        if tok.pos_ in {"VERB", "AUX"}:
            out += _verb_facts(tok)
        elif tok.pos_ == "PROPN":
            out += _appositive_facts(tok)
    return out


def _verb_facts(verb: Token) -> list[OpenFact]:
    """The named objects of one verb, with its subject; none for a verb of saying, a denied verb or a deed."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.words("speech_verbs") or lemma in lexicon.words("open_skipped_verbs"):
        return []
    if any(c.dep_ == "neg" for c in verb.children) or deed_of(verb) is not None or _dependent(verb):
        return []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    subject = _subject(verb)
    if subject is None:
        return []
    head = [verb.lower_ if passive else lemma, *(c.lower_ for c in verb.children if c.dep_ == "prt")]
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if thing is not None:
        head.append(thing.lemma_.lower())  # 'canceled the release of The Interview': cancel release of
    first = min(subject.left_edge.idx, verb.idx) if subject.i < verb.i else verb.idx
    out: list[OpenFact] = []
    for words, obj in _objects(verb, passive, head, thing):
        name = _name_of(obj)
        if name is not None and not _within(subject, name) and _fits(verb, passive, words, name):
            out.append(OpenFact(subject, " ".join(words), name, lemma == _COPULA, first, name.end_char))
    return out + _active(verb, subject) if passive else out


def _dependent(verb: Token) -> bool:
    """Is the verb's clause no statement of its own: one a conditional or interrogative subordinator opens ('if it
    buys ...', 'whether the student had been captured'), a verb naming its object ('called him Han': an alias,
    not a relation), or one whose subject is an expletive ('there is ...')?"""
    marks = lexicon.words("open_unasserted_marks")
    if any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return True
    if any(c.dep_ == "oprd" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children):
        return True
    return any(c.dep_ == "expl" for c in verb.children)


def _active(verb: Token, patient: Token) -> list[OpenFact]:
    """'Mojang was acquired by Microsoft' told as 'Microsoft acquired Mojang' when both are names, so that it meets
    the active voice of another outlet in one slot (byagents.py gives the doer of the passive)."""
    by = next((c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    done = _name_of(patient) if patient.pos_ == "PROPN" and patient.dep_ == "nsubjpass" else None
    if doer is None or done is None or doer.pos_ != "PROPN" or entity_of(doer) is None:
        return []
    attribute = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")])
    start, end = min(patient.left_edge.idx, doer.idx), max(done.end_char, doer.idx + len(doer))
    return [OpenFact(doer, attribute, done, False, start, end)]


def _fits(verb: Token, passive: bool, words: list[str], name: Span) -> bool:
    """Whether a name can be what the verb relates its subject to: after a copula only a place its preposition
    places the subject in (lexicon 'place_prepositions': 'the missiles are at F.E. Warren'); a person an active
    verb reaches is one of those its subject dealt with ('joined Barack Obama', 'met with Olaf Brandt'), an
    encounter rather than a fact of the subject's; a country, city or region is where a thing is or goes (a place
    preposition, or 'to' and 'from' after a verb of journey), not one an act reaches ('asked Britain')."""
    ent = entity_of(name.root)
    label = ent.label_ if ent is not None else ""
    places = lexicon.words("place_prepositions")
    if verb.lemma_.lower() == _COPULA:
        return len(words) == 1 or words[-1] in places
    if label in _REGIONS:  # 'filmed in Lima', 'flew to Lisbon'; not 'asked Britain', 'cozied up to Japan'
        return words[-1] in places or (words[-1] in _JOURNEY and verb.lower_ in lexicon.words("journey_verbs"))
    return passive or label != "PERSON"


def _objects(verb: Token, passive: bool, head: list[str], thing: Token | None) -> list[tuple[list[str], Token]]:
    """(attribute words, object) of each object of a verb that may be a name: its object or a copula's attribute,
    the object of its preposition or of its object's ('cancel the release of The Interview'), and their conjuncts."""
    found: list[tuple[list[str], Token]] = []
    copula = verb.lemma_.lower() == _COPULA
    for child in verb.children:
        if child.dep_ in _OBJECTS and not passive and (child.dep_ == "attr" or not copula):
            found.append(([verb.lemma_.lower(), *head[1:-1]] if thing is child else head, child))
        elif child.dep_ == "prep" and child.lower_ in lexicon.words("open_naming_prepositions"):
            continue  # 'referred to as the Skyline Pro', 'known as Reyes': a name for the subject, align/aliases.py's
        elif child.dep_ in {"prep", "agent", "dative"} and thing is None and not (passive and child.lower_ == "by"):
            found += [([*head, child.lower_], c) for c in child.children if c.dep_ == "pobj"]  # not 'made a visit to'

    if thing is not None:
        for prep in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in lexicon.words("open_object_links")):
            found += [([*head, prep.lower_], c) for c in prep.children if c.dep_ == "pobj"]
    return [(words, o) for words, x in found for o in (x, *_conjuncts(x))]


def _appositive_facts(name: Token) -> list[OpenFact]:
    """'Mojang, the creator of Minecraft', 'Whitstable, a town near Canterbury': the noun in apposition to a name
    with the name its preposition gives; a post 'for' or 'at' an organisation is affiliations.py's employer."""
    own = entity_of(name)
    if own is None or own.root.i != name.i or own.label_ not in lexicon.exact("open_value_labels"):
        return []
    out: list[OpenFact] = []
    for noun in (c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            if own.label_ == "PERSON" and prep.lower_ in {"for", "at"}:
                continue
            if prep.lower_ not in lexicon.words("open_appositive_links"):
                continue  # 'project manager in Ravensport' places the post, relates it to nothing
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                value = _name_of(obj)
                if value is not None and not (own.start <= value.start < own.end):
                    attribute = f"{noun.lemma_.lower()} {prep.lower_}"
                    out.append(OpenFact(name, attribute, value, False, own.start_char, value.end_char, verb=False))
    return out


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs from ('plans to buy', 'bought and renamed'), or the noun a
    relative clause describes ('the company, which bought ...')."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if relative_pronoun(subject) and verb.dep_ == "relcl" and verb.head.pos_ in _NOUNS:
                return verb.head
            return subject
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "Sony's decision to cancel ...": the owner decides
            return next((c for c in verb.head.children if c.dep_ == "poss" and c.pos_ in _NOUNS), None)
        above = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head
        if verb.dep_ not in _UP or above.i == verb.i or above.pos_ not in {"VERB", "AUX", "ADJ"}:
            return None
        verb = above  # 'was busy watching', 'is criticised for canceling': the verb it completes


def _conjuncts(tok: Token) -> list[Token]:
    """The names joined to an object by 'and' or 'or' ('Halo and Forza')."""
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]


def _name_of(obj: Token) -> Span | None:
    """The name an object is, without a leading 'the', or the name of a work it carries ('the Minecraft video
    game'); None when it names nothing the lexicon counts as a value."""
    labels = lexicon.exact("open_value_labels")
    if _possessor(obj):
        return None  # "studying at Lisbon' oldest school": the owner of the object, not the object
    ent = entity_of(obj)
    if obj.pos_ == "PROPN" and (ent is None or ent.root.i != obj.i):
        return _proper_phrase(obj, labels)  # 'American Sniper' with only 'American' labelled
    if ent is None and obj.pos_ == "NOUN":
        named = [
            c
            for c in obj.children
            if c.dep_ in {"compound", "nmod"} and c.ent_type_ in lexicon.exact("open_work_labels")
        ]
        ent = entity_of(named[0]) if len(named) == 1 else None
        if ent is not None and ent.end > obj.i:
            return None
    elif ent is not None and ent.root.i != obj.i:
        return None
    if ent is None or ent.label_ not in labels or any(c.dep_ == "nummod" for c in obj.lefts):
        return None  # 'sold 7 million PlayStation 4 consoles' counts things, names none
    if ent.start <= obj.i < ent.end and any(c.dep_ in _PARTIAL and not ent.start <= c.i < ent.end for c in obj.lefts):
        return None  # 'the Ministry's Asian and Oceanian Affairs Bureau': the parse names only part of it
    start = ent.start
    while start < obj.i and (obj.doc[start].is_punct or obj.doc[start].lower_ == "the"):
        start += 1  # '"The Interview': the title without its quotation mark and article
    return obj.doc[start : ent.end] if start < ent.end else None


def _possessor(tok: Token) -> bool:
    """Is the word a possessor: with its 's, or a bare apostrophe after it the parse reads as punctuation?"""
    if any(c.dep_ == "case" for c in tok.children):
        return True
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and not tok.whitespace_ and after.is_punct and after.text in {"'", "\u2019"}


def _proper_phrase(head: Token, labels: frozenset[str]) -> Span | None:
    """A proper noun with the proper nouns compounded before it, when the parse labels a name within it."""
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].pos_ in {"PROPN", "ADJ"}:
        start -= 1
    if start == head.i or not any(t.ent_type_ in labels for t in head.doc[start : head.i + 1]):
        return None
    return head.doc[start : head.i + 1]


def _within(subject: Token, name: Span) -> bool:
    """Is the name part of the subject's own phrase ('Stockholm-based Mojang' is not based in itself)?"""
    return subject.left_edge.i <= name.start and name.end - 1 <= subject.i


def value_key(name: Span, aliases: AliasTable) -> str:
    """A name's key: a person's through the article's names, a place's folded, an organisation's as written."""
    ent = entity_of(name.root)
    label = name.label_ or (ent.label_ if ent is not None else "")
    if label in _PLACES:
        return place_key(name.text)
    if label == "PERSON" or aliases.person(name.text):
        return aliases.key(name.text)  # 'Hefner', labelled an organisation, is the person the article names in full
    return org_key(name.text, aliases) if label == "ORG" else aliases.resolve(slug(clean_name(name.text)))


class OpenClausesMixin(_Base):
    """Emits the named values of open clauses; mixed into the offline reader after the narrower readers."""

    doc: Doc
    last_person: str | None

    def _open_clauses(self) -> None:
        """One claim per open fact whose subject the article names; a value already claimed there is not told again."""
        for fact in open_facts(self.doc):
            if any(a <= fact.start < b for a, b in self.attrib.skip):
                continue
            subject, key = self._open_subject(fact)
            value_text = fact.value.text
            normalized = value_key(fact.value, self.aliases)
            if not key or not normalized or normalized == key or self._told(normalized, fact):
                continue
            value = Value(
                type=ValueType.ENTITY, text=value_text, normalized=normalized, qualifier=None if fact.single else ONE_OF
            )
            mod = self._modality(self._clause_of(self._token_at(fact.start))) if fact.verb else Modality.REPORTED
            self._emit_span(subject, key, fact.attribute, value, None, fact.start, fact.end, mod)

    def _told(self, normalized: str, fact: OpenFact) -> bool:
        """Whether a narrower reader already gave this name as a value within the fact's words."""
        return any(
            c.value.normalized == normalized
            and c.span.start - self.offset < fact.end
            and fact.start < c.span.end - self.offset
            for c in self.claims
        )

    def _open_subject(self, fact: OpenFact) -> tuple[str, str]:
        """The subject as written and its key, or ('', '') when it is no name: a name, a noun a name qualifies
        ('the Mansion movie', 'the Lumetra chief Nadia Petrov') or a pronoun the article's resolvers name."""
        tok = fact.subject
        ent = entity_of(tok)
        if tok.pos_ == "PROPN" and ent is not None:
            if ent.label_ not in lexicon.exact("open_value_labels"):
                return "", ""  # not 'December 1953, which ...'
            return ent.text, value_key(ent, self.aliases)
        if tok.pos_ == "PRON":
            return tok.text, self._pronoun_key(tok)
        if tok.pos_ != "NOUN":
            return "", ""
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        name = entity_of(appos) if appos is not None else None
        if name is not None:
            return name.text, value_key(name, self.aliases)  # 'the Lumetra chief Nadia Petrov'
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ for c in tok.lefts):
            return noun_text(tok), noun_key(tok)  # 'the Mansion movie', 'the Alaska Airlines flight'
        return "", ""

    def _pronoun_key(self, tok: Token) -> str:
        """'he', 'she' or 'it' opening a clause its speaker reports is the speaker (speaker_antecedent); 'it' the
        named subject of a clause joined to its own (group_antecedent); 'he' or 'she' in a sentence naming no one
        before it the last person of the sentences before. Else no one: the clause gives no claim."""
        speaker = speaker_antecedent(self.doc, tok.idx)
        if speaker is not None:
            ent = entity_of(speaker.root)
            return value_key(ent, self.aliases) if ent is not None and speaker.root.pos_ == "PROPN" else ""
        if tok.lower_ == "it":
            joined = group_antecedent(self.doc, tok.idx)
            labels = lexicon.exact("open_value_labels") - {"PERSON"}  # a person is never 'it'
            named = [e for e in self.doc.ents if e.text == joined and e.label_ in labels]
            return value_key(named[0], self.aliases) if named else ""
        if personal_pronoun(tok) and person_before(self.doc, tok.i) is None:
            return self.last_person or ""
        return ""
