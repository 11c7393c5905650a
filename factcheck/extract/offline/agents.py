"""Who did a deed to whom, read from the parse: 'flight attendants killed the scorpion' names the scorpion's
killer; 'the victim stomped the scorpion to death' names another; 'was shot by police' names the shooter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import slug
from factcheck.extract.offline.tree import entity_of
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

_NOUNS = {"NOUN", "PROPN"}
KILLED = "killed by"
_NAMED = {"PERSON", "ORG"}  # 'Israel killed ...' names a nation for its forces: metonymy, no doer
_DEFINITE = {"the", "this", "that"}
_KEPT = {"compound", "amod"}  # 'flight attendants', 'cabin crew': words that name the kind of doer


@dataclass(frozen=True)
class Deed:
    """A doer, a deed and the one it was done to; offsets relative to the sentence."""

    deed: str
    agent: Token
    patient: Token
    start: int
    end: int


def deed_of(verb: Token) -> str | None:
    """The deed a verb names: a verb of killing or another deed of the lexicon, or a resultative 'to death'."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.words("life_killing"):
        return KILLED
    named = lexicon.table("deed_verbs").get(lemma)
    if named:
        return str(named)
    results = lexicon.table("deed_results")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in results:
                    return str(results[obj.lemma_.lower()])
    return None


def _roles(verb: Token) -> tuple[Token | None, Token | None]:
    """The doer and the one done to, active ('X killed Y') or passive ('Y was killed by X')."""
    agent = patient = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            agent = child
        elif child.dep_ in {"dobj", "nsubjpass"}:
            patient = child
        elif child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
    if agent is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        agent = _roles(verb.head)[0]  # 'Police shot and killed the man': the first verb's subject
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head  # 'a biopsy performed by X': the participle's noun is the one done to
    return agent, patient


def deeds(doc: Doc) -> list[Deed]:
    """Deeds of the sentence whose doer and patient are both named by a noun (not a pronoun, not a clause)."""
    found = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        deed = deed_of(verb)
        if deed is None:
            continue
        agent, patient = _roles(verb)
        if agent is None or patient is None or agent.pos_ not in _NOUNS or patient.pos_ not in _NOUNS:
            continue
        if not (_doer(agent) or _unidentified(agent)):
            continue  # 'a gunman shot the officer': a description; 'the blast killed the driver': an event
        if any(c.dep_ == "neg" for c in verb.children) or not (_definite(patient) or _one_named(verb, patient)):
            continue  # 'did not kill' names no doer; 'killed three people' is a count, not one patient
        tokens = [agent.left_edge, patient.left_edge, verb]
        start = min(t.idx for t in tokens)
        last = agent.right_edge if _unidentified(agent) else agent  # the clause saying so is part of the doer
        end = max(t.idx + len(t) for t in (last, patient, verb))
        found.append(Deed(deed, agent, patient, start, end))
    return found


def _doer(noun: Token) -> bool:
    """A noun naming who did a deed: a named person or organisation, or a person noun of the lexicon."""
    lemma = noun.lemma_.lower()
    if lemma in lexicon.words("descriptive_doers"):
        return False  # any outlet may describe one doer so ('the suspect', 'a gunman')
    if noun.pos_ == "PROPN":
        return noun.ent_type_ in _NAMED
    return lemma in lexicon.words("doer_nouns") or lemma in lexicon.table("doer_kinds")


def _unidentified(noun: Token) -> bool:
    """A person the sentence says is not identified: 'a physician, who hasn't been identified', 'an unnamed surgeon'."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in lexicon.words("descriptive_doers"):
        return False  # 'an unidentified gunman' is a description any outlet may give before a name
    marks = lexicon.table("unidentified_doers")
    if any(c.dep_ == "amod" and c.lemma_.lower() in marks["adjectives"] for c in noun.children):
        return True
    return any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in marks["verbs"]
        and any(n.dep_ == "neg" for n in c.children)
        and any(s.dep_ == "nsubjpass" and s.lower_ in {"who", "that"} for s in c.children)
        for c in noun.children
    )


def _one_named(verb: Token, patient: Token) -> bool:
    """A single thing the participle after it describes: 'an unauthorized biopsy performed by ...'; not a person
    ('a man shot by police' may be another man in another outlet)."""
    if verb.dep_ != "acl" or verb.head.i != patient.i or patient.tag_ != "NN":
        return False
    lemma = patient.lemma_.lower()
    people = lexicon.words("descriptive_doers") | lexicon.words("doer_nouns")
    return lemma not in people and lemma not in lexicon.table("doer_kinds")


def _definite(noun: Token) -> bool:
    """A noun naming one known thing: a name, 'the scorpion', 'his wife'."""
    if noun.pos_ == "PROPN":
        return True
    return any(c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE | {"his", "her", "their", "its"} for c in noun.lefts)


def noun_key(head: Token) -> str:
    """A noun phrase's key from its head's lemma and the words naming its kind ('flight attendants' -> flight_attendant)."""
    words = [c.lemma_.lower() for c in head.lefts if c.dep_ in _KEPT and c.pos_ in _NOUNS | {"ADJ"}]
    lemma = head.text.lower() if head.pos_ == "PROPN" else head.lemma_.lower()
    return slug(" ".join([*words, lemma]))


def noun_text(head: Token) -> str:
    """The words naming a noun phrase's head and its kind, as written."""
    kept = [c for c in head.lefts if c.dep_ in _KEPT and c.pos_ in _NOUNS | {"ADJ"}]
    first = min([head.i, *(c.i for c in kept)])
    return head.doc[first : head.i + 1].text


def doer_text(head: Token) -> str:
    """A doer as written, with the clause that says it is not identified ('a physician, who hasn't been identified')."""
    if _doer(head) or not _unidentified(head):
        return noun_text(head)
    return head.doc[head.left_edge.i : head.right_edge.i + 1].text


def doer_form(head: Token) -> str:
    """A doer's normal form: as written, lower case, its kind folded ('cabin crew' -> 'flight attendant', 'Israeli
    soldiers' -> 'israeli troops'), so one doer named in other words does not conflict with itself; a doer the
    sentence says is not identified is 'unidentified', whatever noun describes it."""
    if not _doer(head) and _unidentified(head):
        return f"{lexicon.table('unidentified_doers')['normal']} {head.lemma_.lower()}"
    kinds = lexicon.table("doer_kinds")
    whole = kinds.get(noun_key(head).replace("_", " "))
    if whole:
        return str(whole)
    kept = [c.text.lower() for c in head.lefts if c.dep_ in _KEPT and c.pos_ in _NOUNS | {"ADJ"}]
    kind = kinds.get(head.lemma_.lower())
    return " ".join([*kept, str(kind) if kind else head.text.lower()])


class AgentsMixin(_Base):
    """Emits who did a deed as a text value of the one it was done to; mixed into the offline reader."""

    doc: Doc

    def _agents(self) -> None:
        """One claim per deed of the sentence: subject the patient, attribute the deed's ('killed by'), value the doer."""
        for d in deeds(self.doc):
            if any(a <= d.start < b for a, b in self.attrib.skip):
                continue
            value = self._doer_value(d.agent)
            ci = self._clause_of(self._token_at(d.start))
            key = noun_key(d.patient)
            self._emit_span(noun_text(d.patient), key, d.deed, value, None, d.start, d.end, self._modality(ci))

    def _doer_value(self, agent: Token) -> Value:
        """A named doer as an entity keyed through the article's names ('Dr. Korovin' -> gwen_korovin), else text."""
        name = entity_of(agent)
        if agent.pos_ == "PROPN" and name is not None and name.label_ in _NAMED:
            return Value(type=ValueType.ENTITY, text=name.text, normalized=self.aliases.key(name.text))
        return Value(type=ValueType.TEXT, text=doer_text(agent), normalized=doer_form(agent))
