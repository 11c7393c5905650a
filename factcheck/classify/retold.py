"""Findings on stances (what an article states or calls false) reported only where no other finding tells them.

Two articles that state one clause agree on it ('turned himself in'); where that clause's sentences are
already set side by side by a finding on a value ('Three people were killed' / 'The attack killed five people'),
the stance's agreement would say less than that finding, so it is left out; so it is where each sentence gives a
figure of what the stance is about ('Two civilians were wounded on Sunday' / 'five civilians had been wounded'),
which its own finding compares, or leaves apart; a person's age is no such figure. Two articles that call one report
false agree on more than the figures it gave: their agreement stays.

An article's story (extract/offline/stancereader.py) is its lead clause, `story · true`: asserted where the
article states it, denied where the article, or a party it reports, calls it false. That slot joins two
articles whose own words for the act differ ('opened a number of dams' / 'The claim is entirely false').
Where the words do meet, the act's own slot already sets the two articles against each other, quoting the
same lead sentence ('Tay Brixton has died' against 'Rumours that ... was killed ... are false'); the
story's conflict would only say it again, so it is left out.

An article that calls a report false ('a day after a bogus news report claimed he had been killed') is a
debunking; what it leads with ('Tay Brixton wants his fans to know he's still breathing') is its answer to the
story, not the story, so its lead is not told as the story unless the article itself calls the story false.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.extract.offline.reports import calls_false
from factcheck.models import (
    ASSERTED,
    DENIED,
    NEGATED,
    STORY_ATTRIBUTE,
    STORY_KEY,
    Claim,
    Finding,
    FindingKind,
    ValueType,
)
from factcheck.values.text import content_tokens


def without_debunkers_leads(claims: Sequence[Claim]) -> list[Claim]:
    """The claims without the lead told as the story by an article that calls a report false, when the article
    does not call the story itself false."""
    debunkers = {c.source_id for c in claims if _calls_report_false(c)}
    debunkers -= {c.source_id for c in claims if _story(c) and c.value.normalized == DENIED}
    return [c for c in claims if not (c.source_id in debunkers and _story(c))]


def _calls_report_false(claim: Claim) -> bool:
    """A report's content called false ('bogus news report claimed ...'), not the article's own negation."""
    v = claim.value
    return v.type == ValueType.STANCE and v.normalized == DENIED and v.qualifier != NEGATED and calls_false(v.text)


def without_restated_story(findings: Sequence[Finding], claims: Iterable[Claim]) -> list[Finding]:
    """The findings without a story's contradiction whose every pair of sources another contradiction
    already sets against each other, quoting the asserting article's lead sentence."""
    by_id = {c.id: c for c in claims}
    others = [f for f in findings if f.kind == FindingKind.CONTRADICTION and not _story(f)]
    return [f for f in findings if not (_story(f) and f.kind == FindingKind.CONTRADICTION and _told(f, others, by_id))]


def without_restated_agreements(findings: Sequence[Finding], claims: Iterable[Claim]) -> list[Finding]:
    """The findings without an agreement of stances whose every claim's sentence another finding, on values,
    already quotes in the same source."""
    by_id = {c.id: c for c in claims}
    valued = [f for f in findings if not any(_stance(by_id.get(i)) for i in f.claim_ids)]
    counts = [c for c in by_id.values() if c.value.type in _COUNTS]
    return [f for f in findings if not (f.kind == FindingKind.AGREEMENT and _retold(f, valued, counts, by_id))]


def _stance(claim: Claim | None) -> bool:
    return claim is not None and claim.value.type == ValueType.STANCE


def _retold(agreement: Finding, valued: list[Finding], counts: list[Claim], by_id: dict[str, Claim]) -> bool:
    """Whether one finding on values quotes, in each source, the sentence of each of a stance agreement's claims,
    or each of those sentences gives a count or an amount."""
    mine = [by_id[i] for i in agreement.claim_ids if i in by_id]
    if not mine or not all(_stance(c) and c.value.normalized == ASSERTED for c in mine):
        return False  # two articles calling one report false say more than the figures it gave
    if all(any(t.source_id == c.source_id and _overlap(t, c) and _counts(t, c) for t in counts) for c in mine):
        return True  # 'Two civilians were wounded' / 'five civilians had been wounded': the figures tell it
    for other in valued:
        theirs = [by_id[i] for i in other.claim_ids if i in by_id]
        if all(any(t.source_id == c.source_id and _overlap(t, c) for t in theirs) for c in mine):
            return True
    return False


_COUNTS = (ValueType.NUMBER, ValueType.MONEY)


def _counts(count: Claim, said: Claim) -> bool:
    """Whether a figure counts what a clause says was done or who did it: the thing it counts ('civilians',
    'homes') is a word of the clause's subject or predicate ('civilians · wound', 'fire · destroy home'); an age
    or a time in years ('Ting Su, 29, caught ...') counts nothing the clause is about."""
    if count.value.type == ValueType.MONEY:
        return count.subject_key == said.subject_key  # 'paid $5 million': an amount of what the subject did
    counted = content_tokens(count.value.unit or "")
    return bool(counted) and counted <= content_tokens(f"{said.subject_key} {said.attribute}")


def _story(said: Claim | Finding) -> bool:
    """Whether a claim or finding is about the story itself (`story · true`)."""
    return said.subject_key == STORY_KEY and said.attribute == STORY_ATTRIBUTE


def _told(story: Finding, others: list[Finding], by_id: dict[str, Claim]) -> bool:
    """Whether other contradictions cover every asserting and denying source pair of a story's conflict."""
    mine = [by_id[i] for i in story.claim_ids if i in by_id]
    leads = [c for c in mine if c.value.normalized == ASSERTED]
    deniers = {c.source_id for c in mine if c.value.normalized != ASSERTED}
    return bool(leads and deniers) and all(
        any(_covers(f, lead, denier, by_id) for f in others) for lead in leads for denier in deniers
    )


def _covers(finding: Finding, lead: Claim, denier: str, by_id: dict[str, Claim]) -> bool:
    """Whether a contradiction sets the lead's source, quoted within its lead sentence, against the denier."""
    claims = [by_id[i] for i in finding.claim_ids if i in by_id]
    quoted = any(c.source_id == lead.source_id and _overlap(c, lead) for c in claims)
    return quoted and any(c.source_id == denier for c in claims)


def _overlap(a: Claim, b: Claim) -> bool:
    return a.span is not None and b.span is not None and a.span.overlaps(b.span)
