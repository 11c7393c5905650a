"""The data contract: sources, chunks, claims, findings and the report (pydantic v2)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2.0"


class Model(BaseModel):
    """Base for every contract model: unknown fields are rejected."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """Half-open character range [start, end) in the original file text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def overlaps(self, other: Span) -> bool:
        """Whether the two ranges share a character."""
        return self.start < other.end and other.start < self.end


class Source(Model):
    """One article as read from disk, with its metadata."""

    id: str = Field(description="Short stable id: the file stem, made unique within a run.")
    path: str
    sha256: str = Field(description="Hash of the file bytes; equal hashes mean duplicate files.")
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = Field(default=None, description="Publication date; anchors relative dates.")
    published_basis: str | None = Field(default=None, description="How the date was established.")
    text: str = Field(description="The whole file as decoded; every span refers to this text.")
    body: list[Span] = Field(default_factory=list, description="Article body: text minus front matter and furniture.")
    furniture: list[Span] = Field(default_factory=list, description="Recognised page furniture (never a claim).")


class Chunk(Model):
    """A run of whole sentences of one source, sized for a model's context."""

    source_id: str
    index: int
    span: Span
    text: str


class ValueType(StrEnum):
    DATE = "date"
    NUMBER = "number"
    MONEY = "money"
    ORDINAL = "ordinal"
    ENTITY = "entity"
    TEXT = "text"
    STANCE = "stance"  # whether the source states a clause ("asserted") or calls it false ("denied")


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class Period(Model):
    """An absolute period of time, inclusive on both ends, with the precision it was stated at."""

    start: date
    end: date
    granularity: Granularity
    text: str | None = Field(default=None, description="The expression it was resolved from, as written.")

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


ASSERTED, DENIED = "asserted", "denied"  # the normalized values of a stance: a clause stated, or called false
STORY_KEY, STORY_ATTRIBUTE = "story", "true"  # the story an article leads with, and whether it is true
NEGATED = "negated"  # the qualifier of a stance denied by a negation of the article's own, not as a report's
ONE_OF = "one_of"  # an entity value that is one of several the subject may hold ('bought: Mojang'), never in conflict


class Value(Model):
    """A typed value as written and in a comparable normal form."""

    type: ValueType
    text: str = Field(description="The value as written in the article.")
    normalized: str = Field(
        description="Canonical form: ISO date/period, number, 'USD 3000000', ordinal n, entity key."
    )
    number: float | None = Field(default=None, description="Numeric amount for number, money and ordinal values.")
    unit: str | None = Field(default=None, description="Currency code for money; unit for numbers (years, missiles).")
    qualifier: str | None = Field(
        default=None,
        description="more_than, less_than, about, nearly, at_least, at_most, one_of (a name among several), or None if exact.",
    )
    period: Period | None = Field(default=None, description="For date values: the absolute period.")


class Modality(StrEnum):
    REPORTED = "reported"
    EXPECTED = "expected"
    PLANNED = "planned"
    HEDGED = "hedged"


class Claim(Model):
    """One checkable statement, grounded in a verbatim quote of its source."""

    id: str = ""
    source_id: str
    subject: str = Field(description="Who or what the claim is about, as written.")
    subject_key: str = Field(description="Normalised entity key used for alignment across sources.")
    attribute: str = Field(description="What about the subject: e.g. 'last held', 'first meeting place', 'role'.")
    value: Value
    time: Period | None = Field(default=None, description="When the claim is about, resolved to an absolute period.")
    quote: str = Field(description="Verbatim text of the source that supports the claim.")
    span: Span = Field(description="Position of the quote in the source text (computed, never model-supplied).")
    attribution: str | None = Field(default=None, description="Who says so, e.g. 'a diplomatic source said'.")
    modality: Modality = Modality.REPORTED
    extractor: str = Field(description="Which extractor produced the claim, e.g. 'offline' or 'llm:gpt-4o-mini'.")

    def with_id(self, occurrence: int = 0) -> Claim:
        """Return a copy whose id is a hash of its text content: the same whatever metadata comes before it.

        `occurrence` tells apart the same quote written twice in one source (0 for its first time)."""
        key = [
            "claim-v2",
            self.source_id,
            self.quote,
            occurrence,
            self.subject_key,
            self.attribute,
            self.value.normalized,
        ]
        return self.model_copy(update={"id": "c" + _digest(key)[:12]})


class FindingKind(StrEnum):
    AGREEMENT = "agreement"
    CONTRADICTION = "contradiction"
    UPDATE = "update"
    SINGLE_SOURCE = "single_source"


class TimelineEntry(Model):
    """One point of an update-over-time finding, in time order."""

    time: Period | None
    value: str
    claim_ids: list[str]


class Finding(Model):
    """What the reconciler concluded about one slot (subject + attribute) across sources."""

    id: str = ""
    kind: FindingKind
    subject_key: str
    attribute: str
    claim_ids: list[str]
    source_ids: list[str]
    explanation: str = Field(description="One line an editor can read.")
    timeline: list[TimelineEntry] = Field(default_factory=list)
    independent_sources: int = Field(default=0, description="Sources counted as independent corroboration.")
    origins: list[str] = Field(
        default_factory=list,
        description="Origins several sources repeat, each counted "
        "once: '“according to Canada.com”: 1 origin, 4 articles'.",
    )

    def with_id(self) -> Finding:
        """Return a copy whose id is derived from its content, so review decisions survive re-runs."""
        key = [self.kind.value, self.subject_key, self.attribute, sorted(self.claim_ids)]
        return self.model_copy(update={"id": "f" + _digest(key)[:12]})


class PromptInfo(Model):
    id: str
    version: str
    sha256: str


class Usage(Model):
    requests: int = 0
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ChunkFailure(Model):
    """A chunk the extractor could not process; its claims are missing from the report."""

    source_id: str
    chunk_index: int
    span: Span
    error: str


class RunInfo(Model):
    factcheck_version: str
    extractor: str = Field(description="'offline' or 'llm'.")
    model: str | None = None
    base_url: str | None = None
    prompts: list[PromptInfo] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")
    usage: Usage = Field(default_factory=Usage)
    failures: list[ChunkFailure] = Field(default_factory=list)
    ungrounded_discarded: int = 0
    incomplete: bool = False


class Report(Model):
    """Everything one run produced. Bump SCHEMA_VERSION on any incompatible change."""

    schema_version: str = SCHEMA_VERSION
    sources: list[Source]
    claims: list[Claim]
    findings: list[Finding]
    run: RunInfo


def quote_occurrence(text: str, quote: str, start: int) -> int:
    """How many times a quote is written in a source's text before the given offset."""
    return text.count(quote, 0, start) if quote else 0


def _digest(obj: object) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()
