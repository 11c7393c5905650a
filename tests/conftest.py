"""Shared test setup: isolation from the user's home and cache, and cassettes for model tests.

Model tests replay HTTP from testdata/cassettes/ and never touch the network (pytest-recording's
default record mode is `none`). To re-record against any OpenAI-compatible endpoint:

    FACTCHECK_RECORD_URL=http://127.0.0.1:8080/v1 pytest --record-mode=rewrite tests/extract/llm/test_cassettes.py

(OPENAI_API_KEY is used for the endpoint if set; it is filtered out of the cassettes.)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cliharness import Run
from paths import TESTDATA

from factcheck import cli

TESTS = Path(__file__).resolve().parent
CASSETTES = TESTDATA / "cassettes"
RECORDING = CASSETTES / "recording.json"
RERECORD = (
    "FACTCHECK_RECORD_URL=http://127.0.0.1:8080/v1 pytest --record-mode=rewrite tests/extract/llm/test_cassettes.py"
)
# The key sent while recording against a keyless local server; test_llm_cassettes checks it never lands on disk.
FAKE_KEY = "sk-" + "test-fcFAKE7Q2x9ZkL4mN8pR3sT6vW"  # fake, built so secret scanners skip it
# How vcrpy words a request with no recorded match (the exception may reach us only as text).
MISMATCH = ("Can't play back this request", "no recorded interaction matches", "overwrite existing cassette")
_SETTINGS_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "FACTCHECK_")
_STRIP_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id"}


@pytest.fixture(scope="session")
def record_env() -> dict[str, str]:
    """The recording settings, read before any test clears the environment."""
    return {k: v for k, v in os.environ.items() if k.startswith(("FACTCHECK_RECORD_", "OPENAI_API_KEY"))}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_env: dict[str, str]) -> Path:
    """HOME and the cache live in tmp_path; no endpoint or factcheck setting leaks in from the shell."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in list(os.environ):
        if name.startswith(_SETTINGS_ENV):
            monkeypatch.delenv(name)
    return home


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _STRIP_RESPONSE_HEADERS:
            del headers[name]
    return response


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """Match requests on their body too: a changed prompt or schema no longer replays."""
    return {
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"],
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }


def cassette_mismatch(exc: BaseException) -> bool:
    """True if exc, or anything it was raised from, is vcrpy refusing an unrecorded request."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if type(e).__name__ == "CannotOverwriteExistingCassetteException" or any(m in str(e) for m in MISMATCH):
            return True
        stack += [x for x in (e.__cause__, e.__context__, getattr(e, "original", None)) if x is not None]
        stack += list(getattr(e, "exceptions", ()))
    return False


def rerecord_message() -> str:
    """Name the prompt(s) whose text changed since the cassettes were recorded, and the fix."""
    from factcheck.extract.llm.prompts import load_prompt, prompt_dirs

    try:
        recorded = {p["id"]: p for p in json.loads(RECORDING.read_text(encoding="utf-8"))["prompts"]}
    except (OSError, ValueError, KeyError):
        recorded = {}
    changed = []
    for path in sorted(prompt_dirs()[0].glob("*.md")):
        load_prompt.cache_clear()
        info = load_prompt(path.stem).info
        old = recorded.get(info.id)
        if old and old["sha256"] != info.sha256:
            changed.append(
                f"prompt {info.id} v{info.version} changed (sha256 {old['sha256'][:12]} -> {info.sha256[:12]})"
            )
    what = (
        "; ".join(changed)
        or "a model request no longer matches its cassette (prompts unchanged: the response schema, request settings or the openai/instructor version changed)"
    )
    return f"{what}: if the change is meant, bump the prompt's version and re-record with `{RERECORD}`"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Turn a cassette mismatch into a message that names the changed prompt and the re-record command."""
    try:
        return (yield)
    except Exception as exc:
        if cassette_mismatch(exc):
            raise pytest.fail.Exception(rerecord_message(), pytrace=False) from None
        raise


def story_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, article: str, settings: dict[str, str]) -> Path:
    """Only these OPENAI_/FACTCHECK_ settings, the cache and working folder in tmp_path, story.txt written there."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.delenv(name)
    for key, value in {**settings, "XDG_CACHE_HOME": str(tmp_path / "cache")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(article, encoding="utf-8")
    return tmp_path


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No key, endpoint, config file or user cache leaks in: the offline extractor runs in tmp_path."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process; return (exit code, stdout, stderr). An uncaught exception fails the test."""

    def _run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["compare", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    """The recorded model exchanges, in testdata/ with the rest of the test data."""
    return str(CASSETTES / "test_llm_cassettes")
