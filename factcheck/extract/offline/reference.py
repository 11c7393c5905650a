"""What a subject phrase refers to, and which sizes a sentence denies, from spaCy's parse.

"The robot can lift 40 kg and its arm span can reach 2.1 m": "its arm span" is the robot's, the subject of an
earlier clause of the sentence ("Its shares rose" alone names no owner: the sentence before may be about
anything). "When their parents travel, they are sent home": 'they' is the plural subject named before it in the
sentence; "the council met and it approved ...": 'it' is the subject of the clause joined to its own. "The
museum keeps a rare lizard. This lizard species can grow to about 40 cm": "this lizard
species" is the latest noun phrase before it that shares one of its nouns. "It is not as long as 3 metres":
a size the sentence denies is no claim of that size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.deps import governing, left_edge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECTS = {"nsubj", "nsubjpass"}
_NOUNS = {"NOUN", "PROPN"}
_SINGULARS = {"NN", "NNP"}
_PLURALS = {"NNS", "NNPS"}


@dataclass
class Referent:
    """The phrase a subject refers to (its text, for a key) and what of it the subject names ('arm span'), if any."""

    phrase: str
    added: str
    start: int = -1  # the phrase's characters in the sentence; -1 when it is in the sentence before
    end: int = -1


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token at character `start` of the sentence."""
    return next((t for t in doc if t.idx <= start < t.idx + len(t)), None)


def _phrase(noun: Token) -> Span:
    """The noun with its determiners, adjectives and compounds ('The Atlas robot'), without clauses."""
    first = min((c.left_edge.i for c in noun.lefts if c.dep_ in {"det", "amod", "compound", "poss"}), default=noun.i)
    return noun.doc[first : noun.i + 1]


def _nouns(phrase: Span) -> set[str]:
    """The lemmas of a phrase's nouns."""
    return {t.lemma_.lower() for t in phrase if t.pos_ in _NOUNS}


def referent(doc: Doc, start: int, before: Doc | None) -> Referent | None:
    """What the subject phrase starting at character `start` refers to, when it is 'its/their X' or 'this/these X';
    None for any other subject, or when the parse names nothing before it."""
    first = _token_at(doc, start)
    if first is None:
        return None
    head = first
    while head.pos_ not in _NOUNS and head.head.i != head.i and head.head.i > head.i:
        head = head.head  # 'its arm span': from 'its' to 'span'
    if head.pos_ not in _NOUNS:
        return None
    poss = next((c for c in head.lefts if c.dep_ == "poss" and c.lower_ in lexicon.words("possessive_pronouns")), None)
    det = next((c for c in head.lefts if c.dep_ == "det" and c.lower_ in lexicon.words("demonstratives")), None)
    if poss is not None:
        owner = _owner(head, plural=poss.lower_ != "its")
        if owner is None:
            return None  # 'Its shares rose': the sentence before may be about anything
        phrase = _phrase(owner)
        return Referent(phrase.text, doc[poss.i + 1 : head.i + 1].text, phrase.start_char, phrase.end_char)
    if det is None:
        return None
    wanted = _nouns(doc[det.i + 1 : head.i + 1])
    earlier = [c for c in doc.noun_chunks if c.end <= det.i]
    chunks = [*(before.noun_chunks if before is not None else []), *earlier]
    if head.lower_ == "one" and head.i == det.i + 1:  # 'known for wels catfish ..., and this one measured': a catfish
        units = lexicon.table("units")
        chunks = [c for c in chunks if c.root.pos_ == "NOUN" and c.root.lower_ not in units]
        wanted = {c.root.lemma_.lower() for c in chunks[-1:]}
    found = next((c for c in reversed(chunks) if _nouns(c) & wanted and c.root.lower_ not in {"it", "this"}), None)
    if found is None:
        return None
    return Referent(_phrase(found.root).text, "")


def _owner(noun: Token, plural: bool) -> Token | None:
    """The subject of a clause above the noun's own ('the robot can lift 40 kg and its arm span can reach ...': the
    clause 'can reach' is joined to), before it, singular for 'its' and plural for 'their'; None when there is none."""
    tags = _PLURALS if plural else _SINGULARS
    for verb in noun.head.ancestors if noun.dep_ in _SUBJECTS else noun.ancestors:
        owner = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < noun.i), None)
        if owner is not None:
            return owner if owner.tag_ in tags else None
    return None


def group_antecedent(doc: Doc, start: int) -> str | None:
    """What 'they' or 'it' at character `start` refers to when the sentence names it first, without its determiners;
    else None. 'they' is the nearest plural noun subject before it ('when their families are abroad, they are brought
    home': families). 'it' is the singular noun subject of a clause joined to its own, as a coordinate or an adverbial
    clause ('the council met and it approved ...', 'when the company opened a plant, it hired ...'), never the speaker
    of a clause it is reported in ('the chief said it had grown': the thing, not the chief)."""
    pronoun = _token_at(doc, start)
    if pronoun is None or pronoun.lower_ not in {"they", "it"} or pronoun.dep_ not in _SUBJECTS:
        return None
    if pronoun.lower_ == "it":
        noun = _joined_subject(pronoun)
    else:
        noun = next(
            (t for t in reversed(doc[: pronoun.i]) if t.dep_ in _SUBJECTS and t.tag_ in _PLURALS and t.pos_ in _NOUNS),
            None,
        )
    if noun is None:
        return None
    first = min((c.i for c in noun.lefts if c.dep_ in {"amod", "compound"}), default=noun.i)
    return doc[first : noun.i + 1].text


def _joined_subject(pronoun: Token) -> Token | None:
    """The singular noun subject, before the pronoun, of a clause joined to the pronoun's as a coordinate or an
    adverbial clause, in either direction; None when there is none or more than one."""
    verb = pronoun.head
    if expletive(pronoun):
        return None
    joined = [c for c in verb.children if c.dep_ == "advcl"]
    if verb.dep_ in {"conj", "advcl"}:
        joined.append(verb.head)
    found = [
        c
        for clause in joined
        for c in clause.children
        if c.dep_ in _SUBJECTS and c.i < pronoun.i and c.tag_ in _SINGULARS and c.pos_ in _NOUNS
    ]
    return found[0] if len(found) == 1 else None


def expletive(pronoun: Token) -> bool:
    """Is this 'it' a placeholder for a clause after it ('it now costs 5 percent more to borrow', 'it took rescuers
    3 days to reach the village', 'it is likely that ...'), naming nothing?"""
    if pronoun.lower_ != "it":
        return False
    verb = pronoun.head
    near = {verb.i, *(c.i for c in verb.children if c.dep_ in {"advmod", "acomp", "attr"})}
    clauses = {"xcomp", "ccomp", "csubj"} if verb.lemma_ == "be" else {"xcomp"}  # 'it claimed that ...' names a thing
    return pronoun.dep_ == "expl" or any(
        t.dep_ in clauses and t.head.i in near and t.i > pronoun.i for t in verb.subtree
    )


def person_before(doc: Doc, index: int) -> str | None:
    """The last name of a person or organisation the parse gives before token `index`, for 'he', 'his' or 'she'
    (the small model labels many a person's name ORG); None when there is none."""
    people = [e for e in doc.ents if e.label_ in {"PERSON", "ORG"} and e.root.pos_ == "PROPN" and e.end <= index]
    return people[-1].text if people else None


def denied_size(doc: Doc, start: int) -> bool:
    """Is the value at character `start` the measure of a denied comparison ('not as big as 50 feet', "isn't as
    long as 3 metres")?"""
    tok = _token_at(doc, start)
    if tok is None:
        return False
    i = tok.i
    if i < 4 or doc[i - 1].lower_ != "as" or doc[i - 3].lower_ not in {"as", "so"}:
        return False
    return doc[i - 2].pos_ in {"ADJ", "ADV"} and doc[i - 4].lower_ in lexicon.words("negations")


def speaker_antecedent(doc: Doc, start: int) -> Span | None:
    """Who 'he', 'she' or 'it' at character `start` is when it opens a clause reported by a speaker of its own kind:
    "Jasmine Tridevil claims she paid $20,000" (she: Jasmine Tridevil), "The company says it sold 3 million phones"
    (it: the company). A person is never 'it' ("the chief said it had grown": the thing), nor a company 'she';
    a plural speaker is neither. None when the speaker is a pronoun or does not agree."""
    pronoun = _token_at(doc, start)
    if pronoun is None or pronoun.dep_ not in _SUBJECTS or pronoun.lower_ not in {"he", "she", "it"}:
        return None
    verb = pronoun.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon.words("report_verbs"):
        return None
    saying = verb.head
    speaker = next((t for t in saying.children if t.dep_ == "nsubj"), None)
    if speaker is None and saying.dep_ == "conj":  # 'X won approval and said it would ...': the subject they share
        speaker = next((t for t in saying.head.children if t.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ not in _NOUNS or speaker.tag_ not in _SINGULARS:
        return None
    if speaker.ent_type_ in {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"}:
        return None
    person = speaker.ent_type_ == "PERSON" or speaker.lemma_.lower() in _person_nouns()
    # a name the parser took for an organisation ('Smith insists he ...') may be either; the pronoun decides
    either = speaker.pos_ == "PROPN" and speaker.ent_type_ in {"", "ORG"}
    if not either and person != (pronoun.lower_ != "it"):
        return None
    named = next((e for e in doc.ents if e.start <= speaker.i < e.end), None)
    if named is not None:
        return named
    first = min((c.i for c in speaker.lefts if c.dep_ in {"amod", "compound"}), default=speaker.i)
    return doc[first : speaker.i + 1]


def _person_nouns() -> frozenset[str]:
    """Common nouns that name a person: who may be 'he' or 'she' and never 'it'."""
    return lexicon.words("person_nouns") | lexicon.words("doer_nouns") | lexicon.words("office_nouns")


def speaker_of_it(doc: Doc, start: int) -> str | None:
    """'The fire chief said it had grown to 2,000 acres': the speaker, when the value's clause has subject 'it'.

    The caller then files the value under the thing 'it' refers to, never under the speaker.
    """
    found = governing(doc, start)
    if found is None:
        return None
    _, verb = found
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speech = verb.head
    if (
        subject is None
        or subject.lower_ != "it"
        or verb.dep_ != "ccomp"
        or speech.lemma_.lower() not in lexicon.words("speech_verbs")
    ):
        return None
    speaker = next((c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if speaker is None else doc[left_edge(speaker).i : speaker.i + 1].text


def told_by(doc: Doc) -> str | None:
    """Who tells what a sentence says, from its parse: the subject of its main verb of saying, with that verb, when
    the verb governs what was said ('Police said 12 people were killed': 'Police said'; 'He said seven soldiers
    were killed': 'He said'). None for a sentence in the article's own voice."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in lexicon.words("speech_verbs"):
        return None
    if not any(c.dep_ == "ccomp" for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in {"it", "this", "that"}:
        return None
    return f"{doc[left_edge(subject).i : subject.i + 1].text} {root.text}"
