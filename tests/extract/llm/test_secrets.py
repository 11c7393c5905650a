"""An API key never leaves the request header: not in reports (any format), cache, raw-output files,
error messages, --debug output or cassettes, even when the server echoes it back."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultserver import FaultServer, clean_env, run_cli, serve
from paths import TESTDATA

from factcheck import cli

KEY = "sk-" + "factcheck-LEAKCHECK-0123456789abcdef"  # fake
TOKEN = "LEAKCHECK"  # any fragment of the key that carries this is a leak
ARTICLE = (
    "The Alder Street bridge reopened on March 4, 2024, after repairs that cost $2 million.\n\n"
    "Birch County hired 14 new teachers for the school year, the district said.\n\n"
    "The Cedar Valley dam holds 3.2 billion gallons of water when it is full.\n\n"
    "Dogwood Park will host the city festival for the seventh time next month.\n"
)
CASSETTES = TESTDATA / "cassettes"


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with serve() as srv:
        yield srv


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: FaultServer) -> Path:
    """Everything factcheck may write (home, cache, outputs) lands under tmp_path, which is scanned."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "FACTCHECK_")):
            monkeypatch.delenv(name)
    env = {
        "OPENAI_API_KEY": KEY,
        "OPENAI_BASE_URL": server.base_url,
        "FACTCHECK_EXTRACTOR": "llm",
        "FACTCHECK_TIMEOUT": "2",
        "FACTCHECK_MAX_RETRIES": "1",
        "FACTCHECK_VALIDATION_RETRIES": "1",
        "FACTCHECK_CHUNK_CHARS": "120",
        "FACTCHECK_CHUNK_OVERLAP": "0",
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "home" / ".cache"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def leaks(data: str | bytes) -> bool:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return TOKEN in text or TOKEN.lower() in text.lower()


def test_key_is_sent_but_never_written(
    home: Path, server: FaultServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs: list[str] = []

    def run(*argv: str) -> int:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        outputs.extend([out, err])
        return code

    # A clean run in every format (the cache fills), then the same from the cache.
    for fmt in ("json", "markdown", "html", "terminal"):
        assert run("compare", "story.txt", "--format", fmt, "-o", f"report.{fmt}") in (0, 1)
    assert run("compare", "story.txt", "--format", "json") in (0, 1)
    # Faults: a schema violation (raw output saved beside a fresh cache), a server error quoting the key, a timeout.
    server.add("bad_schema", match="Alder")
    server.add("echo_key", match="Birch")
    server.add("slow", match="Cedar", delay=3)
    assert (
        run(
            "compare",
            "story.txt",
            "--format",
            "json",
            "--cache-path",
            "fresh/cache.sqlite3",
            "-o",
            "failed.json",
            "--debug",
            "--timeout",
            "0.3",
        )
        == 3
    )
    assert run("compare", "story.txt", "--format", "markdown", "--no-cache", "--timeout", "0.3") == 3
    # A fatal rejection of the key, with and without --debug (traceback), and the endpoint check.
    sent = [r.headers.get("authorization", "") for r in server.completions()]
    server.reset()
    server.add("401")
    assert run("compare", "story.txt", "--no-cache") != 0
    assert run("compare", "story.txt", "--no-cache", "--debug") != 0
    run("doctor", "--debug")
    run("cache", "stats")
    # A key smuggled into the endpoint URL (user:password@host) is not written either.
    sent += [r.headers.get("authorization", "") for r in server.completions()]
    server.reset()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url.replace("://", f"://user:{KEY}@"))
    assert run("compare", "story.txt", "--format", "json", "--no-cache", "-o", "url.json") in (0, 1)

    assert sent and all(h == f"Bearer {KEY}" for h in sent), "the key was not in use, so this test would prove nothing"
    assert server.count() == 4 and all(r.headers["authorization"].startswith("Basic ") for r in server.completions())

    written = [p for p in home.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert {"report.json", "report.markdown", "report.html", "report.terminal", "failed.json", "url.json"} <= names
    assert any(p.suffix == ".sqlite3" for p in written), "no cache file was written"
    assert any(p.parent.name == "failed" for p in written), "no raw-output file was saved"
    assert any("HTTP 500" in o for o in outputs) and any("Traceback" in o for o in outputs)
    for path in written:
        assert not leaks(path.read_bytes()), f"the key leaked into {path.relative_to(home)}"
    for n, text in enumerate(outputs):
        assert not leaks(text), f"the key leaked into output #{n}: {text[:300]}"


@pytest.mark.slow  # a real child process
def test_debug_run_in_a_real_process(home: Path, server: FaultServer) -> None:
    server.add("echo_key")
    env = clean_env(**{k: v for k, v in os.environ.items() if k.startswith(("OPENAI_", "FACTCHECK_", "HOME", "XDG_"))})
    proc = run_cli(["compare", "story.txt", "--debug", "--no-cache"], home, env)
    assert proc.returncode == 3 and "Traceback" in proc.stderr
    assert KEY in server.completions()[0].headers.get("authorization", "")
    assert not leaks(proc.stdout) and not leaks(proc.stderr), proc.stderr[-2000:]


@pytest.mark.skipif(not CASSETTES.is_dir(), reason="no cassettes recorded")
def test_cassettes_hold_no_credentials() -> None:
    files = [p for p in CASSETTES.rglob("*") if p.is_file()]
    if not files:
        pytest.skip("no cassettes recorded")
    secret = re.compile(r"sk-[A-Za-z0-9_-]{16,}|Bearer [A-Za-z0-9_-]{8,}|\bauthorization\b\s*:", re.I)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not secret.search(text), f"{path.name} holds a credential"
        assert not leaks(text)
