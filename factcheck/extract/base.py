"""The extraction interface every extractor implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from factcheck.models import ChunkFailure, Claim, PromptInfo, Source, Usage


@dataclass
class Extraction:
    """What an extractor returns for a set of sources."""

    claims: list[Claim]
    extractor: str
    model: str | None = None
    base_url: str | None = None
    failures: list[ChunkFailure] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    ungrounded_discarded: int = 0
    prompts: list[PromptInfo] = field(default_factory=list)


class Progress(Protocol):
    """Receives progress events; the CLI turns them into a progress bar."""

    def add_total(self, n: int) -> None: ...

    def advance(self, label: str) -> None: ...


class NullProgress:
    """Progress that goes nowhere (library use, tests, piped output)."""

    def add_total(self, n: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass


class Extractor(Protocol):
    """Turns sources into grounded claims."""

    name: str

    def extract(self, sources: Sequence[Source], progress: Progress) -> Extraction: ...
