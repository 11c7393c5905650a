"""Claims -> findings: align claims of many sources, compare values by type, scope them in time.

`reconcile(sources, claims)` returns agreements, contradictions, updates over time and single-source
claims, in that deterministic order: contradictions, updates, agreements, single_source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.align.slots import Judge, Slot, align
from factcheck.align.stances import disputed
from factcheck.classify.converted import without_conversions
from factcheck.classify.events import EventKey, event_index, event_of
from factcheck.classify.explain import Item
from factcheck.classify.findings import KIND_ORDER, decide
from factcheck.classify.restate import merge_restatements
from factcheck.classify.retold import without_debunkers_leads, without_restated_agreements, without_restated_story
from factcheck.classify.syndication import syndication_clusters
from factcheck.classify.tenure import tenure_updates
from factcheck.classify.unknowns import restate_open_questions
from factcheck.models import Claim, Finding, Source
from factcheck.values.timescope import scope_of

__all__ = ["reconcile"]


def reconcile(sources: Sequence[Source], claims: Sequence[Claim], judge: Judge | None = None) -> list[Finding]:
    """Reconcile the claims of several sources into findings, each with a stable id; a judge (a model)
    may settle the joins the embedded alignment is unsure of."""
    by_id = {s.id: s for s in sources}
    clusters = syndication_clusters(sources)
    unique: dict[str, Claim] = {}
    for claim in disputed(
        without_debunkers_leads(claims)
    ):  # a clause stated is news only where another article calls it false
        claim = claim if claim.id else claim.with_id()
        unique.setdefault(claim.id, claim)
    asked = restate_open_questions(unique.values())  # an open question as the act it asks about (unknowns.py)
    slots = align(asked, judge=judge, sources=by_id)
    decided: dict[int, list[Finding]] = {}
    for n, slot in enumerate(slots):  # dates first: their contradictions tell which claims share an event
        if slot.group == "date":
            decided[n] = decide(slot, _items(slot, by_id, clusters, {}))
    events = event_index((f for fs in decided.values() for f in fs), unique)
    findings: list[Finding] = [f for n in sorted(decided) for f in decided[n]]
    rest = [slot for n, slot in enumerate(slots) if n not in decided]
    for slot in rest:
        findings.extend(decide(slot, _items(slot, by_id, clusters, events)))
    findings = merge_restatements(findings, unique.values())
    findings = without_restated_agreements(without_restated_story(findings, unique.values()), unique.values())
    findings.extend(tenure_updates(unique.values(), findings, by_id))  # an office, then the dated act ending it
    findings.sort(key=lambda f: (KIND_ORDER[f.kind], f.subject_key, f.attribute, f.claim_ids, f.id))
    return findings


def _items(
    slot: Slot, sources: dict[str, Source], clusters: dict[str, str], events: Mapping[EventKey, str]
) -> list[Item]:
    """Attach time scope, near-duplicate group and disputed event to each claim of a slot."""
    items = []
    for claim in slot.claims:
        source = sources.get(claim.source_id)
        cluster = clusters.get(claim.source_id, claim.source_id)
        scope = scope_of(claim, source)
        event = event_of(claim, events)
        items.append(Item(claim=claim, cid=claim.id, scope=scope, cluster=cluster, source=source, event=event))
    return without_conversions(items)  # a measure's own conversion is decided with it (converted.py)
