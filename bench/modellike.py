"""Score the llm path on hand-written model-like answers, served from a real loopback server.

No capable model is reachable from the machines this project is built on, so a careful reader played
one: for each request `factcheck eval` sent, it wrote the answer a capable model would give, reading
only that request. The answers were frozen (hashed, with the time) before anything was scored, and
live in suites/<suite>/modellike/answers.json. They are labelled as what they are: hand-written
model-like answers, not model output and not cassettes (cassettes are recorded from a real server).

This server answers each chat completion with the authored claims of the request that matches it
best, keeping the claims whose quote occurs in the request's text; so a changed prompt still gets
the answers written for its excerpt. Then `factcheck eval --extractor llm` scores them.

The alignment prompt (align_claims, sent with --model-alignment) is answered from
suites/<suite>/modellike/judge.json when the suite has one: the groups of candidate lines
("subject | attribute | value | quote") a reader judged to state one fact, written the same way.
Candidates of a request's set are answered as one fact when a reader put their lines in one group
(joined through such pairs); a pair no reader was asked about stays apart, as a model not asked
would leave it.

    python -m bench.modellike suites/heldout5            # figures
    python -m bench.modellike suites/heldout5 --check    # against baselines/llm-modellike.json
    python -m bench.modellike suites/heldout5 --model-alignment   # the model also judges alignment
    python -m bench.modellike suites/heldout5 --answers answers-b.json   # a second, independent set
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from factcheck.values.keys import UnionFind

from .answers import content, request_schema

MODEL = "modellike"


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


class Answers:
    """The frozen answers of one suite, matched to requests by their quotes."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.answers: list[list[dict[str, Any]]] = [a["claims"] for a in data["answers"]]

    def claims_for(self, text: str) -> list[dict[str, Any]]:
        """Claims of the authored answer whose quotes best fit the request text, those that occur in it."""
        body = _norm(text)
        best: list[dict[str, Any]] = []
        best_key = (0.0, 0)
        for claims in self.answers:
            hits = [c for c in claims if _norm(c["quote"]) in body]
            if not claims or not hits:
                continue
            key = (len(hits) / len(claims), len(hits))
            if key > best_key:
                best, best_key = hits, key
        return best


class Judged:
    """The frozen answers of one suite to the alignment prompt: which pairs of candidate lines state one fact."""

    def __init__(self, path: Path) -> None:
        self.same: set[frozenset[str]] = set()
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            for lines in data["groups"]:
                keys = sorted({_norm(line) for line in lines})
                self.same.update(frozenset((a, b)) for n, a in enumerate(keys) for b in keys[n + 1 :])

    def facts_for(self, text: str) -> list[dict[str, Any]]:
        """For each set of the request, its candidates joined wherever a reader judged a pair of them one fact."""
        facts: list[dict[str, Any]] = []
        for number, candidates in _sets(text):
            sets: UnionFind[str] = UnionFind()
            for n, (a, line_a) in enumerate(candidates):
                for b, line_b in candidates[n + 1 :]:
                    if frozenset((_norm(line_a), _norm(line_b))) in self.same:
                        sets.union(a, b)
            joined: dict[str, list[str]] = {}
            for cid, _ in candidates:
                joined.setdefault(sets.find(cid), []).append(cid)
            facts += [{"set": number, "ids": ids, "label": "same fact"} for ids in joined.values() if len(ids) > 1]
        return facts


_SET = re.compile(r"^Set (\d+):\s*$")
_CANDIDATE = re.compile(r"^(c\d+) \| (.*)$")


def _sets(text: str) -> list[tuple[int, list[tuple[str, str]]]]:
    """The numbered sets of an alignment request: (number, [(id, line)])."""
    sets: list[tuple[int, list[tuple[str, str]]]] = []
    for row in text.splitlines():
        if m := _SET.match(row):
            sets.append((int(m[1]), []))
        elif (m := _CANDIDATE.match(row)) and sets:
            sets[-1][1].append((m[1], m[2]))
    return sets


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the access log."""

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        request = json.loads(self.rfile.read(length))
        text = "\n".join(content(m) for m in request["messages"] if m.get("role") == "user")
        schema, tool = request_schema(request)
        self.server.requests.append(request)
        if "claims" in schema.get("properties", {}):
            arguments = json.dumps({"claims": self.server.answers.claims_for(text)})
        elif "facts" in schema.get("properties", {}):
            arguments = json.dumps({"facts": self.server.judged.facts_for(text)})
        else:  # a request these answers were not written for (alignment): an empty answer of its schema
            arguments = json.dumps({k: [] for k, v in schema.get("properties", {}).items() if v.get("type") == "array"})
        message: dict[str, Any] = {"role": "assistant", "content": arguments}
        if tool is not None:
            call = {
                "id": "call_" + uuid.uuid4().hex[:24],
                "type": "function",
                "function": {"name": tool, "arguments": arguments},
            }
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
        payload = {
            "id": "chatcmpl-" + uuid.uuid4().hex[:24],
            "object": "chat.completion",
            "created": int(time.time()),
            "model": MODEL,
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool else "stop"}],
            "usage": {
                "prompt_tokens": len(text) // 4,
                "completion_tokens": len(arguments) // 4,
                "total_tokens": (len(text) + len(arguments)) // 4,
            },
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, answers: Answers, judged: Judged) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = answers
        self.judged = judged
        self.requests: list[dict[str, Any]] = []


@contextmanager
def serve(answers_file: Path, requests: list[dict[str, Any]] | None = None) -> Iterator[str]:
    """A loopback server answering from the file; yields its base URL (requests received go to `requests`)."""
    server = _Server(Answers(answers_file), Judged(answers_file.with_name("judge.json")))
    if requests is not None:
        server.requests = requests
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-"):
        print("usage: python -m bench.modellike SUITE [--answers FILE] [factcheck eval options]", file=sys.stderr)
        return 2
    suite = Path(args[0])
    name = "answers.json"
    if "--answers" in args[1:]:  # another frozen set of the suite's answers (modellike/answers-b.json)
        at = args.index("--answers")
        name = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
    answers_file = suite / "modellike" / name
    if not answers_file.is_file():
        print(f"{answers_file}: no model-like answers for this suite", file=sys.stderr)
        return 2
    from factcheck.cli import main as factcheck

    with serve(answers_file) as url:
        return factcheck(
            ["eval", str(suite), "--extractor", "llm", "--base-url", url, "--model", MODEL, "--no-cache", *args[1:]]
        )


if __name__ == "__main__":
    sys.exit(main())
