"""Score extracted claims against gold claims: precision and recall, overall and by value type.

A predicted claim matches a gold claim when both come from the same source, their quotes overlap
(span overlap) and their values agree: same type and same normalised value, or, for text and entity
values, the same content words (factcheck.evaluate.words). Matching is one-to-one; among candidates,
an exact value is preferred, then a pair that also agrees on subject_key and attribute. A range ('300 to
400 students') is one predicted value that may match two gold values, one at each bound.

`factcheck eval` reports these figures per suite; scripts/score_extraction.py prints them, with the misses and
false positives, for one folder of articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.evaluate.words import WORD_TYPES, words_agree
from factcheck.models import Claim, ValueType
from factcheck.values.ranges import stated_range

FACT_TYPES = (ValueType.DATE, ValueType.NUMBER, ValueType.MONEY, ValueType.ORDINAL)


@dataclass
class Tally:
    """Counts and the two ratios for one group of claims."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    @property
    def precision(self) -> float:
        """Matched predictions over predictions (1.0 when nothing was predicted)."""
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched gold over gold (1.0 when there is no gold)."""
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """The result of comparing predicted claims with gold claims."""

    facts: Tally
    overall: Tally
    by_type: dict[str, Tally]
    matches: list[tuple[Claim, Claim]] = field(default_factory=list)
    misses: list[Claim] = field(default_factory=list)
    false_positives: list[Claim] = field(default_factory=list)

    @property
    def slot_agreement(self) -> float:
        """Share of matched pairs that also agree on subject_key and attribute."""
        if not self.matches:
            return 1.0
        same = sum(1 for p, g in self.matches if (p.subject_key, p.attribute) == (g.subject_key, g.attribute))
        return same / len(self.matches)


def value_key(claim: Claim) -> tuple[str, str]:
    """Comparable form of a claim's value: its type and a canonical normalised string."""
    value = claim.value
    norm = value.normalized.strip()
    if value.type in (ValueType.NUMBER, ValueType.ORDINAL) and value.number is not None:
        norm = _num(value.number)
    elif value.type == ValueType.MONEY and value.number is not None and value.unit:
        norm = f"{value.unit.split()[0].upper()} {_num(value.number)}"  # the currency: 'USD per bottle' is USD
    elif value.type in (ValueType.TEXT, ValueType.ENTITY):
        norm = " ".join(norm.lower().replace("_", " ").split())
    return value.type.value, norm


def value_keys(claim: Claim) -> list[tuple[str, str]]:
    """The comparable forms a predicted value can match: its own, and for a range its upper bound as well. A
    range is one value ('between $5,000 and $10,000', normalized as its first amount) that states both amounts,
    which a gold annotator may list as two values."""
    key = value_key(claim)
    value = claim.value
    bounds = None if value.qualifier else stated_range(value.text)
    if value.number is None or value.type not in (ValueType.NUMBER, ValueType.MONEY) or not bounds or bounds[0] <= 0:
        return [key]
    top = _num(round(value.number * bounds[1] / bounds[0], 6))
    return [key, (key[0], f"{key[1].split()[0]} {top}" if key[0] == ValueType.MONEY.value else top)]


def is_open(claim: Claim) -> bool:
    """A date kept as written with its time left open ('open: next month')."""
    return (
        claim.value.type == ValueType.DATE and claim.value.period is None and claim.value.normalized.startswith("open:")
    )


def overlap(a: Claim, b: Claim) -> int:
    """Characters shared by the two claims' spans (0 if different sources or disjoint)."""
    if a.source_id != b.source_id:
        return 0
    return max(0, min(a.span.end, b.span.end) - max(a.span.start, b.span.start))


def score(predicted: Sequence[Claim], gold: Sequence[Claim]) -> Score:
    """Match predicted claims to gold one-to-one and count per value type. A date left open (a
    relative date in an undated article, kept as written) is not scored: it names no period to check.
    Nor is a stance (a clause stated or called false): gold holds values, and a stance counts in the
    findings it makes."""
    predicted = [p for p in predicted if not is_open(p) and p.value.type != ValueType.STANCE]
    candidates: list[tuple[int, int, int, int, int, int]] = []
    gold_by_value: dict[tuple[str, str, str], list[int]] = {}
    for j, g in enumerate(gold):
        gold_by_value.setdefault((g.source_id, *value_key(g)), []).append(j)
    worded = [j for j, g in enumerate(gold) if g.value.type in WORD_TYPES]
    for i, p in enumerate(predicted):
        for bound, key in enumerate(value_keys(p)):  # a range matches a gold value at each of its two bounds
            exact = set(gold_by_value.get((p.source_id, *key), []))
            loose = worded if p.value.type in WORD_TYPES else []
            for j in exact.union(loose):
                shared = overlap(p, gold[j])
                if shared > 0 and (j in exact or words_agree(p.value, gold[j].value)):
                    same_slot = int((p.subject_key, p.attribute) == (gold[j].subject_key, gold[j].attribute))
                    candidates.append((int(j in exact), same_slot, shared, i, bound, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], -c[2], c[3], c[4], c[5]))
    used_bounds: set[tuple[int, int]] = set()
    used_g: set[int] = set()
    matches: list[tuple[Claim, Claim]] = []
    for *_, i, bound, j in candidates:
        if (i, bound) in used_bounds or j in used_g:
            continue
        used_bounds.add((i, bound))
        used_g.add(j)
        matches.append((predicted[i], gold[j]))
    used_p = {i for i, _ in used_bounds}
    by_type: dict[str, Tally] = {t.value: Tally() for t in ValueType}
    for i, p in enumerate(predicted):
        tally = by_type[p.value.type.value]
        tally.predicted += 1
        tally.matched_predicted += i in used_p
    for j, g in enumerate(gold):
        tally = by_type[g.value.type.value]
        tally.gold += 1
        tally.matched_gold += j in used_g
    return Score(
        facts=_sum(by_type[t.value] for t in FACT_TYPES),
        overall=_sum(by_type.values()),
        by_type=by_type,
        matches=matches,
        misses=[g for j, g in enumerate(gold) if j not in used_g],
        false_positives=[p for i, p in enumerate(predicted) if i not in used_p],
    )


def load_claims(path: Path) -> list[Claim]:
    """Claims from a gold file (a JSON list) or a report (an object with 'claims')."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["claims"] if isinstance(data, dict) else data
    return [Claim.model_validate(item) for item in items]


def load_gold(directory: Path) -> list[Claim]:
    """Every gold claim in a directory of <source id>.json files."""
    claims: list[Claim] = []
    for path in sorted(directory.glob("*.json")):
        claims.extend(load_claims(path))
    return claims


def format_score(result: Score, details: bool = False) -> str:
    """A plain-text table of the figures, with misses and false positives if asked."""
    lines = [f"{'type':<10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    rows = [(t.value, result.by_type[t.value]) for t in ValueType]
    rows += [("facts", result.facts), ("all", result.overall)]
    for name, t in rows:
        if name in ("facts", "all") or t.gold or t.predicted:
            lines.append(f"{name:<10}{t.gold:>6}{t.predicted:>6}{t.precision:>7.2f}{t.recall:>7.2f}{t.f1:>7.2f}")
    lines.append(f"slot agreement of matches (same subject_key and attribute): {result.slot_agreement:.2f}")
    if details:
        lines.append("misses:")
        lines += [
            f"  {c.source_id[:3]} {c.value.type.value:<8} {c.value.normalized:<24} {c.subject_key} / {c.attribute}"
            for c in result.misses
        ]
        lines.append("false positives:")
        lines += [
            f"  {c.source_id[:3]} {c.value.type.value:<8} {c.value.normalized:<24} {c.subject_key} / {c.attribute}"
            for c in result.false_positives
        ]
    return "\n".join(lines)


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total.gold += t.gold
        total.predicted += t.predicted
        total.matched_gold += t.matched_gold
        total.matched_predicted += t.matched_predicted
    return total


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))
