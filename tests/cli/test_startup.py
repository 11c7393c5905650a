"""`factcheck --help` starts fast: the command line imports no heavy package before a command needs it."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("yaml", "rich", "pydantic", "spacy", "numpy", "openai", "instructor")


@pytest.mark.slow  # a real child process
def test_the_command_line_imports_nothing_heavy() -> None:
    code = f"import sys, factcheck.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
