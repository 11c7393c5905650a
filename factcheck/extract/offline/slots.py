"""The slot rules of the offline extractor: for each value, what it is about and the predicate that links them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.deps import dependency_slot, governing
from factcheck.extract.offline.events import GAP as _GAP
from factcheck.extract.offline.events import LATEST as _LATEST
from factcheck.extract.offline.events import MODAL_WORDS as _MODAL_WORDS
from factcheck.extract.offline.events import EventSlotsMixin
from factcheck.extract.offline.events import Slot as _Slot
from factcheck.extract.offline.eventslots import counted_event_slot, tweet_signature
from factcheck.extract.offline.frames import (
    EVENT_HEADS,
    NOMINALIZATIONS,
    NOUN_OF_VERB,
    OCCURRENCE,
    RESUMPTION,
    Frame,
    antecedent,
    attribute_of,
    frame,
    time_only,
)
from factcheck.extract.offline.quantities import count_attribute
from factcheck.extract.offline.reference import group_antecedent, referent, speaker_antecedent
from factcheck.extract.offline.reldays import ToldDay, day_told, with_referred_days
from factcheck.extract.offline.text import Clause, np_after
from factcheck.extract.offline.tree import described_date
from factcheck.extract.offline.values import Mention, find_values
from factcheck.extract.periods import day_period
from factcheck.extract.timeparse import iso, written_in_figures
from factcheck.models import Granularity, Modality, Period

_MEASURE_VERBS = lexicon.words("measure_verbs")
_SIZE_NOUNS = lexicon.words("size_nouns")
_MEASURES = lexicon.exact("extract_offline_quantities_measures")
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?!\w)")

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from factcheck.extract.offline.deps import Slot as TreeSlot


def conjoined_clauses(doc: Doc, start: int, modal: bool = False) -> list[tuple[int, int]]:
    """Character spans of the clauses joined by 'and' or 'but' to the clause of the value at `start`, each with a
    subject of its own, before it or after it: their tense and modal words say nothing of the value. With `modal`,
    also each with an auxiliary of its own ('has signed a five-year contract and will wear the number 9 shirt'):
    its modal word is not the value's, though a time it gives may be."""
    found = governing(doc, start)
    if found is None:
        return []
    path = {t.i for t in (found[0], *found[0].ancestors)}
    spans = []
    for t in doc:
        if t.dep_ != "conj" or t.pos_ not in {"VERB", "AUX"} or t.head.i not in path:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} or (modal and c.dep_ == "aux" and c.i < t.i) for c in t.children):
            continue
        if t.i not in path:  # 'X rose to $5 million, and Y will pay ...': the clause after the value's
            spans.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)))
        elif t.head.left_edge.i < t.left_edge.i:  # 'X rose in March and Y will raise $8 million': the one before
            spans.append((t.head.left_edge.idx, t.left_edge.idx))
    return spans


class SlotMixin(EventSlotsMixin):
    """Finds each value's subject and attribute: from the dependency tree first, then the clause frames."""

    doc: Doc  # the parse of the current sentence
    prev_doc: Doc | None  # the parse of the sentence before
    stated_date: date | None  # the latest full date an undated article states
    stated_days: set[date]  # every full date it states
    written_days: set[date]  # every full date any article states with its year
    told_day: ToldDay | None  # the last day the article told ('that day' refers to it)
    sentence_number: int  # how many sentences of the article have been read

    def _find_values(self, text: str) -> list[Mention]:
        """Values of the article's next sentence, a date in figures that may be read two ways ('1/12/14') read as the
        one of its days the article also writes out in full ('12 January 2014'), and a day named by reference ('that
        day') as the day it refers to. Called once per sentence, in order: it counts the sentences and remembers
        the last day told."""
        self.sentence_number += 1
        found = [self._as_written(m) for m in self._sentence_values(text)]
        found = with_referred_days(text, found, self.told_day, self.sentence_number)
        days = [m for m in found if m.kind == "date" and day_told(m.value)]
        if days:
            self.told_day = ToldDay(max(days, key=lambda m: m.start).value, self.sentence_number)
        return found

    def _as_written(self, m: Mention) -> Mention:
        days = [d for d in written_in_figures(m.value.text) if d in self.written_days] if m.kind == "date" else []
        if len(days) != 1 or m.value.period is None or m.value.period.granularity != Granularity.YEAR:
            return m
        period = day_period(days[0])
        return replace(m, value=m.value.model_copy(update={"normalized": iso(period), "period": period}))

    def _sentence_values(self, text: str) -> list[Mention]:
        """Values of a sentence. In an undated article a month and day without a year that restate the full
        date the article gives ('December 28' beside 'December 28, 2014', even where a later date is given too) are that date; any other partial or
        relative date ('March 16', 'on Sunday', 'next month') is kept as written with its time left open."""
        if self.source.published is not None or self.stated_date is None:
            return find_values(text, self.source.published, self.doc)
        bare = {(m.start, m.end): m for m in find_values(text, None)}
        out = []
        for m in find_values(text, self.stated_date, self.doc):
            unanchored = bare.get((m.start, m.end))
            left_open = unanchored is not None and unanchored.value.period is None
            restated = m.value.period is not None and m.value.period.start == m.value.period.end in self.stated_days
            if m.kind != "date" or not left_open or (restated and _MONTH.search(m.value.text)):
                out.append(m)  # 'December 28' beside 'December 28, 2014' is that day; 'March 16' is no guess
            elif unanchored is not None:
                out.append(unanchored)  # 'on Sunday', 'next month': kept as written, time left open
        return out

    def _described_time(self, start: int) -> Period | None:
        """The time of the thing a measure describes, told in a clause on its noun ('a 127-kilogram catfish taken
        from the same river in 2021'), else None: the length of 'the 2.4-mile tunnel' is no act's."""
        found = described_date(self.doc, start)
        dates = find_values(self.text[found[0] : found[1]], self.source.published) if found is not None else []
        return next((d.value.period for d in dates if d.kind == "date"), None)

    def _dependency_claim(self, m: Mention, time: Period | None, given: TreeSlot | None = None) -> bool:
        """The value's claim with subject and predicate from the dependency tree (or the `given` slot: the act of a
        'when' clause on a date); False when the tree gives none."""
        counted = counted_event_slot(self.doc, m.start, m.noun) if m.kind == "number" else None
        slot = (
            given
            or counted
            or (tweet_signature(self.text, m.start) if m.kind == "date" else None)
            or dependency_slot(self.doc, m.start, m.noun if m.kind == "number" else "", m.end, m.kind)
        )
        if slot is None:
            return False
        named_before = group_antecedent(self.doc, slot.start) if slot.pronoun else None
        speaker = speaker_antecedent(self.doc, slot.start) if slot.pronoun else None
        if speaker is not None:  # 'Tridevil claims she paid $20,000': she is the speaker
            slot = replace(slot, subject=speaker.text, start=speaker.start_char, end=speaker.end_char, pronoun=False)
        key = (
            (self.last_person or "")
            if slot.subject.lower() in {"he", "she"}
            else self.aliases.key(named_before)
            if named_before
            else self.last_subject
            if slot.pronoun
            else self._subject_key((self._token_at(slot.start), self._token_at(slot.end - 1)))
        )
        subject, attribute = slot.subject, slot.attribute
        ref = None if slot.pronoun or counted is not None else referent(self.doc, slot.start, self.prev_doc)
        if ref is not None:  # 'its arm span' (the robot's: robot_arm_span), 'this lizard species': what it refers to
            owner = (
                self._subject_key((self._token_at(ref.start), self._token_at(ref.end - 1)))
                if ref.start >= 0
                else self.aliases.key(ref.phrase)
            )  # an owner in this sentence is keyed as any subject ('the company' -> the company's name)
            part = self.aliases.key(ref.added) if ref.added else ""
            if part and m.kind == "number" and count_attribute(m.noun) == m.noun:  # a measure of the owner or a part
                named = ref.added.lower()  # 'its leg span can reach 3.8 m': the owner's size; 'its tail': a part's
                attribute = attribute if named in _SIZE_NOUNS else f"{attribute} {named}"
                part = ""
            key = "_".join(k for k in (owner, part) if k)
            subject = f"{ref.phrase}'s {ref.added}" if ref.added else ref.phrase
        if not key:
            return False
        start, end = min(slot.start, m.start), max(m.end, slot.verb_end)
        asides = [i for i in (self.text.find("(", m.end, end), self.text.find(", ", m.end, end)) if i >= 0]
        if given is None:  # '53.5 kg (118 pounds)', '$2.6 billion, more than ...': an aside is not the claim
            end = min([end, *asides])
        ci = self._clause_of(self._token_at(m.start))
        mod = self._modality(ci)
        masked = conjoined_clauses(self.doc, m.start)
        if masked:  # '..., and the two sides are still negotiating what the contractor will bear': not this value's
            clause = self.clauses[ci]
            if time == self._running_time(clause, m.kind, self._clause_time(clause)):  # the time this clause gave
                time = self._running_time(clause, m.kind, self._clause_time(clause, masked), masked)
        modal = conjoined_clauses(self.doc, m.start, modal=True)
        if modal:
            mod = self._modality(ci, modal)
        if slot.describes and m.kind == "number" and m.noun in _MEASURES:
            time, mod = self._described_time(m.start), Modality.REPORTED  # 'the 2.4-mile tunnel was delayed in 2024
        self._emit_span(subject, key, attribute, m.value, time, start, end, mod)
        return True

    def _measure_verb(self, word: str) -> bool:
        """Is this word of the sentence a verb that states a size ('grow', 'measures', 'reached')?"""
        return any(t.lower_ == word and t.lemma_.lower() in _MEASURE_VERBS for t in self.doc)

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

    def _subject_attribute(  # noqa: C901 - an ordered cascade, a branch per slot rule
        self, m: Mention, vi: int, fr: Frame
    ) -> _Slot:  # long: one ordered cascade, a branch per slot rule
        """Decide what the value is about and the predicate that links them."""
        clause = fr.clause
        clause_text = self._clause_text(clause)
        gap = bool(_GAP.search(clause_text))
        if m.kind == "ordinal":
            return self._ordinal(m, vi, fr)
        if (
            m.kind == "date"
            and vi > 0
            and self.tokens[vi - 1].low == "since"
            and re.search(r"\bfirst\b", self.text[: m.start])
        ):
            event = self._frame_event(fr) or self._any_event(Clause(0, vi))
            if event is not None:
                return event[0], event[1], "last held"
        attached = self._attached_event(vi, clause)
        if m.kind == "date" and attached is not None:
            np_start, head = attached
            mods = {t.low for t in self.tokens[np_start:head]}
            attr = (
                "first meeting date"
                if "first" in mods and not gap
                else "last held"
                if mods & _LATEST
                else "meeting date"
            )
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
            event_head = next((j for j in range(vi, min(vi + 3, len(self.tokens))) if j in self.event_at), None)
            if event_head is not None:
                return (vi, event_head), self.event_at[event_head], f"number of {m.noun}"
        if event is not None and m.kind in ("date", "duration"):
            span, key = event
            if m.kind == "duration":
                return span, key, "hiatus" if gap else "duration"
            words = set(predicate) | {t.low for t in self.tokens[span[0] : span[1] + 1]}
            if any(
                t.low == "last" and n.low in {"year", "month", "week"}
                for t, n in zip(
                    self.tokens[span[0] : span[1] + 1], self.tokens[span[0] + 1 : span[1] + 2], strict=False
                )
            ):
                words.discard("last")  # 'last year' dates the event; it does not make it the latest one
            if gap or (words & RESUMPTION and not (set(predicate) - RESUMPTION - OCCURRENCE)):
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
        if m.kind == "money":
            after = re.match(
                r"\s+in\s+((?:[a-z-]+\s+)?[a-z-]+?)(?=\s+(?:and|or|to|for|from)\b|[\s,.;]*$|[,.;])", self.text[m.end :]
            )
            verb = predicate[-1] if predicate else ""
            return subject, key, after.group(1) if after else f"{NOUN_OF_VERB.get(verb, verb)} amount".strip()
        if m.kind == "number":
            by = self.text[: m.start].rstrip().lower().endswith(" by")  # 'grew by 30 metres': a change, not a size
            if not predicate or (count_attribute(m.noun) == m.noun and self._measure_verb(predicate[-1]) and not by):
                return subject, key, count_attribute(m.noun)  # 'which can grow up to 3.7m': a size, whatever the verb
            return subject, key, f"{m.noun} {predicate[-1]}"
        if not predicate or not key:
            return None, "", None
        attr = attribute_of(predicate)
        if fr.obj is not None and fr.obj[0] < len(self.tokens) and self.tokens[fr.obj[0]].low == "office":
            return subject, key, f"{attr} office" if attr != "took office" else attr
        if fr.obj is not None and len(attr.split()) == 1 and fr.relative is None:
            obj_words = [
                t.low for t in self.tokens[fr.obj[0] : fr.obj[1] + 1] if t.low not in {"a", "an", "the", "its", "their"}
            ]
            if obj_words:
                attr = f"{attr} {' '.join(obj_words[:5])}"
        return subject, key, attr
