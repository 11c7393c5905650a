"""A model judges the ambiguous candidate joins of the alignment stage (prompt align_claims).

Alignment (reconcile/align.py) asks only about candidate pairs whose embedded similarity lies between a
floor and the threshold it would join at: they are gathered into small sets, sent compactly (id, subject,
attribute, value, quote) in one request per story (more if there are many sets), and the model answers
which claims of a set state the same fact. The model judges sameness only; the reconciler still compares
typed values and time, and its guards (one instance, one source one value) still apply. Answers are
cached like extraction's; a failed request leaves the pairs apart and is reported as a warning.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from pydantic import BaseModel

from factcheck.config import Settings
from factcheck.extract.llm.cache import Cache
from factcheck.extract.llm.client import LLM, RequestFailed
from factcheck.extract.llm.prompts import Prompt, load_prompt
from factcheck.models import Claim, Usage
from factcheck.safetext import visible

PROMPT_ID = "align_claims"
SETS_PER_REQUEST = 12  # a story's sets go out together, this many to a request
QUOTE_CHARS = 240  # a quote is cut to this length in the request


class SameFact(BaseModel):
    """Claims of one set that state the same fact."""

    set: int
    ids: list[str]
    label: str


class AlignedFacts(BaseModel):
    """Groups of claims stating the same fact."""

    facts: list[SameFact]


Candidate = tuple[str, Claim]  # (short id, a claim standing for its group)


class ModelJudge:
    """Answers sets of candidates with the groups of ids that state one fact; counts its requests."""

    def __init__(self, settings: Settings, warn: Callable[[str], None] = lambda _: None) -> None:
        self.settings = settings
        self.prompt: Prompt = load_prompt(PROMPT_ID)
        self.warn = warn
        self.usage = Usage()

    def __call__(self, sets: Sequence[Sequence[Candidate]]) -> list[list[set[str]]]:
        """For each set, the groups of its ids the model says state the same fact."""
        if not sets:
            return []
        return asyncio.run(self._judge(sets))

    async def _judge(self, sets: Sequence[Sequence[Candidate]]) -> list[list[set[str]]]:
        cache = Cache(self.settings.resolved_cache_path(), enabled=self.settings.cache)
        cache.open()
        llm = LLM(self.settings, cache)
        out: list[list[set[str]]] = [[] for _ in sets]
        try:
            for start in range(0, len(sets), SETS_PER_REQUEST):
                batch = list(sets[start : start + SETS_PER_REQUEST])
                messages = self.prompt.messages(sets=render_sets(batch, start))
                try:
                    answer = await llm.structured(
                        messages, AlignedFacts, self.prompt.info, use_cache=self.settings.cache
                    )
                except RequestFailed as exc:
                    self.warn(f"alignment by the model failed, those claims stay apart: {exc.message}")
                    continue
                for fact in answer.facts:
                    n = fact.set - 1
                    if start <= n < start + len(batch):
                        known = {cid for cid, _ in sets[n]}
                        ids = {i.strip() for i in fact.ids} & known
                        if len(ids) > 1:
                            out[n].append(ids)
        finally:
            await llm.aclose()
        self.usage = _add(self.usage, llm.usage)
        return out


def render_sets(sets: Sequence[Sequence[Candidate]], offset: int = 0) -> str:
    """The sets as the prompt shows them: one line per claim, fields separated by ' | '."""
    lines = []
    for n, members in enumerate(sets, start=offset + 1):
        lines.append(f"Set {n}:")
        for cid, claim in members:
            quote = " ".join(claim.quote.split())
            quote = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
            fields = [cid, claim.subject, claim.attribute, claim.value.text, quote]
            lines.append(" | ".join(visible(" ".join(f.split())) for f in fields))
    return "\n".join(lines)


def _add(a: Usage, b: Usage) -> Usage:
    return Usage(
        requests=a.requests + b.requests,
        cached=a.cached + b.cached,
        prompt_tokens=a.prompt_tokens + b.prompt_tokens,
        completion_tokens=a.completion_tokens + b.completion_tokens,
    )
