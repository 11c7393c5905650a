"""The pipeline: sources -> extract -> reconcile -> Report. No printing, no rich."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from factcheck import __version__
from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.extract import Extraction, NullProgress, Progress, make_extractor
from factcheck.models import Report, RunInfo, Source, Usage, quote_occurrence
from factcheck.sources.article import read_source
from factcheck.sources.selection import select

if TYPE_CHECKING:
    from factcheck.extract.llm.judge import ModelJudge

Warn = Callable[[str], None]
UNDATED_BASIS = "undated: no publication date in the file, its sidecar or --published; relative dates are left open"


def load_sources(
    paths: Sequence[str], settings: Settings, warn: Warn = lambda _: None, published: date | None = None
) -> list[Source]:
    """Read every article among the paths (folders opened); say what is skipped or repeated."""
    if not paths:
        raise InputError("no article files given", "pass one or more .txt/.md/.html files, e.g. seeds/*.txt")
    if settings.max_bytes < 1:
        raise InputError(
            f"--max-bytes {settings.max_bytes}: the size limit must be positive", "e.g. --max-bytes 5000000"
        )
    articles, skipped = select(list(paths))
    if not articles:
        raise skipped[0].error() if skipped else InputError("no article files given", "pass .txt/.md/.html files")
    notes = [skip.line() for skip in skipped]  # said once every file is read: an error stays the only line
    sources: list[Source] = []
    seen_paths: set[Path] = set()
    seen_hashes: dict[str, str] = {}
    used_ids: set[str] = set()
    for raw in articles:
        path = Path(raw)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError) as exc:  # a symlink loop
            raise InputError(
                f"{raw}: a symbolic link that loops back on itself", "point the link at an article"
            ) from exc
        if resolved in seen_paths:
            notes.append(f"{raw}: given twice; read once")
            continue
        seen_paths.add(resolved)
        source = read_source(path, max_bytes=settings.max_bytes, encoding=settings.encoding, warn=notes.append)
        content = hashlib.sha256(source.text.strip().encode("utf-8")).hexdigest()  # same text, any encoding
        if content in seen_hashes:
            notes.append(f"{raw}: same content as {seen_hashes[content]}; skipped (a copy is not a second source)")
            continue
        seen_hashes[content] = raw
        source_id, n = source.id, 2
        while source_id in used_ids:
            source_id, n = f"{source.id}-{n}", n + 1
        used_ids.add(source_id)
        update: dict[str, object] = {"id": source_id}
        if source.published is None and published is not None:
            update.update(published=published, published_basis="given with --published")
        elif source.published is None:  # said in every report format, JSON included
            update.update(published_basis=UNDATED_BASIS)
        sources.append(source.model_copy(update=update))
    for note in notes:
        warn(note)
    return sources


def undated_notes(sources: Sequence[Source]) -> list[str]:
    """One line per source without a publication date: its relative dates cannot be placed in time."""
    return [
        f"{s.path}: no publication date; relative dates in it stay as written, their time open "
        "(give one with 'published:' in front matter or --published YYYY-MM-DD)"
        for s in sources
        if s.published is None
    ]


def compare(
    paths: Sequence[str],
    settings: Settings,
    progress: Progress | None = None,
    warn: Warn = lambda _: None,
    published: date | None = None,
) -> Report:
    """Run the whole pipeline on article files."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    sources = load_sources(paths, settings, warn, published)
    timings["read"] = time.perf_counter() - t0
    extractor = make_extractor(settings)
    t1 = time.perf_counter()
    extraction = extractor.extract(sources, progress or NullProgress())
    timings["extract"] = time.perf_counter() - t1
    judge = None
    if extraction.extractor == "llm" and settings.model_alignment:
        from factcheck.extract.llm.judge import ModelJudge  # the model also judges the joins alignment is unsure of

        judge = ModelJudge(settings, warn)
    return build_report(sources, extraction, timings, judge)


def build_report(
    sources: list[Source], extraction: Extraction, timings: dict[str, float], judge: ModelJudge | None = None
) -> Report:
    """Reconcile extracted claims and assemble the Report."""
    from factcheck.align.stances import disputed
    from factcheck.classify.reconcile import (
        reconcile,  # imported here so reading inputs never depends on the reconciler
    )
    from factcheck.classify.syndication import count_by_origin

    t0 = time.perf_counter()
    texts = {s.id: s.text for s in sources}  # ids from the claim's text, so metadata edits never change them
    claims = [c.with_id(quote_occurrence(texts.get(c.source_id, ""), c.quote, c.span.start)) for c in extraction.claims]
    claims = disputed(claims)  # the report keeps the claims reconcile uses: a clause stated only where denied
    findings = count_by_origin(reconcile(sources, claims, judge), claims, sources)
    timings["reconcile"] = time.perf_counter() - t0
    usage, prompts = extraction.usage, list(extraction.prompts)
    if judge is not None and (judge.usage.requests or judge.usage.cached):
        usage = Usage(**{k: v + getattr(judge.usage, k) for k, v in usage.model_dump().items()})
        prompts.append(judge.prompt.info)
    run = RunInfo(
        factcheck_version=__version__,
        extractor=extraction.extractor,
        model=extraction.model,
        base_url=extraction.base_url,
        prompts=prompts,
        timings={k: round(v, 4) for k, v in timings.items()},
        usage=usage,
        failures=extraction.failures,
        ungrounded_discarded=extraction.ungrounded_discarded,
        incomplete=bool(extraction.failures),
    )
    return Report(sources=sources, claims=claims, findings=findings, run=run)


def compare_claims(path: str) -> Report:
    """Reconcile pre-extracted claims: a Report JSON file (its sources and claims are used)."""
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{path}: is a folder, not a claims file", "pass a JSON file written by --format json")
    if not file.is_file():
        raise InputError(f"{path}: no such claims file", "pass a JSON file written by --format json")
    if file.stat().st_size == 0:
        raise InputError(f"{path}: file is empty", "pass a JSON file written by --format json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise InputError(
                f"{path}: holds a JSON {type(data).__name__}, not a factcheck report",
                "pass a file written by `factcheck compare --format json`",
            )
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
