"""An estimate made precise later: an amount told as a forecast or a hedge ('would value it at more than $2
billion', 'is expected to pay 46 million') and a more precise amount within it told as settled ('will buy
it for $2.5 billion', 'paid 46.3 million').

The two values agree, but they are two moments of one fact, not two sources saying one thing: the
estimate comes first, the figure after it, so they are an update. An estimate told after the figure,
or beside it on the same known day, stays an agreement."""

from __future__ import annotations

from factcheck.classify.explain import Item
from factcheck.models import Modality
from factcheck.values.timescope import Relation
from factcheck.values.typed import TYPE_GROUP, specificity

__all__ = ["made_precise", "split_estimates"]

TENTATIVE = (Modality.EXPECTED, Modality.HEDGED)  # how an estimate is told
COUNTED = ("quantity", "money")  # value groups whose figures are estimated, then made precise


def _estimate(item: Item) -> bool:
    """A bounded or approximate figure told as a forecast or a hedge."""
    value = item.claim.value
    return TYPE_GROUP[value.type] in COUNTED and item.scope.modality in TENTATIVE


def _figure(item: Item) -> bool:
    """An exact figure told as settled: reported, or a decision announced."""
    value = item.claim.value
    return TYPE_GROUP[value.type] in COUNTED and not value.qualifier and item.scope.modality not in TENTATIVE


def _before(estimate: Item, figure: Item) -> bool:
    """Whether a figure makes an estimate precise: it is the narrower, and told on a later day, or neither has a day."""
    if specificity(figure.claim.value) >= specificity(estimate.claim.value):
        return False  # the figure must be the more precise
    a, b = estimate.scope.when, figure.scope.when
    if a is None or b is None:
        return a is None and b is None
    return a.end < b.start


def split_estimates(groups: list[list[Item]]) -> list[list[Item]]:
    """Each value group holding estimates and, from other articles, figures that make them all precise, split
    in two: the estimates first, then the rest."""
    out: list[list[Item]] = []
    for members in groups:
        estimates = [i for i in members if _estimate(i)]
        figures = [i for i in members if _figure(i)]
        sources = {i.claim.source_id for i in estimates}
        later = [f for f in figures if f.claim.source_id not in sources and all(_before(e, f) for e in estimates)]
        if not estimates or not later:
            out.append(members)
            continue
        out.append(estimates)
        out.append([i for i in members if not _estimate(i)])
    return out


def made_precise(a: Item, b: Item) -> Relation:
    """Two agreeing values of different groups: an update when one is an estimate the other made precise later."""
    for first, second in ((a, b), (b, a)):
        if _estimate(first) and _figure(second) and _before(first, second):
            return Relation.UPDATE
    return Relation.NONE
