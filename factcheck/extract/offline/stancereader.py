"""Stances read sentence by sentence (extract/offline/stances.py reads one sentence): a fact-check's rating
denies the claim line before it, and a report named by reference and called false denies the content told a
sentence or two before. The offline reader emits them with its own subject keys (StancesMixin); the llm path
reads them apart from the model (stance_claims)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.aliases import AliasTable
from factcheck.extract.offline.nominal import noun_acts, reported_acts
from factcheck.extract.offline.reports import calls_false, denied_noun, false_word, report_content, report_noun
from factcheck.extract.offline.stances import (
    Stance,
    assertions,
    clause_stances,
    content_verbs,
    denials,
    nobody,
    own_voice,
    subject_name,
    unnamed_site,
)
from factcheck.extract.periods import at_granularity
from factcheck.models import (
    ASSERTED,
    DENIED,
    NEGATED,
    STORY_ATTRIBUTE,
    STORY_KEY,
    Claim,
    Modality,
    Source,
    Value,
    ValueType,
)
from factcheck.models import Span as TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

STANCES_EXTRACTOR = "parse:stances"  # how a claim of stance_claims says what read it


@dataclass(frozen=True)
class Said:
    """A stance placed in the article: its sentence's offset, the words that tell it, where its quote ends."""

    stance: Stance
    offset: int
    cue: str
    denied: bool
    end: int
    story: bool = False  # told of the article's story as a whole (STORY_KEY), not of the stance's own subject


REFERENCE_REACH = 2  # sentences after a report's content that 'the report' may still name it
LEAD_REACH = 2  # sentences from the start within which an article states the story it leads with
ANYONE = "no_one"  # the key of an act denied of everyone by its noun ('no agreement had been reached')


class StanceReader:
    """Reads an article's sentences in order; a fact-check's rating denies the claim line before it, and a
    report named by reference and called false denies the content told a sentence or two before."""

    def __init__(self) -> None:
        self.pending: tuple[int, list[Stance]] | None = None
        self.told: tuple[int, Token, int] | None = None  # a report's content: sentence offset, clause, age
        self.lead: Stance | None = None  # the first clause the article states: the story it tells
        self.sentences = 0  # sentences read so far

    def read(self, doc: Doc, offset: int, text: str) -> list[Said]:
        pending, self.pending = self.pending, None
        end = offset + len(text.rstrip())
        if pending is not None and rating_denies(text):
            return [Said(st, pending[0], text.strip(), True, end) for st in pending[1]]
        labelled = labelled_claim(doc)
        if labelled:
            self.pending = (offset, labelled)
            return []
        read = noun_acts(denials(doc) + assertions(doc)) + reported_acts(doc)
        out = [Said(st, offset, st.cue, st.denied, offset + st.end) for st in read]
        told, cue = self.told, denied_reference(doc)
        if told is not None and cue is not None:
            out += [
                Said(st, told[0], cue, True, end)
                for v in content_verbs(told[1])
                for st in clause_stances(v, True, cue, 0, 0)
            ]
        content = reported_content(doc)
        lead_told = told is not None and self.lead is not None and self.lead.verb == told[1]
        out += self._story(read, offset, end, cue if told is None or lead_told else None, doc, content)
        if content is not None:
            self.told = (offset, content, 0)
        elif told is not None:
            self.told = (told[0], told[1], told[2] + 1) if told[2] + 1 < REFERENCE_REACH else None
        return out

    def _story(
        self, read: list[Stance], offset: int, end: int, cue: str | None, doc: Doc, content: Token | None
    ) -> list[Said]:
        """The article's story: its first clause stated outright, as told true; and, when the article calls
        itself false with nothing else named before to call false ('NOTE: ... It's a spoof'), as told false.
        An article that opens on a party rejecting a report ('Israel has rejected allegations ... that
        authorities were responsible ...') leads with the report's content: a story it tells as others'."""
        self.sentences += 1
        if self.lead is None:
            if self.sentences > LEAD_REACH:
                return []  # no clause stated in the opening: no story to call true or false
            if any(relayed(st) for st in read):
                return []  # 'A photo of a shark ... has gone viral as the storm batters the coast': a story spreading
            first = next((st for st in read if not st.denied and st.subject.pos_ != "PRON"), None)
            if first is not None:  # quoted whole: the story is all the lead sentence tells
                self.lead = first
                return [Said(replace(first, attribute=STORY_ATTRIBUTE, start=0), offset, first.cue, False, end, True)]
            rejected = next((st for st in read if st.denied and content is not None and st.verb == content), None)
            if rejected is None or rejected.subject.pos_ == "PRON":
                return []
            self.lead = replace(rejected, denied=False)  # told, not stated: a story claim only once it is judged
            if calls_false(rejected.cue):  # 'rejected as false a posting that said ...'
                return [
                    Said(replace(self.lead, attribute=STORY_ATTRIBUTE, start=0), offset, rejected.cue, True, end, True)
                ]
            return []
        cue = (cue if cue is not None and calls_false(cue) else None) or story_called_false(doc)
        if cue is None:
            return []  # 'The Dera has dismissed the castration allegation': a party's denial, reported
        lead = replace(self.lead, attribute=STORY_ATTRIBUTE, start=0)
        return [Said(lead, offset, cue, True, end, True)]


def relayed(stance: Stance) -> bool:
    """Whether a clause tells a story spreading ('has gone viral', lexicon `spreading_predicates`) or relays what a
    message or post says anywhere in its sentence ('according to a message shared on social media',
    `hearsay_sources`): no statement of the story as true."""
    verb = stance.verb
    told = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ in ("acomp", "prt", "dobj"))])
    if told in lexicon.words("spreading_predicates") or verb.lemma_.lower() in lexicon.words("spreading_predicates"):
        return True
    according = next((t for t in verb.sent if t.lower_ == "according"), None)  # on the clause or its content
    to = (t for t in according.children if t.lower_ == "to") if according is not None else iter(())
    source = next((c for t in to for c in t.children if c.dep_ == "pobj"), None)
    return source is not None and source.lower_ in lexicon.words("hearsay_sources")


def story_called_false(doc: Doc) -> str | None:
    """The words by which an article calls what it told false, naming it 'it' ('It's a spoof', 'it is satire')."""
    for tok in doc:
        if tok.lower_ != "it" or tok.dep_ != "nsubj" or not own_voice(tok.head):
            continue  # 'some who believe it is a hoax': another's doubt, not the article calling itself false
        if (called := false_word(tok.head, ("acomp", "attr"))) is not None:
            return tok.doc[tok.i : called.i + 1].text
    return None


def stance_claim(source: Source, said: Said, key: str, attribution: str | None, extractor: str) -> Claim:
    """The claim of a stance read in a source."""
    st = said.stance
    subject = st.subject.doc[st.subject.left_edge.i : st.subject.right_edge.i + 1]
    named = "no one" if st.anyone else subject.text  # an act denied of everyone: 'no agreement' is no one agreeing
    span = TextSpan(start=said.offset + st.start, end=said.end)
    return Claim(
        source_id=source.id,
        subject=named,
        subject_key=key,
        attribute=st.attribute,
        value=Value(
            type=ValueType.STANCE,
            text=said.cue,
            normalized=DENIED if said.denied else ASSERTED,
            qualifier=NEGATED if said.denied and st.negation else None,
        ),
        quote=source.text[span.start : span.end],
        span=span,
        attribution=attribution,
        modality=Modality.REPORTED,
        time=at_granularity(date(st.year, 1, 1), "years") if st.year else None,
        extractor=extractor,
    )


def stance_claims(source: Source) -> list[Claim]:
    """The stances of an article read apart from any extractor, for one that reads none of its own (the llm
    path: a model answers what the article states, not what it calls false). Each claim says it was read by
    the parse (STANCES_EXTRACTOR)."""
    from factcheck.extract.offline.parse import parse_sentences
    from factcheck.sources.sentences import sentences

    spans = sentences(source)
    docs = parse_sentences([source.text[s.start : s.end] for s in spans])
    aliases = AliasTable.from_texts([source.text])
    reader = StanceReader()
    out = []
    for span, doc in zip(spans, docs, strict=True):
        for said in reader.read(doc, span.start, source.text[span.start : span.end]):
            subject = said.stance.subject
            key = "" if subject.pos_ == "PRON" else aliases.key(subject_name(subject))  # no pronoun is resolved here
            key = filed_key(said, aliases, key)
            if key:
                out.append(stance_claim(source, said, key, None, STANCES_EXTRACTOR).with_id())
    return out


class StancesMixin(_Base):
    """Stance claims (value type `stance`): what the article asserts and what it calls false."""

    source: Source
    doc: Doc
    stance_reader: StanceReader

    def _stances(self) -> None:
        """Emit the sentence's denials and assertions."""
        for said in self.stance_reader.read(self.doc, self.offset, self.text):
            subject = said.stance.subject
            own = said.offset == self.offset  # a fact-check's claim line is the sentence before its rating
            right = max([subject.i] + [c.right_edge.i for c in subject.rights if c.dep_ not in {"relcl", "acl"}])
            left = subject.left_edge
            if left.dep_ == "det" and left.lower_ in lexicon.words("negations"):
                left = left.nbor()  # 'No officers were injured': a stance about officers, denied
            words = subject.doc[left.i : right + 1]  # 'The man who tackled him': the man
            first, last = self._token_at(words.start_char), self._token_at(words.end_char - 1)
            about = subject.dep_ == "pobj" and report_noun(subject.head.head)  # 'the story about a teenager killed'
            by_words = own and not about  # keyed by its own words: the teenager, not the story
            key = (self._subject_key((first, last)) if by_words else "") or self.aliases.key(subject_name(subject))
            key = filed_key(said, self.aliases, key)
            if key:
                self.claims.append(stance_claim(self.source, said, key, self.attrib.text if own else None, "offline"))


def rating_denies(text: str) -> bool:
    """Whether a line is a fact-check's rating that the claim before it is false ('FALSE')."""
    return text.strip().strip(".!:").lower() in lexicon.words("fact_check_false_ratings")


def labelled_claim(doc: Doc) -> list[Stance]:
    """The clauses of a fact-check's 'Claim: ...' line, as asserted (the rating after it denies them)."""
    first = doc[0] if len(doc) else None
    if first is None or first.lower_ not in lexicon.words("fact_check_claim_labels") or len(doc) < 3:
        return []
    if doc[1].text != ":":
        return []
    top = next((t for t in doc[2:] if t.pos_ in ("VERB", "AUX") and (t.head.i < 2 or t.dep_ == "ROOT")), None)
    if top is None:
        return []
    out = []
    for verb in content_verbs(top):
        out += clause_stances(verb, True, "", doc[0].idx, verb.right_edge.idx + len(verb.right_edge))
    return out


def reported_content(doc: Doc) -> Token | None:
    """The clause a sentence relays as a report's ('A recent rumor claims that X', 'a posting that said X'),
    whether or not it calls it false."""
    for tok in doc:
        if report_noun(tok) and (content := report_content(tok)) is not None:
            return content
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.words("report_verbs"):
            teller = [c for c in tok.children if c.dep_ in ("nsubj", "compound")]
            if not teller and tok.dep_ == "conj":  # 'A post shared thousands of times claimed that ...'
                teller = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if any(c.lemma_.lower() in lexicon.words("report_nouns") for c in teller) or unnamed_site(tok):
                return next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    return None


def denied_reference(doc: Doc) -> str | None:
    """The words that call false a report named by reference, its content told before ('But the rumor is not
    true', 'This report is entirely false', 'There is no truth to this'), or None."""
    for tok in doc:
        if not report_noun(tok) or report_content(tok) is not None:
            continue
        if any(c.dep_ == "det" and c.lower_ in lexicon.words("referring_determiners") for c in tok.children):
            if (cue := denied_noun(tok)) is not None:
                return cue
    for tok in doc:  # 'There is no truth to this whatsoever', 'That is simply not true'
        if tok.lower_ not in lexicon.words("referring_pronouns"):
            continue
        truth = tok.head.head
        if tok.dep_ == "pobj" and truth.lemma_.lower() in lexicon.words("truth_nouns"):
            if any(c.lower_ == "no" for c in truth.children):
                return f"no {truth.text} to {tok.text}"
        if tok.dep_ == "nsubj" and (called := false_word(tok.head, ("acomp", "attr"))) is not None:
            return tok.doc[tok.i : called.i + 1].text
    return None


def filed_key(said: Said, aliases: AliasTable, key: str) -> str:
    """The key a stance is filed under when its subject's words do not name it: the story it tells or calls
    false, no one (an act denied of everyone by its noun, or 'No one' as the subject), else `key`."""
    if said.story:
        return STORY_KEY
    if said.stance.anyone:
        return ANYONE
    return aliases.key(_everyone(said.stance.subject)) if nobody(said.stance.subject) else key


def _everyone(subject: Token) -> str:
    """The words of a subject that denies its clause of everyone ('No one', 'Nobody')."""
    return subject.doc[subject.left_edge.i : subject.i + 1].text
