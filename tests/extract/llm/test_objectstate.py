"""A change of state worded as an act done to a thing ('X · suspended = the ferry link') is a status of the thing."""

from __future__ import annotations

import pytest

from factcheck.classify.reconcile import reconcile
from factcheck.extract.llm.objectstate import act_state, named_thing, object_state
from factcheck.models import Claim, FindingKind, Modality, ValueType
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.keys import acronym_folds


@pytest.mark.parametrize(
    ("attribute", "state"),
    [
        ("suspended", "suspended"),
        ("had suspended", "suspended"),
        ("was suspended", None),  # a passive: the subject was changed
        ("recently suspended", "suspended"),  # a filler word
        ("has not suspended", None),  # a denial
        ("never restored", None),
        ("suspended indefinitely", None),  # more words than a verb group
        ("are reviewing", "being reviewed"),
        ("reconsidering", "being reconsidered"),
        ("has been working to restore", "being restored"),
        ("threatened to scrap", "cancellation threatened"),
        ("called off", "canceled"),
        ("fell through", "collapsed"),
        ("calls off", None),
        ("froze", "suspended"),
        ("restore", None),  # no change told yet
        ("will restore", None),
        ("suspended in", None),  # the value is when, not what
        ("suspended talks with", None),
        ("praised", None),  # no change of state
        ("hoped to restore", None),  # neither an effort nor an intention the lexicon knows
    ],
)
def test_the_state_an_act_leaves_its_object_in(attribute: str, state: str | None) -> None:
    assert act_state(attribute) == state


def test_the_thing_is_the_name_a_value_gives_it() -> None:
    assert named_thing("a lapsed water accord known as the Orsa Basin ORWA") == "the Orsa Basin ORWA"
    assert named_thing("the ferry link to Hallby") == "the ferry link to Hallby"
    assert named_thing("the pact called off by both") == "the pact called off by both"  # no name after it
    assert named_thing("to reopen the border crossing") is None  # a clause, not a thing
    assert named_thing(" ".join(["word"] * 13)) is None
    assert named_thing("flights") is None and named_thing("its licence") is None  # whose is not said
    assert named_thing("Flight 212") == "Flight 212" and named_thing("night flights") == "night flights"


def _act(source: str, subject: str, attribute: str, thing: str, quote: str, time: str | None = None) -> Claim:
    return make_claim(source, subject, attribute, make_value("text", thing), quote=quote, time=time)


def test_an_act_done_to_a_thing_becomes_the_things_status() -> None:
    claim = _act(
        "a",
        "port_authority",
        "suspended",
        "the ferry link to Hallby",
        "On May 3 the port authority suspended the ferry link to Hallby.",
        "2024-05-03",
    )
    twin = object_state(claim)
    assert twin is not None and twin.subject_key == "ferry_link_to_hallby" and twin.attribute == "status"
    assert twin.value.type == ValueType.TEXT and twin.value.normalized == "suspended" and twin.quote == claim.quote
    assert object_state(claim.model_copy(update={"modality": Modality.PLANNED})) is None  # a plan changes nothing yet
    assert object_state(_act("a", "mayor", "praised", "the ferry link", "The mayor praised it.", "2024-05-03")) is None
    assert object_state(claim.model_copy(update={"time": None})) is None  # undated: no place on a timeline
    reviewing = _act(
        "a", "port_authority", "is reviewing", "the ferry link", "The port authority is reviewing the ferry link."
    )
    assert (twin := object_state(reviewing)) is not None and twin.value.normalized == "being reviewed"
    dated = make_claim("a", "ferry_link", "suspended in", make_value("date", "2019", "2019"), quote="suspended in 2019")
    assert object_state(dated) is None  # a dated change has its own status claim (status.py)


def test_a_spelled_out_name_folds_into_the_qualified_acronym_it_spells() -> None:
    keys = {"orsa_basin_orwa", "orsa_river_water_accord", "ferry_link"}
    assert acronym_folds(keys) == {"orsa_river_water_accord": "orsa_basin_orwa"}
    assert acronym_folds(keys | {"orwa"}) == {"orsa_river_water_accord": "orwa"}  # the bare acronym first
    assert acronym_folds(keys | {"lower_basin_orwa"}) == {}  # two names end in it: which is meant is unknown


def test_a_thing_revisited_then_being_restored_is_an_update_across_its_two_names() -> None:
    sources = [make_source("a", "2017-06-01"), make_source("b", "2024-02-12")]
    revisited = _act(
        "a",
        "kell_and_varo",
        "revisiting",
        "a lapsed water-sharing accord known as the Orsa Basin ORWA",
        "Kell and Varo are revisiting a lapsed water-sharing accord known as the Orsa Basin ORWA.",
    )
    restoring = make_claim(
        "b",
        "varo",
        "working to restore",
        make_value("entity", "the Orsa River Water Accord", "orsa_river_water_accord"),
        quote="Varo has been working to restore the Orsa River Water Accord.",
    )
    claims = [revisited, restoring]
    claims += [twin.with_id() for c in claims if (twin := object_state(c)) is not None]
    updates = [f for f in reconcile(sources, claims) if f.kind == FindingKind.UPDATE]
    assert len(updates) == 1
    by_id = {c.id: c for c in claims}
    states = [by_id[cid].value.normalized for step in updates[0].timeline for cid in step.claim_ids]
    assert states == ["being revisited", "being restored"]
