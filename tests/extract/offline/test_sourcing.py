"""Whom an article cites for its news, read apart from any extractor (the llm path's sourcing claims)."""

from __future__ import annotations

from factcheck.extract.offline.sourcing import SOURCING_EXTRACTOR, sourcing_claims
from factcheck.models import ONE_OF
from factcheck.testing import make_source

BODY = (
    "The ferry ran aground near Pellow Point, according to the Harwick Courier. "
    "Dana Reyes told Radio Pellow that nobody was hurt. "
    "She told the Courier the same. The crew was safe, according to police."
)


def test_sources_cited_are_claims_of_the_report_and_of_a_named_teller() -> None:
    source = make_source("a", body=BODY)
    found = {(c.subject_key, c.attribute, c.value.normalized) for c in sourcing_claims(source)}
    assert found == {("report", "reported by", "harwick_courier"), ("dana_reyes", "spoke to", "radio_pellow")}


def test_each_claim_is_grounded_labelled_and_one_of_several() -> None:
    source = make_source("a", body=BODY)
    for claim in sourcing_claims(source):
        assert source.text[claim.span.start : claim.span.end] == claim.quote
        assert claim.value.text in claim.quote
        assert claim.extractor == SOURCING_EXTRACTOR
        assert claim.value.qualifier == ONE_OF
