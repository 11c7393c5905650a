"""Errors the user can act on: each carries a one-line message and a hint."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base error: printed as one line by the CLI, with exit code `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(FactcheckError):
    """An article file cannot be used as given."""


class ConfigError(FactcheckError):
    """Settings are missing or inconsistent."""


class ModelError(FactcheckError):
    """The model endpoint failed in a way that retrying will not fix."""

    exit_code = 3


class CacheError(FactcheckError):
    """The cache file is unusable."""
