"""The story's only few statements of one exact, specific value agree though worded far apart; a common or vague
value, or one set beside another value in conflict, is no such evidence."""

from __future__ import annotations

from factcheck.align.rare import exact_key, rare_value_pairs
from factcheck.align.slots import align, key_groups
from factcheck.models import Claim, Value
from factcheck.testing import make_claim, make_value

DAY = make_value("date", "14 March 2022", "2022-03-14")


def _broken(day: Value = DAY) -> Claim:
    return make_claim("a", "ground", "broken", day, quote="Ground was broken on 14 March 2022 beside the airport")


def _began(day: Value = DAY) -> Claim:
    return make_claim(
        "b", "construction", "began", day, quote="Construction began on March 14, 2022, after years of delay"
    )


def test_two_sources_alone_giving_one_day_in_other_words_agree() -> None:
    [slot] = align([_broken(), _began()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}


def test_a_month_or_a_small_count_is_not_exact_enough() -> None:
    assert exact_key(make_value("date", "March 2022", "2022-03")) is None
    assert exact_key(make_value("number", "three", "3")) is None
    assert exact_key(make_value("number", "about 120 sales staff", "120", unit="sale", qualifier="about")) == (
        "quantity",
        "120",
    )


def test_a_value_many_groups_give_pairs_no_one() -> None:
    claims = [
        make_claim(s, f"thing_{s}", f"act {s}", DAY, quote=f"Thing {s} happened on 14 March 2022") for s in "abcd"
    ]
    assert rare_value_pairs(key_groups(claims)) == set()


def test_one_source_s_two_groups_giving_the_value_are_no_pair() -> None:
    claims = [
        make_claim("a", "ground", "broken", DAY, quote="Ground was broken on 14 March 2022"),
        make_claim("a", "mayor", "spoke", DAY, quote="The mayor spoke on 14 March 2022"),
    ]
    assert rare_value_pairs(key_groups(claims)) == set()


def test_one_source_giving_the_value_twice_beside_another_source_pairs_across_sources_only() -> None:
    """'aiming for 100,000 apps' and '100,000 available apps' in one article, '100,000 apps' in another: the other
    article's group pairs with each; the one article's two groups make no pair, and three of one source none."""
    apps = make_value("number", "100,000 apps", "100000", number=100000, unit="apps")
    claims = [
        make_claim("a", "apple", "apps at launch", apps, quote="Apple might introduce 100,000 apps"),
        make_claim("b", "developers", "apps aiming", apps, quote="it's aiming for 100,000 apps"),
        make_claim("b", "store", "available apps", apps, quote="there will be 100,000 available apps"),
    ]
    groups = key_groups(claims)
    by_source = {g.index: {c.source_id for c in g.claims} for g in groups}
    pairs = rare_value_pairs(groups)
    assert len(pairs) == 2 and all(by_source[x] != by_source[y] for x, y in pairs)
    third = make_claim("b", "analyst", "apps", apps, quote="100,000 apps, the analyst said")
    assert rare_value_pairs(key_groups([*claims[1:], third])) == set()


def test_a_shared_day_beside_a_day_in_conflict_does_not_join() -> None:
    other = make_value("date", "20 March 2022", "2022-03-20")
    claims = [
        _broken(),
        _began(),
        make_claim("b", "construction", "began", other, quote="Construction began on 20 March"),
    ]
    assert len(align(claims)) == 2


UNIT = "the 3rd Battalion of the 12th Marine Regiment"


def _exercise() -> Claim:
    return make_claim(
        "a",
        "live_fire_exercise",
        "held with",
        make_value("entity", UNIT, "3rd_battalion_of_the_12th_marine_regiment"),
        quote=f"The live-fire exercise was held with {UNIT} near the coast",
    )


def _recall() -> Claim:
    unit = "the 3rd Battalion of the 12th Marines Regiment"
    return make_claim(
        "b",
        "recall_order",
        "unit affected",
        make_value("entity", unit, "3rd_battalion_of_the_12th_marines_regiment"),
        quote=f"Officers said the recall order affects {unit}, about 600 troops",
    )


def test_a_long_name_two_sources_alone_give_is_one_fact() -> None:
    [slot] = align([_exercise(), _recall()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}


def test_a_long_name_is_exact_by_its_words_and_a_short_one_is_not() -> None:
    long_key = exact_key(make_value("entity", UNIT, "x"))
    assert long_key is not None
    assert long_key == exact_key(make_value("entity", UNIT.replace("Marine", "Marines"), "y"))
    assert exact_key(make_value("entity", "Portland, Oregon", "portland_oregon")) is None
