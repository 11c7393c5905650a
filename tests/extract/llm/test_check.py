"""A model's value must be in its quote: a real quote with a false value is discarded and counted."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract.llm.check import value_in_quote
from factcheck.extract.llm.values import normalize_value

ANCHOR = date(2023, 3, 27)
CASES = [
    ("The first meeting was held in Seoul in June 1998.", "Seoul", "entity", True),
    ("The first meeting was held in Seoul in June 1998.", "Tokyo", "entity", False),
    ("The first meeting was held in Seoul in June 1998.", "June 1998", "date", True),
    ("The first meeting was held in Seoul in June 1998.", "June 1999", "date", False),
    ("The first meeting was held in Seoul in June 1998.", "1998-06", "date", True),
    ("Birch County hired 14 new teachers for the year.", "fourteen", "number", True),
    ("Birch County hired fourteen new teachers for the year.", "14", "number", True),
    ("Birch County hired 14 new teachers for the year.", "15", "number", False),
    ("The repairs cost $2 million, the city said.", "$2 million", "money", True),
    ("The repairs cost $2 million, the city said.", "2,000,000 dollars", "money", True),
    ("The repairs cost $2 million, the city said.", "$3 million", "money", False),
    ("The bridge reopened on March 4, 2024, after repairs.", "2024-03-04", "date", True),
    ("The bridge reopened on March 4, 2024, after repairs.", "2023-03-04", "date", False),
    ("The talks will resume next month, a source said.", "April 2023", "date", True),
    ("The talks will resume next month, a source said.", "May 2023", "date", False),
    ("Dogwood Park will host the festival for the seventh time.", "7", "ordinal", True),
    ("Dogwood Park will host the festival for the seventh time.", "8th", "ordinal", False),
    ("Japanese officials said the talks would go ahead.", "Japan", "entity", True),
    ("Perón's party won the vote, officials said.", "Peron", "entity", True),
    # function words (the lexicon's function_words) prove nothing, present or missing
    ("Officials met in Seoul in June.", "Seoul, where officials met", "entity", True),
    ("Officials met in Seoul in June.", "Tokyo, where officials met", "entity", False),
    # a denial given in other words: 'not' for 'nor' or "didn't"; but never a denial the quote does not make
    ("Nor was the mayor seen at the ceremony that week.", "not seen at the ceremony", "text", True),
    ("The mayor didn't attend the ceremony.", "not attend the ceremony", "text", True),
    ("The mayor attended the ceremony.", "not attend the ceremony", "text", False),
]


@pytest.mark.parametrize(("quote", "value", "kind", "held"), CASES)
def test_value_in_quote(quote: str, value: str, kind: str, held: bool) -> None:
    assert value_in_quote(normalize_value(value, kind, ANCHOR), value, quote, ANCHOR) is held
