"""Smoke tests of the benchmark harness (bench/): the bench server answers, and a tiny figure runs.

No timing is asserted: speed is measured by `python -m bench`, not by tests.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import jsonschema
import pytest

from bench.__main__ import main as bench_main
from bench.server import ServerConfig, serve

ARTICLE = (
    "Japan and South Korea will hold security talks in Tokyo next month, a diplomatic source said. "
    "The dialogue was last held in March 2018. Officials from both foreign ministries will attend."
)
SCHEMA = {
    "$defs": {
        "Item": {
            "type": "object",
            "properties": {
                "subject": {"type": "string"},
                "kind": {"enum": ["date", "text"]},
                "time": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                "quote": {"type": "string"},
                "count": {"type": "integer", "minimum": 0},
            },
            "required": ["subject", "kind", "time", "quote", "count"],
        }
    },
    "type": "object",
    "properties": {"claims": {"type": "array", "items": {"$ref": "#/$defs/Item"}}},
    "required": ["claims"],
}


def post(url: str, payload: dict[str, object]) -> dict[str, object]:
    """POST JSON to the bench server, return the JSON reply."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        result: dict[str, object] = json.loads(response.read())
    return result


def test_bench_server_answers_a_forced_tool_call_that_fits_the_schema_and_quotes_the_article() -> None:
    tools = [{"type": "function", "function": {"name": "Claims", "parameters": SCHEMA}}]
    request = {
        "model": "bench",
        "messages": [
            {"role": "system", "content": "Extract claims."},
            {"role": "user", "content": f"Article: Talks\nPublished: 2023-03-27\n\n{ARTICLE}"},
        ],
        "tools": tools,
        "tool_choice": {"type": "function", "function": {"name": "Claims"}},
    }
    with serve(ServerConfig(base=0.0, claims=2)) as server:
        reply = post(server.base_url + "/chat/completions", request)
        stats = server.snapshot()
    [choice] = reply["choices"]  # type: ignore[misc]
    [call] = choice["message"]["tool_calls"]
    answer = json.loads(call["function"]["arguments"])
    jsonschema.validate(answer, SCHEMA)
    assert len(answer["claims"]) == 2
    assert all(item["quote"] in ARTICLE for item in answer["claims"])
    assert answer["claims"][1]["time"] == "March 2018"
    assert stats["requests"] == 1 and stats["errors"] == 0
    assert reply["usage"]["completion_tokens"] > 0  # type: ignore[index]


@pytest.mark.slow  # a real child process
def test_harness_runs_the_cache_figure_in_a_tiny_configuration(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    assert bench_main(["cache", "--quick", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<!-- figure:cache -->" in text and "Command: `python -m bench cache --quick`" in text
    rerun = next(line for line in text.splitlines() if line.startswith("| re-run, same inputs"))
    assert rerun.split("|")[2].strip() == "**0**"  # the re-run sent no request
