"""The llm extractor against recorded answers of a real model server (testdata/cassettes/).

The cassettes hold real HTTP exchanges with the server and model named in
testdata/cassettes/recording.json. The model may be weak: these tests check the machinery (request
shape, grounding, usage accounting, cache), never the quality of its claims. Re-record with the
command in tests/conftest.py; a changed prompt fails here with a message naming it.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from conftest import CASSETTES, FAKE_KEY, MISMATCH, RECORDING, RERECORD
from paths import ROOT

from factcheck.config import Settings
from factcheck.extract.base import NullProgress
from factcheck.extract.llm.cache import Cache
from factcheck.extract.llm.client import LLM
from factcheck.extract.llm.doctor import DoctorProbe, doctor
from factcheck.extract.llm.extractor import ExtractedClaims, LLMExtractor
from factcheck.extract.llm.grounding import find_quote, normalize
from factcheck.extract.llm.judge import ModelJudge
from factcheck.extract.llm.prompts import load_prompt
from factcheck.extract.offline.sourcing import SOURCING_EXTRACTOR
from factcheck.extract.offline.stancereader import STANCES_EXTRACTOR
from factcheck.models import Source
from factcheck.pipeline import load_sources
from factcheck.sources.article import chunk

SEED = ROOT / "seeds" / "001_1b143cd9c3d20ba9.txt"
MAX_TOKENS = 400


@pytest.fixture(scope="session")
def endpoint(record_mode: str, record_env: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Where the cassettes were (or are being) recorded; written to recording.json after recording."""
    if record_mode == "none":
        if not RECORDING.is_file():
            pytest.skip(f"no cassettes recorded: {RERECORD}")
        yield {**json.loads(RECORDING.read_text(encoding="utf-8")), "api_key": FAKE_KEY}
        return
    import httpx2

    url = record_env.get("FACTCHECK_RECORD_URL")
    if not url:
        pytest.fail(f"recording needs FACTCHECK_RECORD_URL: {RERECORD}", pytrace=False)
    url = url.rstrip("/")
    key = record_env.get("OPENAI_API_KEY") or FAKE_KEY
    answer = httpx2.get(f"{url}/models", headers={"Authorization": f"Bearer {key}"}, timeout=30)
    answer.raise_for_status()
    models = sorted(m["id"] for m in answer.json()["data"])
    info = {
        "base_url": url,
        "server_kind": record_env.get("FACTCHECK_RECORD_SERVER") or Settings(base_url=url).server_kind(),
        "model": record_env.get("FACTCHECK_RECORD_MODEL") or models[0],
        "models_listed": models,
        "server_header": answer.headers.get("server"),
        "server_note": record_env.get("FACTCHECK_RECORD_NOTE"),
    }
    yield {**info, "api_key": key}
    info.update(
        {
            "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": " ".join(
                [f"FACTCHECK_RECORD_URL={url}"]
                + [
                    f"{k}={v!r}"
                    for k, v in sorted(record_env.items())
                    if k.startswith("FACTCHECK_RECORD_") and k != "FACTCHECK_RECORD_URL"
                ]
                + ["pytest --record-mode=rewrite tests/extract/llm/test_cassettes.py"]
            ),
            "prompts": [load_prompt(p).info.model_dump() for p in ("extract_claims", "align_claims")],
            "packages": {name: version(name) for name in ("openai", "instructor", "pydantic", "vcrpy")},
        }
    )
    RECORDING.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def settings_for(endpoint: dict[str, Any], tmp_path: Path) -> Settings:
    """Small chunks and outputs keep the recording short; no client retries (a miss fails at once)."""
    return Settings(
        extractor="llm",
        base_url=endpoint["base_url"],
        api_key=endpoint["api_key"],
        model=endpoint["model"],
        server=endpoint["server_kind"],
        max_tokens=MAX_TOKENS,
        timeout=900,
        max_retries=0,
        validation_retries=1,
        concurrency=1,
        chunk_chars=1200,
        chunk_overlap=1,
        cache_path=str(tmp_path / "cache.sqlite3"),
    )


def posted(cassette: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(request body, response body) of every chat completion in the cassette."""
    out = []
    for request, response in zip(cassette.requests, cassette.responses, strict=False):
        if request.method == "POST" and request.path.endswith("/chat/completions"):
            out.append((json.loads(request.body), json.loads(response["body"]["string"])))
    return out


def exchanged(cassette: Any, record_mode: str) -> int:
    """HTTP exchanges so far: played back from the cassette, or recorded into it."""
    return int(cassette.play_count) if record_mode == "none" else len(cassette.requests)


def fail_on_mismatch(failures: list[Any]) -> None:
    """A chunk that failed because its request is not in the cassette: name the changed prompt."""
    if any(m in f.error for f in failures for m in MISMATCH):
        pytest.fail(_message(), pytrace=False)


def _in_body(source: Source, quote: str) -> bool:
    """Whether the quote's words lie in the article body (not headline or page furniture)."""
    body = " ".join(source.text[s.start : s.end] for s in source.body)
    return folded(quote) in folded(body)


def _message() -> str:
    from conftest import rerecord_message

    return rerecord_message()


def folded(text: str) -> str:
    return normalize(text, casefold=True).text


@pytest.mark.vcr
def test_extraction_requests_grounding_usage_and_cache(
    endpoint: dict[str, Any], tmp_path: Path, vcr: Any, record_mode: str
) -> None:
    settings = settings_for(endpoint, tmp_path)
    llm = LLM(settings, Cache(Path(settings.cache_path or ""), enabled=False))
    models = asyncio.run(_list(llm))
    assert endpoint["model"] in models or endpoint["server_kind"] == "llamacpp"

    sources = load_sources([str(SEED)], settings)
    first = LLMExtractor(settings).extract(sources, NullProgress())
    fail_on_mismatch(first.failures)
    sent = exchanged(vcr, record_mode) - 1  # all but GET /models belong to this run
    exchanges = posted(vcr)[:sent]
    prompt = load_prompt("extract_claims")

    # Request shape: the configured model, sampling and mode; the prompt text and the chunk in the message.
    for body, _ in exchanges:
        assert body["model"] == endpoint["model"] and body["temperature"] == 0 and body["max_tokens"] == MAX_TOKENS
        text = "\n".join(m["content"] for m in body["messages"] if isinstance(m.get("content"), str))
        assert prompt.system.splitlines()[0] in text
        if settings.resolved_mode() == "tools":
            assert body["tool_choice"] == {"type": "function", "function": {"name": "ExtractedClaims"}}
            assert body["tools"][0]["function"]["parameters"]["properties"]["claims"]["type"] == "array"
    chunks = chunk(sources[0], settings.chunk_chars, settings.chunk_overlap)
    assert len(chunks) > 1 and len(exchanges) >= len(chunks)  # one request per chunk, plus any re-asks

    # Usage: every request and token the server reported is counted.
    assert first.usage.requests == sent == len(exchanges)
    assert first.usage.prompt_tokens == sum(r["usage"]["prompt_tokens"] for _, r in exchanges) > 0
    assert first.usage.completion_tokens == sum(r["usage"]["completion_tokens"] for _, r in exchanges)
    assert first.usage.cached == 0

    # Grounding: a kept claim quotes the file exactly; a dropped quote really is absent from it.
    source = sources[0]
    for claim in first.claims:
        assert claim.quote == source.text[claim.span.start : claim.span.end] and claim.quote.strip()
        assert claim.extractor in (f"llm:{endpoint['model']}", SOURCING_EXTRACTOR, STANCES_EXTRACTOR)
    said = [c for _, r in exchanges if r["choices"][0]["finish_reason"] != "length" for c in _claims_in(r)]
    absent = [c for c in said if find_quote(source, c["quote"]) is None]
    assert first.ungrounded_discarded == len(absent)
    answered = [c for c in first.claims if c.extractor.startswith("llm:")]  # the others are read by the parse
    assert first.ungrounded_discarded + len(answered) <= len(said)  # the rest were read twice
    for c in said:  # a quote plainly in the article body is never dropped
        if len(c["quote"].strip()) >= 12 and _in_body(source, c["quote"]):
            assert c not in absent, c["quote"]
    assert first.prompts == [prompt.info] and first.base_url == endpoint["base_url"]

    # Failures the model caused (output not fitting the schema, or cut off) are one line each and
    # name the file that keeps the raw output.
    for failure in first.failures:
        assert "\n" not in failure.error and "raw output: " in failure.error, failure.error
        assert Path(failure.error.split("raw output: ", 1)[1].split(" (", 1)[0]).is_file()

    # Second run of the same inputs: every answered chunk from the cache; only failed chunks are asked again.
    before = exchanged(vcr, record_mode)
    second = LLMExtractor(settings).extract(sources, NullProgress())
    after = exchanged(vcr, record_mode)
    assert second.usage.cached == len(chunks) - len(first.failures)
    if not first.failures:  # (a chunk asked again may get another answer, so compare only then)
        assert second.usage.requests == 0 and after == before
        assert [c.model_dump() for c in second.claims] == [c.model_dump() for c in first.claims]
        assert second.ungrounded_discarded == first.ungrounded_discarded
    else:
        assert second.usage.requests == after - before > 0


@pytest.mark.vcr
def test_doctor_checks_a_real_endpoint(endpoint: dict[str, Any], tmp_path: Path, vcr: Any) -> None:
    settings = settings_for(endpoint, tmp_path)
    checks = asyncio.run(doctor(settings))
    names = [c.name for c in checks]
    assert names[:2] == ["settings", "endpoint"] and checks[1].ok, checks
    assert "structured output" in names
    probe = next(c for c in checks if c.name == "structured output")
    exchanges = posted(vcr)
    assert exchanges and all(b["model"] == endpoint["model"] for b, _ in exchanges)
    raw = _raw(exchanges[-1][1])
    if probe.ok:
        assert DoctorProbe.model_validate_json(raw).model_dump_json() in probe.detail
    else:
        assert probe.fix and f"mode {settings.resolved_mode()}" in probe.detail


def test_cassettes_hold_no_secrets_or_machine_paths() -> None:
    files = [p for p in CASSETTES.rglob("*") if p.is_file()]
    if not files:
        pytest.skip(f"no cassettes recorded: {RERECORD}")
    forbidden = re.compile(
        r"sk-[A-Za-z0-9_-]{8,}|fcFAKE|Bearer\s|authorization:|set-cookie|openai-organization|openai-project"
        r"|x-request-id|cookie:|/home/|/root/|/Users/|" + re.escape(str(ROOT)),
        re.I,
    )
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = forbidden.search(text)
        assert not found, f"{path.relative_to(CASSETTES)} holds {found.group(0)!r}"


def test_recording_names_server_model_and_prompt() -> None:
    if not RECORDING.is_file():
        pytest.skip(f"no cassettes recorded: {RERECORD}")
    rec = json.loads(RECORDING.read_text(encoding="utf-8"))
    assert rec["base_url"] and rec["model"] and rec["server_kind"] and rec["recorded_at"]
    assert {p["id"] for p in rec["prompts"]} == {"extract_claims", "align_claims"}


async def _list(llm: LLM) -> list[str]:
    try:
        return await llm.list_models()
    finally:
        await llm.aclose()


def _claims_in(response: dict[str, Any]) -> list[dict[str, Any]]:
    """Claims a recorded response proposes, if it parses as the response model."""
    try:
        return [c.model_dump() for c in ExtractedClaims.model_validate_json(_raw(response)).claims]
    except ValueError:
        return []


def _raw(response: dict[str, Any]) -> str:
    """The model's output in a recorded response: tool-call arguments or message content."""
    message = response["choices"][0]["message"]
    calls = message.get("tool_calls") or []
    return calls[0]["function"]["arguments"] if calls else message.get("content") or ""


def _reasks(exchanges: list[tuple[dict[str, Any], dict[str, Any]]]) -> int:
    """Requests that were re-asks after a validation error (they carry the failed attempt)."""
    return sum(1 for body, _ in exchanges if any(m.get("role") in ("tool", "assistant") for m in body["messages"]))


@pytest.mark.vcr
def test_alignment_judge_requests_answers_and_cache(
    endpoint: dict[str, Any], tmp_path: Path, vcr: Any, record_mode: str
) -> None:
    """The model judges sets of candidate claims in one request; its answer keeps only ids it was given."""
    settings = settings_for(endpoint, tmp_path)
    [source] = load_sources([str(SEED)], settings)
    first = _claim(source, "last held", "March 2018", "last held in March 2018")
    second = _claim(source, "first meeting place", "Seoul", "the first meeting taking place in Seoul")
    sets = [[("c1", first), ("c2", second)]]
    judge = ModelJudge(settings)
    answer = judge(sets)
    assert len(answer) == 1 and all(ids <= {"c1", "c2"} and len(ids) > 1 for ids in answer[0])
    assert (judge.usage.requests, judge.usage.cached) == (1, 0)
    [(body, _)] = posted(vcr)[: exchanged(vcr, record_mode)]
    text = json.dumps(body["messages"])
    assert "Set 1:" in text and "c1 | " in text and "last held in March 2018" in text
    again = ModelJudge(settings)
    assert again(sets) == answer and (again.usage.requests, again.usage.cached) == (0, 1)


def _claim(source: Source, attribute: str, value: str, quote: str) -> Any:
    from factcheck.testing import make_claim, make_value

    start = source.text.index(quote)
    return make_claim(source.id, "security_talks", attribute, make_value("text", value), quote=quote, start=start)
