"""An undated article's open dates ('open: jan. 17', 'open: around september') compared by the month and day
they name: with each other, and with dated periods shorter than a year; an open weekday by the day of the week."""

from __future__ import annotations

import pytest

from factcheck.extract.timeparse import open_key
from factcheck.testing import make_value
from factcheck.values.opendates import month_and_day
from factcheck.values.typed import Verdict, compare

AGREE, DISAGREE, UNKNOWN = Verdict.AGREE, Verdict.DISAGREE, Verdict.UNKNOWN


def opened(text: str):
    return make_value("date", text, open_key(text))


def dated(text: str, iso: str):
    return make_value("date", text, iso)


def test_an_abbreviated_month_is_written_in_full():
    assert open_key("Jan. 17") == open_key("January 17th") == "open: january 17"
    assert open_key("Sept. 5") == "open: september 5"


@pytest.mark.parametrize(
    ("normalized", "reading"),
    [
        ("open: january 17", (1, 17)),
        ("open: 17 of january", (1, 17)),
        ("open: around september", (9, None)),
        ("open: by september", None),  # a bound, not the month itself
        ("open: friday", None),
        ("open: last month", None),
    ],
)
def test_the_month_and_day_an_open_date_names(normalized, reading):
    assert month_and_day(normalized) == reading


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (opened("Jan. 17"), opened("January 17"), AGREE),
        (opened("January 17"), opened("January 18"), DISAGREE),
        (opened("in August"), opened("August 3"), AGREE),
        (opened("in August"), opened("in July"), DISAGREE),
        (opened("around September"), dated("the second quarter of 2015", "2015-04/2015-06"), DISAGREE),
        (opened("December"), dated("December 2013", "2013-12"), AGREE),
        (opened("June"), dated("the second quarter of 2015", "2015-04/2015-06"), UNKNOWN),
        (opened("August"), dated("in 2014", "2014"), UNKNOWN),  # a whole year may hold another year's August
        (opened("on Friday"), opened("on Monday"), DISAGREE),  # one act's weekday, told two ways
        (opened("early Monday"), opened("Monday"), AGREE),
        (opened("Monday night"), opened("at dawn on Sunday"), DISAGREE),
        (opened("Monday"), dated("December 1, 2014", "2014-12-01"), AGREE),  # a Monday
        (opened("Monday"), dated("December 2, 2014", "2014-12-02"), DISAGREE),
        (opened("Monday"), dated("December 2014", "2014-12"), UNKNOWN),
        (opened("Monday"), opened("last month"), UNKNOWN),
    ],
)
def test_open_dates_compare_by_month_and_day(a, b, expected):
    assert compare(a, b) == expected
    assert compare(b, a) == expected
