"""Versioned prompt files: YAML front matter (id, version) and `## system` / `## user` sections.

The files live in the top-level prompts/ directory of the repository, which is packaged as
factcheck/prompts in the wheel. A prompt's id, version and sha256 go into every report and
every cache key, so a changed prompt never reuses an answer given to the old one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import yaml

from factcheck.errors import ConfigError
from factcheck.models import PromptInfo

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_SECTION = re.compile(r"^## (system|user)[ \t]*$", re.M)


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt: its identity and the two message templates."""

    info: PromptInfo
    system: str
    user: str
    path: str

    def messages(self, **values: Any) -> list[dict[str, str]]:
        """Chat messages with ${placeholders} filled in; a missing value is an error, not a blank."""
        try:
            user = Template(self.user).substitute({k: str(v) for k, v in values.items()})
        except KeyError as exc:
            raise ConfigError(
                f"prompt {self.info.id}: no value for placeholder {exc}", "pass every placeholder"
            ) from exc
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


def prompt_dirs() -> list[Path]:
    """Where prompt files are looked up: the packaged copy, then the repository's prompts/."""
    dirs: list[Path] = []
    packaged = resources.files("factcheck") / "prompts"
    if packaged.is_dir():
        dirs.append(Path(str(packaged)))
    repo = Path(__file__).resolve().parents[3] / "prompts"
    if repo.is_dir() and repo not in dirs:
        dirs.append(repo)
    return dirs


@cache
def load_prompt(prompt_id: str) -> Prompt:
    """Load prompts/<id>.md and check its front matter."""
    for directory in prompt_dirs():
        path = directory / f"{prompt_id}.md"
        if path.is_file():
            return parse_prompt(path.read_bytes(), str(path))
    raise ConfigError(f"prompt {prompt_id!r} not found", "reinstall factcheck: its prompts/ directory is missing")


def parse_prompt(raw: bytes, name: str) -> Prompt:
    """Parse the bytes of a prompt file; the sha256 is over the exact bytes."""
    text = raw.decode("utf-8")
    match = _FRONT.match(text)
    if not match:
        raise ConfigError(f"{name}: prompt file has no front matter", "start it with ---, id:, version:, ---")
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict) or "id" not in meta or "version" not in meta:
        raise ConfigError(f"{name}: front matter needs id and version", "add `id:` and `version:` lines")
    body = text[match.end() :]
    parts = _SECTION.split(body)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if set(sections) != {"system", "user"}:
        raise ConfigError(f"{name}: needs a '## system' and a '## user' section", "see prompts/extract_claims.md")
    info = PromptInfo(id=str(meta["id"]), version=str(meta["version"]), sha256=hashlib.sha256(raw).hexdigest())
    return Prompt(info=info, system=sections["system"], user=sections["user"], path=name)
