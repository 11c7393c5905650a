"""Who an article names as the source of its news, read from the parse: the outlet or person a report is
attributed to, and the outlet a person spoke to.

"..., according to the Harwick Courier", "according to a report by the Harwick Courier" and "the Harwick
Courier reported" give `report · reported by = harwick_courier`; "Dana Reyes told the Harwick Courier" gives
`dana_reyes · spoke to = harwick_courier`. The source must be a name (a proper noun the parse reads: "according
to police" names no one), and the value is one of several (`ONE_OF`): an article may cite many sources, and two
sources cited are never in conflict. Two articles citing one outlet agree on it. A denied report ("did not
report") gives none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.aliases import AliasTable
from factcheck.extract.offline.affiliations import org_key
from factcheck.extract.offline.tree import entity_of, personal_pronoun
from factcheck.models import ONE_OF, Claim, Modality, Source, Value, ValueType
from factcheck.models import Span as TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

REPORT_SUBJECT = "the report"
REPORT_KEY = "report"
_PEOPLE = {"PERSON"}
_NOT_SOURCES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC", "NORP", "LAW"}


@dataclass(frozen=True)
class Sourcing:
    """One source named in a sentence; offsets relative to the sentence."""

    start: int
    end: int
    source: Span
    teller: Token | None  # who spoke to the outlet ('Reyes told the Courier'); None for the report's own source


def sourcings(doc: Doc) -> list[Sourcing]:
    """Every 'according to NAME', 'NAME reported' and 'PERSON told OUTLET' of the sentence."""
    out: list[Sourcing] = []
    reporting, telling = lexicon.words("sourcing_report_verbs"), lexicon.words("sourcing_tell_verbs")
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            name = _name(obj) or _name(_maker(obj))
            if name is not None:
                out.append(Sourcing(tok.idx, name.end_char, name, None))
        elif tok.pos_ == "VERB" and not _denied(tok) and lemma in reporting:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            name = _name(subject)
            if name is not None:
                out.append(Sourcing(name.start_char, tok.idx + len(tok), name, None))
        elif tok.pos_ == "VERB" and not _denied(tok) and lemma in telling:
            outlet = _outlet(tok)
            teller = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if outlet is not None and teller is not None:
                out.append(Sourcing(min(teller.left_edge.idx, tok.idx), outlet.end_char, outlet, teller))
    return out


def _name(tok: Token | None) -> Span | None:
    """The name a token heads: its entity, or its proper-noun phrase; None for a common noun or a place."""
    if tok is None or tok.pos_ != "PROPN":
        return None
    ent = entity_of(tok)
    if ent is not None:
        return None if ent.label_ in _NOT_SOURCES else ent
    left = tok
    while left.i > 0 and left.doc[left.i - 1].dep_ == "compound" and left.doc[left.i - 1].head.i == tok.i:
        left = left.doc[left.i - 1]
    return tok.doc[left.i : tok.i + 1]


def _maker(noun: Token | None) -> Token | None:
    """Who made a report the sentence cites: 'according to a new report from PandoDaily' -> PandoDaily."""
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.words("sourcing_report_nouns"):
        return None
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "in"}), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _outlet(verb: Token) -> Span | None:
    """The organisation a verb of telling tells: its object ('told BuzzFeed News') or the object of its 'to'
    ('revealed to The Express'); a person told is a conversation, not a source."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objects += [g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        name = _name(obj)
        ent = entity_of(obj)
        if name is not None and (ent is None or ent.label_ not in _PEOPLE):
            return name
    return None


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _slot(found: Sourcing, aliases: AliasTable, teller_key: str = "") -> tuple[str, str, str, Value] | None:
    """Subject, key, attribute and value of one sourcing: the report's source, or the outlet a teller spoke to
    (named, or given as `teller_key` when a pronoun was resolved); None when either side names no one."""
    normalized = org_key(found.source.text, aliases)
    value = Value(type=ValueType.ENTITY, text=found.source.text, normalized=normalized, qualifier=ONE_OF)
    if found.teller is None:
        subject, key, attribute = REPORT_SUBJECT, REPORT_KEY, "reported by"
    else:
        name = _name(found.teller)
        subject = name.text if name is not None else found.teller.text
        key = aliases.key(name.text) if name is not None else teller_key
        attribute = "spoke to"
    return (subject, key, attribute, value) if normalized and key and key != normalized else None


SOURCING_EXTRACTOR = "parse:sourcing"  # how a claim of sourcing_claims says what read it


def sourcing_claims(source: Source) -> list[Claim]:
    """The sourcing claims of an article read apart from any extractor, for one that reads none of its own (the llm
    path: a model answers what the article states, not whom it cites). A teller must be named; no pronoun is
    resolved here. Each claim says it was read by the parse (SOURCING_EXTRACTOR)."""
    from factcheck.extract.offline.parse import parse_sentences
    from factcheck.sources.sentences import sentences

    spans = sentences(source)
    docs = parse_sentences([source.text[s.start : s.end] for s in spans])
    aliases = AliasTable.from_texts([source.text])
    out = []
    for span, doc in zip(spans, docs, strict=True):
        for found in sourcings(doc):
            slot = _slot(found, aliases)
            if slot is None:
                continue
            subject, key, attribute, value = slot
            quote = TextSpan(start=span.start + found.start, end=span.start + found.end)
            out.append(
                Claim(
                    source_id=source.id,
                    subject=subject,
                    subject_key=key,
                    attribute=attribute,
                    value=value,
                    quote=source.text[quote.start : quote.end],
                    span=quote,
                    modality=Modality.REPORTED,
                    extractor=SOURCING_EXTRACTOR,
                ).with_id()
            )
    return out


class SourcingMixin(_Base):
    """Emits who an article names as the source of its news; mixed into the offline reader after the open clause
    reader, whose pronoun resolution it shares."""

    doc: Doc
    people_named: set[str]  # the keys of every person the parse has named so far in the article (the reader's)

    if TYPE_CHECKING:

        def _pronoun_key(self, tok: Token) -> str: ...  # OpenClausesMixin's

    def _sourcing(self) -> None:
        for found in sourcings(self.doc):
            teller = found.teller
            resolved = self._pronoun_key(teller) if teller is not None and personal_pronoun(teller) else ""
            if resolved not in self.people_named:  # someone the parse has read as a person, not a name the rules took
                resolved = ""
            slot = _slot(found, self.aliases, resolved)
            if slot is not None:
                subject, key, attribute, value = slot
                self._emit_span(subject, key, attribute, value, None, found.start, found.end, Modality.REPORTED)
