"""Secrets never printed: the API key and URL passwords removed from every message, ours and libraries'."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any
from urllib.parse import urlsplit

from factcheck.config import Settings

__all__ = ["install_redaction", "one_line", "redact", "secrets_of"]


def secrets_of(settings: Settings) -> list[str]:
    """Strings that must never be written anywhere: the API key and any password in the URL."""
    out = [settings.api_key or ""]
    if settings.base_url:
        parts = urlsplit(settings.base_url)
        out += [parts.password or "", parts.username or ""]
    return [x for x in out if len(x) >= 8]


def redact(text: str, secrets: list[str]) -> str:
    """Remove every secret, any 8+ character piece of one, and anything shaped like an OpenAI key."""
    for secret in secrets:
        for size in range(len(secret), 7, -1):
            for start in range(len(secret) - size + 1):
                piece = secret[start : start + size]
                if piece in text:
                    text = text.replace(piece, "[redacted]")
    return re.sub(r"\bsk-[A-Za-z0-9_\-*.]{6,}", "sk-[redacted]", text)


_REDACT: list[str] = []  # secrets known to this run, for warnings printed by libraries


def install_redaction(secrets: list[str]) -> None:
    """Route library warnings and log records through `redact` before they reach stderr, one line each."""
    import warnings

    for secret in secrets:
        if secret not in _REDACT:
            _REDACT.append(secret)

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, *_: Any, **__: Any) -> None:
        """Print a warning as one redacted line."""
        line = one_line(redact(f"{category.__name__}: {message}", _REDACT), 300)
        sys.stderr.write(f"factcheck: warning from a library: {line}\n")

    warnings.showwarning = show
    root = logging.getLogger()
    if not any(isinstance(h, _RedactingHandler) for h in root.handlers):
        root.addHandler(_RedactingHandler(logging.WARNING))


class _RedactingHandler(logging.StreamHandler):  # type: ignore[type-arg,unused-ignore]  # generic in typeshed only
    """Log records on stderr with every known secret and anything shaped like a key removed."""

    def emit(self, record: logging.LogRecord) -> None:
        """Print a record as one redacted line."""
        try:
            text = one_line(redact(record.getMessage(), _REDACT), 300)
        except Exception:  # a record that cannot be formatted is dropped, never printed raw
            return
        sys.stderr.write(text + "\n")


def one_line(text: str, limit: int = 200) -> str:
    """Whitespace runs as one space, cut at `limit` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"
