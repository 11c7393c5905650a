"""Prompt overhead: prompt tokens sent per article token, split into instructions, schema, text and overlap."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .corpus import SEEDS, composite
from .llm_bench import SERVER_KIND, settings_for
from .proc import server_process
from .report import table
from .server import fetch
from .tokens import PER_MESSAGE, PER_REPLY, count_tokens, tokenizer_name

TARGET = 1.5


@dataclass
class Overhead:
    """Token accounting of one article's requests."""

    name: str
    words: int
    article: int
    requests: int
    system: int
    template: int
    schema: int
    text: int

    @property
    def overlap(self) -> int:
        """Excerpt tokens sent more than once."""
        return self.text - self.article

    @property
    def total(self) -> int:
        """All prompt tokens of the article."""
        return self.system + self.template + self.schema + self.text

    @property
    def ratio(self) -> float:
        """Prompt tokens per article token."""
        return self.total / self.article


def _user_text(message: dict[str, Any]) -> str:
    """The text of a chat message (string or content parts)."""
    content = message.get("content") or ""
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return str(content)


def account(path: Path, requests: list[dict[str, Any]]) -> Overhead:
    """Split the prompt tokens of an article's requests into their parts.

    The article text of a request is located by the body sentences of the source it contains; what
    else the user message holds is the template (title, outlet, date, excerpt line). Article tokens
    are those of the body from its first to its last sentence without the page furniture, i.e. what
    one request would send.
    """
    from factcheck.config import Settings
    from factcheck.models import Span
    from factcheck.pipeline import load_sources
    from factcheck.sources.article import chunk_text
    from factcheck.sources.sentences import sentences

    [source] = load_sources([str(path)], Settings())
    sents = [source.text[s.start : s.end] for s in sentences(source)]
    spans = sentences(source)
    article_text = chunk_text(source, Span(start=spans[0].start, end=spans[-1].end))
    article = count_tokens(article_text)
    system = template = schema = text = 0
    for req in requests:
        for message in req["messages"]:
            body = _user_text(message)
            if message.get("role") != "user":
                system += PER_MESSAGE + count_tokens(body)
                continue
            found = [(body.find(s), s) for s in sents if s in body]
            if found:
                start = min(pos for pos, _ in found)
                end = max(pos + len(s) for pos, s in found)
                part = count_tokens(body[start:end])
            else:
                part = 0
            text += part
            template += PER_MESSAGE + count_tokens(body) - part
        template += PER_REPLY
        tool_parts = [req[k] for k in ("tools", "tool_choice", "response_format") if req.get(k)]
        schema += sum(count_tokens(json.dumps(p)) for p in tool_parts)
    words = len(article_text.split())
    return Overhead(path.stem, words, article, len(requests), system, template, schema, text)


def measure(url: str, path: Path, settings_changes: dict[str, Any]) -> Overhead:
    """Run the llm extractor on one article (cache off) and account for its requests."""
    from factcheck.pipeline import compare

    fetch(url, "/reset", "POST")
    settings = replace(settings_for(url, 4, None), **settings_changes)
    compare([str(path)], settings)
    return account(path, fetch(url, "/requests")["requests"])


def prompt_overhead(quick: bool = False) -> str:
    """The figure: per-article accounting at the default settings, then the 700-word article by chunk size."""
    from factcheck.config import Settings

    defaults = Settings(server=SERVER_KIND)
    chunk_chars = defaults.resolved_chunk_chars()
    local = Settings(server="llamacpp").resolved_chunk_chars()
    sizes = [chunk_chars] if quick else sorted({1200, local, 4000, chunk_chars, 8000})
    with tempfile.TemporaryDirectory() as tmp, server_process(0.0, 1e9, record=True) as url:
        root = Path(tmp)
        typical = composite(root, 700, "typical_700w.txt")
        articles = [typical] if quick else [*SEEDS, typical, composite(root, 1400, "long_1400w.txt")]
        measured = [measure(url, p, {}) for p in articles]
        rows = [_row(o, p == typical) for o, p in zip(measured, articles, strict=False)]
        t = measured[articles.index(typical)]
        by_size = [(size, measure(url, typical, {"chunk_chars": size})) for size in sizes]
    labels = {chunk_chars: f" (default, --server {SERVER_KIND})", local: " (default for local servers)"}
    size_rows = [
        [
            f"{size}{labels.get(size, '')}",
            o.requests,
            o.system + o.template,
            o.schema,
            o.text - o.overlap,
            o.overlap,
            o.total,
            f"{o.ratio:.2f}",
        ]
        for size, o in by_size
    ]
    body = [
        f"Prompt tokens the llm extractor sends, counted with {tokenizer_name()}, per token of article text "
        f"(the body from its first to its last sentence, page furniture cut out as the extractor does). Requests captured by bench/server.py; settings at "
        f"their defaults for a hosted OpenAI model (chunk_chars {chunk_chars}, chunk_overlap "
        f"{defaults.chunk_overlap} sentence, mode {defaults.resolved_mode()}). Instructions = system message; "
        f"template = the user message around the excerpt (title, "
        f"outlet, date, excerpt line) + per-message framing ({PER_MESSAGE} tokens a message, {PER_REPLY} a reply); "
        f"schema = the tool definition and tool_choice as JSON; overlap = excerpt text sent more than once. "
        f"Target: at most {TARGET} for a typical 700-word article.",
        "",
        table(
            [
                "article",
                "words",
                "article tokens",
                "requests",
                "instructions",
                "template",
                "schema",
                "text",
                "overlap",
                "prompt tokens",
                "per article token",
            ],
            rows,
        ),
        "",
        "The 700-word article at other chunk sizes (`chunk_chars`):",
        "",
        table(
            [
                "chunk_chars",
                "requests",
                "instructions + template",
                "schema",
                "text",
                "overlap",
                "prompt tokens",
                "per article token",
            ],
            size_rows,
        ),
        "",
        _diagnosis(t, chunk_chars),
    ]
    return "\n".join(body)


def _row(o: Overhead, typical: bool) -> list[object]:
    """One table row; the typical article in bold."""
    name = f"**{o.name}**" if typical else o.name
    ratio = f"**{o.ratio:.2f}**" if typical else f"{o.ratio:.2f}"
    return [
        name,
        o.words,
        o.article,
        o.requests,
        o.system,
        o.template,
        o.schema,
        o.text - o.overlap,
        o.overlap,
        o.total,
        ratio,
    ]


def _diagnosis(t: Overhead, chunk_chars: int) -> str:
    """What the typical article's fixed cost consists of, against what the target leaves for it."""
    from factcheck.config import Settings

    n = max(t.requests, 1)
    budget = TARGET * t.article - t.article - t.overlap
    per_request = (t.system + t.template + t.schema) / n
    verdict = "meets" if t.ratio <= TARGET else "misses"
    return (
        f"The typical article {verdict} the target ({t.ratio:.2f} against {TARGET}). What decides it is the fixed "
        f"cost of a request, {per_request:.0f} tokens (instructions {t.system // n}, schema {t.schema // n}, "
        f"template {t.template // n}), against the {budget:.0f} tokens of overhead the target allows this article. "
        f"Two measures keep it there. The chunk size for hosted models is {chunk_chars} characters, so a typical "
        f"article is one request and pays the fixed cost once (the table above: smaller chunks pay it again and "
        f"send the overlap sentences twice; local servers default to {Settings(server='llamacpp').resolved_chunk_chars()} "
        f"characters because small local models run with short contexts and lose track in long excerpts, so "
        f"there the ratio is higher: set chunk_chars for a local model with a long context). And the prompt says each rule once: the field rules live in the "
        f"system prompt (prompts/extract_claims.md), and the schema carries only names, types and enums, no "
        f"titles or descriptions. Prompt v1 repeated the rules in the schema's descriptions: 585 schema and 362 "
        f"instruction tokens a request, 2.13 prompt tokens per article token. Schema tokens are counted as the "
        f"JSON text of the tool definition; OpenAI renders tools more compactly internally, so the true schema "
        f"cost is somewhat lower than shown."
    )
