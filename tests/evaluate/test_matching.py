"""Expected quotes are cited by claims that hold them or quote a phrase of them; a forbidden contradiction between two
quotes is produced only where a finding sets them against each other."""

from __future__ import annotations

from factcheck.evaluate.matching import holds, set_against
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_value


def _denied(source: str, quote: str, normalized: str = "denied") -> Claim:
    return make_claim(source, "officer", "shoot", make_value("stance", "denied", normalized), quote=quote)


CLAIMED = _denied("b", "Posts claimed that an officer had been wounded; the reports were false.")
DENIED = _denied("b", "Police denied reports that an officer was shot.")
SHOT = _denied("a", "An officer was shot in the leg.", normalized="asserted")


def _finding(*claims: Claim) -> Finding:
    return Finding(
        kind=FindingKind.CONTRADICTION,
        subject_key="officer",
        attribute="shoot",
        claim_ids=[c.id for c in claims],
        source_ids=sorted({c.source_id for c in claims}),
        explanation="",
    )


def test_two_quotes_on_one_side_of_a_contradiction_are_not_set_against_each_other() -> None:
    by_id = {c.id: c for c in (CLAIMED, DENIED, SHOT)}
    finding = _finding(SHOT, CLAIMED, DENIED)
    assert not set_against(["had been wounded", "denied reports"], finding, by_id)
    assert set_against(["shot in the leg", "denied reports"], finding, by_id)
    assert set_against(["shot in the leg"], finding, by_id)  # one quote: any contradiction holding it


def test_two_amounts_that_fit_together_stand_on_one_side() -> None:
    def level(source: str, text: str, amount: float, qualifier: str | None, quote: str) -> Claim:
        value = make_value("number", text, f"{amount:g} m", number=amount, unit="meters", qualifier=qualifier)
        return make_claim(source, "water_levels", "distance", value, quote=quote)

    above = level("a", "more than three meters", 3, "more_than", "water levels reached more than three meters")
    half = level("b", "three meters and a half", 3.5, None, "the water grew up to three meters and a half")
    below = level("c", "almost three meters", 3, "nearly", "water levels rose to almost three meters")
    finding = _finding(above, half, below)
    by_id = {c.id: c for c in (above, half, below)}
    assert not set_against(["more than three meters", "three meters and a half"], finding, by_id)
    assert set_against(["three meters and a half", "almost three meters"], finding, by_id)


def test_an_expected_quote_matches_without_the_punctuation_at_its_ends() -> None:
    by_id = {c.id: c for c in (SHOT, DENIED)}
    finding = _finding(SHOT, DENIED)
    assert set_against(["An officer was shot in the leg,", "denied reports"], finding, by_id)
    assert not set_against(["An officer was shot in the arm", "denied reports"], finding, by_id)


def test_a_claim_quoting_part_of_an_expected_quote_cites_it() -> None:
    assert holds("six-month study", "In the six-month study")
    assert holds("in the six-month study of 300 patients", "six-month study")  # holds the whole expected quote
    assert not holds("six", "In the six-month study")  # too short to cite a phrase
    assert not holds("in 2014", "opened in 2014 and closed in 2019")
    assert not holds("ix-month study", "In the six-month study")  # part of a word is no phrase
    assert not holds("x-month study", "In the six-month study")


def test_a_claim_quoting_another_stretch_of_the_sentence_cites_it_where_they_share_the_figure() -> None:
    assert holds("krell, 52", "The jury convicted Krell, 52")
    assert holds("11 libraries reopened this morning", "Its 11 libraries reopened")
    assert not holds("the jury convicted her", "The jury convicted Krell, 52")  # no figure, a small part
    assert not holds("52 weeks later", "The jury convicted Krell, 52")  # one word in common
