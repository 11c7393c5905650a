"""A person's life state across undated sources: dead in one and alive in another contradict; a hoax retold does not count."""

from __future__ import annotations

import hashlib

from factcheck.extract.base import NullProgress
from factcheck.extract.offline import OfflineExtractor
from factcheck.models import FindingKind, Source, Span
from factcheck.reconcile import reconcile


def _source(sid: str, text: str) -> Source:
    return Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), published=None, text=text,
                  body=[Span(start=0, end=len(text))])


def _kinds(*texts: str) -> list[FindingKind]:
    sources = [_source(f"0{i}", t) for i, t in enumerate(texts, 1)]
    claims = OfflineExtractor().extract(sources, NullProgress()).claims
    return [f.kind for f in reconcile(sources, claims) if f.attribute == "status"]


def test_dead_against_alive_is_a_contradiction_without_dates() -> None:
    kinds = _kinds("Hugh Hefner was found dead at his home.", "Hugh Hefner is very much still alive.")
    assert kinds == [FindingKind.CONTRADICTION]


def test_alive_in_two_sources_agrees() -> None:
    assert _kinds("Hugh Hefner is alive.", "Hugh Hefner is not dead.") == [FindingKind.AGREEMENT]


def test_a_retold_hoax_does_not_contradict() -> None:
    kinds = _kinds("A fake story said Hugh Hefner was presumed to be dead.", "Hugh Hefner is alive.")
    assert FindingKind.CONTRADICTION not in kinds
