"""Claim assembly for the offline extractor: subject keys, quotes, modality and the claims themselves.

The reader (offline.py) and the status finder (offline_status.py) decide what a value is about;
this module turns a token span into a subject key and a value into a grounded Claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.asof import running_cue, snapshot
from factcheck.extract.entities import entity_key
from factcheck.extract.offline.context import DocumentContext
from factcheck.extract.offline.frames import (
    Attribution,
    _is_time_word,
    frame,
    has_past_verb,
    is_time_token,
    modality,
    pronoun_kind,
)
from factcheck.extract.offline.reference import group_antecedent
from factcheck.extract.offline.subjects import Referents, is_first_person, trim_subject
from factcheck.extract.offline.text import PREPOSITIONS, SPEECH_VERBS, Clause, is_verb
from factcheck.extract.offline.tree import governing_noun, noun_phrase_core, told_year, verb_above, when_date
from factcheck.extract.offline.values import Mention, find_values
from factcheck.extract.periods import at_granularity
from factcheck.models import Claim, Modality, Period, Span, Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SUBJECT_TIME_WORDS = lexicon.words("extract_offline_claims_subject_time_words")
_TIME_OPENERS = lexicon.words("extract_offline_claims_time_openers")
_ARTICLES = lexicon.words("articles")


class ClaimWriter(DocumentContext):
    """Turns spans of the current sentence into subject keys and grounded claims."""

    offset: int
    attrib: Attribution
    claims: list[Claim]
    referents: Referents
    last_subject: str
    doc: Doc  # the parse of the current sentence

    def _token_at(self, pos: int) -> int:
        return next((k for k, t in enumerate(self.tokens) if t.end > pos), len(self.tokens) - 1)

    def _speaker(self, at: int) -> str:
        """'Denmark said on Monday it would give ...': a pronoun right after a speech verb is its speaker."""
        k = at - 1
        while k >= 0 and (is_time_token(self.tokens[k]) or self.tokens[k].low in {"on", "that", "last", "this"}):
            k -= 1
        if k < 0 or self.tokens[k].low not in SPEECH_VERBS - {"according"}:
            return ""
        ci = self._clause_of(k)
        fr = frame(self.tokens, self.clauses, ci, k + 1)
        if fr.subject is None or fr.subject[0] <= at <= fr.subject[1] or fr.verb != k:
            return ""
        return self._subject_key(fr.subject)

    def _owner_start(self, j: int, clause: Clause) -> int:
        start = j
        while start > clause.first and (self.tokens[start - 1].is_cap or self.tokens[start - 1].low == "the"):
            start -= 1
            if self.tokens[start].low == "the":
                break
        return start

    def _head_words(self, span: tuple[int, int]) -> str:
        words = []
        for tok in self.tokens[span[0] : span[1] + 1]:
            if tok.low == "of":
                break
            if tok.low not in {"a", "an", "the"}:
                words.append(tok.low)
        return " ".join(words)

    # -- subjects and roles ------------------------------------------------------------------------

    # long: one ordered cascade of subject forms (pronoun, title, name, description)
    def _subject_key(self, span: tuple[int, int] | None) -> str:  # noqa: C901 - an ordered cascade of subject forms
        if span is None:
            return ""
        trimmed = trim_subject(self.tokens, span)
        if trimmed is None:
            return self._main_subject(span[0]) if self.tokens[span[0]].low in {"and", "but", "or", "as"} else ""
        if is_first_person(self.tokens, trimmed):
            return (
                self.referents.of_class("company", self.offset)
                if self.tokens[trimmed[0]].low in {"we", "us", "our"}
                else ""
            )
        governing = governing_noun(self.doc, self.tokens[trimmed[0]].start, self.tokens[trimmed[1]].end)
        if governing:  # 'The festival in the town began': the festival
            trimmed = (self._token_at(governing[0]), self._token_at(governing[1] - 1))
        core = noun_phrase_core(self.doc, self.tokens[trimmed[0]].start, self.tokens[trimmed[1]].end)
        span = (self._token_at(core[0]), self._token_at(core[1] - 1))  # 'previously the device': the device
        toks = [t for t in self.tokens[span[0] : span[1] + 1] if t.low not in _SUBJECT_TIME_WORDS]
        toks = [
            t
            for i, t in enumerate(toks)
            if not is_time_token(t) or not (_is_time_word(t.text) or (i and _is_time_word(toks[i - 1].text)))
        ]
        if not toks or all(t.low in PREPOSITIONS or t.low in _ARTICLES or not t.is_word for t in toks):
            return ""  # 'The' alone, of 'The man who tackled the bully arrived': the tree names the subject
        if toks[0].low in PREPOSITIONS:
            toks = toks[1:]
        if len(toks) == 1 and pronoun_kind(toks[0].low):
            kind = pronoun_kind(toks[0].low)
            people_before = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end_char <= toks[0].start]
            if (
                kind == "person" and people_before
            ):  # 'Jasmine Tridevil wants ..., and she has spent ...': the name before
                return self.aliases.key(people_before[-1].text)
            if kind == "person" and self.last_person:
                return self.last_person
            at = self.tokens.index(toks[0])
            named = group_antecedent(self.doc, toks[0].start) if kind in {"thing", "group"} else None
            if named:
                return self.aliases.key(named)  # 'the council met and it approved ...': the joined clause's subject
            if kind in {"thing", "group"} and self._opens_sentence(at) and self.last_subject:
                return (
                    self._speaker(at) or self.last_subject
                )  # 'It has burned 48,600 hectares': the previous sentence's subject
            if kind == "thing":
                return self._speaker(at) or self._last_thing(at)
        ents = self._entities(span[0], span[1])
        text = re.sub(r"['’]s$", "", " ".join(t.text for t in toks))
        if len(ents) >= 2 and re.search(r"\band\b", text) and all(t.is_cap or t.low == "and" for t in toks):
            return "_".join(sorted(k for k, _ in ents))
        if re.fullmatch(r"(?:the\s+)?(?:two|both)\s+(?:[A-Za-z.-]+\s+)*(?:countries|nations|allies)", text, re.I):
            return "_".join(self.pair)
        pos = self.offset + self.tokens[span[0]].start
        before = self.tokens[span[0] - 1].low if span[0] else ""
        named = self.referents.named(text)
        if named:
            return named
        described = self.referents.resolve(f"{before} {text}" if before in {"the", "this", "that"} else text, pos)
        if described:
            return described
        owner = re.match(r"^(?P<owner>(?:the|this)\s+\w+)['’]s\s+(?P<rest>.+)$", text, re.I)
        if owner and self.referents.resolve(owner.group("owner"), pos):
            return (
                f"{self.referents.resolve(owner.group('owner'), pos)}_{entity_key(owner.group('rest'), self.aliases)}"
            )
        person = self._named_person(toks[0].start, toks[-1].end)
        if person:
            return person  # 'our beloved singer Axl Rose': the name the description stands before
        if re.fullmatch(r"(?:the\s+)?country", text, re.I):
            earlier = [k for k, kind in self._entities(0, span[0] - 1) if kind == "country"] if span[0] else []
            return earlier[-1] if earlier else "_".join(self.pair)
        return entity_key(text, self.aliases)

    def _named_person(self, start: int, end: int) -> str:
        """The key of the person a phrase's head names ('the beloved singer Axl Rose'), not one it only mentions
        ('the manager of Axl Rose'); '' otherwise."""
        phrase = self.doc.char_span(start, end, alignment_mode="expand")
        if phrase is None or len(phrase) < 3:
            return ""
        root = phrase.root
        if root.pos_ == "NOUN":
            root = next((c for c in root.children if c.dep_ == "appos"), root)  # 'singer' with 'Axl Rose' beside it
        if root.pos_ != "PROPN" or root.ent_type_ != "PERSON" or root.i != phrase.end - 1:
            return ""
        name = next((e for e in self.doc.ents if e.start <= root.i < e.end), None)
        return self.aliases.key(name.text) if name is not None else ""

    def _opens_sentence(self, at: int) -> bool:
        """Is token `at` the subject of the sentence's first clause, with no name before it? An opening time
        phrase ('In April, it licensed ...', 'On Monday it said ...') names nothing."""
        before = self.tokens[:at]
        opener = 0
        while opener < len(before) and (
            is_time_token(before[opener]) or before[opener].low in _TIME_OPENERS or not before[opener].is_word
        ):
            opener += 1
        if opener == len(before) and any(is_time_token(t) for t in before):
            return True
        return not any(t.is_cap and t.is_word for t in self.tokens[1:at]) and self._clause_of(at) == 0

    def _sentence_subject(self) -> str:
        """The key of the first clause's noun-phrase subject (not a person, not first person), or ''."""
        for ci, clause in enumerate(self.clauses):
            first_verb = next((k for k in range(clause.first, clause.last + 1) if is_verb(self.tokens, k)), clause.last)
            fr = frame(self.tokens, self.clauses, ci, first_verb + 1)
            if fr.verb is None or fr.subject is None or fr.antecedent or clause.intro:
                continue
            trimmed = trim_subject(self.tokens, fr.subject)
            if (
                trimmed is None
                or is_first_person(self.tokens, trimmed)
                or pronoun_kind(self.tokens[trimmed[0]].low) == "person"
            ):
                return ""
            key = self._subject_key(trimmed)
            people = {k for k, kind in self._entities(*trimmed) if kind == "person"}
            return "" if key in people or _is_time_word(self.tokens[trimmed[1]].text) else key
        return ""

    def _main_subject(self, before: int) -> str:
        """The named subject of the sentence's first clause before token `before`: who '..., and said' is about."""
        for ci, clause in enumerate(self.clauses):
            if clause.first >= before:
                break
            fr = frame(self.tokens, self.clauses, ci, clause.last + 1)
            if (
                fr.verb is not None
                and fr.subject is not None
                and fr.subject[1] < before
                and self.tokens[fr.subject[0]].is_cap
            ):
                if trim_subject(self.tokens, fr.subject) == fr.subject:
                    return self._subject_key(fr.subject)
        return ""

    def _role(self, m: Mention) -> None:
        titled = m.kind == "role" and m.name_start > m.start and len(m.name.split()) == 1
        # 'President-elect Trump': a titled surname is the titled person, never a relative who shares it
        key = self.aliases.key(f"{m.value.text} {m.name}") if titled else self.aliases.key(m.name)
        if m.kind == "relation":
            owner = self.aliases.key(m.name)
            self._emit_span(m.name, owner, m.noun, m.value, None, m.start, m.end, Modality.REPORTED)
            return
        self._emit_span(m.name, key, "role", m.value, None, m.start, m.end, Modality.REPORTED)

    def _is_place(self, text: str) -> bool:
        if text.split()[0].lower() in {
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        }:
            return False
        return not (
            any(p in text for p in self.aliases.people)
            or re.search(r"\b(?:Ministry|Corp|Agreement|Council|Court|War|Force)\b", text)
        )

    # -- assembling claims ------------------------------------------------------------------------

    def _clause_text(self, clause: Clause, masked: Sequence[tuple[int, int]] = ()) -> str:
        """The clause as written, with the `masked` character spans of the sentence blanked (offsets kept)."""
        a, b = self.tokens[clause.first].start, self.tokens[clause.last].end
        chars = list(self.text[a:b])
        for x, y in masked:
            chars[max(x - a, 0) : max(min(y, b) - a, 0)] = " " * max(min(y, b) - max(x, a), 0)
        return "".join(chars)

    def _clause_time(self, clause: Clause, masked: Sequence[tuple[int, int]] = ()) -> Period | None:
        """The time a date in the clause names, or for a 'when' clause the date it hangs on (tree.when_date)."""
        a = self.tokens[clause.first].start
        for m in find_values(self._clause_text(clause, masked), self.source.published, self.doc, a):
            if m.kind == "date" and not any(x <= a + m.start < y for x, y in self.attrib.skip):
                return m.value.period
        hung = when_date(self.doc, a)
        dates = find_values(self.text[hung[0] : hung[1]], self.source.published) if hung is not None else []
        return next((m.value.period for m in dates if m.kind == "date"), None)

    def _running_time(
        self, clause: Clause, kind: str, time: Period | None, masked: Sequence[tuple[int, int]] = ()
    ) -> Period | None:
        """A count or amount given as a running total ('has cost C$40 million so far') stands as of its publication day."""
        published = self.source.published
        if kind not in {"money", "number"} or published is None or (time is not None and time.start == time.end):
            return time
        if time is not None and not time.start <= published <= time.end:
            return time  # "had cost $5 million by 2019": a total as of a past period
        cue = running_cue(self._clause_text(clause, masked))
        return snapshot(published, cue) if cue else time

    def _modality(self, ci: int, masked: Sequence[tuple[int, int]] = ()) -> Modality:
        clause = self.clauses[ci]
        mod = modality(self._clause_text(clause, masked))
        if (
            mod == Modality.REPORTED
            and clause.intro in {"when", "until", "before"}
            and ci > 0
            and not has_past_verb(self.tokens, clause)
        ):
            return modality(
                self._clause_text(self.clauses[ci - 1])
                + " "
                + (self._clause_text(self.clauses[ci - 2]) if ci > 1 else "")
            )
        return mod

    def _quote(self, subject: tuple[int, int] | None, clause: Clause, m: Mention | None) -> tuple[int, int]:
        start = self.tokens[clause.first].start
        end = self.tokens[clause.last].end
        if subject is not None:
            start = min(start, self.tokens[subject[0]].start)
            end = max(end, self.tokens[subject[1]].end)
        if m is not None:
            start, end = min(start, m.start), max(end, m.end)
        return start, end

    def _emit(
        self,
        subject: tuple[int, int] | None,
        key: str,
        attr: str,
        value: Value,
        time: Period | None,
        quote: tuple[int, int],
        mod: Modality,
    ) -> None:
        if not key:
            return
        subject_text = (
            self.text[self.tokens[subject[0]].start : self.tokens[subject[1]].end] if subject else key.replace("_", " ")
        )
        self._emit_span(subject_text, key, attr, value, time, quote[0], quote[1], mod)

    def _count_year(self, value: Value, start: int, end: int) -> Period | None:
        """The year a count's own clause names, where the parse hangs it on the count's verb outside the clause the
        shallow reading dates ('In a March 2015 raid claimed by the same group, 11 soldiers were killed'): a toll
        of that year (tree.told_year)."""
        at = self.text.find(value.text, start, end) if value.type == ValueType.NUMBER and value.unit else -1
        figure = (t for t in self.doc if at <= t.idx < at + len(value.text) and t.like_num)  # 'more than 4,000'
        tok = next(figure, None) if at >= 0 else None
        if tok is None or tok.dep_ != "nummod" or tok.head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return None  # only a count that is its verb's subject or object
        verb = verb_above(tok)
        year = told_year(verb) if verb is not None and tok.head.head.i == verb.i else None
        return at_granularity(date(year, 1, 1), "years").model_copy(update={"text": str(year)}) if year else None

    def _emit_span(
        self, subject: str, key: str, attr: str, value: Value, time: Period | None, start: int, end: int, mod: Modality
    ) -> None:
        while end > start and self.text[end - 1] in ' ,;:."”':
            end -= 1
        time = time or self._count_year(value, start, end)
        span = Span(start=self.offset + start, end=self.offset + end)
        self.claims.append(
            Claim(
                source_id=self.source.id,
                subject=subject,
                subject_key=key,
                attribute=attr,
                value=value,
                time=time,
                quote=self.source.text[span.start : span.end],
                span=span,
                attribution=self.attrib.text,
                modality=mod,
                extractor="offline",
            )
        )
