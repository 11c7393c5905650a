"""The model-like answer server: a real loopback HTTP server answering with the authored claims whose quote
occurs in the request, from the answer written for the excerpt the request matches best."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from bench.modellike import Answers, Judged, serve
from factcheck.cli import main as factcheck

EVAL_SUITE = Path(__file__).resolve().parents[2] / "testdata" / "eval_suite"

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


def test_alignment_sets_are_answered_from_the_judged_groups_of_their_lines(tmp_path: Path) -> None:
    judged_file = tmp_path / "judge.json"
    judged_file.write_text(
        json.dumps(
            {
                "label": "hand-written model-like answers to the alignment prompt",
                "groups": [["talks | venue | Seoul | held in Seoul", "meeting | place | Seoul | met in Seoul"]],
            }
        )
    )
    judged = Judged(judged_file)
    text = (
        "Set 1:\nc3 | talks | venue | Seoul | held in Seoul\nc9 | meeting | place | Seoul | met in Seoul\n"
        "c4 | talks | date | May | in May\nSet 2:\nc5 | talks | venue | Seoul | held in Seoul\n"
        "c6 | fire | deaths | 3 | three died"
    )
    assert judged.facts_for(text) == [{"set": 1, "ids": ["c3", "c9"], "label": "same fact"}]
    assert Judged(tmp_path / "absent.json").facts_for(text) == []


def _bridge_suite(tmp_path: Path) -> Path:
    """Two articles of the tiny eval suite, with model-like answers wording one fact two ways."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("alpha", "beta"):
        for suffix in (".txt", ".meta.yaml"):
            source = EVAL_SUITE / "articles" / f"{name}{suffix}"
            (articles / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "suite.yaml").write_text("name: bridge\ncases:\n  - name: clean\n    articles: articles/*.txt\n")
    claims = [
        {**CLAIM, "subject": "Harbor Bridge", "attribute": "daily traffic", "value": "40,000 vehicles"}
        | {"quote": "the bridge carries 40,000 vehicles a day"},
        {**CLAIM, "subject": "bridge", "attribute": "vehicles carried per day", "value": "40,000"}
        | {"quote": "now carries 40,000 vehicles a day"},
    ]
    doc = {
        "label": "hand-written",
        "answers": [{"request": "a", "claims": claims[:1]}, {"request": "b", "claims": claims[1:]}],
    }
    (tmp_path / "modellike").mkdir()
    (tmp_path / "modellike" / "answers.json").write_text(json.dumps(doc))
    return tmp_path


def test_eval_with_model_alignment_sends_the_alignment_prompt_and_without_it_does_not(tmp_path: Path) -> None:
    suite = _bridge_suite(tmp_path)
    for flags, asked in (([], False), (["--model-alignment"], True)):
        requests: list[dict[str, object]] = []
        with serve(suite / "modellike" / "answers.json", requests) as url:
            args = ["eval", str(suite), "--extractor", "llm", "--base-url", url, "--model", "m", "--no-cache", "-q"]
            assert factcheck([*args, *flags]) == 0
        prompts = [str(r["messages"][0]["content"]) for r in requests]  # type: ignore[index]
        assert any("numbered sets" in p for p in prompts) is asked


def test_another_set_of_answers_is_scored_by_name_and_a_missing_one_is_refused(tmp_path: Path) -> None:
    from bench.modellike import main

    suite = _bridge_suite(tmp_path)
    other = suite / "modellike" / "answers-b.json"
    other.write_text((suite / "modellike" / "answers.json").read_text())
    assert main([str(suite), "--answers", "answers-b.json", "-q"]) == 0
    assert main([str(suite), "--answers", "answers-c.json", "-q"]) == 2
