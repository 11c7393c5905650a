"""Subject hygiene of the offline extractor: noun phrases only, definite descriptions resolved."""

from __future__ import annotations

from factcheck.extract.aliases import AliasTable
from factcheck.extract.offline.extractor import _Reader
from factcheck.extract.offline.subjects import referents_for, regions_in, trim_subject
from factcheck.extract.offline.text import np_before, tokenize
from factcheck.models import ValueType
from factcheck.testing import make_source


def _trim(text: str) -> str | None:
    toks = tokenize(text)
    span = trim_subject(toks, (0, len(toks) - 1))
    return None if span is None else " ".join(t.text for t in toks[span[0] : span[1] + 1])


def test_numbers_and_number_fragments_are_never_subjects() -> None:
    assert _trim("000 Americans") == "Americans"
    assert _trim("About 30 Americans") == "Americans"
    assert _trim("29 more") is None
    assert _trim("158") is None
    assert _trim("Six percent of patients") == "patients"


def test_owner_of_a_quantity_is_the_subject() -> None:
    assert _trim("the panel's 11 members") == "the panel's"


def test_conjunctions_speech_verbs_and_adverbials_are_cut() -> None:
    assert _trim("and") is None
    assert _trim("The company says it") == "The company"
    assert _trim("as chief executive") is None
    assert _trim("a day") is None


def test_descriptions_resolve_to_the_name_the_article_introduces() -> None:
    text = (
        "Kestrel Robotics Inc said on Monday its tractor, a driverless machine called Harrow, passed a study "
        "known as FIELDWORK. The company said the machine would ship in May. The study ran for a year."
    )
    refs = referents_for(text, AliasTable.from_texts([text]))
    assert refs.resolve("the company", len(text)) == "kestrel_robotics_inc"
    assert refs.resolve("The study", len(text)) == "fieldwork"
    assert refs.resolve("the court", len(text)) == ""


def test_latest_suffixed_name_wins_when_no_apposition() -> None:
    text = "Alder Bank cut rates. Later, Birch Bank raised them. The bank said it would review."
    refs = referents_for(text, AliasTable.from_texts([text]))
    assert refs.resolve("the bank", text.index("The bank")) == "birch_bank"


def test_reader_keys_description_and_name_alike() -> None:
    text = (
        "Title\n\nOsprey Therapeutics, a biotech company, raised $40 million in March. "
        "The company said it had 52 employees. Osprey Therapeutics was founded in 2015."
    )
    source = make_source("a", "2024-05-01", body=text)
    claims = _Reader(source, AliasTable.from_texts([text])).read()
    keys = {c.subject_key for c in claims}
    assert "company" not in keys
    assert "osprey_therapeutics" in keys


def test_a_fire_named_with_different_head_nouns_is_one_subject() -> None:
    text = "The Marsh Lane wildfire spread. The Marsh Lane fire has burned 900 hectares. The fire destroyed 12 homes."
    source = make_source("a", "2025-07-20", body=text)
    claims = _Reader(source, AliasTable.from_texts([text])).read()
    keys = {c.subject_key for c in claims if c.value.type != ValueType.STANCE}  # a stance may be of what was done to
    assert keys == {"marsh_lane_fire"}


def test_regions_and_places_in_them_are_found_in_datelines() -> None:
    found = regions_in("KELOWNA, B.C. - A fire near the Cambridge, Mass., office.")
    assert (0, "Kelowna", "town") in found
    assert any(name == "British Columbia" and kind == "province" for _, name, kind in found)
    assert any(name == "Massachusetts" and kind == "state" for _, name, kind in found)


def test_multi_word_names_keep_lower_case_joiners() -> None:
    tokens = tokenize("The Specialised Committee on Fisheries met")
    assert np_before(tokens, 5, 0) == (0, 4)
    tokens = tokenize("talks with Japan on Monday")
    assert np_before(tokens, 5, 0) == (4, 4)  # a weekday is not part of a name
