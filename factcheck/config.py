"""Settings from flags, environment and a config file, in that order of precedence.

Nothing here runs at import time: `load_settings` is called by the CLI with what it parsed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError

SERVER_KINDS = ("openai", "ollama", "vllm", "llamacpp", "other")
MODES = ("tools", "json_schema", "json", "md_json")
# The structured-output mode each server kind handles reliably (see README, "Local models").
DEFAULT_MODE = {
    "openai": "tools",
    "ollama": "json_schema",
    "vllm": "json_schema",
    "llamacpp": "tools",
    "other": "tools",
}
DEFAULT_MODEL = {
    "openai": "gpt-4o-mini",
    "ollama": "llama3.1",
    "vllm": "default",
    "llamacpp": "local",
    "other": "default",
}
# A llama.cpp server answers one request at a time: more in flight only wait (and time out).
DEFAULT_CONCURRENCY = {"openai": 4, "ollama": 2, "vllm": 4, "llamacpp": 1, "other": 2}
# Article characters per request. Every request repeats the instructions and schema (about 1,000
# tokens), so hosted models, with long contexts, take a typical article (700 words) in one request;
# local servers often run small contexts (Ollama's default is 2,048 to 4,096 tokens). See BENCHMARKS.md.
DEFAULT_CHUNK_CHARS = {"openai": 6000, "ollama": 2400, "vllm": 2400, "llamacpp": 2400, "other": 2400}
# Completion tokens per request: a 6,000-character chunk can hold 50 claims of about 75 tokens each.
DEFAULT_MAX_TOKENS = {"openai": 4096, "ollama": 2048, "vllm": 2048, "llamacpp": 2048, "other": 2048}


@dataclass(frozen=True)
class Settings:
    """Every knob of a run. Field names double as config-file keys and FACTCHECK_* env names."""

    extractor: str = "auto"
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    model: str | None = None
    server: str | None = None
    mode: str | None = None
    temperature: float = 0.0
    max_tokens: int = 0  # 0: the default for the server kind
    timeout: float = 60.0
    max_retries: int = 2
    validation_retries: int = 2
    concurrency: int = 0  # 0: the default for the server kind
    chunk_chars: int = 0  # 0: the default for the server kind
    chunk_overlap: int = 1
    cache: bool = True
    cache_path: str | None = None
    max_bytes: int = 2_000_000
    encoding: str | None = None
    max_answer_bytes: int = 2_000_000  # a model's answer to one chunk (docs/security.md)
    max_claims: int = 500  # claims in one chunk's answer
    model_alignment: bool = False  # llm path: the model also judges the joins alignment is unsure of

    def endpoint_configured(self) -> bool:
        return bool(self.base_url or self.api_key)

    def server_kind(self) -> str:
        """The kind of server, from the setting or guessed from the base URL."""
        if self.server:
            return self.server
        url = (self.base_url or "").lower()
        if not url or "api.openai.com" in url:
            return "openai"
        if ":11434" in url or "ollama" in url:
            return "ollama"
        if ":8000" in url or "vllm" in url:
            return "vllm"
        if ":8080" in url or "llama" in url:
            return "llamacpp"
        return "other"

    def resolved_mode(self) -> str:
        return self.mode or DEFAULT_MODE[self.server_kind()]

    def resolved_model(self) -> str:
        return self.model or DEFAULT_MODEL[self.server_kind()]

    def resolved_concurrency(self) -> int:
        return self.concurrency or DEFAULT_CONCURRENCY[self.server_kind()]

    def resolved_chunk_chars(self) -> int:
        return self.chunk_chars or DEFAULT_CHUNK_CHARS[self.server_kind()]

    def resolved_max_tokens(self) -> int:
        return self.max_tokens or DEFAULT_MAX_TOKENS[self.server_kind()]

    def resolved_cache_path(self) -> Path:
        if self.cache_path:
            return Path(self.cache_path)
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "factcheck" / "cache.sqlite3"


def load_settings(flags: Mapping[str, Any], env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Merge config file < environment < flags (flags given as None are ignored)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    values.update(_from_file(cwd or Path.cwd(), env))
    values.update(_from_env(env))
    values.update({k: v for k, v in flags.items() if v is not None and k in _FIELDS})
    settings = Settings(**{k: _coerce(k, v) for k, v in values.items()})
    return _validate(settings)


_FIELDS = {f.name: f for f in fields(Settings)}


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if env.get("OPENAI_API_KEY"):
        out["api_key"] = env["OPENAI_API_KEY"]
    if env.get("OPENAI_BASE_URL"):
        out["base_url"] = env["OPENAI_BASE_URL"]
    for name in _FIELDS:
        key = f"FACTCHECK_{name.upper()}"
        if env.get(key):
            out[name] = env[key]
    return out


def _from_file(cwd: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """[tool.factcheck] of pyproject.toml or factcheck.toml, nearest to cwd; FACTCHECK_CONFIG wins."""
    explicit = env.get("FACTCHECK_CONFIG")
    candidates = (
        [Path(explicit)]
        if explicit
        else [d / name for d in (cwd, *cwd.parents) for name in ("factcheck.toml", "pyproject.toml")]
    )
    for path in candidates:
        if not path.is_file():
            if explicit:
                raise ConfigError(f"{path}: config file not found", "fix FACTCHECK_CONFIG or unset it")
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}", "fix the file") from exc
        table = data.get("tool", {}).get("factcheck") if path.name == "pyproject.toml" else data
        if table is None:
            continue
        unknown = set(table) - set(_FIELDS)
        if unknown:
            raise ConfigError(
                f"{path}: unknown setting(s) {', '.join(sorted(unknown))}", f"valid: {', '.join(_FIELDS)}"
            )
        if "api_key" in table:
            raise ConfigError(f"{path}: api_key in a config file", "keep keys out of files: set OPENAI_API_KEY")
        return dict(table)
    return {}


def _coerce(name: str, value: Any) -> Any:
    kind = _FIELDS[name].type
    try:
        if kind == "bool" and isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}={value!r} is not a valid {kind}", f"give {name} as a {kind}") from exc
    return value


# Upper bounds that catch a typo (an extra zero) before it lets a file or an answer take all memory.
LIMITS = {
    "max_bytes": 100_000_000,
    "max_answer_bytes": 100_000_000,
    "max_claims": 100_000,
    "timeout": 86_400.0,
    "max_retries": 20,
    "validation_retries": 20,
    "concurrency": 64,
    "chunk_chars": 1_000_000,
    "max_tokens": 1_000_000,
    "chunk_overlap": 100,
}
MINIMUMS = {
    "max_bytes": 1,
    "max_answer_bytes": 1,
    "max_claims": 1,
    "timeout": 0.001,
    "max_retries": 0,
    "validation_retries": 0,
    "concurrency": 0,
    "chunk_chars": 0,
    "max_tokens": 0,
    "chunk_overlap": 0,
}


def _check_ranges(s: Settings) -> None:
    """Every number within its range: `--timeout -1` or a huge --max-bytes is a one-line error."""
    import math

    for name, high in LIMITS.items():
        value, low = getattr(s, name), MINIMUMS[name]
        if (isinstance(value, float) and not math.isfinite(value)) or not low <= value <= high:
            flag = "--" + name.replace("_", "-")
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            raise ConfigError(
                f"{flag} {shown}: out of range ({low:g} to {high:,g})", f"fix {flag} or FACTCHECK_{name.upper()}"
            )


def _check_url(url: str) -> None:
    """A base URL that the HTTP client can use: http(s), a host, a port in range."""
    from urllib.parse import urlsplit

    fix = "set OPENAI_BASE_URL like http://127.0.0.1:8080/v1"
    url = re.sub(r"//[^/@]*@", "//", url)  # never print a user or password
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"base URL {url!r} is not http(s)", fix)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    except ValueError as exc:
        raise ConfigError(f"base URL {url!r} is malformed ({exc})", fix) from exc
    if not parts.hostname:
        raise ConfigError(f"base URL {url!r} names no host", fix)


def _validate(s: Settings) -> Settings:
    if s.extractor not in ("auto", "offline", "llm"):
        raise ConfigError(f"unknown extractor {s.extractor!r}", "use auto, offline or llm")
    if s.server and s.server not in SERVER_KINDS:
        raise ConfigError(f"unknown server kind {s.server!r}", f"use one of {', '.join(SERVER_KINDS)}")
    if s.mode and s.mode not in MODES:
        raise ConfigError(f"unknown mode {s.mode!r}", f"use one of {', '.join(MODES)}")
    if s.chunk_chars < 0 or s.max_tokens < 0:
        raise ConfigError(
            "chunk_chars and max_tokens must be positive (0: the server kind's default)",
            "fix FACTCHECK_CHUNK_CHARS / --max-tokens",
        )
    if s.concurrency < 0:
        raise ConfigError(
            "concurrency must be 1 or more (0: the server kind's default)", "pass --concurrency 1 or more"
        )
    _check_ranges(s)
    if s.base_url:
        _check_url(s.base_url)
    if s.extractor == "llm" and not s.endpoint_configured():
        raise ConfigError(
            "the llm extractor needs a model endpoint",
            "set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (local server), or use --extractor offline",
        )
    return replace(s)
