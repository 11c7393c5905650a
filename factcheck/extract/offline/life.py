"""Whether a person is alive, read from the parse: 'was found dead', 'is very much still alive', 'died', 'was killed'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.deps import clause_end
from factcheck.extract.offline.persons import is_person, noun_phrase, person_name
from factcheck.extract.offline.stances import denials
from factcheck.extract.offline.tree import told_year
from factcheck.extract.periods import at_granularity
from factcheck.models import ONE_OF, Granularity, Modality, Period, Value, ValueType

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

    from factcheck.extract.offline.claims import ClaimWriter
    from factcheck.models import Source

    _Base = ClaimWriter
else:
    _Base = object

_SUBJECTS = {"nsubj", "nsubjpass"}
_PREDICATIVE = {"acomp", "oprd", "attr", "xcomp", "ccomp"}


@dataclass(frozen=True)
class LifeState:
    """A person's state as one sentence states it; offsets relative to the sentence."""

    start: int
    end: int
    name: str
    name_start: int
    value: Value
    hedged: bool
    present: bool
    cause: tuple[int, int, Value] | None = None  # 'died of natural causes': offsets and the cause
    clause: int = 0  # where the clause stating it ends ('has died after a car crash in Atlanta')
    lead: int = 0  # where the words naming the person begin ('Pop singer Jonah Reyes')
    year: int | None = None  # a year its clause, or one telling it, names ('In 2014, a report claimed he died')


def _linking(verb: Token) -> bool:
    """Whether a verb says what state its subject is in ('is alive', 'was found dead', 'remained alive'), not how
    something was done to it ('burned alive', 'buried alive': a manner, not a state the person is in now)."""
    return verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lexicon.words("life_linking_verbs")


@lru_cache(maxsize=1)
def _state_of() -> dict[str, str]:
    """A state word or verb lemma ('died' -> 'die') -> the state it names ('dead')."""
    return {word: state for state, words in lexicon.table("life_states").items() for word in words}


def life_states(doc: Doc | Span, known: Callable[[str], bool] = lambda name: False) -> list[LifeState]:
    """Every statement that a named person (or he, she) is dead or alive, with negation turning the state over;
    `known` tells a name the parse left untagged that the article has named a person by ('Tay is alive')."""
    out: list[LifeState] = []
    states, killing = _state_of(), lexicon.words("life_killing")
    called_false = {st.verb.i for st in denials(doc.doc)}  # 'a bogus report claimed he had been killed'
    for tok in doc:
        state, person, head = None, None, tok
        if tok.pos_ == "ADJ" and tok.lower_ in states and tok.dep_ in _PREDICATIVE and _linking(tok.head):
            state, head = states[tok.lower_], tok.head
            person = _subject(head)
        elif tok.pos_ == "VERB" and _phrase(tok) in states:
            state, person = states[_phrase(tok)], _subject(tok, active=True)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in killing:
            state = "dead"
            person = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or next(
                (c for c in tok.children if c.dep_ == "dobj"), None
            )
        if person is not None and person.pos_ == "NOUN":
            person = next(
                (c for c in person.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )  # 'the actor Robin Williams'
        if person is not None and not is_person(person) and not (person.pos_ == "PROPN" and known(person.text)):
            person = None
        if state is None or person is None or _foretold(tok) or _foretold(head):
            continue  # 'he will never die': what will be is no state now
        negated = _negated(tok) or _negated(head)
        denied = tok.i in called_false or head.i in called_false  # the state a report called false told
        if negated != denied:
            state = str(lexicon.table("life_opposite")[state])
        name = (
            person.doc[person.i : person.i + 1]
            if person.pos_ == "PRON"
            else (person_name(person) if person.pos_ == "PROPN" else noun_phrase(person))
        )
        start = _lead(tok, head)
        negation = [c.i for c in (*tok.children, *head.children) if c.dep_ == "neg"]
        words = doc.doc[min([start, *negation]) : tok.i + 1 + (" " in _phrase(tok))]
        value = Value(type=ValueType.TEXT, text=words.text, normalized=state)
        base = getattr(doc, "start_char", 0)
        out.append(
            LifeState(
                (doc[0].idx if denied else words.start_char) - base,  # a state called false: the words that call it
                words.end_char - base,
                name.text,
                name.start_char - base,
                value,
                _hedged(tok) and not denied,
                _present(tok, head),
                _cause(tok, head, base) if state == "dead" and not negated else None,
                clause_end(tok if tok.pos_ == "VERB" else head) - base,
                min(person.left_edge.idx, name.start_char) - base,
                told_year(tok if tok.pos_ == "VERB" else head),
            )
        )
    return out


def _cause(tok: Token, head: Token, base: int) -> tuple[int, int, Value] | None:
    """What a death is said to come from ('died of natural causes', 'was found dead of natural causes', 'died
    early Tuesday from kidney complications due to cancer'): the noun phrase after 'of' or 'from' on the
    state's word or its verb, with its own 'of' phrases and a 'due to' after it. Two causes may be one told at
    two levels of detail ('cancer' / 'kidney complications'), so a cause is one of several (`ONE_OF`): causes
    worded apart never make a contradiction by their words alone."""
    preps = [c for t in (tok, head) for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    noun = next((c for p in preps for c in p.children if c.dep_ == "pobj"), None)
    if noun is None or noun.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or noun.pos_ == "PRON":
        return None  # 'died in Ohio' names a place, not a cause
    if [c.lower_ for c in noun.lefts] in (["the"], ["this"], ["that"]) and not any(noun.rights):
        return None  # 'died of the disease': the cause named before, by reference only
    doc = noun.doc
    first = next((t.i for t in doc[noun.left_edge.i : noun.i + 1] if t.pos_ not in ("DET", "PRON")), noun.i)
    last = noun.i
    while last + 2 < len(doc):  # 'complications of diabetes', 'kidney complications due to cancer'
        link = doc[last + 2] if doc[last + 1].lower_ == "due" and doc[last + 2].lower_ == "to" else doc[last + 1]
        target = next((c for c in link.children if c.dep_ == "pobj"), None) if link.lower_ in ("of", "to") else None
        if target is None:
            break
        last = target.i
    words = doc[first : last + 1]
    value = Value(type=ValueType.TEXT, text=words.text, normalized=words.text.lower(), qualifier=ONE_OF)
    return words.start_char - base, words.end_char - base, value


def _phrase(tok: Token) -> str:
    """A verb's lemma with its particle ('passed away' -> 'pass away')."""
    particle = next(
        (
            c.lower_
            for c in tok.children
            if c.dep_ in {"prt", "advmod"} and c.i == tok.i + 1 and c.pos_ in {"ADP", "ADV"}
        ),
        "",
    )
    if f"{tok.lemma_.lower()} {particle}" not in _state_of():
        particle = ""
    return f"{tok.lemma_.lower()} {particle}".strip()


def _subject(verb: Token, active: bool = False) -> Token | None:
    """The subject of a verb, or of the verb it hangs from ('was presumed to be dead' -> the subject of 'presumed')."""
    for tok in (verb, *verb.ancestors):
        subject = next(
            (c for c in tok.children if c.dep_ in _SUBJECTS and not (active and c.dep_ == "nsubjpass")), None
        )
        if subject is not None:
            return subject
        if tok.dep_ not in {"xcomp", "conj", "acomp", "oprd"}:
            return None
    return None


def _present(tok: Token, head: Token) -> bool:
    """Whether the state is said in the present tense ('is alive', 'is not dead')."""
    verbs = [t for t in (tok, head, *tok.children, *head.children) if t.pos_ in {"AUX", "VERB"}]
    return any(t.tag_ in {"VBZ", "VBP"} for t in verbs) and not any(t.tag_ in {"VBD", "VBN"} for t in verbs)


def _negated(tok: Token) -> bool:
    """Whether the word or its verb is negated ('is not dead', 'did not die')."""
    return any(c.dep_ == "neg" for c in tok.children)


def _lead(tok: Token, head: Token) -> int:
    """Where the wording of the state begins: a verb it completes ('found dead'), else its own adverbs ('very much still alive')."""
    if tok.pos_ == "VERB":
        return tok.i
    if head is not tok and head.lemma_ != "be" and head.i < tok.i:
        return head.i
    return min(tok.left_edge.i, tok.i)


def _foretold(tok: Token) -> bool:
    """Whether the verb is told in the future or the conditional ('will never die', 'would be dead'), or as a bare
    infinitive, an act meant, threatened or feared rather than done ('threatening to kill Somers', 'tried to kill
    him'; 'is reported to have died' is told done)."""
    future = lexicon.words("verbtense_future_auxiliaries")
    infinitive = tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive or any(c.dep_ == "aux" and c.lower_ in future for c in tok.children)


def _hedged(tok: Token) -> bool:
    """Whether the state is said under hearsay or doubt: a word of the lexicon's 'hearsay_words' above it or beside its verbs."""
    cues = lexicon.words("hearsay_words")
    for anc in (tok, *tok.ancestors):
        if anc.lemma_.lower() in cues or anc.lower_ in cues:
            return True
        if any(c.lemma_.lower() in cues for c in anc.children if c.dep_ in {"nsubj", "amod", "mark", "advmod", "attr"}):
            return True
    return False


class LifeMixin(_Base):
    """Claims that a named person is dead or alive (attribute `status`, see docs/claims.md)."""

    source: Source
    doc: Doc
    last_person: str | None
    people_named: set[str]

    def _life(self) -> None:
        """Emit the sentence's life states, leaving out hedged ones; a present one is dated at publication."""
        for st in life_states(self.doc, lambda name: self.aliases.key(name) in self.people_named):
            if st.hedged:
                continue  # a state under hearsay or doubt ('fake quotes stating he had died') is not the article's claim
            pronoun = st.name.lower() in {"he", "she"}
            key = (self.last_person or "") if pronoun else self.aliases.key(st.name)
            if not key:
                continue
            published = self.source.published
            time = (
                at_granularity(date(st.year, 1, 1), "years")
                if st.year
                else Period(start=published, end=published, granularity=Granularity.DAY)
                if st.present and published
                else None
            )
            start, end = min(st.lead, st.name_start, st.start), max(st.end, st.clause, st.name_start + len(st.name))
            self._emit_span(st.name, key, "status", st.value, time, start, end, Modality.REPORTED)
            if st.cause is not None:
                end = max(end, st.cause[1])
                self._emit_span(st.name, key, "cause of death", st.cause[2], None, start, end, Modality.REPORTED)
