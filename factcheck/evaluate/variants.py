"""Cases from perturbed copies: one article with one fact changed, and the contradiction it must cause.

Each variant folder holds the changed article (same file stem as the original) and an expected.json:
{"description", "source", "find", "replace", "values": {old: new}, "contradiction": {"sources", "quotes"}}.
The variant keeps the base case's expectations, except those that cite the changed article with the
old value. The planted contradiction is expected between its sources, with its quotes (or, when the file
gives none, on the slot of the agreement the change broke).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import InputError
from factcheck.evaluate.suite import ExpectedFinding, ResolvedCase
from factcheck.models import FindingKind
from factcheck.sources.article import SUFFIXES
from factcheck.values.text import slug
from factcheck.values.typed import parse_period


class PlantedContradiction(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sources: list[str] = Field(min_length=2)
    quotes: list[str] = Field(default_factory=list)


class Perturbation(BaseModel):
    """The contents of one expected.json (fields this module does not use are allowed)."""

    model_config = ConfigDict(extra="ignore")

    description: str = ""
    source: str
    values: dict[str, str] = Field(default_factory=dict)
    contradiction: PlantedContradiction | None = None


def expand_variants(base: ResolvedCase, files: list[str], prefix: str) -> list[ResolvedCase]:
    """One case per expected.json: the base case's articles with the changed copy swapped in."""
    return [variant(base, Path(f), prefix) for f in files]


def variant(base: ResolvedCase, file: Path, prefix: str) -> ResolvedCase:
    """The case one perturbation makes of the base case."""
    spec = _read(file)
    folder = file.parent
    copies = [p for p in sorted(folder.iterdir()) if p.stem == spec.source and p.suffix.lower() in SUFFIXES]
    if len(copies) != 1:
        raise InputError(f"{file}: no article {spec.source}.txt beside it", "put the changed copy in the same folder")
    hits = [i for i, p in enumerate(base.paths) if p.stem == spec.source]
    if len(hits) != 1:
        raise InputError(f"{file}: source {spec.source} is not an article of case {base.name}", "fix 'source'")
    paths = list(base.paths)
    paths[hits[0]] = copies[0].resolve()
    expectations, slots = _adjust(base.expectations, spec)
    if spec.contradiction is not None:
        # The quotes pin the contradiction down; without them, the slot of the broken agreement names it.
        subject, attribute = slots[0] if len(slots) == 1 and not spec.contradiction.quotes else ("", "")
        if not subject and not spec.contradiction.quotes:
            raise InputError(
                f"{file}: cannot tell which slot the contradiction is about",
                "give contradiction.quotes, or an agreement with the old value in the base case",
            )
        expectations = [
            e
            for e in expectations
            if not (e.absent and e.kind == FindingKind.CONTRADICTION and (e.subject_key, e.attribute) in slots)
        ]
        expectations.append(
            ExpectedFinding(
                id=f"planted-contradiction:{folder.name}",
                kind=FindingKind.CONTRADICTION,
                subject_key=subject,
                attribute=attribute,
                sources=spec.contradiction.sources,
                quotes=spec.contradiction.quotes,
                note=spec.description or None,
            )
        )
    return ResolvedCase(
        name=f"{prefix}{folder.name}",
        paths=paths,
        expectations=expectations,
        complete=list(base.complete),
        extraction=False,
    )


def _adjust(
    expectations: list[ExpectedFinding], spec: Perturbation
) -> tuple[list[ExpectedFinding], list[tuple[str, str]]]:
    """Expectations that still hold after the change, and the slots of the agreements the change broke.

    An expectation is broken when it cites the changed article with the old value: the same normal form,
    or (only when no expectation has that) a coarser period containing it ("2023-03" for "2023-03-06").
    A broken agreement is dropped: the reconciler reports a contradicted slot as a contradiction only.
    """
    broken = [
        e
        for e in expectations
        if _cites(e, spec) and any(slug(v) == slug(old) for v in e.values for old in spec.values)
    ]
    if not broken:
        broken = [
            e for e in expectations if _cites(e, spec) and any(_within(old, v) for v in e.values for old in spec.values)
        ]
    slots: list[tuple[str, str]] = []
    for e in broken:
        if e.kind == FindingKind.AGREEMENT and e.subject_key and (e.subject_key, e.attribute) not in slots:
            slots.append((e.subject_key, e.attribute))
    return [e for e in expectations if all(e is not b for b in broken)], slots


def _cites(e: ExpectedFinding, spec: Perturbation) -> bool:
    return any(spec.source.startswith(s) for s in e.sources)


def _within(inner: str, outer: str) -> bool:
    """The period `inner` lies within the period `outer`."""
    pi, po = parse_period(inner), parse_period(outer)
    return pi is not None and po is not None and po.contains(pi)


def _read(file: Path) -> Perturbation:
    try:
        return Perturbation.model_validate(json.loads(file.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"{file}: not a perturbation file ({first})", "see docs/eval.md") from exc
