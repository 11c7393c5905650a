"""General extraction rules of the offline extractor: year resolution, subjects, currencies, roles, metonymy."""

from __future__ import annotations

import hashlib
from datetime import date

from factcheck.entities import entity_key, place_key
from factcheck.extract.base import NullProgress
from factcheck.extract.offline import OfflineExtractor
from factcheck.extract.offline_values import find_values
from factcheck.models import Claim, Source, Span
from factcheck.timeparse import iso, scan


def _claims(text: str, published: str) -> list[Claim]:
    source = Source(
        id="a", path="a.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), published=date.fromisoformat(published),
        text=text, body=[Span(start=0, end=len(text))],
    )
    return OfflineExtractor().extract([source], NullProgress()).claims


def _dates(text: str, published: str) -> list[str]:
    return [iso(m.period) for m in scan(text, date.fromisoformat(published)) if m.period is not None]


def test_future_passive_takes_next_occurrence() -> None:
    assert _dates("The consultations are due to be held in London on May 7.", "2024-04-18") == ["2024-05-07"]
    assert _dates("The talks will be held on March 2.", "2024-04-18") == ["2025-03-02"]


def test_past_month_day_takes_latest_occurrence() -> None:
    assert _dates("The talks were held on May 9.", "2024-05-14") == ["2024-05-09"]
    assert _dates("The ministers met on December 3.", "2024-04-18") == ["2023-12-03"]


def test_yearless_months_take_the_year_the_sentence_names() -> None:
    text = "The two sides held three rounds of talks last year: the first in May and the second in July."
    assert _dates(text, "2025-05-02") == ["2024", "2024-05", "2024-07"]
    assert _dates("In 2019, the leaders met on March 5.", "2024-01-10") == ["2019", "2019-03-05"]


def test_month_after_for_is_a_date() -> None:
    assert _dates("A second round is planned for June.", "2024-05-14") == ["2024-06"]


def test_subject_is_never_a_time_expression() -> None:
    claims = _claims("Britain closed the fishery in English waters, including the bank, on March 26 to protect seabirds.", "2024-04-18")
    dated = [c for c in claims if c.value.normalized == "2024-03-26"]
    assert dated and dated[0].subject_key == "united_kingdom"
    claims = _claims("Denmark, whose boats fish there, said on Monday it would give 200 million Danish crowns in aid.", "2024-05-08")
    money = [c for c in claims if c.value.type.value == "money"]
    assert money and money[0].subject_key == "denmark"
    assert all(c.subject_key not in {"may", "monday", "march_26", "monday_it"} for c in claims)


def test_currency_names_codes_and_adjective_form() -> None:
    found = {m.value.normalized for m in find_values(
        "It gave 200 million Danish crowns, CHF 5 million, 3 million Australian dollars, 7 million SEK and 2 billion rupees.",
        date(2024, 1, 1),
    ) if m.kind == "money"}
    assert found == {"DKK 200000000", "CHF 5000000", "AUD 3000000", "SEK 7000000", "INR 2000000000"}
    adjective = [m.value.normalized for m in find_values("Copenhagen's 300 million crown aid package.", date(2024, 1, 1)) if m.kind == "money"]
    assert adjective == ["DKK 300000000"]
    assert not [m for m in find_values("The three crown princes met.", date(2024, 1, 1)) if m.kind == "money"]


def test_percent_with_approximation_after_present_verb() -> None:
    claims = _claims("Danish vessels account for roughly 90 percent of the catch.", "2024-04-18")
    pct = [c for c in claims if c.value.unit == "percent"]
    assert pct and pct[0].value.normalized == "90" and pct[0].value.qualifier == "about"


def test_roles_keep_their_portfolio() -> None:
    text = "Fisheries Minister Helen Marsh said the closure was needed. Helen Marsh, Britain's fisheries minister, said so again."
    roles = [c.value.normalized for c in _claims(text, "2024-04-18") if c.attribute == "role"]
    assert roles == ["fisheries minister", "fisheries minister"]
    assert entity_key("Environment Secretary Helen Marsh") == "helen_marsh"
    assert entity_key("Prime Minister Fumio Kishida") == "fumio_kishida"


def test_brussels_names_the_eu_as_actor_but_stays_a_place() -> None:
    assert entity_key("Brussels") == "european_union"
    assert place_key("Brussels") == "brussels"
    assert entity_key("Washington") == "united_states"
