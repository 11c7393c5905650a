"""Running totals stand as of their publication day; dollar prefixes name their currency."""

from __future__ import annotations

from datetime import date

from factcheck.classify.reconcile import reconcile
from factcheck.extract.asof import is_snapshot, running_cue
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.extract.offline.money import find_money
from factcheck.models import Claim, FindingKind, Source
from factcheck.testing import make_source


def _source(sid: str, text: str, published: str) -> Source:
    return make_source(sid, published, body=text)


def _run(*articles: tuple[str, str]) -> tuple[list[Source], list[Claim]]:
    sources = [_source(f"s{i}", text, published) for i, (text, published) in enumerate(articles)]
    return sources, OfflineExtractor().extract(sources, NullProgress()).claims


def _money(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.value.type.value == "money"]


def test_a_running_total_is_pinned_to_its_publication_day() -> None:
    _, claims = _run(("The flood has cost the state about C$12 million so far.", "2024-03-01"))
    [claim] = _money(claims)
    assert claim.time is not None and claim.time.start == claim.time.end == date(2024, 3, 1)
    assert is_snapshot(claim.time)


def test_two_running_totals_on_different_days_are_an_update_not_a_contradiction() -> None:
    sources, claims = _run(
        ("The flood has cost the state about C$12 million so far.", "2024-03-01"),
        ("The flood has cost the state C$19 million so far.", "2024-03-15"),
    )
    assert len(_money(claims)) == 2
    findings = reconcile(sources, claims)
    kinds = {f.kind for f in findings}
    assert FindingKind.CONTRADICTION not in kinds
    [update] = [f for f in findings if f.kind == FindingKind.UPDATE]
    assert [e.value for e in update.timeline] == ["reported: C$12 million", "reported: C$19 million"]


def test_two_running_totals_of_the_same_day_still_contradict() -> None:
    sources, claims = _run(
        ("The flood has cost the state about C$12 million so far.", "2024-03-01"),
        ("The flood has cost the state C$19 million so far.", "2024-03-01"),
    )
    assert FindingKind.CONTRADICTION in {f.kind for f in reconcile(sources, claims)}


def test_a_plain_figure_without_a_running_cue_keeps_the_same_story_window() -> None:
    sources, claims = _run(
        ("The province spent about C$12 million on the new bridge.", "2024-03-01"),
        ("The province spent C$19 million on the new bridge.", "2024-03-15"),
    )
    assert len(_money(claims)) == 2 and all(c.time is None for c in _money(claims))
    assert FindingKind.CONTRADICTION in {f.kind for f in reconcile(sources, claims)}


def test_a_timeless_fact_stays_timeless() -> None:
    _, claims = _run(("The two leaders first met in 1998 and have held 12 summits since.", "2024-03-01"))
    first = [c for c in claims if c.value.normalized == "1998"]
    assert first and all(not is_snapshot(c.time) for c in first)
    sources, claims = _run(
        ("The two leaders first met in 1998.", "2024-03-01"),
        ("The two leaders first met in 2001.", "2024-03-20"),
    )
    assert FindingKind.CONTRADICTION in {f.kind for f in reconcile(sources, claims)}


def test_a_total_as_of_a_past_period_keeps_that_period() -> None:
    _, claims = _run(("By 2019 the program had cost taxpayers $5 million so far.", "2024-03-01"))
    [claim] = _money(claims)
    assert claim.time is None or not is_snapshot(claim.time)


def test_running_cues() -> None:
    assert running_cue("The fire has cost the province about C$40 million so far") == "has cost"
    assert running_cue("the death toll now stands at 12") == "now stands at"
    assert running_cue("34 permits issued to date") == "to date"
    assert running_cue("homes have already been destroyed") == "have already been destroyed"
    assert running_cue("The town has been home to 4,200 people") is None
    assert running_cue("The fire had cost C$5 million") is None
    assert running_cue("the toll has hit 40") == "has hit"
    assert running_cue("The striker has been hit with a two-year ban") is None  # a passive of a verb counted active


def test_dollar_prefixes_name_their_currency_and_keep_their_text() -> None:
    text = "It cost C$40 million, about US$29 million, or A$45 million, NZ$49 million, HK$230 million, S$39 million and CA$1 billion."
    found = [(m.text, m.currency, m.amount) for m in find_money(text)]
    assert found == [
        ("C$40 million", "CAD", 40e6),
        ("US$29 million", "USD", 29e6),
        ("A$45 million", "AUD", 45e6),
        ("NZ$49 million", "NZD", 49e6),
        ("HK$230 million", "HKD", 230e6),
        ("S$39 million", "SGD", 39e6),
        ("CA$1 billion", "CAD", 1e9),
    ]
    assert [(m.text, m.currency) for m in find_money("a $3 million grant and USD 2 million")] == [
        ("$3 million", "USD"),
        ("USD 2 million", "USD"),
    ]


def test_extracted_money_value_keeps_the_prefix() -> None:
    _, claims = _run(("The fire has cost the province about C$40 million so far.", "2025-07-23"))
    [claim] = _money(claims)
    assert claim.value.text == "C$40 million" and claim.value.normalized == "CAD 40000000" and claim.value.unit == "CAD"
