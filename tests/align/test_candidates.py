"""Candidate pairs for alignment: groups that share a rare word."""

from __future__ import annotations

from factcheck.align.candidates import MAX_POSTING, sharing_pairs


def test_sharing_pairs_skips_a_word_too_many_give() -> None:
    """Ids sharing a word pair up, once per shared word; a word more than MAX_POSTING ids give proposes nothing."""
    words = {1: ["ferry", "harbour"], 2: ["harbour"], 3: ["bridge"]}
    assert sorted(sharing_pairs(words)) == [(1, 2)]
    common = {i: ["talks"] for i in range(MAX_POSTING + 1)}
    assert list(sharing_pairs(common)) == []
