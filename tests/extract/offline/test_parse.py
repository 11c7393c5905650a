"""The parser is loaded once, lazily; without spaCy or its English pipeline the offline extractor says how to install it."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from factcheck.errors import ConfigError
from factcheck.extract.offline import parse as offline_parse


@pytest.fixture
def fresh_loader() -> Iterator[None]:
    offline_parse.nlp.cache_clear()
    yield
    offline_parse.nlp.cache_clear()


@pytest.mark.parametrize("missing", ["spacy", offline_parse.MODEL])
def test_a_missing_parser_is_a_one_line_error_naming_the_fix(
    monkeypatch: pytest.MonkeyPatch, fresh_loader: None, missing: str
) -> None:
    real = importlib.import_module

    def fake(name: str, *args: Any) -> Any:
        if name == missing:
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(offline_parse.importlib, "import_module", fake)
    with pytest.raises(ConfigError) as err:
        offline_parse.nlp()
    assert "requirements-model.txt" in str(err.value) and "\n" not in str(err.value)
    assert err.value.exit_code == 2


def test_the_pipeline_is_loaded_once() -> None:
    assert offline_parse.nlp() is offline_parse.nlp()


@pytest.mark.slow  # a real child process
def test_importing_the_extractor_does_not_import_spacy() -> None:
    code = "import sys, factcheck.extract.offline.extractor; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_a_sentence_parsed_before_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_parse.forget_parses()
    texts = ["The bridge reopened on 3 June 2024.", "It had been closed for a year."]
    first = offline_parse.parse_sentences(texts)
    asked: list[list[str]] = []
    real = offline_parse.nlp()
    monkeypatch.setattr(
        offline_parse, "nlp", lambda: type("Spy", (), {"pipe": lambda self, t: asked.append(list(t)) or real.pipe(t)})()
    )
    again = offline_parse.parse_sentences([*texts, "A new sentence."])
    assert asked == [["A new sentence."]]
    assert again[:2] == first and [t.text for t in again[2]] == ["A", "new", "sentence", "."]


def test_lemma_forms_hold_every_word_the_parser_reads_as_one_of_the_lemmas() -> None:
    lemmas = frozenset({"know", "identify", "unclear"})
    forms = offline_parse.lemma_forms(lemmas)
    sentences = [
        "Nobody knew who he was, and it is still not known.",
        "She knows it; knowing that, they identified him.",
        "Police have not identified the man and the cause remains Unclear.",
    ]
    read = {t.lower_ for doc in offline_parse.parse_sentences(sentences) for t in doc if t.lemma_.lower() in lemmas}
    assert forms is not None and read >= {"knew", "known", "knows", "knowing", "identified", "unclear"}
    assert read <= forms


def test_lemma_forms_cannot_tell_for_a_lemmatizer_of_another_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    lemmatizer = offline_parse.nlp().get_pipe("lemmatizer")
    monkeypatch.setattr(lemmatizer, "_mode", "lookup")
    offline_parse.lemma_forms.cache_clear()
    try:
        assert offline_parse.lemma_forms(frozenset({"know"})) is None
    finally:
        monkeypatch.undo()
        offline_parse.lemma_forms.cache_clear()
    assert offline_parse.lemma_forms(frozenset({"know"})) is not None


def test_a_short_text_parsed_before_is_not_parsed_again() -> None:
    text = "has not been identified"
    assert offline_parse.parse(text) is offline_parse.parse(text)
    assert [t.text for t in offline_parse.parse(text)] == ["has", "not", "been", "identified"]


def test_forget_parses_drops_short_text_parses_too() -> None:
    """A benchmark pass after forget_parses parses again: no parse of a short text is kept either."""
    first = offline_parse.parse("the bridge reopened")
    assert offline_parse.parse("the bridge reopened") is first
    offline_parse.forget_parses()
    assert offline_parse.parse("the bridge reopened") is not first
