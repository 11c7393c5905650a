"""A numbered instance happens at one time: a group told of a time years away from it, with no order word, is a
later instance and never joins it; near times, dates, groups without their own time or both sides numbered are
left to the other rules."""

from __future__ import annotations

from factcheck.align.instances import acts_apart, other_instance, other_year
from factcheck.align.slots import align
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value

LISBON = make_value("entity", "Lisbon", "lisbon")
FIRST = frozenset({"first"})
NONE: frozenset[str] = frozenset()


def _first_forum(time: str | None = "2001-05") -> Claim:
    return make_claim(
        "a",
        "regional_trade_forum",
        "first meeting place",
        LISBON,
        time=time,
        quote="The regional trade forum first met in Lisbon in May 2001",
    )


def _forum_now(time: str | None = "2024-09-13") -> Claim:
    return make_claim(
        "b",
        "regional_trade_forum",
        "meeting place",
        LISBON,
        time=time,
        quote="The regional trade forum meets in Lisbon on Friday",
    )


def test_the_first_meeting_and_one_told_decades_later_stay_apart() -> None:
    slots = align([_first_forum(), _forum_now()])
    assert len(slots) == 2


def test_a_meeting_told_within_a_year_of_the_first_may_still_be_it() -> None:
    assert not other_instance([_first_forum("2024-05")], [_forum_now()], FIRST, NONE)
    [slot] = align([_first_forum("2024-05"), _forum_now()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}


def test_far_times_part_a_numbered_side_from_an_unnumbered_one_only() -> None:
    assert other_instance([_first_forum()], [_forum_now()], FIRST, NONE)
    assert other_instance([_forum_now()], [_first_forum()], NONE, FIRST)
    assert not other_instance([_first_forum()], [_forum_now()], FIRST, FIRST)
    assert not other_instance([_first_forum()], [_forum_now()], NONE, NONE)


def test_a_side_without_its_own_time_decides_nothing() -> None:
    assert not other_instance([_first_forum()], [_forum_now(time=None)], FIRST, NONE)


def test_dates_are_left_to_the_rules_of_dated_acts() -> None:
    first = make_claim("a", "forum", "first meeting", make_value("date", "May 2001", "2001-05"), time="2001-05")
    later = make_claim(
        "b", "forum", "meeting", make_value("date", "13 September 2024", "2024-09-13"), time="2024-09-13"
    )
    assert not other_instance([first], [later], FIRST, NONE)


def _homes(source: str, subject: str, count: str, time: str | None, quote: str) -> Claim:
    return make_claim(source, subject, "homes destroyed", make_value("number", count, count), time=time, quote=quote)


def test_a_subject_dated_to_a_year_is_another_instance_than_one_told_years_later() -> None:
    then = _homes("a", "2017_sitkum_creek_fire", "21", None, "That fire destroyed 21 homes")
    now = _homes("b", "homes", "187", "2025-08-08", "187 homes were destroyed")
    assert other_year([then], [now]) and other_year([now], [then])
    assert len(align([then, now])) == 2
    same_year = _homes("b", "homes", "187", "2017-08-08", "187 homes were destroyed")
    assert not other_year([then], [same_year])  # told of that year: may be that fire
    assert not other_year([then], [_homes("b", "homes", "187", None, "187 homes were destroyed")])


def test_next_before_a_unit_of_time_opens_a_time_not_an_instance() -> None:
    from factcheck.align.statements import near_markers
    from factcheck.testing import make_claim, make_value

    def said(quote: str, text: str) -> set[str]:
        return near_markers(
            make_claim("a", "aid_package", "size", make_value("money", text, "DKK 300000000"), quote=quote)
        )

    assert said("payments from the 300 million crown aid package next month", "300 million crown") == set()
    assert said("the next 300 million crown aid package", "300 million crown") != set()


def test_two_acts_on_different_things_years_apart_are_two_acts() -> None:
    """'approved additional funding' (September 2024) and 'budget approved' (2021): beyond the shared verb each
    names another thing, years apart. Dates of one act worded apart ('first logged in' / 'entered the network'),
    or close together, are left to the other rules."""
    funding = make_claim(
        "a", "board", "approved additional funding", make_value("date", "September", "2024-09"), quote="In September"
    )
    budget = make_claim("b", "board", "budget approved", make_value("date", "2021", "2021"), quote="approved in 2021")
    assert acts_apart([funding], [budget])
    near = budget.model_copy(update={"value": make_value("date", "August 2024", "2024-08")})
    assert not acts_apart([funding], [near])
    logged = make_claim("a", "attackers", "first logged in", make_value("date", "Feb. 26", "2025-02-26"), quote="x")
    entered = make_claim("b", "attackers", "entered network", make_value("date", "2021", "2021"), quote="y")
    assert not acts_apart([logged], [entered])
