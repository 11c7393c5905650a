"""Time expressions: finding them, resolving relative ones, and the news tense rules."""

from __future__ import annotations

from datetime import date

import pytest
from paths import ROOT

from factcheck.extract.timeparse import find_times, iso, resolve_time, scan
from factcheck.models import Granularity
from factcheck.sources.article import read_source
from factcheck.sources.sentences import sentences

SEEDS = ROOT / "seeds"


@pytest.mark.parametrize(
    ("expression", "anchor", "expected", "granularity"),
    [
        ("next month", date(2023, 3, 27), "2023-04", Granularity.MONTH),
        ("last week", date(2023, 3, 15), "2023-W10", Granularity.WEEK),
        ("next year", date(2024, 5, 22), "2025", Granularity.YEAR),
        ("later this month", date(2024, 5, 22), "2024-05-23/2024-05-31", Granularity.RANGE),
        ("earlier this year", date(2024, 5, 22), "2024-01-01/2024-05-21", Granularity.RANGE),
        ("last Friday", date(2016, 9, 16), "2016-09-09", Granularity.DAY),
        ("next Monday", date(2016, 9, 16), "2016-09-19", Granularity.DAY),
        ("March 2018", None, "2018-03", Granularity.MONTH),
        ("June 1998", None, "1998-06", Granularity.MONTH),
        ("October 2014", None, "2014-10", Granularity.MONTH),
        ("1910-1945", None, "1910/1945", Granularity.RANGE),
        ("in 2019", None, "2019", Granularity.YEAR),
        ("Jan. 31, 2020", None, "2020-01-31", Granularity.DAY),
        ("2023-10-05", None, "2023-10-05", Granularity.DAY),
        ("3/15/2013", None, "2013-03-15", Granularity.DAY),  # figures: the only order that gives a date
        ("15/3/2013", None, "2013-03-15", Granularity.DAY),
        ("31/12/99", None, "1999-12-31", Granularity.DAY),  # two-digit year as POSIX strptime reads it
        ("1/12/14", None, "2014", Granularity.YEAR),  # 12 January or 1 December: only the year is certain
        ("12/12/2014", None, "2014-12-12", Granularity.DAY),
        ("the 1990s", None, "1990/1999", Granularity.RANGE),
        ("three years ago", date(2024, 2, 8), "2021", Granularity.YEAR),
        ("yesterday", date(2024, 2, 8), "2024-02-07", Granularity.DAY),
        ("the second quarter of 2015", None, "2015-04/2015-06", Granularity.RANGE),
        ("fourth-quarter 2019", None, "2019-10/2019-12", Granularity.RANGE),
        ("Q3 2021", None, "2021-07/2021-09", Granularity.RANGE),
        ("the first half of 2016", None, "2016-01/2016-06", Granularity.RANGE),
        ("the second half of this year", date(2024, 2, 8), "2024-07/2024-12", Granularity.RANGE),
        ("the last quarter of last year", date(2024, 2, 8), "2023-10/2023-12", Granularity.RANGE),
    ],
)
def test_resolve_time(expression: str, anchor: date | None, expected: str, granularity: Granularity) -> None:
    period = resolve_time(expression, anchor)
    assert period is not None
    assert iso(period) == expected
    assert period.granularity == granularity


def test_a_quarter_is_read_only_with_its_year() -> None:
    # a game's quarter has no year; a fiscal quarter is not the calendar's, so only its year is read
    assert scan("She scored twice in the first quarter.", date(2024, 2, 8)) == []
    assert [m.text for m in scan("profit in the final quarter of fiscal 2016", None)] == ["2016"]
    assert [m.kind for m in scan("the second half of this year", None)] == ["open"]


def test_early_and_late_month_are_ranges() -> None:
    early = resolve_time("in early March", date(2023, 3, 27))
    late = resolve_time("in late April", date(2023, 3, 27), tense="future")
    assert early is not None and (early.start, early.end) == (date(2023, 3, 1), date(2023, 3, 10))
    assert late is not None and (late.start, late.end) == (date(2023, 4, 21), date(2023, 4, 30))


def test_yearless_dates_follow_tense() -> None:
    anchor = date(2024, 5, 22)
    assert iso(resolve_time("in November", anchor, tense="past")) == "2023-11"
    assert iso(resolve_time("in November", anchor, tense="future")) == "2024-11"
    assert iso(resolve_time("March 16", date(2023, 3, 27), tense="past")) == "2023-03-16"
    assert iso(resolve_time("May", date(2023, 3, 27), tense="future")) == "2023-05"


def test_bare_weekday_follows_tense() -> None:
    anchor = date(2023, 3, 15)  # a Wednesday
    assert iso(resolve_time("Thursday", anchor, tense="future")) == "2023-03-16"
    assert iso(resolve_time("Thursday", anchor, tense="past")) == "2023-03-09"
    assert iso(resolve_time("Wednesday", anchor, tense="past")) == "2023-03-15"


def test_tense_is_read_from_the_sentence() -> None:
    anchor = date(2016, 9, 16)  # a Friday
    said = find_times("Seoul's foreign ministry said Friday that talks continue.", anchor)
    meet = find_times("Top diplomats are to meet in New York on Sunday to discuss it.", anchor)
    met = find_times("The ministers met in New York on Sunday.", anchor)
    assert [iso(p) for _, _, p in said] == ["2016-09-16"]
    assert [iso(p) for _, _, p in meet] == ["2016-09-18"]
    assert [iso(p) for _, _, p in met] == ["2016-09-11"]


def test_durations_are_found_with_qualifier() -> None:
    mentions = [m for m in scan("the first talks in more than five years", date(2023, 3, 27)) if m.kind == "duration"]
    assert len(mentions) == 1
    assert (mentions[0].amount, mentions[0].unit, mentions[0].qualifier) == (5, "years", "more_than")
    assert mentions[0].text == "more than five years"


def test_offsets_point_at_the_expression() -> None:
    text = "The dialogue, last held in March 2018, resumes next month."
    for start, end, period in find_times(text, date(2023, 3, 27)):
        assert text[start:end] == period.text


def test_modal_may_is_not_a_month() -> None:
    assert find_times("The officials may discuss it.", date(2023, 3, 27)) == []


def test_no_anchor_leaves_relative_dates_unresolved() -> None:
    assert resolve_time("next month", None) is None
    assert resolve_time("June 1998", None) is not None


# Every relative or year-less date in the seed bodies, as resolved from the publication date.
SEED_RELATIVE = {
    "000_11d138f2d985b4e7": [
        ("next month", "2023-04"),
        ("Monday", "2023-03-27"),
        ("March 16", "2023-03-16"),
        ("early March", "2023-03-01/2023-03-10"),
        ("late April", "2023-04-21/2023-04-30"),
        ("May", "2023-05"),
    ],
    "001_1b143cd9c3d20ba9": [
        ("Wednesday", "2023-03-15"),
        ("Thursday", "2023-03-16"),
        ("last week", "2023-W10"),
        ("March 6", "2023-03-06"),
    ],
    "002_dc2c8d9f40f8e6e0": [
        ("later this month", "2024-05-23/2024-05-31"),
        ("Wednesday", "2024-05-22"),
        ("Sunday", "2024-05-26"),
        ("November", "2023-11"),
        ("next year", "2025"),
        ("Wednesday", "2024-05-22"),
        ("earlier this year", "2024-01-01/2024-05-21"),
    ],
    "003_1a36a61a0772ff91": [
        ("Thursday", "2023-10-05"),
        ("March", "2023-03"),
        ("March", "2023-03"),
        ("Thursday", "2023-10-05"),
        ("April", "2023-04"),
    ],
    "004_a4b9b3a1275399fd": [
        ("Sept. 16", "2016-09-16"),
        ("Sunday", "2016-09-18"),
        ("Friday", "2016-09-16"),
        ("early September", "2016-09-01/2016-09-10"),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_RELATIVE))
def test_every_relative_date_in_the_seeds(seed: str) -> None:
    source = read_source(SEEDS / f"{seed}.txt")
    found = []
    for span in sentences(source):
        text = source.text[span.start : span.end]
        for m in scan(text, source.published):
            if (
                m.kind == "point"
                and m.period
                and (not any(ch.isdigit() for ch in m.text) or m.text in ("March 16", "March 6", "Sept. 16"))
            ):
                found.append((m.text, iso(m.period)))
    assert found == SEED_RELATIVE[seed]


def test_caption_last_friday_resolves() -> None:
    assert iso(resolve_time("last Friday", date(2016, 9, 16))) == "2016-09-09"


def test_figures_need_three_parts_and_a_real_date() -> None:
    """A fraction or a '24/7' is no date; an impossible day gives no day, and a slash date is not read as a year's."""
    assert [m.text for m in scan("Three of them, 3/4 of the group, work 24/7.", None)] == []
    assert [(m.text, iso(m.period)) for m in scan("The show aired on 3/15/2013 at noon.", None) if m.period] == [
        ("3/15/2013", "2013-03-15")
    ]


@pytest.mark.parametrize(
    "text", ["Saturday, April 6", "Saturday April 6, 2024", "on Saturday, April 6", "on April 6, a Saturday"]
)
def test_a_weekday_beside_its_calendar_day_is_that_day(text: str) -> None:
    period = resolve_time(text, date(2024, 4, 22))  # published on a Monday, two weeks after
    assert period is not None and period.start == date(2024, 4, 6)


def test_a_weekday_apart_from_a_calendar_day_keeps_its_own_week() -> None:
    found = find_times("The race was on April 6, in rain; on Sunday the winner flew home.", date(2024, 4, 22))
    assert [p.start for _, _, p in found] == [date(2024, 4, 6), date(2024, 4, 21)]
