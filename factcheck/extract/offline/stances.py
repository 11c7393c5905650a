"""What an article states happened and what it calls false, read from the parse of one sentence: stances.

A clause an article states in its own voice ("The small town of Purdon has been quarantined") is *asserted*;
the content of a report the article calls false ("rejected as false a posting that said the town was
quarantined", "there's no truth to the claim that officials closed the town", "the rumor is not true"), of a
denial ("denied that he had left") or of a negation ("has not banned") is *denied*. Each gives one claim
about the clause's subject (and one about what it was done to), its attribute the predicate's lemmas
('quarantine', 'test positive', 'ban word freshman'), its value of type `stance` ('asserted' or 'denied').
A clause relayed under hearsay, a question, a modal or a condition is neither. A stance matters only where
another article disagrees: the pipeline keeps it only then (align/stances.py). Reading across sentences
(a fact-check's rating, a report named by reference) is in stancereader.py; a report and the words that call it
false are read in reports.py, an act denied by its noun in nominal.py. The words are language data in
the lexicon: `report_nouns`, `falsity_words`, `truth_words`, `denial_verbs`, `truth_nouns`,
`fact_check_claim_labels`, `fact_check_false_ratings`, `referring_determiners`, `stance_empty_verbs`,
`press_reply_verbs`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.deps import clause_end
from factcheck.extract.offline.reference import speaker_antecedent
from factcheck.extract.offline.reports import called_false, denied_noun, report_content, report_noun
from factcheck.extract.offline.tree import opening, told_year
from factcheck.values.senses import phrasal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass")
_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj"}
_CLAUSES = {"ROOT", "conj", "advcl"}


@dataclass(frozen=True)
class Stance:
    """One clause's stance; offsets relative to the parsed text."""

    subject: Token
    verb: Token
    attribute: str
    cue: str  # the words that tell the stance: the predicate as written, or the denial ('rejected as false')
    denied: bool
    start: int
    end: int
    negation: bool = False  # denied by a negation of the article's own ('has not banned'), not as a report's content
    year: int | None = None  # a year the clause itself names ('he was arrested in 2011'): an act of that year
    anyone: bool = False  # the act denied of everyone, told by its noun ('no agreement had been reached')


def verb_lemmas(verb: Token, complement: bool = True) -> list[str]:
    """The verb with its particle and, if asked, its adjective complement, as lemmas ('test positive')."""
    return [verb.lemma_.lower()] + [
        c.lower_ if c.tag_ == "VBN" else c.lemma_.lower()  # 'is not married': a participle as an adjective
        for c in verb.children
        if particle(c) or (complement and c.dep_ in ("acomp", "oprd") and (c.pos_ == "ADJ" or c.tag_ == "VBN"))
    ]


def particle(word: Token) -> bool:
    """Whether a word is its verb's particle: so parsed, or an adverb just after the verb that WordNet knows
    with it as one verb ('had stepped down', where the parse reads 'down' as an adverb)."""
    verb = word.head
    return word.dep_ == "prt" or (
        word.dep_ == "advmod" and word.i == verb.i + 1 and phrasal(verb.lemma_.lower(), word.lower_)
    )


def predicate(verb: Token) -> str:
    """The clause's predicate as lemmas: the verb with its particle, complement and object ('test positive')."""
    parts = verb_lemmas(verb)
    person = next((c for c in verb.children if c.dep_ == "attr" and c.ent_type_ == "PERSON"), None)
    if verb.lemma_ == "be" and person is not None:  # 'the man was Paul Rudd', 'is not Paul Rudd': who he is
        return " ".join([*parts, *(t.lemma_.lower() for t in person.subtree if t.ent_type_ == "PERSON")])
    kind = _described_person(verb)
    if parts == ["be"] and kind is not None:
        return f"be {kind[1].lower_}"  # 'is a married woman': is married
    if verb.lemma_ == "be" and parts == ["be"]:  # 'is in a coma', 'is not under arrest': a state by its noun
        held = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in lexicon.words("state_prepositions")), None
        )
        noun = next((c for c in held.children if c.dep_ == "pobj"), None) if held is not None else None
        if held is not None and noun is not None and noun.pos_ == "NOUN" and not noun.ent_type_:
            return f"be {held.lower_} {noun.lemma_.lower()}"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):  # the object's words, not what hangs on it by a preposition
        named = [
            t for t in obj.subtree if t.pos_ in ("NOUN", "PROPN") and not any(a.dep_ == "prep" for a in _path(t, obj))
        ]
        parts += [t.lemma_.lower() for t in named]
    aim = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and _to(c)), None)
    if obj is None and aim is not None and verb.lemma_.lower() not in lexicon.words("plan_verbs"):
        parts.append(aim.lemma_.lower())  # 'work to improve their ties' is not 'work to normalize the pact'
    return " ".join(parts)


def _to(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ('to improve')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _described_person(verb: Token) -> tuple[Token, Token] | None:
    """'is a married woman': the noun for a person after 'be', and the adjective that tells their state."""
    nouns = lexicon.words("person_nouns")
    kind = next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in nouns), None)
    state = next((c for c in kind.children if c.dep_ == "amod" and c.pos_ == "ADJ"), None) if kind else None
    return (kind, state) if verb.lemma_ == "be" and kind is not None and state is not None else None


def _path(token: Token, top: Token) -> list[Token]:
    """The tokens from a token up to (not including) the top of its subtree."""
    return [t for t in [token, *token.ancestors] if top.is_ancestor(t)]


def subject_of(verb: Token) -> Token | None:
    """The clause's subject; for a subordinate clause the parse left without one ('after a family of five
    tested positive', read as a preposition's object), the noun phrase just before the verb."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # 'a story about a teenager killed by a shark': the teenager, killed
    if subject is not None and subject.lower_ in ("one", "none"):  # 'one of the onlookers ... was': the onlookers
        of = next((n for p in subject.children if p.lower_ == "of" for n in p.children if n.dep_ == "pobj"), None)
        if of is not None or not nobody(subject):  # 'No one was injured': no one
            subject = of
    if subject is None and _planned(verb):
        return subject_of(verb.head)  # 'Apple is planning to shut down Beats Music': Apple shuts it down
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # 'was ticketed for speeding but was not arrested': the one ticketed
    if subject is not None or verb.dep_ != "advcl":
        return subject
    for prep in verb.head.children:
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i + 1 == verb.i:
                return noun
    return None


def _planned(verb: Token) -> bool:
    """Whether the verb is the act a plan verb governs ('plans to close', 'is set to close'; lexicon 'plan_verbs')."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.words("plan_verbs")


def _negated(verb: Token) -> bool:
    """Whether a negation governs the verb ('has not banned'), its subject or object ('no officers were injured',
    'made no arrests'; not what one has, 'has no ties') or the verb it is joined to by 'or' ('was never handcuffed
    or taken into custody'); 'not only' adds, it does not deny."""
    doc, head, empty = verb.doc, verb.head, lexicon.words("stance_empty_verbs")
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS or (c.dep_ == "dobj" and verb.lemma_ not in empty)]
    joiners = lexicon.words("negation_joiners")
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in joiners for c in head.children) and _negated(head):
        return True
    return any(
        (c.dep_ == "neg" or c.lower_ in lexicon.words("negations"))
        and doc[c.i : c.i + 2].text.lower() not in lexicon.words("additive_negations")
        for c in verb.children
    ) or any(
        nobody(s) or any(d.dep_ == "det" and d.lower_ in lexicon.words("negations") for d in s.children)
        for s in subjects
    )


def nobody(subject: Token) -> bool:
    """Whether a subject denies its clause of everyone ('Nobody has been charged', 'No one was injured', 'none
    of the workers'; lexicon `nobody_words`)."""
    said = subject.doc[subject.left_edge.i : subject.i + 1].text.lower()
    return said in lexicon.words("nobody_words") or subject.lower_ in lexicon.words("nobody_words")


def _stated(verb: Token, negation: bool = False, telling: bool = False) -> bool:
    """Whether a clause is said outright: no modal, condition or question on it, nor a negation unless asked; a
    teller's 'can' doubts nothing ('The Sporting Ledger can reveal'; lexicon `telling_modals`)."""
    negated = _negated(verb)
    if negated and not negation:
        return False
    doubt = lexicon.words("stance_modal_auxiliaries") - (lexicon.words("telling_modals") if telling else frozenset())
    if negated or verb.dep_ != "ccomp":
        doubt = doubt | lexicon.words("stance_reported_future_auxiliaries")  # 'that would be illegal'
    if negated:  # 'residents will not be allowed back': a state until a change, not a plan denied
        doubt = doubt | lexicon.words("stance_future_auxiliaries")
    if any(c.dep_ == "aux" and c.lower_ in doubt for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in lexicon.words("stance_conditions") for c in verb.children):
        return False
    return not verb.sent.text.rstrip().endswith("?")


def clause_stances(
    verb: Token, denied: bool, cue: str, start: int, end: int, denier: Token | None = None
) -> list[Stance]:
    """A clause's stances: about its subject and, when it does something to a thing, about that thing as the
    passive tells it ('CDC quarantined the town' is also 'the town · quarantine'). A pronoun subject of what a
    one denies is the denier ('Apple denied reports that it had bought ...'), and so is the missing
    subject of a denied gerund ('denies performing the biopsy'); any other pronoun is left to the reader. What
    one denies doing oneself is told of the denier alone: that someone else did it is no conflict."""
    subject = subject_of(verb)
    if (
        denier is not None
        and denier.pos_ in ("NOUN", "PROPN")
        and ((subject is not None and subject.pos_ == "PRON") or (subject is None and verb.tag_ == "VBG"))
    ):
        subject = denier
    if subject is not None and subject.lower_ == "it" and denier is None:
        speaker = speaker_antecedent(verb.doc, subject.idx)  # 'The school says it never banned the word'
        subject = speaker.root if speaker is not None else subject
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or not _stated(verb, negation=denied):
        return []
    if subject.pos_ == "PRON" and subject.lower_ not in lexicon.words("stance_pronouns") and not nobody(subject):
        return []
    said = predicate(verb)
    if said in lexicon.words("stance_empty_verbs") | lexicon.words("press_reply_verbs"):
        return []  # 'the group is': no predicate to hold true or false; 'declined': no answer to a reporter
    written = next((c for c in verb.children if c.dep_ in _SUBJECTS), subject)  # 'one of the onlookers'
    start = min(start, subject.left_edge.idx, written.left_edge.idx, opening(verb))
    year = told_year(verb)
    out = [Stance(subject, verb, said, cue, denied, start, end, year=year)]
    done_to = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if done_to is not None and subject is not denier:
        passive = " ".join(verb_lemmas(verb, complement=False))
        reach = max(end, done_to.right_edge.idx + len(done_to.right_edge))  # the quote holds the thing done to
        out.append(Stance(done_to, verb, passive, cue, denied, start, reach, year=year))
    return out


def subject_name(subject: Token) -> str:
    """What a stance is about, as words to key: a name ('the small town of Purdon, Texas' -> 'Purdon'),
    else the head noun with its compounds ('a family of five' -> 'family')."""
    named = subject if subject.pos_ == "PROPN" else None
    for child in subject.children:
        if named is None and child.dep_ == "appos" and child.pos_ == "PROPN":
            named = child
        if named is None and child.dep_ == "prep" and child.lower_ == "of":
            named = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
    head = named or subject
    if named is not None and named.ent_iob_ != "O":
        entity = next((e for e in named.doc.ents if e.start <= named.i < e.end), None)
        if entity is not None:
            return entity.text
    words = [c for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head]
    if named is None:
        return " ".join(t.lemma_.lower() for t in words)
    return " ".join(t.text for t in words)


def content_verbs(top: Token) -> list[Token]:
    """A denied clause and the clauses it joins or gives a reason for, one level down ('was quarantined
    because a family tested positive'): the facts a denial of the report denies. A clause with a purpose
    ('had it put on to get fame') gives none: what is denied may be the purpose alone."""
    planned = top.lemma_.lower() in lexicon.words("plan_verbs")  # 'had agreed to free them': the plan, no purpose
    purposes = [c for c in top.children if c.dep_ == "advcl" or (c.dep_ == "xcomp" and not planned)]
    if any(a.dep_ == "aux" and a.lower_ == "to" for c in purposes for a in c.children):
        return []
    return [top] + [c for c in top.children if c.dep_ in ("conj", "advcl") and c.pos_ in ("VERB", "AUX")]


def denials(doc: Doc) -> list[Stance]:
    """The clauses a sentence calls false: a report's content, or what a denial verb governs."""
    out: list[Stance] = []
    for tok in doc:
        cue, content = None, None
        if report_noun(tok):
            cue = denied_noun(tok)
            content = report_content(tok) if cue else None
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.words("denial_verbs") and _stated(tok):
            content = next(
                (c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None
            )  # 'denied that it had ...', 'denies performing ...'
            cue = tok.text
        elif tok.lemma_ == "be" and (called := called_false(tok)) is not None:
            cue, content = called  # 'It is not true that the airline will separate passengers'
        if cue is None or content is None:
            continue
        end = len(doc.text.rstrip())  # the whole sentence: the words that deny and what they deny
        by_verb = tok.pos_ == "VERB" and tok.dep_ not in _NOMINAL  # 'denied that ...', not 'a report ... is false'
        denier = _doer(tok) if by_verb else None
        if denier is None and tok.dep_ == "dobj":
            denier = _doer(tok.head)  # 'X denied reports that ...'
        for verb in content_verbs(content):
            out += clause_stances(verb, True, cue, 0, end, denier)
    return out


def _doer(verb: Token) -> Token | None:
    """Who does what a verb says: its subject, or for an infinitive the subject of the verb it completes ('the
    actor took to Twitter to deny reports')."""
    subject = subject_of(verb)
    return subject_of(verb.head) if subject is None and verb.dep_ == "xcomp" and verb.head.i != verb.i else subject


def assertions(doc: Doc) -> list[Stance]:
    """The clauses a sentence states in its own voice: main clauses, their conjuncts and subordinate clauses,
    and what a speaker is reported to have said, unless hearsay, a denial or a report noun governs them."""
    out: list[Stance] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lexicon.words("report_verbs"):
            continue  # 'officials said': what they said is the statement
        if not own_voice(verb):
            continue
        said = _verb_words(verb)
        cue = doc[said[0].i : said[-1].i + 1].text  # as written: 'have also been'
        told = [clause_end(c) for c in verb.children if c.dep_ == "xcomp"]  # 'asked to resign', 'agreed to pay'
        end = max(said[-1].idx + len(said[-1]), clause_end(verb), *told)  # through its objects and adjuncts
        if _negated(verb) and _habit(verb):
            continue  # 'Police do not pay ransoms': what is done as a rule denies no act told elsewhere
        read = clause_stances(verb, _negated(verb), cue, verb.idx, end)  # 'has not banned' denies
        out += [replace(st, negation=True) if st.denied else st for st in read]
    return out


def _habit(verb: Token) -> bool:
    """Whether a clause tells what is done as a rule: the simple present, its object a bare plural ('do not pay
    ransoms', 'does not sell weapons'), not a past act ('did not pay the ransom')."""
    present = any(c.dep_ == "aux" and c.lower_ in ("do", "does") for c in verb.children) or verb.tag_ in ("VBP", "VBZ")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    bare = obj is not None and obj.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children)
    return present and bare


def _verb_words(verb: Token) -> list[Token]:
    """The predicate as written: auxiliaries, the verb, its particle and complement ('has been quarantined')."""
    described = _described_person(verb) is not None  # 'is a married woman'
    words = [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg")
        or particle(c)
        or (c.dep_ == "acomp" and (c.pos_ == "ADJ" or c.tag_ == "VBN"))
        or (c.dep_ == "attr" and (described or (c.ent_type_ == "PERSON" and verb.lemma_ == "be")))  # 'is not Paul Rudd'
    ]
    return sorted([verb, *words], key=lambda t: t.i)


def own_voice(verb: Token) -> bool:
    """Whether a clause is the article's (or a reported speaker's) statement, not a relayed or denied one."""
    said = lexicon.words("report_verbs")
    cues = lexicon.words("hearsay_words") | lexicon.words("report_nouns") | lexicon.words("denial_verbs")
    cues = cues - lexicon.words("party_statement_nouns")  # '"...," the statement read': the party's own words
    tok = verb
    while True:
        if (tok.dep_ == "ccomp" and (_telling(tok.head, said) or _spliced(tok))) or _planned(tok):
            tok = tok.head
            continue
        if tok.dep_ not in _CLAUSES:
            return False
        if tok.dep_ == "ROOT":
            break
        tok = tok.head
    governing = [verb, *verb.ancestors]
    return not any(_cue(t, cues) for t in governing) and not any(
        _cue(c, cues) for t in governing for c in t.children if c.dep_ in ("nsubj", "advmod", "mark")
    )


def _spliced(clause: Token) -> bool:
    """Whether a clause the parse hangs on the verb after it is a sentence of its own, joined by a comma or a
    semicolon: 'The minister has not resigned, he has not been asked to resign'; 'No flights were diverted, the
    airport told Airside Business; inbound services were instead held'. A clause before a verb of saying, knowing,
    relaying or denying is that verb's content ('has not resigned, officials said')."""
    head, doc = clause.head, clause.doc
    cues = lexicon.words("report_verbs") | lexicon.words("hearsay_words") | lexicon.words("denial_verbs")
    between = doc[clause.right_edge.i + 1 : head.i]
    return (
        clause.i < head.i
        and any(t.text in (",", ";") for t in between)
        and head.lemma_.lower() not in cues | lexicon.words("evidential_verbs")
        and any(c.dep_ in _SUBJECTS and c.i > clause.right_edge.i for c in head.children)
    )


def _telling(verb: Token, said: frozenset[str]) -> bool:
    """Whether a verb tells its clause as a statement: a report verb stated outright ('officials said'), or a
    verb of finding out ('turns out that', 'it emerged that'; lexicon `evidential_verbs`)."""
    if verb.lemma_.lower() in said:
        return _stated(verb, telling=True) and not unnamed_site(verb)
    evidential = " ".join(verb_lemmas(verb, complement=False)) in lexicon.words("evidential_verbs")
    return evidential and _stated(verb, telling=True)


def unnamed_site(verb: Token) -> bool:
    """Is the teller a site no one names ('a celebrity gossip website reported that ...'): a rumour relayed, not
    a statement (lexicon `site_nouns`)."""
    teller = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        teller is not None
        and teller.lemma_.lower() in lexicon.words("site_nouns")
        and any(c.dep_ == "det" and c.lower_ in lexicon.words("indefinite_determiners") for c in teller.children)
    )


def _cue(tok: Token, cues: frozenset[str]) -> bool:
    """Whether a word relays or denies what it governs; a report noun only as a noun ('the report', not
    'TechCrunch reported', which tells what a source said)."""
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon.words("report_verbs"):
        return tok.lemma_.lower() in lexicon.words("hearsay_words") | lexicon.words("denial_verbs")
    return tok.lemma_.lower() in cues or tok.lower_ in cues
