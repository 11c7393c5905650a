"""The tense of the verb a time expression hangs on, read from spaCy's parse."""

from __future__ import annotations

import pytest

from factcheck.extract.offline.parse import parse
from factcheck.extract.offline.verbtense import read_tense


def _tense(sentence: str, expression: str) -> tuple[bool, str | None]:
    at = sentence.index(expression)
    return read_tense(sentence, at, at + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("The council voted 7 to 4 on Wednesday.", "Wednesday", "past"),
        ("The plant had closed in June.", "June", "past"),
        ("The bridge was reopened on May 3.", "May 3", "past"),
        ("The bridge, opened in May, carries four lanes.", "May", "past"),
        ("The court will hear the case on Monday.", "Monday", "future"),
        ("The minister is set to visit Paris on Friday.", "Friday", "future"),
        ("The committee is meeting on Friday.", "Friday", "future"),
        ("Officials are going to inspect the site on Friday.", "Friday", "future"),
        ("The two leaders agreed to meet again on Friday.", "Friday", None),
        ("Prime minister meets union leaders on Friday", "Friday", None),
    ],
)
def test_tense_of_the_governing_verb(sentence: str, expression: str, tense: str | None) -> None:
    assert _tense(sentence, expression) == (True, tense)


def test_a_time_before_a_reported_clause_is_when_it_was_said() -> None:
    sentence = "The ministry said on Monday it will reopen the border on Friday."
    assert _tense(sentence, "Monday") == (True, "past")
    assert _tense(sentence, "Friday") == (True, "future")


def test_a_verbless_phrase_has_no_governing_verb() -> None:
    assert _tense("Friday, March 3", "March 3") == (False, None)


def test_a_clause_is_read_in_the_parse_of_its_sentence() -> None:
    sentence = "Police said the two men were detained on Friday."
    doc = parse(sentence)
    clause = sentence[17:]
    at = clause.index("Friday")
    assert read_tense(clause, at, at + len("Friday"), doc, 17) == (True, "past")
