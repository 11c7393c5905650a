"""A description given in apposition to a name ("Hugh Hefner, Founder ... of Playboy Enterprises,") makes the
story's later "the Playboy founder" that person: one subject, so differing values meet."""

from __future__ import annotations

from factcheck.align.appositive import appositive_keys
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value

NAMED = "Hugh Hefner, Founder and chief creative officer of Playboy Enterprises, was found dead"


def _status(source: str, key: str, subject: str, state: str, quote: str) -> Claim:
    return make_claim(source, key, "status", make_value("text", state, state), quote=quote, subject=subject)


def _age(source: str, key: str, subject: str, age: str, quote: str) -> Claim:
    return make_claim(source, key, "age", make_value("number", age, age), quote=quote, subject=subject)


def test_a_description_in_apposition_names_the_person_it_describes() -> None:
    claims = [
        _status("a", "hugh_hefner", "Hugh Hefner", "dead", NAMED),
        _age("c", "playboy_founder", "The Playboy founder", "88", "The Playboy founder, 88, was pictured"),
    ]
    assert appositive_keys(claims) == {"playboy_founder": "hugh_hefner"}


def test_the_described_person_s_other_age_is_a_contradiction() -> None:
    claims = [
        _status("a", "hugh_hefner", "Hugh Hefner", "dead", NAMED),
        _age("b", "hugh_hefner", "Hugh Hefner", "88", "Hugh Hefner is 88 years of age"),
        _age("c", "playboy_founder", "The Playboy founder", "53", "The Playboy founder, 53, was pictured"),
    ]
    findings = reconcile([make_source(s) for s in "abc"], claims)
    assert [f.kind for f in findings if f.subject_key == "hugh_hefner" and f.attribute == "age"] == [
        FindingKind.CONTRADICTION
    ]


def test_a_description_of_another_rank_or_not_by_role_names_no_one() -> None:
    deputy = _status(
        "a",
        "gwen_halloran",
        "Gwen Halloran",
        "on leave",
        "Gwen Halloran, deputy chief information security officer, is on leave",
    )
    chief = _age("b", "chief_information_security_officer", "the chief information security officer", "51", "x")
    place = _status("a", "hugh_hefner", "Hugh Hefner", "alive", "Hugh Hefner, at home in Los Angeles, is alive")
    home = _age("b", "los_angeles", "Los Angeles", "88", "y")
    assert appositive_keys([deputy, chief, place, home]) == {}


def test_a_description_without_a_name_of_its_own_names_no_one() -> None:
    officer = _status("a", "john_smith", "John Smith", "injured", "John Smith, a police officer, was injured")
    other = _age("b", "police_officer", "a police officer", "51", "a police officer, 51, was also hurt")
    assert appositive_keys([officer, other]) == {}


def test_a_definite_description_before_a_name_names_that_person() -> None:
    claims = [
        _age("a", "alan_brisco", "Alan Brisco", "61", "The driver, Alan Brisco, 61, has been suspended on full pay"),
        _age("b", "driver", "The driver", "58", "The 58-year-old driver was among the injured"),
    ]
    assert appositive_keys(claims) == {"driver": "alan_brisco"}
    findings = reconcile([make_source(s) for s in "ab"], claims)
    assert [f.kind for f in findings if f.attribute == "age"] == [FindingKind.CONTRADICTION]


def test_an_indefinite_description_names_no_one_in_particular() -> None:
    claims = [
        _age("a", "alan_brisco", "Alan Brisco", "61", "A passenger, Alan Brisco, 61, was hurt"),
        _age("b", "passenger", "A passenger", "58", "A 58-year-old passenger was among the injured"),
    ]
    assert appositive_keys(claims) == {}
