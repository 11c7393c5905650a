"""Text values naming one thing in other words agree by their parse; what sets two apart still keeps them apart."""

from __future__ import annotations

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.meaning import reading, same_meaning
from factcheck.values.typed import Verdict, compare


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Podcast host", "the host of the show", "text"),  # one head, qualified before and after
        ("usually seen in Scottish lochs", "the lochs around the Scottish Highlands", "entity"),  # a predicate's object
        ("taxiing along the runway", "taxiing onto the runway", "text"),  # one predicate, one object
        ("the hand", "the left hand", "text"),  # one told more fully
    ],
)
def test_one_thing_in_other_words_agrees(a: str, b: str, kind: str) -> None:
    assert compare(make_value("text", a), make_value(kind, b)) == Verdict.AGREE
    assert compare(make_value(kind, b), make_value("text", a)) == Verdict.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the left wing", "the right wing"),  # qualified on one side, word against word
        ("Leeds coach", "Everton coach"),  # two names
        ("a 12-gauge shotgun", "a 20-gauge shotgun"),  # two numbers
        ("no traces of smoke", "traces of smoke"),  # denied on one side
        ("has yet to physically turn himself in", "turned himself in"),  # still to happen on one side
        ("found guilty of fraud", "cleared of fraud"),  # two predicates of one object
        ("deputy harbour pilot", "harbour pilot"),  # a rank on one side
        ("the keeper of the castle", "the keeper of the lighthouse"),  # qualified after, apart
    ],
)
def test_what_sets_two_values_apart_keeps_them_from_agreeing(a: str, b: str) -> None:
    assert compare(make_value("text", a), make_value("text", b)) != Verdict.AGREE
    assert not same_meaning(make_value("text", a), make_value("text", b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("every week", "within a week"),  # a determiner of quantity on one side
        ("the clinic and the pharmacy", "a city clinic"),  # another thing named beside the head
        ("British firms to compensate workers for lost wages", "the workers"),  # a clause about the firms
    ],
)
def test_a_reading_of_one_thing_needs_one_thing_named(a: str, b: str) -> None:
    assert not same_meaning(make_value("text", a), make_value("text", b))


def test_two_names_are_left_to_the_name_rules() -> None:
    assert not same_meaning(make_value("entity", "Portland, Oregon"), make_value("entity", "Portland, Maine"))


def test_a_state_without_a_noun_has_no_reading() -> None:
    assert reading("suspended") is None
    assert reading("") is None


def test_two_outlets_describing_one_role_in_other_words_agree() -> None:
    sources = [make_source("01", "2025-03-02"), make_source("02", "2025-03-03")]
    claims = [
        make_claim("01", "mara_lind", "role", make_value("text", "Podcast host"), quote="Podcast host Mara Lind said"),
        make_claim(
            "02",
            "mara_lind",
            "role",
            make_value("text", "the host of the show"),
            quote="Mara Lind, the host of the show",
        ),
    ]
    kinds = [f.kind for f in reconcile(sources, claims)]
    assert kinds == [FindingKind.AGREEMENT]
