"""A claim whose subject did a deed to its value states who did that deed: 'flight attendants · killed: the
scorpion' is 'the scorpion · killed by: flight attendants'.

A model gives a deed with its doer as the subject ("flight attendants · killed: the scorpion"; "the victim ·
stomped: the scorpion to death"), so two outlets naming different doers of one deed give two subjects and
never meet. Alignment compares such a claim as the one the deed was done to, with the doer as its value,
as the offline extractor states it: then "flight attendants" and "the victim" are two values of one fact.
The deeds are the shared lexicon's: a verb of `life_killing`, a verb of `deed_verbs`, or any verb with a
resultative of `deed_results` ("stomped ... to death"). The doer must be one (a name, or a noun of
`doer_nouns` or `doer_kinds`, not a description of `descriptive_doers`), the one done to a known one
("the scorpion", a name; not "three people"), and the attribute the verb alone. The claim keeps its id.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.models import Claim, Value, ValueType
from factcheck.values.text import slug

KILLED = "killed by"
_DEFINITE = frozenset({"the", "his", "her", "their", "its", "this", "that"})
_WORD = re.compile(r"[A-Za-z'’]+")


def _deed(verb: str, patient: str) -> tuple[str, str] | None:
    """The deed a past verb names ('killed' -> 'killed by') and the patient without a resultative, or None."""
    stems = {verb, verb[:-1], verb[:-2], verb[:-3]}  # 'killed', 'murdered', 'stabbed'
    if stems & lexicon.words("life_killing"):
        return KILLED, patient
    named = lexicon.table("deed_verbs")
    for lemma in sorted(stems & set(named)):
        return str(named[lemma]), patient
    if verb in {str(v).split()[0] for v in named.values()}:  # an irregular past: 'shot' -> 'shot by'
        return f"{verb} by", patient
    words = patient.split()
    if len(words) > 2 and words[-2].lower() == "to":
        result = lexicon.table("deed_results").get(words[-1].lower().strip(".,"))
        if result:
            return str(result), " ".join(words[:-2])  # 'the scorpion to death' -> 'the scorpion'
    return None


def _doer(subject: str) -> str | None:
    """The doer's normal form, its kind folded ('cabin crew' -> 'flight attendant'), or None if no doer."""
    words = [w for w in _WORD.findall(subject) if w.lower() not in _DEFINITE | {"a", "an"}]
    if not words:
        return None
    phrase = " ".join(w.lower() for w in words)
    head = words[-1].lower()
    single = head[:-1] if head.endswith("s") and len(head) > 3 else head
    if head in lexicon.words("descriptive_doers") or single in lexicon.words("descriptive_doers"):
        return None  # 'a man', 'the suspect': any outlet may describe one doer so
    kinds = lexicon.table("doer_kinds")
    folded = kinds.get(phrase) or kinds.get(phrase[:-1] if phrase.endswith("s") else phrase)
    if folded:
        return str(folded)
    if words[0][0].isupper() or single in lexicon.words("doer_nouns") or single in kinds:
        return phrase
    return None


def _known(patient: str) -> bool:
    """Whether the one done to is one known thing: 'the scorpion', a name; not 'three people'."""
    words = patient.split()
    return bool(words) and (words[0].lower() in _DEFINITE or words[0][:1].isupper())


def deed_done(claim: Claim) -> Claim:
    """The claim as who did a deed to its value, when its attribute is the deed's past verb alone and its
    subject names a doer; else the claim unchanged."""
    if claim.value.type not in (ValueType.TEXT, ValueType.ENTITY):
        return claim
    verb = claim.attribute.strip()
    if not verb.isalpha() or not verb.islower():
        return claim
    found = _deed(verb, claim.value.text.strip())
    doer = _doer(claim.subject)
    if found is None or doer is None or not _known(found[1]):
        return claim
    deed, patient = found
    value = Value(type=ValueType.TEXT, text=claim.subject.strip(), normalized=doer)
    key = slug(" ".join(w for w in patient.split() if w.lower() not in _DEFINITE))
    return claim.model_copy(update={"subject": patient, "subject_key": key, "attribute": deed, "value": value})
