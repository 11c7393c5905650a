"""One change of state dated by two sources in far wordings: through a 'when' clause, or after one gap."""

from __future__ import annotations

import pytest

from factcheck.align.slots import align, key_groups
from factcheck.align.statedates import attribute_state, dated_state, gap_pairs, state_pairs, when_act
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value
from factcheck.values.text import slug

CUT_QUOTE = "But the bridge project stalled when the city cut its funding in 2019 to pay for road repairs"
CUT = make_claim(
    "a",
    "city",
    "cut its funding",
    make_value("date", "2019", "2019"),
    time="2019",
    quote=CUT_QUOTE,
    subject="the city",
)
HALTED = make_claim(
    "b",
    "bridge_project",
    "halted in",
    make_value("date", "2019", "2019"),
    time="2019",
    quote="The bridge project was halted in 2019",
    subject="the bridge project",
)


def test_a_date_in_a_when_clause_dates_the_change_of_the_main_clause():
    read = when_act(CUT)
    assert read.id == CUT.id and read.quote == CUT.quote and read.value == CUT.value
    assert (read.subject, read.subject_key, read.attribute) == ("bridge project", "bridge_project", "suspended")
    assert dated_state(read) == ("suspended", None, True)
    assert dated_state(HALTED) == ("suspended", None, False)  # halted and stalled: one state


@pytest.mark.parametrize(
    "quote",
    [
        "But the bridge project did not stall when the city cut its funding in 2019",  # denied
        "The mayor resigned when the city cut its funding in 2019",  # no change of state of a thing
        "The bridge project stalled after the city cut its funding in 2019",  # not one moment
        "The city cut its funding in 2019 when the bridge project stalled",  # the date is the main clause's
    ],
)
def test_no_change_read_without_a_change_of_state_over_a_when_clause(quote: str):
    claim = CUT.model_copy(update={"quote": quote})
    assert when_act(claim) is claim


def test_states_read_from_attributes():
    assert attribute_state("restored in") == attribute_state("resumed") == "resumed"
    assert attribute_state("was suspended in") == "suspended"
    assert attribute_state("ordered") is None


def test_a_change_dated_through_a_when_clause_agrees_with_its_date_told_plainly():
    slots = align([CUT, HALTED])
    assert [sorted(c.id for c in s.claims) for s in slots] == [sorted([CUT.id, HALTED.id])]
    sources = [make_source("a", "2020-02-01"), make_source("b", "2021-06-01")]
    assert [f.kind for f in reconcile(sources, [CUT, HALTED])] == [FindingKind.AGREEMENT]


def _alone(claims: list[Claim]) -> bool:
    """Whether the claim of the 'when' clause stays in a slot of its own."""
    return any({c.id for c in slot.claims} == {CUT.id} for slot in align(claims))


def test_a_change_through_a_when_clause_stays_apart_from_another_date():
    later = HALTED.model_copy(update={"value": make_value("date", "2021", "2021"), "quote": "halted in 2021"})
    assert _alone([CUT, later])


def test_two_plain_dated_changes_are_left_to_their_wording():
    founded = HALTED.model_copy(update={"subject": "the ferry line", "subject_key": "ferry_line", "source_id": "a"})
    assert state_pairs(key_groups([founded.with_id(), HALTED])) == []  # no gap, no 'when' clause: no evidence
    groups = key_groups([when_act(CUT), HALTED])
    assert state_pairs(groups) == [(0, 1)]


def test_the_changes_of_two_things_in_one_year_are_not_one_fact():
    ferry = HALTED.model_copy(
        update={
            "subject": "The ferry service",
            "subject_key": "ferry_service",
            "quote": "The ferry service was halted in 2019",
        }
    )
    assert state_pairs(key_groups([when_act(CUT), ferry])) == []
    sources = [make_source("a", "2020-02-01"), make_source("b", "2021-06-01")]
    assert FindingKind.AGREEMENT not in [f.kind for f in reconcile(sources, [CUT, ferry])]


def _resumed(source: str, subject: str) -> Claim:
    quote = f"The {subject}, which was restored in May after a pause of five years"
    value = make_value("date", "May", "2022-05")
    return make_claim(source, slug(subject), "restored in", value, time="2022-05", quote=quote, subject=subject)


@pytest.mark.parametrize(
    ("left", "right", "paired"),
    [
        ("river ferry service", "ferry line", True),  # a content word in common: one thing
        ("trade talks", "economic dialogue", True),  # both name a meeting
        ("river ferry service", "night train", False),  # two resumptions after one gap in one month: two things
    ],
)
def test_resumptions_after_one_gap_pair_only_when_they_resume_one_thing(left: str, right: str, paired: bool):
    groups = key_groups([_resumed("a", left), _resumed("b", right)])
    assert (state_pairs(groups) == [(0, 1)]) is paired


def _gap(source: str, subject: str, attribute: str, text: str, amount: float, quote: str) -> Claim:
    value = make_value("number", text, str(int(amount)), number=amount, unit="years")
    return make_claim(source, subject, attribute, value, quote=quote)


def test_one_gap_told_in_both_quotes_is_one_fact_however_worded() -> None:
    """'their first security talks in more than five years' / 'restored after a hiatus of five years'."""
    first = _gap(
        "a",
        "japan_south_korea_working_level_security_talks",
        "time since last held",
        "more than five years",
        5,
        "Japan and South Korea are arranging to hold their first working-level security talks in more than five"
        " years next month in Tokyo, in a further sign of improving ties",
    )
    after = _gap(
        "b",
        "security_policy_talks",
        "hiatus",
        "five years",
        5,
        "the two countries also held the security policy talks, which was restored in April after a hiatus of five years",
    )
    assert len(gap_pairs(key_groups([first.with_id(), after.with_id()]))) == 1
    [slot] = align([first, after])
    assert len(slot.claims) == 2
    other = _gap("b", "river_festival", "hiatus", "five years", 5, "the festival returned after a hiatus of five years")
    assert gap_pairs(key_groups([first.with_id(), other.with_id()])) == []  # two things: no word of the subject alike
    third = _gap("c", "security_talks", "gap", "five years", 5, "the first security talks in five years")
    assert gap_pairs(key_groups([first.with_id(), after.with_id(), third.with_id()])) == []  # not the only two
