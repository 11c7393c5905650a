"""Status and dated claims as twins: a model's dated change is also a status, its status with a time also the dated
change (extract/llm/status.py, docs/claims.md)."""

from __future__ import annotations

from datetime import date

from factcheck.extract.llm.status import dated_twin, place_twin, status_twin
from factcheck.models import Granularity, Modality, Period
from factcheck.testing import make_claim, make_source, make_value

YEAR = Period(start=date(2018, 1, 1), end=date(2018, 12, 31), granularity=Granularity.YEAR, text="2018")


def test_a_status_with_its_time_is_also_the_dated_change() -> None:
    """'talks · status: stalled' in 2018 is also 'talks · suspended: 2018'; a plan or a status with no time
    implies no date."""
    status = make_claim("a", "talks", "status", make_value("text", "stalled", "stalled"), quote="talks stalled in 2018")
    twin = dated_twin(status.model_copy(update={"time": YEAR}))
    assert twin is not None and (twin.attribute, twin.value.normalized) == ("suspended", "2018")
    assert dated_twin(status) is None
    assert dated_twin(status.model_copy(update={"time": YEAR, "modality": Modality.PLANNED})) is None


def test_a_dated_change_is_also_a_status_and_not_twinned_back() -> None:
    dated = make_claim("a", "talks", "suspended in", make_value("date", "2018", "2018"), quote="suspended in 2018")
    twin = status_twin(dated)
    assert twin is not None and (twin.attribute, twin.value.normalized) == ("status", "suspended")
    assert dated_twin(dated) is None


def test_an_act_given_as_a_status_with_its_time_is_also_the_dated_act() -> None:
    """'solution · status: announced', early March, is also 'solution · announced: early March'; a longer state
    ('considering resuming talks') is no act."""
    month = Period(start=date(2023, 3, 1), end=date(2023, 3, 10), granularity=Granularity.RANGE, text="early March")
    act = make_claim(
        "a", "solution", "status", make_value("text", "announced", "announced"), quote="announced a solution"
    )
    twin = dated_twin(act.model_copy(update={"time": month}))
    assert twin is not None and (twin.attribute, twin.value.text) == ("announced", "early March")
    both = make_value("text", "lifted and replaced by an alert", "lifted and replaced by an alert")
    twin = dated_twin(act.model_copy(update={"time": month, "value": both}))  # the act it opens with
    assert twin is not None and twin.attribute == "lifted"
    longer = make_value("text", "considering resuming talks", "considering resuming talks")
    assert dated_twin(act.model_copy(update={"time": month, "value": longer})) is None
    funding = make_value("text", "approved additional funding", "approved additional funding")
    twin = dated_twin(act.model_copy(update={"time": month, "value": funding}))  # what was approved, not any approval
    assert twin is not None and twin.attribute == "approved additional funding"


def test_the_dated_twin_quotes_its_time_as_the_sentence_writes_it() -> None:
    """The model quoted 'when the evacuation order was lifted' and gave the time 'Aug. 2' apart: the twin's quote
    reaches 'on Aug. 2' in the same sentence, never across a sentence."""
    from factcheck.models import Span

    text = "Residents were allowed back on Aug. 2, when the evacuation order was lifted. Aug. 9 was quiet."
    quote = "when the evacuation order was lifted"
    day = Period(start=date(2025, 8, 2), end=date(2025, 8, 2), granularity=Granularity.DAY, text="Aug. 2")
    status = make_claim("a", "order", "status", make_value("text", "lifted", "lifted"), quote=quote)
    at = text.index(quote)
    status = status.model_copy(update={"time": day, "span": Span(start=at, end=at + len(quote))})
    twin = dated_twin(status, make_source("a", body=text))
    assert twin is not None and twin.quote == "Aug. 2, when the evacuation order was lifted"
    assert text[twin.span.start : twin.span.end] == twin.quote
    later = status.model_copy(update={"time": day.model_copy(update={"text": "Aug. 9"})})
    far = dated_twin(later, make_source("a", body=text))
    assert far is not None and far.quote == quote  # 'Aug. 9' is in the next sentence


def test_where_an_act_was_done_with_its_time_is_also_the_acts_date() -> None:
    """'summit · held in: Tokyo', in March, is also 'summit · held: March'; a planned meeting's place dates the
    plan; a year is too long to date one act, and a place with no time dates nothing."""
    march = Period(start=date(2023, 3, 1), end=date(2023, 3, 31), granularity=Granularity.MONTH, text="March")
    held = make_claim("a", "summit", "held in", make_value("entity", "Tokyo", "tokyo"), quote="held in Tokyo in March")
    twin = place_twin(held.model_copy(update={"time": march}))
    assert twin is not None and (twin.attribute, twin.value.normalized, twin.time) == ("held", "2023-03", None)
    planned = held.model_copy(update={"attribute": "to meet in", "time": march, "modality": Modality.PLANNED})
    twin = place_twin(planned)
    assert twin is not None and (twin.attribute, twin.modality) == ("meet", Modality.PLANNED)
    assert place_twin(held.model_copy(update={"time": YEAR})) is None
    assert place_twin(held) is None
