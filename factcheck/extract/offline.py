"""The offline extractor: deterministic rules over body sentences, no model, no network.

It finds dates (resolved against the publication date), durations, numbers, money, ordinals,
roles and meeting places, and for each works out what the value is about (subject), which
predicate links them (attribute), how sure the article is (modality) and who says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .. import lexicon
from ..entities import AliasTable, place_key, slug
from ..models import Claim, Granularity, Modality, Period, Source, Value, ValueType
from ..sources import sentences
from ..timeparse import scan
from .base import Extraction, Progress
from .offline_claims import ClaimWriter
from .offline_context import Event, body_text
from .offline_frames import (
    EVENT_HEADS,
    NOMINALIZATIONS,
    NOUN_OF_VERB,
    OCCURRENCE,
    RESUMPTION,
    Frame,
    antecedent,
    attribute_of,
    attribution,
    date_event,
    event_head,
    frame,
    is_time_token,
    pronoun_kind,
    time_only,
    with_event,
)
from .offline_text import PREPOSITIONS, Clause, clauses, is_verb, np_after, tokenize, verb_chain_start
from .offline_status import StatusMixin
from .offline_subjects import referents_for
from .offline_deps import dependency_slot, speaker_of_it, tweet_signature
from .offline_life import LifeMixin
from .offline_parse import nlp
from .offline_quantities import count_attribute, parse_values
from .offline_values import SERIES_NOUNS, Mention, find_roles, find_values

_GAP = re.compile(r"\bfirst\b.{0,80}?\bin\s+(?:more than |over |nearly |almost )?\w+\s+(?:years?|months?|decades?)\b|\bhiatus\b|\bfirst time since\b", re.I)
_MODAL_WORDS = {"expected", "likely", "certain", "slated", "scheduled", "planned", "arranging", "plans", "plan", "set", "due", "going", "considering", "making", "may", "might", "could", "will", "would"}
_LATEST = {"last", "previous", "latest"}  # "held its previous session": the latest one so far
_SAYING = {"said", "say", "says", "told", "tell", "tells", "added", "stated", "noted", "remarked"}
_EVENT_ATTRS = {"meeting date", "first meeting date", "last held", "resumed", "anniversary date"}
_Slot = tuple[tuple[int, int] | None, str, str | None]


_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?!\w)")


MAX_WORD = 64  # characters; no word, name, number or date is longer
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))
LONG_ARTICLE_SENTENCES = 2000  # beyond this many sentences the parse runs in PARSE_PROCESSES processes
PARSE_PROCESSES = 2
_YEAR = re.compile(r"\b\d{4}\b")
_DATE_REACH = 40  # characters either side of a year that a full date ('Sunday, December 28, 2014') spans


def latest_stated_date(text: str) -> date | None:
    """The latest full date (day, month and year) an article states, or None."""
    days = []
    for year in _YEAR.finditer(text):  # only around a year: scanning a whole long article is slow
        window = text[max(0, year.start() - _DATE_REACH) : year.end() + _DATE_REACH]
        days += [m.period.end for m in scan(window, None)
                 if m.period is not None and m.period.granularity == Granularity.DAY and _YEAR.search(m.text)]
    return max(days) if days else None


def _claim_text(sentence: str) -> str:
    """The part of a sentence that can hold claims: nothing from a link line ('Related: ...') on."""
    low = sentence.lower()
    cut = min((i for i in (low.find(w) for w in lexicon.words("link_lines")) if i >= 0 and (i == 0 or not low[i - 1].isalpha())), default=len(sentence))
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


class _Reader(LifeMixin, StatusMixin, ClaimWriter):
    """Reads one article sentence by sentence, remembering the events and people it has seen."""

    def __init__(self, source: Source, aliases: AliasTable) -> None:
        self.source = source
        self.aliases = aliases
        self.events: list[Event] = []
        self.last_person: str | None = None
        self.last_subject = ""
        self.pair = self._main_pair()
        self.referents = referents_for(source.text, aliases)
        self.stated_date = None if source.published else latest_stated_date(body_text(source))
        self.claims: list[Claim] = []

    def read(self) -> list[Claim]:
        """All claims of the article, each once, with ids."""
        spans = [(s.start, _claim_text(self.source.text[s.start : s.end])) for s in sentences(self.source)]
        processes = PARSE_PROCESSES if len(spans) > LONG_ARTICLE_SENTENCES else 1  # a very long article: both cores
        for (start, text), doc in zip(spans, nlp().pipe((text for _, text in spans), n_process=processes), strict=True):
            self.doc = doc
            self._sentence(start, text)
        seen: set[str] = set()
        unique = []
        for claim in self.claims:
            claim = claim.with_id()
            if claim.id not in seen:
                seen.add(claim.id)
                unique.append(claim)
        return unique

    # -- one sentence -------------------------------------------------------------------------

    def _sentence(self, offset: int, text: str) -> None:
        self.offset, self.text = offset, text
        self.tokens = tokenize(text)
        self.clauses = clauses(self.tokens)
        self.attrib = attribution(text)
        self.event_at: dict[int, str] = {}
        self._people_and_events()
        found = parse_values(text, self.doc, self._find_values(text))
        values = [m for m in found if not any(a <= m.start < b for a, b in self.attrib.skip)]
        for role in find_roles(text, self.aliases):
            self._role(role)
        for mention in values:
            if mention.kind == "age":
                pronoun = mention.name.lower() in {"he", "she"}
                key = (self.last_person or "") if pronoun else self.aliases.key(mention.name)
                if not key:
                    continue
                start, end = min(mention.name_start, mention.start), max(mention.end, mention.name_start + len(mention.name))
                self._emit_span(mention.name, key, "age", mention.value, None, start, end, Modality.REPORTED)
                continue
            self._value(mention)
        self._places()
        self._statuses(values)
        self._life()
        persons = [k for k, kind in self._entities(0, len(self.tokens) - 1) if kind == "person"]
        if persons:
            self.last_person = persons[0]
        self.last_subject = self._sentence_subject()

    # -- values -------------------------------------------------------------------------------

    def _value(self, m: Mention) -> None:
        vi = self._token_at(m.start)
        ci = self._clause_of(vi)
        if ci > 0 and self.tokens[self.clauses[ci].first - 1].text == "(" and m.kind == "money":
            ci -= 1
        clause = self.clauses[ci]
        fr = frame(self.tokens, self.clauses, ci, vi if ci == self._clause_of(vi) else clause.last + 1)
        while fr.verb is None and ci > 0 and m.kind == "date" and not self._has_np_anchor(vi, clause) and self._noun_governor(vi, clause) is None:
            ci -= 1
            clause = self.clauses[ci]
            fr = frame(self.tokens, self.clauses, ci, clause.last + 1)
            head = next((j for j in range(clause.last, clause.first - 1, -1) if j in self.event_at and self.tokens[j].low in EVENT_HEADS), None)
            if head is not None and fr.verb is not None and fr.verb < head:
                span = (self._event_np_start(head, clause), head)
                own = self.clauses[self._clause_of(vi)]
                quote = self._quote(span, Clause(clause.first, own.last), m)
                self._emit(span, self.event_at[head], "meeting date", m.value, m.value.period, quote, self._modality(ci))
                return
        if time_only(self.tokens, fr.subject) or fr.verb is not None and fr.verb > vi and self.tokens[verb_chain_start(self.tokens, fr.verb, clause.first)].low == "to":
            inner = frame(self.tokens, self.clauses, ci, fr.subject[0]) if fr.subject is not None else None
            if inner is not None and inner.verb is not None and inner.subject and not time_only(self.tokens, inner.subject):
                # "pledged on Tuesday to end deforestation by 2030": the pledge's subject, the infinitive's verb
                main: tuple[int, Frame] | None = (ci, replace(inner, predicate=[*inner.predicate, *fr.predicate]) if fr.verb and fr.verb < vi else inner)
            else:
                main = self._main_frame(ci)
            if main is not None:
                ci, fr = main
                clause = fr.clause
        time = m.value.period if m.kind == "date" else self._running_time(clause, m.kind, self._clause_time(clause))
        nominal = self._nominal_date(m, vi, clause) if m.kind == "date" else None
        subject, key, attr = nominal or self._subject_attribute(m, vi, fr)
        if m.kind == "date" and attr in _SAYING:
            return  # "Denmark said on Monday it would ...": when a thing was said is not a fact of the story
        if attr is None or not key:
            self._dependency_claim(m, time)
            return
        if m.kind == "date" and nominal is None and attr not in _EVENT_ATTRS:
            attr = with_event(attr, date_event(self.tokens, vi, self.clauses[self._clause_of(vi)].first))
        mod = self._modality(ci)
        speaker = speaker_of_it(self.doc, m.start)
        if speaker is not None and self.last_subject and key == self.aliases.key(speaker) != self.last_subject:
            key, subject = self.last_subject, None  # 'X said it had grown': 'it' is the thing, not the speaker
        self._emit(subject, key, attr, m.value, time, self._quote(subject, clause, m), mod)
        if m.kind == "date" and key in {e.key for e in self.events} and attr in {"meeting date", "resumed", "first meeting date"}:
            self._remember(key, any(e.persons for e in self.events if e.key == key), m.value.period)
        second = None if nominal else self._main_clause_claim(m, vi, ci, key)
        if second:
            s_subject, s_key, s_attr, s_ci = second
            self._emit(s_subject, s_key, s_attr, m.value, time, self._quote(s_subject, self.clauses[s_ci], m), self._modality(s_ci))

    def _find_values(self, text: str) -> list[Mention]:
        """Values of a sentence. In an undated article a month and day without a year that restate the full
        date the article gives ('December 28' beside 'December 28, 2014') are that date; any other partial or
        relative date ('March 16', 'on Sunday', 'next month') is kept as written with its time left open."""
        if self.source.published is not None or self.stated_date is None:
            return find_values(text, self.source.published)
        bare = {(m.start, m.end): m for m in find_values(text, None)}
        out = []
        for m in find_values(text, self.stated_date):
            unanchored = bare.get((m.start, m.end))
            left_open = unanchored is not None and unanchored.value.period is None
            restated = m.value.period is not None and m.value.period.start == m.value.period.end == self.stated_date
            if m.kind != "date" or not left_open or (restated and _MONTH.search(m.value.text)):
                out.append(m)  # 'December 28' beside 'December 28, 2014' is that day; 'March 16' is no guess
            elif unanchored is not None:
                out.append(unanchored)  # 'on Sunday', 'next month': kept as written, time left open
        return out

    def _dependency_claim(self, m: Mention, time: Period | None) -> None:
        """A value the rules give no subject: subject and predicate from the dependency tree."""
        slot = (tweet_signature(self.text, m.start) if m.kind == "date" else None) or dependency_slot(self.doc, m.start, m.noun if m.kind == "number" else "")
        if slot is None:
            return
        key = (self.last_person or "") if slot.subject.lower() in {"he", "she"} else self.last_subject if slot.pronoun else self.aliases.key(slot.subject)
        if not key:
            return
        start, end = min(slot.start, m.start), max(m.end, slot.verb_end)
        self._emit_span(slot.subject, key, slot.attribute, m.value, time, start, end, self._modality(self._clause_of(self._token_at(m.start))))

    def _main_frame(self, ci: int) -> tuple[int, Frame] | None:
        """The nearest earlier clause with a finite verb and a subject of its own that is not a time expression.

        A value in a verbless tail or before a purpose infinitive ('..., on March 26 to protect seabirds')
        belongs to the clause that carries the sentence's main verb ('Britain closed the fishery').
        """
        for c in range(ci - 1, -1, -1):
            fr = frame(self.tokens, self.clauses, c, self.clauses[c].last + 1)
            if fr.verb is None or fr.subject is None or fr.antecedent or time_only(self.tokens, fr.subject):
                continue
            if self._subject_key(fr.subject):
                return c, fr
        return None

    def _has_np_anchor(self, vi: int, clause: Clause) -> bool:
        """Does the date sit in a noun phrase of its own clause (possessive, article, name before it)?"""
        before = self.tokens[vi - 1] if vi > clause.first else None
        return before is not None and (before.text.endswith(("'s", "’s")) or before.low in {"a", "an", "the"})

    def _noun_governor(self, vi: int, clause: Clause) -> int | None:
        """The event noun a date directly modifies in its own clause ('announcement in March 2023', 'talks on Monday')."""
        k = vi - 1
        while k >= clause.first and self.tokens[k].low in {"in", "on", "of", "since", "during", "at"}:
            k -= 1
        if k < vi - 1 and k >= clause.first and (self.tokens[k].low in NOMINALIZATIONS or k in self.event_at):
            return k
        return None

    def _nominal_date(self, m: Mention, vi: int, clause: Clause) -> _Slot | None:
        """Dates that belong to a noun phrase rather than a verb: possessive events, modifiers, nominalisations."""
        if self.text[m.end : m.end + 2] in ("'s", "’s"):
            head = next((j for j in range(vi + 1, min(vi + 6, len(self.tokens))) if j in self.event_at), None)
            if head is not None:
                key = self._resolve_event(head, False, m.value.period)
                self.event_at[head] = key
                return (vi + 1, head), key, "meeting date"
        modifier = self._modifier_subject(m, vi, clause)
        if modifier is not None:
            return modifier
        k = vi - 1
        while k >= clause.first and self.tokens[k].low in {"in", "on", "of", "since", "during", "at"}:
            k -= 1
        obj = self._nominal_object(k, clause)
        if obj is not None:
            k = obj[0] - 2  # "departure from the bloc at the end of January 2020": the noun before 'from'
        if k >= clause.first and self.tokens[k].low in NOMINALIZATIONS:
            owner = self.tokens[k - 1] if k > clause.first else None
            attr = NOMINALIZATIONS[self.tokens[k].low]
            if obj is not None:
                attr = f"{attr} {self._subject_key(obj).replace('_', ' ')}".strip()
            if owner is not None and pronoun_kind(owner.low) == "person":
                return (k - 1, k), self._person_before(k - 1) or "", attr
            if owner is not None and owner.text.endswith(("'s", "’s")):
                start = self._owner_start(k - 1, clause)
                return (start, k), self._subject_key((start, k - 1)), attr
        return None

    def _nominal_object(self, k: int, clause: Clause) -> tuple[int, int] | None:
        """The object of a nominalisation ending at token k: 'from the bloc' in 'departure from the bloc'."""
        j = k
        while j > clause.first + 1 and self.tokens[j].is_word and self.tokens[j].low not in PREPOSITIONS and j > k - 4:
            j -= 1
        if j < k and self.tokens[j].low in {"from", "to"} and self.tokens[j - 1].low in NOMINALIZATIONS:
            return j + 1, k
        return None

    def _subject_attribute(self, m: Mention, vi: int, fr: Frame) -> _Slot:
        """Decide what the value is about and the predicate that links them."""
        clause = fr.clause
        clause_text = self._clause_text(clause)
        gap = bool(_GAP.search(clause_text))
        if m.kind == "ordinal":
            return self._ordinal(m, vi, fr)
        if m.kind == "date" and vi > 0 and self.tokens[vi - 1].low == "since" and re.search(r"\bfirst\b", self.text[: m.start]):
            event = self._frame_event(fr) or self._any_event(Clause(0, vi))
            if event is not None:
                return event[0], event[1], "last held"
        attached = self._attached_event(vi, clause)
        if m.kind == "date" and attached is not None:
            np_start, head = attached
            mods = {t.low for t in self.tokens[np_start:head]}
            attr = "first meeting date" if "first" in mods and not gap else "last held" if mods & _LATEST else "meeting date"
            if gap:
                attr = "resumed"
            return (np_start, head), self.event_at[head], attr
        if m.kind == "date" and re.search(r"\banniversary\b", clause_text):
            span, key = self._anniversary(fr)
            if span is not None:
                return span, key, "anniversary date"
        event = self._frame_event(fr)
        predicate = [w for w in fr.predicate if w not in _MODAL_WORDS]
        if m.kind == "number" and "-" in m.value.text and not m.value.text[-1].isdigit():
            nxt = self._token_at(m.end - 1) + 1
            span = np_after(self.tokens, nxt, clause.last)
            if span is not None:
                return span, self._subject_key(span), count_attribute(m.noun)
        if m.kind == "number" and m.noun.split()[-1] in EVENT_HEADS:
            head = next((j for j in range(vi, min(vi + 3, len(self.tokens))) if j in self.event_at), None)
            if head is not None:
                return (vi, head), self.event_at[head], f"number of {m.noun}"
        if event is not None and m.kind in ("date", "duration"):
            span, key = event
            if m.kind == "duration":
                return span, key, "hiatus" if gap else "duration"
            words = set(predicate) | {t.low for t in self.tokens[span[0] : span[1] + 1]}
            if any(t.low == "last" and n.low in {"year", "month", "week"} for t, n in zip(self.tokens[span[0] : span[1] + 1], self.tokens[span[0] + 1 : span[1] + 2])):
                words.discard("last")  # 'last year' dates the event; it does not make it the latest one
            if gap or words & RESUMPTION and not (set(predicate) - RESUMPTION - OCCURRENCE):
                return span, key, "resumed"
            if words & OCCURRENCE or not predicate:
                if words & _LATEST:
                    return span, key, "last held"
                return span, key, "first meeting date" if "first" in words else "meeting date"
            return span, key, attribute_of(predicate)
        subject = fr.relative if fr.relative is not None and m.kind == "date" else fr.subject
        if subject is None and fr.verb is None and clause.first > 0:
            ci = self.clauses.index(clause)
            subject = antecedent(self.tokens, self.clauses, ci) if ci > 0 else None
        key = self._subject_key(subject) if subject else ""
        if m.kind == "duration":
            return subject, key, "hiatus" if gap else "duration"
        if m.kind == "money" and vi > clause.first and self.tokens[vi - 1].text.endswith(("'s", "’s")):
            owner = (self._owner_start(vi - 1, clause), vi - 1)
            nxt = self._token_at(m.end - 1) + 1
            noun = np_after(self.tokens, nxt, clause.last) if nxt <= clause.last and self.tokens[nxt].is_word and not self.tokens[nxt].is_cap else None
            if noun is not None and not is_verb(self.tokens, noun[0]):
                end = next((j - 1 for j in range(noun[0], noun[1] + 1) if is_time_token(self.tokens[j]) or self.tokens[j].low in {"next", "last", "this"}), noun[1])
                if end >= noun[0]:
                    return owner, self._subject_key(owner), self._head_words((noun[0], end))  # "Copenhagen's 300 million crown aid package"
        if m.kind == "money":
            after = re.match(r"\s+in\s+((?:[a-z-]+\s+)?[a-z-]+?)(?=\s+(?:and|or|to|for|from)\b|[\s,.;]*$|[,.;])", self.text[m.end :])
            verb = predicate[-1] if predicate else ""
            return subject, key, after.group(1) if after else f"{NOUN_OF_VERB.get(verb, verb)} amount".strip()
        if m.kind == "number":
            return subject, key, f"{m.noun} {predicate[-1]}" if predicate else count_attribute(m.noun)
        if not predicate or not key:
            return None, "", None
        attr = attribute_of(predicate)
        if fr.obj is not None and fr.obj[0] < len(self.tokens) and self.tokens[fr.obj[0]].low == "office":
            return subject, key, f"{attr} office" if attr != "took office" else attr
        if fr.obj is not None and len(attr.split()) == 1 and fr.relative is None:
            obj_words = [t.low for t in self.tokens[fr.obj[0] : fr.obj[1] + 1] if t.low not in {"a", "an", "the", "its", "their"}]
            if obj_words:
                attr = f"{attr} {' '.join(obj_words[:5])}"
        return subject, key, attr

    def _any_event(self, clause: Clause) -> tuple[tuple[int, int], str] | None:
        for j in range(clause.first, clause.last + 1):
            if j in self.event_at and self.tokens[j].low in EVENT_HEADS:
                return (self._event_np_start(j, clause), j), self.event_at[j]
        return None

    def _anniversary(self, fr: Frame) -> tuple[tuple[int, int] | None, str]:
        """'the 60th anniversary of the normalization of diplomatic ties' -> the thing whose anniversary it is."""
        clause = fr.clause
        idx = next((j for j in range(clause.first, clause.last + 1) if self.tokens[j].low == "anniversary"), None)
        if idx is None or idx + 1 > clause.last or self.tokens[idx + 1].low != "of":
            return None, ""
        span = np_after(self.tokens, idx + 2, clause.last)
        if span is None:
            return None, ""
        agent = [k for k, _ in self._entities(*fr.subject)] if fr.subject else []
        phrase = " ".join(t.text for t in self.tokens[span[0] : span[1] + 1] if t.low not in {"next", "year", "this", "last", "month"})
        return span, "_".join([*sorted(set(agent)), slug(re.sub(r"^(?:the|a|an)\s+", "", phrase))])

    def _ordinal(self, m: Mention, vi: int, fr: Frame) -> tuple[tuple[int, int] | None, str, str | None]:
        noun = m.noun
        if noun.split()[0] in SERIES_NOUNS:
            series = self._series_event(vi)
            if series is not None:
                return series[0], series[1], f"{noun.split()[0]} number"
        if noun.startswith("anniversary"):
            span, key = self._anniversary(fr)
            if span is not None:
                return span, key, "anniversary number"
        for j in range(vi - 1, max(fr.clause.first, vi - 4) - 1, -1):
            tok = self.tokens[j]
            if tok.text.endswith(("'s", "’s")):
                start = j
                while start > fr.clause.first and self.tokens[start - 1].is_cap:
                    start -= 1
                return (start, j), self._subject_key((start, j)), f"{noun} number"
            if pronoun_kind(tok.low) == "thing":
                return (j, j), self._last_thing(j), f"{noun} number"
        subject = fr.subject
        return subject, self._subject_key(subject) if subject else "", f"{noun} number"

    def _series_event(self, vi: int) -> tuple[tuple[int, int], str] | None:
        """The event a numbered part belongs to: 'a first round of consultations', else the event last named."""
        head = vi + 1
        for j in range(head + 2, min(head + 5, len(self.tokens))):
            if self.tokens[head + 1].low == "of" and j in self.event_at:
                return (vi, j), self.event_at[j]
        return ((vi, head), self.events[-1].key) if self.events else None

    def _attached_event(self, vi: int, clause: Clause) -> tuple[int, int] | None:
        """The event noun a date hangs on: 'their summit on March 16', 'the summit held in Tokyo in March'."""
        k = vi - 1
        while k >= clause.first:
            tok = self.tokens[k]
            if k in self.event_at and tok.low in EVENT_HEADS | {"one"}:
                start = k
                while start > clause.first and self.tokens[start - 1].is_word and not is_verb(self.tokens, start - 1) and self.tokens[start - 1].low not in PREPOSITIONS:
                    start -= 1
                return start, k
            if tok.low in PREPOSITIONS or tok.low in {"held", "place", "taking", "took", "was", "were", "later", "earlier"} or tok.is_cap or tok.low == "the":
                k -= 1
                continue
            return None
        return None

    def _frame_event(self, fr: Frame) -> tuple[tuple[int, int], str] | None:
        """The event a clause is about: its subject, its object after hold/restore/host, or a 'meet' verb."""
        subject_head = event_head(self.tokens, fr.subject)
        if subject_head is not None and subject_head in self.event_at:
            assert fr.subject is not None
            return fr.subject, self.event_at[subject_head]
        if fr.obj is not None and set(fr.predicate) & (OCCURRENCE | RESUMPTION):
            head = event_head(self.tokens, fr.obj)
            end = fr.obj[1]
            if head is not None and head not in self.event_at and end + 2 < len(self.tokens) and self.tokens[end + 1].low == "for":
                head = end + 2
            if head is not None and head in self.event_at:
                return fr.obj, self.event_at[head]
        if fr.verb is not None and fr.verb in self.event_at:
            return (fr.subject or (fr.verb, fr.verb)), self.event_at[fr.verb]
        return None

    def _modifier_subject(self, m: Mention, vi: int, clause: Clause) -> _Slot | None:
        """Dates inside a noun phrase: "Japan's 1910-1945 colonial rule", "a 1965 bilateral agreement"."""
        ranged = m.value.period is not None and m.value.period.granularity == Granularity.RANGE
        suffix = "period" if ranged else "date"
        before = self.tokens[vi - 1] if vi > clause.first else None
        nxt = self._token_at(m.end - 1) + 1
        follows_noun = nxt <= clause.last and self.tokens[nxt].is_word and self.tokens[nxt].text[:1].islower() and not is_verb(self.tokens, nxt) and self.tokens[nxt].low not in PREPOSITIONS | {"and", "or", "to"}
        after_span = np_after(self.tokens, nxt, clause.last) if follows_noun else None
        if before is not None and before.text.endswith(("'s", "’s")) and after_span is not None:
            start = self._owner_start(vi - 1, clause)
            return (start, after_span[1]), self._subject_key((start, vi - 1)), f"{self._head_words(after_span)} {suffix}"
        if before is not None and before.low in {"a", "an", "the"} and after_span is None and nxt <= clause.last and self.tokens[nxt].is_cap:
            end = nxt
            while end + 1 <= clause.last and (self.tokens[end + 1].is_cap or self.tokens[end + 1].low in {"and", "of"} and end + 2 <= clause.last and self.tokens[end + 2].is_cap):
                end += 1
            after_span = (nxt, end)
        if before is not None and before.low in {"a", "an", "the"} and after_span is not None:
            return after_span, self._subject_key(after_span), suffix
        if ranged and re.search(r"\d{4}", m.value.text) and before is not None and before.is_word and before.low not in PREPOSITIONS:
            k = vi - 1
            while k > clause.first and not self.tokens[k - 1].text.endswith(("'s", "’s")) and (self.tokens[k - 1].low not in PREPOSITIONS or self.tokens[k - 1].low == "of"):
                k -= 1
            if k > clause.first and self.tokens[k - 1].text.endswith(("'s", "’s")):
                start = self._owner_start(k - 1, clause)
                return (start, vi - 1), self._subject_key((start, k - 1)), f"{self._head_words((k, vi - 1))} {suffix}"
        return None

    def _main_clause_claim(self, m: Mention, vi: int, ci: int, key: str) -> tuple[tuple[int, int], str, str, int] | None:
        """A date in a 'when' clause or on an attached event also dates the main clause's event."""
        if m.kind != "date":
            return None
        clause = self.clauses[ci]
        candidates = []
        if clause.intro == "when":
            candidates = [c for c in range(ci - 1, -1, -1)]
        elif self._attached_event(vi, clause) is not None:
            candidates = [ci]
        for c in candidates:
            target = self.clauses[c]
            fr = frame(self.tokens, self.clauses, c, target.last + 1)
            if fr.verb is None or fr.subject is None:
                continue
            predicate = [w for w in fr.predicate if w not in _MODAL_WORDS]
            nominal = [t.low for t in self.tokens[fr.subject[0] : fr.subject[1] + 1]]
            event = self._frame_event(fr)
            if event is None or event[1] == key or not predicate:
                return None
            lead = next((w for w in nominal if w in RESUMPTION), None)
            attr = attribute_of(predicate)
            if lead:
                attr = f"resumption {attr}"
            return event[0], event[1], attr, c
        return None

    def _places(self) -> None:
        """'held in Seoul', 'meet in New York', 'a trip to Tokyo for talks': where an event takes place."""
        for ci, clause in enumerate(self.clauses):
            for j in range(clause.first, clause.last):
                tok = self.tokens[j]
                if tok.low not in {"in", "to"}:
                    continue
                k = j + 1 + (self.tokens[j + 1].low == "the")
                if k > clause.last or not self.tokens[k].is_cap:
                    continue
                end = k
                while end + 1 <= clause.last and self.tokens[end + 1].is_cap:
                    end += 1
                place = self.text[self.tokens[k].start : self.tokens[end].end]
                if not self._is_place(place):
                    continue
                if tok.low == "to" and not (end + 2 <= clause.last and self.tokens[end + 1].low == "for" and end + 2 in self.event_at):
                    continue
                fr = frame(self.tokens, self.clauses, ci, j)
                event = self._frame_event(fr)
                if tok.low == "to":
                    event = ((end + 2, end + 2), self.event_at[end + 2])
                if event is None:
                    continue
                words = set(fr.predicate) | {t.low for t in self.tokens[event[0][0] : event[0][1] + 1]}
                if not words & (OCCURRENCE | RESUMPTION) and tok.low == "in" and fr.verb is None:
                    continue
                attr = "last meeting place" if words & _LATEST else "first meeting place" if "first" in words and not _GAP.search(self._clause_text(clause)) else "meeting place"
                value = Value(type=ValueType.ENTITY, text=place, normalized=place_key(place))
                self._emit(event[0], event[1], attr, value, self._clause_time(clause), self._quote(event[0], clause, None), self._modality(ci))

