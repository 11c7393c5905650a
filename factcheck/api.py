"""The library API: what `factcheck compare` does, from Python. See docs/api.md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from os import PathLike
from typing import Any

from factcheck.config import load_settings
from factcheck.models import Claim, Report, Source


def compare(
    paths: Sequence[str | PathLike[str]],
    *,
    extractor: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    published: date | None = None,
    warn: Callable[[str], None] | None = None,
    **settings: Any,
) -> Report:
    """Compare article files (or folders of them) and return the Report `factcheck compare` prints.

    `extractor` is "offline", "llm" or "auto" (the default: llm when OPENAI_API_KEY or OPENAI_BASE_URL
    is set). Other keyword arguments are the command's settings by their Settings names (timeout,
    max_tokens, concurrency, cache, cache_path, max_bytes, encoding, server, mode). Warnings go to
    `warn`; bad input raises factcheck.errors.InputError, whose message names the file and the fix.
    """
    from factcheck.pipeline import compare as run

    flags = {"extractor": extractor, "model": model, "base_url": base_url, **settings}
    return run([str(p) for p in paths], load_settings(flags), warn=warn or (lambda _: None), published=published)


def reconcile(sources: Sequence[Source], claims: Sequence[Claim], extractor: str = "given") -> Report:
    """Turn claims you already have into a Report: aligned by meaning across sources, then classified
    into agreements, contradictions, updates over time and single-source claims, as `compare` does.

    `extractor` names where the claims came from; the report carries it (run.extractor)."""
    from factcheck.extract.base import Extraction
    from factcheck.pipeline import build_report

    return build_report(list(sources), Extraction(claims=list(claims), extractor=extractor), {})
