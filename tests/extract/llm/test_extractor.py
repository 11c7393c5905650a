"""The model client's failure paths and the llm extractor's post-processing, without a network.

HTTP answers here come from an in-process stub transport (httpx2.MockTransport) that plays a
misbehaving server; they test how failures surface, never what a model says.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx2
import pytest

from factcheck.config import Settings
from factcheck.extract.llm.cache import Cache
from factcheck.extract.llm.client import LLM, RequestFailed, public_url, redact
from factcheck.extract.llm.doctor import doctor
from factcheck.extract.llm.extractor import ExtractedClaim, ExtractedClaims, dedupe, to_claim
from factcheck.models import Granularity, PromptInfo, Source, Span
from factcheck.sources.article import read_source

KEY = "sk-" + "unit-QWERTYUIOPASDFGHJKL1234"  # fake
PROMPT = PromptInfo(id="extract_claims", version="1", sha256="0" * 64)
MESSAGES = [{"role": "system", "content": "Extract claims."}, {"role": "user", "content": "An article."}]
Handler = Callable[[httpx2.Request], httpx2.Response]


def settings(tmp_path: Path, **over: Any) -> Settings:
    base = {
        "base_url": "http://127.0.0.1:9/v1",
        "api_key": KEY,
        "model": "m",
        "server": "openai",
        "max_retries": 0,
        "validation_retries": 1,
        "cache_path": str(tmp_path / "cache" / "c.sqlite3"),
    }
    return Settings(**{**base, **over})


def completion(arguments: str, name: str = "ExtractedClaims") -> dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
    return {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": None, "tool_calls": [call]},
            }
        ],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


def run(s: Settings, handler: Handler, cache: bool = False) -> tuple[LLM, ExtractedClaims | RequestFailed]:
    llm = LLM(s, Cache(Path(s.cache_path or ""), enabled=cache), transport=httpx2.MockTransport(handler))

    async def go() -> ExtractedClaims | RequestFailed:
        try:
            return await llm.structured(MESSAGES, ExtractedClaims, PROMPT)
        except RequestFailed as exc:
            return exc
        finally:
            await llm.aclose()

    return llm, asyncio.run(go())


def test_valid_answer_counts_tokens_and_is_cached(tmp_path: Path) -> None:
    s = settings(tmp_path)
    llm, out = run(s, lambda r: httpx2.Response(200, json=completion('{"claims": []}')), cache=True)
    assert isinstance(out, ExtractedClaims)
    assert (llm.usage.requests, llm.usage.prompt_tokens, llm.usage.completion_tokens) == (1, 11, 7)
    again, out2 = run(s, lambda r: httpx2.Response(500), cache=True)
    assert isinstance(out2, ExtractedClaims) and out2.model_dump() == out.model_dump()
    assert (again.usage.requests, again.usage.cached) == (0, 1)


def test_the_key_is_sent_as_a_header_only(tmp_path: Path) -> None:
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=completion('{"claims": []}'))

    run(settings(tmp_path), handler)
    assert seen[0].headers["authorization"] == f"Bearer {KEY}" and KEY not in seen[0].content.decode()


@pytest.mark.parametrize(
    ("status", "kind", "fatal", "words"),
    [
        (401, "auth", True, "refused the API key"),
        (403, "auth", True, "refused the API key"),
        (404, "not_found", True, "not found"),
        (429, "http_429", False, "HTTP 429"),
        (500, "http_500", False, "HTTP 500"),
        (400, "http_400", False, "HTTP 400"),
    ],
)
def test_http_errors_become_one_line(tmp_path: Path, status: int, kind: str, fatal: bool, words: str) -> None:
    body = {"error": {"message": f"nope\nyour key {KEY} is bad"}}
    llm, out = run(settings(tmp_path), lambda r: httpx2.Response(status, json=body))
    assert isinstance(out, RequestFailed)
    assert (out.kind, out.fatal) == (kind, fatal) and words in out.message and out.hint
    assert "\n" not in out.message and KEY not in out.message and KEY[10:20] not in out.message
    assert llm.usage.requests == 1  # max_retries=0: no retry


def test_client_retries_server_errors_then_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openai._base_client as base

    monkeypatch.setattr(base.BaseClient, "_calculate_retry_timeout", lambda *a, **k: 0.0)
    llm, out = run(settings(tmp_path, max_retries=2), lambda r: httpx2.Response(503, json={"error": "busy"}))
    assert isinstance(out, RequestFailed) and "HTTP 503" in out.message and "2 retries" in out.message
    assert llm.usage.requests == 3


def test_connection_refused_is_fatal_with_the_fix(tmp_path: Path) -> None:
    def refuse(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError("All connection attempts failed", request=request)

    _, out = run(settings(tmp_path), refuse)
    assert isinstance(out, RequestFailed) and out.fatal and out.kind == "connection"
    assert "cannot connect to http://127.0.0.1:9/v1" in out.message and "OPENAI_BASE_URL" in (out.hint or "")


def test_timeout_names_the_limit(tmp_path: Path) -> None:
    def slow(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    _, out = run(settings(tmp_path, timeout=7), slow)
    assert isinstance(out, RequestFailed) and not out.fatal and "within 7s" in out.message


def test_invalid_output_is_reasked_then_saved_raw(tmp_path: Path) -> None:
    bodies: list[dict[str, Any]] = []

    def bad(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content))
        return httpx2.Response(200, json=completion('{"claims": [{"subject": "x", "echo": "' + KEY + '"}]}'))

    llm, out = run(settings(tmp_path, validation_retries=2), bad)
    assert isinstance(out, RequestFailed) and out.kind == "validation"
    assert len(bodies) == 3 and llm.usage.requests == 3  # validation_retries=2: three attempts
    assert len(bodies[1]["messages"]) > len(bodies[0]["messages"])  # the re-ask carries the error
    assert llm.usage.prompt_tokens == 33  # tokens of failed attempts are counted too
    saved = Path(out.message.rsplit("raw output: ", 1)[1])
    assert saved.parent == tmp_path / "cache" / "failed" and saved.is_file()
    text = saved.read_text(encoding="utf-8")
    assert '"subject": "x"' in text and "attempt 3" in text and KEY not in text


def test_cut_off_output_says_raise_max_tokens(tmp_path: Path) -> None:
    answer = completion('{"claims": [')
    answer["choices"][0]["finish_reason"] = "length"
    _, out = run(settings(tmp_path, max_tokens=5), lambda r: httpx2.Response(200, json=answer))
    assert isinstance(out, RequestFailed) and "max_tokens=5" in out.message and "--max-tokens" in (out.hint or "")


def test_doctor_reports_an_unreachable_endpoint(tmp_path: Path) -> None:
    s = settings(tmp_path, base_url="http://127.0.0.1:1/v1", timeout=2)
    checks = asyncio.run(doctor(s))
    assert [c.name for c in checks] == ["settings", "endpoint"]
    assert not checks[1].ok and "cannot connect" in checks[1].detail and checks[1].fix
    assert KEY not in " ".join(c.detail for c in checks) and "API key set" in checks[0].detail


def test_public_url_and_redact() -> None:
    assert public_url("https://user:pw@host.example:8443/v1/?x=1#f") == "https://host.example:8443/v1"
    assert public_url(None) == "https://api.openai.com/v1"
    assert redact(f"a {KEY} b {KEY[5:18]} c sk-other-abcdef123", [KEY]) == "a [redacted] b [redacted] c sk-[redacted]"


# --- the extractor's own work on what a model proposes (inputs written here, not model output) ---

ARTICLE = (
    "Japan and South Korea are arranging to hold security talks next month, a diplomatic source said.\n\n"
    "The dialogue was last held in March 2018.\n\n"
    "Yoon, who took office in May 2022, may visit Tokyo.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Source:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_source(path).model_copy(update={"published": date(2023, 3, 27)})


def proposed(**over: Any) -> ExtractedClaim:
    base = {
        "subject": "the security talks",
        "attribute": "Held",
        "value": "next month",
        "value_type": "date",
        "time": "next month",
        "quote": "are arranging to hold security talks next month",
        "modality": "planned",
        "attribution": "a diplomatic source said",
    }
    return ExtractedClaim(**{**base, **over})


def test_time_is_resolved_against_the_publication_date(source: Source) -> None:
    claim = to_claim(proposed(), source, Span(start=0, end=len(ARTICLE)), "llm:m")
    assert claim is not None and claim.time is not None
    assert (claim.time.start, claim.time.end, claim.time.granularity) == (
        date(2023, 4, 1),
        date(2023, 4, 30),
        Granularity.MONTH,
    )
    assert claim.value.normalized == "2023-04" and claim.attribute == "held" and claim.modality.value == "planned"
    assert claim.quote == "are arranging to hold security talks next month"
    assert ARTICLE[claim.span.start : claim.span.end] == claim.quote


def test_a_count_of_a_thing_its_subject_dates_by_year_is_of_that_year(tmp_path: Path) -> None:
    """'the 2017 Sitkum Creek fire · homes destroyed: 21' counts the homes of 2017, not of the day of the article;
    a claim with a time of its own, or a value of another type, keeps what it was given."""
    path = tmp_path / "fire.txt"
    path.write_text("The 2017 Sitkum Creek fire destroyed 21 homes.\n", encoding="utf-8")
    fire = read_source(path).model_copy(update={"published": date(2025, 7, 15)})
    near = Span(start=0, end=len(fire.text))
    said = {"subject": "2017 Sitkum Creek fire", "attribute": "homes destroyed", "value": "21", "value_type": "number"}
    said |= {"time": "", "quote": "The 2017 Sitkum Creek fire destroyed 21 homes", "modality": "reported"}
    count = to_claim(proposed(**said), fire, near, "llm:m")
    assert count is not None and count.time is not None and count.time.start == date(2017, 1, 1)
    place = to_claim(proposed(**{**said, "value": "Sitkum Creek", "value_type": "text"}), fire, near, "llm:m")
    assert place is not None and place.time is None


def test_a_figure_told_as_a_periods_peak_is_the_peaks(tmp_path: Path) -> None:
    """'At the height of construction, in 2025, about 1,350 people worked': the peak workforce, another measure than
    the workforce on a day of that year."""
    path = tmp_path / "rail.txt"
    text = "At the height of construction, in 2025, about 1,350 people worked on the project.\n"
    path.write_text(text, encoding="utf-8")
    rail = read_source(path).model_copy(update={"published": date(2028, 1, 24)})
    said = {"subject": "project", "attribute": "workforce", "value": "about 1,350 people", "value_type": "number"}
    said |= {"time": "2025", "quote": text.strip(), "modality": "reported"}
    peak = to_claim(proposed(**said), rail, Span(start=0, end=len(text)), "llm:m")
    assert peak is not None and peak.attribute == "peak workforce"
    plain = {**said, "quote": "about 1,350 people worked on the project"}
    assert (to_claim(proposed(**plain), rail, Span(start=0, end=len(text)), "llm:m") or peak).attribute == "workforce"


def test_values_are_normalised(source: Source) -> None:
    near = Span(start=0, end=len(ARTICLE))
    took = to_claim(
        proposed(
            subject="Yoon",
            attribute="took office",
            value="May 2022",
            time=None,
            quote="Yoon, who took office in May 2022",
            modality="reported",
        ),
        source,
        near,
        "llm:m",
    )
    assert took is not None and took.value.normalized == "2022-05" and took.time is None
    assert took.subject_key == "yoon_suk_yeol" or took.subject_key == "yoon"


def test_ungrounded_quote_is_dropped(source: Source) -> None:
    assert to_claim(proposed(quote="The talks were last held in 2019."), source, Span(start=0, end=9), "llm:m") is None


def test_claims_read_twice_from_overlapping_chunks_are_kept_once(source: Source) -> None:
    near = Span(start=0, end=len(ARTICLE))
    a = to_claim(proposed(), source, near, "llm:m")
    b = to_claim(proposed(attribute="to be held", quote="security talks next month"), source, near, "llm:m")
    other = to_claim(
        proposed(
            subject="Yoon",
            value="Tokyo",
            value_type="entity",
            time=None,
            quote="Yoon, who took office in May 2022, may visit Tokyo.",
        ),
        source,
        near,
        "llm:m",
    )
    assert a and b and other
    kept = dedupe([(0, a), (1, b), (1, other)])
    assert [c.attribute for c in kept if c.subject_key == a.subject_key] == ["held"]  # the first reading wins
    assert len(kept) == 2 and {c.value.normalized for c in kept} == {a.value.normalized, other.value.normalized}
    assert all(c.id for c in kept)
    # Within one chunk, a different attribute over the same words is a different claim.
    assert len(dedupe([(0, a), (0, b)])) == 2
    # The same claim twice in one chunk (a model repeating itself) is kept once.
    assert len(dedupe([(0, a), (0, a)])) == 1


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("C$40 million", "CAD 40000000"),
        ("200 million Danish crowns", "DKK 200000000"),
        ("$3 million", "USD 3000000"),
        ("3 million", "XXX 3000000"),
    ],
)
def test_model_money_reads_like_offline_money(text: str, normalized: str) -> None:
    from factcheck.extract.llm.values import normalize_value

    assert normalize_value(text, "money", None).normalized == normalized
