"""Status claims for model-worded dated changes, and dated claims for dated statuses, as the offline
extractor writes them (docs/claims.md).

A model words a change of state either as a dated fact ("talks · suspended in = 2018", "security talks ·
restored in = April 2023") or, as the prompt asks, as a status with its time ("talks · status = suspended",
time 2018). docs/claims.md records such a change twice: as the dated claim, and as a `status` claim whose
value names the state ("suspended", "restored") at that date, so that the states of one thing across
sources form a timeline and the dates of one change can be compared. Whichever of the two the model gives,
the other is its twin. The reconciler reports the two once (reconcile/restate.py).
"""

from __future__ import annotations

from collections.abc import Collection

from factcheck import lexicon
from factcheck.align.dated import DATED_DAYS  # a time this short dates the act done there
from factcheck.extract.offline.status import STATUS_VERBS
from factcheck.extract.timeparse import iso
from factcheck.models import Claim, Source, Span, Value, ValueType
from factcheck.sources.sentences import sentences
from factcheck.values.text import stem, words

STATUS = "status"
AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got"})


def status_twin(claim: Claim) -> Claim | None:
    """The `status` claim a dated change of state implies, or None if the claim is not one."""
    if claim.value.type != ValueType.DATE or claim.value.period is None or claim.attribute == STATUS:
        return None
    state = _state(claim.attribute)
    if state is None or claim.modality.value != "reported":
        return None
    value = Value(type=ValueType.TEXT, text=claim.attribute, normalized=state)
    return claim.model_copy(update={"id": "", "attribute": STATUS, "value": value, "time": claim.value.period})


def dated_twin(claim: Claim, source: Source | None = None) -> Claim | None:
    """The dated claim a status with its time implies ('talks · status = stalled', time 2018: 'talks ·
    suspended = 2018'), or None if the claim is not one: the attribute is the state it names. Its quote
    reaches the time as written when the `source` gives it in the same sentence ('on Aug. 2, when the
    evacuation order was lifted')."""
    if claim.attribute != STATUS or claim.value.type != ValueType.TEXT or claim.time is None:
        return None
    state = _state(claim.value.text) or _state(claim.value.normalized) or _done(claim.value.text)
    if state is None or claim.modality.value != "reported":
        return None
    period = claim.time
    value = Value(type=ValueType.DATE, text=period.text or iso(period), normalized=iso(period), period=period)
    twin = claim.model_copy(update={"id": "", "attribute": state, "value": value, "time": None})
    return _reaching(twin, period.text or "", source) if source is not None else twin


def _reaching(claim: Claim, written: str, source: Source) -> Claim:
    """The claim with its quote widened to the nearest place its sentence (sources/sentences.py) writes
    `written`, if the quote does not hold it."""
    start, end, text = claim.span.start, claim.span.end, source.text
    sentence = next((s for s in sentences(source) if s.start <= start and end <= s.end), None)
    if not written or written in claim.quote or sentence is None or text[start:end] != claim.quote:
        return claim
    before, after = text.rfind(written, sentence.start, start), text.find(written, end, sentence.end)
    places = [(distance, at) for distance, at in ((start - before, before), (after - end, after)) if at >= 0]
    if not places:
        return claim
    at = min(places)[1]
    lo, hi = min(start, at), max(end, at + len(written))
    return claim.model_copy(update={"span": Span(start=lo, end=hi), "quote": text[lo:hi]})


def _done(text: str) -> str | None:
    """The act done a value opens with, a past participle, with what it was done to ('approved additional
    funding', 'announced a solution to the wartime labor issue', 'held'; 'lifted and replaced by an alert':
    lifted), dated by the claim's time; None for a value that opens otherwise ('considering resuming talks').
    The verb alone would date every approval of one board alike: 'approved additional funding' in September
    and 'approved the budget' in 2021 are two acts."""
    found = [w for w in words(text) if w not in AUXILIARIES]
    word = found[0] if found else ""
    if not (word.endswith("ed") or word in lexicon.words("extract_offline_text_irregular_past")):
        return None
    act = found[: found.index("and")] if "and" in found else found  # 'lifted and replaced by an alert'
    return " ".join(act)


def _state(attribute: str) -> str | None:
    """The state a change-of-state verb in the attribute leaves its subject in ('suspended in' -> suspended)."""
    verbs = [w for w in words(attribute) if w not in AUXILIARIES]
    if not verbs:
        return None
    base = _base(verbs[0])  # the first verb: 'threatened to terminate' is no termination
    return STATUS_VERBS[base][0] if base in STATUS_VERBS else None


def _base(word: str, known: Collection[str] = STATUS_VERBS) -> str:
    """The verb's base form as `known` (STATUS_VERBS) keys it ('restored' -> restore, 'stalled' -> stall)."""
    root = stem(word)
    for candidate in (root, root + "e", word):
        if candidate in known:
            return candidate
    return root


def place_twin(claim: Claim, source: Source | None = None) -> Claim | None:
    """The date of an act that a claim of where it was done carries as its time ('summit · held in = Tokyo', time
    March: 'summit · held = March'; 'to meet in = New York', Sunday: a planned meeting's date), or None. A model
    gives the place and the time of one meeting in one claim where another source dates it alone."""
    said = words(claim.attribute)
    time = claim.time
    if claim.value.type != ValueType.ENTITY or time is None or len(said) < 2:
        return None
    if said[-1] not in lexicon.words("place_prepositions") or (time.end - time.start).days >= DATED_DAYS:
        return None
    intent = lexicon.words("verbtense_intent_words")  # 'expected to be held in', 'set to meet in': the act is ahead
    act = " ".join(w for w in said[:-1] if w != "to" and _base(w, intent) not in intent)
    if not act:
        return None
    value = Value(type=ValueType.DATE, text=time.text or iso(time), normalized=iso(time), period=time)
    twin = claim.model_copy(update={"id": "", "attribute": act, "value": value, "time": None})
    return _reaching(twin, time.text or "", source) if source is not None else twin
