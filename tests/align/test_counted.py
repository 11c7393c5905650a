"""Two lengths in one unit of measure are not the story's only two counts of one named thing: a unit of length
measures anything (the counts of one named thing are tested in test_slots.py)."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.testing import make_claim, make_value


def test_two_widths_in_inches_of_different_things_stay_apart() -> None:
    species = make_claim(
        "a",
        "edible_crab",
        "distance found",
        make_value("number", "up to 5 inches", "0.13 m", number=5, unit="inches", qualifier="at_most"),
        subject="edible crab",
        quote="edible crab, commonly found in British waters and growing up to 5 inches in width",
    )
    this_one = make_claim(
        "b",
        "feet",
        "distance",
        make_value("number", "about 10 inches", "0.25 m", number=10, unit="inches", qualifier="about"),
        subject="50 feet",
        quote="50 feet but measures just about 10 inches and weighs just around six pounds",
    )
    assert len(align([species, this_one])) == 2


def test_the_only_two_measures_of_one_dimension_of_one_subject_join() -> None:
    size = make_claim(
        "a",
        "japan_spider_crab",
        "maximum size",
        make_value("number", "3.7m", "3.7 m", number=3.7, unit="m", qualifier="at_most"),
        quote="the biggest crab in the world is the Japanese spider crab, which can grow up to 3.7m across",
    )
    span = make_claim(
        "b",
        "japan_spider_crab",
        "maximum leg span",
        make_value("number", "3.8 meters", "3.8 m", number=3.8, unit="meters"),
        quote="its leg span can reach up to 3.8 meters",
    )
    [slot] = align([size, span])  # one crab's one length, told two ways
    assert len(slot.claims) == 2
    weight = make_claim(
        "b", "japan_spider_crab", "maximum weight", make_value("number", "12 kilograms", "12 kg", number=12, unit="kg")
    )
    assert len(align([size, weight])) == 2  # a length and a weight


def test_the_only_two_measures_of_one_thing_named_more_fully_on_one_side_join() -> None:
    clocked = make_claim(
        "a",
        "brent_halloways_car",
        "clocked speed",
        make_value("number", "68 mph", "30 m/s", number=68, unit="mph"),
        quote="officers clocked his black Porsche 911 doing 68 mph",
    )
    radar = make_claim(
        "b",
        "halloways_car",
        "radar speed",
        make_value("number", "58 mph", "26 m/s", number=58, unit="mph"),
        quote="the officer's radar showed the actor's black Porsche travelling at 58 mph",
    )
    [slot] = align([clocked, radar])
    assert len(slot.claims) == 2
