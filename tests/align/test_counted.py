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
