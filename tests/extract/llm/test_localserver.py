"""Prompt files, the local-server launcher and the model commands' error paths."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from paths import ROOT

from factcheck import cli
from factcheck.errors import ConfigError
from factcheck.extract.llm.localserver import check_model_file, server_command
from factcheck.extract.llm.prompts import load_prompt, parse_prompt, prompt_dirs

REPO = ROOT


def test_extract_prompt_has_identity_and_both_sections() -> None:
    prompt = load_prompt("extract_claims")
    path = REPO / "prompts" / "extract_claims.md"
    assert prompt.info.id == "extract_claims" and prompt.info.version
    assert prompt.info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    messages = prompt.messages(title="T", outlet="O", published="2023-03-27", index=1, total=2, text="Body text.")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Body text." in messages[1]["content"] and "2023-03-27" in messages[1]["content"]
    assert "${" not in messages[1]["content"]


def test_packaged_prompts_are_the_repository_prompts() -> None:
    first = prompt_dirs()[0]
    assert (first / "extract_claims.md").read_bytes() == (REPO / "prompts" / "extract_claims.md").read_bytes()


def test_a_missing_placeholder_is_an_error_not_a_blank() -> None:
    with pytest.raises(ConfigError, match="placeholder"):
        load_prompt("extract_claims").messages(title="T")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"## system\nx\n## user\ny\n", "front matter"),
        (b"---\nid: a\n---\n## system\nx\n## user\ny\n", "id and version"),
        (b"---\nid: a\nversion: 1\n---\n## system\nonly system\n", "## user"),
    ],
)
def test_malformed_prompt_files_are_refused(raw: bytes, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        parse_prompt(raw, "p.md")


def test_unknown_prompt_says_so() -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_prompt("no_such_prompt")


def test_server_command_serves_on_loopback_under_the_file_name(tmp_path: Path) -> None:
    cmd = server_command(tmp_path / "tiny-model.gguf", port=8123, chat_format="gemma")
    assert cmd[:3] == [sys.executable, "-m", "llama_cpp.server"]
    pairs = dict(zip(cmd[3::2], cmd[4::2], strict=False))
    assert pairs["--host"] == "127.0.0.1" and pairs["--port"] == "8123"
    assert pairs["--model_alias"] == "tiny-model" and pairs["--chat_format"] == "gemma"
    assert pairs["--interrupt_requests"] == "False" and int(pairs["--n_ctx"]) >= 4096


def test_model_file_must_be_gguf(tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"not a model")
    with pytest.raises(Exception, match="not a GGUF"):
        check_model_file(fake)
    with pytest.raises(Exception, match="no such model file"):
        check_model_file(tmp_path / "missing.gguf")


def test_serve_local_with_a_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve-local", str(tmp_path / "missing.gguf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("factcheck: error:") and "missing.gguf" in err[0]


def test_doctor_without_an_endpoint_says_what_to_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["doctor"]) == 2
    err = capsys.readouterr().err
    assert "OPENAI_API_KEY" in err and "OPENAI_BASE_URL" in err
