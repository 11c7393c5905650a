"""Clause frames for the offline extractor: who/what a clause is about, its predicate, modality, attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck import lexicon
from factcheck.extract.offline.text import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    Clause,
    Token,
    is_verb,
    name_joiner,
    np_after,
    np_before,
    verb_before,
    verb_chain_start,
)
from factcheck.models import Modality

# Event words (lexicon): nouns that head an event ("talks", "summit"), verbs of an event taking place, nouns
# of an act and the predicate they stand for ("inauguration" -> "took office"), words of a resumption,
# predicate synonyms folded to one attribute (first match wins), and the noun of a verb of money.
EVENT_HEADS = set(lexicon.words("event_heads"))
OCCURRENCE = set(lexicon.words("occurrence_verbs"))
NOMINALIZATIONS: dict[str, str] = {k: str(v) for k, v in lexicon.table("nominalizations").items()}
RESUMPTION = set(lexicon.words("resumption_words"))
SYNONYMS: dict[str, str] = {k: str(v) for k, v in lexicon.table("predicate_synonyms").items()}
NOUN_OF_VERB: dict[str, str] = {k: str(v) for k, v in lexicon.table("noun_of_verb").items()}
_PLANNED = lexicon.phrase_pattern("modality_planned")
_EXPECTED = lexicon.phrase_pattern("modality_expected")
_HEDGED = lexicon.phrase_pattern("modality_hedged", "modality_reserved")
_SPEECH = r"(?:said|says|added|reported|told reporters|noted|stated)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ATTRIB_TAIL = re.compile(
    r"(?:^|,\s+|\bthat\s+)(?P<all>(?P<who>(?!(?:after|before|when|while|with|as|in|on|at|for|but|and|which|who)\b)"
    r"[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?)\s+"
    + _SPEECH
    + r"(?:\s+(?P<when>(?:on\s+)?"
    + _WEEKDAY
    + r"|last (?:week|month)|yesterday|today|earlier this (?:week|month)))?)(?=\s*(?:,|\.|\bthat\b|$))"
)
_ACCORDING = re.compile(r"\baccording to (?!domestic|the plan|plan)(?P<who>(?:[^,.;]|\.(?=\w))+)")  # Canada.com whole
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+\([^)]*\)\s+(?:--|—|–)\s*")


@dataclass
class Attribution:
    """Who a sentence is attributed to, and the character ranges (speech times, datelines) that are not claims."""

    text: str | None
    skip: list[tuple[int, int]] = field(default_factory=list)


def attribution(sentence: str, told: str | None = None) -> Attribution:
    """'a diplomatic source said Monday', 'according to the source'; the weekday of a speech act is skipped. Else
    `told`: who the parse shows telling it ('Police said 12 people were killed', reference.told_by)."""
    parts: list[str] = []
    skip: list[tuple[int, int]] = []
    dateline = _DATELINE.match(sentence)
    if dateline:
        skip.append((0, dateline.end()))
    for match in _ATTRIB_TAIL.finditer(sentence):
        who = match.group("who")
        if len(who.split()) > 7 or who.split()[0].lower() in {"it", "this"}:
            continue
        parts.append(match.group("all"))
        if match.group("when"):
            skip.append(match.span("when"))
    for match in _ACCORDING.finditer(sentence):
        parts.append(match.group(0).strip())
    return Attribution(", ".join(dict.fromkeys(parts)) or told, skip)


def modality(text: str) -> Modality:
    """Modality from the cue words of a clause."""
    if _PLANNED.search(text):
        return Modality.PLANNED
    if _HEDGED.search(text):
        return Modality.HEDGED
    if _EXPECTED.search(text):
        return Modality.EXPECTED
    return Modality.REPORTED


def has_past_verb(tokens: list[Token], clause: Clause) -> bool:
    """Does the clause contain a past-tense or perfect verb?"""
    for k in range(clause.first, clause.last + 1):
        w = tokens[k].low
        if w in {"was", "were", "had", "did"} or (
            is_verb(tokens, k) and (w.endswith("ed") or w in {"met", "held", "took", "made", "gave", "came"})
        ):
            if k == 0 or tokens[k - 1].low != "to":
                return True
    return False


@dataclass
class Frame:
    """What a clause says: a subject phrase (token span), the predicate words, an object phrase."""

    clause: Clause
    subject: tuple[int, int] | None
    verb: int | None
    predicate: list[str]
    obj: tuple[int, int] | None
    antecedent: bool = False
    relative: tuple[int, int] | None = None


def frame(tokens: list[Token], clauses: list[Clause], ci: int, at: int) -> Frame:
    """The frame of clause ci that governs token `at` (the verb nearest before it, or after a fronted phrase)."""
    clause = clauses[ci]
    k = verb_before(tokens, clause.first, at)
    if k is None:
        k = next((j for j in range(at + 1, clause.last + 1) if is_verb(tokens, j)), None)
    if k is None:
        return Frame(clause, None, None, [], None)
    ks = verb_chain_start(tokens, k, clause.first)
    if ks > clause.first and tokens[ks - 1].low in {"and", "or", "but"}:
        earlier = verb_before(tokens, clause.first, ks - 1)
        if earlier is not None:
            shared = frame(tokens, clauses, ci, earlier + 1)
            predicate = [t.low for t in tokens[ks : k + 1] if t.low not in AUXILIARIES]
            obj = np_after(tokens, k + 1, min(clause.last, at - 1)) if k + 1 < at else None
            return Frame(clause, shared.subject, k, predicate, obj, antecedent=shared.antecedent)
    predicate = [
        t.low
        for t in tokens[ks : k + 1]
        if t.low not in AUXILIARIES
        and t.low not in {"also", "not", "been", "being", "be"}
        and not (t.low.endswith("ly") and t.low != "early")
    ]
    obj = np_after(tokens, k + 1, min(clause.last, at - 1)) if k + 1 < at else None
    starts_clause = ks <= clause.first + (1 if clause.intro else 0)
    if starts_clause:
        head = antecedent(tokens, clauses, ci)
        return Frame(clause, head, k, predicate, obj, antecedent=True)
    subject = np_before(tokens, ks, clause.first + (1 if clause.intro else 0))
    before = tokens[clause.first - 1] if clause.first > 0 else None
    nounish = (
        before is not None
        and before.is_word
        and not is_verb(tokens, clause.first - 1)
        and before.low not in {"and", "or", "but", "so"}
    )
    relative = (
        antecedent(tokens, clauses, ci)
        if clause.intro in {"which", "whom"} or (clause.intro == "that" and nounish)
        else None
    )
    if subject is not None and ks == k and tokens[k].low.endswith("ed") and ks > 0 and not is_verb(tokens, ks - 1):
        ofs = [j for j in range(subject[0], subject[1] + 1) if tokens[j].low == "of" and not name_joiner(tokens, j)]
        if ofs and ofs[-1] < subject[1]:
            subject = (ofs[-1] + 1, subject[1])
    return Frame(clause, subject, k, predicate, obj, relative=relative)


def antecedent(tokens: list[Token], clauses: list[Clause], ci: int) -> tuple[int, int] | None:
    """The noun phrase a relative or participial clause hangs on.

    A past participle or relative pronoun hangs on the end of the previous clause ('the dialogue,
    last held in ...'); a present participle ('..., ending the ...') on the subject of the clause before.
    Clauses that are themselves relative, participial, or only a number or time are skipped.
    """
    clause = clauses[ci]
    lead_tok = (
        tokens[clause.first + (1 if clause.intro else 0)]
        if clause.first + (1 if clause.intro else 0) <= clause.last
        else None
    )
    gerund = lead_tok is not None and lead_tok.low.endswith("ing") and lead_tok.low != "having" and clause.intro is None
    for pi in range(ci - 1, -1, -1):
        prev = clauses[pi]
        lead = prev.first + (1 if prev.intro else 0)
        while lead <= prev.last and (
            tokens[lead].low.endswith("ly") or tokens[lead].low in {"last", "first", "having", "also"}
        ):
            lead += 1
        if lead <= prev.last and is_verb(tokens, lead) and prev.intro is None:
            continue
        if (
            prev.intro in {"who", "which", "that", "whom", "whose", "since", "when", "while", "after", "before"}
            and pi > 0
        ):
            continue
        if (
            pi > 0
            and prev.intro is None
            and tokens[prev.first].low in {"the", "a", "an"}
            and _bare_noun_phrase(tokens, clauses[pi - 1])
        ):
            continue  # "The committee, the standing body set up under the accord, held ...": skip the appositive
        body = [t for t in tokens[prev.first : prev.last + 1] if t.is_word]
        if body and all(t.text[:1].isdigit() or t.low in PREPOSITIONS or _is_time_word(t.text) for t in body):
            continue
        if gerund:
            first_verb = next((k for k in range(prev.first, prev.last + 1) if is_verb(tokens, k)), None)
            if first_verb is not None:
                ks = verb_chain_start(tokens, first_verb, prev.first)
                span = np_before(tokens, ks, prev.first)
                if span is not None:
                    return span
        span = np_before(tokens, prev.last + 1, prev.first)
        if span is not None:
            start, end = span
            while start < end and tokens[start].low in DETERMINERS | {"with"}:
                start += 1
            for j in range(end, start - 1, -1):
                if tokens[j].low == "of" and _is_nominalization(tokens[start:j]):
                    return span
            return (start, end) if tokens[start].low not in PRONOUNS or start == end else span
    return None


def _bare_noun_phrase(tokens: list[Token], clause: Clause) -> bool:
    """Is a clause only a noun phrase (no verb, no subordinator), as a sentence's fronted subject is?"""
    words = tokens[clause.first : clause.last + 1]
    return (
        clause.intro is None
        and bool(words)
        and words[-1].is_word
        and not any(is_verb(tokens, k) for k in range(clause.first, clause.last + 1))
    )


def _is_time_word(word: str) -> bool:
    return bool(
        re.fullmatch(
            r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)",
            word,
        )
    )


def is_time_token(tok: Token) -> bool:
    """A word that can only be part of a time expression here: a month, a weekday, a day or year number."""
    return (
        _is_time_word(tok.text)
        or bool(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", tok.text))
        or tok.low in {"today", "yesterday", "tomorrow", "early", "mid", "late"}
    )


def time_only(tokens: list[Token], span: tuple[int, int] | None) -> bool:
    """Is a phrase nothing but a time expression ('March 26', 'on Monday', 'May')? Such a phrase is never a subject."""
    if span is None:
        return False
    words = [t for t in tokens[span[0] : span[1] + 1] if t.is_word and t.low not in PREPOSITIONS | {"the", "and", "of"}]
    return bool(words) and all(is_time_token(t) for t in words)


def _is_nominalization(words: list[Token]) -> bool:
    return bool(words) and words[-1].low in RESUMPTION | {"announcement", "anniversary"}


def event_head(tokens: list[Token], span: tuple[int, int] | None) -> int | None:
    """Index of an event noun (talks, dialogue, summit, 'one' in 'the last one') within span, if any."""
    if span is None:
        return None
    for j in range(span[1], span[0] - 1, -1):
        w = tokens[j].low
        if w in EVENT_HEADS or (w == "one" and j > 0 and tokens[j - 1].low == "last"):
            return j
    return None


def attribute_of(predicate: list[str]) -> str:
    """Normal form of a predicate phrase: synonyms folded, filler dropped."""
    text = " ".join(
        w
        for w in predicate
        if w not in {"have", "has", "had", "having", "effectively", "voluntarily", "repeatedly", "allegedly"}
    )
    text = re.sub(r"\bto(?:\s+to)+\b", "to", text)
    text = re.sub(r"^(?:to\s+)+|(?:\s+to)+$", "", text).strip()
    for phrase, norm in SYNONYMS.items():
        if text == phrase or (text.endswith(" " + phrase) and " " not in phrase):
            return text[: len(text) - len(phrase)] + norm if text != phrase else norm
    return text


def pronoun_kind(word: str) -> str | None:
    """'person' for he/she/him/his/her, 'thing' for it/its, 'group' for they/them/their."""
    w = word.lower()
    if w in {"he", "she", "him", "his", "her"}:
        return "person"
    if w in {"it", "its"}:
        return "thing"
    if w in {"they", "them", "their"}:
        return "group"
    return None


_PARTICLE_EVENTS = {"down": "went down", "back": "came back", "offline": "went offline", "online": "came online"}
DATE_EVENT_CUES = frozenset(
    {
        *_PARTICLE_EVENTS,
        "shut",
        "closed",
        "suspended",
        "halted",
        "stopped",
        "paused",
        "ended",
        "ceased",
        "crashed",
        "restored",
        "resumed",
        "reopened",
        "restarted",
        "opened",
        "launched",
        "began",
        "started",
        "returned",
        "reinstated",
    }
)
_DATE_FILLER = lexicon.exact("extract_offline_frames_date_filler")


def date_event(tokens: list[Token], vi: int, first: int) -> str | None:
    """The event a date belongs to, from the word right before it: 'down since March 9' -> 'went down'."""
    k = vi - 1
    while k >= first and tokens[k].low in _DATE_FILLER:
        k -= 1
    if k < first or k == vi - 1 or tokens[k].low not in DATE_EVENT_CUES:
        return None  # a cue must be linked to the date by a preposition ('resumed on', 'down since')
    return _PARTICLE_EVENTS.get(tokens[k].low, tokens[k].low)


def with_event(attr: str, event: str | None) -> str:
    """An attribute that names the date's event: 'processing' + 'went down' -> 'processing went down'."""
    if not event:
        return attr
    have = set(attr.split())
    missing = [w for w in event.split() if w not in have]
    if not missing:
        return attr
    return f"{attr} {event}" if len(missing) == len(event.split()) else f"{attr} {' '.join(missing)}"
