"""A fault-injecting OpenAI-compatible server on loopback, for reliability tests of the llm extractor.

POST /v1/chat/completions answers like a model that follows the request's schema (a forced tool
call, or a response_format JSON schema): every list of records gets one record per sentence of
the excerpt, each quoting its sentence verbatim, so quote grounding succeeds. GET /v1/models lists
one model. Scripted faults replace the answer for requests whose excerpt contains a marker:
429 with retry-after, 500, 503, a response slower than the client's timeout (or held until other
requests arrive), a connection dropped mid-body, a 401 or 500 quoting the API key it was sent, a
truncated JSON body, truncated tool arguments, arguments that violate the schema, an empty choices
list, and `obey`: the server does what text in the excerpt tells it to (a model taken over by a
prompt injection). Every request is logged on arrival, so tests can count them per chunk."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.answers import SchemaFiller, content, request_schema

FAULTS = (
    "401",
    "429",
    "500",
    "503",
    "echo_key",
    "slow",
    "hold",
    "drop",
    "truncated_body",
    "truncated_args",
    "bad_schema",
    "empty_choices",
    "obey",
    "null_message",
    "odd_tool_call",
    "drip",
    "huge_field",
    "many_claims",
    "wrong_value",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+")
_HEADER_LINE = re.compile(r"^[A-Z][\w ]{0,30}:")


@dataclass
class Fault:
    """A scripted fault: `kind` for requests whose excerpt contains `match` (any request if None)."""

    kind: str
    match: str | None = None
    times: int | None = None  # how many matching requests get the fault; None: all of them
    delay: float = 5.0  # seconds, for `slow`; the longest wait for `hold`
    until: int = 0  # for `hold`: answer only once this many requests have arrived (runs in flight together)
    retry_after: str | None = "0.05"  # Retry-After header of 429/500/503 answers (seconds); None: no header
    once_each: bool = False  # at most once per distinct excerpt, so every retry of it succeeds
    used: int = 0
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.kind not in FAULTS:
            raise ValueError(f"unknown fault {self.kind!r}; one of {FAULTS}")


@dataclass
class Logged:
    """One request as the server saw it."""

    at: float
    path: str
    excerpt: str
    fault: str | None
    status: int
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


class FaultServer(ThreadingHTTPServer):
    """The server; thread per connection; faults and log shared under a lock."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.faults: list[Fault] = []
        self.log: list[Logged] = []
        self.lock = threading.Lock()
        self.closing = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def add(self, kind: str, match: str | None = None, times: int | None = None, **kw: Any) -> Fault:
        """Script a fault; returns it so a test can read how often it fired (`used`)."""
        fault = Fault(kind, match, times, **kw)
        with self.lock:
            self.faults.append(fault)
        return fault

    def reset(self) -> None:
        with self.lock:
            self.faults.clear()
            self.log.clear()

    def completions(self, containing: str | None = None) -> list[Logged]:
        """Logged chat-completion requests, optionally only those whose excerpt contains a text."""
        with self.lock:
            chats = [r for r in self.log if r.path.endswith("/chat/completions")]
        return [r for r in chats if containing is None or containing in r.excerpt]

    def count(self, containing: str | None = None) -> int:
        return len(self.completions(containing))

    def pick_fault(self, excerpt: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.match is not None and fault.match not in excerpt:
                    continue
                if (fault.times is not None and fault.used >= fault.times) or (
                    fault.once_each and excerpt in fault.seen
                ):
                    continue
                fault.used += 1
                fault.seen.add(excerpt)
                return fault
        return None

    def record(self, entry: Logged) -> None:
        with self.lock:
            self.log.append(entry)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        found = self.path.rstrip("/").endswith("/models")
        self.server.record(Logged(time.monotonic(), self.path, "", None, 200 if found else 404))
        if found:
            self._send(200, {"object": "list", "data": [{"id": "fault-model", "object": "model", "owned_by": "tests"}]})
        else:
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        try:
            request = json.loads(raw)
        except json.JSONDecodeError:
            self._send(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
            return
        excerpt = excerpt_of(request.get("messages") or [])
        fault = self.server.pick_fault(excerpt)
        headers = {k.lower(): v for k, v in self.headers.items()}
        entry = Logged(time.monotonic(), self.path, excerpt, fault.kind if fault else None, 0, request, headers)
        self.server.record(entry)  # logged on arrival, so a request still in progress is counted
        entry.status = self._answer(request, excerpt, fault)

    def _answer(self, request: dict[str, Any], excerpt: str, fault: Fault | None) -> int:
        kind = fault.kind if fault else None
        if kind in ("429", "500", "503"):
            assert fault is not None
            status = int(kind)
            message = "rate limit reached" if status == 429 else "the server had an error"
            headers = {"retry-after": fault.retry_after} if fault.retry_after is not None else {}
            self._send(status, _error(message, "rate_limit_exceeded" if status == 429 else "server_error"), headers)
            return status
        if kind in ("401", "echo_key"):  # a careless server that quotes the credentials it was sent
            status = 401 if kind == "401" else 500
            said = self.headers.get("authorization", "")
            self._send(status, _error(f"credentials {said!r} rejected", "invalid_api_key"), {"x-echo-key": said})
            return status
        if kind == "slow":
            assert fault is not None
            self.server.closing.wait(fault.delay)
        if kind == "hold":
            assert fault is not None
            deadline = time.monotonic() + fault.delay
            while (
                self.server.count() < fault.until and time.monotonic() < deadline and not self.server.closing.is_set()
            ):
                self.server.closing.wait(0.01)
        completion = answer(request, excerpt, obey=kind == "obey", bad_schema=kind == "bad_schema")
        if kind == "empty_choices":
            completion["choices"] = []
        if kind == "null_message":
            completion["choices"][0]["message"] = None
        if kind == "odd_tool_call":  # arguments as an object, not a string, echoing the credentials sent
            call = completion["choices"][0]["message"]["tool_calls"][0]
            call["function"]["arguments"] = [self.headers.get("authorization", ""), "claims"]
        if kind in ("huge_field", "many_claims", "wrong_value"):
            _reshape(completion, kind)
        if kind == "truncated_args":
            _cut_arguments(completion)
        data = json.dumps(completion).encode()
        if kind == "drip":
            return self._drip(data)
        if kind == "truncated_body":
            data = data[: len(data) // 2]
        if kind == "drop":
            self._send_bytes(200, data, cut=len(data) // 2)
            return 200
        self._send_bytes(200, data)
        return 200

    def _drip(self, data: bytes) -> int:
        """Send the answer one byte a second (each byte resets a per-read timeout)."""
        try:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(data)):
                if self.server.closing.wait(1.0):
                    break
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        return 200

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(payload).encode(), headers=headers)

    def _send_bytes(
        self, status: int, data: bytes, cut: int | None = None, headers: dict[str, str] | None = None
    ) -> None:
        """Send a response; with `cut`, promise all of `data` but close the connection after `cut` bytes."""
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data if cut is None else data[:cut])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): nothing to do
            return
        if cut is not None:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)


def _error(message: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": code, "code": code}}


def excerpt_of(messages: list[dict[str, Any]]) -> str:
    """The user messages' text without the leading 'Key: value' header lines."""
    text = "\n".join(content(m) for m in messages if m.get("role") == "user")
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (not lines[i].strip() or _HEADER_LINE.match(lines[i])):
        i += 1
    return "\n".join(lines[i:]).strip() or text


def sentences(excerpt: str) -> list[str]:
    """Sentences of the excerpt, one line at a time (headings and short fragments dropped)."""
    out: list[str] = []
    for line in excerpt.splitlines():
        out.extend(s.strip() for s in _SENTENCE_END.split(line.strip()) if len(s.split()) >= 5)
    return out


def answer(request: dict[str, Any], excerpt: str, obey: bool = False, bad_schema: bool = False) -> dict[str, Any]:
    """A chat completion satisfying the request's schema, quoting the excerpt's sentences."""
    schema, tool = request_schema(request)
    said = sentences(excerpt)
    value: Any = SchemaFiller(schema, said).fill()
    if obey:
        value = _obey(value, [s for s in said if _is_instruction(s)])
    if bad_schema:
        value = _violate(value)
    arguments = json.dumps(value)
    message: dict[str, Any] = {"role": "assistant", "content": arguments}
    finish = "stop"
    if tool is not None:
        call = {
            "id": "call_" + uuid.uuid4().hex[:20],
            "type": "function",
            "function": {"name": tool, "arguments": arguments},
        }
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    prompt_tokens = sum(len(content(m).split()) for m in request.get("messages") or [])
    completion_tokens = len(arguments.split())
    return {
        "id": "chatcmpl-" + uuid.uuid4().hex[:20],
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "fault-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _is_instruction(sentence: str) -> bool:
    return bool(re.search(r"\b(ignore|disregard|forget)\b.{0,40}\binstructions?\b", sentence, re.I))


def _obey(value: Any, told: list[str]) -> Any:
    """Do what the article says: echo its instruction in every field of the record quoting it, and add fields."""
    if isinstance(value, list):
        return [_obey(v, told) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _obey(v, told) for k, v in value.items()}
    if out.get("quote") in told:
        out.update(
            {k: out["quote"] for k, v in out.items() if isinstance(v, str) and k not in ("value_type", "modality")}
        )
    if told:
        out["instructions_followed"] = told[0]
    return out


def _violate(value: Any) -> Any:
    """Break the schema: every string becomes a number and lists become a string."""
    if isinstance(value, dict):
        return {k: _violate(v) for k, v in value.items()}
    if isinstance(value, list):
        return "not a list"
    if isinstance(value, str):
        return 12345
    return value


def _reshape(completion: dict[str, Any], kind: str) -> None:
    """A 50 MB field, 10,000 claims, or a value absent from its quote, in the first tool call's arguments."""
    message = completion["choices"][0]["message"]
    holder = message["tool_calls"][0]["function"] if message.get("tool_calls") else message
    key = "arguments" if message.get("tool_calls") else "content"
    value = json.loads(holder[key])
    claims = value.get("claims") or []
    if kind == "huge_field" and claims:
        claims[0]["attribution"] = "x" * 50_000_000
    if kind == "many_claims" and claims:
        value["claims"] = [dict(claims[0]) for _ in range(10_000)]
    if kind == "wrong_value":
        for claim in claims:
            claim["value"], claim["value_type"] = "Tokyo", "entity"
    holder[key] = json.dumps(value)


def _cut_arguments(completion: dict[str, Any]) -> None:
    """Cut the tool arguments (or content) in half, as a model stopped mid-answer would."""
    message = completion["choices"][0]["message"]
    if message.get("tool_calls"):
        fn = message["tool_calls"][0]["function"]
        fn["arguments"] = fn["arguments"][: len(fn["arguments"]) // 2]
    else:
        message["content"] = message["content"][: len(message["content"]) // 2]


def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve() -> Iterator[FaultServer]:
    """Run a FaultServer in a background thread for the duration of the block."""
    server = FaultServer()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-server", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without model endpoints, keys or factcheck settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FACTCHECK_"))}
    env.update(extra)
    return env


def start_cli(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """Start `python -m factcheck.cli ARGS` as a child process with piped output. Ctrl-C reaches it as at a
    terminal even when the tests themselves run as a background job, whose shell ignores SIGINT for them."""
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    """In the child, before exec: SIGINT back to its default, so Python installs its Ctrl-C handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m factcheck.cli ARGS` to completion."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, interval: float = 0.02) -> None:
    """Poll until condition() is true; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(interval)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    """Run the CLI in this process with captured stdout/stderr (for tests that need no separate process)."""
    import contextlib
    import io

    from factcheck import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


def llm_env(server: FaultServer, cache: Path, concurrency: int, timeout: float) -> dict[str, str]:
    """Settings for a real `factcheck` process extracting with the llm path from SERVER in small chunks."""
    return clean_env(
        OPENAI_BASE_URL=server.base_url,
        FACTCHECK_EXTRACTOR="llm",
        FACTCHECK_CACHE_PATH=str(cache),
        FACTCHECK_CHUNK_CHARS="120",
        FACTCHECK_CHUNK_OVERLAP="0",
        FACTCHECK_CONCURRENCY=str(concurrency),
        FACTCHECK_TIMEOUT=f"{timeout:g}",
        FACTCHECK_MAX_RETRIES="1",
    )


def comparable(report_json: str) -> dict[str, Any]:
    """The report minus what legitimately differs between runs: timings and request/cache counts."""
    data = json.loads(report_json)
    data["run"].pop("timings")
    data["run"].pop("usage")
    return data
