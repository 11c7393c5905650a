"""Two lengths in one unit of measure are not the story's only two counts of one named thing: a unit of length
measures anything (the counts of one named thing are tested in test_slots.py)."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.models import Claim
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


def _measure(source: str, subject: str, attribute: str, text: str, si: str, quote: str, **value: object) -> Claim:
    """A measure claim: its amount and unit as written ('68 mph'), its normal form in SI units ('30 m/s')."""
    amount, unit = text.split()
    made = make_value("number", text, si, number=float(amount), unit=unit, **value)
    return make_claim(source, subject, attribute, made, quote=quote)


def test_the_only_two_measures_of_one_dimension_of_one_subject_join() -> None:
    crab = "japan_spider_crab"
    quote = "the biggest crab in the world is the Japanese spider crab, which can grow up to 3.7 m across"
    size = _measure("a", crab, "maximum size", "3.7 m", "3.7 m", quote, qualifier="at_most")
    span = _measure("b", crab, "maximum leg span", "3.8 meters", "3.8 m", "its leg span can reach up to 3.8 meters")
    [slot] = align([size, span])  # one crab's one length, told two ways
    assert len(slot.claims) == 2
    weight = _measure("b", crab, "maximum weight", "12 kg", "12 kg", "The crab can weigh up to 12 kg")
    assert len(align([size, weight])) == 2  # a length and a weight


def test_the_only_two_measures_of_one_thing_named_more_fully_on_one_side_join() -> None:
    clocked_quote = "officers clocked his black Porsche 911 doing 68 mph"
    clocked = _measure("a", "brent_halloways_car", "clocked speed", "68 mph", "30 m/s", clocked_quote)
    radar_quote = "the officer's radar showed the actor's black Porsche travelling at 58 mph"
    radar = _measure("b", "halloways_car", "radar speed", "58 mph", "26 m/s", radar_quote)
    [slot] = align([clocked, radar])
    assert len(slot.claims) == 2


def test_one_subjects_count_named_more_fully_on_one_side_joins_among_other_counts() -> None:
    def count(source: str, subject: str, attribute: str, n: int, quote: str) -> Claim:
        return make_claim(source, subject, attribute, make_value("number", f"{n:,}", str(n), number=n), quote=quote)

    claims = [
        count("a", "ann_otieno", "seats", 41_200, "Otieno took 41,200 seats to Musa's 38,900, the party said"),
        count("a", "ben_musa", "seats", 38_900, "Otieno took 41,200 seats to Musa's 38,900, the party said"),
        count("b", "ben_musa", "seats allocated", 40_300, "Musa was allocated 40,300 seats by the board"),
        count("b", "ann_otieno", "seats allocated", 39_800, "while Otieno was allocated 39,800"),
    ]
    slots = align(claims)
    musa = next(s for s in slots if any(c.number == 40_300 for c in (x.value for x in s.claims)))
    assert sorted(c.value.number for c in musa.claims) == [38_900, 40_300]


def test_a_count_named_by_its_subject_meets_the_same_count_of_another_subject() -> None:
    def pct(source: str, subject: str, attribute: str, n: int, quote: str) -> Claim:
        value = make_value("number", f"{n} percent", str(n), number=n, unit="percent")
        return make_claim(source, subject, attribute, value, quote=quote)

    told = pct("a", "turnout", "percentage", 64, "Turnout reached 64 percent, the board said.")
    other = pct("b", "mayoral_election", "turnout", 59, "The mayoral election drew a turnout of 59 percent.")
    [slot] = align([told, other])
    assert slot.attribute == "turnout"


def _money(source: str, attribute: str, text: str, normalized: str, quote: str) -> Claim:
    amount = float(normalized.split()[1])
    made = make_value("money", text, normalized, number=amount, unit="EUR")
    return make_claim(source, "hallmann_automotive", attribute, made, subject="Hallmann Automotive", quote=quote)


def test_two_money_measures_of_one_company_stay_two_facts() -> None:
    sales = _money("a", "sales", "3.4 billion euros", "EUR 3400000000", "Hallmann had sales of 3.4 billion euros")
    profit = _money(
        "b",
        "operating profit",
        "210 million euros",
        "EUR 210000000",
        "Hallmann made an operating profit of 210 million euros",
    )
    turnover = _money(
        "c", "turnover", "3.5 billion euros", "EUR 3500000000", "Hallmann had a turnover of 3.5 billion euros"
    )
    slots = align([sales, profit, turnover])
    together = next(s for s in slots if any(c.source_id == "a" for c in s.claims))
    assert {c.source_id for c in together.claims} == {"a", "c"}  # sales and turnover: one measure in two words
