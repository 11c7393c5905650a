"""A text value that only says the answer is not known, and how it compares with an answer."""

from __future__ import annotations

import pytest

from factcheck.testing import make_value
from factcheck.values.typed import Verdict, compare
from factcheck.values.unknown import says_unknown


@pytest.mark.parametrize(
    "text",
    [
        "not known",
        "unclear",
        "still uncertain",
        "has not been identified",
        "was never established",
        "an engineer, who has not been identified",
        "unaware",
        "not aware",
    ],
)
def test_a_value_saying_only_that_the_answer_is_open_is_read(text: str) -> None:
    assert says_unknown(text)


@pytest.mark.parametrize(
    "text",
    [
        "identified",
        "uncertain future earnings",
        "an engineer who designed the bridge",
        "staged",
        "police have not identified the driver",
        "under investigation",
        "aware",
        "unarmed",
    ],
)
def test_a_value_naming_more_than_an_open_question_is_not(text: str) -> None:
    assert not says_unknown(text)


def test_two_values_leaving_one_question_open_agree() -> None:
    assert compare(make_value("text", "not known"), make_value("text", "unclear")) == Verdict.AGREE


def test_not_knowing_said_with_a_negating_prefix_agrees_with_a_negated_verb() -> None:
    assert compare(make_value("text", "don't know"), make_value("text", "unaware")) == Verdict.AGREE


@pytest.mark.parametrize(("kind", "answer"), [("text", "Dr. Ilse Marten"), ("entity", "Ilse Marten")])
def test_an_open_question_against_a_name_differs(kind: str, answer: str) -> None:
    left, right = make_value("text", "has not been identified"), make_value(kind, answer)
    assert compare(left, right) == Verdict.DISAGREE
    assert compare(right, left) == Verdict.DISAGREE


@pytest.mark.parametrize("answer", ["the hand", "a bag carried by a passenger", "under investigation"])
def test_an_open_question_against_a_description_is_not_read(answer: str) -> None:
    assert compare(make_value("text", "not known"), make_value("text", answer)) == Verdict.UNKNOWN


def test_a_text_with_no_word_of_knowing_is_answered_without_its_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.values import meaning

    asked: list[str] = []
    real = meaning.parsed
    monkeypatch.setattr(meaning, "parsed", lambda text: asked.append(text) or real(text))
    says_unknown.cache_clear()
    assert not says_unknown("Foreign Minister Park Jin")
    assert not says_unknown("resumed in 2023")
    assert asked == []  # no word the parser could read as a word of (not) knowing: nothing to parse
    assert says_unknown("Still not KNOWN") and asked == ["Still not KNOWN"]
    assert not says_unknown("known for his novels")  # a word of knowing, but not negated: the parse decides
    says_unknown.cache_clear()
