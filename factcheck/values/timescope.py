"""Time scoping: when each claim holds, and whether two differing claims contradict or show change.

Each claim is placed in time by the period it is about (its own `time`, unless that is just its date
value) or else by its source's publication date. Two claims of one slot whose values differ are:
- a contradiction when both report a fact about the same time (overlapping periods; publication
  dates within SAME_STORY_DAYS count as the same time), when the attribute names a fixed past fact
  ('first meeting place'), or when a later report names an older date than an earlier report;
- an update when they speak of different times (a running total, 'has cost C$40 million so far', is
  pinned to its publication day, so two totals on different days are a change), or when a plan or expectation is followed by a report;
- undecided otherwise (a hedge beside a report of the same day, values that cannot be compared).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from factcheck import lexicon
from factcheck.extract.asof import is_snapshot, running_cue, snapshot
from factcheck.models import Claim, Granularity, Modality, Period, Source, ValueType
from factcheck.sources.sentences import sentences
from factcheck.values.tense import done_figure
from factcheck.values.text import content_tokens, words
from factcheck.values.typed import Verdict, amount_of, unit_of, value_period

# Reports published this close together, and saying no more about when, describe the same state.
SAME_STORY_DAYS = 30
# States current when published this close together are one moment's; further apart, the state may have changed.
STATE_DAYS = 2
TOLL_WORDS = 4  # words either side of a count searched for the verb that makes it a toll
# Attributes that name a fixed past fact ('first meeting place', 'founded'): they never change.
STABLE_WORDS = lexicon.words("stable_attribute_words")
# The attribute of status claims ('canceled', 'being revisited'): a state that changes over time.
STATUS = "status"
AGE = "age"  # the attribute of a person's age, and 'age at <act>' (docs/claims.md)
FORECASTS = frozenset({Modality.PLANNED, Modality.EXPECTED})
_ISO = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")  # a time given in ISO form, not told in words
_RESERVED = lexicon.phrase_pattern("modality_reserved")
_POSSIBLE = lexicon.phrase_pattern("modality_hedged")
_EXPECTED = lexicon.phrase_pattern("modality_planned", "modality_expected")


class Relation(StrEnum):
    CONTRADICTION = "contradiction"
    UPDATE = "update"
    NONE = "none"


@dataclass(frozen=True)
class Scope:
    """When a claim holds: the period it is about (if it says more than its value) and when it was said."""

    asof: Period | None
    about: Period | None
    modality: Modality
    published: date | None
    earlier: bool = False  # an undated article's figure its clause tells of an earlier period ('Last year, 31 died')
    reserved: bool = False  # hedged by a distance kept from a told fact, not by a possibility ('allegedly failed')

    @property
    def when(self) -> Period | None:
        """The period to order and compare by: what the claim is about, else when it was said."""
        return self.about or self.asof

    @property
    def anticipatory(self) -> bool:
        """A claim of what may or will be: not a report (a reserved hedge is one, see `reserved_hedge`)."""
        return self.modality != Modality.REPORTED and not self.reserved

    @property
    def hedged(self) -> bool:
        return self.modality == Modality.HEDGED

    @property
    def from_publication(self) -> bool:
        """True when the only time known is the publication date (a running total pinned to it is a known day)."""
        if self.published is None or is_snapshot(self.about):
            return False
        return self.about is None or self.about.start == self.about.end == self.published

    @property
    def day_told(self) -> bool:
        """Whether the claim names its own day in words ('By Wednesday morning the fire was 30 percent contained'),
        even the day it ran: a figure so told is of that moment, not of its report's few days (SAME_STORY_DAYS)."""
        text = self.about.text if self.about is not None else None
        return bool(text) and not _ISO.match(text or "")

    def sort_key(self) -> tuple[date, date, date, int]:
        """Time order: by the end of the period (a month ends after a day in it), then its start."""
        when, asof = self.when, self.asof
        return (
            when.end if when else date.min,
            when.start if when else date.min,
            asof.start if asof else date.min,
            0 if self.anticipatory else 1,
        )


def day(d: date) -> Period:
    return Period(start=d, end=d, granularity=Granularity.DAY)


def scope_of(claim: Claim, source: Source | None) -> Scope:
    """Derive a claim's time scope from its own time, its value and its source's publication date."""
    published = source.published if source else None
    about = claim.time
    if about is not None and claim.value.type == ValueType.DATE:
        period = value_period(claim.value)
        if period is None or about.overlaps(period):
            about = None  # the claim's time is its own value, not a time it is scoped to
    if about is None and published is not None and claim.value.type != ValueType.DATE:
        cue = running_cue(claim.quote)
        if cue:
            about = snapshot(published, cue)  # a running total from any extractor stands as of publication
    own_date = claim.value.type == ValueType.DATE and claim.time is not None and about is None
    asof = day(published) if published else None if own_date else claim.time  # an undated date: said when unknown
    earlier = source is not None and published is None and _told_earlier(claim, source)
    reserved = reserved_hedge(claim)
    return Scope(
        asof=asof, about=about, modality=claim.modality, published=published, earlier=earlier, reserved=reserved
    )


def reserved_hedge(claim: Claim) -> bool:
    """Whether a hedged claim's quote keeps a distance from a told fact ('who allegedly failed to turn up for at
    least 13 years') and names no possibility ('may', 'could'): a report all the same, set against other reports."""
    if claim.modality != Modality.HEDGED:
        return False
    quote = claim.quote.lower()
    return bool(_RESERVED.search(quote)) and not _POSSIBLE.search(quote) and not _EXPECTED.search(quote)


def _told_earlier(claim: Claim, source: Source) -> bool:
    """Whether a figure's sentence, up to the end of its quote, names a period before the article's own time
    (lexicon `past_periods`: 'Last year, 31 people died in ferry accidents'): in an undated article, a figure of
    that earlier time, told as background."""
    if claim.value.type not in (ValueType.NUMBER, ValueType.MONEY):
        return False
    start = next((s.start for s in sentences(source) if s.start <= claim.span.start < s.end), None)
    if start is None or claim.span.end > len(source.text):
        return False
    said = f" {' '.join(words(source.text[start : claim.span.end]))} "
    return any(f" {phrase} " in said for phrase in lexicon.words("past_periods"))


def age_attribute(attribute: str) -> bool:
    """Whether the slot holds a person's age, or 'age at <act>' (docs/claims.md): no total that runs on."""
    return attribute.split(" ")[0] == AGE


def status_attribute(attribute: str) -> bool:
    """Whether the slot holds the changing state of a thing ('status')."""
    return attribute.strip().lower() == STATUS


def stable_attribute(attribute: str) -> bool:
    """Whether the attribute names a fixed fact whose different values can only be a contradiction."""
    return bool(content_tokens(attribute) & STABLE_WORDS)


def fixed_dimension(attribute: str, claims: Sequence[Claim]) -> bool:
    """Whether the attribute names a dimension of a thing ('length', 'distance' alone: 'the 2.1-mile tunnel'),
    not an act's ('distance moved'), and every value gives it in a unit of length."""
    said = content_tokens(attribute)
    named = bool(said & lexicon.words("fixed_dimension_words")) or (
        bool(said) and said <= lexicon.words("fixed_dimension_alone")
    )
    if not named or not claims:
        return False
    units = lexicon.table("units")
    lengths = lexicon.words("fixed_dimension_units")
    return all(str(units.get(unit_of(c.value) or "", unit_of(c.value) or "")) in lengths for c in claims)


def same_time(a: Scope, b: Scope) -> bool:
    """Whether two claims speak of the same time (unknown times count as the same)."""
    ta, tb = a.when, b.when
    if ta is None or tb is None or ta.overlaps(tb):
        return True
    if a.from_publication and b.from_publication and not (a.day_told or b.day_told):
        return _days_between(ta, tb) <= SAME_STORY_DAYS
    return False


def _days_between(ta: Period, tb: Period) -> int:
    """Days from the end of the earlier period to the start of the later."""
    return (tb.start - ta.end).days if ta.end < tb.start else (ta.start - tb.end).days


def same_moment(a: Scope, b: Scope) -> bool:
    """Two states said of one moment: both current when published at most STATE_DAYS apart (a state may change
    between reports weeks apart: a contract suspended, then reinstated), or on overlapping days."""
    if a.from_publication and b.from_publication:
        ta, tb = a.when, b.when
        return ta is None or tb is None or ta.overlaps(tb) or _days_between(ta, tb) <= STATE_DAYS
    ta, tb = a.when, b.when
    daily = ta is not None and tb is not None and ta.start == ta.end and tb.start == tb.end
    return daily and same_time(a, b)


def relate(a: Claim, sa: Scope, b: Claim, sb: Scope, verdict: Verdict, stable: bool, status: bool = False) -> Relation:
    """Two claims of one slot whose values do not agree: contradiction, update over time, or undecided.

    Two different states of one thing in the same year or month are two changes in a row, not a conflict:
    only states said of the same day (or both current at about the same publication time) contradict."""
    if verdict == Verdict.UNKNOWN:
        return Relation.NONE  # values that cannot be compared show neither a change nor a conflict
    if verdict == Verdict.DISAGREE and _aged_apart(a, sa, b, sb):
        return Relation.CONTRADICTION  # 67 on 5 March, 72 on 27 March: no one ages five years in three weeks
    counted_up = _toll_counted_up(a, sa, b, sb)
    same = same_time(sa, sb) and not counted_up
    if status and lasting_states(a, b):
        return (
            Relation.CONTRADICTION
            if same and verdict == Verdict.DISAGREE and not (sa.hedged or sb.hedged)
            else Relation.NONE
        )
    if status and same and not same_moment(sa, sb):
        return Relation.NONE
    if sa.anticipatory != sb.anticipatory:
        if same and verdict == Verdict.DISAGREE and one_plan_told_twice(a, sa, b, sb):
            return Relation.CONTRADICTION  # 'Denmark would give 200 million' / 'its 300 million crown aid package'
        return Relation.NONE if same else Relation.UPDATE  # a forecast and a report of what happened
    if sa.anticipatory:
        if same:
            definite = not (sa.hedged or sb.hedged) and verdict == Verdict.DISAGREE
            return Relation.CONTRADICTION if definite else Relation.NONE
        return Relation.UPDATE  # the plan changed
    if verdict != Verdict.DISAGREE:
        return Relation.NONE if same else Relation.UPDATE
    past = _past_relation(a, sa, b, sb, same) if not stable or _one_dated_figure(a, b) else None
    if past is not None:
        return past
    if same or stable or (done_figure(a) and done_figure(b) and not counted_up):
        return Relation.CONTRADICTION  # one time, a fixed fact, or one finished act counted twice
    if a.value.type == ValueType.DATE and b.value.type == ValueType.DATE and not _newer_event(a, sa, b, sb):
        return Relation.CONTRADICTION
    return Relation.UPDATE


def _aged_apart(a: Claim, sa: Scope, b: Claim, sb: Scope) -> bool:
    """Whether two ages of one person, told at known times, differ by more than the time between them allows:
    younger later, or older by more than the years between plus one (a birthday in between)."""
    if not (age_attribute(a.attribute) and age_attribute(b.attribute)):
        return False
    na, nb, ta, tb = amount_of(a.value), amount_of(b.value), sa.when, sb.when
    if na is None or nb is None or ta is None or tb is None:
        return False
    if tb.start < ta.start:
        na, nb, ta, tb = nb, na, tb, ta
    years = max((tb.start - ta.end).days, 0) / 365.25
    return nb < na or nb - na > years + 1


def _toll_counted_up(a: Claim, sa: Scope, b: Claim, sb: Scope) -> bool:
    """Whether two tolls (counts told beside a verb that accumulates: 'were killed', 'died', '31 injured'; lexicon
    `accumulating_verbs`) of days apart rise from the earlier to the later: the dead and injured are counted again as
    news comes in ('Two people were killed' on the day, 'Three people died in the crash' two days on). A count of
    another act ('enrolled 412 patients' / 'enrolled 421') or an age is one fact told twice, whatever the days."""
    ta, tb = sa.when, sb.when
    if ta is None or tb is None or ta.overlaps(tb) or not (_toll(a) and _toll(b)):
        return False
    na, nb = amount_of(a.value), amount_of(b.value)
    if na is None or nb is None:
        return False
    return (nb > na) if tb.start > ta.end else (na > nb)


def _toll(claim: Claim) -> bool:
    """A count told within a few words of a verb that accumulates ('Two people were killed', '31 injured')."""
    if claim.value.type != ValueType.NUMBER or age_attribute(claim.attribute):
        return False
    said, figure = words(claim.quote.lower()), set(words(claim.value.text.lower()))
    at = [n for n, w in enumerate(said) if w in figure]
    verbs = lexicon.words("accumulating_verbs")
    return any(w in verbs for n in at for w in said[max(n - TOLL_WORDS, 0) : n + TOLL_WORDS + 1])


def background(claim: Claim) -> bool:
    """Whether a figure is dated to a month or a year of its own ('In 1987 the ferry sank, killing more than 4,000
    people'): a past act told as background, not set against a figure the story gives undated."""
    period = claim.time
    dated = period is not None and period.granularity in (Granularity.MONTH, Granularity.YEAR)
    return dated and claim.value.type in (ValueType.NUMBER, ValueType.MONEY)


def _one_dated_figure(a: Claim, b: Claim) -> bool:
    """Whether one side alone is a figure dated to its year and the other has no time: even a fixed measure
    ('the longest wels in our database, from a French lake in 2019, measured 2.89 metres') is then of another
    thing than the undated one the story measures."""
    return background(a) != background(b) and (a.time is None or b.time is None)


def _past_relation(a: Claim, sa: Scope, b: Claim, sb: Scope, same: bool) -> Relation | None:
    """Two figures one or both of which a past period dates (`background`, or an undated article's earlier period):
    none when only one side is dated ('the 1998 collapse, in which 64 people died' / 'nine people died'), an update
    when both are dated to other periods (two acts, or one figure then and later, never one act twice); None to
    compare as usual (both dated alike, both undated, or neither told of the past)."""
    past_a, past_b = background(a) or sa.earlier, background(b) or sb.earlier
    if not (past_a or past_b):
        return None
    dated_a, dated_b = a.time is not None, b.time is not None
    if dated_a and dated_b:
        return None if same or past_a != past_b else Relation.UPDATE
    if not (dated_a or dated_b) and past_a and past_b:
        return None  # two outlets telling one earlier period alike
    return Relation.NONE


def one_plan_told_twice(a: Claim, sa: Scope, b: Claim, sb: Scope) -> bool:
    """Whether an amount someone plans and an amount reported at the same time are one plan told two ways: the
    plan the doer's own (planned, not expected by others: an analyst's forecast can miss without contradicting
    anyone), an amount, and no finished act on the other side ('cut 2,000 jobs' against 'will cut 10,000')."""
    plan, report = (a, b) if sa.anticipatory else (b, a)
    amounts = {ValueType.NUMBER, ValueType.MONEY}
    return (
        plan.modality == Modality.PLANNED
        and {a.value.type, b.value.type} <= amounts
        and not (sa.hedged or sb.hedged or done_figure(report))
    )


def lasting_states(a: Claim, b: Claim) -> bool:
    """Whether two states are a person's life states ('dead', 'alive'), which hold at any time they are said to."""
    lasting = lexicon.table("life_opposite")
    return a.value.normalized in lasting and b.value.normalized in lasting


def _newer_event(a: Claim, sa: Scope, b: Claim, sb: Scope) -> bool:
    """A later report may name a later date only if that date is after the earlier report was made."""
    (first, s1), (second, _) = sorted([(a, sa), (b, sb)], key=lambda pair: pair[1].sort_key())
    p1, p2, t1 = value_period(first.value), value_period(second.value), s1.when
    if p1 is None or p2 is None or t1 is None:
        return False
    return p2.start > p1.end and p2.end >= t1.start


def claim_period(claim: Claim, scope: Scope) -> tuple[Period | None, bool]:
    """The period a claim speaks of (its date value, else its own time) and whether it can hold at all.

    A plan or expectation is about what comes after it was published: its period starts no earlier
    than the publication date, and one about a time already past describes nothing that can be confirmed."""
    period = value_period(claim.value) if claim.value.type == ValueType.DATE else scope.about
    if period is None:
        return None, True
    published = scope.published
    if scope.modality in FORECASTS and published is not None:
        if period.end < published:
            return None, False
        if period.start < published:
            period = period.model_copy(update={"start": published, "granularity": Granularity.RANGE})
    return period, True


def plan_then_outcome(anticipated: Scope, reported: Scope) -> bool:
    """Whether an expectation was followed by a report of the same value (the story moved on). Two undated
    articles give no order to read: a plan in one and a report of the same value in the other agree."""
    ta, tr = anticipated.asof, reported.asof
    if ta is None or tr is None:
        return ta is None and tr is None
    return tr.start > ta.end
