"""Status and dated claims as twins: a model's dated change is also a status, its status with a time also the dated
change (extract/llm/status.py, docs/claims.md)."""

from __future__ import annotations

from datetime import date

from factcheck.extract.llm.status import dated_twin, status_twin
from factcheck.models import Granularity, Modality, Period
from factcheck.testing import make_claim, make_value

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
