"""Entity keys: titles, abbreviations, capitals, acronyms, descriptions and surnames."""

from __future__ import annotations

import pytest

from factcheck.extract.aliases import AliasTable
from factcheck.extract.entities import country_key, entity_key, event_key, place_key, split_title

SEED_LIKE = [
    "Japan and South Korea are arranging talks, a source said. President Yoon Suk Yeol will visit. "
    "Prime Minister Fumio Kishida and Yoon met in Tokyo. Kishida hosted.",
    "Seoul has been working to normalize the intelligence-sharing pact called the General Security of "
    "Military Information Agreement, which it threatened to terminate in 2019.",
    "Both countries are revisiting a canceled intelligence-sharing agreement known as the Japan-Korea GSOMIA.",
]


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable.from_texts(SEED_LIKE)


@pytest.mark.parametrize(
    "name", ["South Korea", "Seoul", "S. Korea", "Korea's government", "the South Korean government", "ROK"]
)
def test_south_korea_aliases(name: str) -> None:
    assert entity_key(name) == "south_korea"


@pytest.mark.parametrize("name", ["Japan", "Tokyo", "the Japanese government", "Japan's government"])
def test_japan_aliases(name: str) -> None:
    assert entity_key(name) == "japan"


@pytest.mark.parametrize(
    "name",
    [
        "GSOMIA",
        "General Security of Military Information Agreement",
        "the intelligence-sharing pact",
        "intelligence-sharing agreement",
        "the Japan-Korea GSOMIA",
    ],
)
def test_gsomia_aliases_are_learned(table: AliasTable, name: str) -> None:
    assert table.key(name) == "gsomia"


@pytest.mark.parametrize("name", ["Yoon", "Yoon Suk Yeol", "President Yoon", "South Korean President Yoon Suk Yeol"])
def test_yoon(table: AliasTable, name: str) -> None:
    assert table.key(name) == "yoon_suk_yeol"


@pytest.mark.parametrize(
    "name", ["Kishida", "Fumio Kishida", "Prime Minister Kishida", "Japanese Prime Minister Fumio Kishida"]
)
def test_kishida(table: AliasTable, name: str) -> None:
    assert table.key(name) == "fumio_kishida"


def test_the_mechanism_generalises_to_other_stories() -> None:
    text = (
        "The North Atlantic Treaty Organization (NATO) met in Vilnius. Outgoing Prime Minister Mark Rutte spoke. "
        "Rutte said the alliance would grow. Chancellor Olaf Scholz agreed, and Scholz left early."
    )
    table = AliasTable.from_texts([text])
    assert table.key("North Atlantic Treaty Organization") == table.key("NATO") == "north_atlantic_treaty_organization"
    learned = AliasTable.from_texts(["The Trans-Pacific Strategic Partnership (TPSP) was signed. TPSP members met."])
    assert learned.key("Trans-Pacific Strategic Partnership") == learned.key("TPSP") == "tpsp"
    assert table.key("Rutte") == "mark_rutte"
    assert table.key("Former Prime Minister Mark Rutte") == "mark_rutte"
    assert table.key("Scholz") == "olaf_scholz"
    assert entity_key("Berlin") == "germany"
    assert entity_key("Kyiv") == "ukraine"
    assert entity_key("U.S.") == entity_key("Washington") == entity_key("the United States") == "united_states"
    assert entity_key("N. Korea") == entity_key("Pyongyang") == "north_korea"


def test_a_first_name_folds_only_when_it_opens_one_person_s_name() -> None:
    table = AliasTable.from_texts(
        [
            "Nadia Petrov, who runs Ostrava Holdings, was seen at the Ostrava Tower. Petrov founded Ostrava. Nadia’s Facebook page"
        ]
    )
    assert table.key("Nadia") == table.key("Petrov") == "nadia_petrov"
    assert table.key("Ostrava") == "ostrava"  # opens two names read as people's: no one person


def test_acronym_letters_must_match() -> None:
    table = AliasTable.from_texts(["The Asian Development Bank (IMF) lent money."])
    assert table.key("Asian Development Bank") == "asian_development_bank"


def test_titles_are_stripped_but_not_from_organisations() -> None:
    assert split_title("Foreign Minister Yun Byung-se") == ("Foreign Minister", "Yun Byung-se")
    assert entity_key("General Motors") == "general_motors"
    assert entity_key("Bank of Japan") == "bank_of_japan"


def test_possessive_and_descriptor_forms() -> None:
    assert entity_key("Seoul's foreign ministry") == "south_korea_foreign_ministry"
    assert entity_key("the South Korean Foreign Ministry") == "south_korea_foreign_ministry"
    assert entity_key("South Korea's Supreme Court") == "south_korea_supreme_court"
    assert entity_key("South Korean steelmaker POSCO") == "posco"


def test_places_keep_cities() -> None:
    assert place_key("Seoul") == "seoul"
    assert place_key("the United States") == "united_states"
    assert place_key("New York") == "new_york"


def test_country_key_unknowns() -> None:
    assert country_key("Hiroshima") is None
    assert country_key("Japanese") == "japan"


def test_event_keys_fold_wording(table: AliasTable) -> None:
    pair = ["japan", "south_korea"]
    assert event_key("The first Japan-South Korea security gathering", [], table) == "japan_south_korea_security_talks"
    assert event_key("their first working-level security talks", pair, table) == "japan_south_korea_security_talks"
    assert event_key("a security dialogue", pair, table) == "japan_south_korea_security_talks"
    assert event_key("the next security meeting", pair, table) == "japan_south_korea_security_talks"
    assert event_key("the Kishida-Yoon meeting", [], table) == "fumio_kishida_yoon_suk_yeol_talks"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("British Columbia", "british_columbia"),
        ("B.C.", "british_columbia"),
        ("New South Wales", "new_south_wales"),
        ("New York City", "new_york_city"),
        ("the New York Times", "new_york_times"),
        ("New President Yoon Suk Yeol", "yoon_suk_yeol"),
        ("British Airways", "united_kingdom_airways"),
    ],
)
def test_place_names_are_not_read_as_demonym_or_title_plus_noun(name: str, key: str) -> None:
    assert entity_key(name) == key


def test_a_word_opening_a_clause_is_no_part_of_a_name() -> None:
    text = (
        "Officials said nothing. “If Moreau returned he would be arrested. When Clara Dunne spoke, "
        "the hall went quiet. But Tomas Vidal left early, and Since Tuesday the office has been shut."
    )
    table = AliasTable.from_texts([text])
    assert table.people == ["Clara Dunne", "Tomas Vidal"]
