"""Events whose date the sources dispute: claims scoped to either side of the dispute speak of one event.

'The talks, held in London on May 7' and 'The consultations, held in London on May 9' give the
meeting place scoped to the meeting's own date. When the two dates are one contradiction (the same
meeting, dated differently), the place claims are not about two different times: they are about one
meeting, and two sources giving one place for it agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from factcheck.models import Claim, Finding, FindingKind, ValueType
from factcheck.values.text import slug
from factcheck.values.typed import value_period

EventKey = tuple[str, str, date, date]  # source, subject, first and last day


def event_index(findings: Iterable[Finding], claims: Mapping[str, Claim]) -> dict[EventKey, str]:
    """Each date claim of a contradiction, keyed by source, subject and period -> the contradiction's id."""
    out: dict[EventKey, str] = {}
    for finding in findings:
        if finding.kind != FindingKind.CONTRADICTION:
            continue
        for cid in finding.claim_ids:
            claim = claims.get(cid)
            if claim is None or claim.value.type != ValueType.DATE:
                continue
            period = value_period(claim.value)
            if period is not None:
                out.setdefault((claim.source_id, _subject(claim), period.start, period.end), finding.id)
    return out


def event_of(claim: Claim, index: Mapping[EventKey, str]) -> str | None:
    """The disputed event a claim is scoped to: its time is its own source's date of that event."""
    if claim.time is None or claim.value.type == ValueType.DATE or not index:
        return None
    return index.get((claim.source_id, _subject(claim), claim.time.start, claim.time.end))


def _subject(claim: Claim) -> str:
    return slug(claim.subject_key) or slug(claim.subject)
