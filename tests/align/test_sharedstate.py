"""One state told alike of one thing under two names is one fact, even when an article also tells another state of
it; a state several things are in, one source, or values in other words pull nothing."""

from __future__ import annotations

from factcheck.align.sharedstate import shared_states
from factcheck.align.slots import align, key_groups
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _state(source: str, subject: str, state: str, quote: str) -> Claim:
    return make_claim(
        source,
        subject.lower().replace(" ", "_"),
        "status",
        make_value("text", state, state.lower()),
        subject=subject,
        quote=quote,
    )


CORRAN = ("a", "MV Corran", "berthed at the pier", "MV Corran was berthed at the pier when the storm broke")
FERRY = ("b", "the ferry", "berthed by the pier", "Gales hit the island while the ferry was berthed by the pier")
SAILED = ("b", "the ferry", "sailed for Oban", "By evening the ferry had sailed for Oban with forty cars")


def _story(third: str | None = None) -> list[Claim]:
    claims = [_state(*CORRAN), _state(*FERRY), _state(*SAILED)]
    if third:
        claims.append(_state("c", third, "berthed at the pier", f"Locals said {third} was berthed at the pier"))
    return claims


def _slot_sources(claims: list[Claim]) -> list[set[str]]:
    return [{c.source_id for c in slot.claims} for slot in align(claims)]


def test_one_state_of_one_thing_under_two_names_is_one_slot() -> None:
    slots = [{(c.source_id, c.value.text) for c in slot.claims} for slot in align(_story())]
    assert {("a", "berthed at the pier"), ("b", "berthed by the pier")} in slots
    assert {("b", "sailed for Oban")} in slots


def test_the_two_sources_agree_and_nothing_conflicts() -> None:
    sources = [make_source("a"), make_source("b")]
    findings = reconcile(sources, _story())
    kinds = {f.kind for f in findings if len(f.source_ids) == 2}
    assert kinds == {FindingKind.AGREEMENT}


def test_a_state_a_third_thing_is_in_pulls_nothing() -> None:
    assert shared_states(key_groups(_story("the tug"))) == {}


def test_one_source_or_another_attribute_pulls_nothing() -> None:
    one_source = [_state(*CORRAN), _state("a", *FERRY[1:])]
    assert shared_states(key_groups(one_source)) == {}
    other = make_claim("b", "the_ferry", "position", make_value("text", "berthed by the pier", "berthed by the pier"))
    assert shared_states(key_groups([_state(*CORRAN), other])) == {}


def test_states_in_other_words_pull_nothing() -> None:
    claims = [_state(*CORRAN), _state("b", "the ferry", "anchored off the pier", "the ferry anchored off the pier")]
    assert shared_states(key_groups(claims)) == {}
