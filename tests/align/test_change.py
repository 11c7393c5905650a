"""Values of one thing told at two times join as a change: classification can only read them as an update."""

from __future__ import annotations

from factcheck.align.change import one_thing, only_changes
from factcheck.align.slots import align
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value

SOURCES = [make_source("a", "2024-04-02"), make_source("b", "2024-09-10")]
BY_ID = {s.id: s for s in SOURCES}


def _money(source: str, subject: str, attribute: str, text: str, amount: float, quote: str):
    value = make_value("money", text, f"USD {amount:.0f}", number=amount, unit="USD")
    return make_claim(source, subject, attribute, value, quote=quote)


SO_FAR = _money(
    "a",
    "storm",
    "cost to the city so far",
    "$12 million",
    12e6,
    "Mayor Ruiz said the storm has cost the city $12 million so far.",
)
TOTAL = _money(
    "b",
    "storm",
    "total bill",
    "$20 million",
    20e6,
    "The council's annual accounts, published on Friday, put the storm's total bill at $20 million.",
)


def test_a_running_figure_and_a_later_total_of_one_thing_join_as_an_update():
    assert len(align([SO_FAR, TOTAL])) == 2  # without the sources' dates, values in conflict need close wording
    [slot] = align([SO_FAR, TOTAL], sources=BY_ID)
    assert len(slot.claims) == 2
    kinds = [f.kind for f in reconcile(SOURCES, [SO_FAR, TOTAL])]
    assert kinds == [FindingKind.UPDATE]


def test_no_change_is_read_on_one_day_between_two_things_or_without_dates():
    same_day = {"a": SOURCES[0], "b": make_source("b", "2024-04-02")}
    assert not only_changes([SO_FAR], [TOTAL], same_day)
    assert not only_changes([SO_FAR], [TOTAL], {"a": SOURCES[0], "b": make_source("b")})
    assert only_changes([SO_FAR], [TOTAL], BY_ID)
    assert one_thing("fire", "sitkum_ridge_fire") and not one_thing("posco", "gsomia")
    assert one_thing("kishida_and_yoon", "kishida_yoon_talks")  # stop words set aside
    assert one_thing("sitkum_ridge_fire", "sitkum_ridge_wildfire")  # a compound ending in the word names it
    assert not one_thing("sitkum_ridge_fire", "sitkum_ridge_firefighters")
    mill = make_claim(
        "a", "mill", "status", make_value("text", "established"), time="1968", quote="The mill was established in 1968."
    )
    pact = make_claim(
        "b", "pact", "status", make_value("text", "canceled"), time="2012", quote="The pact was canceled in 2012."
    )
    assert len(align([mill, pact], sources=BY_ID)) == 2


def test_an_amount_announced_then_reported_otherwise_is_no_change():
    pledge = _money(
        "a",
        "storm",
        "relief for the city",
        "$12 million",
        12e6,
        "The state said on Monday it would give $12 million in relief to the city.",
    ).model_copy(update={"time": make_value("date", "Monday", "2024-04-01").period, "modality": "planned"})
    report = _money("b", "storm", "relief", "$20 million", 20e6, "The city's $20 million relief fund opened.")
    sources = {"a": SOURCES[0], "b": make_source("b", "2024-04-09")}
    assert not only_changes([pledge], [report], sources)  # classification reads one decision told twice
    assert only_changes([pledge], [report], {"a": SOURCES[0], "b": make_source("b", "2024-08-09")})


def test_names_and_amounts_of_other_orders_are_no_change():
    price = _money("a", "pill", "list price", "$158,000", 158e3, "It will charge a list price of $158,000 a year.")
    sales = _money("b", "pill", "annual sales", "$1.1 billion", 1.1e9, "Analysts see annual sales of $1.1 billion.")
    assert not only_changes([price], [sales], BY_ID)  # a price and a sales forecast
    here = make_claim("a", "summit", "venue", make_value("entity", "Oslo", "oslo"), quote="The summit is in Oslo.")
    there = make_claim("b", "summit", "venue", make_value("entity", "Bergen", "bergen"), quote="It met in Bergen.")
    assert not only_changes([here], [there], BY_ID)  # two places: as often two meetings as one that moved
    opened = make_claim("a", "mine", "status", make_value("text", "open"), quote="The mine is open.")
    closed = make_claim("b", "mine", "status", make_value("text", "closed"), quote="The mine is closed.")
    assert only_changes([opened], [closed], BY_ID)


def test_measures_in_two_units_are_compared_in_their_si_form():
    def area(source: str, text: str, si: str, number: float, unit: str) -> Claim:
        value = make_value("number", text, si, number=number, unit=unit)
        return make_claim(source, "fire", "area burned", value, quote=f"The fire has burned {text}.")

    hectares = area("a", "21,000 hectares", "210000000 m**2", 21000, "hectares")
    acres = area("b", "95,000 acres", "384451000 m**2", 95000, "acres")  # 4.5 times the number, 1.8 times the area
    assert only_changes([hectares], [acres], BY_ID)


def _nth(source: str, word: str, rank: int) -> Claim:
    value = make_value("ordinal", word, str(rank), number=rank)
    return make_claim(source, "north_korea", "nuclear test", value, quote=f"its {word} nuclear test")


def test_a_place_in_a_series_and_a_count_are_not_one_figure_moving_on():
    seventh, fifth = _nth("b", "seventh", 7), _nth("a", "fifth", 5)
    three = make_claim(
        "a", "north_korea", "missiles launched", make_value("number", "three", "3", number=3), quote="three missiles"
    )
    assert only_changes([fifth], [seventh], BY_ID)
    assert not only_changes([three], [seventh], BY_ID)
