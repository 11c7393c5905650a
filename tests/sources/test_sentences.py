"""Sentences of an article's body: one split per article, and a clock time's period is not a full stop."""

import pytest

from factcheck.sources import sentences as splitter_module
from factcheck.sources.article import read_source
from factcheck.sources.sentences import sentences


def text_of(source, span):
    return source.text[span.start : span.end]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "As of 11 p.m. PST, the story had 159,000 shares. It was gone by noon.",
            ["As of 11 p.m. PST, the story had 159,000 shares.", "It was gone by noon."],
        ),
        (
            "By 9:45 p.m. Sunday night, the post was shared. The site went down.",
            ["By 9:45 p.m. Sunday night, the post was shared.", "The site went down."],
        ),
        ("Polls close at 8 p.m. ET in most states.", ["Polls close at 8 p.m. ET in most states."]),
        # A clock time that ends a sentence still ends it.
        ("The talks began at 6 p.m. The police came later.", ["The talks began at 6 p.m.", "The police came later."]),
    ],
)
def test_a_clock_time_does_not_end_the_sentence_it_is_in(tmp_path, body, expected):
    path = tmp_path / "a.txt"
    path.write_text(body + "\n", encoding="utf-8")
    src = read_source(path)
    assert [text_of(src, s) for s in sentences(src)] == expected


def test_an_article_is_split_into_sentences_once_however_many_stages_ask(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(
        f"{tmp_path.name} said so. Dr. Lee agreed on Monday.\n\nThe talks resume in May.\n", encoding="utf-8"
    )
    src = read_source(path)
    splitter = splitter_module._segmenter()
    split = []
    real = splitter.segment
    monkeypatch.setattr(splitter, "segment", lambda text: split.append(text) or real(text))
    first = sentences(src)
    first.pop()  # a caller's copy: changing it changes nothing for the next caller
    again = sentences(src)
    assert [text_of(src, s) for s in again] == [
        f"{tmp_path.name} said so.",
        "Dr. Lee agreed on Monday.",
        "The talks resume in May.",
    ]
    assert len(split) == 2  # one split per paragraph, for the first caller only
