"""A status claim and the dated claim it restates are reported once.

"The pact was canceled in 2012" gives two claims of one quote: `canceled = 2012` (a date) and
`status = canceled` at 2012. When the status is part of a timeline, the dated claim would only repeat
one of its entries as a single-source claim, so it joins the timeline's finding; otherwise the dated
claim (which says when) carries the quote, and the status claim joins its finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.models import Claim, Finding, FindingKind, ValueType
from factcheck.values.timescope import status_attribute


def restatements(claims: Iterable[Claim]) -> dict[str, str]:
    """Status claim id -> id of the dated claim of the same source, subject and quote that gives its time."""
    dated: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    statuses: list[Claim] = []
    for claim in claims:
        if status_attribute(claim.attribute) and claim.time is not None:
            statuses.append(claim)
        elif claim.value.type == ValueType.DATE and claim.value.period is not None:
            dated[(claim.source_id, claim.subject_key)].append(claim)
    out: dict[str, str] = {}
    for status in statuses:
        assert status.time is not None
        for claim in dated[(status.source_id, status.subject_key)]:
            period = claim.value.period
            overlap = claim.span.start < status.span.end and status.span.start < claim.span.end
            if period is not None and overlap and (period.start, period.end) == (status.time.start, status.time.end):
                out[status.id] = claim.id
                break
    return out


def merge_restatements(findings: Sequence[Finding], claims: Iterable[Claim]) -> list[Finding]:
    """Fold each finding that only restates another (through status/date twins) into that other finding."""
    twins = restatements(claims)
    if not twins:
        return list(findings)
    dated_of = twins
    status_of = {d: s for s, d in twins.items()}
    homes: dict[str, list[int]] = defaultdict(list)
    for n, finding in enumerate(findings):
        for cid in finding.claim_ids:
            homes[cid].append(n)
    extra: dict[int, list[str]] = defaultdict(list)
    dropped: set[int] = set()
    for n, finding in enumerate(findings):
        if finding.kind not in (FindingKind.SINGLE_SOURCE, FindingKind.AGREEMENT):
            continue
        if status_attribute(finding.attribute):
            wanted = {FindingKind.SINGLE_SOURCE, FindingKind.AGREEMENT}
            partners = [dated_of.get(cid) for cid in finding.claim_ids]
        elif finding.kind == FindingKind.SINGLE_SOURCE:
            wanted = {FindingKind.UPDATE}
            partners = [status_of.get(cid) for cid in finding.claim_ids]
        else:
            continue
        target = _common_home(partners, homes, findings, wanted, n)
        if target is not None and target not in dropped:
            dropped.add(n)
            extra[target] += finding.claim_ids
    out = []
    for n, finding in enumerate(findings):
        if n in dropped:
            continue
        if extra[n]:
            ids = list(dict.fromkeys(finding.claim_ids + extra[n]))
            finding = finding.model_copy(update={"claim_ids": ids}).with_id()
        out.append(finding)
    return out


def _common_home(
    partners: list[str | None],
    homes: dict[str, list[int]],
    findings: Sequence[Finding],
    kinds: set[FindingKind],
    own: int,
) -> int | None:
    """The one finding of the wanted kinds that holds the twin of every claim, if there is one."""
    if not partners or any(p is None for p in partners):
        return None
    common: set[int] | None = None
    for partner in partners:
        assert partner is not None
        here = {n for n in homes.get(partner, []) if n != own and findings[n].kind in kinds}
        common = here if common is None else common & here
    if not common or len(common) != 1:
        return None
    return next(iter(common))
