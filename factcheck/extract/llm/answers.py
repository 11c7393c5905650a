"""What a server answered, in words: the reason an answer failed, the text the model wrote, token counts."""

from __future__ import annotations

from typing import Any

from factcheck.extract.llm.redaction import one_line as _one_line


def broken_answer(exc: Any) -> str | None:
    """What was wrong with the HTTP answer itself, when no attempt got a completion with a message to
    validate: a body that is not JSON (cut off in transit) or a completion without choices."""
    attempts = getattr(exc, "failed_attempts", None) or []
    completions = [a.completion for a in attempts] or [getattr(exc, "last_completion", None)]
    if all(c is None for c in completions):
        return "an answer that is not a chat completion"
    if all(isinstance(getattr(c, "choices", None), list) and not c.choices for c in completions):
        return "a chat completion without choices"
    if all(getattr(c, "choices", None) and getattr(c.choices[0], "message", 1) is None for c in completions):
        return "a chat completion whose message is null"
    return None


def why_invalid(exc: Any) -> str:
    """The last attempt's first validation error, e.g. 'claims.0.quote: Field required'."""
    attempts = getattr(exc, "failed_attempts", None) or []
    last = attempts[-1].exception if attempts else (exc.__cause__ or exc)
    try:
        first = last.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _one_line(f"{where}: {first['msg']}" if where else str(first["msg"]), 120)
    except (AttributeError, IndexError, KeyError, TypeError):
        return _one_line(str(last), 120)


def token_counts(usage: Any) -> dict[str, int]:
    """prompt/completion token counts from an openai usage object (absent counts are 0)."""
    return {
        "prompt_tokens": int(getattr(usage, "prompt_tokens", 0) or 0),
        "completion_tokens": int(getattr(usage, "completion_tokens", 0) or 0),
    }


def raw_text(completion: Any) -> str:
    """What the model wrote: tool-call arguments or message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return repr(completion)
    if message is None:
        return "(a completion with no message)"
    calls = getattr(message, "tool_calls", None) or []
    parts = [getattr(c.function, "arguments", None) for c in calls if getattr(c, "function", None)]
    parts.append(getattr(message, "content", None))
    text = [p if isinstance(p, str) else repr(p) for p in parts if p]
    return "\n".join(text) if text else "(empty output)"


def status_detail(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])
        if isinstance(err, str):
            return err
    return str(getattr(exc, "message", "") or exc)
