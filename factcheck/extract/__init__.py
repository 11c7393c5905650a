"""Extractors: `offline` (deterministic, embedded) and `llm` (any OpenAI-compatible server)."""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.errors import ConfigError
from factcheck.extract.base import Extraction, Extractor, NullProgress, Progress

__all__ = ["Extraction", "Extractor", "NullProgress", "Progress", "choose_extractor", "make_extractor"]

NAMES = ("auto", "offline", "llm")


def choose_extractor(settings: Settings) -> str:
    """Resolve 'auto': the llm extractor when a model endpoint is configured, else offline."""
    if settings.extractor != "auto":
        return settings.extractor
    return "llm" if settings.endpoint_configured() else "offline"


def make_extractor(settings: Settings) -> Extractor:
    name = choose_extractor(settings)
    if name == "offline":
        from factcheck.extract.offline.extractor import OfflineExtractor

        return OfflineExtractor()
    if name == "llm":
        from factcheck.extract.llm.extractor import LLMExtractor

        return LLMExtractor(settings)
    raise ConfigError(f"unknown extractor {name!r}", f"use one of: {', '.join(NAMES)}")
