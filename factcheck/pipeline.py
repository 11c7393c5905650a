"""The pipeline: sources -> extract -> reconcile -> Report. No printing, no rich."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .config import Settings
from .errors import InputError
from .extract import Extraction, NullProgress, Progress, make_extractor
from .models import Report, RunInfo, Source
from .sources import read_source

Warn = Callable[[str], None]


def load_sources(paths: Sequence[str], settings: Settings, warn: Warn = lambda _: None) -> list[Source]:
    """Read every path; skip repeats of a path or of identical content with a warning."""
    if not paths:
        raise InputError("no article files given", "pass one or more .txt/.md/.html files, e.g. seeds/*.txt")
    if settings.max_bytes < 1:
        raise InputError(f"--max-bytes {settings.max_bytes}: the size limit must be positive", "e.g. --max-bytes 5000000")
    sources: list[Source] = []
    seen_paths: set[Path] = set()
    seen_hashes: dict[str, str] = {}
    used_ids: set[str] = set()
    for raw in paths:
        path = Path(raw)
        resolved = path.resolve()
        if resolved in seen_paths:
            warn(f"{raw}: given twice; read once")
            continue
        seen_paths.add(resolved)
        source = read_source(path, max_bytes=settings.max_bytes, encoding=settings.encoding)
        content = hashlib.sha256(source.text.strip().encode("utf-8")).hexdigest()  # same text, any encoding
        if content in seen_hashes:
            warn(f"{raw}: same content as {seen_hashes[content]}; skipped (a copy is not a second source)")
            continue
        seen_hashes[content] = raw
        source_id, n = source.id, 2
        while source_id in used_ids:
            source_id, n = f"{source.id}-{n}", n + 1
        used_ids.add(source_id)
        sources.append(source.model_copy(update={"id": source_id}))
    return sources


def compare(
    paths: Sequence[str], settings: Settings, progress: Progress | None = None, warn: Warn = lambda _: None
) -> Report:
    """Run the whole pipeline on article files."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    sources = load_sources(paths, settings, warn)
    timings["read"] = time.perf_counter() - t0
    extractor = make_extractor(settings)
    t1 = time.perf_counter()
    extraction = extractor.extract(sources, progress or NullProgress())
    timings["extract"] = time.perf_counter() - t1
    return build_report(sources, extraction, timings)


def build_report(sources: list[Source], extraction: Extraction, timings: dict[str, float]) -> Report:
    """Reconcile extracted claims and assemble the Report."""
    from .reconcile import reconcile  # imported here so reading inputs never depends on the reconciler

    t0 = time.perf_counter()
    claims = [c if c.id else c.with_id() for c in extraction.claims]
    findings = reconcile(sources, claims)
    timings["reconcile"] = time.perf_counter() - t0
    run = RunInfo(
        factcheck_version=__version__,
        extractor=extraction.extractor,
        model=extraction.model,
        base_url=extraction.base_url,
        prompts=extraction.prompts,
        timings={k: round(v, 4) for k, v in timings.items()},
        usage=extraction.usage,
        failures=extraction.failures,
        ungrounded_discarded=extraction.ungrounded_discarded,
        incomplete=bool(extraction.failures),
    )
    return Report(sources=sources, claims=claims, findings=findings, run=run)


def compare_claims(path: str) -> Report:
    """Reconcile pre-extracted claims: a Report JSON file (its sources and claims are used)."""
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such claims file", "pass a JSON file written by --format json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise InputError(f"{path}: holds a JSON {type(data).__name__}, not a factcheck report",
                             "pass a file written by `factcheck compare --format json`")
        previous = Report.model_validate({**data, "findings": []})
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not JSON", "pass a file written by `factcheck compare --format json`") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: not a factcheck report ({where}: {first['msg']})", "see docs/schema.md") from exc
    extraction = Extraction(
        claims=previous.claims,
        extractor=previous.run.extractor,
        model=previous.run.model,
        base_url=previous.run.base_url,
        failures=previous.run.failures,
        usage=previous.run.usage,
        ungrounded_discarded=previous.run.ungrounded_discarded,
        prompts=previous.run.prompts,
    )
    return build_report(previous.sources, extraction, {})
