"""SituatedQA (temporal): do answers as of different dates come out as updates, and conflicting answers
as of the same date as contradictions?

Usage: python -m bench.situatedqa PATH/temp.dev.jsonl [--limit N] [--json]

Each (question, date) answer becomes one synthetic source with one claim (subject: the question,
attribute 'answer', time: the date). Run 1 reconciles the natural claims: every pair of claims of one
question whose dates do not overlap and whose answer sets are disjoint must share an update finding.
Run 2 adds, per question with two different answers, a second source giving the other answer as of the
same date: that pair must share a contradiction finding. The data is read from PATH, never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind, Period, Source, Value
from factcheck.testing import (
    make_claim,
    make_period,
    make_source,
    make_value,
)
from factcheck.values.text import slug

DATE_FORMATS = ("%B %d, %Y", "%B %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d")


@dataclass
class Context:
    """One dated answer of one question."""

    qid: str
    question: str
    date: Period
    answers: list[str]
    claim: Claim
    source: Source


def iso_of(text: str) -> str | None:
    """ISO form of a year, month or day written in English, or None."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m") if fmt == "%B %Y" else parsed.date().isoformat()
    return None


def answer_kind(question: str, answers: list[str]) -> str:
    """One value type per question, as an extractor types one attribute: date, number or entity."""
    wants_date = re.match(r"\s*(when|what year|which year|what date)\b", question, re.IGNORECASE) is not None
    if all(iso_of(a) for a in answers) and (wants_date or not all(re.fullmatch(r"\d{4}", a.strip()) for a in answers)):
        return "date"
    if all(re.fullmatch(r"-?\d+(\.\d+)?", a.replace(",", "").strip()) for a in answers):
        return "number"
    return "entity"


def answer_value(kind: str, answer: str) -> Value:
    """The answer as a typed Value."""
    if kind == "date":
        return make_value("date", answer, iso_of(answer))
    if kind == "number":
        number = answer.replace(",", "").strip()
        return make_value("number", answer, number, number=float(number))
    return make_value("entity", answer, slug(answer))


def contexts(row: dict[str, Any]) -> list[Context]:
    """One synthetic source and claim per dated answer of a question."""
    qid = f"question_{abs(int(row['id']))}"
    out: list[Context] = []
    seen: set[str] = set()
    pairs = [p for p in row["context_answer_pairs"] if p["answers"] and iso_of(p["date"])]
    kind = answer_kind(row["question"], [p["answers"][0] for p in pairs])
    for pair in pairs:
        iso = iso_of(pair["date"]) or ""
        if iso in seen:
            continue
        seen.add(iso)
        out.append(_context(qid, row["question"], kind, iso, pair["answers"], f"{qid}@{iso}"))
    return out


def _context(
    qid: str, question: str, kind: str, iso: str, answers: list[str], source_id: str, answer: str | None = None
) -> Context:
    text = answer or answers[0]
    claim = make_claim(
        source_id,
        qid,
        "answer",
        answer_value(kind, text),
        time=iso,
        quote=f"{question} as of {iso}: {text}",
        subject=question,
    )
    source = make_source(source_id, body=f"{question} as of {iso}: {text}")
    return Context(qid, question, make_period(iso), answers, claim, source)


def _norm(answers: list[str]) -> set[str]:
    return {slug(a) for a in answers}


def _kinds(findings: list[Finding]) -> dict[str, dict[FindingKind, set[int]]]:
    """For each claim id: which findings (by index) of each kind contain it."""
    out: dict[str, dict[FindingKind, set[int]]] = {}
    for n, f in enumerate(findings):
        for cid in f.claim_ids:
            out.setdefault(cid, {}).setdefault(f.kind, set()).add(n)
    return out


def _opposed(findings: list[Finding], kinds: dict[str, dict[FindingKind, set[int]]], a: Claim, b: Claim) -> bool:
    """Whether a contradiction puts the two claims on different sides (they share one only with others)."""
    shared = kinds.get(a.id, {}).get(FindingKind.CONTRADICTION, set()) & kinds.get(b.id, {}).get(
        FindingKind.CONTRADICTION, set()
    )
    return any(len(findings[n].claim_ids) == 2 for n in shared)


def _together(kinds: dict[str, dict[FindingKind, set[int]]], a: Claim, b: Claim, kind: FindingKind) -> bool:
    return bool(kinds.get(a.id, {}).get(kind, set()) & kinds.get(b.id, {}).get(kind, set()))


def evaluate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Run both reconciliations and score each expected pair."""
    per_q = [c for c in (contexts(r) for r in rows) if c]
    natural = [c for cs in per_q for c in cs]
    t0 = time.perf_counter()
    findings = reconcile([c.source for c in natural], [c.claim for c in natural])
    seconds = time.perf_counter() - t0
    kinds = _kinds(findings)
    update = Counter[str]()
    same = Counter[str]()
    for cs in per_q:
        for a, b in combinations(cs, 2):
            if a.date.overlaps(b.date):
                continue
            if not (_norm(a.answers) & _norm(b.answers)):
                verdict = (
                    "update"
                    if _together(kinds, a.claim, b.claim, FindingKind.UPDATE)
                    else "contradiction"
                    if _together(kinds, a.claim, b.claim, FindingKind.CONTRADICTION)
                    else "other"
                )
                update[verdict] += 1
            elif slug(a.answers[0]) == slug(b.answers[0]):
                opposed = _opposed(findings, kinds, a.claim, b.claim)
                same["contradiction" if opposed else "consistent"] += 1
    injected, pairs = _inject(per_q)
    findings2 = reconcile([c.source for c in injected], [c.claim for c in injected])
    kinds2 = _kinds(findings2)
    contra = Counter[str]()
    for a, b in pairs:
        verdict = (
            "contradiction"
            if _together(kinds2, a.claim, b.claim, FindingKind.CONTRADICTION)
            else "update"
            if _together(kinds2, a.claim, b.claim, FindingKind.UPDATE)
            else "other"
        )
        contra[verdict] += 1
    return {
        "questions": len(per_q),
        "claims": len(natural),
        "reconcile_seconds": round(seconds, 3),
        "update_pairs": dict(update),
        "update_accuracy": _rate(update["update"], sum(update.values())),
        "same_answer_pairs": dict(same),
        "same_answer_not_contradicted": _rate(same["consistent"], sum(same.values())),
        "contradiction_pairs": dict(contra),
        "contradiction_accuracy": _rate(contra["contradiction"], sum(contra.values())),
    }


def _inject(per_q: list[list[Context]]) -> tuple[list[Context], list[tuple[Context, Context]]]:
    """Per question with two disjoint answers: a second source giving the other answer at the same date."""
    out: list[Context] = []
    pairs: list[tuple[Context, Context]] = []
    for cs in per_q:
        out.extend(cs)
        for a, b in combinations(cs, 2):
            if not (_norm(a.answers) & _norm(b.answers)):
                kind = a.claim.value.type.value
                iso = a.date.text or ""
                fake = _context(a.qid, a.question, kind, iso, a.answers, f"{a.qid}@{iso}#conflict", answer=b.answers[0])
                out.append(fake)
                pairs.append((a, fake))
                break
    return out, pairs


def _rate(good: int, total: int) -> float | None:
    return round(good / total, 4) if total else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.situatedqa", description=__doc__.split("\n")[0])
    parser.add_argument("path", help="temp.dev.jsonl of SituatedQA")
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(f"bench.situatedqa: {path}: no such file", file=sys.stderr)
        return 2
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines[: args.limit] if line.strip()]
    result = evaluate(rows)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
