"""The shared lexicon: one loader, the same readings on both extractors, every unit known to pint."""

from __future__ import annotations

import pint
import pytest

from factcheck import lexicon
from factcheck.extract.llm.values import normalize_value
from factcheck.extract.offline.values import find_values


@pytest.mark.parametrize("phrase", sorted(lexicon.qualifiers()))
def test_every_qualifier_reads_the_same_on_both_extractors(phrase: str) -> None:
    kind = lexicon.qualifiers()[phrase]
    offline = [
        m.value.qualifier for m in find_values(f"The storm damaged {phrase} 500 homes.", None) if m.value.number == 500
    ]
    assert offline == [kind]
    assert normalize_value(f"{phrase} 500 homes", "number", None).qualifier == kind


def test_every_unit_converts_to_si_base_units() -> None:
    registry = pint.UnitRegistry()
    for written, unit in lexicon.table("units").items():
        assert registry.Quantity(1, unit).to_base_units().magnitude > 0, written


def test_named_lists_are_lower_case_and_an_unknown_name_fails() -> None:
    assert lexicon.qualifier_of("Above ") == "more_than"
    assert all(w == w.lower() for w in lexicon.words("person_nouns"))
    with pytest.raises(KeyError):
        lexicon.words("no_such_list")


def test_function_words_are_one_list_for_alignment_and_the_llm_quote_check() -> None:
    from factcheck.extract.llm import check
    from factcheck.values import text

    assert lexicon.words("function_words") == text.STOPWORDS
    assert text.content_tokens("the bridge over the river") == text.content_tokens("bridge river")
    value = normalize_value("Seoul", "entity", None)
    assert all(check.value_in_quote(value, f"Seoul {w}", "Talks resumed in Seoul.", None) for w in text.STOPWORDS)


def test_no_list_is_named_twice() -> None:
    """YAML keeps the last of two lists with one name, silently; the lexicon file must not rely on that."""
    import re

    from paths import ROOT

    names = re.findall(r"^([a-z_]+):", (ROOT / "factcheck" / "data" / "lexicon.yaml").read_text(encoding="utf-8"), re.M)
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_bare_words_that_yaml_1_1_reads_as_booleans_stay_words() -> None:
    assert "no" in lexicon.words("negations")  # 'no signs of foul play'
    assert "on" in lexicon.words("office_ends")  # 'director on the board'
    assert "true" not in lexicon.words("office_ends")
    listed = [w for name, value in lexicon._data().items() if isinstance(value, list) for w in value]
    assert not [w for w in listed if isinstance(w, bool)]


def test_the_lexicon_is_read_by_libyaml_where_built_and_reads_as_the_python_parser_reads_it() -> None:
    import yaml
    from paths import ROOT

    assert (
        issubclass(lexicon._loader(), yaml.CSafeLoader) == yaml.__with_libyaml__
    )  # the fast parser where there is one
    text = (ROOT / "factcheck" / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=lexicon._loader(native=False)) == lexicon._data()
    assert yaml.load("- no\n- on\n", Loader=lexicon._loader(native=False)) == ["no", "on"]
