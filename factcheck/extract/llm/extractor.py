"""The `llm` extractor: any OpenAI-compatible model, asked chunk by chunk for structured claims.

The model proposes; the code disposes. Each quote is looked up in the file text and its span
computed there (claims whose quote is not in the article are discarded and counted), time
expressions are resolved against the publication date, values and subjects are normalised,
and claims read twice from the sentences two chunks share are kept once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, WithJsonSchema

from factcheck import lexicon
from factcheck.config import Settings
from factcheck.errors import FactcheckError, ModelError
from factcheck.extract.base import Extraction, Progress
from factcheck.extract.entities import entity_key
from factcheck.extract.llm.cache import Cache
from factcheck.extract.llm.check import value_in_quote
from factcheck.extract.llm.client import LLM, RequestFailed
from factcheck.extract.llm.gaps import gap_twin
from factcheck.extract.llm.grounding import find_quote
from factcheck.extract.llm.listing import listed
from factcheck.extract.llm.objectstate import object_state
from factcheck.extract.llm.prompts import Prompt, load_prompt
from factcheck.extract.llm.reference import one_event_per_source
from factcheck.extract.llm.relations import counterpart_twin, no_role, relation_twin
from factcheck.extract.llm.status import dated_twin, place_twin, status_twin
from factcheck.extract.llm.values import claim_time, measured_attribute, normalize_value
from factcheck.extract.timeparse import year_form
from factcheck.models import Chunk, ChunkFailure, Claim, Modality, Source, Span, ValueType
from factcheck.safetext import is_clean, visible
from factcheck.sources.article import chunk
from factcheck.sources.injection import addressed_to_model

PROMPT_ID = "extract_claims"
# After queuing one source's chunks, pause this long before splitting the next: a request needs
# dozens of event-loop turns to reach the wire (sleep(0) gives one), and splitting is CPU work.
_SEND_PAUSE = 0.002


def _untitled(schema: dict[str, Any]) -> None:
    """Drop the titles pydantic gives each field: every request would carry them, and the system prompt
    (prompts/extract_claims.md) explains the fields."""
    for prop in schema.get("properties", {}).values():
        prop.pop("title", None)


def _bare(schema: dict[str, Any]) -> None:
    """A nested model's schema with no title, docstring or field titles."""
    _untitled(schema)
    schema.pop("title", None)
    schema.pop("description", None)


# Nullable in Python (a model may still write null), a plain string in the schema: "" means none.
_OptionalText = Annotated[str | None, WithJsonSchema({"type": "string"})]


class ExtractedClaim(BaseModel):
    """One checkable fact stated in the excerpt: subject + attribute = value, at a time, with its quote."""

    model_config = ConfigDict(json_schema_extra=_bare)

    subject: str
    attribute: str
    value: str
    value_type: Literal["date", "number", "money", "ordinal", "entity", "text"]
    time: _OptionalText
    quote: str
    attribution: _OptionalText
    modality: Literal["reported", "expected", "planned", "hedged"]


class ExtractedClaims(BaseModel):
    """The claims of the excerpt."""

    model_config = ConfigDict(json_schema_extra=_untitled)

    # Every field is required: a schema-constrained decoder may otherwise stop at "{}".
    claims: list[ExtractedClaim]

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema with the claim's definition written in place (one $ref and $defs fewer to send)."""
        schema = super().model_json_schema(*args, **kwargs)
        defs = schema.pop("$defs", {})
        items = schema["properties"]["claims"]["items"]
        ref = items.get("$ref", "").removeprefix("#/$defs/")
        if ref in defs:
            schema["properties"]["claims"]["items"] = defs[ref]
        return schema


class AllChunksFailed(ModelError):
    """No chunk got an answer; the per-chunk failures and their kinds are attached (for evaluation)."""

    def __init__(self, message: str, hint: str | None, failures: list[ChunkFailure], kinds: set[str]) -> None:
        super().__init__(message, hint)
        self.failures = failures
        self.kinds = kinds


@dataclass
class _ChunkResult:
    claims: list[tuple[int, Claim]] = field(default_factory=list)
    discarded: int = 0
    failure: ChunkFailure | None = None
    error: RequestFailed | None = None


class LLMExtractor:
    """Extract claims with a model behind an OpenAI-compatible API (see docs/llm.md)."""

    name = "llm"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.prompt: Prompt = load_prompt(PROMPT_ID)

    def extract(self, sources: Sequence[Source], progress: Progress) -> Extraction:
        """Run every chunk of every source through the model; failures are recorded per chunk."""
        return asyncio.run(self._extract(sources, progress))

    async def _extract(self, sources: Sequence[Source], progress: Progress) -> Extraction:
        s = self.settings
        cache = Cache(s.resolved_cache_path(), enabled=s.cache)
        cache.open()
        llm = LLM(s, cache)
        tasks: list[asyncio.Task[_ChunkResult]] = []
        fatal: BaseException | None = None
        try:
            async with asyncio.TaskGroup() as group:
                for src in sources:  # split source by source, so requests go out while later ones are split
                    pieces = _chunks(src, s)
                    progress.add_total(len(pieces))
                    tasks += [group.create_task(self._chunk(llm, src, ch, n, progress)) for ch, n in pieces]
                    await asyncio.sleep(_SEND_PAUSE)
        except* RequestFailed as group_error:
            fatal = group_error.exceptions[0]
        except* FactcheckError as group_error:
            fatal = group_error.exceptions[0]
        finally:
            await llm.aclose()
        if isinstance(fatal, RequestFailed):
            raise ModelError(fatal.message, fatal.hint) from None
        if fatal is not None:
            raise fatal
        results = [t.result() for t in tasks]
        failed = [r.error for r in results if r.error is not None]
        if tasks and len(failed) == len(tasks):
            raise AllChunksFailed(
                f"every request failed: {failed[0].message}",
                failed[0].hint,
                failures=[r.failure for r in results if r.failure is not None],
                kinds={e.kind for e in failed},
            ) from None
        claims = one_event_per_source(dedupe([pair for r in results for pair in r.claims]))
        claims += _parsed(sources)
        return Extraction(
            claims=claims,
            extractor=self.name,
            model=llm.model,
            base_url=llm.base_url,
            failures=[r.failure for r in results if r.failure is not None],
            usage=llm.usage,
            ungrounded_discarded=sum(r.discarded for r in results),
            prompts=[self.prompt.info],
        )

    async def _chunk(self, llm: LLM, source: Source, piece: Chunk, total: int, progress: Progress) -> _ChunkResult:
        """Ask for one chunk's claims and ground them; a non-fatal failure is returned, not raised."""
        messages = self.prompt.messages(
            title=prompt_meta(source.title, "(untitled)"),
            outlet=prompt_meta(source.outlet, "(unknown)"),
            published=source.published.isoformat() if source.published else "(unknown)",
            index=piece.index + 1,
            total=total,
            text=piece.text,
        )
        try:
            answer = await llm.structured(messages, ExtractedClaims, self.prompt.info, use_cache=self.settings.cache)
        except RequestFailed as exc:
            if exc.fatal:
                raise
            error = f"{exc.message} ({exc.hint})" if exc.hint else exc.message
            failure = ChunkFailure(source_id=source.id, chunk_index=piece.index, span=piece.span, error=error)
            return _ChunkResult(failure=failure, error=exc)
        finally:
            progress.advance(f"{source.id} {piece.index + 1}/{total}")
        result = _ChunkResult()
        if len(answer.claims) > self.settings.max_claims:
            error = (
                f"the model answered {len(answer.claims):,} claims for one chunk, more than max_claims "
                f"{self.settings.max_claims:,}: answer ignored (raise FACTCHECK_MAX_CLAIMS to accept it)"
            )
            failure = ChunkFailure(source_id=source.id, chunk_index=piece.index, span=piece.span, error=error)
            return _ChunkResult(failure=failure, error=RequestFailed(error, kind="too_many_claims"))
        gaps: list[Claim] = []
        for item in answer.claims:
            claim = to_claim(item, source, piece.span, f"llm:{llm.model}")
            if claim is None or no_role(claim):
                result.discarded += 1
                continue
            result.claims.extend((piece.index, one) for one in listed(claim, source.published))
            twins = [status_twin(claim), dated_twin(claim, source), place_twin(claim, source), object_state(claim)]
            for twin in (*twins, relation_twin(claim), counterpart_twin(claim)):
                if twin is not None:
                    result.claims.append((piece.index, twin))
            gaps += [gap] if (gap := gap_twin(claim)) is not None else []
        numbers = [c for _, c in result.claims if c.value.type == ValueType.NUMBER]
        result.claims += [(piece.index, g) for g in gaps if not any(_same_figure(g, n) for n in numbers)]
        return result  # a gap the model gave as a number of its own is not read again from its text


def _parsed(sources: Sequence[Source]) -> list[Claim]:
    """Whom each article cites for its news and what it states or calls false, read by the parse as on the
    offline path (the model is not asked); none without the English pipeline, which only the offline
    extractor requires."""
    from factcheck.errors import ConfigError
    from factcheck.extract.offline.sourcing import sourcing_claims
    from factcheck.extract.offline.stancereader import stance_claims

    try:
        return [claim for source in sources for claim in sourcing_claims(source) + stance_claims(source)]
    except ConfigError:
        return []


def prompt_meta(text: str | None, default: str) -> str:
    """Metadata as the prompt shows it: filtered like article text (never a sentence addressed to a model),
    control characters made visible; clean text is sent unchanged."""
    if not text:
        return default
    if addressed_to_model(text):
        return "(withheld: it addresses a language model)"
    return text if is_clean(text) else visible(text)


def _same_figure(a: Claim, b: Claim) -> bool:
    """Whether two claims give one figure in overlapping words of the article."""
    same = (a.value.normalized, a.value.unit) == (b.value.normalized, b.value.unit)
    return same and a.span.overlaps(b.span)


def _peak(quote: str) -> bool:
    """Whether a quote tells its figure as the peak of a period (lexicon `peak_phrases`)."""
    said = " ".join(quote.lower().split())
    return any(phrase in said for phrase in lexicon.words("peak_phrases"))


def to_claim(item: ExtractedClaim, source: Source, near: Span, extractor: str) -> Claim | None:
    """A grounded Claim, or None when the quote does not occur in the article body or does not hold the value."""
    span = find_quote(source, item.quote, near)
    if span is None:
        return None
    anchor = source.published
    value = normalize_value(item.value, item.value_type, anchor, item.quote)
    if not value_in_quote(value, item.value, source.text[span.start : span.end], anchor):
        return None
    time = claim_time(item.time, anchor, item.quote) if item.time and item.time.strip() else None
    subject = " ".join(item.subject.split())
    figure = value.type in (ValueType.NUMBER, ValueType.MONEY)
    words = [w.strip(",.;:").removesuffix("'s").removesuffix("’s") for w in subject.split()]
    named = next((w for w in words if year_form(w)), None) if figure else None
    if time is None and named is not None:
        time = claim_time(named, anchor)  # 'the 2017 Sitkum Creek fire · homes destroyed: 21': in 2017
    attribute = measured_attribute(" ".join(item.attribute.lower().split()), value)
    if figure and _peak(item.quote) and "peak" not in attribute.split():
        attribute = f"peak {attribute}"  # 'At the height of construction ... about 1,350 people': the peak workforce
    return Claim(
        source_id=source.id,
        subject=subject,
        subject_key=entity_key(subject) or "_".join(subject.lower().split()),
        attribute=attribute,
        value=value,
        time=time,
        quote=source.text[span.start : span.end],
        span=span,
        attribution=(item.attribution or "").strip() or None,
        modality=Modality(item.modality),
        extractor=extractor,
    )


def dedupe(pairs: list[tuple[int, Claim]]) -> list[Claim]:
    """Keep one of each claim read twice: overlapping quotes, same subject and value, from
    different chunks (the shared sentences) or with the same attribute (a model repeating itself)."""
    kept: list[tuple[int, Claim]] = []
    by_source: dict[str, list[tuple[int, Claim]]] = {}  # compare within a source only: linear in sources
    for index, claim in sorted(pairs, key=lambda p: (p[1].source_id, p[1].span.start, p[0])):
        same_source = by_source.setdefault(claim.source_id, [])
        duplicate = any(
            c.span.start < claim.span.end
            and claim.span.start < c.span.end
            and (c.subject_key, c.value.normalized) == (claim.subject_key, claim.value.normalized)
            and (i != index or c.attribute == claim.attribute)
            for i, c in same_source
        )
        if not duplicate:
            kept.append((index, claim))
            same_source.append((index, claim))
    return [c.with_id() for _, c in kept]


def _chunks(source: Source, settings: Settings) -> list[tuple[Chunk, int]]:
    pieces = chunk(source, settings.resolved_chunk_chars(), settings.chunk_overlap)
    return [(p, len(pieces)) for p in pieces]
