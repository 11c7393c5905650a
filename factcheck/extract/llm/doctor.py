"""`factcheck doctor`: is the configured endpoint reachable, does it list the model, can it answer in the
structured-output mode the run will use."""

from __future__ import annotations

import time
from dataclasses import dataclass

from pydantic import BaseModel, Field

from factcheck.config import Settings
from factcheck.extract.llm.cache import Cache
from factcheck.extract.llm.client import LLM, RequestFailed, public_url
from factcheck.models import PromptInfo


@dataclass
class Check:
    """One line of `factcheck doctor`: what was checked, whether it passed, and how to fix it."""

    name: str
    ok: bool
    detail: str
    fix: str | None = None


class DoctorProbe(BaseModel):
    """The city and the year named in the sentence."""

    city: str = Field(description="The city, as written in the sentence.")
    year: int = Field(description="The year, as a number.")


PROBE_PROMPT = PromptInfo(id="doctor_probe", version="1", sha256="")
PROBE_MESSAGES = [
    {"role": "system", "content": "Extract the requested fields from the user's sentence."},
    {"role": "user", "content": "Seoul hosted the Summer Olympics in 1988."},
]


async def doctor(settings: Settings) -> list[Check]:
    """Check the endpoint answers, list its models, and try one tiny structured request."""
    from factcheck.config import DEFAULT_MODE

    kind, mode, model = settings.server_kind(), settings.resolved_mode(), settings.resolved_model()
    checks = [
        Check(
            "settings",
            True,
            f"endpoint {public_url(settings.base_url)} (server kind {kind}), model {model}, mode {mode}, "
            f"concurrency {settings.resolved_concurrency()}, timeout {settings.timeout:g}s, "
            f"API key {'set' if settings.api_key else 'not set'}",
        )
    ]
    llm = LLM(settings, Cache(settings.resolved_cache_path(), enabled=False))
    try:
        try:
            models = await llm.list_models()
            shown = ", ".join(models[:8]) + (f" and {len(models) - 8} more" if len(models) > 8 else "")
            checks.append(Check("endpoint", True, f"answers; {len(models)} model(s): {shown or 'none listed'}"))
            if models and model not in models:
                note = (
                    " (a llama.cpp server answers with its one model whatever the name)" if kind == "llamacpp" else ""
                )
                checks.append(
                    Check(
                        "model",
                        kind == "llamacpp",
                        f"{model!r} is not among the listed models{note}",
                        None if kind == "llamacpp" else f"pass --model {models[0]} or set FACTCHECK_MODEL",
                    )
                )
        except RequestFailed as exc:
            checks.append(Check("endpoint", False, exc.message, exc.hint))
            if exc.kind in ("connection", "auth", "timeout"):
                return checks
        start = time.perf_counter()
        try:
            probe = await llm.structured(PROBE_MESSAGES, DoctorProbe, PROBE_PROMPT, use_cache=False)
        except RequestFailed as exc:
            others = [m for m in ("tools", "json_schema", "json", "md_json") if m != mode]
            suggested = DEFAULT_MODE[kind] if DEFAULT_MODE[kind] != mode else others[0]
            fix = exc.hint if exc.fatal else f"try --mode {suggested} (or --server to name the server kind); {exc.hint}"
            checks.append(Check("structured output", False, f"mode {mode}: {exc.message}", fix))
        else:
            took = time.perf_counter() - start
            u = llm.usage
            checks.append(
                Check(
                    "structured output",
                    True,
                    f"mode {mode}: got {probe.model_dump_json()} in {took:.1f}s "
                    f"({u.prompt_tokens} prompt + {u.completion_tokens} completion tokens)",
                )
            )
    finally:
        await llm.aclose()
    return checks
