"""An amount announced on a past day, then reported as it stands: one decision told twice, not a plan that changed.

"Denmark said on Monday it would give 200 million crowns in aid" (published Wednesday) and, six days later,
"Copenhagen's 300 million crown aid package": the first is a plan, but its own time is the day it was said,
not a time to come, so it tells what was decided that day, a finished act. A later report of the same amount
that names no change ('raised to', 'grew to'; `change_verbs` in the lexicon) and marks nothing provisional
('estimated', 'about'; `provisional_words`), within ANNOUNCED_DAYS of the announcement, gives the decision
another value: the two cannot both be true. A plan dated by the time it is about ('planned for June') stays a
plan, and a plan and a later report of it stay an update.
"""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.models import Claim
from factcheck.values.timescope import Scope
from factcheck.values.typed import TYPE_GROUP

ANNOUNCED_DAYS = 31  # a decided amount told again this soon, with no change named, is the same decision
SAID_DAYS = 7  # an announcement is dated to the day or week it was said
LOOKBACK = 6  # words before the value searched for a word of change or of doubt
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def announced_then_reported(a: Claim, sa: Scope, b: Claim, sb: Scope) -> bool:
    """Whether one claim announces an amount on a past day and the other, from another source and soon after,
    reports that amount as it stands, naming no change."""
    for (plan, plan_scope), (report, report_scope) in (((a, sa), (b, sb)), ((b, sb), (a, sa))):
        if _announced(plan, plan_scope) and _stands(report, report_scope) and plan.source_id != report.source_id:
            said, told = plan_scope.published, report_scope.published
            if said is not None and told is not None and 0 < (told - said).days <= ANNOUNCED_DAYS:
                return True
    return False


def _announced(claim: Claim, scope: Scope) -> bool:
    """An amount planned or expected, whose own time is a day or week at or before its publication (when it was said)."""
    time, published = claim.time, scope.published
    if not scope.anticipatory or scope.hedged or time is None or published is None:
        return False
    return _amount(claim) and (time.end - time.start).days < SAID_DAYS and time.end <= published


def _stands(claim: Claim, scope: Scope) -> bool:
    """An amount reported, with no word of change or of doubt right before it or in it."""
    if scope.anticipatory or not _amount(claim) or claim.time is not None:
        return False
    at = claim.quote.lower().find(claim.value.text.lower()) if claim.value.text else -1
    if at < 0:
        return False
    near = [w.lower() for w in _WORD.findall(claim.quote[:at])][-LOOKBACK:] + _WORD.findall(claim.value.text.lower())
    blocked = lexicon.words("change_verbs") | lexicon.words("provisional_words")
    return not any(w in blocked for w in near)


def _amount(claim: Claim) -> bool:
    return TYPE_GROUP[claim.value.type] in ("quantity", "money")
