"""One thing named two ways by two sources, shown by a measure they give of it alike: its other measures of one
dimension are one fact told twice (align/measured.py)."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value


def _measure(source: str, subject: str, attribute: str, text: str, si: str, unit: str, quote: str) -> Claim:
    amount = float(text.split()[0])
    value = make_value("number", text, si, number=amount, unit=unit)
    return make_claim(source, subject, attribute, value, subject=subject.replace("_", " "), quote=quote)


def _fish(length_b: str, si_b: str, weight_b: str = "280 pounds", weight_si_b: str = "130 kg") -> list[Claim]:
    first = "Ferrari's fish measured an incredible 8.7 feet in length and weighed 280 pounds"
    return [
        _measure("a", "ferraris_fish", "weight", "280 pounds", "130 kg", "pounds", first),
        _measure("a", "ferraris_fish", "distance", "8.7 feet", "2.7 m", "feet", first),
        _measure(
            "b",
            "wels_catfish",
            "weight",
            weight_b,
            weight_si_b,
            "pounds",
            f"The wels catfish was put in a sling and weighed out at {weight_b}",
        ),
        _measure(
            "b",
            "massive_wels_catfish",
            "distance",
            length_b,
            si_b,
            "feet",
            "The Po River is known for massive "
            f"wels catfish, but anything bigger than 6.5 feet is extremely rare, and this one measured {length_b}",
        ),
    ]


def _slots_with_both(claims: list[Claim]) -> int:
    return sum(1 for s in align(claims) if len({c.source_id for c in s.claims}) == 2)


def test_a_weight_given_alike_joins_the_two_lengths_of_one_fish() -> None:
    assert _slots_with_both(_fish("8.8 feet", "2.7 m")) == 2  # the weight, and the length told apart


def test_lengths_of_different_orders_stay_apart() -> None:
    assert _slots_with_both(_fish("30 feet", "9.1 m")) == 1  # the weight alone


def _level(source: str, subject: str, attribute: str, text: str, si: str, quote: str) -> Claim:
    return _measure(source, subject, attribute, text, si, "meters", quote)


def test_each_sources_only_measure_of_one_thing_reached_is_one_fact() -> None:
    """'water levels · reached' and 'the level of water in the area · grew up to': one height, told apart."""
    claims = [
        _level("a", "water_levels", "reached", "3 meters", "3 m", "as water levels reached 3 meters"),
        _level(
            "b", "level_of_water_in_the_area", "grew up to", "4 meters", "4 m", "the level of water grew to 4 meters"
        ),
    ]
    assert _slots_with_both(claims) == 1


def test_measures_that_name_their_dimensions_apart_stay_apart() -> None:
    claims = [
        _level("a", "the_car", "length", "4 meters", "4 m", "the car is 4 meters long"),
        _level("b", "the_car", "width", "2 meters", "2 m", "the car is 2 meters wide"),
    ]
    assert _slots_with_both(claims) == 0


def test_a_source_with_two_measures_of_the_thing_joins_none() -> None:
    claims = [
        _level("a", "water_levels", "reached", "3 meters", "3 m", "water levels reached 3 meters"),
        _level("a", "water_level", "rose to", "2 meters", "2 m", "the water level rose to 2 meters upstream"),
        _level("b", "level_of_water", "grew to", "4 meters", "4 m", "the level of water grew to 4 meters"),
    ]
    assert _slots_with_both(claims) == 0
