"""Recorded model answers for the llm extractor: record once against a live endpoint, replay offline in CI.

One cassette per article (named by its id and content hash) holds every HTTP exchange of its chunks.
Replay matches requests on their body, so a changed prompt, schema or article has no recorded answer:
the run stops with a message naming what changed and the command that re-records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.config import Settings
from factcheck.errors import ConfigError, FactcheckError, ModelError
from factcheck.extract import Extraction, NullProgress, make_extractor
from factcheck.extract.llm.prompts import load_prompt
from factcheck.models import PromptInfo, Source

RECORDING = "recording.json"
REPLAY_KEY = "replay-only"  # stands in for an API key during replay: no request leaves the machine
MATCH_ON = ["method", "scheme", "host", "port", "path", "query", "body"]
FILTER_HEADERS = ["authorization", "api-key", "openai-organization", "openai-project", "cookie", "x-api-key"]
DROP_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id"}
NO_RECORDING = ("Can't play back this request", "Can't overwrite existing cassette")
PROMPT_IDS = ("extract_claims",)
MODEL_FAILURES = {"validation", "incomplete"}  # the model answered, but not usably


class CassetteMismatch(FactcheckError):
    """A request of the run has no recorded answer: re-record the cassettes."""

    exit_code = 1


def read_recording(folder: Path) -> dict[str, Any]:
    """The settings the cassettes in folder were recorded with ({} if none recorded yet)."""
    path = folder / RECORDING
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not JSON", "re-record the cassettes") from exc
    return data if isinstance(data, dict) else {}


def replay_flags(folder: Path, flags: Mapping[str, Any]) -> dict[str, Any]:
    """Settings flags for replay: endpoint and model as recorded (flags win), a stand-in key, no cache."""
    recorded = read_recording(folder)
    if not recorded:
        raise CassetteMismatch(
            f"{folder}: no recorded cassettes ({RECORDING} missing)",
            "record them once against a live endpoint with --record-cassettes",
        )
    out = dict(flags)
    for name in (
        "base_url",
        "model",
        "server",
        "mode",
        "max_tokens",
        "chunk_chars",
        "chunk_overlap",
        "validation_retries",
    ):
        if out.get(name) is None and recorded.get(name) is not None:
            out[name] = recorded[name]
    out.update(extractor="llm", api_key=REPLAY_KEY, cache=False, max_retries=0)
    return out


def check_prompts(folder: Path, rerecord: str) -> None:
    """Fail before any request when a prompt file differs from the one the cassettes were recorded with."""
    recorded = {p["id"]: p for p in read_recording(folder).get("prompts", []) if isinstance(p, dict)}
    for prompt_id in PROMPT_IDS:
        info = load_prompt(prompt_id).info
        old = recorded.get(prompt_id)
        if old is not None and old.get("sha256") != info.sha256:
            raise CassetteMismatch(
                f"prompts/{prompt_id}.md changed since the cassettes in {folder} were recorded "
                f"(v{old.get('version')} sha256 {str(old.get('sha256'))[:12]} -> v{info.version} sha256 {info.sha256[:12]})",
                f"re-record: {rerecord}",
            )


def cassette_extract(settings: Settings, folder: Path, record: bool, rerecord: str) -> Callable[[Source], Extraction]:
    """Extract one source inside its cassette: replay only, or (record) against the live endpoint."""
    try:
        import vcr
    except ImportError as exc:
        raise ConfigError("--cassette needs vcrpy", "pip install 'factcheck[eval]'") from exc

    recorder = vcr.VCR(
        record_mode="all" if record else "none",
        match_on=MATCH_ON,
        filter_headers=FILTER_HEADERS,
        decode_compressed_response=True,
        before_record_response=_scrub_response,
    )
    from factcheck.extract.llm.extractor import AllChunksFailed

    extractor = make_extractor(settings)
    prompts: dict[str, PromptInfo] = {}

    def extract(source: Source) -> Extraction:
        path = folder / f"{source.id}-{source.sha256[:12]}.yaml"
        try:
            with recorder.use_cassette(str(path), allow_playback_repeats=True):
                extraction = extractor.extract([source], NullProgress())
        except AllChunksFailed as exc:
            if not record and any(marker in str(exc) for marker in NO_RECORDING):
                raise _mismatch(source, path, rerecord) from exc
            if not exc.kinds <= MODEL_FAILURES:
                raise
            # The model answered every chunk, unusably: that is its recorded behaviour, not an outage.
            extraction = Extraction(
                claims=[],
                extractor=extractor.name,
                model=settings.resolved_model(),
                failures=exc.failures,
                prompts=[load_prompt(p).info for p in PROMPT_IDS],
            )
        except ModelError as exc:
            if not record and any(marker in str(exc) for marker in NO_RECORDING):
                raise _mismatch(source, path, rerecord) from exc
            raise
        missing = [f for f in extraction.failures if any(marker in f.error for marker in NO_RECORDING)]
        if missing and not record:
            raise _mismatch(source, path, rerecord)
        prompts.update({p.id: p for p in extraction.prompts})
        if record:
            write_recording(folder, settings, extraction, list(prompts.values()))
        return extraction

    return extract


def write_recording(folder: Path, settings: Settings, extraction: Extraction, prompts: list[PromptInfo]) -> None:
    """Note beside the cassettes what they were recorded with (never the API key)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "factcheck_version": __version__,
        "base_url": settings.base_url,
        "model": extraction.model or settings.resolved_model(),
        "server": settings.server_kind(),
        "mode": settings.resolved_mode(),
        "max_tokens": settings.resolved_max_tokens(),
        "chunk_chars": settings.resolved_chunk_chars(),
        "chunk_overlap": settings.chunk_overlap,
        "validation_retries": settings.validation_retries,  # re-asks are requests: replay must make the same
        "prompts": [p.model_dump() for p in prompts],
    }
    (folder / RECORDING).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def record_settings(settings: Settings) -> Settings:
    """Recording sends every request to the model: no cache answers in place of it."""
    return replace(settings, cache=False)


def _mismatch(source: Source, path: Path, rerecord: str) -> CassetteMismatch:
    if not path.is_file():
        what = f"no cassette for {source.id} ({path.name}): the article is new or its text changed"
    else:
        what = (
            f"a request for {source.id} differs from the one recorded in {path.name} "
            "(prompt, response schema, settings or article changed)"
        )
    return CassetteMismatch(what, f"re-record: {rerecord}")


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in DROP_RESPONSE_HEADERS:
            del headers[name]
    return response
