"""The gap a model's text value tells by 'the first ... in N years' is also the thing's hiatus."""

from __future__ import annotations

from factcheck.extract.llm.gaps import gap_twin
from factcheck.testing import make_claim, make_value

QUOTE = "Japan and South Korea are arranging to hold their first working-level security talks in more than five years"


def _told(text: str, quote: str = QUOTE) -> object:
    claim = make_claim("a", "japan_and_south_korea", "arranging to hold", make_value("text", text), quote=quote)
    return gap_twin(claim)


def test_the_first_in_n_years_is_a_hiatus_of_the_thing() -> None:
    twin = _told("their first working-level security talks in more than five years")
    assert twin is not None
    assert (twin.subject_key, twin.attribute, twin.value.normalized, twin.value.qualifier) == (
        "working_level_security_talks",
        "hiatus",
        "5",
        "more_than",
    )


def test_a_value_with_no_such_gap_or_a_gap_the_quote_does_not_give_has_none() -> None:
    assert _told("their first working-level security talks") is None
    assert _told("their first talks in five years", quote="their first talks were held") is None
