"""A question left open, told as a claim about the question, restated as the act it asks about.

A model may give an open question as its subject: "physician who performed the biopsy · identity: hasn't been
identified", "how the scorpion got on the plane · status: not known". Another source answers it about the
act: "unauthorized biopsy · performed by: Dr. Korovin". When the value only says the answer is not known
(values/unknown.py) and the attribute asks what or who it is (`identity_attributes` in the lexicon), the
subject's parse gives the act: a thing described by what it did ('the physician who performed the biopsy')
becomes the thing done to and the act's doer ('biopsy · performed by'); a question ('how the scorpion got on
the plane') becomes its subject and the question ('scorpion · how got on the plane'). The claim keeps its id
and its value; alignment then meets the answer, and classification decides (docs/alignment.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.align.deeds import deed_done
from factcheck.classify.explain import Item
from factcheck.models import Claim
from factcheck.values.keys import attribute_form
from factcheck.values.meaning import parsed
from factcheck.values.text import content_tokens, slug, stem
from factcheck.values.timescope import Relation, status_attribute
from factcheck.values.unknown import open_or_answered, unknown_answer
from factcheck.values.verdict import Verdict

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUNS = ("NOUN", "PROPN")
DOERS = ("nsubj", "nsubjpass")


def restate_open_questions(claims: Iterable[Claim]) -> list[Claim]:
    """Every claim, those about an open question restated as the act it asks about, named as the one other
    source that tells the act names it ('biopsy · performed by' meets 'unauthorized biopsy · performed by')."""
    claims = list(claims)
    out = []
    for claim in claims:
        restated = restate_open_question(claim)
        if restated is not claim:
            restated = _named_fully(restated, claims)
        out.append(restated)
    return out


def _named_fully(claim: Claim, claims: list[Claim]) -> Claim:
    """The restated claim under the one fuller subject key that other sources give the same act, their deeds
    told as the one done to and its doer as alignment tells them (align/deeds.py)."""
    form = attribute_form(claim.attribute)
    words = set(claim.subject_key.split("_"))
    fuller = {
        c.subject_key
        for c in map(deed_done, claims)
        if c.source_id != claim.source_id
        and attribute_form(c.attribute) == form
        and words < set(c.subject_key.split("_"))
    }
    if len(fuller) != 1:
        return claim
    return claim.model_copy(update={"subject_key": fuller.pop()})


def restate_open_question(claim: Claim) -> Claim:
    """The claim about an open question restated as the act it asks about; the claim itself otherwise."""
    if not unknown_answer(claim.value):
        return claim
    restated = _act(claim.subject)
    if restated is None:
        return claim
    subject, attribute, question = restated
    if not (_asks_identity(claim.attribute) or (question and status_attribute(claim.attribute))):
        return claim  # 'the man who shot the officer · status: unknown' asks how the man is, not who he is
    return claim.model_copy(update={"subject": subject, "subject_key": slug(subject), "attribute": attribute})


def _asks_identity(attribute: str) -> bool:
    """Whether an attribute asks who or what the subject is ('identity', 'name')."""
    words = content_tokens(attribute)
    return bool(words) and words <= _identity_words()


def _identity_words() -> frozenset[str]:
    """The stems of the lexicon's `identity_attributes`."""
    return frozenset(stem(w) for w in lexicon.words("identity_attributes"))


def _act(subject: str) -> tuple[str, str, bool] | None:
    """(subject, attribute, whether a question) of the act a subject asks about, or None when its parse
    names no act."""
    doc = parsed(subject)
    root = None if doc is None else next((t for t in doc if t.dep_ == "ROOT"), None)
    if doc is None or root is None:
        return None
    if root.pos_ in NOUNS:  # 'the physician who performed the biopsy', 'identity of the physician who ...'
        done = _described_doer(root)
        return None if done is None else (*done, False)
    if root.pos_ != "VERB":
        return None
    doer = next((c for c in root.children if c.dep_ in DOERS), None)
    if doer is not None and doer.lower_ in lexicon.words("question_words"):  # 'who performed the biopsy'
        done = _done_by(root)
        return None if done is None else (*done, True)
    wh = next((c for c in root.children if c.dep_ == "advmod" and c.lower_ in lexicon.words("question_words")), None)
    if wh is None or doer is None or doer.pos_ not in NOUNS:  # 'how the scorpion got on the plane'
        return None
    inside = {t.i for t in doer.subtree}
    asked = " ".join(t.text for t in doc if t.i not in inside)
    return _phrase(doer), asked, True


def _described_doer(noun: Token) -> tuple[str, str] | None:
    """The act a noun is described by ('physician who performed the biopsy'), looked for through an identity
    word ('the identity of the physician who ...')."""
    verb = next((c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"), None)
    if verb is not None and _relative_doer(verb):
        return _done_by(verb)
    if stem(noun.lemma_.lower()) not in _identity_words():
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = None if of is None else next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in NOUNS), None)
    return None if inner is None or inner.i == noun.i else _described_doer(inner)


def _relative_doer(verb: Token) -> bool:
    """Whether a relative clause's doer is its relative pronoun ('who performed'), in the active voice."""
    doer = next((c for c in verb.children if c.dep_ in DOERS), None)
    return doer is not None and doer.dep_ == "nsubj" and doer.tag_ in ("WP", "WDT")


def _done_by(verb: Token) -> tuple[str, str] | None:
    """('biopsy', 'performed by') for 'performed the biopsy': the thing done to, and the act by its doer."""
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS), None)
    if thing is None:
        return None
    return _phrase(thing), _deed(verb)


def _deed(verb: Token) -> str:
    """The act by its doer, as alignment names the deeds of the lexicon ('stole' -> 'stolen by'; align/deeds.py)."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.words("life_killing"):
        return "killed by"
    return str(lexicon.table("deed_verbs").get(lemma) or f"{verb.text.lower()} by")


def _phrase(noun: Token) -> str:
    """A noun with its qualifiers, without its determiner ('the unauthorized biopsy' -> 'unauthorized biopsy')."""
    return " ".join(t.text for t in noun.subtree if t.dep_ != "det")


def answered_later(a: Item, b: Item) -> Relation | None:
    """An open question told on one day and a name given for it on a later day: the question settled since,
    an update, not a contradiction; None for any other pair."""
    if open_or_answered(a.claim.value, b.claim.value) != Verdict.DISAGREE or a.scope.hedged or b.scope.hedged:
        return None
    asked, answer = (a, b) if unknown_answer(a.claim.value) else (b, a)
    day_asked, day_answered = asked.scope.published, answer.scope.published
    if day_asked is None or day_answered is None or day_answered <= day_asked:
        return None
    return Relation.UPDATE
