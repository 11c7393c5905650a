"""The outcome of comparing two values."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """Whether two values say the same thing, differ, or cannot be told apart."""

    AGREE = "agree"
    DISAGREE = "disagree"
    UNKNOWN = "unknown"
