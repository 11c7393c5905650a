"""Perturbed seed copies: one date, place or number changed in one article, and what must then be found.

Each case is testdata/perturbed/<case>/expected.json: the edited source, the exact text to find (once)
and its replacement, the value normal forms that change, and the contradiction that must appear.
`python -m bench.perturb` (re)writes the edited copy and its metadata sidecar beside each spec, and
runs the reconciler on gold claims (testdata/gold) derived for the copies by the same edit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind, Source, Span, ValueType
from factcheck.sources.article import read_source
from factcheck.values.typed import amount_of, parse_period

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CASES = REPO / "testdata" / "perturbed"
GOLD = REPO / "testdata" / "gold"


@dataclass(frozen=True)
class Case:
    """One perturbation: a spec and where its files live."""

    name: str
    spec: dict[str, Any]

    @property
    def source_id(self) -> str:
        return str(self.spec["source"])

    @property
    def copy_path(self) -> Path:
        return CASES / self.name / f"{self.source_id}.txt"


@dataclass(frozen=True)
class Edit:
    """The smallest changed region of one text: [start, end) becomes `new`."""

    start: int
    end: int
    new: str

    @property
    def delta(self) -> int:
        return len(self.new) - (self.end - self.start)


def load_cases() -> list[Case]:
    return [
        Case(p.parent.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(CASES.glob("*/expected.json"))
    ]


def edit_of(text: str, find: str, replace: str) -> Edit:
    """Locate `find` (exactly once) and reduce the change to the characters that differ."""
    if text.count(find) != 1:
        raise ValueError(f"{find!r} occurs {text.count(find)} times; it must occur once")
    at = text.index(find)
    pre = 0
    while pre < min(len(find), len(replace)) and find[pre] == replace[pre]:
        pre += 1
    suf = 0
    while suf < min(len(find), len(replace)) - pre and find[-1 - suf] == replace[-1 - suf]:
        suf += 1
    return Edit(at + pre, at + len(find) - suf, replace[pre : len(replace) - suf])


def apply(text: str, edit: Edit) -> str:
    return text[: edit.start] + edit.new + text[edit.end :]


def derive_claims(
    claims: list[Claim], source_id: str, old_text: str, edit: Edit, values: dict[str, str]
) -> list[Claim]:
    """Gold claims for the edited copy: shift spans, re-slice quotes, map changed values and times."""
    new_text = apply(old_text, edit)
    out = []
    for claim in claims:
        if claim.source_id != source_id or claim.span.end <= edit.start:
            out.append(claim)
            continue
        if claim.span.start >= edit.end:
            span = Span(start=claim.span.start + edit.delta, end=claim.span.end + edit.delta)
            out.append(claim.model_copy(update={"span": span}).with_id())
            continue
        out.append(_edited(claim, old_text, new_text, edit, values))
    return out


def _edited(claim: Claim, old_text: str, new_text: str, edit: Edit, values: dict[str, str]) -> Claim:
    span = Span(start=claim.span.start, end=claim.span.end + edit.delta)
    update: dict[str, Any] = {"span": span, "quote": new_text[span.start : span.end]}
    value = claim.value
    at = old_text.find(value.text, claim.span.start, claim.span.end)
    if at >= 0 and at < edit.end and edit.start < at + len(value.text):
        new_value_text = new_text[at : at + len(value.text) + edit.delta]
        normalized = values.get(value.normalized)
        if normalized is None:
            raise ValueError(f"the edit changes {value.text!r} ({value.normalized}) but the case maps no new value")
        changes: dict[str, Any] = {"text": new_value_text, "normalized": normalized}
        if value.type == ValueType.DATE:
            changes["period"] = parse_period(normalized)
        elif value.number is not None:
            changes["number"] = amount_of(value.model_copy(update={"number": None, "normalized": normalized}))
        update["value"] = value.model_copy(update=changes)
        if claim.time is not None:
            for old, new in values.items():
                old_period = parse_period(old)
                if old_period is not None and (old_period.start, old_period.end) == (claim.time.start, claim.time.end):
                    update["time"] = parse_period(new)
    return claim.model_copy(update=update).with_id()


def seed_sources() -> list[Source]:
    return [read_source(p) for p in sorted(SEEDS.glob("*.txt"))]


def gold_claims() -> list[Claim] | None:
    """Hand-annotated claims of every seed, or None while any is missing."""
    claims: list[Claim] = []
    for source in seed_sources():
        path = GOLD / f"{source.id}.json"
        if not path.is_file():
            return None
        claims += [Claim.model_validate(c) for c in json.loads(path.read_text(encoding="utf-8"))]
    return [c if c.id else c.with_id() for c in claims]


def perturbed(
    case: Case, sources: list[Source], claims: list[Claim]
) -> tuple[list[Source], list[Claim], dict[str, str]]:
    """Sources with the case's copy in place of its original, derived claims, and new id -> old id."""
    original = next(s for s in sources if s.id == case.source_id)
    edit = edit_of(original.text, case.spec["find"], case.spec["replace"])
    copy = read_source(case.copy_path)
    new_claims = derive_claims(claims, case.source_id, original.text, edit, case.spec["values"])
    renamed = {new.id: old.id for new, old in zip(new_claims, claims, strict=True)}
    new_sources = [copy if s.id == case.source_id else s for s in sources]
    return new_sources, new_claims, renamed


def signature(f: Finding, ids: dict[str, str] | None = None) -> tuple[str, str, str, frozenset[str]]:
    mapped = frozenset((ids or {}).get(c, c) for c in f.claim_ids)
    return (f.kind.value, f.subject_key, f.attribute, mapped)


def check(case: Case, sources: list[Source], claims: list[Claim]) -> dict[str, Any]:
    """Run clean and perturbed; report the contradiction found and any other change."""
    clean = reconcile(sources, claims)
    new_sources, new_claims, renamed = perturbed(case, sources, claims)
    after = reconcile(new_sources, new_claims)
    changed = {old for new, old in renamed.items() if new != old}
    by_id = {c.id: c for c in new_claims}
    expected = case.spec["contradiction"]
    found = [
        f
        for f in after
        if f.kind == FindingKind.CONTRADICTION
        and changed & {renamed[c] for c in f.claim_ids}
        and set(expected["sources"]) <= set(f.source_ids)
        and all(any(q in by_id[c].quote for c in f.claim_ids) for q in expected["quotes"])
    ]
    slots = {(f.subject_key, f.attribute) for f in clean + after if changed & {renamed.get(c, c) for c in f.claim_ids}}
    before_rest = {signature(f) for f in clean if (f.subject_key, f.attribute) not in slots}
    after_rest = {signature(f, renamed) for f in after if (f.subject_key, f.attribute) not in slots}
    return {
        "case": case.name,
        "contradiction": found[0].explanation if found else None,
        "other_changes": sorted(map(str, before_rest ^ after_rest)),
        "clean_contradictions": sum(f.kind == FindingKind.CONTRADICTION for f in clean),
    }


def check_extracted(
    case: Case, sources: list[Source], extract: Callable[[list[Source]], list[Claim]]
) -> dict[str, Any]:
    """The same check end to end: claims come from an extractor run on the clean and the edited articles."""
    before_claims = extract(sources)
    clean = reconcile(sources, before_claims)
    original = next(s for s in sources if s.id == case.source_id)
    edit = edit_of(original.text, case.spec["find"], case.spec["replace"])
    new_sources = [read_source(case.copy_path) if s.id == case.source_id else s for s in sources]
    after_claims = extract(new_sources)
    after = reconcile(new_sources, after_claims)
    claims = {c.id: c for c in before_claims + after_claims}

    def touches(f: Finding) -> bool:
        spans = [claims[c].span for c in f.claim_ids if claims[c].source_id == case.source_id]
        return any(span.start < edit.end + max(0, edit.delta) and edit.start < span.end for span in spans)

    expected = case.spec["contradiction"]
    found = [
        f
        for f in after
        if f.kind == FindingKind.CONTRADICTION
        and set(expected["sources"]) <= set(f.source_ids)
        and all(any(q in claims[c].quote for c in f.claim_ids) for q in expected["quotes"])
    ]
    slots = {(f.subject_key, f.attribute) for f in clean + after if touches(f)}
    rest = [
        {
            (f.kind.value, f.subject_key, f.attribute, frozenset(f.source_ids))
            for f in run
            if (f.subject_key, f.attribute) not in slots
        }
        for run in (clean, after)
    ]
    return {
        "case": case.name,
        "contradiction": found[0].explanation if found else None,
        "other_changes": sorted(map(str, rest[0] ^ rest[1])),
        "clean_contradictions": sum(f.kind == FindingKind.CONTRADICTION for f in clean),
    }


def offline_claims(sources: list[Source]) -> list[Claim]:
    """Claims of the offline extractor, with ids, as the pipeline makes them."""
    from factcheck.extract import NullProgress
    from factcheck.extract.offline.extractor import OfflineExtractor

    extraction = OfflineExtractor().extract(sources, NullProgress())
    return [c if c.id else c.with_id() for c in extraction.claims]


def write_copies() -> None:
    """Write each case's edited article (and its metadata sidecar) from the seed and the spec."""
    for case in load_cases():
        seed = SEEDS / f"{case.source_id}.txt"
        text = seed.read_text(encoding="utf-8")
        case.copy_path.write_text(apply(text, edit_of(text, case.spec["find"], case.spec["replace"])), encoding="utf-8")
        shutil.copyfile(seed.with_suffix(".meta.yaml"), case.copy_path.with_suffix(".meta.yaml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.perturb", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--extractor",
        choices=("gold", "offline"),
        default="gold",
        help="claims from the gold annotations (derived for the copies) or from the offline extractor",
    )
    args = parser.parse_args(argv)
    write_copies()
    sources = seed_sources()
    claims = gold_claims()
    if args.extractor == "gold" and claims is None:
        print("bench.perturb: wrote the copies; no gold claims in testdata/gold yet", file=sys.stderr)
        return 0
    passed = 0
    cases = load_cases()
    for case in cases:
        result = (
            check(case, sources, claims or [])
            if args.extractor == "gold"
            else check_extracted(case, sources, offline_claims)
        )
        ok = bool(result["contradiction"]) and not result["other_changes"]
        passed += ok
        print(f"{'ok' if ok else 'FAIL':4} {case.name}: {result['contradiction']}")
        for change in result["other_changes"]:
            print(f"     other change: {change}")
    print(
        f"{passed}/{len(cases)} cases: the change is a contradiction quoting both sides and nothing else changed; "
        f"contradictions on the clean seeds: {result['clean_contradictions']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
