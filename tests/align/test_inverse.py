"""One statement told both ways round (a description naming a thing / the thing described) is one fact."""

from __future__ import annotations

from factcheck.align.inverse import turn_inverse
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value

NAMED = make_claim(
    "01",
    "tallest_tree_in_the_park",
    "species",
    make_value("entity", "Coast Redwood", "coast_redwood"),
    subject="the tallest tree in the park",
    quote="The tallest tree in the park is a Coast Redwood.",
)


def described(value: str, source: str = "02") -> Claim:
    return make_claim(
        source,
        "coast_redwoods",
        "rank",
        make_value("text", value),
        subject="Coast redwoods",
        quote=f"Coast redwoods are {value}.",
    )


def test_a_thing_given_the_description_another_outlet_names_it_by_is_turned_round() -> None:
    turned = turn_inverse([NAMED, described("the tallest tree species in the park")])[1]
    assert (turned.subject_key, turned.attribute) == (NAMED.subject_key, "species")
    assert turned.value.text == "Coast redwoods"


def test_two_outlets_telling_one_statement_both_ways_round_agree() -> None:
    sources = [make_source("01", "2025-06-01"), make_source("02", "2025-06-02")]
    findings = reconcile(sources, [NAMED, described("the tallest tree species in the park")])
    assert [(f.kind, sorted(f.source_ids)) for f in findings] == [(FindingKind.AGREEMENT, ["01", "02"])]


def test_a_description_missing_a_qualifier_is_not_turned() -> None:
    for value in ("the oldest tree species in the park", "not the tallest tree in the park"):
        claim = described(value)
        assert turn_inverse([NAMED, claim])[1] == claim


def test_one_source_or_two_namings_turn_nothing() -> None:
    same_source = described("the tallest tree species in the park", source="01")
    assert turn_inverse([NAMED, same_source])[1] == same_source
    other = NAMED.model_copy(update={"source_id": "03", "subject": "the tallest tree in the state"})
    claim = described("the tallest tree species in the park")
    assert turn_inverse([NAMED, other, claim])[2] == claim


def test_a_subject_that_is_a_name_is_no_description_to_restate() -> None:
    named = make_claim(
        "01",
        "harwick",
        "believes the letter came from",
        make_value("entity", "the dockers", "dockers"),
        subject="Harwick",
    )
    wrote = make_claim(
        "02", "dockers", "sent letters to", make_value("text", "the council of Harwick"), subject="The dockers"
    )
    assert turn_inverse([named, wrote])[1] == wrote
