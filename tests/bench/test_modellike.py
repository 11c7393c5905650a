"""The model-like answer server: a real loopback HTTP server answering with the authored claims whose quote
occurs in the request, from the answer written for the excerpt the request matches best."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from bench.modellike import Answers, serve

CLAIM = {
    "subject": "x",
    "attribute": "y",
    "value": "1",
    "value_type": "number",
    "time": "",
    "attribution": "",
    "modality": "reported",
}


def answers_file(tmp_path: Path) -> Path:
    doc = {
        "label": "hand-written model-like answers",
        "frozen_at": "2026-12-03T00:00:00Z",
        "answers": [
            {
                "request": "req_01",
                "claims": [
                    {**CLAIM, "quote": "The talks were held in Seoul."},
                    {**CLAIM, "quote": "They ended on Friday."},
                ],
            },
            {
                "request": "req_02",
                "claims": [
                    {**CLAIM, "quote": "The talks were held in Tokyo."},
                    {**CLAIM, "quote": "They ended on Friday."},
                ],
            },
        ],
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc))
    return path


def test_the_best_matching_answer_is_served_with_only_the_quotes_that_occur(tmp_path: Path) -> None:
    answers = Answers(answers_file(tmp_path))
    text = "Excerpt 1 of 1:\n\nThe talks were held in Tokyo. They ended on Friday."
    assert [c["quote"] for c in answers.claims_for(text)] == ["The talks were held in Tokyo.", "They ended on Friday."]
    assert answers.claims_for("An unrelated excerpt.") == []


def test_a_forced_tool_call_is_answered_over_http(tmp_path: Path) -> None:
    request = {
        "model": "m",
        "messages": [{"role": "user", "content": "The talks were held in Seoul."}],
        "tools": [
            {
                "type": "function",
                "function": {"name": "ExtractedClaims", "parameters": {"properties": {"claims": {"type": "array"}}}},
            }
        ],
        "tool_choice": {"type": "function", "function": {"name": "ExtractedClaims"}},
    }
    with serve(answers_file(tmp_path)) as url:
        req = urllib.request.Request(
            f"{url}/chat/completions", data=json.dumps(request).encode(), headers={"content-type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=10) as response:
            body = json.load(response)
    call = body["choices"][0]["message"]["tool_calls"][0]["function"]
    assert call["name"] == "ExtractedClaims"
    assert [c["quote"] for c in json.loads(call["arguments"])["claims"]] == ["The talks were held in Seoul."]
