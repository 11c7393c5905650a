"""Run a local GGUF model behind an OpenAI-compatible API (llama-cpp-python's server).

Optional: needs `pip install 'factcheck[local]'`, which compiles llama.cpp (several minutes).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from factcheck.errors import ConfigError, InputError

DEFAULT_PORT = 8080
DEFAULT_CTX = 8192


def server_command(
    gguf: Path,
    *,
    port: int = DEFAULT_PORT,
    host: str = "127.0.0.1",
    ctx: int = DEFAULT_CTX,
    chat_format: str | None = None,
    python: str | None = None,
) -> list[str]:
    """The command line that serves `gguf` on host:port under the model name of its file stem."""
    cmd = [
        python or sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf),
        # The alias keeps the file's location out of /v1/models answers (and so out of recordings).
        "--model_alias",
        gguf.stem,
        "--host",
        host,
        "--port",
        str(port),
        "--n_ctx",
        str(ctx),
        "--n_threads",
        str(os.cpu_count() or 1),
        # Requests wait their turn instead of interrupting the one being answered.
        "--interrupt_requests",
        "False",
    ]
    if chat_format:
        cmd += ["--chat_format", chat_format]
    return cmd


def base_url(port: int = DEFAULT_PORT, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{port}/v1"


def check_model_file(gguf: Path) -> None:
    """Refuse a path that is not a readable .gguf file, with the fix."""
    if gguf.is_dir():
        raise InputError(f"{gguf}: is a folder, not a model file", "pass the path of a .gguf file in it")
    if not gguf.is_file():
        raise InputError(f"{gguf}: no such model file", "pass the path of a .gguf file")
    with gguf.open("rb") as fh:
        if fh.read(4) != b"GGUF":
            raise InputError(f"{gguf}: not a GGUF model file", "download a .gguf model (llama.cpp format)")


def check_installed() -> None:
    """Raise ConfigError with the install command when llama-cpp-python is absent."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError(
            "the local server needs llama-cpp-python, which is not installed",
            "pip install 'factcheck[local]' (it compiles llama.cpp: several minutes), or run any OpenAI-compatible server",
        )


def serve(gguf: Path, *, port: int = DEFAULT_PORT, ctx: int = DEFAULT_CTX, chat_format: str | None = None) -> int:
    """Run the server in the foreground until it exits or Ctrl-C; returns its exit code."""
    check_model_file(gguf)
    check_installed()
    proc = subprocess.Popen(server_command(gguf, port=port, ctx=ctx, chat_format=chat_format))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise
