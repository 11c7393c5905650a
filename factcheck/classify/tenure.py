"""A held office and the dated act that ends or changes it: one fact told as values of two types.

An article gives a person's office as text ("Douglas Pruett · role: the authority's chief executive",
September 2024); a later article dates the act that ends or changes it ("Douglas Pruett · retired: March",
2027). Slots hold values of one type, so the two never meet in alignment; read together they are an update,
the office held and then the act. Both claims name one subject key, come from different sources, the role
names an office (`office_nouns`) under a role attribute (`tenure_attributes`), the act's attribute opens
with a verb of `tenure_acts`, and the act's date begins after the time the role was told for. Never a
contradiction: an office told before the act that ends it is the story moving on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from factcheck import lexicon
from factcheck.classify.explain import period_label, short_quote, topic
from factcheck.models import Claim, Finding, FindingKind, Period, Source, TimelineEntry, ValueType
from factcheck.values.text import words
from factcheck.values.timescope import scope_of, status_attribute
from factcheck.values.typed import value_period


def _role(claim: Claim) -> bool:
    """Whether the claim gives an office held as text under a role attribute ('role: chief executive')."""
    if claim.value.type != ValueType.TEXT or claim.attribute.strip().lower() not in lexicon.words("tenure_attributes"):
        return False
    return bool(set(words(claim.value.text)) & lexicon.words("office_nouns"))


def _act(claim: Claim) -> tuple[str, Period] | None:
    """The verb and date of a dated act that ends or changes an office, or None: a date under the verb
    ('resigned: May'; 'was named chief executive: October'), or the verb as a state dated by the claim's
    own time ('status: retired', in March)."""
    if claim.value.type == ValueType.DATE:
        verb, period = _verb(claim.attribute), value_period(claim.value)
    elif claim.value.type == ValueType.TEXT and status_attribute(claim.attribute):
        verb, period = _verb(claim.value.text), claim.time
    else:
        return None
    return (verb, period) if verb and period is not None else None


def _verb(text: str) -> str | None:
    """The verb of `tenure_acts` that opens the text, after any auxiliaries ('was named' -> 'named')."""
    said = words(text)
    while said and said[0] in lexicon.words("tenure_auxiliaries"):
        said = said[1:]
    return said[0] if said and said[0] in lexicon.words("tenure_acts") else None


def _acts(claims: Iterable[Claim]) -> list[list[tuple[Claim, Period]]]:
    """Dated acts grouped as one act told again: one subject, one verb, dates that overlap the first told."""
    groups: list[list[tuple[Claim, Period]]] = []
    keys: list[tuple[str, str]] = []
    for claim in sorted(claims, key=lambda c: c.id):
        act = _act(claim)
        if act is None:
            continue
        verb, when = act
        for key, group in zip(keys, groups, strict=True):
            if key == (claim.subject_key, verb) and group[0][1].overlaps(when):
                group.append((claim, when))
                break
        else:
            keys.append((claim.subject_key, verb))
            groups.append([(claim, when)])
    return groups


def tenure_updates(
    claims: Iterable[Claim], findings: Sequence[Finding], sources: Mapping[str, Source]
) -> list[Finding]:
    """Updates from an office told as text to a later dated act of the same person in other articles."""
    claims = list(claims)
    held = [(c, _told_at(c, sources)) for c in claims if _role(c)]
    joined = {frozenset(f.claim_ids) for f in findings if f.kind != FindingKind.SINGLE_SOURCE}
    out = []
    for acts in _acts(claims):
        first = min(when.start for _, when in acts)
        told: list[tuple[Claim, Period]] = []
        for role, at in held:
            if role.subject_key != acts[0][0].subject_key or role.source_id in {a.source_id for a, _ in acts}:
                continue
            if at is not None and at.end < first:
                told.append((role, at))
        ids = frozenset([c.id for c, _ in told] + [a.id for a, _ in acts])
        if told and ids not in joined:
            out.append(_finding(sorted(told, key=lambda t: (t[1].start, t[0].id)), acts))
    return sorted(out, key=lambda f: f.id)


def _told_at(claim: Claim, sources: Mapping[str, Source]) -> Period | None:
    """The time a role was told for: what the claim is about, else when its article was published."""
    scope = scope_of(claim, sources.get(claim.source_id))
    return scope.about or scope.asof


def _finding(told: Sequence[tuple[Claim, Period]], acts: Sequence[tuple[Claim, Period]]) -> Finding:
    """The update: the office as told, then the act that ends or changes it."""
    role, at = told[-1]
    act, when = acts[0]
    explanation = (
        f"{topic(role.subject_key, role.attribute)}: updated: '{role.value.text}' ({period_label(at)}), "
        f"then {act.attribute.strip()} ({period_label(when)}): '{short_quote(act)}'"
    )
    timeline = [TimelineEntry(time=at, value=c.value.text, claim_ids=[c.id]) for c, at in told]
    timeline.append(
        TimelineEntry(time=when, value=f"{act.attribute.strip()} {act.value.text}", claim_ids=[a.id for a, _ in acts])
    )
    ids = [c.id for c, _ in told] + [a.id for a, _ in acts]
    return Finding(
        kind=FindingKind.UPDATE,
        subject_key=role.subject_key,
        attribute=role.attribute.strip(),
        claim_ids=list(dict.fromkeys(ids)),
        source_ids=sorted({c.source_id for c, _ in told} | {a.source_id for a, _ in acts}),
        explanation=explanation,
        timeline=timeline,
    ).with_id()
