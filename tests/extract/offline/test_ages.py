"""Ages read from the parse, on parses built by hand where the tagger's output varies."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.extract.offline.ages import ages
from factcheck.extract.offline.parse import nlp


def _doc(rows: list[tuple[str, str, int, str]]) -> Doc:
    """A parsed Doc from (word, part of speech, head index, dependency) rows."""
    words, pos, heads, deps = zip(*rows, strict=True)
    return Doc(nlp().vocab, words=list(words), pos=list(pos), heads=list(heads), deps=list(deps))


def test_headline_with_two_subjects_gives_the_age_to_the_one_nearest_the_verb() -> None:
    doc = _doc(
        [
            ("Exclusive", "NOUN", 5, "nsubj"),
            (":", "PUNCT", 0, "punct"),
            ("Novelist", "PROPN", 4, "compound"),
            ("Ann", "PROPN", 4, "compound"),
            ("Lee", "PROPN", 5, "nsubj"),
            ("Dies", "VERB", 5, "ROOT"),
            ("at", "ADP", 5, "prep"),
            ("Age", "PROPN", 6, "pobj"),
            ("of", "ADP", 7, "prep"),
            ("70", "NUM", 8, "pobj"),
        ]
    )
    found = ages(doc)
    assert [(m.name, m.value.normalized) for m in found] == [("Novelist Ann Lee", "70")]
