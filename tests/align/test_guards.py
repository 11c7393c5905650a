"""The guards of a join: a subject written as another's by a possessive is not that other."""

from __future__ import annotations

from factcheck.align.guards import same_names
from factcheck.align.slots import Group
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value
from factcheck.values.keys import attribute_form


def _group(n: int, key: str, subject: str, names: set[str]) -> Group:
    claim: Claim = make_claim("a", key, "age", make_value("number", "30", "30", number=30), subject=subject)
    return Group(n, key, "number", attribute_form("age"), [claim], names=frozenset(names))


def test_a_persons_partner_is_not_the_person() -> None:
    her = _group(0, "ting_su", "Ting Su", {"ting", "su"})
    his = _group(1, "ting_sus_partner", "Ting Su's partner", {"ting", "su"})
    assert not same_names(her, his)
    assert not same_names(his, her)


def test_a_name_within_a_longer_name_is_still_one_thing() -> None:
    short = _group(0, "larkspur", "Larkspur", {"larkspur"})
    full = _group(1, "larkspur_health_plan", "Larkspur Health Plan", {"larkspur", "health", "plan"})
    assert same_names(short, full)


def test_two_subjects_both_written_as_one_owners_are_not_owned_by_each_other() -> None:
    one = _group(0, "south_korea_solution", "South Korea's solution to the wartime labor issue", {"south", "korea"})
    two = _group(1, "south_korea_announcement", "South Korea's announcement of a solution", {"south", "korea"})
    assert same_names(one, two)


def test_a_part_written_as_its_wholes_is_not_kept_apart() -> None:
    whole = _group(0, "joint_monitoring_mission", "Joint Monitoring Mission", {"joint", "monitoring", "mission"})
    teams = _group(1, "mission_teams", "Joint Monitoring Mission's teams", {"joint", "monitoring", "mission"})
    assert same_names(whole, teams)


def test_a_proper_name_and_a_description_naming_only_its_parties_may_be_one_thing() -> None:
    named = _group(
        0, "security_policy_consultation", "Security Policy Consultation", {"security", "policy", "consultation"}
    )
    described = _group(
        1,
        "japan_south_korea_security_talks",
        "Japan-South Korea working-level security talks",
        {"japan", "south", "korea"},
    )
    assert same_names(named, described)
    assert same_names(described, named)


def test_a_country_is_no_description_of_a_named_thing() -> None:
    named = _group(
        0, "security_policy_consultation", "Security Policy Consultation", {"security", "policy", "consultation"}
    )
    country = _group(1, "north_korea", "North Korea", {"north", "korea"})
    assert not same_names(named, country)


def test_two_places_beside_each_other_stay_two_things() -> None:
    ridge = _group(0, "sitkum_ridge_fire", "Sitkum Ridge fire", {"sitkum", "ridge"})
    creek = _group(1, "sitkum_creek_fire", "Sitkum Creek fire", {"sitkum", "creek"})
    assert not same_names(ridge, creek)
