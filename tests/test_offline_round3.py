"""Offline extractor, third round: cost sentences, pronoun subjects, places named by description, money text."""

from __future__ import annotations

import hashlib
from datetime import date

from factcheck.entities import AliasTable
from factcheck.extract.offline import _Reader
from factcheck.extract.offline_subjects import regions_in
from factcheck.models import Claim, Source, Span


def _claims(text: str) -> list[Claim]:
    source = Source(
        id="a", path="a.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), published=date(2025, 7, 20),
        text=text, body=[Span(start=0, end=len(text))],
    )
    return _Reader(source, AliasTable.from_texts([text])).read()


def _slots(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject_key, c.attribute, c.value.text) for c in _claims(text)}


def test_past_tense_cost_with_an_indirect_object_gives_a_claim() -> None:
    slots = _slots("The Marsh Lane fire grew. Fighting the fire cost Ontario C$91 million, officials said. The storm cost the city $12 million.")
    assert ("marsh_lane_fire", "cost amount", "C$91 million") in slots
    assert any(attr == "cost amount" and value == "$12 million" for _, attr, value in slots)


def test_present_perfect_cost_gets_the_same_attribute() -> None:
    slots = _slots("The Marsh Lane fire has cost the province about C$40 million so far.")
    assert ("marsh_lane_fire", "cost amount", "C$40 million") in slots


def test_sentence_initial_it_is_the_previous_sentence_subject() -> None:
    text = "The Marsh Lane blaze jumped a road near Leeds on Monday. It has burned 48,600 hectares."
    assert ("marsh_lane_fire", "area burned", "48,600 hectares") in _slots(text)


def test_a_fire_named_with_different_head_nouns_is_one_subject() -> None:
    text = "The Marsh Lane wildfire spread. The Marsh Lane fire has burned 900 hectares. The fire destroyed 12 homes."
    keys = {c.subject_key for c in _claims(text)}
    assert keys == {"marsh_lane_fire"}


def test_the_town_and_the_province_resolve_to_the_places_named() -> None:
    text = "Fire reached Dunmore Falls, Manitoba, on Monday. The town has 4,200 residents. The province has promised C$25 million in grants."
    slots = _slots(text)
    assert ("dunmore_falls", "number of residents", "4,200 residents") in slots
    assert any(key == "manitoba" and value == "C$25 million" for key, _, value in slots)


def test_regions_and_places_in_them_are_found_in_datelines() -> None:
    found = regions_in("KELOWNA, B.C. - A fire near the Cambridge, Mass., office.")
    assert (0, "Kelowna", "town") in found
    assert any(name == "British Columbia" and kind == "province" for _, name, kind in found)
    assert any(name == "Massachusetts" and kind == "state" for _, name, kind in found)


def test_a_demonym_before_fire_names_no_fire() -> None:
    text = "The Marsh Lane fire spread. It was a typical Canadian wildfire. The fire destroyed 12 homes."
    assert ("marsh_lane_fire", "homes destroyed", "12 homes") in _slots(text)


def test_money_text_drops_a_trailing_comma() -> None:
    texts = {c.value.text for c in _claims("Shares rose to $2, up from $1 a year ago. Shares fell to HK$2, the lowest since 2019.")}
    assert "$2" in texts and "HK$2" in texts
    assert not any(t.endswith(",") for t in texts)
