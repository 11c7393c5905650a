"""The offline extractor: deterministic rules over body sentences, no model, no network. It finds dates, durations,
numbers, money, ordinals, roles and places, and for each what the value is about (subject), which predicate links
them (attribute), how sure the article is (modality) and who says so."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck import lexicon
from factcheck.extract.aliases import AliasTable
from factcheck.extract.base import Extraction, Progress
from factcheck.extract.offline.affiliations import AffiliationsMixin
from factcheck.extract.offline.agents import AgentsMixin
from factcheck.extract.offline.byagents import ByAgentsMixin
from factcheck.extract.offline.claims import ClaimWriter
from factcheck.extract.offline.context import Event, body_text, stated_days
from factcheck.extract.offline.counts import listed, restates
from factcheck.extract.offline.deps import governing, not_claimed, said_when
from factcheck.extract.offline.events import GAP, EventSlotsMixin, since_start
from factcheck.extract.offline.eventslots import counted_event_slot
from factcheck.extract.offline.figures import in_quoted_title
from factcheck.extract.offline.frames import (
    EVENT_HEADS,
    Frame,
    attribution,
    date_event,
    frame,
    pronoun_kind,
    time_only,
    with_event,
)
from factcheck.extract.offline.life import LifeMixin
from factcheck.extract.offline.named import named_span
from factcheck.extract.offline.openclauses import OpenClausesMixin
from factcheck.extract.offline.parse import parse_sentences
from factcheck.extract.offline.quantities import parse_values
from factcheck.extract.offline.questions import QuestionsMixin
from factcheck.extract.offline.reference import denied_size, speaker_of_it, told_by
from factcheck.extract.offline.reldays import counts_nothing
from factcheck.extract.offline.roles import find_roles
from factcheck.extract.offline.slots import SlotMixin
from factcheck.extract.offline.sourcing import SourcingMixin
from factcheck.extract.offline.stancereader import StanceReader, StancesMixin
from factcheck.extract.offline.status import StatusMixin
from factcheck.extract.offline.subjects import referents_for
from factcheck.extract.offline.text import Clause, clauses, tokenize, verb_chain_start
from factcheck.extract.offline.titles import parsed_roles
from factcheck.extract.offline.topic import subject_of_report
from factcheck.extract.offline.units import with_conversions
from factcheck.extract.offline.values import Mention, time_window
from factcheck.extract.offline.whenclause import relative_slot, when_slot
from factcheck.models import Claim, Modality, Period, Source, quote_occurrence
from factcheck.sources.sentences import sentences

_SAYING = lexicon.exact("extract_offline_extractor_saying")
# a name the parse reads as a place, a building, an organisation, a people, an event or a work is no one 'he' can be
_NAMED_KINDS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
_TREE_FIRST = {"number", "duration", "money"}
_EVENT_ATTRS = {"meeting date", "first meeting date", "last held", "resumed", "anniversary date"}


MAX_WORD = 64  # characters; no word, name, number or date is longer
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
LONG_ARTICLE_SENTENCES = 2000  # beyond this many sentences the parse runs in PARSE_PROCESSES processes
PARSE_PROCESSES = 2


def _within(key: str, names: set[str]) -> bool:
    """Whether a name's key lies within one of the names' keys ('ecole_nationale_superieure' within the school's
    full name, which the parse reads as an organisation): part of a place or body is no person."""
    words = set(key.split("_"))
    return any(words <= set(name.split("_")) for name in names)


def _saying(attribute: str | None) -> bool:
    """Is the attribute a verb of saying ('said', 'told reporters')?"""
    words = (attribute or "").split()
    return bool(words) and (attribute in _SAYING or words[0] in _SAYING)


def _claim_text(sentence: str) -> str:
    """The part of a sentence that can hold claims: nothing from a link line ('Related: ...') on."""
    low = sentence.lower()
    cut = min(
        (
            i
            for i in (low.find(w) for w in lexicon.words("link_lines"))
            if i >= 0 and (i == 0 or not low[i - 1].isalpha())
        ),
        default=len(sentence),
    )
    return sentence[:cut].rstrip()


class OfflineExtractor:
    """Rule-based claim extraction that runs anywhere, instantly, with the same output every time."""

    name = "offline"

    def extract(self, sources: Sequence[Source], progress: Progress) -> Extraction:
        """Claims from every source; aliases are learned across the whole set first."""
        progress.add_total(len(sources))
        readable = [_without_long_words(s) for s in sources]
        aliases = AliasTable.from_texts(body_text(s) for s in readable)
        claims: list[Claim] = []
        for source, seen in zip(sources, readable, strict=True):
            for claim in _Reader(seen, aliases).read():
                quote = source.text[claim.span.start : claim.span.end]
                claims.append(claim if quote == claim.quote else claim.model_copy(update={"quote": quote}))
            progress.advance(source.id)
        return Extraction(claims=claims, extractor="offline")


def _without_long_words(source: Source) -> Source:
    """The source as the rules read it: a run of more than MAX_WORD characters without a space is no word,
    name, number or date, and rescanning it from every position made some rules quadratic; it is blanked,
    keeping every offset (quotes are taken back from the original text)."""
    if not _LONG_WORD.search(source.text):
        return source
    return source.model_copy(update={"text": _LONG_WORD.sub(lambda m: " " * len(m.group(0)), source.text)})


class _Reader(
    SlotMixin,
    EventSlotsMixin,
    LifeMixin,
    StatusMixin,
    AgentsMixin,
    ByAgentsMixin,
    AffiliationsMixin,
    OpenClausesMixin,
    SourcingMixin,
    QuestionsMixin,
    StancesMixin,
    ClaimWriter,
):
    """Reads one article sentence by sentence, remembering the events and people it has seen."""

    def __init__(self, source: Source, aliases: AliasTable) -> None:
        self.source = source
        self.aliases = aliases
        self.events: list[Event] = []
        self.last_person: str | None = None
        self.people_named: set[str] = set()
        self.last_subject = ""
        self.pair = self._main_pair()
        self.referents = referents_for(source.text, aliases)
        self.written_days = stated_days(body_text(source))
        self.stated_days = set() if source.published else self.written_days
        self.stated_date = max(self.stated_days, default=None)  # the latest full date of an undated article
        self.told_day = None
        self.sentence_number = 0
        self.claims: list[Claim] = []
        self.prev_doc = None
        self.known: set[tuple[str, float | None]] = set()  # the lists of names and the counts read so far
        self.stance_reader = StanceReader()

    def read(self) -> list[Claim]:
        """All claims of the article, each once, with ids."""
        spans = [(s.start, _claim_text(self.source.text[s.start : s.end])) for s in sentences(self.source)]
        processes = PARSE_PROCESSES if len(spans) > LONG_ARTICLE_SENTENCES else 1  # a very long article: both cores
        for (start, text), doc in zip(spans, parse_sentences([text for _, text in spans], processes), strict=True):
            self.doc = doc
            self._sentence(start, text)
        seen: set[str] = set()
        unique = []
        for claim in self.claims:
            claim = claim.with_id(
                quote_occurrence(self.source.text, claim.quote, claim.span.start)
            )  # a line said twice
            if claim.id not in seen:
                seen.add(claim.id)
                unique.append(claim)
        return unique

    # -- one sentence -------------------------------------------------------------------------

    def _sentence(self, offset: int, text: str) -> None:
        self.offset, self.text = offset, text
        self.tokens = tokenize(text)
        self.clauses = clauses(self.tokens)
        self.attrib = attribution(text, told_by(self.doc))
        self.event_at: dict[int, str] = {}
        self._people_and_events()
        found = with_conversions(text, parse_values(text, self.doc, self._find_values(text)))
        values = [
            m
            for m in found
            if not any(a <= m.start < b for a, b in self.attrib.skip)
            and not counts_nothing(m, found)
            and not restates(m, self.known)
            and not denied_size(self.doc, m.start)
            and not in_quoted_title(text, m.start)
            and not (m.kind == "duration" and time_window(text, m.start))
        ]
        self.known |= listed(self.doc) | {(m.noun, m.value.number) for m in found if m.kind == "number"}
        roles = find_roles(text, self.aliases)
        for role in roles + parsed_roles(self.doc, [(r.start, r.end) for r in roles]):
            self._role(role)
        for mention in values:
            if mention.name:  # an age, a numbered name: stated of the name the mention carries
                pronoun = pronoun_kind(mention.name) == "person" or mention.refers_back
                full = self.aliases.person(mention.name) if mention.refers_back else None  # 'the 45-year-old Johnson'
                key = self.aliases.key(full or mention.name) if full or not pronoun else (self.last_person or "")
                if not key:
                    continue
                start, end = named_span(self.doc, mention)
                self._emit_span(mention.name, key, mention.noun, mention.value, None, start, end, Modality.REPORTED)
                continue
            self._value(mention)
        self._places()
        self._statuses(values)
        self._life()
        self._agents()
        self._by_agents()
        self._affiliations()
        self._open_clauses()
        named = [(self.aliases.key(e.text), e.label_) for e in self.doc.ents if e.label_ in _NAMED_KINDS]
        self.people_named |= {key for key, label in named if label == "PERSON"}
        self._sourcing()
        self._open_questions()
        self._stances()
        places = {key for key, label in named if label != "PERSON"} - self.people_named
        persons = [
            k for k, kind in self._entities(0, len(self.tokens) - 1) if kind == "person" and not _within(k, places)
        ]
        told = self._addressees()
        persons = [k for k in persons if k not in told]
        if persons and not self._pronoun_led():
            self.last_person = persons[0]
        self.last_subject = self._sentence_subject()
        self.prev_doc = self.doc

    # -- values -------------------------------------------------------------------------------

    def _value(self, m: Mention) -> None:
        """A value's claim: the dependency tree decides first, the clause rules only where it names no subject."""
        if not_claimed(self.doc, m.start, m.kind):
            return  # 'did not weigh 310 pounds', '18 months, not two years', 'By Tuesday it had been shared'
        if m.kind in _TREE_FIRST and not (m.kind == "duration" and GAP.search(self.text)):  # a gap: the event's hiatus
            clause = self.clauses[self._clause_of(self._token_at(m.start))]
            if self._dependency_claim(m, self._running_time(clause, m.kind, self._clause_time(clause))):
                return
        relative = relative_slot(self.doc, m.start) if m.kind == "date" else None  # 'a ferry that overturned on ...'
        if relative is not None and self._dependency_claim(m, m.value.period, relative):
            return  # the date of the relative clause's act, not of the sentence's
        self._rule_value(m)
        when = when_slot(self.doc, m.start, m.end) if m.kind == "date" else None
        if when is not None:  # 'on Aug. 2, when the evacuation order was lifted': the lifting's date too
            self._dependency_claim(m, m.value.period, when)

    def _said(self, m: Mention, attr: str | None, time: Period | None) -> bool:
        """A date whose predicate is a verb of saying, handled: "Denmark said on Monday it would ..." (when a thing was
        said is not a fact of the story) is dropped; 'said: "Since the 1980s, they are ..."' dates the quoted verb."""
        if not _saying(attr):
            return False
        if not said_when(self.doc, m.start):
            self._dependency_claim(m, time)
        return True

    def _reported_date(self, m: Mention, key: str, time: Period | None) -> bool:
        """Whether a date in a reported clause with a subject of its own, which the rules file under another key
        ('Kuo believes the iPad Pro won't enter mass production until ...': the iPad Pro's, not Kuo's), was
        claimed from the dependency tree."""
        own = subject_of_report(self.doc, m.start)
        return own is not None and key != self.aliases.key(own) and self._dependency_claim(m, time)

    def _addressees(self) -> set[str]:
        """Names the sentence tells something to ('the 41-year-old told Radar Online'): an outlet or a listener,
        not the person a later 'she' goes on about."""
        speech = lexicon.words("speech_verbs")
        told = [e for e in self.doc.ents if e.root.dep_ in {"dobj", "dative"} and e.root.head.lemma_.lower() in speech]
        return {self.aliases.key(e.text) for e in told}

    def _pronoun_led(self) -> bool:
        """Is the sentence's main clause about 'he' or 'she' ('she told Radar Online ...')? Then the person it
        goes on about is still the one named before, whoever else it names."""
        root = next((t for t in self.doc if t.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root else None
        return subject is not None and subject.lower_ in {"he", "she"}

    def _beside_participle(self, fr: Frame, m: Mention, attr: str) -> bool:
        """Is the attribute read from the frame's verb, a participle describing the object of the verb the parse
        hangs the date from ('delivered weapons and supplies provided by the KRG ... on Sunday')?"""
        if fr.verb is None or self.tokens[fr.verb].low not in attr.split():
            return False
        verb = next((t for t in self.doc if t.idx == self.tokens[fr.verb].start), None)
        found = governing(self.doc, m.start)
        if verb is None or verb.dep_ != "acl" or found is None or found[1].i == verb.i:
            return False
        return verb.head.dep_ in {"dobj", "conj"} and found[1] in verb.ancestors  # in the object of the date's verb

    # long: the value's slot, tried in order: event slots, clause frames, then the dependency tree
    def _rule_value(self, m: Mention) -> None:
        vi = self._token_at(m.start)
        ci = self._clause_of(vi)
        if ci > 0 and self.tokens[self.clauses[ci].first - 1].text == "(" and m.kind == "money":
            ci -= 1
        clause = self.clauses[ci]
        fr = frame(self.tokens, self.clauses, ci, vi if ci == self._clause_of(vi) else clause.last + 1)
        while (
            fr.verb is None
            and ci > 0
            and m.kind == "date"
            and not self._has_np_anchor(vi, clause)
            and self._noun_governor(vi, clause) is None
        ):
            ci -= 1
            clause = self.clauses[ci]
            fr = frame(self.tokens, self.clauses, ci, clause.last + 1)
            head = next(
                (
                    j
                    for j in range(clause.last, clause.first - 1, -1)
                    if j in self.event_at and self.tokens[j].low in EVENT_HEADS
                ),
                None,
            )
            if head is not None and fr.verb is not None and fr.verb < head:
                span = (self._event_np_start(head, clause), head)
                own = self.clauses[self._clause_of(vi)]
                quote = self._quote(span, Clause(clause.first, own.last), m)
                self._emit(
                    span, self.event_at[head], "meeting date", m.value, m.value.period, quote, self._modality(ci)
                )
                return
        if time_only(self.tokens, fr.subject) or (
            fr.verb is not None
            and fr.verb > vi
            and self.tokens[verb_chain_start(self.tokens, fr.verb, clause.first)].low == "to"
        ):
            inner = frame(self.tokens, self.clauses, ci, fr.subject[0]) if fr.subject is not None else None
            if (
                inner is not None
                and inner.verb is not None
                and inner.subject
                and not time_only(self.tokens, inner.subject)
            ):
                # "pledged on Tuesday to end deforestation by 2030": the pledge's subject, the infinitive's verb
                main: tuple[int, Frame] | None = (
                    ci,
                    replace(inner, predicate=[*inner.predicate, *fr.predicate]) if fr.verb and fr.verb < vi else inner,
                )
            else:
                main = self._main_frame(ci)
            if main is not None:
                ci, fr = main
                clause = fr.clause
        time = m.value.period if m.kind == "date" else self._running_time(clause, m.kind, self._clause_time(clause))
        nominal = self._nominal_date(m, vi, clause) if m.kind == "date" else None
        subject, key, attr = nominal or self._subject_attribute(m, vi, fr)
        counted = self.aliases.key(m.noun) if m.kind == "number" and m.noun else ""
        event = (
            counted_event_slot(self.doc, m.start, m.noun)
            if counted and (key == counted or key.endswith("_" + counted))
            else None
        )
        if event is not None:
            key, attr = self.aliases.key(event.subject), event.attribute
            subject = (self._token_at(event.start), self._token_at(event.end - 1))
        if m.kind == "date" and (self._said(m, attr, time) or (nominal is None and self._reported_date(m, key, time))):
            return
        if attr is None or not key or (m.kind == "date" and nominal is None and self._beside_participle(fr, m, attr)):
            self._dependency_claim(m, time)  # 'delivered supplies provided by the KRG ... on Sunday': the delivery's
            return
        if m.kind == "date" and nominal is None and attr not in _EVENT_ATTRS:
            attr = with_event(attr, date_event(self.tokens, vi, self.clauses[self._clause_of(vi)].first))
        if (
            m.kind == "date"
            and nominal is None
            and attr not in _EVENT_ATTRS
            and (since_start(self.text, m.start, attr) or set(attr.split()) <= lexicon.words("start_predicates"))
        ):
            attr = "began"  # 'started in 1907'; 'has been held every year since the 1920s' says when the custom began
        mod = self._modality(ci)
        speaker = speaker_of_it(self.doc, m.start)
        if speaker is not None and self.last_subject and key == self.aliases.key(speaker) != self.last_subject:
            key, subject = self.last_subject, None  # 'X said it had grown': 'it' is the thing, not the speaker
        self._emit(subject, key, attr, m.value, time, self._quote(subject, clause, m), mod)
        if (
            m.kind == "date"
            and key in {e.key for e in self.events}
            and attr in {"meeting date", "resumed", "first meeting date"}
        ):
            self._remember(key, any(e.persons for e in self.events if e.key == key), m.value.period)
        second = None if nominal else self._main_clause_claim(m, vi, ci, key)
        if second:
            s_subject, s_key, s_attr, s_ci = second
            self._emit(
                s_subject,
                s_key,
                s_attr,
                m.value,
                time,
                self._quote(s_subject, self.clauses[s_ci], m),
                self._modality(s_ci),
            )
