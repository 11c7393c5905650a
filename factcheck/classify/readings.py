"""What the words of two claims say about their relation beyond their typed values: a life state, two
descriptions that can both hold, a tally read at two moments, an estimate made
precise later, an open question answered later (lifestate.py, compatible.py, moments.py, estimate.py, unknowns.py)."""

from __future__ import annotations

import re

from factcheck import lexicon
from factcheck.classify.compatible import may_both_hold
from factcheck.classify.estimate import made_precise, split_estimates
from factcheck.classify.explain import Item
from factcheck.classify.lifestate import life_relation
from factcheck.classify.moments import moment_relation
from factcheck.classify.unknowns import answered_later
from factcheck.extract.llm.values import parse_number
from factcheck.models import DENIED, NEGATED, ValueType
from factcheck.values.text import words
from factcheck.values.timescope import Relation
from factcheck.values.verdict import Verdict

__all__ = ["made_precise", "read_pair", "split_estimates"]


def read_pair(a: Item, b: Item, verdict: Verdict) -> Relation | None:
    """The relation two claims' words settle (contradiction, update, or neither), or None to compare as usual."""
    if _rates_alike(a, b, verdict):
        return Relation.NONE  # '£85,000 a week' / '£4.4 million a year': one pay, given per two periods
    if _counted_apart(a, b, verdict):
        return Relation.NONE  # 'four people had died' / 'Claim: "60 people have died." FALSE.': the 60 is denied
    if _report_denied(a, b, verdict):
        return Relation.CONTRADICTION  # a report called false, however long after it ran: no change over time
    if _not_done_so_far(a, b, verdict):
        return Relation.NONE  # 'crews had not yet reached the hamlets' / 'rescuers reached the hamlets': done later
    life = life_relation(a, b)
    if life is not None:
        return life
    if may_both_hold(a.claim, b.claim, verdict):
        return Relation.NONE
    settled = answered_later(a, b)
    if settled is not None:
        return settled  # an open question, then its answer on a later day (unknowns.py)
    return moment_relation(a, b, verdict)


def _not_done_so_far(a: Item, b: Item, verdict: Verdict) -> bool:
    """Whether one claim denies an act by its own negation as holding so far (a word of `so_far_words` in its
    quote) and the other tells the act done: the story may have moved on between the two."""
    if verdict != Verdict.DISAGREE or any(i.claim.value.type != ValueType.STANCE for i in (a, b)):
        return False
    so_far = lexicon.words("so_far_words")
    for item, other in ((a, b), (b, a)):
        value, quote = item.claim.value, f" {' '.join(words(item.claim.quote.lower()))} "
        if value.normalized == DENIED and value.qualifier == NEGATED and any(f" {w} " in quote for w in so_far):
            return not _told_done_before(other, item)
    return False


def _told_done_before(done: Item, denial: Item) -> bool:
    """Whether the act was told done in an article published on an earlier day than the one saying it is not done
    so far: then the two cannot both hold ('visited the depot on Thursday' on 15 May / 'have not yet visited' on
    16 May)."""
    told, denied = (i.source.published if i.source is not None else None for i in (done, denial))
    return told is not None and denied is not None and told < denied


def _counted_apart(a: Item, b: Item, verdict: Verdict) -> bool:
    """Whether two stances on one act each count its subject in their quotes, by different amounts: a denial of
    '60 people have died' leaves 'four people had died' standing."""
    if verdict != Verdict.DISAGREE or any(i.claim.value.type != ValueType.STANCE for i in (a, b)):
        return False
    counts = [_count_of(i.claim.quote, i.claim.subject) for i in (a, b)]
    return None not in counts and counts[0] != counts[1]


def _count_of(quote: str, subject: str) -> float | None:
    """The amount written right before the subject's last word in the quote ('60 people', 'four people'), or None."""
    noun = (words(subject) or [""])[-1]
    for match in re.finditer(rf"(\d[\d,]*(?:\.\d+)?|[a-z]+)\s+{re.escape(noun)}\b", quote.lower()) if noun else ():
        amount = parse_number(match.group(1)) if match.group(1) not in {"a", "an"} else None  # 'a few people'
        if amount is not None:
            return amount
    return None


def _report_denied(a: Item, b: Item, verdict: Verdict) -> bool:
    """Whether one claim states a clause another calls false as a report's content (not by a negation of its
    own, which may be the state before a change: 'has not been identified', then 'was identified')."""
    values = (a.claim.value, b.claim.value)
    if verdict != Verdict.DISAGREE or any(v.type != ValueType.STANCE for v in values):
        return False
    return any(v.normalized == DENIED and v.qualifier != NEGATED for v in values)


RATE_TOLERANCE = 0.05  # amounts per two periods, brought to a year, this close are one rate rounded


def _rates_alike(a: Item, b: Item, verdict: Verdict) -> bool:
    """Whether two amounts given per different periods ('£85,000 a week', '£4.4 million a year'; lexicon
    `rate_periods`) come to about the same amount a year: one rate told two ways, no conflict."""
    if verdict != Verdict.DISAGREE:
        return False
    per = [_per_year(i) for i in (a, b)]
    amounts = [i.claim.value.number for i in (a, b)]
    if per[0] is None or per[1] is None or per[0] == per[1] or amounts[0] is None or amounts[1] is None:
        return False
    yearly = [amounts[0] * per[0], amounts[1] * per[1]]
    return abs(yearly[0] - yearly[1]) <= RATE_TOLERANCE * max(yearly)


def _per_year(item: Item) -> int | None:
    """How many of the period an amount is given per make a year, from the words right after it in its quote."""
    value, quote = item.claim.value, item.claim.quote.lower()
    at = quote.find(value.text.lower()) if value.text and value.type == ValueType.MONEY else -1
    if at < 0:
        return None
    periods = lexicon.table("rate_periods")
    found = _RATE.match(quote, at + len(value.text))  # 'a week', 'per year', '-a-week', 'weekly'
    said = found.group("period") if found else ""
    written_per = found is not None and (found.group("per") is not None or said.endswith("ly"))
    return int(periods[said]) if said in periods and written_per else None


_RATE = re.compile(r"[\s-]*(?:(?P<per>a|an|per|each)[\s-]+)?(?P<period>[a-z]+)")
