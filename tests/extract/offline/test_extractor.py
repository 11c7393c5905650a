"""The offline extractor: value types, subjects, modality, attribution, grounding, and the targets on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT

from factcheck.evaluate.score import FACT_TYPES, load_gold, score
from factcheck.extract.base import NullProgress
from factcheck.extract.offline.extractor import OfflineExtractor
from factcheck.models import Claim, Modality, Source, ValueType, quote_occurrence
from factcheck.sources.article import read_source


class RecordingProgress:
    def __init__(self) -> None:
        self.total = 0
        self.done: list[str] = []

    def add_total(self, n: int) -> None:
        self.total += n

    def advance(self, label: str) -> None:
        self.done.append(label)


def read_dir(directory: Path) -> list[Source]:
    return [read_source(p) for p in sorted(directory.glob("*.txt"))]


@pytest.fixture(scope="module")
def seeds() -> list[Source]:
    return read_dir(ROOT / "seeds")


@pytest.fixture(scope="module")
def seed_claims(seeds: list[Source]) -> list[Claim]:
    return OfflineExtractor().extract(seeds, NullProgress()).claims


def article(tmp_path: Path, text: str, published: str = "2024-02-08") -> Source:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(f"published: {published}\n", encoding="utf-8")
    return read_source(path)


def extract(source: Source) -> list[Claim]:
    return OfflineExtractor().extract([source], NullProgress()).claims


def find(claims: list[Claim], normalized: str) -> Claim:
    hits = [c for c in claims if c.value.normalized == normalized]
    assert hits, f"no claim with value {normalized}: {[c.value.normalized for c in claims]}"
    return hits[0]


def test_protocol_and_progress(seeds: list[Source]) -> None:
    progress = RecordingProgress()
    result = OfflineExtractor().extract(seeds, progress)
    assert OfflineExtractor.name == "offline" and result.extractor == "offline"
    assert progress.total == len(seeds) and progress.done == [s.id for s in seeds]
    texts = {s.id: s.text for s in seeds}
    assert all(
        c.extractor == "offline" and c.id == c.with_id(quote_occurrence(texts[c.source_id], c.quote, c.span.start)).id
        for c in result.claims
    )


def test_every_quote_is_the_text_at_its_span(seeds: list[Source], seed_claims: list[Claim]) -> None:
    by_id = {s.id: s for s in seeds}
    for c in seed_claims:
        source = by_id[c.source_id]
        assert source.text[c.span.start : c.span.end] == c.quote
        assert any(b.start <= c.span.start and c.span.end <= b.end for b in source.body)
        assert c.value.text in c.quote or c.value.type == ValueType.TEXT


def test_no_claims_from_furniture(seed_claims: list[Claim]) -> None:
    upi = [c for c in seed_claims if c.source_id.startswith("004")]
    assert not any("Photo by" in c.quote or c.value.normalized == "2016-09-09" for c in upi)
    assert not any(c.value.normalized == "2016-09-16" for c in upi)  # the dateline and "said Friday" are not facts


def test_extraction_is_deterministic(seeds: list[Source], seed_claims: list[Claim]) -> None:
    again = OfflineExtractor().extract(seeds, NullProgress()).claims
    assert [c.model_dump() for c in again] == [c.model_dump() for c in seed_claims]


def test_each_value_type(tmp_path: Path) -> None:
    claims = extract(
        article(
            tmp_path,
            (
                "Britain paid 2.5 billion euros ($2.7 billion) into a fund, officials said.\n\n"
                "The talks, last held in Brussels in October 2020, resume next week.\n\n"
                "The dispute is the third major row since 2020.\n\n"
                "Labor won at least 72 seats in the 151-seat House of Representatives.\n\n"
                "Foreign Secretary David Cameron met President Joe Biden in Washington on Monday.\n"
            ),
        )
    )
    euros = find(claims, "EUR 2500000000")
    assert euros.value.type == ValueType.MONEY and euros.value.unit == "EUR" and euros.subject_key == "united_kingdom"
    assert find(claims, "USD 2700000000").value.type == ValueType.MONEY
    last = find(claims, "2020-10")
    assert last.attribute == "last held" and last.value.period is not None and last.time == last.value.period
    assert find(claims, "2024-W07").value.type == ValueType.DATE
    assert find(claims, "3").value.type == ValueType.ORDINAL
    seats = find(claims, "72")
    assert seats.value.type == ValueType.NUMBER and seats.value.qualifier == "at_least" and seats.value.unit == "seats"
    assert find(claims, "151").subject_key == "house_of_representatives"
    roles = {c.subject_key: c.value.normalized for c in claims if c.attribute == "role"}
    assert roles == {"david_cameron": "foreign secretary", "joe_biden": "president"}
    assert find(claims, "brussels").attribute == "last meeting place"
    assert find(claims, "2024-02-05").subject_key == "david_cameron_joe_biden_talks"


def test_modality(tmp_path: Path) -> None:
    claims = extract(
        article(
            tmp_path,
            (
                "The two leaders are expected to meet in Oslo on Friday.\n\n"
                "The ministry plans to hold the first talks in four years in May.\n\n"
                "The officials may sign the deal in March 2025.\n\n"
                "The agreement was signed in 2019.\n"
            ),
        )
    )
    assert find(claims, "2024-02-09").modality == Modality.EXPECTED
    assert find(claims, "2024-05").modality == Modality.PLANNED
    assert find(claims, "2025-03").modality == Modality.HEDGED
    assert find(claims, "2019").modality == Modality.REPORTED


def test_attribution_and_speech_dates(tmp_path: Path) -> None:
    claims = extract(
        article(
            tmp_path,
            (
                "The talks will take place next month, a diplomatic source said Monday.\n\n"
                "The summit was held in Rome in 2019, according to the source.\n"
            ),
            published="2023-03-27",
        )
    )
    assert find(claims, "2023-04").attribution == "a diplomatic source said Monday"
    assert find(claims, "2019").attribution == "according to the source"
    assert not any(c.value.normalized == "2023-03-27" for c in claims)


def test_relative_dates_in_seed_claims(seed_claims: list[Claim]) -> None:
    got = {(c.source_id[:3], c.value.normalized) for c in seed_claims if c.value.type == ValueType.DATE}
    for expected in [
        ("000", "2023-04"),
        ("000", "2023-03-16"),
        ("000", "2023-03-01/2023-03-10"),
        ("000", "2023-04-21/2023-04-30"),
        ("000", "2023-05"),
        ("001", "2023-03-16"),
        ("001", "2023-W10"),
        ("001", "2023-03-06"),
        ("002", "2024-05-23/2024-05-31"),
        ("002", "2024-05-26"),
        ("002", "2023-11"),
        ("002", "2025"),
        ("002", "2024-05-22"),
        ("002", "2024-01-01/2024-05-21"),
        ("003", "2023-10-05"),
        ("003", "2023-04"),
        ("004", "2016-09-18"),
        ("004", "2016-09-01/2016-09-10"),
    ]:
        assert expected in got


def test_agreement_slots_across_the_kyodo_pieces(seed_claims: list[Claim]) -> None:
    """Both Kyodo pieces: talks last held in March 2018; first meeting in Seoul in June 1998."""
    slots: dict[tuple[str, str, str], set[str]] = {}
    for c in seed_claims:
        slots.setdefault((c.subject_key, c.attribute, c.value.normalized), set()).add(c.source_id[:3])
    talks = "japan_south_korea_security_talks"
    assert slots[(talks, "last held", "2018-03")] == {"000", "001"}
    assert slots[(talks, "first meeting date", "1998-06")] == {"000", "001"}
    assert slots[(talks, "first meeting place", "seoul")] == {"000", "001"}
    assert slots[(talks, "resumption agreed", "2023-03-16")] == {"000", "001"}
    assert {"000", "001", "003"} <= slots[("japan", "colonial rule period", "1910/1945")]


@pytest.mark.parametrize(
    ("articles", "gold"), [("seeds", "testdata/gold"), ("testdata/extraction", "testdata/extraction/gold")]
)
def test_precision_and_recall_targets(articles: str, gold: str) -> None:
    sources = read_dir(ROOT / articles)
    predicted = [c for c in OfflineExtractor().extract(sources, NullProgress()).claims if c.value.type in FACT_TYPES]
    truth = [c for c in load_gold(ROOT / gold) if c.value.type in FACT_TYPES]
    result = score(predicted, truth)
    assert result.facts.recall >= 0.80 and result.facts.precision >= 0.80
    for vtype in FACT_TYPES:
        tally = result.by_type[vtype.value]
        assert tally.recall >= 0.80 and tally.precision >= 0.80, (vtype, tally)


def test_roles_on_the_seeds(seed_claims: list[Claim]) -> None:
    roles = {(c.source_id[:3], c.subject_key, c.value.normalized) for c in seed_claims if c.attribute == "role"}
    assert ("000", "fumio_kishida", "prime minister") in roles
    assert ("004", "fumio_kishida", "foreign minister") in roles
    assert ("002", "yoon_suk_yeol", "president") in roles
    assert ("001", "yoon_suk_yeol", "prime minister") not in roles  # a head of state is no minister's counterpart


def test_status_changes_become_status_claims_dated_by_the_text_or_the_publication(tmp_path: Path) -> None:
    claims = extract(
        article(
            tmp_path,
            (
                "The trade pact was scrapped in 2015 after protests.\n\n"
                "Both governments are reviewing a lapsed accord known as the Northern Fisheries Agreement, officials said.\n\n"
                "The ministry threatened to suspend the ferry program in 2020.\n\n"
                "Officials have been working to restore the ferry service.\n\n"
                "The treaty was signed with great fanfare.\n\n"
                "The suspended talks could lead nowhere.\n"
            ),
        )
    )
    status = {
        (c.subject_key, c.value.normalized, c.time.start.isoformat(), c.time.granularity.value)
        for c in claims
        if c.attribute == "status" and c.time is not None
    }
    assert all(c.time is not None for c in claims if c.attribute == "status")
    assert status == {
        ("trade_agreement", "canceled", "2015-01-01", "year"),  # "pact" folds to "agreement"
        ("northern_fisheries_agreement", "being reviewed", "2024-02-08", "day"),
        ("ferry_program", "suspension threatened", "2020-01-01", "year"),
        ("ferry_service", "being restored", "2024-02-08", "day"),
    }  # a past change with no date ("was signed") and an adjective ("the suspended talks") are not claims
    scrapped = next(c for c in claims if c.attribute == "status" and c.subject_key == "trade_agreement")
    assert scrapped.value.text == "scrapped" and scrapped.quote.startswith("The trade pact was scrapped in 2015")


def test_status_timelines_on_the_seeds(seed_claims: list[Claim]) -> None:
    status = {
        (c.source_id[:3], c.subject_key, c.value.normalized, c.time.start.isoformat() if c.time else None)
        for c in seed_claims
        if c.attribute == "status"
    }
    for expected in [
        ("004", "gsomia", "canceled", "2012-01-01"),
        ("004", "gsomia", "being revisited", "2016-09-16"),
        ("003", "gsomia", "termination threatened", "2019-01-01"),
        ("003", "gsomia", "being normalized", "2023-10-05"),
        ("000", "japan_south_korea_security_talks", "suspended", "2018-01-01"),
        ("001", "japan_south_korea_security_talks", "suspended", "2018-01-01"),
        ("000", "japan_south_korea_security_talks", "resumption agreed", "2023-03-16"),
        ("001", "japan_south_korea_security_talks", "resumption agreed", "2023-03-16"),
        ("003", "japan_south_korea_security_talks", "restored", "2023-04-01"),
    ]:
        assert expected in status
    expected_agreement = [
        c
        for c in seed_claims
        if c.attribute == "status" and c.source_id.startswith("001") and c.value.normalized == "resumption agreed"
    ]
    assert [c.modality for c in expected_agreement] == [Modality.EXPECTED]


def test_a_date_belongs_to_the_noun_it_modifies_not_to_an_earlier_verb(tmp_path: Path) -> None:
    """'in the wake of Japan's announcement in March 2023' dates the announcement, not the talks being arranged."""
    claims = extract(
        article(
            tmp_path,
            (
                "The two leaders are making arrangements to hold talks amid warmer ties in the wake of "
                "Japan's announcement in March 2023 of a new policy.\n"
            ),
            published="2024-05-22",
        )
    )
    march = [c for c in claims if c.value.normalized == "2023-03"]
    assert [(c.subject_key, c.attribute, c.modality) for c in march] == [("japan", "announced", Modality.REPORTED)]


def test_a_run_without_spaces_is_no_word_and_quotes_stay_original() -> None:
    """A 100-character run of capitals is blanked for the rules (it made some rules quadratic), and
    every claim still quotes the article as written."""
    from factcheck.config import Settings
    from factcheck.extract import NullProgress, make_extractor
    from factcheck.testing import make_source

    text = "The first meeting was held in Seoul in June 1998. " + "A" * 100 + " It was held again in 2005."
    source = make_source("long", published="2023-03-27", body=text)
    claims = make_extractor(Settings(extractor="offline")).extract([source], NullProgress()).claims
    assert any(c.value.normalized == "1998-06" for c in claims)
    assert all(text[c.span.start : c.span.end] == c.quote for c in claims)
    assert not any("AAAA" in c.quote for c in claims)


def test_a_sentence_written_twice_gives_a_claim_at_each_place(tmp_path: Path) -> None:
    line = "Crews saw 40 boats sink."  # short enough not to be taken for page furniture
    claims = extract(article(tmp_path, f"{line}\n\nStorms hit the coast overnight.\n\n{line}\n"))
    lost = [c for c in claims if c.value.normalized == "40"]
    assert len(lost) == 2 and len({c.span.start for c in lost}) == 2 and len({c.id for c in lost}) == 2
