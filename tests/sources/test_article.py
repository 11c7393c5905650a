"""Reading articles: page furniture, chunks and sentences, offsets, front matter."""

import itertools

import pytest
from paths import ROOT

from factcheck.errors import InputError
from factcheck.sources.article import chunk, line_col, read_source, split_body
from factcheck.sources.sentences import sentences

SEEDS = sorted(ROOT.joinpath("seeds").glob("*.txt"))


def text_of(source, span):
    return source.text[span.start : span.end]


def test_front_matter_is_metadata_and_offsets_refer_to_the_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Talks resume\nsource: Example Wire\npublished: 2023-03-15\nurl: https://example.org/a\n---\n"
        "Japan and South Korea will resume security talks next month, a source said.\n",
        encoding="utf-8",
    )
    src = read_source(path)
    assert (src.title, src.outlet, str(src.published), src.url) == (
        "Talks resume",
        "Example Wire",
        "2023-03-15",
        "https://example.org/a",
    )
    raw = path.read_text(encoding="utf-8")
    [body] = src.body
    assert raw[body.start : body.end].startswith("Japan and South Korea")
    assert "title:" not in text_of(src, body)


def test_sidecar_metadata_is_read_and_article_text_unchanged():
    src = read_source(SEEDS[4])
    assert src.outlet == "UPI" and str(src.published) == "2016-09-16"
    assert src.text == SEEDS[4].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "line", ["Advertisement", "Latest Headlines", "Related coverage:", "© Kyodo News", "By Elizabeth Shim"]
)
def test_page_furniture_is_never_body(line):
    src = next(read_source(p) for p in SEEDS if line in p.read_text(encoding="utf-8"))
    body_text = " ".join(text_of(src, s) for s in src.body)
    assert line not in body_text
    assert any(text_of(src, s) == line for s in src.furniture)


def test_repeated_photo_caption_is_furniture():
    src = read_source(SEEDS[4])
    caption = "Seoul and Tokyo are coordinating efforts more closely after North Korea conducted its fifth nuclear test last Friday. Photo by Yonhap/UPI"
    assert sum(text_of(src, s) == caption for s in src.furniture) == 2
    assert all(caption not in text_of(src, s) for s in src.body)


def test_a_repeated_signature_of_embedded_posts_is_body():
    """Two posts by one account on one day sign alike; each signature dates its post (suites/real1, body 549)."""
    signature = "\u2014 Crystal Hefner (@crystalhefner) December 29, 2014"
    caption = "The mansion on Sunday night, before the screening began. Photo by Sam Ortiz"
    post = f"{signature}\n\n{caption}\n\n"
    text = f"Movie night with the family.\n\n{post}A lie can run around the world.\n\n{post}"
    body, furniture = split_body(text)
    assert [text[s.start : s.end] for s in body].count(signature) == 2
    assert [text[s.start : s.end] for s in furniture].count(caption) == 2


def test_related_coverage_headlines_are_furniture():
    src = read_source(SEEDS[0])
    assert all("mutual visits" not in text_of(src, s) for s in src.body)


@pytest.mark.parametrize(
    ("first", "headline"),
    [("Kiara Vance and Jalen Brooks wed in Cabo", True), ("It's official: Kiara Vance is a married woman!", False)],
)
def test_a_short_first_line_is_the_headline_unless_it_ends_a_sentence(tmp_path, first, headline):
    path = tmp_path / "a.txt"
    path.write_text(f"{first}\n\nThe singer married on Saturday. About 60 guests attended.\n", encoding="utf-8")
    src = read_source(path)
    assert (src.title == first) is headline
    assert any(first in text_of(src, s) for s in src.body) is not headline


def test_sentences_are_exact_spans_of_the_body():
    for path in SEEDS:
        src = read_source(path)
        for span in sentences(src):
            piece = text_of(src, span)
            assert piece == piece.strip() and piece
            assert any(b.start <= span.start and span.end <= b.end for b in src.body)


def test_chunks_cover_every_sentence_with_overlap():
    src = read_source(SEEDS[1])
    chunks = chunk(src, max_chars=600, overlap=1)
    assert len(chunks) > 2
    for c in chunks:
        assert c.text == text_of(src, c.span)
    for a, b in itertools.pairwise(chunks):
        assert b.span.start < a.span.end  # one sentence shared
    covered = {
        (s.start, s.end) for s in sentences(src) if any(c.span.start <= s.start and s.end <= c.span.end for c in chunks)
    }
    assert covered == {(s.start, s.end) for s in sentences(src)}


def test_line_col():
    assert line_col("ab\ncd", 0) == (1, 1)
    assert line_col("ab\ncd", 4) == (2, 2)


def test_bad_front_matter_names_the_file(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nSome text here.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.md: front matter"):
        read_source(path)
