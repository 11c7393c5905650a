"""Candidate pairs for alignment: groups that share a rare word."""

from __future__ import annotations

from factcheck.align.candidates import MAX_POSTING, candidates, sharing_pairs
from factcheck.align.slots import key_groups
from factcheck.testing import make_claim, make_value


def test_sharing_pairs_skips_a_word_too_many_give() -> None:
    """Ids sharing a word pair up, once per shared word; a word more than MAX_POSTING ids give proposes nothing."""
    words = {1: ["ferry", "harbour"], 2: ["harbour"], 3: ["bridge"]}
    assert sorted(sharing_pairs(words)) == [(1, 2)]
    common = {i: ["talks"] for i in range(MAX_POSTING + 1)}
    assert list(sharing_pairs(common)) == []


def test_states_of_one_thing_are_candidates_however_common_their_words() -> None:
    """Two `status` groups whose subjects name one thing pair up even when no rare word joins them."""
    claims = [
        make_claim(
            "a",
            "talks",
            "status",
            make_value("text", "suspended"),
            time="2018",
            quote="The talks were suspended in 2018.",
        ),
        make_claim(
            "b",
            "security_policy_talks",
            "status",
            make_value("text", "restored"),
            time="2023-04",
            quote="The Security Policy talks were restored in April.",
        ),
        make_claim(
            "b", "ferry", "status", make_value("text", "halted"), time="2019", quote="The ferry was halted in 2019."
        ),
    ]
    claims += [  # 'talks' and 'status' given by too many groups to propose anything
        make_claim("c", f"bridge{i}", "status", make_value("text", "closed"), quote="The talks bridge was closed.")
        for i in range(MAX_POSTING)
    ]
    groups = key_groups(claims)
    index = {g.subject: g.index for g in groups}
    pairs = candidates(groups)
    assert (
        min(index["talks"], index["security_policy_talks"]),
        max(index["talks"], index["security_policy_talks"]),
    ) in pairs
    assert not any({index["ferry"], index["talks"]} == {a, b} for a, b in pairs)
