"""Measures in different units across sources: compared in SI units, with room for a rounded conversion."""

from __future__ import annotations

import hashlib

import pytest

from factcheck.extract.base import NullProgress
from factcheck.extract.offline import OfflineExtractor
from factcheck.models import FindingKind, Source, Span
from factcheck.reconcile import reconcile


def _source(sid: str, text: str) -> Source:
    return Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), published=None, text=text,
                  body=[Span(start=0, end=len(text))])


def _kinds(a: str, b: str) -> list[FindingKind]:
    sources = [_source("01", a), _source("02", b)]
    claims = OfflineExtractor().extract(sources, NullProgress()).claims
    return [f.kind for f in reconcile(sources, claims) if f.kind != FindingKind.SINGLE_SOURCE]


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("The two restaurants are 90 kilometres apart.", "The two restaurants are 90 miles apart.", FindingKind.CONTRADICTION),
    ("The two restaurants are 90 kilometres apart.", "The two restaurants are about 56 miles apart.", FindingKind.AGREEMENT),
    ("The two restaurants are 90 kilometres apart.", "The two restaurants are 55 miles apart.", FindingKind.AGREEMENT),
    ("The shell is 155 mm wide.", "The shell is 6.1 inches wide.", FindingKind.AGREEMENT),
])
def test_measures_in_two_units(a: str, b: str, kind: FindingKind) -> None:
    assert _kinds(a, b) == [kind]


def test_a_length_and_a_mass_do_not_contradict() -> None:
    assert FindingKind.CONTRADICTION not in _kinds("The shell weighs 90 kg.", "The shell is 90 km away.")
