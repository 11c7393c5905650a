"""Value comparison by type: dates at any granularity, durations, numbers, money, ordinals, names."""

from __future__ import annotations

import pytest

from factcheck.testing import make_value
from factcheck.values.typed import Verdict, compare, parse_period, unit_of

AGREE, DISAGREE, UNKNOWN = Verdict.AGREE, Verdict.DISAGREE, Verdict.UNKNOWN


def date(text: str, iso: str, qualifier: str | None = None):
    return make_value("date", text, iso, qualifier=qualifier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date("March 2018", "2018-03"), date("March 6, 2018", "2018-03-06"), AGREE),
        (date("March 2018", "2018-03"), date("in 2018", "2018"), AGREE),
        (date("March 2018", "2018-03"), date("March 2017", "2017-03"), DISAGREE),
        (date("March 6", "2023-03-06"), date("March 16", "2023-03-16"), DISAGREE),
        (date("early March", "2023-03", "early"), date("March 6", "2023-03-06"), AGREE),
        (date("early March", "2023-03"), date("March 6", "2023-03-06"), AGREE),
        (date("early March", "2023-03"), date("March 16", "2023-03-16"), DISAGREE),
        (date("late April", "2023-04"), date("April 25", "2023-04-25"), AGREE),
        (date("1910-1945", "1910/1945"), date("1910-1945", "1910/1945"), AGREE),
        (date("1910-1945", "1910/1945"), date("1905-1945", "1905/1945"), DISAGREE),
        (date("before 2020", "2020", "before"), date("March 2018", "2018-03"), AGREE),
        (date("after 2020", "2020", "after"), date("March 2018", "2018-03"), DISAGREE),
        (date("the week of 2023-W11", "2023-W11"), date("March 16, 2023", "2023-03-16"), AGREE),
    ],
)
def test_dates_agree_across_granularity(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected


def test_periods_parse_from_iso_forms():
    assert parse_period("2018-03").granularity == "month"
    assert (parse_period("1910/1945").start.year, parse_period("1910/1945").end.year) == (1910, 1945)
    assert parse_period("2023-Q2").start.month == 4
    assert parse_period("next month") is None
    assert parse_period("2023-02-30") is None


def years(text: str, n: float, qualifier: str | None = None, unit: str | None = "years"):
    return make_value("number", text, str(n), number=n, unit=unit, qualifier=qualifier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (years("more than five years", 5, "more_than"), years("a hiatus of five years", 5), AGREE),
        (years("five years", 5), years("six years", 6), DISAGREE),
        (years("more than five years", 5, "more_than"), years("four years", 4), DISAGREE),
        (years("nine years", 9), years("108 months", 108, unit="months"), AGREE),
        (years("six and a half years", 6.5), years("78 months", 78, unit="months"), AGREE),
        (years("about ten years", 10, "about"), years("nine years", 9), AGREE),
        (years("less than a year", 1, "less_than"), years("three years", 3), DISAGREE),
        (years("at least 3", 3, "at_least", unit=None), years("three years", 3), AGREE),
    ],
)
def test_durations(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected


def money(text: str, normalized: str, number: float | None = None):
    return make_value("money", text, normalized, number=number)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (money("4 billion won", "KRW 4000000000"), money("4.0 billion won", "KRW 4000000000"), AGREE),
        (money("4 billion won", "KRW 4000000000"), money("4.2 billion won", "KRW 4200000000"), AGREE),
        (money("4 billion won", "KRW 4000000000"), money("5 billion won", "KRW 5000000000"), DISAGREE),
        (money("$3 million", "USD 3000000"), money("4 billion won", "KRW 4000000000"), UNKNOWN),
        (money("$300 million", "USD 300000000"), money("$200 million", "USD 200000000"), DISAGREE),
        (money("$1,250", "USD 1250"), money("$1,260", "USD 1260"), DISAGREE),
    ],
)
def test_money_needs_the_same_currency_and_respects_rounding(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected


def test_numbers_and_ordinals():
    fifth = make_value("ordinal", "fifth", "5", number=5)
    seventh = make_value("ordinal", "seventh", "7")
    assert compare(fifth, seventh) == DISAGREE
    assert compare(fifth, make_value("number", "5", "5")) == AGREE
    assert (
        compare(make_value("ordinal", "third", "3", number=3), make_value("number", "36", "36", number=36)) == UNKNOWN
    )
    three = make_value("number", "three ballistic missiles", "3", number=3, unit="missiles")
    assert compare(three, make_value("number", "3 missiles", "3", unit="missile")) == AGREE
    assert compare(three, make_value("number", "three", "3", unit="launches")) == UNKNOWN
    assert compare(three, make_value("number", "four", "4", unit="missiles")) == DISAGREE


def test_counts_of_one_noun_named_more_fully_on_one_side_compare() -> None:
    sixty = make_value("number", "at least 60 government soldiers", "60", number=60, unit="government soldiers")
    sixty = sixty.model_copy(update={"qualifier": "at_least"})
    assert compare(sixty, make_value("number", "seven soldiers", "7", number=7, unit="soldiers")) == DISAGREE
    assert compare(sixty, make_value("number", "70 soldiers", "70", number=70, unit="soldiers")) == AGREE
    children = make_value("number", "three children", "3", number=3, unit="children")
    assert compare(children, make_value("number", "ten people", "10", number=10, unit="people")) == UNKNOWN


def test_nearly_an_amount_is_just_below_it() -> None:
    def meters(text: str, qualifier: str | None) -> object:
        return make_value("number", text, "3 m", number=3, unit="meters", qualifier=qualifier)

    almost = meters("almost three meters", "nearly")
    assert compare(almost, meters("more than three meters", "more_than")) == DISAGREE
    assert compare(almost, meters("three meters", None)) == AGREE
    assert compare(almost, meters("about three meters", "about")) == AGREE


def test_two_stated_maxima_compare_as_the_maxima_they_name() -> None:
    def up_to(text: str, n: float, qualifier: str = "at_most") -> object:
        return make_value("number", text, f"{n:g} m", number=n, unit="m", qualifier=qualifier)

    assert compare(up_to("up to 6.2 m", 6.2), up_to("up to 6.4 metres", 6.4)) == DISAGREE
    assert compare(up_to("up to 6.2 m", 6.2), up_to("up to 6.2 metres", 6.2)) == AGREE
    assert compare(up_to("up to 6.2 m", 6.2), make_value("number", "5 m", "5 m", number=5, unit="m")) == AGREE
    # a conversion in brackets carries the bound of the figure it converts: '(about 21 feet)' of 'up to 6.4 metres'
    converted = make_value("number", "about 21 feet", "6.4 m", number=21, unit="ft", qualifier="at_most")
    assert compare(up_to("up to 5 m", 5), converted) == DISAGREE
    # loose bounds allow any amount on their side: 'at most 6.2 m' / 'no more than 6.4 m' can both be true
    assert compare(up_to("at most 6.2 m", 6.2), up_to("no more than 6.4 m", 6.4)) == AGREE
    assert compare(up_to("more than 40", 40, "more_than"), up_to("more than 50", 50, "more_than")) == AGREE


def test_units_of_measure_compare_by_their_name_however_written() -> None:
    """'ft' and 'feet' are one unit, 'm' read as a metre and 'meters' another; other units stay as written."""
    assert unit_of(make_value("number", "50ft", "50", number=50, unit="ft")) == "foot"
    assert unit_of(make_value("number", "about 50 feet", "50", number=50, unit="feet")) == "foot"
    assert unit_of(make_value("number", "3.7m across", "3.7", number=3.7, unit="m")) == "meter"
    assert unit_of(make_value("number", "500 homes", "500", number=500, unit="homes")) == "home"
    fifty = make_value("number", "50ft across", "50", number=50, unit="ft")
    assert compare(fifty, make_value("number", "50 feet", "50", number=50, unit="feet")) == AGREE
    most = make_value("number", "up to 3.7m across", "3.7", number=3.7, unit="m", qualifier="at_most")
    assert compare(most, make_value("number", "3.8 meters", "3.8", number=3.8, unit="meters")) == DISAGREE
    assert compare(most, make_value("number", "3.5 metres", "3.5", number=3.5, unit="metres")) == AGREE


def entity(text: str, key: str, kind: str = "entity"):
    return make_value(kind, text, key)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (entity("Seoul", "seoul"), entity("Tokyo", "tokyo"), DISAGREE),
        (entity("Seoul", "seoul"), entity("Seoul, South Korea", "seoul_south_korea"), AGREE),
        (entity("Prime Minister", "prime_minister"), entity("Foreign Minister", "foreign_minister"), DISAGREE),
        (entity("Yoon Suk Yeol", "yoon_suk_yeol"), entity("President Yoon", "yoon"), AGREE),
        (entity("Android 11", "android_11"), entity("Android 10", "android_10"), DISAGREE),
        (entity("Hurricane Eta", "hurricane_eta"), entity("Hurricane Delta", "hurricane_delta"), DISAGREE),
        (entity("New York Cirty", "new_york_cirty"), entity("New York City", "new_york_city"), AGREE),
        (entity("canceled", "canceled", "text"), entity("revisited", "revisited", "text"), DISAGREE),
        # a pole of an opposed pair, a negation turning it over: 'not real' says what 'fake' says
        (entity("not real", "not real", "text"), entity("fake", "fake", "text"), AGREE),
        (entity("genuine", "genuine", "text"), entity("doctored", "doctored", "text"), DISAGREE),
        # one word of a description swapped for another is one thing described twice, unless the word is a number
        (
            entity("hamstring injury", "hamstring injury", "text"),
            entity("tweaking his hamstring", "x", "text"),
            UNKNOWN,
        ),
        (entity("version 10", "version 10", "text"), entity("version 11", "version 11", "text"), DISAGREE),
        (
            entity("working to normalize the pact", "normalize", "text"),
            entity("being normalised", "being_normalised", "text"),
            AGREE,
        ),
        (
            entity("a long description of the event and what came before it", "x", "text"),
            entity("an entirely different long account of other matters here", "y", "text"),
            UNKNOWN,
        ),
    ],
)
def test_names(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected


def test_different_value_families_are_undecided():
    assert compare(date("2018", "2018"), make_value("number", "2018", "2018")) == UNKNOWN


def test_a_vague_stretch_of_days_is_not_a_span_with_two_ends():
    early_march = date("early March", "2023-03-01/2023-03-10")
    assert compare(early_march, date("March 6", "2023-03-06")) == AGREE
    assert compare(early_march, date("the first week of March", "2023-03-01/2023-03-07")) == AGREE
    assert compare(early_march, date("late March", "2023-03-21/2023-03-31")) == DISAGREE
    assert compare(date("2019-2020", "2019/2020"), date("2019-2021", "2019/2021")) == DISAGREE


def test_names_agree_through_the_shared_alias_table():
    assert compare(entity("S. Korea", "s_korea"), entity("the Republic of Korea", "republic_of_korea")) == AGREE
    assert compare(entity("U.S.", "u_s"), entity("United States", "united_states")) == AGREE
    assert compare(entity("Pyongyang", "pyongyang"), entity("Seoul", "seoul")) == DISAGREE


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("Cambridge, Massachusetts", "cambridge_massachusetts"), ("Cambridge, Mass.", "cambridge_mass"), AGREE),
        (("Sacramento, California", "sacramento_california"), ("Sacramento, Calif.", "sacramento_calif"), AGREE),
        (("Portland, Oregon", "portland_oregon"), ("Portland, Maine", "portland_maine"), DISAGREE),
        (("Sitkum Ridge", "sitkum_ridge"), ("Sitkum Creek", "sitkum_creek"), DISAGREE),
    ],
)
def test_a_shortened_word_names_the_same_place(a: tuple[str, str], b: tuple[str, str], expected: Verdict) -> None:
    assert compare(make_value("entity", *a), make_value("entity", *b)) == expected


@pytest.mark.parametrize(
    ("text", "key"), [("Brussels", "brussels"), ("Seoul", "seoul"), ("the European Union", "european_union")]
)
def test_a_model_place_value_keeps_its_own_key(text: str, key: str) -> None:
    from factcheck.extract.llm.values import normalize_value

    assert normalize_value(text, "entity", None).normalized == key


@pytest.mark.parametrize(
    ("expression", "quote", "iso"),
    [
        ("July 12", "nearly four weeks after lightning ignited it on July 12", "2025-07-12"),
        ("July 29", "Highway 6 reopened to all traffic on July 29.", "2025-07-29"),
        ("July 29", "Highway 6 will reopen on July 29.", "2026-07-29"),
        ("September", "The talks are scheduled for September", "2025-09"),
    ],
)
def test_a_model_date_takes_the_tense_of_the_verb_before_it(expression: str, quote: str, iso: str) -> None:
    from datetime import date as day

    from factcheck.extract.llm.values import normalize_value

    assert normalize_value(expression, "date", day(2025, 8, 8), quote).normalized == iso


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("the incident commander", "director of provincial operations at the B.C. Wildfire Service", Verdict.DISAGREE),
        (
            "the authority's project director for the extension",
            "project director at the transit authority",
            Verdict.AGREE,
        ),
        ("security chief", "chief information security officer", Verdict.AGREE),
        ("deputy chief information security officer", "chief information security officer", Verdict.DISAGREE),
        ("the best available science", "to protect puffins", Verdict.UNKNOWN),
    ],
)
def test_roles_compare_by_the_office_they_name(a: str, b: str, verdict: Verdict) -> None:
    left, right = make_value("text", a, a.lower()), make_value("text", b, b.lower())
    assert compare(left, right) == verdict
    assert compare(right, left) == verdict


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (money("$350", "USD 350"), money("$349", "USD 349"), AGREE),  # a round figure and the price it rounds
        (money("$2,000", "USD 2000"), money("$1,999", "USD 1999"), AGREE),
        (money("$350", "USD 350"), money("$346", "USD 346"), DISAGREE),  # more than 1% apart
        (money("$1,250", "USD 1250"), money("$1,260", "USD 1260"), DISAGREE),  # two round figures: as written
        (
            make_value("number", "30 people", "30", number=30.0, unit="people"),
            make_value("number", "33 people", "33", number=33.0, unit="people"),
            DISAGREE,
        ),
    ],
)
def test_a_round_figure_agrees_with_the_precise_one_it_rounds(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected


def test_a_role_and_a_name_holding_it_are_not_one_value() -> None:
    """'President' / 'President Joe Biden' (a person): the title alone is shared; 'Seoul' / 'in Seoul' agree."""
    role = make_value("text", "President", "president")
    assert compare(role, make_value("entity", "President Joe Biden", "joe_biden")) == UNKNOWN
    assert compare(make_value("entity", "Seoul", "seoul"), make_value("text", "in Seoul", "in seoul")) == AGREE
    assert compare(role, make_value("text", "South Korean President", "south korean president")) == AGREE
