"""Where the repository and its test data are, for tests wherever they sit under tests/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TESTDATA = ROOT / "testdata"
