"""Who a thing was done by, read from the parse: the named doer of a passive verb, or of a noun's 'by' phrase.

"The email was obtained by CNN" (email · obtained by = cnn), "the programme was set up by Jean Juttet"
(programme · set up by = jean_juttet), "a scheduled endoscopy by Dr. Lawrence Cohen" (endoscopy · by =
lawrence_cohen), "he was asked by the French foreign ministry" (him · asked by = french_foreign_ministry).
Only a doer with a name counts: a person or organisation the parse names (or a name in apposition to the
noun, "the clinic's director Dr. Lawrence Cohen"), or an institution of a nation ('the French government',
lexicon 'national_institutions'); a doer only described ('by police', 'by a gunman') gives none here. The
deeds of agents.py (killings and 'deed_verbs') are left to it, and a denied deed gives none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import clean_name, organisation_key, slug
from factcheck.extract.offline.agents import deed_of, noun_key, noun_text
from factcheck.extract.offline.reference import person_before
from factcheck.extract.offline.tree import entity_of, personal_pronoun, relative_pronoun
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

_NAMED = {"PERSON", "ORG"}
_NATIONS = {"NORP", "GPE"}
_BY = "by"


@dataclass(frozen=True)
class ByAgent:
    """A named doer of what was done to a thing; offsets relative to the sentence. `patient` is None for 'he'/'she'."""

    patient: Token | None
    pronoun: Token | None
    attribute: str
    name: str
    person: bool
    start: int
    end: int


def by_agents(doc: Doc | Span) -> list[ByAgent]:
    """Every passive verb or noun of the sentence whose 'by' phrase names its doer."""
    out: list[ByAgent] = []
    for tok in doc:
        if tok.pos_ == "VERB" and tok.tag_ == "VBN":
            found = _passive(tok)
        elif tok.pos_ == "NOUN" and tok.tag_ in {"NN", "NNS"} and not tok.like_num:
            found = _nominal(tok)
        else:
            continue
        if found is not None:
            out.append(found)
    return out


def _passive(verb: Token) -> ByAgent | None:
    """'The email was obtained by CNN', 'the code outlined by the American Board': the done-to and its doer."""
    by = next((c for c in verb.children if c.dep_ == "agent" and c.lower_ == _BY), None)
    if by is None or deed_of(verb) is not None or any(c.dep_ == "neg" for c in verb.children):
        return None
    name = _doer_name(by)
    if name is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        subject = next(
            (c for c in verb.head.children if c.dep_ == "nsubjpass"), None
        )  # 'was received ... and was obtained by'
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        subject = verb.head  # 'the ethical code outlined by ...'
    if subject is not None and relative_pronoun(subject) and verb.dep_ == "relcl":
        subject = verb.head  # 'students who were invited by ...'
    if subject is None or _medium_of_speech(subject):
        return None
    particle = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    attribute = " ".join([verb.lower_, *particle, _BY])
    return _agent(subject, verb, attribute, name)


def _nominal(noun: Token) -> ByAgent | None:
    """'a mockumentary by the sports brand Everlast', 'an endoscopy by Dr. Lawrence Cohen': a noun's named doer."""
    lemma = noun.lemma_.lower()
    if lemma in lexicon.words("event_heads") or lemma in lexicon.table("nominalizations"):
        return None  # 'a visit by the president', 'talks by both sides': an act, whose doers the event layer reads
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == _BY), None)
    name = _doer_name(by) if by is not None else None
    if name is None:
        return None
    return _agent(noun, noun, _BY, name)


def _agent(subject: Token, word: Token, attribute: str, name: Span) -> ByAgent | None:
    """The claim's parts: a named or described done-to, or a personal pronoun the reader resolves."""
    pronoun = subject if personal_pronoun(subject) else None
    if pronoun is None and subject.pos_ not in {"NOUN", "PROPN"}:
        return None  # 'it', 'this': no thing the reader can name
    first = subject if pronoun is not None else subject.left_edge
    start = min(first.idx, word.idx)
    person = name.root.ent_type_ == "PERSON"
    return ByAgent(None if pronoun else subject, pronoun, attribute, name.text, person, start, name.end_char)


def _doer_name(by: Token) -> Span | None:
    """The name a 'by' phrase gives its doer: a named person or organisation, one in apposition to the noun
    ('the clinic's medical director Dr. Lawrence Cohen'), or a nation's institution ('the French government')."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    heads = [obj, *(c for c in obj.children if c.dep_ in {"appos", "conj"})]
    heads += [a for h in heads[1:] for a in h.children if a.dep_ == "appos"]
    for head in heads:
        ent = entity_of(head)
        if ent is not None and ent.label_ in _NAMED and ent.root.i == head.i and not _one_of_several(head):
            start = ent.start + (head.doc[ent.start].lower_ == "the")
            return head.doc[start : ent.end] if start < ent.end else None
    return _institution(obj)


def _medium_of_speech(noun: Token) -> bool:
    """'a spokesperson said in a statement obtained by TheWrap': the statement a thing was said in is how the
    article knows, not a fact of the story (lexicon 'speech_verbs')."""
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.head.lemma_.lower() in lexicon.words("speech_verbs")


def _one_of_several(name: Token) -> bool:
    """'by Prime Minister Kishida and Yoon': one of several named doers, a part any outlet naming another would
    seem to contradict."""
    joined = [c for c in name.children if c.dep_ == "conj"] + ([name.head] if name.dep_ == "conj" else [])
    return any(t.pos_ == "PROPN" for t in joined)


def _institution(noun: Token) -> Span | None:
    """'the French foreign ministry', 'the U.S. government': an institution noun a nation's name qualifies."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.words("national_institutions"):
        return None
    mods = [c for c in noun.lefts if c.dep_ in {"amod", "compound"}]
    if not any(c.ent_type_ in _NATIONS for c in mods):
        return None
    return noun.doc[min(c.i for c in mods) : noun.i + 1]


class ByAgentsMixin(_Base):
    """Emits the named doer of what was done to a thing as an entity value of that thing; mixed into the reader."""

    doc: Doc

    def _by_agents(self) -> None:
        """One claim per named 'by' doer: subject the thing done to, attribute the verb with 'by', value the name."""
        for found in by_agents(self.doc):
            if any(a <= found.start < b for a, b in self.attrib.skip):
                continue
            if found.patient is not None:
                key, subject = noun_key(found.patient), noun_text(found.patient)
                if found.patient.pos_ == "PROPN":
                    key = self.aliases.key(subject)
            else:
                key, subject = self._agent_pronoun(found), found.pronoun.text if found.pronoun is not None else ""
            if not key:
                continue
            value = Value(type=ValueType.ENTITY, text=found.name, normalized=self._name_key(found))
            if not value.normalized or value.normalized == key:
                continue
            mod = self._modality(self._clause_of(self._token_at(found.start)))
            self._emit_span(subject, key, found.attribute, value, None, found.start, found.end, mod)

    def _name_key(self, found: ByAgent) -> str:
        """A person's key through the article's names ('Dr. Korovin' -> gwen_korovin); an organisation's or an
        institution's its name as written ('the American Board of ...' keeps 'american', a proper name's word)."""
        if found.person:
            return self.aliases.key(found.name)
        name = clean_name(found.name)
        return organisation_key(name) or self.aliases.resolve(slug(name))

    def _agent_pronoun(self, found: ByAgent) -> str:
        """Who 'he' or 'she' is: the last person named earlier in the sentence, else in the sentences before."""
        person = person_before(self.doc, found.pronoun.i) if found.pronoun is not None else None
        return self.aliases.key(person) if person else self.last_person or ""
