"""The model client: the only module that imports openai and instructor.

One `LLM` per run, created inside the running event loop. It sends structured-output requests
through instructor in the configured mode, at most `concurrency` at a time, answers repeats
from the cache, and counts every HTTP request and token. The openai client retries 408, 409,
429, 5xx, timeouts and connection errors itself (`max_retries`); instructor re-asks when the
output does not validate (`validation_retries`). What still fails becomes a `RequestFailed`
with one line an editor can act on; `fatal` failures (bad key, unknown model) end the run.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel

from factcheck.config import Settings
from factcheck.errors import ConfigError
from factcheck.extract.llm.answers import broken_answer, raw_text, status_detail, token_counts, why_invalid
from factcheck.extract.llm.cache import Cache, cache_key
from factcheck.extract.llm.redaction import install_redaction, redact, secrets_of
from factcheck.extract.llm.redaction import one_line as _one_line
from factcheck.extract.llm.transport import bounded_transport, too_large
from factcheck.models import PromptInfo, Usage

T = TypeVar("T", bound=BaseModel)
OPENAI_URL = "https://api.openai.com/v1"
CACHE_FORMAT = 1
_MODES = {"tools": "TOOLS", "json_schema": "JSON_SCHEMA", "json": "JSON", "md_json": "MD_JSON"}


class RequestFailed(Exception):
    """A request that failed after all retries; `message` is one line, `fatal` ends the run."""

    def __init__(self, message: str, *, kind: str, fatal: bool = False, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.fatal = fatal
        self.hint = hint
        self.original: BaseException | None = None


def public_url(url: str | None) -> str:
    """The endpoint as it may appear in reports and cache keys: no user, password, query or fragment."""
    parts = urlsplit(url or OPENAI_URL)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def api_key_for(settings: Settings) -> str:
    """The key to send: the configured one, or a placeholder for keyless local servers."""
    if settings.api_key:
        return settings.api_key
    if settings.base_url and settings.server_kind() != "openai":
        return "no-key"
    raise ConfigError("no API key for the OpenAI endpoint", "set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server")


def failed_dir(settings: Settings) -> Path:
    """Where raw outputs that never validated are kept for inspection."""
    return settings.resolved_cache_path().parent / "failed"


@dataclass
class LLM:
    """A configured client with cache, concurrency limit and usage counters."""

    settings: Settings
    cache: Cache
    usage: Usage = field(default_factory=Usage)
    transport: Any = None  # an httpx2 transport to talk through instead of the network (tests)
    _client: Any = None
    _raw: Any = None
    _sem: asyncio.Semaphore | None = None
    answered: bool = False  # a request has succeeded in this run: the endpoint is reachable

    @property
    def model(self) -> str:
        return self.settings.resolved_model()

    @property
    def base_url(self) -> str:
        return public_url(self.settings.base_url)

    def _instructor(self) -> Any:
        """Build the openai and instructor clients on first use (inside the event loop)."""
        if self._client is None:
            import instructor
            import openai

            quiet = logging.getLogger("instructor")  # it logs every failed attempt at ERROR level
            if not any(isinstance(h, logging.NullHandler) for h in quiet.handlers):
                quiet.addHandler(logging.NullHandler())
            quiet.propagate = False

            async def count(_request: Any) -> None:
                self.usage.requests += 1

            install_redaction(secrets_of(self.settings))
            http = openai.DefaultAsyncHttpxClient(event_hooks={"request": [count]}, transport=self._transport())
            self._raw = openai.AsyncOpenAI(
                api_key=api_key_for(self.settings),
                base_url=self.settings.base_url or OPENAI_URL,
                timeout=self.settings.timeout,
                max_retries=self.settings.max_retries,
                http_client=http,
            )
            mode = getattr(instructor.Mode, _MODES[self.settings.resolved_mode()])
            self._client = instructor.from_openai(self._raw, mode=mode)
            self._sem = asyncio.Semaphore(self.settings.resolved_concurrency())
        return self._client

    def _transport(self) -> Any:
        """The HTTP transport, bounded: a total deadline per request and a size cap per answer."""
        import httpx2
        from openai._constants import DEFAULT_CONNECTION_LIMITS

        inner = self.transport or httpx2.AsyncHTTPTransport(limits=DEFAULT_CONNECTION_LIMITS)
        return bounded_transport(inner, self.settings.timeout, self.settings.max_answer_bytes)

    async def aclose(self) -> None:
        if self._raw is not None:
            await self._raw.close()
        self.cache.close()

    def adapt(self, messages: list[dict[str, str]]) -> list[dict[str, str]]:
        """Fold the system message into the first user message for llama.cpp servers, whose
        built-in chat formats for some models (Gemma among them) drop the system role."""
        if self.settings.server_kind() != "llamacpp" or not messages or messages[0]["role"] != "system":
            return messages
        system, rest = messages[0]["content"], [dict(m) for m in messages[1:]]
        if rest and rest[0]["role"] == "user":
            rest[0]["content"] = f"{system}\n\n{rest[0]['content']}"
            return rest
        return [{"role": "user", "content": system}, *rest]

    def request_key(self, messages: list[dict[str, str]], response_model: type[BaseModel], prompt: PromptInfo) -> str:
        """Cache key over everything that shapes the answer (never the API key)."""
        s = self.settings
        return cache_key(
            {
                "format": CACHE_FORMAT,
                "base_url": self.base_url,
                "model": self.model,
                "mode": s.resolved_mode(),
                "messages": messages,
                "schema": response_model.model_json_schema(),
                "sampling": {"temperature": s.temperature, "max_tokens": s.resolved_max_tokens()},
                "prompt": prompt.model_dump(),
            }
        )

    async def structured(
        self, messages: list[dict[str, str]], response_model: type[T], prompt: PromptInfo, *, use_cache: bool = True
    ) -> T:
        """One validated response: from the cache, or from the model (then cached)."""
        messages = self.adapt(messages)
        key = self.request_key(messages, response_model, prompt)
        label = f"{prompt.id} v{prompt.version}"
        if use_cache:
            hit = self._from_cache(key, response_model)
            if hit is not None:
                self.usage.cached += 1
                return hit
        client = self._instructor()
        assert self._sem is not None
        async with self._sem:
            try:
                result, completion = await client.chat.completions.create_with_completion(
                    model=self.model,
                    messages=messages,
                    response_model=response_model,
                    max_retries=self.settings.validation_retries,
                    **self._sampling(response_model),
                )
            except Exception as exc:  # classified below; anything unknown is re-raised
                raise self._failure(exc, key, label) from None
        self.answered = True
        result = self._scrub(result, response_model)
        tokens = token_counts(getattr(completion, "usage", None))
        self._add_tokens(tokens)
        if use_cache:
            value = {"response": result.model_dump(mode="json"), "usage": tokens}
            self.cache.put(key, value, model=self.model, prompt=label)
        return result

    async def list_models(self) -> list[str]:
        """Model ids the endpoint offers (GET /models)."""
        self._instructor()
        assert self._sem is not None
        async with self._sem:
            try:
                page = await self._raw.models.list()
            except Exception as exc:
                raise self._failure(exc, "", "models") from None
        return sorted(m.id for m in page.data)

    def _sampling(self, response_model: type[BaseModel]) -> dict[str, Any]:
        s = self.settings
        out: dict[str, Any] = {"temperature": s.temperature, "max_tokens": s.resolved_max_tokens()}
        if s.resolved_mode() == "json" and s.server_kind() == "llamacpp":
            # llama.cpp constrains JSON mode to a schema given inside response_format.
            out["extra_body"] = {
                "response_format": {"type": "json_object", "schema": response_model.model_json_schema()}
            }
        return out

    def _scrub(self, result: T, response_model: type[T]) -> T:
        """The response with any echo of a secret removed, before it is cached or used."""
        secrets = secrets_of(self.settings)
        raw = result.model_dump_json()
        clean = redact(raw, secrets)
        return result if clean == raw else response_model.model_validate_json(clean)

    def _from_cache(self, key: str, response_model: type[T]) -> T | None:
        value = self.cache.get(key)
        if not value or "response" not in value:
            return None
        try:
            return response_model.model_validate(value["response"])
        except ValueError:
            return None

    def _add_tokens(self, tokens: dict[str, int]) -> None:
        self.usage.prompt_tokens += tokens.get("prompt_tokens", 0)
        self.usage.completion_tokens += tokens.get("completion_tokens", 0)

    def _failure(self, exc: Exception, key: str, label: str) -> Exception:
        """A RequestFailed for exc with every secret redacted (other exceptions unchanged)."""
        failure = self._classify(exc, key, label)
        if isinstance(failure, RequestFailed):
            secrets = secrets_of(self.settings)
            failure.message = redact(failure.message, secrets)
            failure.args = (failure.message,)
            failure.original = exc
        return failure

    def _classify(self, exc: Exception, key: str, label: str) -> Exception:
        """Turn an exception from openai/instructor into a RequestFailed (or return it unchanged)."""
        from instructor.core import IncompleteOutputException, InstructorRetryException

        if isinstance(exc, InstructorRetryException):
            self._add_tokens(token_counts(exc.total_usage))
            cause = exc.__cause__
            if _is_api_error(cause):
                return self._api_failure(cause)  # type: ignore[arg-type]
            path = self._save_raw(key, label, exc)
            broken = broken_answer(exc)
            if broken:
                return RequestFailed(
                    f"{self.base_url} sent {broken}, {exc.n_attempts} attempts ({why_invalid(exc)}); raw output: {path}",
                    kind="bad_response",
                    hint="the server or a proxy in between cut or garbled its answer: see the server's log, then run again",
                )
            return RequestFailed(
                f"model output did not fit the schema after {exc.n_attempts} attempts ({why_invalid(exc)}); raw output: {path}",
                kind="validation",
                hint="use a stronger model, or another --mode",
            )
        if isinstance(exc, IncompleteOutputException):
            self._add_tokens(token_counts(getattr(exc.last_completion, "usage", None)))
            path = self._save_raw(key, label, exc)
            return RequestFailed(
                f"model output cut off at max_tokens={self.settings.resolved_max_tokens()}; raw output: {path}",
                kind="incomplete",
                hint="raise --max-tokens or lower chunk_chars",
            )
        if _is_api_error(exc):
            return self._api_failure(exc)
        return exc

    def _api_failure(self, exc: Exception) -> RequestFailed:
        """One line for an HTTP-level failure, after the openai client's own retries."""
        import openai

        url, retries, model = self.base_url, self.settings.max_retries, self.model
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return RequestFailed(
                f"{url} refused the API key (HTTP {exc.status_code})",
                kind="auth",
                fatal=True,
                hint="set OPENAI_API_KEY to a valid key for this endpoint",
            )
        if isinstance(exc, openai.NotFoundError):
            return RequestFailed(
                f"{url}: model {model!r} or the API path not found (HTTP 404)",
                kind="not_found",
                fatal=True,
                hint="set --model/FACTCHECK_MODEL to a model `factcheck doctor` lists; the base URL usually ends in /v1",
            )
        if isinstance(exc, openai.APITimeoutError):
            return RequestFailed(
                f"no answer from {url} within {self.settings.timeout:g}s ({retries} retries)",
                kind="timeout",
                hint="raise --timeout or lower --concurrency",
            )
        big = too_large(exc)
        if big is not None:
            return RequestFailed(
                f"{url} sent an {big} (max_answer_bytes)",
                kind="too_large",
                hint="lower chunk_chars, or raise FACTCHECK_MAX_ANSWER_BYTES if the model is to be trusted with more",
            )
        if isinstance(exc, openai.APIConnectionError):
            import httpx2

            cause = _one_line(str(exc.__cause__ or exc))
            # Refused before anything was answered: the endpoint is down or wrong, so stop at once.
            refused = isinstance(exc.__cause__, httpx2.ConnectError) and not self.answered
            return RequestFailed(
                f"cannot connect to {url} ({cause})",
                kind="connection",
                fatal=refused,
                hint="start the model server or set OPENAI_BASE_URL to where it listens",
            )
        if isinstance(exc, openai.APIStatusError):
            detail = _one_line(status_detail(exc))
            return RequestFailed(
                f"HTTP {exc.status_code} from {url} after {retries} retries: {detail}",
                kind=f"http_{exc.status_code}",
                hint="see the server's log; `factcheck doctor` checks the setup",
            )
        return RequestFailed(_one_line(str(exc)), kind="api")

    def _save_raw(self, key: str, label: str, exc: Exception) -> str:
        """Write every raw attempt of a failed request to failed/<key>.txt; return the path."""
        if not self.settings.cache:
            return "(not kept: --no-cache writes nothing to the cache folder)"
        directory = failed_dir(self.settings)
        path = directory / f"{key[:16] or 'request'}.txt"
        attempts = getattr(exc, "failed_attempts", None) or []
        lines = [
            f"prompt: {label}",
            f"model: {self.model}",
            f"endpoint: {self.base_url}",
            f"mode: {self.settings.resolved_mode()}",
            f"time: {time.strftime('%Y-%m-%d %H:%M:%S')}",
            f"error: {exc}",
            "",
        ]
        for attempt in attempts:
            lines += [
                f"--- attempt {attempt.attempt_number}: {_one_line(str(attempt.exception))}",
                raw_text(attempt.completion),
                "",
            ]
        if not attempts:
            lines += ["--- last output", raw_text(getattr(exc, "last_completion", None)), ""]
        try:
            directory.mkdir(parents=True, exist_ok=True)
            path.write_text(redact("\n".join(lines), secrets_of(self.settings)), encoding="utf-8")
        except OSError:
            return "(not saved: cache directory not writable)"
        return str(path)


def _is_api_error(exc: object) -> bool:
    import openai

    return isinstance(exc, openai.APIError)
