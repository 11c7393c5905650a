"""Joining slots whose claims give different amounts of one measure of one subject."""

from __future__ import annotations

from factcheck.models import Claim, FindingKind
from factcheck.reconcile import reconcile
from factcheck.reconcile.align import align
from factcheck.reconcile.synthetic import make_claim, make_source, make_value
from factcheck.reconcile.valuejoin import candidate_pairs, measure_unit


def count(text: str, n: float, unit: str) -> object:
    return make_value("number", text, str(int(n)), number=n, unit=unit)


def usd(text: str, n: float) -> object:
    return make_value("money", text, f"USD {n:g}", number=n, unit="USD")


def complaint(source: str, n: int, key: str, verb: str) -> Claim:
    quote = f"The complaint was {verb} by {n} member states"
    return make_claim(source, key, f"member states {verb}", count(f"{n} member states", n, "member states"), quote=quote)


def enrolled(source: str, n: int, key: str, quote: str) -> Claim:
    return make_claim(source, key, "patients enrolled", count(f"{n} patients", n, "patients"), quote=quote)


def kinds(sources: list, claims: list[Claim]) -> list[FindingKind]:
    return sorted(f.kind for f in reconcile(sources, claims) if f.kind != FindingKind.SINGLE_SOURCE)


def test_a_count_of_one_subject_given_a_year_apart_joins_as_an_update():
    claims = [complaint("a", 5, "complaint", "supported"), complaint("b", 8, "eus_complaint", "backed")]
    assert len(align(claims)) == 2  # alignment alone keeps them apart
    sources = [make_source("a", "2024-04-18"), make_source("b", "2025-05-02")]
    [finding] = [f for f in reconcile(sources, claims) if f.kind != FindingKind.SINGLE_SOURCE]
    assert finding.kind == FindingKind.UPDATE and finding.source_ids == ["a", "b"]


def test_a_subject_named_in_the_other_quote_joins_with_a_like_attribute():
    claims = [
        enrolled("a", 412, "resolve", "The study, known as RESOLVE, enrolled 412 patients"),
        enrolled("b", 421, "study", "The study, called RESOLVE, enrolled 421 patients"),
    ]
    assert len(candidate_pairs(align(claims))) == 1


def test_unrelated_subjects_sharing_only_a_unit_stay_apart():
    claims = [
        make_claim("a", "sitkum_creek_fire", "hectares burned", count("12,300 hectares", 12300, "hectares"),
                   quote="the 2017 Sitkum Creek fire, which burned 12,300 hectares"),
        make_claim("b", "sitkum_ridge_fire", "hectares burned", count("38,400 hectares", 38400, "hectares"),
                   quote="The Sitkum Ridge fire has burned about 38,400 hectares"),
    ]
    assert candidate_pairs(align(claims)) == []
    sources = [make_source("a", "2025-07-15"), make_source("b", "2025-07-23")]
    assert kinds(sources, claims) == []


def test_percentages_and_durations_never_anchor_a_join():
    assert measure_unit(make_claim("a", "eu_fleets", "percent give", count("25 percent", 25, "percent"))) is None
    assert measure_unit(make_claim("a", "walter_brandt", "age", count("78", 78, "years"))) is None
    assert measure_unit(make_claim("a", "x", "patients enrolled", count("412 patients", 412, "patients"))) is not None


def test_two_amounts_of_one_company_for_different_things_stay_apart():
    claims = [
        make_claim("a", "brightwater", "charge amount", usd("$158,000", 158000),
                   quote="said it would charge a list price of $158,000"),
        make_claim("b", "brightwater", "received amount", usd("$121,000", 121000),
                   quote="The company says it received an average net price of about $121,000"),
    ]
    assert candidate_pairs(align(claims)) == []


def test_a_join_that_would_contradict_across_publication_windows_is_refused():
    claims = [
        enrolled("a", 412, "resolve", "The study, known as RESOLVE, enrolled 412 patients in total"),
        enrolled("b", 421, "study", "The study, called RESOLVE, enrolled 421 patients in total"),
    ]
    far = [make_source("a", "2022-01-10"), make_source("b", "2024-03-21")]
    # however the slot would be classified, a contradiction needs one publication window
    assert FindingKind.CONTRADICTION not in kinds(far, claims)


def test_same_source_claims_never_join():
    claims = [complaint("a", 5, "complaint", "supported"), complaint("a", 8, "eus_complaint", "backed")]
    assert candidate_pairs(align(claims)) == []
