"""Near-duplicate (syndicated) sources are found and not counted as independent corroboration."""

from __future__ import annotations

import pytest
from paths import ROOT

from factcheck.classify.reconcile import reconcile
from factcheck.classify.syndication import near_duplicates, syndication_clusters
from factcheck.models import FindingKind
from factcheck.sources.article import read_source
from factcheck.testing import make_claim, make_source, make_value

SEEDS = sorted(ROOT.joinpath("seeds").glob("*.txt"))
MARCH = make_value("date", "March 2018", "2018-03")


@pytest.fixture(scope="module")
def seeds():
    return [read_source(p) for p in SEEDS]


def wire_copy(text: str) -> str:
    """What a second outlet does to wire copy: new first words, a changed sentence, a dropped paragraph."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    edited = paragraphs[:-2]
    edited[0] = "TOKYO (Kyodo) -- " + edited[0].replace("a diplomatic source said Monday", "a source said")
    edited[3] = edited[3].replace("In early March", "Earlier this month")
    return "\n\n".join(edited)


def test_the_seeds_are_independent(seeds):
    assert near_duplicates(seeds) == []
    clusters = syndication_clusters(seeds)
    assert len(set(clusters.values())) == len(seeds)


def test_a_lightly_edited_wire_copy_is_a_near_duplicate(seeds):
    original = seeds[0]
    copy = make_source("copy", "2023-03-27", wire_copy(original.text))
    [(a, b, jaccard)] = near_duplicates([*seeds, copy])
    assert {a, b} == {original.id, "copy"} and jaccard >= 0.5
    assert syndication_clusters([*seeds, copy])["copy"] == syndication_clusters([*seeds, copy])[original.id]


def test_a_trimmed_copy_is_contained_in_its_original(seeds):
    original = seeds[1]
    first_half = "\n\n".join(original.text.split("\n\n")[:6])
    trimmed = make_source("trimmed", "2023-03-15", first_half)
    assert [(a, b) for a, b, _ in near_duplicates([original, trimmed])] == [("001_1b143cd9c3d20ba9", "trimmed")]


def test_copies_do_not_corroborate_each_other(seeds):
    original, independent = seeds[0], seeds[1]
    copy = make_source("copy", "2023-03-27", wire_copy(original.text))
    sources = [original, copy, independent]
    claims = [make_claim(original.id, "talks", "last held", MARCH), make_claim("copy", "talks", "last held", MARCH)]
    [single] = reconcile(sources, claims)
    assert single.kind == FindingKind.SINGLE_SOURCE and single.independent_sources == 1
    assert "near-duplicate copies counted once" in single.explanation
    claims.append(make_claim(independent.id, "talks", "last held", MARCH))
    [agreement] = reconcile(sources, claims)
    assert agreement.kind == FindingKind.AGREEMENT
    assert len(agreement.source_ids) == 3 and agreement.independent_sources == 2


def test_identical_files_are_one_source():
    a = make_source("a", "2023-03-27", "Same words in both files, a short wire item about talks.")
    b = make_source("b", "2023-03-27", "Same words in both files, a short wire item about talks.")
    assert syndication_clusters([a, b]) == {"a": "a", "b": "a"}


def test_many_copies_of_one_story_are_grouped_without_comparing_all_pairs():
    story = " ".join(f"word{i}" for i in range(400))
    sources = [make_source(f"s{i:03d}", "2023-01-01", story + f" tail{i}") for i in range(120)]
    clusters = syndication_clusters(sources)
    assert set(clusters.values()) == {"s000"}
