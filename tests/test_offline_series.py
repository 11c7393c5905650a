"""Offline extractor rules: phrasal status changes, ordinals of a series, multi-word names, appositives."""

from __future__ import annotations

from test_offline_general import _claims

from factcheck.extract.offline_text import np_before, tokenize


def _status(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(c.subject_key, c.value.normalized, c.time.start.isoformat() if c.time else "") for c in _claims(text, published) if c.attribute == "status"]


def test_phrasal_and_intransitive_status_changes() -> None:
    assert _status("The talks broke down on May 20.", "2024-06-01") == [("talks", "collapsed", "2024-05-20")]
    assert _status("The talks collapsed in May.", "2024-06-01") == [("talks", "collapsed", "2024-05-01")]
    assert _status("Talks on the deal stalled last week.", "2024-06-01") == [("talks", "suspended", "2024-05-20")]
    assert _status("The talks were called off on Monday.", "2024-06-01") == [("talks", "canceled", "2024-05-27")]
    assert _status("The talks broke down.", "2024-06-01") == []  # a past change with no date is not a status


def test_undated_after_clause_takes_the_main_clause_date() -> None:
    text = "The union asked for arbitration in September 2024, after consultations with London broke down."
    [(key, state, start)] = _status(text, "2025-05-02")
    assert (state, start) == ("collapsed", "2024-09-01")
    assert key.endswith("talks")  # the consultations, not London


def test_first_is_an_ordinal_only_before_a_series_noun() -> None:
    claims = _claims("The consultations were held in May. A second round is planned for June. Officials ended a first round of talks.", "2024-05-14")
    rounds = sorted((c.value.normalized, c.attribute) for c in claims if c.value.type.value == "ordinal")
    assert rounds == [("1", "round number"), ("2", "round number")]
    assert not [c for c in _claims("It was the first time the sides met, in his first term.", "2024-05-14") if c.value.type.value == "ordinal"]


def test_multi_word_names_keep_lower_case_joiners() -> None:
    tokens = tokenize("The Specialised Committee on Fisheries met")
    assert np_before(tokens, 5, 0) == (0, 4)
    tokens = tokenize("talks with Japan on Monday")
    assert np_before(tokens, 5, 0) == (4, 4)  # a weekday is not part of a name


def test_appositive_keeps_the_head_as_subject() -> None:
    text = "The Specialised Committee on Fisheries, the standing body set up under the trade accord, held its previous session in October 2023."
    dated = [c for c in _claims(text, "2024-05-08") if c.value.normalized == "2023-10"]
    assert [c.subject_key for c in dated] == ["specialised_committee_on_fisheries"]


def test_named_body_keys_its_own_meetings() -> None:
    first = _claims("The Specialised Committee on Fisheries, the treaty body in which the two sides discuss fishing, last met in Brussels in October 2023.", "2024-04-18")
    second = _claims("The Specialised Committee on Fisheries held its previous session in October 2023 in Brussels.", "2024-05-08")
    for claims in (first, second):
        assert ("specialised_committee_on_fisheries", "last held", "2023-10") in {(c.subject_key, c.attribute, c.value.normalized) for c in claims}


def test_of_inside_a_name_is_not_cut() -> None:
    assert {c.subject_key for c in _claims("The Bank of England raised rates on Monday.", "2025-05-02")} == {"bank_of_england"}


def test_nominalised_leaving_is_dated() -> None:
    claims = _claims("Trade has fallen since Britain's departure from the European Union at the end of January 2020.", "2024-05-14")
    assert ("united_kingdom", "left european union") in {(c.subject_key, c.attribute) for c in claims}


def test_verbless_in_force_since_is_a_dated_status() -> None:
    claims = _claims("The ban, in force since late March, covers the North Sea.", "2024-05-08")
    status = [c for c in claims if c.attribute == "status"]
    assert [(c.subject_key, c.value.normalized, c.time.start.isoformat()) for c in status if c.time] == [("ban", "in force", "2024-03-21")]


def test_the_date_of_saying_is_not_a_claim() -> None:
    claims = _claims("Denmark said on Monday it would give 200 million Danish crowns in aid to the fleet.", "2024-05-08")
    assert not [c for c in claims if c.attribute == "said"]
    assert [c.value.normalized for c in claims if c.value.type.value == "money"] == ["DKK 200000000"]
