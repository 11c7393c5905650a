"""Verbs that tell one act, from WordNet's verb senses: a shared sense, or a kind of the other's usual act."""

from __future__ import annotations

import pytest

from factcheck.values.senses import act_of, antonyms, entails, kin, verb_unit


@pytest.mark.parametrize(
    ("done", "denied"),
    [("kidnap", "abduct"), ("abduct", "kidnap"), ("give_way", "collapse"), ("marry", "wed"), ("shoot", "injure")],
)
def test_a_verb_entails_its_synonyms_and_the_usual_act_it_is_a_kind_of(done: str, denied: str) -> None:
    assert entails(done, denied)


@pytest.mark.parametrize(
    ("done", "denied"),
    [
        ("injure", "shoot"),  # hurt, but not by a shot: no conflict with 'was not shot'
        ("ticket", "book"),  # a kind of 'book' only in a rarer sense
        ("arrest", "handcuff"),
        ("arrest", "release"),
        ("flurbish", "collapse"),  # a verb WordNet does not know entails only itself
    ],
)
def test_other_acts_are_not_entailed(done: str, denied: str) -> None:
    assert not entails(done, denied)
    assert entails(done, done)


def test_a_verb_of_two_words_is_one_verb_when_wordnet_knows_it() -> None:
    assert verb_unit(["give", "way"]) == ("give_way", [])
    assert verb_unit(["ban", "word", "freshman"]) == ("ban", ["word", "freshman"])
    assert verb_unit([]) == ("", [])


@pytest.mark.parametrize(
    ("noun", "act"),
    [
        ("strike", "strike"),
        ("agreement", "agree"),
        ("death", "die"),
        ("resignation", "resign"),
        ("beheading", "behead"),  # a verbal noun WordNet does not list: the verb it is made from
        ("kidnapping", "kidnap"),
    ],
)
def test_a_noun_of_an_act_names_its_verb(noun: str, act: str) -> None:
    assert act_of(noun) == act


@pytest.mark.parametrize("noun", ["village", "fee", "flurbish", "ceiling"])
def test_a_noun_of_no_act_names_none(noun: str) -> None:
    assert act_of(noun) is None


@pytest.mark.parametrize(
    ("one", "other"), [("strike", "bomb"), ("abduct", "seize"), ("kidnap", "abduct"), ("say", "tell")]
)
def test_verbs_of_one_act_or_of_a_few_kinds_of_one_act_are_kin(one: str, other: str) -> None:
    assert kin(one, other) and kin(other, one)


@pytest.mark.parametrize(
    ("one", "other"), [("open", "close"), ("buy", "sell"), ("rise", "fall"), ("arrest", "release")]
)
def test_verbs_that_are_only_two_of_many_kinds_of_change_are_not_kin(one: str, other: str) -> None:
    assert not kin(one, other)


@pytest.mark.parametrize(("one", "other"), [("offensive", "defensive"), ("senior", "junior"), ("true", "false")])
def test_adjectives_wordnet_gives_as_direct_antonyms_are_opposites(one: str, other: str) -> None:
    assert antonyms(one, other) and antonyms(other, one)


@pytest.mark.parametrize(("one", "other"), [("senior", "anonymous"), ("banned", "prohibited"), ("armed", "armed")])
def test_other_adjectives_are_not_opposites(one: str, other: str) -> None:
    assert not antonyms(one, other)
