"""Shared walks over the parse: the entity a token is part of, the verb above a token, pronouns by morphology."""

from __future__ import annotations

from factcheck.extract.offline.parse import parse
from factcheck.extract.offline.tree import entity_of, personal_pronoun, relative_pronoun, told_year, verb_above


def test_entity_of_a_token_inside_a_name() -> None:
    doc = parse("The ferry was built by Harland and Wolff in Belfast.")
    belfast = next(t for t in doc if t.text == "Belfast")
    assert entity_of(belfast) is not None and entity_of(belfast).text == "Belfast"  # type: ignore[union-attr]
    assert entity_of(next(t for t in doc if t.text == "ferry")) is None


def test_verb_above_stops_at_the_step_limit() -> None:
    doc = parse("The ministers met in the old town hall of Lyon.")
    lyon = next(t for t in doc if t.text == "Lyon")
    assert verb_above(lyon) is not None and verb_above(lyon).lemma_ == "meet"  # type: ignore[union-attr]
    assert verb_above(lyon, steps=1) is None


def test_personal_and_relative_pronouns_by_morphology() -> None:
    doc = parse("He said his wife, who met her, saw the man that she knew, and it told them its name.")
    personal = [t.text for t in doc if personal_pronoun(t)]
    assert personal == ["He", "his", "her", "she"]
    assert [t.text for t in doc if relative_pronoun(t)] == ["who", "that"]


def test_verb_above_ends_at_the_root_of_a_verbless_phrase() -> None:
    doc = parse("Talks in Seoul, a first in five years")  # no verb: the walk must stop at the root
    seoul = next(t for t in doc if t.text == "Seoul")
    assert verb_above(seoul) is None


def test_an_act_takes_the_year_of_the_clause_telling_it_but_not_of_one_joined_to_it() -> None:
    def year_of(sentence: str, verb: str) -> int | None:
        doc = parse(sentence)
        return told_year(next(t for t in doc if t.text == verb))

    assert year_of("In 2014, a fake report claimed he had died in a car crash.", "died") == 2014
    assert year_of("In 1987 the ferry sank after colliding with a tanker, killing 4,000 people.", "killing") == 1987
    assert year_of("He was born in 1950 and died on Sunday.", "died") is None
    assert year_of("He said in 2019 that he had served in Iraq in 2003.", "served") == 2003
