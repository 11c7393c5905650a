"""The story's only two statements of one span of time about one kind of thing agree though worded far apart;
a span in another unit, a span more groups give, one source's two spans or subjects with no word in common are
no such evidence."""

from __future__ import annotations

from factcheck.align.slots import align, key_groups
from factcheck.align.spans import span_key, span_pairs
from factcheck.models import Claim, Value
from factcheck.testing import make_claim, make_value

THREE = make_value("number", "three", "3")


def _pause(value: Value = THREE, unit: str = "years") -> Claim:
    return make_claim(
        "a",
        "harbour_ferry_service",
        "pause",
        value,
        subject="the harbour ferry service",
        quote=f"The harbour ferry service returned on Monday after a pause of three {unit}",
    )


def _crossing(value: Value = THREE, source: str = "b") -> Claim:
    return make_claim(
        source,
        "island_ferry_crossings",
        "time without sailings",
        value,
        subject="island ferry crossings",
        quote="It was the first of the island ferry crossings in more than three years",
    )


def test_the_only_two_spans_of_years_about_one_kind_of_thing_join() -> None:
    [slot] = align([_pause(), _crossing()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}


def test_the_span_is_read_from_the_unit_or_the_word_after_the_value() -> None:
    assert span_key(_pause()) == ("years", "3")
    assert span_key(make_claim("a", "strike", "length", make_value("number", "6", "6", unit="weeks"))) == ("weeks", "6")
    assert span_key(make_claim("a", "crew", "size", THREE, quote="a crew of three sailors")) is None


def test_spans_in_other_units_stay_apart() -> None:
    assert len(align([_pause(unit="months"), _crossing()])) == 2


def test_a_span_three_groups_give_pairs_no_one() -> None:
    third = make_claim(
        "c", "ferry_operator", "contract length", THREE, quote="The ferry operator won a contract of three years"
    )
    assert span_pairs(key_groups([_pause(), _crossing(), third])) == set()


def test_one_source_s_two_spans_are_no_pair() -> None:
    assert span_pairs(key_groups([_pause(), _crossing(source="a")])) == set()


def test_subjects_with_no_word_in_common_are_no_pair() -> None:
    other = make_claim(
        "b", "mayor", "time in office", THREE, subject="the mayor", quote="the mayor, in office for three years"
    )
    assert span_pairs(key_groups([_pause(), other])) == set()
