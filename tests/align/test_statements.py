"""What a claim says, in words, for alignment: another name of the key's thing reads as the key."""

from __future__ import annotations

from factcheck.align.guards import same_instance
from factcheck.align.statements import near_markers, proper_words, statement_texts
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value

SEVENTH = make_value("ordinal", "seventh", "7", number=7)


def test_another_name_of_the_keys_thing_reads_as_the_key() -> None:
    """'Pyongyang', keyed north_korea, reads and names as 'north korea'; a subject sharing a word with its key,
    a pronoun or a common noun keeps its own words."""
    quote = "amid fears about Pyongyang's possible seventh nuclear test"
    capital = make_claim("a", "north_korea", "possible nuclear test", SEVENTH, quote=quote, subject="Pyongyang")
    assert statement_texts(capital)[0] == "north korea possible nuclear test"
    assert proper_words(capital) == {"north", "korea"}
    named = make_claim(
        "a", "north_korea", "nuclear test", SEVENTH, quote="North Korea's seventh", subject="North Korea"
    )
    assert statement_texts(named)[0] == "North Korea nuclear test"
    common = make_claim(
        "a", "vice_ministerial_talks", "resumed", SEVENTH, quote="The dialogue resumed.", subject="The dialogue"
    )
    assert statement_texts(common)[0] == "The dialogue resumed"
    pronoun = make_claim("a", "lead_contractor", "hired", SEVENTH, quote="It hired 300 workers.", subject="It")
    assert statement_texts(pronoun)[0] == "It hired"


def test_what_a_thing_can_hold_or_needs_is_another_instance_than_what_it_holds() -> None:
    def count(attribute: str, quote: str, text: str, n: float) -> Claim:
        return make_claim("a", "ferry", attribute, make_value("number", text, str(n), number=n), quote=quote)

    licensed = count("licensed capacity", "The ferry was licensed to carry 250 passengers", "250 passengers", 250)
    carried = count("passengers carrying", "It was carrying 187 passengers and 14 crew", "187 passengers", 187)
    needed = count("votes", "well short of the 46 votes needed to remove him", "46 votes", 46)
    assert near_markers(licensed) == {"capacity"} and near_markers(needed) == {"required"}
    assert not same_instance(frozenset(near_markers(licensed)), frozenset(near_markers(carried)))
