"""The offline extractor's event slots: which event a value dates or counts, ordinals of a series, nominal dates
('the resumption of the talks in March'), a second claim for the main clause, and where an event takes place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import place_key, slug
from factcheck.extract.offline.claims import ClaimWriter
from factcheck.extract.offline.frames import (
    DATE_EVENT_CUES,
    EVENT_HEADS,
    NOMINALIZATIONS,
    OCCURRENCE,
    RESUMPTION,
    Frame,
    attribute_of,
    event_head,
    frame,
    pronoun_kind,
)
from factcheck.extract.offline.text import PREPOSITIONS, Clause, is_verb, np_after
from factcheck.extract.offline.values import SERIES_NOUNS, Mention
from factcheck.models import Granularity, Value, ValueType

GAP = re.compile(
    r"\bfirst\b.{0,80}?\bin\s+(?:more than |over |nearly |almost )?\w+\s+(?:years?|months?|decades?)\b|\bhiatus\b|\bfirst time since\b",
    re.I,
)
MODAL_WORDS = lexicon.exact("extract_offline_events_modal_words")
LATEST = {"last", "previous", "latest"}  # "held its previous session": the latest one so far
Slot = tuple[tuple[int, int] | None, str, str | None]

_SINCE = re.compile(r"\bsince(?:\s+the)?\s*$", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.I)


def since_start(text: str, start: int, attribute: str) -> bool:
    """Whether a date after 'since' dates the start of a state held since then ('has been held every year since
    the 1920s', 'has been open since 1907'), not a change that happened then ('down since March 9')."""
    if not _SINCE.search(text[:start]) or _NEGATION.search(text[:start]):
        return False  # 'has not moved since June 3' is no beginning
    words = set(attribute.split())
    return bool(words & lexicon.words("lasting_predicates")) and not words & (
        DATE_EVENT_CUES | lexicon.words("change_words")
    )


if TYPE_CHECKING:
    _Base = ClaimWriter
else:
    _Base = object


class EventSlotsMixin(_Base):
    """Slots a value fills through the event it belongs to; mixed into the offline reader."""

    def _nominal_date(self, m: Mention, vi: int, clause: Clause) -> Slot | None:
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
        phrase = " ".join(
            t.text for t in self.tokens[span[0] : span[1] + 1] if t.low not in {"next", "year", "this", "last", "month"}
        )
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
                while (
                    start > clause.first
                    and self.tokens[start - 1].is_word
                    and not is_verb(self.tokens, start - 1)
                    and self.tokens[start - 1].low not in PREPOSITIONS
                ):
                    start -= 1
                return start, k
            if (
                tok.low in PREPOSITIONS
                or tok.low in {"held", "place", "taking", "took", "was", "were", "later", "earlier"}
                or tok.is_cap
                or tok.low == "the"
            ):
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
            if (
                head is not None
                and head not in self.event_at
                and end + 2 < len(self.tokens)
                and self.tokens[end + 1].low == "for"
            ):
                head = end + 2
            if head is not None and head in self.event_at:
                return fr.obj, self.event_at[head]
        if fr.verb is not None and fr.verb in self.event_at:
            return (fr.subject or (fr.verb, fr.verb)), self.event_at[fr.verb]
        return None

    def _modifier_subject(self, m: Mention, vi: int, clause: Clause) -> Slot | None:
        """Dates inside a noun phrase: "Japan's 1910-1945 colonial rule", "a 1965 bilateral agreement"."""
        ranged = m.value.period is not None and m.value.period.granularity == Granularity.RANGE
        suffix = "period" if ranged else "date"
        before = self.tokens[vi - 1] if vi > clause.first else None
        nxt = self._token_at(m.end - 1) + 1
        follows_noun = (
            nxt <= clause.last
            and self.tokens[nxt].is_word
            and self.tokens[nxt].text[:1].islower()
            and not is_verb(self.tokens, nxt)
            and self.tokens[nxt].low not in PREPOSITIONS | {"and", "or", "to"}
        )
        after_span = np_after(self.tokens, nxt, clause.last) if follows_noun else None
        if before is not None and before.text.endswith(("'s", "’s")) and after_span is not None:
            start = self._owner_start(vi - 1, clause)
            return (
                (start, after_span[1]),
                self._subject_key((start, vi - 1)),
                f"{self._head_words(after_span)} {suffix}",
            )
        if (
            before is not None
            and before.low in {"a", "an", "the"}
            and after_span is None
            and nxt <= clause.last
            and self.tokens[nxt].is_cap
        ):
            end = nxt
            while end + 1 <= clause.last and (
                self.tokens[end + 1].is_cap
                or (
                    self.tokens[end + 1].low in {"and", "of"} and end + 2 <= clause.last and self.tokens[end + 2].is_cap
                )
            ):
                end += 1
            after_span = (nxt, end)
        if before is not None and before.low in {"a", "an", "the"} and after_span is not None:
            return after_span, self._subject_key(after_span), suffix
        if (
            ranged
            and re.search(r"\d{4}", m.value.text)
            and before is not None
            and before.is_word
            and before.low not in PREPOSITIONS
        ):
            k = vi - 1
            while (
                k > clause.first
                and not self.tokens[k - 1].text.endswith(("'s", "’s"))
                and (self.tokens[k - 1].low not in PREPOSITIONS or self.tokens[k - 1].low == "of")
            ):
                k -= 1
            if k > clause.first and self.tokens[k - 1].text.endswith(("'s", "’s")):
                start = self._owner_start(k - 1, clause)
                return (start, vi - 1), self._subject_key((start, k - 1)), f"{self._head_words((k, vi - 1))} {suffix}"
        return None

    def _main_clause_claim(
        self, m: Mention, vi: int, ci: int, key: str
    ) -> tuple[tuple[int, int], str, str, int] | None:
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
            predicate = [w for w in fr.predicate if w not in MODAL_WORDS]
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
                if tok.low == "to" and not (
                    end + 2 <= clause.last and self.tokens[end + 1].low == "for" and end + 2 in self.event_at
                ):
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
                attr = (
                    "last meeting place"
                    if words & LATEST
                    else "first meeting place"
                    if "first" in words and not GAP.search(self._clause_text(clause))
                    else "meeting place"
                )
                value = Value(type=ValueType.ENTITY, text=place, normalized=place_key(place))
                self._emit(
                    event[0],
                    event[1],
                    attr,
                    value,
                    self._clause_time(clause),
                    self._quote(event[0], clause, None),
                    self._modality(ci),
                )
