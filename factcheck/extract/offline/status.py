"""Status changes for the offline extractor: what state an agreement, a dialogue or a measure is in, and when.

"The pact was canceled in 2012", "both countries are revisiting the pact", "which it threatened to
terminate in 2019", "Seoul has been working to normalize the pact" each become a claim with attribute
`status` and a text value naming the state ("canceled", "being revisited", "termination threatened",
"being normalized"). Its time is the date the clause gives the change, or, for the present tense, the
publication date; a past change without a date is not a claim (it cannot be placed on a timeline).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck import lexicon
from factcheck.extract.offline.claims import ClaimWriter
from factcheck.extract.offline.frames import antecedent, event_head, frame, time_only
from factcheck.extract.offline.text import (
    PREPOSITIONS,
    SUBORDINATORS,
    Clause,
    is_verb,
    np_after,
    np_before,
    verb_chain_start,
)
from factcheck.extract.offline.values import Mention
from factcheck.models import Granularity, Modality, Period, Value, ValueType

# The status words live in the lexicon (factcheck/data/lexicon.yaml): verb (base form) -> (the state it
# leaves its object in, the noun of the change); phrasal verbs ("break down"); verbs that take a change as
# their complement ("threatened to terminate"); verbs of effort ("working to normalize"); irregular forms.
STATUS_VERBS: dict[str, tuple[str, str]] = {
    verb: (str(v[0]), str(v[1])) for verb, v in lexicon.table("status_verbs").items()
}
PHRASAL_VERBS: dict[tuple[str, str], tuple[str, str]] = {
    (verb.split()[0], verb.split()[1]): (str(v[0]), str(v[1]))
    for verb, v in lexicon.table("status_phrasal_verbs").items()
}
INTENTIONS: dict[str, str] = {verb: str(v) for verb, v in lexicon.table("status_intentions").items()}
EFFORTS = tuple(sorted(lexicon.words("status_efforts")))
_IRREGULAR: dict[str, str] = {form: str(base) for form, base in lexicon.table("status_irregular_forms").items()}
_BE = lexicon.exact("extract_offline_status_be")
_PRESENT = {"is", "are", "am", "has", "have"}
_NAMING = {"called", "dubbed", "named"}
_IN_FORCE = {"force": "force", "effect": "force", "place": "place"}
_RELATIVE_TIME = lexicon.exact("extract_offline_status_relative_time")
_ATTACHING = {"with", "between", "on", "over", "about"}
_FILLER = lexicon.exact("extract_offline_status_filler")


def _forms(base: str) -> list[str]:
    """Regular inflections of a verb: base, -s, -ed, -ing."""
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y"):
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("sh", "ch")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def _table(bases: list[str]) -> dict[str, str]:
    """Every inflected form of the verbs -> its base form."""
    table = {form: base for base in bases for form in _forms(base)}
    table.update({form: base for form, base in _IRREGULAR.items() if base in bases})
    return table


def _present_tense(chain: list[str]) -> bool:
    """Whether a verb group is in the present ('are revisiting', 'has been working to', 'suspends')."""
    head = chain[0]
    return bool(set(chain) & _PRESENT) or (head.endswith("s") and not head.endswith("ss") and head not in _BE | {"has"})


STATUS_FORMS = _table(list(STATUS_VERBS))
INTENTION_FORMS = _table(list(INTENTIONS))
EFFORT_FORMS = _table(list(EFFORTS))
PHRASAL_FORMS = {
    (form, particle): PHRASAL_VERBS[(base, particle)]
    for base, particle in PHRASAL_VERBS
    for form, b in _table([base]).items()
    if b == base
}
STATUS_NOUNS = {noun: base for base, (_, noun) in STATUS_VERBS.items()} | {
    "normalisation": "normalise",
    "suspensions": "suspend",
}


@dataclass
class StatusCue:
    """A status change found in a clause: the verb group, the state it names, the changed thing."""

    clause: int
    first: int  # first token of the value as written ("threatened" in "threatened to terminate")
    chain: int  # first token of the verb group, auxiliaries included
    verb: int  # last token of the verb group
    state: str
    patient: tuple[int, int]
    present: bool


class StatusMixin(ClaimWriter):
    """Finds status changes in the current sentence; mixed into the offline reader."""

    def _statuses(self, values: list[Mention]) -> None:
        """Emit a `status` claim for every status change in the sentence that can be placed in time."""
        dates = [m for m in values if m.kind == "date"]
        for ci, clause in enumerate(self.clauses):
            for v in range(clause.first, clause.last + 1):
                cue = self._status_cue(ci, v)
                if cue is not None:
                    self._emit_status(cue, dates)
                self._in_force(ci, v, dates)

    def _in_force(self, ci: int, v: int, dates: list[Mention]) -> None:
        """'The ban, in force since late March, ...': a state with no verb, dated by its 'since' phrase."""
        tokens, clause = self.tokens, self.clauses[ci]
        if not (
            v + 2 <= clause.last
            and tokens[v].low == "in"
            and tokens[v + 1].low in _IN_FORCE
            and tokens[v + 2].low == "since"
        ):
            return
        mention = next((m for m in dates if self._token_at(m.start) == v + 3), None)
        if mention is None:
            return
        patient = (
            antecedent(tokens, self.clauses, ci) if v == clause.first else frame(tokens, self.clauses, ci, v).subject
        )
        if patient is None:
            return
        text = self.text[tokens[v].start : tokens[v + 1].end]
        value = Value(type=ValueType.TEXT, text=text, normalized=f"in {_IN_FORCE[tokens[v + 1].low]}")
        quote = self._quote(patient, clause, mention)
        key, mod = self._patient_key(patient), self._modality(ci)
        self._emit(patient, key, "status", value, mention.value.period, quote, mod)
        self._emit(
            patient, key, value.normalized, mention.value, mention.value.period, quote, mod
        )  # the dated predicate, as for verbs

    def _status_cue(self, ci: int, v: int) -> StatusCue | None:
        """The status change whose verb group ends at token v, if v is a status or intention verb."""
        tokens, clause = self.tokens, self.clauses[ci]
        low = tokens[v].low
        head = v
        entry = STATUS_VERBS[STATUS_FORMS[low]] if low in STATUS_FORMS else None
        if v > clause.first and (tokens[v - 1].low, low) in PHRASAL_FORMS:
            head, entry = v - 1, PHRASAL_FORMS[(tokens[v - 1].low, low)]  # "broke down": the particle ends the group
            low = tokens[head].low
        elif low not in STATUS_FORMS and low not in INTENTION_FORMS:
            return None
        if not is_verb(tokens, head):
            return None
        ks = verb_chain_start(tokens, head, clause.first)
        while ks - 1 >= clause.first and tokens[ks - 1].low in EFFORT_FORMS | INTENTION_FORMS:
            ks = verb_chain_start(
                tokens, ks - 1, clause.first
            )  # "working to normalize": 'working' is not tagged a verb
        chain = [t.low for t in tokens[ks : head + 1]]
        present = _present_tense(chain)
        if entry is None:
            return self._nominal_cue(ci, v, ks, present)
        if v + 1 < len(tokens) and tokens[v + 1].low == "of":
            return None  # a gerund used as a noun: "lifting of sanctions"
        pp, noun = entry
        outer = next((k for k in range(ks, head) if tokens[k].low in INTENTION_FORMS | EFFORT_FORMS), None)
        before = [w for w in chain[:-1] if w not in _FILLER]
        passive = bool(before) and before[-1] in _BE and not low.endswith("ing")
        if outer is not None and tokens[outer].low in EFFORT_FORMS:
            state = f"being {pp}"
        elif outer is not None:
            state = f"{noun} {INTENTIONS[INTENTION_FORMS[tokens[outer].low]]}"
        elif "being" in chain or (low.endswith("ing") and set(chain) & _BE):
            state = f"being {pp}"
        else:
            state = pp
        patient = self._status_patient(ci, v, ks, passive)
        if patient is None:
            return None
        first = outer if outer is not None else head
        return StatusCue(ci, first, ks, v, state, patient, present)

    def _nominal_cue(self, ci: int, v: int, ks: int, present: bool) -> StatusCue | None:
        """'An early resumption of the dialogue was agreed', 'they agreed on the suspension of the talks'."""
        tokens, clause = self.tokens, self.clauses[ci]
        k = v + 1
        if k <= clause.last and tokens[k].low in {"on", "upon", "to"}:
            k += 1
        spans = [np_after(tokens, k, clause.last) if k <= clause.last else None]
        fr = frame(tokens, self.clauses, ci, v + 1)
        spans += [fr.relative, fr.subject]
        for span in spans:
            if span is None:
                continue
            for j in range(span[0], min(span[1], len(tokens) - 2) + 1):
                noun = tokens[j].low
                if noun in STATUS_NOUNS and tokens[j + 1].low == "of":
                    patient = np_after(tokens, j + 2, max(span[1], j + 2))
                    if patient is None:
                        return None
                    base = STATUS_NOUNS[noun]
                    state = f"{STATUS_VERBS[base][1]} {INTENTIONS[INTENTION_FORMS[tokens[v].low]]}"
                    return StatusCue(ci, v, ks, v, state, patient, present)
        return None

    def _status_patient(self, ci: int, v: int, ks: int, passive: bool) -> tuple[int, int] | None:
        """What changes state: the object of an active verb, else the subject (passive, intransitive, relative)."""
        tokens, clause = self.tokens, self.clauses[ci]
        nxt = v + 1
        if (
            not passive
            and nxt <= clause.last
            and tokens[nxt].is_word
            and not tokens[nxt].text[:1].isdigit()
            and tokens[nxt].low not in PREPOSITIONS | SUBORDINATORS | {"and", "or", "but"}
        ):
            obj = np_after(tokens, nxt, clause.last)
            if (
                obj is not None
                and not time_only(tokens, obj)
                and not {t.low for t in tokens[obj[0] : obj[1] + 1]} <= _RELATIVE_TIME
            ):
                return obj
        lead = clause.first + (1 if clause.intro else 0)
        fr = frame(tokens, self.clauses, ci, v + 1)
        relative = clause.intro in {"which", "whom"} or (clause.intro == "that" and fr.relative is not None)
        if relative and ks > lead and not passive and not any(is_verb(tokens, k) for k in range(lead, ks)):
            return antecedent(
                tokens, self.clauses, ci
            )  # "which it threatened to terminate": the object is the antecedent
        subject = fr.relative or fr.subject
        if subject is not None and subject[0] - 1 > clause.first and tokens[subject[0] - 1].low in _ATTACHING:
            head = np_before(tokens, subject[0] - 1, clause.first)
            if head is not None:
                return head[0], subject[1]  # "consultations with London broke down": the talks, not London
        return subject

    def _patient_key(self, span: tuple[int, int]) -> str:
        """The key of the changed thing: an event mentioned before, a name given after it, or its own words."""
        tokens = self.tokens
        head = event_head(tokens, span)
        if head is not None and head in self.event_at:
            return self.event_at[head]
        end = span[1]
        if end + 2 < len(tokens) and tokens[end + 1].low == "for" and end + 2 in self.event_at:
            return self.event_at[end + 2]
        k = end + 1
        if k < len(tokens) and (
            tokens[k].low in _NAMING or (tokens[k].low == "known" and k + 1 < len(tokens) and tokens[k + 1].low == "as")
        ):
            k += 1 if tokens[k].low in _NAMING else 2
            k += 1 if k < len(tokens) and tokens[k].low == "the" else 0
            last = k
            while last + 1 < len(tokens) and (
                tokens[last + 1].is_cap
                or (tokens[last + 1].low in {"of", "and", "for"} and last + 2 < len(tokens) and tokens[last + 2].is_cap)
            ):
                last += 1
            if k < len(tokens) and tokens[k].is_cap:
                return self._subject_key((k, last))
        return self._subject_key(span)

    def _emit_status(self, cue: StatusCue, dates: list[Mention]) -> None:
        """The claim of one status change, dated by its clause, a following 'when' clause or the publication date."""
        clause = self.clauses[cue.clause]
        mention, (first, last) = self._status_date(cue, dates)
        mod = self._modality(cue.clause)
        time: Period | None = mention.value.period if mention is not None else None
        if time is None:
            if not cue.present or mod != Modality.REPORTED or self.source.published is None:
                return
            time = Period(start=self.source.published, end=self.source.published, granularity=Granularity.DAY)
        key = self._patient_key(cue.patient)
        text = self.text[self.tokens[cue.first].start : self.tokens[cue.verb].end]
        value = Value(type=ValueType.TEXT, text=text, normalized=cue.state)
        quote = self._quote(cue.patient, Clause(min(clause.first, first), max(clause.last, last)), mention)
        self._emit(cue.patient, key, "status", value, time, quote, mod)

    def _status_date(self, cue: StatusCue, dates: list[Mention]) -> tuple[Mention | None, tuple[int, int]]:
        """The date governed by the verb group (or fronted in its clause), else the first date of a 'when' clause.

        A change in an undated 'after' clause ("asked for arbitration in September 2024, after the talks
        broke down") had happened by the time of the clause it follows: that clause's date places it.
        """
        clause = self.clauses[cue.clause]
        for m in dates:
            mi = self._token_at(m.start)
            if not clause.first <= mi <= clause.last:
                continue
            governor = next((k for k in range(mi - 1, clause.first - 1, -1) if is_verb(self.tokens, k)), None)
            if (governor is not None and cue.chain <= governor <= cue.verb) or (governor is None and mi < cue.chain):
                return m, (clause.first, clause.last)
        nxt = cue.clause + 1
        if nxt < len(self.clauses) and self.clauses[nxt].intro == "when":
            after = self.clauses[nxt]
            for m in dates:
                if after.first <= self._token_at(m.start) <= after.last:
                    return m, (clause.first, after.last)
        if (
            clause.intro == "after"
            and cue.clause > 0
            and not any(clause.first <= self._token_at(m.start) <= clause.last for m in dates)
        ):
            main = self.clauses[cue.clause - 1]
            for m in dates:
                if main.first <= self._token_at(m.start) <= main.last:
                    return m, (main.first, clause.last)
        return None, (clause.first, clause.last)
