"""One event named in several wordings by one article takes one subject."""

from __future__ import annotations

from factcheck.extract.llm.reference import one_event_per_source
from factcheck.models import Claim
from factcheck.testing import make_claim, make_value

TEXT = make_value("text", "restored", "restored")


def _claim(source: str, key: str, subject: str, attribute: str, start: int) -> Claim:
    return make_claim(source, key, attribute, TEXT, quote=f"{subject} {attribute}", start=start, subject=subject)


def test_one_article_names_one_event_in_several_wordings() -> None:
    channels = _claim(
        "a", "vice_ministerial_channels", "vice-ministerial diplomatic channels for dialogue", "status", 0
    )
    ministers = _claim("a", "vice_ministers_talks", "The vice ministers' meeting", "purpose", 100)
    summit = _claim("a", "kishida_yoon_talks", "Kishida-Yoon meeting", "date", 150)
    next_one = _claim("a", "next_vice_ministerial_talks", "next vice-ministerial meeting", "date", 200)
    out = one_event_per_source([channels, ministers, summit, next_one])
    assert out[1].subject_key == "vice_ministerial_channels"
    assert out[2].subject_key == "kishida_yoon_talks"  # shares no word of its own
    assert out[3].subject_key == "next_vice_ministerial_talks"  # the next meeting is another
