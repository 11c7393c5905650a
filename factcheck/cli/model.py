"""`cache`, `doctor` and `serve-local`: the model side of factcheck."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cli.options import EXIT_INCOMPLETE, EXIT_OK, add_settings_arguments, settings_from
from factcheck.config import load_settings
from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from rich.console import Console


def add_model_commands(sub: Any) -> None:
    """`cache`, `doctor` and `serve-local`: the model side of factcheck."""
    cache = sub.add_parser(
        "cache",
        help="show or clear the cache of model answers",
        description="Model answers are cached by request content; a repeated run sends no requests.",
        epilog="examples:\n  factcheck cache stats\n  factcheck cache clear --cache-path run.sqlite3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cache.add_argument(
        "action", choices=("stats", "clear"), help="stats: entries by model and prompt; clear: remove every answer"
    )
    cache.add_argument(
        "--cache-path", dest="cache_path", help="SQLite cache file (default ~/.cache/factcheck/cache.sqlite3)"
    )
    cache.set_defaults(func=cmd_cache)
    doctor = sub.add_parser(
        "doctor",
        help="check the model endpoint: reachable, models, structured output",
        description="Check the configured endpoint answers, list its models and try one tiny "
        "structured-output request in the configured mode.",
        epilog="examples:\n  OPENAI_BASE_URL=http://127.0.0.1:8080/v1 factcheck doctor\n"
        "  factcheck doctor --base-url http://127.0.0.1:11434/v1 --server ollama --model qwen2.5:7b",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_settings_arguments(doctor)
    doctor.set_defaults(func=cmd_doctor)
    serve = sub.add_parser(
        "serve-local",
        help="serve a local GGUF model on an OpenAI-compatible API (llama.cpp)",
        description="Start llama-cpp-python's server (pip install 'factcheck[local]') on loopback.",
        epilog="examples:\n  factcheck serve-local models/qwen2.5-7b-instruct-q4_k_m.gguf --port 8080",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("gguf", metavar="GGUF", help="model file in GGUF format")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    serve.add_argument("--ctx", type=int, default=8192, help="context size in tokens (default 8192)")
    serve.add_argument(
        "--chat-format", dest="chat_format", help="llama.cpp chat format when the GGUF carries no template, e.g. gemma"
    )
    serve.set_defaults(func=cmd_serve_local)


def cmd_cache(args: argparse.Namespace, err: Console) -> int:
    from factcheck.extract.llm.cache import Cache

    settings = load_settings({"cache_path": args.cache_path})
    cache = Cache(settings.resolved_cache_path())
    if args.action == "clear":
        removed = cache.clear()
        cache.close()
        print(f"removed {removed} cached answer(s) from {cache.path}")
        return EXIT_OK
    stats = cache.stats()
    cache.close()
    print(f"cache: {stats.path}\nentries: {stats.entries}\nsize: {stats.bytes:,} bytes")
    for name, table in (("model", stats.by_model), ("prompt", stats.by_prompt)):
        for key, count in table.items():
            print(f"  {name} {key}: {count}")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace, err: Console) -> int:
    import asyncio

    from factcheck.extract.llm.doctor import doctor

    settings = settings_from(args)
    if not settings.endpoint_configured():
        raise FactcheckError(
            "no model endpoint configured",
            "set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (e.g. http://127.0.0.1:8080/v1)",
        )
    checks = asyncio.run(doctor(settings))
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
        if check.fix and not check.ok:
            print(f"     fix: {check.fix}")
    return EXIT_OK if all(c.ok for c in checks) else EXIT_INCOMPLETE


def cmd_serve_local(args: argparse.Namespace, err: Console) -> int:
    from factcheck.extract.llm.localserver import base_url, check_installed, check_model_file, serve

    gguf = Path(args.gguf)
    check_model_file(gguf)
    check_installed()
    err.print(
        f"factcheck: serving {gguf.name} at {base_url(args.port)}; in another terminal run\n"
        f"  OPENAI_BASE_URL={base_url(args.port)} FACTCHECK_SERVER=llamacpp factcheck compare ARTICLES",
        markup=False,
    )
    return serve(gguf, port=args.port, ctx=args.ctx, chat_format=args.chat_format)
