"""How two groups' values weigh on a join: alike, against each other, or two facts of one source."""

from __future__ import annotations

from factcheck.align.verdicts import Verdicts, join_verdict, stated
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value
from factcheck.values.typed import Verdict


def _text(source: str, thing: str) -> Claim:
    return make_claim(source, "watch", "track", make_value("text", thing, thing))


def _count(source: str, n: int) -> Claim:
    return make_claim(source, "fighters", "captured", make_value("number", str(n), str(n), number=n))


def _verdict(left: list[Claim], right: list[Claim]) -> Verdict | None:
    verdicts = Verdicts()
    return join_verdict(stated(left, verdicts), stated(right, verdicts), verdicts)


def test_values_given_alike_agree_and_different_ones_disagree() -> None:
    assert _verdict([_count("a", 10)], [_count("b", 10)]) == Verdict.AGREE
    assert _verdict([_count("a", 10)], [_count("b", 4)]) == Verdict.DISAGREE


def test_one_source_stating_two_values_that_cannot_both_hold_is_two_facts() -> None:
    assert _verdict([_count("a", 10)], [_count("a", 4), _count("b", 10)]) is None


def test_two_things_told_alone_disagree() -> None:
    assert _verdict([_text("a", "blood pressure")], [_text("b", "heart rate")]) == Verdict.DISAGREE
    # one word of a description swapped for another: one thing described twice, or two; words do not tell
    assert _verdict([_text("a", "heart activity")], [_text("b", "heart rate")]) == Verdict.UNKNOWN


def test_a_join_restating_an_amount_already_in_dispute_weighs_as_agreeing() -> None:
    # 'eight years' joins 'eight years' / 'at least 13 years': it adds no value not already set against another
    disputed = [_count("a", 8), _count("c", 13)]
    assert _verdict(disputed, [_count("b", 8)]) == Verdict.AGREE
    assert _verdict(disputed, [_count("b", 9)]) == Verdict.DISAGREE


def test_a_restated_place_still_weighs_against_the_other() -> None:
    # 'Tokyo' recurs across a story's facts (the summit, the first talks): a place restated is no evidence
    left = [_text("a", "Tokyo"), _text("c", "Seoul")]
    assert _verdict(left, [_text("b", "Tokyo")]) == Verdict.DISAGREE
