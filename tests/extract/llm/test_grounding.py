"""Quote grounding: spans come from the file text, never from the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.llm.grounding import find_quote, normalize
from factcheck.models import Span
from factcheck.sources.article import read_source

ARTICLE = (
    "Related coverage: Seoul and Tokyo agree to talks\n\n"
    "The dialogue was last held in March 2018,  a diplomatic\nsource said on Monday.\n\n"
    "\u201cWe will meet again,\u201d the minister\u2019s aide said \u2014 without a date.\n\n"
    "The dialogue was last held in March 2018, officials added.\n"
)


@pytest.fixture
def source(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_source(path)


def test_exact_quote_gets_its_span_in_the_original_text(source) -> None:
    quote = "The dialogue was last held in March 2018"
    span = find_quote(source, quote)
    assert span is not None and source.text[span.start : span.end] == quote
    assert span.start == ARTICLE.index(quote)


def test_whitespace_and_line_breaks_are_forgiven_and_the_span_keeps_them(source) -> None:
    span = find_quote(source, "a diplomatic source said on Monday.")
    assert span is not None
    assert source.text[span.start : span.end] == "a diplomatic\nsource said on Monday."


def test_straight_quotes_and_dashes_match_typographic_ones(source) -> None:
    span = find_quote(source, '"We will meet again," the minister\'s aide said - without a date.')
    assert span is not None
    assert (
        source.text[span.start : span.end]
        == "\u201cWe will meet again,\u201d the minister\u2019s aide said \u2014 without a date."
    )


def test_case_is_forgiven_only_as_a_last_resort(source) -> None:
    span = find_quote(source, "THE DIALOGUE WAS LAST HELD IN MARCH 2018, OFFICIALS ADDED")
    assert span is not None and source.text[span.start : span.end].endswith("officials added")


def test_surrounding_quote_marks_and_trailing_ellipsis_are_dropped(source) -> None:
    span = find_quote(source, "'a diplomatic source said on Monday...'")
    assert span is not None and source.text[span.start : span.end] == "a diplomatic\nsource said on Monday"


@pytest.mark.parametrize(
    "quote",
    [
        "The dialogue was last held in April 2018",  # paraphrase: a different fact
        "Seoul and Tokyo agree to talks",  # page furniture is not article text
        "March 2018",  # too short to ground anything
        "",
        "    ",
    ],
)
def test_quotes_not_in_the_body_are_not_grounded(source, quote: str) -> None:
    assert find_quote(source, quote) is None


def test_a_match_near_the_chunk_wins_over_an_earlier_one(source) -> None:
    quote = "The dialogue was last held in March 2018"
    second = ARTICLE.rindex(quote)
    span = find_quote(source, quote, near=Span(start=second - 5, end=len(ARTICLE)))
    assert span == Span(start=second, end=second + len(quote))


def test_normalize_maps_every_character_back_to_the_original() -> None:
    text = "A\u00a0 \u201cquoted\u201d\n\nword\u2014here"
    norm = normalize(text, offset=10)
    assert norm.text == 'A "quoted" word-here'
    for i, ch in enumerate(norm.text):
        original = text[norm.starts[i] - 10 : norm.ends[i] - 10]
        assert (ch == " " and not original.strip()) or original.translate(
            str.maketrans("\u201c\u201d\u2014", '""-')
        ) == ch


def test_casefold_that_changes_length_keeps_offsets() -> None:
    norm = normalize("\u0130stanbul", casefold=True)  # 'İ'.lower() is two code points
    assert norm.text.startswith("i\u0307")
    assert tuple(norm.starts[:2]) == (0, 0) and norm.starts[2] == 1


@pytest.mark.parametrize(
    ("in_file", "in_quote"),
    [
        (
            "The Alder Street bri\u200bdge reopened on March 4, 2024.",
            "The Alder Street bridge reopened on March 4, 2024.",
        ),
        (
            "The Alder Street bridge re\u00adopened on March 4, 2024.",
            "The Alder Street bridge reopened on March 4, 2024.",
        ),
        (
            "The Alder Street bridge reopened on March 4, 2024.",
            "The Alder\u2060 Street bri\u00addge reopened on March 4, 2024.",
        ),
    ],
)
def test_zero_width_characters_and_soft_hyphens_do_not_unground_a_faithful_quote(
    tmp_path: Path, in_file: str, in_quote: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"Headline here\n\n{in_file}\n\nAnother paragraph follows with more words in it.\n", encoding="utf-8"
    )
    src = read_source(path)
    span = find_quote(src, in_quote)
    assert span is not None and src.text[span.start : span.end] == in_file
