"""Extraction figures: extracted claims against the suite's gold claims, by value type (factcheck.evaluate.score)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from factcheck.errors import InputError
from factcheck.evaluate.metrics import Ratio
from factcheck.evaluate.score import Score, Tally, score
from factcheck.extract import Extraction
from factcheck.models import Claim, Source, ValueType

_CLAIMS = TypeAdapter(list[Claim])


class SourceScore(BaseModel):
    """Extraction figures of one article with gold claims."""

    source_id: str
    path: str
    gold: int
    predicted: int
    precision: Ratio
    recall: Ratio
    missed: list[str]
    spurious: list[str]


def load_gold(gold_dir: Path, source: Source) -> list[Claim] | None:
    """The gold claims of a source (None if the suite has none for it); each quote must sit at its span."""
    path = gold_dir / f"{source.id}.json"
    if not path.is_file():
        return None
    try:
        claims = _CLAIMS.validate_json(path.read_bytes())
    except ValidationError as exc:
        raise InputError(f"{path}: not a JSON list of claims ({exc.errors()[0]['msg']})", "see docs/claims.md") from exc
    for claim in claims:
        if source.text[claim.span.start : claim.span.end] != claim.quote:
            raise InputError(
                f"{path}: gold claim {claim.id or claim.attribute!r} is not at its span in {source.path}",
                "the article changed since the gold was written: rebuild the gold",
            )
    return claims


def score_sources(
    pairs: Sequence[tuple[Source, Extraction]], gold_dir: Path
) -> tuple[dict[str, Ratio], list[SourceScore]]:
    """Pooled figures by value type over every article with gold, and each article's own."""
    all_predicted: list[Claim] = []
    all_gold: list[Claim] = []
    per_source: list[SourceScore] = []
    for source, extraction in pairs:
        gold = load_gold(gold_dir, source)
        if gold is None:
            continue
        predicted = [c for c in extraction.claims if c.source_id == source.id]
        result = score(predicted, gold)
        all_predicted += predicted
        all_gold += gold
        per_source.append(
            SourceScore(
                source_id=source.id,
                path=_relative(source.path),
                gold=len(gold),
                predicted=len(predicted),
                precision=_precision(result.overall),
                recall=_recall(result.overall),
                missed=[_describe(c) for c in result.misses],
                spurious=[_describe(c) for c in result.false_positives],
            )
        )
    if not per_source:
        return {}, []
    return ratios(score(all_predicted, all_gold)), per_source


def ratios(result: Score) -> dict[str, Ratio]:
    """extraction.<type>.precision/recall for every type with gold or predictions, plus facts and all."""
    out: dict[str, Ratio] = {}
    groups = [(t.value, result.by_type[t.value]) for t in ValueType] + [
        ("facts", result.facts),
        ("all", result.overall),
    ]
    for name, tally in groups:
        if not (tally.gold or tally.predicted):
            continue
        out[f"extraction.{name}.precision"] = _precision(tally)
        out[f"extraction.{name}.recall"] = _recall(tally)
    same = sum(1 for p, g in result.matches if (p.subject_key, p.attribute) == (g.subject_key, g.attribute))
    if result.matches:
        out["extraction.slot_agreement"] = Ratio(hits=same, total=len(result.matches))
    return out


def _precision(t: Tally) -> Ratio:
    return Ratio(hits=t.matched_predicted, total=t.predicted, empty=1.0 if not t.gold else None)


def _recall(t: Tally) -> Ratio:
    return Ratio(hits=t.matched_gold, total=t.gold)


def _describe(c: Claim) -> str:
    return f"{c.value.type.value} {c.value.normalized} {c.subject_key}/{c.attribute}: {c.quote[:80]}"


def _relative(path: str) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return Path(path).as_posix()
