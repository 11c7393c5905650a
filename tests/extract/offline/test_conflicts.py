"""Conflicts between two undated sources, extracted offline and reconciled: one table of (source A, source B, findings)."""

from __future__ import annotations

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.models import FindingKind, Source
from factcheck.testing import make_source

AGREE, CONTRA, UPDATE = FindingKind.AGREEMENT, FindingKind.CONTRADICTION, FindingKind.UPDATE


def _source(sid: str, text: str) -> Source:
    return make_source(sid, None, body=text)


def _kinds(a: str, b: str) -> list[FindingKind]:
    sources = [_source("01", a), _source("02", b)]
    claims = OfflineExtractor().extract(sources, NullProgress()).claims
    return [f.kind for f in reconcile(sources, claims) if f.kind != FindingKind.SINGLE_SOURCE]


CASES = [
    # a plan or a future act against its denial: the plan's subject does the act
    (
        "stance-plan-denied",
        "Larkfield Media is planning to shut down its radio service, the Gazette reported on Monday.",
        "Larkfield Media denied that it is shutting down its radio service.",
        [CONTRA],
    ),
    (
        "stance-future-denied",
        "The ferry company will close the Harwick route.",
        "The ferry company denied that it would close the Harwick route.",
        [CONTRA],
    ),
    # a person's life state: dead and alive cannot both hold, dates or not
    ("life-dead-alive", "Hugh Hefner was found dead at his home.", "Hugh Hefner is very much still alive.", [CONTRA]),
    ("life-alive-twice", "Hugh Hefner is alive.", "Hugh Hefner is not dead.", [AGREE]),
    ("life-hoax-retold", "A fake story said Hugh Hefner was presumed to be dead.", "Hugh Hefner is alive.", []),
    # measures in two units, compared in SI units with room for a rounded conversion
    (
        "measure-km-miles",
        "The two restaurants are 90 kilometres apart.",
        "The two restaurants are 90 miles apart.",
        [CONTRA],
    ),
    (
        "measure-converted",
        "The two restaurants are 90 kilometres apart.",
        "The two restaurants are about 56 miles apart.",
        [AGREE],
    ),
    (
        "measure-rounded",
        "The two restaurants are 90 kilometres apart.",
        "The two restaurants are 55 miles apart.",
        [AGREE],
    ),
    # a conversion in brackets is valued as the measure it converts, not compared on its own
    (
        "measure-maxima-converted",
        "The ocean sunfish can grow up to 3.4m long.",
        "The ocean sunfish can reach up to 3.5 meters (about 11 feet) in length.",
        [CONTRA],
    ),
    (
        "measure-maxima-converted-alike",
        "The ocean sunfish can grow up to 3.5m long.",
        "The ocean sunfish can reach up to 3.5 meters (about 11 feet) in length.",
        [AGREE],
    ),
    ("measure-mm-inches", "The shell is 155 mm wide.", "The shell is 6.1 inches wide.", [AGREE]),
    ("measure-mass-length", "The shell weighs 90 kg.", "The shell is 90 km away.", []),
    # counts of victims told actively and passively
    (
        "victims-passive",
        "Three people were killed in the attack on Monday.",
        "The attack killed five people.",
        [CONTRA],
    ),
    ("victims-at-least", "At least 12 people died in the crash.", "The crash killed 15 people, police said.", [AGREE]),
    # when a thing began: 'began in', 'started in', and a lasting state 'since' a date
    (
        "start-since",
        "The custom began in 1907, according to the town.",
        "The custom has been held every year since the 1920s.",
        [CONTRA],
    ),
    ("start-started", "The custom began in 1907.", "The custom started in 1907.", [AGREE]),
    ("start-change-since", "The talks began in 2018.", "The talks have been suspended since 2019.", []),
    # an age given of 'the 67-year-old singer' or 'the 67-year-old' is the age of the person named before
    (
        "age-described-agree",
        "Maria Lopez sang at the festival on Friday. The 67-year-old singer was greeted by a crowd.",
        "Friends of Maria Lopez said the 67-year-old had sung at the festival.",
        [AGREE],
    ),
    (
        "age-described-conflict",
        "Maria Lopez sang at the festival on Friday. The 67-year-old singer was greeted by a crowd.",
        "Maria Lopez, 71, sang at the festival.",
        [CONTRA, AGREE],  # her age conflicts; that she sang at the festival both state
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), [pytest.param(a, b, k, id=i) for i, a, b, k in CASES])
def test_two_sources(a: str, b: str, kinds: list[FindingKind]) -> None:
    found = _kinds(a, b)
    assert [k for k in found if k in (AGREE, CONTRA, UPDATE)] == kinds
