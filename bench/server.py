"""A local OpenAI-compatible chat server for benchmarks: simulated latency, schema-valid answers, counters.

Each POST /v1/chat/completions waits `base + completion_tokens / rate` seconds, then answers with
JSON that satisfies the request's schema (a forced tool call, or response_format json_schema):
every array of objects gets `claims` items (or `per_sentence` x the article's sentences), each
quoting a different sentence of the article text
in the user message, so quote grounding succeeds. GET /stats returns the counters, GET /requests
the request bodies (with --record), POST /reset clears both. Loopback only, ephemeral port.
Run alone with `python -m bench.server`.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .answers import SchemaFiller, content, request_schema
from .tokens import count_tokens, message_tokens

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+")
_TAGGED = re.compile(r"<(article|text|chunk|document)[^>]*>(.*?)</\1>", re.S | re.I)
_FENCED = re.compile(r"```[a-z]*\n(.*?)```", re.S)
_HEADER = re.compile(r"^[A-Z][\w ]{0,30}:")


@dataclass
class Stats:
    """Counters since start or the last reset."""

    requests: int = 0
    errors: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    simulated_seconds: float = 0.0
    in_flight: int = 0
    max_in_flight: int = 0
    delays: list[float] = field(default_factory=list)
    first_arrival: float = 0.0  # epoch seconds (time.time), comparable across processes
    last_reply: float = 0.0


@dataclass(frozen=True)
class ServerConfig:
    """Latency model and answer shape."""

    base: float = 0.2
    rate: float = 1000.0
    claims: int = 3
    per_sentence: float = 0.0  # when > 0: items = this x sentences (a model finds more in longer text)
    record: bool = False


class BenchServer(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, shared counters under a lock."""

    daemon_threads = True

    def __init__(self, config: ServerConfig, port: int = 0) -> None:
        """Bind 127.0.0.1:port (0: an ephemeral port)."""
        super().__init__(("127.0.0.1", port), _Handler)
        self.config = config
        self.stats = Stats()
        self.recorded: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL clients use."""
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def snapshot(self) -> dict[str, Any]:
        """A copy of the counters."""
        with self.lock:
            return asdict(self.stats)

    def reset(self) -> None:
        """Zero the counters and drop recorded requests."""
        with self.lock:
            self.stats = Stats()
            self.recorded = []


class _Handler(BaseHTTPRequestHandler):
    """Routes /v1/chat/completions, /stats and /reset."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: Nagle + delayed ACK would add ~40 ms
    server: BenchServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request access log."""

    def do_GET(self) -> None:
        """Serve /stats and /requests."""
        if self.path.rstrip("/") == "/stats":
            self._send(200, self.server.snapshot())
        elif self.path.rstrip("/") == "/requests":
            with self.server.lock:
                self._send(200, {"requests": list(self.server.recorded)})
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        """Serve chat completions and /reset."""
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        if self.path.rstrip("/") == "/reset":
            self.server.reset()
            self._send(200, {"ok": True})
        elif self.path.rstrip("/").endswith("/chat/completions"):
            self._complete(body)
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def _complete(self, body: bytes) -> None:
        """Answer one chat completion after the simulated latency, counting it."""
        srv = self.server
        with srv.lock:
            srv.stats.first_arrival = srv.stats.first_arrival or time.time()
            srv.stats.in_flight += 1
            srv.stats.max_in_flight = max(srv.stats.max_in_flight, srv.stats.in_flight)
        try:
            request = json.loads(body)
            if srv.config.record:
                with srv.lock:
                    srv.recorded.append(request)
            response, prompt, completion = answer(request, srv.config)
            delay = srv.config.base + completion / srv.config.rate
            with srv.lock:
                srv.stats.delays.append(delay)  # in arrival order
            time.sleep(delay)
            with srv.lock:
                srv.stats.requests += 1
                srv.stats.prompt_tokens += prompt
                srv.stats.completion_tokens += completion
                srv.stats.simulated_seconds += delay
            self._send(200, response)
            with srv.lock:
                srv.stats.last_reply = time.time()
        except (ValueError, KeyError, TypeError) as exc:
            with srv.lock:
                srv.stats.errors += 1
            self._send(
                400, {"error": {"message": f"bench server cannot answer: {exc}", "type": "invalid_request_error"}}
            )
        finally:
            with srv.lock:
                srv.stats.in_flight -= 1

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        """Write a JSON response."""
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def answer(request: dict[str, Any], config: ServerConfig) -> tuple[dict[str, Any], int, int]:
    """Build a chat completion for the request; returns (response, prompt_tokens, completion_tokens)."""
    messages = request["messages"]
    schema, tool_name = request_schema(request)
    if not schema:
        raise ValueError("request has neither tools nor a response_format schema")
    sentences = article_sentences(messages)
    items = max(1, round(len(sentences) * config.per_sentence)) if config.per_sentence > 0 else config.claims
    value = SchemaFiller(schema, sentences, items).fill()
    arguments = json.dumps(value)
    prompt = message_tokens(messages) + (count_tokens(json.dumps(request["tools"])) if request.get("tools") else 0)
    if isinstance(request.get("response_format"), dict) and tool_name is None:
        prompt += count_tokens(json.dumps(request["response_format"]))
    completion = count_tokens(arguments)
    message: dict[str, Any] = {"role": "assistant", "content": arguments}
    finish = "stop"
    if tool_name is not None:
        function = {"name": tool_name, "arguments": arguments}
        call = {"id": "call_" + uuid.uuid4().hex[:24], "type": "function", "function": function}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    response = {
        "id": "chatcmpl-" + uuid.uuid4().hex[:24],
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "bench"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }
    return response, prompt, completion


def article_sentences(messages: list[dict[str, Any]]) -> list[str]:
    """Sentences of the article text: the user messages (inside tags or fences, if any)."""
    text = "\n".join(content(m) for m in messages if m.get("role") == "user")
    tagged = [m.group(2) for m in _TAGGED.finditer(text)] or [m.group(1) for m in _FENCED.finditer(text)]
    lines = "\n".join(tagged).splitlines() if tagged else _without_header(text.splitlines())
    out: list[str] = []
    for line in lines:
        out.extend(s.strip() for s in _SENTENCE_END.split(line) if len(s.split()) >= 6)
    return out or [text.strip()]


def _without_header(lines: list[str]) -> list[str]:
    """Drop the leading 'Key: value' lines (title, outlet, date) that precede the article text."""
    i = 0
    while i < len(lines) and (not lines[i].strip() or _HEADER.match(lines[i])):
        i += 1
    return lines[i:] or lines


@contextmanager
def serve(config: ServerConfig | None = None) -> Iterator[BenchServer]:
    """Run a server in a background thread for the duration of the block."""
    server = BenchServer(config or ServerConfig())
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def fetch(base_url: str, route: str, method: str = "GET") -> dict[str, Any]:
    """Call a control route (stats, requests, reset) of a running bench server."""
    root = base_url.rsplit("/v1", 1)[0]
    req = urllib.request.Request(root + route, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(req, timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
    return result


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted; prints the base URL on the first line of stdout."""
    parser = argparse.ArgumentParser(prog="python -m bench.server", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=float, default=0.2, help="seconds per request before tokens (default 0.2)")
    parser.add_argument("--rate", type=float, default=1000.0, help="completion tokens per second (default 1000)")
    parser.add_argument("--claims", type=int, default=3, help="items per array of objects (default 3)")
    parser.add_argument(
        "--per-sentence", type=float, default=0.0, help="items per article sentence (overrides --claims)"
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--record", action="store_true", help="keep request bodies for GET /requests")
    args = parser.parse_args(argv)
    config = ServerConfig(
        base=args.base, rate=args.rate, claims=args.claims, per_sentence=args.per_sentence, record=args.record
    )
    server = BenchServer(config, port=args.port)
    print(server.base_url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
