"""Perturbed seeds: one date, place or number changed in one article must come out as a contradiction
quoting both sides, and nothing else may change. Claims: the gold annotations in testdata/gold when
present, else a small hand-built set grounded in the seed texts."""

from __future__ import annotations

import pytest

from bench.perturb import (
    apply,
    check,
    check_extracted,
    derive_claims,
    edit_of,
    gold_claims,
    load_cases,
    offline_claims,
    seed_sources,
)
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind, Source
from factcheck.sources.article import read_source
from factcheck.testing import make_claim, make_value

CASES = load_cases()
TALKS = "japan_south_korea_security_talks"


def grounded(
    source: Source,
    quote: str,
    subject_key: str,
    attribute: str,
    value,
    time: str | None = None,
    modality: str = "reported",
) -> Claim:
    start = source.text.index(quote)
    return make_claim(source.id, subject_key, attribute, value, time=time, modality=modality, quote=quote, start=start)


def small_claims(sources: list[Source]) -> list[Claim]:
    """A few facts the seeds share, quoted verbatim."""
    s0, s1, s2, s3, s4 = sources
    march, june = make_value("date", "March 2018", "2018-03"), make_value("date", "June 1998", "1998-06")
    colonial = make_value("date", "1910-1945", "1910/1945")
    seoul = make_value("entity", "Seoul", "seoul")
    return [
        grounded(s0, "the dialogue, last held in March 2018", TALKS, "last held", march),
        grounded(s1, "a security dialogue, last held in March 2018", TALKS, "last held", march),
        grounded(
            s0, "security gathering was held in Seoul in June 1998", TALKS, "first meeting place", seoul, "1998-06"
        ),
        grounded(
            s1, "the first meeting taking place in Seoul in June 1998", TALKS, "first meeting place", seoul, "1998-06"
        ),
        grounded(s0, "security gathering was held in Seoul in June 1998", TALKS, "first meeting date", june),
        grounded(s1, "the first meeting taking place in Seoul in June 1998", TALKS, "first meeting date", june),
        grounded(s0, "the country's 1910-1945 colonial rule", "japan", "colonial rule period", colonial),
        grounded(s1, "Japan's 1910-1945 colonial rule", "japan", "colonial rule period", colonial),
        grounded(s3, "colonial rule of the Korean Peninsula 1910-1945", "japan", "colonial rule period", colonial),
        grounded(
            s0,
            "In early March, South Korea announced a solution",
            "wartime_labor_solution",
            "announced",
            make_value("date", "early March", "2023-03", qualifier="early"),
        ),
        grounded(
            s1,
            "On March 6, South Korea decided on a solution",
            "wartime_labor_solution",
            "announced",
            make_value("date", "March 6", "2023-03-06"),
        ),
        grounded(
            s2,
            "announcement in March 2023 of a solution",
            "wartime_labor_solution",
            "announced",
            make_value("date", "March 2023", "2023-03"),
        ),
        grounded(
            s0,
            "Yoon, who took office in May 2022",
            "yoon_suk_yeol",
            "took office",
            make_value("date", "May 2022", "2022-05"),
        ),
        grounded(
            s3, "since his inauguration in 2022", "yoon_suk_yeol", "took office", make_value("date", "2022", "2022")
        ),
        grounded(
            s0,
            "Yoon made a trip to Tokyo for talks with Kishida",
            "kishida_yoon_summit",
            "meeting place",
            make_value("entity", "Tokyo", "tokyo"),
        ),
        grounded(
            s3,
            "the summit held in Tokyo in March",
            "kishida_yoon_summit",
            "meeting place",
            make_value("entity", "Tokyo", "tokyo"),
            "2023-03",
        ),
        grounded(
            s0,
            "Prime Minister Fumio Kishida",
            "fumio_kishida",
            "role",
            make_value("entity", "Prime Minister", "prime_minister"),
        ),
        grounded(
            s4,
            "his Japanese counterpart Fumio Kishida",
            "fumio_kishida",
            "role",
            make_value("entity", "Japanese counterpart", "foreign_minister"),
            "2016-09",
        ),
        grounded(
            s1,
            "donated 4 billion won",
            "posco",
            "donation amount",
            make_value("money", "4 billion won", "KRW 4000000000", number=4e9, unit="KRW"),
        ),
        grounded(
            s4,
            "fifth nuclear test last Friday",
            "north_korea",
            "nuclear test number",
            make_value("ordinal", "fifth", "5", number=5),
            "2016-09-09",
        ),
        grounded(
            s0,
            "its possible seventh nuclear test",
            "north_korea",
            "nuclear test number",
            make_value("ordinal", "seventh", "7", number=7),
            modality="hedged",
        ),
    ]


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return seed_sources()


@pytest.fixture(scope="module", params=["gold", "small"])
def claims(request, sources) -> list[Claim]:
    if request.param == "small":
        return small_claims(sources)
    gold = gold_claims()
    if gold is None:
        pytest.skip("no gold claims in testdata/gold yet")
    return gold


def test_every_case_has_its_copy_made_by_exactly_one_edit(sources):
    assert len(CASES) >= 5
    by_id = {s.id: s for s in sources}
    for case in CASES:
        original = by_id[case.source_id].text
        edit = edit_of(original, case.spec["find"], case.spec["replace"])
        assert case.copy_path.read_text(encoding="utf-8") == apply(original, edit), case.name
        assert read_source(case.copy_path).published == by_id[case.source_id].published


def test_derived_claims_follow_the_edit(sources):
    claims = small_claims(sources)
    s1 = sources[1]
    edit = edit_of(s1.text, "On March 6, South Korea decided", "On March 16, South Korea decided")
    derived = derive_claims(claims, s1.id, s1.text, edit, {"2023-03-06": "2023-03-16"})
    new_text = apply(s1.text, edit)
    for claim in derived:
        if claim.source_id == s1.id:
            assert new_text[claim.span.start : claim.span.end] == claim.quote
    [moved] = [c for c in derived if c.quote.startswith("On March 16")]
    assert (moved.value.text, moved.value.normalized, moved.value.period.start.day) == ("March 16", "2023-03-16", 16)
    with pytest.raises(ValueError, match="maps no new value"):
        derive_claims(claims, s1.id, s1.text, edit, {})


def test_clean_seeds_have_the_expected_agreements_and_no_contradiction(sources, claims):
    findings = reconcile(sources, claims)
    contradictions = [f.explanation for f in findings if f.kind == FindingKind.CONTRADICTION]
    assert contradictions == []
    agreements = [f for f in findings if f.kind == FindingKind.AGREEMENT]

    def agreed(words: tuple[str, ...], ids: set[str]) -> bool:
        return any(
            all(w in f.explanation.lower() for w in words) and ids <= {s[:3] for s in f.source_ids} for f in agreements
        )

    assert agreed(("last held", "march 2018"), {"000", "001"})
    assert agreed(("seoul",), {"000", "001"})
    assert agreed(("june 1998",), {"000", "001"})
    assert agreed(("1910-1945",), {"000", "001", "003"})


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_change_is_a_contradiction_and_nothing_else_changes(case, sources, claims):
    result = check(case, sources, claims)
    assert result["contradiction"], f"{case.name}: no contradiction quoting both sides"
    for value in case.spec["contradiction"]["quotes"]:
        assert value.split()[-1] in result["contradiction"]
    assert result["other_changes"] == []


_EXTRACTED: dict[tuple[str, ...], list[Claim]] = {}


def _offline(sources: list[Source]) -> list[Claim]:
    key = tuple(s.sha256 for s in sources)
    if key not in _EXTRACTED:
        _EXTRACTED[key] = offline_claims(sources)
    return _EXTRACTED[key]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_end_to_end_with_the_offline_extractor(case, sources):
    result = check_extracted(case, sources, _offline)
    assert result["clean_contradictions"] == 0
    assert result["contradiction"], f"{case.name}: no contradiction quoting both sides"
    assert result["other_changes"] == []
