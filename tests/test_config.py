import pytest

from factcheck.config import load_settings
from factcheck.errors import ConfigError
from factcheck.extract import choose_extractor


def test_auto_is_offline_without_endpoint(tmp_path):
    s = load_settings({}, env={}, cwd=tmp_path)
    assert choose_extractor(s) == "offline"


def test_auto_is_llm_with_base_url(tmp_path):
    s = load_settings({}, env={"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"}, cwd=tmp_path)
    assert choose_extractor(s) == "llm"
    assert s.server_kind() == "llamacpp" and s.resolved_mode() == "tools"


@pytest.mark.parametrize(
    "url,kind,mode",
    [
        ("http://localhost:11434/v1", "ollama", "json_schema"),
        ("http://gpu:8000/v1", "vllm", "json_schema"),
        ("https://api.openai.com/v1", "openai", "tools"),
    ],
)
def test_mode_defaults_per_server(tmp_path, url, kind, mode):
    s = load_settings({}, env={"OPENAI_BASE_URL": url}, cwd=tmp_path)
    assert (s.server_kind(), s.resolved_mode()) == (kind, mode)


def test_precedence_file_env_flag(tmp_path):
    (tmp_path / "factcheck.toml").write_text('model = "from-file"\nconcurrency = 2\n', encoding="utf-8")
    s = load_settings({}, env={"FACTCHECK_MODEL": "from-env"}, cwd=tmp_path)
    assert (s.model, s.concurrency) == ("from-env", 2)
    s = load_settings({"model": "from-flag"}, env={"FACTCHECK_MODEL": "from-env"}, cwd=tmp_path)
    assert s.model == "from-flag"


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\ntimeout = 5\n", encoding="utf-8")
    assert load_settings({}, env={}, cwd=tmp_path).timeout == 5.0


def test_llm_without_endpoint_says_what_to_set(tmp_path):
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        load_settings({"extractor": "llm"}, env={}, cwd=tmp_path)


def test_key_in_config_file_is_refused(tmp_path):
    (tmp_path / "factcheck.toml").write_text('api_key = "sk-nope"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        load_settings({}, env={}, cwd=tmp_path)


def test_key_not_in_repr(tmp_path):
    s = load_settings({}, env={"OPENAI_API_KEY": "sk-secret-123"}, cwd=tmp_path)
    assert "sk-secret-123" not in repr(s)


def test_bad_number_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="concurrency"):
        load_settings({}, env={"FACTCHECK_CONCURRENCY": "many"}, cwd=tmp_path)
