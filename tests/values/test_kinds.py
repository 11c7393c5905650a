"""Kinds of person from WordNet: a husband is a partner; a husband is not a wife, nor a brother a cousin."""

from __future__ import annotations

import pytest

from factcheck.values.kinds import is_person_noun, kind_of, one_kind


@pytest.mark.parametrize(("narrow", "broad"), [("husband", "partner"), ("mother", "parent"), ("Husband", "spouse")])
def test_a_kind_of_person_is_a_kind_of_the_broader(narrow: str, broad: str) -> None:
    assert kind_of(narrow, broad)
    assert one_kind(broad, narrow)


@pytest.mark.parametrize(("a", "b"), [("husband", "wife"), ("brother", "cousin"), ("president", "minister")])
def test_two_kinds_of_one_thing_are_not_one_kind(a: str, b: str) -> None:
    assert not one_kind(a, b)


def test_words_that_name_no_person_are_kinds_of_nothing() -> None:
    assert not one_kind("carpark", "car")
    assert not kind_of("husband", "husband-to-be")


def test_nouns_for_people_are_told_from_other_nouns() -> None:
    assert is_person_noun(["her", "partner"]) and is_person_noun(["lawyers"])
    assert not is_person_noun(["teams"]) and not is_person_noun([])
