"""Dates of different events ('down since March 9', 'came back on 27 March') are not one fact in dispute."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _kinds(claims, sources) -> list[FindingKind]:
    return [f.kind for f in reconcile(sources, claims)]


SOURCES = [make_source("a", "2025-04-03"), make_source("b", "2025-06-18")]
CAME_BACK = make_claim(
    "a",
    "claims",
    "processing",
    make_value("date", "27 March", "2025-03-27"),
    quote="Its claims processing came back on 27 March",
)


def _other(text: str, iso: str, quote: str) -> Claim:
    return make_claim("b", "claims", "processing", make_value("date", text, iso), quote=quote)


def test_down_since_and_came_back_on_are_two_events() -> None:
    claims = [CAME_BACK, _other("March 9", "2025-03-09", "Claims processing, down since March 9")]
    kinds = _kinds(claims, SOURCES)
    assert FindingKind.CONTRADICTION not in kinds and FindingKind.UPDATE not in kinds


def test_two_dates_for_one_event_still_contradict() -> None:
    claims = [CAME_BACK, _other("March 25", "2025-03-25", "Claims processing was restored on March 25")]
    assert FindingKind.CONTRADICTION in _kinds(claims, SOURCES)


def test_extractor_names_the_event_of_a_date() -> None:
    text = (
        "Larkspur Health Plan was hit by a ransomware attack.\n\n"
        "Claims processing, down since March 9, resumed on March 27.\n\n"
        "Its claims processing came back on 27 March, the company said.\n"
    )
    source = make_source("a", "2025-06-18", body=text)
    claims = OfflineExtractor().extract([source], NullProgress()).claims
    by_date = {c.value.text: c.attribute for c in claims if c.value.type == "date"}
    assert "down" in by_date["March 9"].split()
    assert "resumed" in by_date["March 27"].split()
    assert "back" in by_date["27 March"].split()
