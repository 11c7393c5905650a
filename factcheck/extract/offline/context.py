"""Document context for the offline extractor: the events, people and countries an article has named so far.

Events are keyed by their participants and kind (entities.event_key); a later mention with no
participants of its own ('the talks', 'the dialogue', 'the last one') is resolved to the most
recent compatible event, or to the event already dated to the same time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from factcheck import lexicon
from factcheck.extract.aliases import AliasTable
from factcheck.extract.entities import country_key, entity_key, event_key, gazetteer, name_parts, slug
from factcheck.extract.offline.frames import EVENT_HEADS, frame, pronoun_kind
from factcheck.extract.offline.text import DETERMINERS, PREPOSITIONS, Clause, Token, is_verb, np_after
from factcheck.extract.timeparse import NUMBER_WORDS, scan
from factcheck.models import Granularity, Period, Source

_TIME_WORD = re.compile(
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d{4}"
)
_CONJ = lexicon.exact("extract_offline_context_conj")
_YEAR = re.compile(r"\b\d{4}\b")
_DATE_REACH = 40  # characters either side of a year that a full date ('Sunday, December 28, 2014') spans
_GROUP_WORDS = {
    "countries": "country",
    "nations": "country",
    "allies": "country",
    "leaders": "person",
    "ministers": "person",
}


def _organisations() -> set[str]:
    """Keys of the well-known organisations that take part in stories as parties (the European Union)."""
    return {slug(name) for name in gazetteer().abbreviations.values()}


@dataclass
class Event:
    """An event the article has mentioned: its key, whether people (not states) take part, when it happens."""

    key: str
    persons: bool
    time: Period | None = None


def body_text(source: Source) -> str:
    """The article body as one string (paragraphs joined by newlines)."""
    return "\n".join(source.text[span.start : span.end] for span in source.body)


class DocumentContext:
    """What the reader knows about one article while it reads it sentence by sentence."""

    source: Source
    aliases: AliasTable
    text: str
    tokens: list[Token]
    clauses: list[Clause]
    event_at: dict[int, str]
    events: list[Event]
    last_person: str | None
    pair: list[str]

    def _main_pair(self) -> list[str]:
        counts: Counter[str] = Counter()
        for run in re.findall(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", body_text(self.source)):
            for kind, key in name_parts(run):
                if kind == "entity" and (country_key(key.replace("_", " ")) or key in _organisations()):
                    counts[key] += 1
        return sorted(k for k, _ in counts.most_common(2))

    def _people_and_events(self) -> None:
        """Resolve every event mention in order, so later anaphora ('the talks') find them."""
        for j, tok in enumerate(self.tokens):
            w = tok.low
            head = w in EVENT_HEADS or (w == "one" and j > 0 and self.tokens[j - 1].low == "last")
            if w == "meetings" and j > 0 and self.tokens[j - 1].low in {"such", "the"}:
                continue
            if w in {"channels", "channel"} and j + 1 < len(self.tokens) and self.tokens[j + 1].low == "for":
                continue
            verb_event = w in {"meet", "met", "exchanged"} and is_verb(self.tokens, j)
            if head or verb_event:
                self.event_at[j] = self._resolve_event(j, verb_event)

    def _clause_of(self, j: int) -> int:
        for ci, clause in enumerate(self.clauses):
            if clause.first <= j <= clause.last:
                return ci
        return len(self.clauses) - 1

    def _resolve_event(self, j: int, verb_event: bool, time: Period | None = None) -> str:
        ci = self._clause_of(j)
        clause = self.clauses[ci]
        fr = frame(self.tokens, self.clauses, ci, j + 1)
        body_key = self._named_body(fr.subject, j, verb_event)
        if body_key:
            self._remember(body_key, False, time)
            return body_key
        if verb_event:
            np_text = "talks"
            inside: list[tuple[str, str]] = []
        else:
            start = self._event_np_start(j, clause)
            np_text = " ".join(
                t.text
                for t in self.tokens[start : j + 1]
                if not _TIME_WORD.fullmatch(re.sub(r"['’]s$", "", t.text)) and t.text not in NUMBER_WORDS
            )
            np_text = re.sub(r"\b(?:channels?|mechanism)\s+for\s+", "", np_text)
            np_text = re.sub(r"\bministers['’]?(?=\s)", "ministerial", np_text)
            inside = self._entities(start, j)
        participants = [k for k, _ in inside]
        after = self._after_participants(j, clause)
        if verb_event and j + 1 <= clause.last:
            met = np_after(self.tokens, j + 1, clause.last)
            after += [k for k, _ in self._entities(*met)] if met and self.tokens[j + 1].low not in PREPOSITIONS else []
        participants += after
        agent = (
            self._entities(*fr.subject) if fr.subject and (verb_event or (fr.verb is not None and fr.verb < j)) else []
        )
        if verb_event or after or len(agent) >= 2 or self._possessive_group(j, clause):
            if len(agent) >= 2 or after or verb_event:
                participants += [k for k, _ in agent]
            elif self._possessive_group(j, clause):
                participants += [k for k, _ in self._entities(clause.first, j)]
        people = [k for k in participants if k in {slug(p) for p in self.aliases.people}]
        if people and len(people) >= 2:
            participants = people
        persons = bool(people) or "leaders" in np_text.lower()
        if len(set(participants)) >= 2 or (participants and not verb_event and inside):
            key = event_key(np_text, sorted(set(participants)), self.aliases)
            self._remember(key, persons, time)
            return key
        body = event_key(np_text, [], self.aliases)
        if body == "one":
            body = "talks"  # 'the last one': the latest event, whatever its kind
        found = self._recall(body, persons, time)
        named = any(t[:1].isupper() for t in np_text.split()[1:]) or (
            np_text[:1].isupper() and np_text.split()[0].lower() not in DETERMINERS
        )
        key = found or (body if named and body != "talks" else event_key(np_text, self.pair, self.aliases))
        self._remember(key, persons, time)
        return key

    def _named_body(self, subject: tuple[int, int] | None, j: int, verb_event: bool) -> str:
        """A named body that meets: 'The Specialised Committee on Fisheries last met', '... held its session'.

        Its meetings are keyed by the body itself, when it names no country or person of its own.
        """
        own = (
            verb_event
            or (j > 0 and self.tokens[j - 1].low in {"its", "their"})
            or (j > 1 and self.tokens[j - 2].low in {"its", "their"})
        )
        if subject is None or not own or subject[1] >= j:
            return ""
        words = [t for t in self.tokens[subject[0] : subject[1] + 1] if t.low not in DETERMINERS]
        capitalised = (
            len(words) >= 2
            and words[0].is_cap
            and words[-1].is_cap
            and all(t.is_cap or t.low in {"of", "on", "for"} for t in words)
        )
        if not capitalised or self._entities(*subject):
            return ""
        return entity_key(" ".join(t.text for t in words), self.aliases)

    def _event_np_start(self, j: int, clause: Clause) -> int:
        """Start of the noun phrase whose head is tokens[j]: back to a determiner, 'of', a verb or a preposition."""
        start = j
        while start > clause.first:
            prev = self.tokens[start - 1]
            if (
                prev.low == "for"
                and start - 2 >= clause.first
                and self.tokens[start - 2].low in {"channels", "channel", "mechanism"}
            ):
                start -= 1
                continue
            capital_of = (
                prev.low == "of"
                and start - 2 >= clause.first
                and self.tokens[start - 2].is_cap
                and self.tokens[start].is_cap
            )
            if (
                not prev.is_word
                or is_verb(self.tokens, start - 1)
                or (prev.low in PREPOSITIONS and not capital_of)
                or prev.low in _CONJ
            ):
                break
            start -= 1
            if prev.low in DETERMINERS or (
                prev.text.endswith(("'s", "’s")) and not _TIME_WORD.fullmatch(prev.text[:-2])
            ):
                break
        return start

    def _remember(self, key: str, persons: bool, time: Period | None) -> None:
        old = next((e for e in self.events if e.key == key), None)
        if old:
            self.events.remove(old)
            time = time or old.time
        self.events.append(Event(key, persons, time))

    def _recall(self, body: str, persons: bool, time: Period | None) -> str | None:
        for event in reversed(self.events):
            if time is not None and event.time is not None and event.time.overlaps(time) and body == "talks":
                return event.key
        for event in reversed(self.events):
            if body != "talks" and (event.key == body or event.key.endswith("_" + body)):
                return event.key
            if body == "talks" and time is None and (not persons or event.persons):
                return event.key
        return None

    def _possessive_group(self, j: int, clause: Clause) -> bool:
        return any(t.low == "their" for t in self.tokens[max(clause.first, j - 4) : j])

    def _after_participants(self, j: int, clause: Clause) -> list[str]:
        """Entities after 'between', 'with' or 'involving' that follow the event noun in its clause."""
        for k in range(j + 1, clause.last + 1):
            tok = self.tokens[k]
            if k != j + 1 and (
                k in self.event_at or tok.low == "with" or (is_verb(self.tokens, k) and tok.low != "held")
            ):
                break
            if tok.low in {"between", "with", "involving"}:
                end = clause.last
                if tok.low == "between":
                    nxt = [c for c in self.clauses if c.first == clause.last + 2]
                    if (
                        nxt
                        and self.text[self.tokens[clause.last].end :].lstrip().startswith(",")
                        and self.tokens[nxt[0].first].is_cap
                    ):
                        end = nxt[0].last
                return [key for key, _ in self._entities(k + 1, end)]
        return []

    def _entities(self, i: int, j: int) -> list[tuple[str, str]]:
        """(key, kind) of the people, countries and groups named in tokens i..j; pronouns resolved."""
        out: list[tuple[str, str]] = []
        k = i
        people = {slug(p) for p in self.aliases.people}
        while k <= j:
            tok = self.tokens[k]
            kind = pronoun_kind(tok.low)
            if (
                tok.low in _GROUP_WORDS
                and k > 0
                and self.tokens[k - 1].low in {"two", "both"}
                and _GROUP_WORDS[tok.low] == "country"
            ):
                out += [(c, "country") for c in self.pair]
            elif kind == "person" and self._person_before(k):
                out.append((self._person_before(k) or "", "person"))
            elif kind == "group" and tok.low != "their":
                group = [e for e in self._entities(0, k - 1) if e[1] == "person"] if k else []
                out += group if len(group) >= 2 else [(c, "country") for c in self.pair]
            elif tok.is_cap:
                end = k
                while end + 1 <= j and self.tokens[end + 1].is_cap:
                    end += 1
                run = self.text[tok.start : self.tokens[end].end]
                for part_kind, key in name_parts(run, self.aliases):
                    if part_kind == "entity":
                        out.append((key, "person" if key in people else "country"))
                k = end
            k += 1
        return list(dict.fromkeys(out))

    def _person_before(self, k: int) -> str | None:
        """What 'he/him/his' at token k refers to: the first person named earlier in the sentence, else the last one."""
        people = {slug(p) for p in self.aliases.people}
        for j in range(0, k):
            tok = self.tokens[j]
            if tok.is_cap:
                full = self.aliases.person(tok.text.rstrip("'s’"))
                if full and slug(full) in people:
                    return slug(full)
        return self.last_person

    def _last_thing(self, j: int) -> str:
        """What 'it/its' at token j refers to: the nearest named thing before it that is not a person."""
        people = {slug(p) for p in self.aliases.people}
        k = j - 1
        while k >= 0:
            if (
                self.tokens[k].is_cap
                and self.tokens[k].low not in DETERMINERS | {"but", "and", "in", "on", "at"}
                and not _TIME_WORD.fullmatch(self.tokens[k].text)
            ):
                end = k
                while k - 1 >= 0 and self.tokens[k - 1].is_cap:
                    k -= 1
                key = entity_key(self.text[self.tokens[k].start : self.tokens[end].end], self.aliases)
                if key and key not in people:
                    return key
            k -= 1
        return "_".join(self.pair)


def stated_days(text: str) -> set[date]:
    """The full dates (day, month and year) an article states."""
    days = []
    for year in _YEAR.finditer(text):  # only around a year: scanning a whole long article is slow
        window = text[max(0, year.start() - _DATE_REACH) : year.end() + _DATE_REACH]
        days += [
            m.period.end
            for m in scan(window, None)
            if m.period is not None and m.period.granularity == Granularity.DAY and _YEAR.search(m.text)
        ]
    return set(days)
