"""Reconciler scaling: time and peak memory for 1k, 10k and 100k synthetic claims over 10 to 1,000 sources.

Usage: python -m bench.reconcile_bench [--sizes 1000,10000,100000] [--sources 10,100,1000] [--seed 7]

Claims are spread over slots of about eight claims (subjects x attribute wordings, some near-synonymous),
with dates, numbers, money, ordinals and entities, some planned or hedged, some contradicting, some
changing over time; 5% of sources are lightly edited copies of another. Time is wall-clock for
reconcile() alone (the fastest of --repeat runs: the machine may be shared); peak memory is
tracemalloc's peak during one more, traced run. 'near-dup s' is the part spent finding near-duplicate
sources (it grows with the total length of the articles, not with the number of claims).
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from datetime import date, timedelta

from factcheck.classify.reconcile import reconcile
from factcheck.classify.syndication import syndication_clusters
from factcheck.models import Claim, Source, Value
from factcheck.testing import make_claim, make_source, make_value

SYLLABLES = [
    "ka",
    "ri",
    "to",
    "me",
    "su",
    "na",
    "lo",
    "be",
    "chi",
    "dan",
    "gu",
    "ho",
    "pe",
    "sa",
    "yun",
    "mi",
    "ko",
    "ta",
    "re",
    "wo",
]
WORDS = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in ("", "n", "s")]  # 1,200 made-up words
ATTRIBUTES = {
    "date": ["last held", "last held date", "first meeting date", "signed", "took office", "announced"],
    "number": ["troops deployed", "missiles fired", "hiatus years", "participants"],
    "money": ["donation amount", "loan amount", "grant"],
    "ordinal": ["nuclear test number", "round of talks"],
    "entity": ["first meeting place", "role", "venue", "host country"],
}
PLACES = ["seoul", "tokyo", "beijing", "washington", "new_york", "hiroshima"]
ROLES = ["prime_minister", "foreign_minister", "defense_minister", "president"]
CLAIMS_PER_SLOT = 8


def make_sources(n: int, rng: random.Random) -> list[Source]:
    """n sources with random bodies; one in twenty is a lightly edited copy of an earlier one."""
    sources: list[Source] = []
    for i in range(n):
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        if sources and rng.random() < 0.05:
            base = rng.choice(sources).text.split()
            for _ in range(3):
                base[rng.randrange(len(base))] = rng.choice(WORDS)
            body = " ".join(base)
        else:
            body = " ".join(rng.choice(WORDS) for _ in range(300))
        sources.append(make_source(f"s{i:04d}", published.isoformat(), body))
    return sources


def _value(kind: str, variant: int, rng: random.Random) -> Value:
    if kind == "date":
        year = 2000 + variant % 24
        return (
            make_value("date", f"March {year}", f"{year}-03")
            if rng.random() < 0.7
            else make_value("date", f"March 6, {year}", f"{year}-03-06")
        )
    if kind == "number":
        n = 5 + variant
        return make_value("number", f"{n} years", str(n), number=n, unit="years")
    if kind == "money":
        n = 3 + variant
        return make_value("money", f"{n} million dollars", f"USD {n * 1_000_000}", number=n * 1e6, unit="USD")
    if kind == "ordinal":
        return make_value("ordinal", f"{5 + variant}th", str(5 + variant), number=5 + variant)
    pool = PLACES if variant % 2 else ROLES
    key = pool[variant % len(pool)]
    return make_value("entity", key.replace("_", " ").title(), key)


def make_claims(n: int, sources: list[Source], rng: random.Random) -> list[Claim]:
    """n claims over n / CLAIMS_PER_SLOT slots."""
    slots = max(1, n // CLAIMS_PER_SLOT)
    subjects = max(1, slots // 4)
    claims: list[Claim] = []
    for i in range(n):
        slot = rng.randrange(slots)
        kind = list(ATTRIBUTES)[slot % len(ATTRIBUTES)]
        attribute = (
            rng.choice(ATTRIBUTES[kind][:2]) if slot % 3 == 0 else ATTRIBUTES[kind][slot % len(ATTRIBUTES[kind])]
        )
        roll = rng.random()
        variant = 0 if roll < 0.8 else (1 if roll < 0.9 else 2)
        source = rng.choice(sources)
        modality = "planned" if rng.random() < 0.05 else ("hedged" if rng.random() < 0.03 else "reported")
        time_iso = f"{2010 + variant * 5}" if kind == "entity" and slot % 5 == 0 else None
        claims.append(
            make_claim(
                source.id,
                f"subject_{slot % subjects}_{slot // subjects % 7}",
                attribute,
                _value(kind, variant, rng),
                time=time_iso,
                modality=modality,
                start=i,
            )
        )
    return claims


def measure(n_claims: int, n_sources: int, seed: int, repeat: int = 1) -> dict[str, float]:
    """Fastest of `repeat` timed reconcile() runs, and peak traced memory of one more."""
    rng = random.Random(seed)
    sources = make_sources(n_sources, rng)
    claims = make_claims(n_claims, sources, rng)
    seconds = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        findings = reconcile(sources, claims)
        seconds = min(seconds, time.perf_counter() - t0)
    t0 = time.perf_counter()
    syndication_clusters(sources)
    syndication = time.perf_counter() - t0
    tracemalloc.start()
    reconcile(sources, claims)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "claims": n_claims,
        "sources": n_sources,
        "seconds": seconds,
        "near_dup_seconds": syndication,
        "peak_mb": peak / 2**20,
        "findings": len(findings),
        "us_per_claim": seconds / n_claims * 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reconcile_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sources", default="10,100,1000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size; the fastest is reported")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    source_counts = [int(x) for x in args.sources.split(",")]
    print(
        f"{'claims':>8} {'sources':>8} {'seconds':>9} {'us/claim':>9} {'near-dup s':>11} {'peak MB':>9} {'findings':>9}"
    )
    for n in sizes:
        for s in source_counts:
            r = measure(n, s, args.seed, args.repeat)
            print(
                f"{r['claims']:>8} {r['sources']:>8} {r['seconds']:>9.3f} {r['us_per_claim']:>9.1f} "
                f"{r['near_dup_seconds']:>11.3f} {r['peak_mb']:>9.1f} {r['findings']:>9}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
