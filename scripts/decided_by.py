"""Count the offline extractor's value claims by the layer that decided what each is about: the dependency tree
or the older clause rules (the other readers: roles, places, statuses, life states, doers, questions, ages).

    python scripts/decided_by.py seeds heldout heldout2 real1

Each name is a suite under suites/; its articles are read once and each distinct claim counted once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.config import Settings
from factcheck.extract.base import NullProgress
from factcheck.extract.offline import extractor
from factcheck.models import Claim
from factcheck.pipeline import load_sources

_LAYERS = {"_value": "clause rules", "_dependency_claim": "tree"}
_OTHERS = ("_role", "_places", "_statuses", "_life", "_agents", "_open_questions")


class _Tagged(list[Claim]):
    """The reader's claim list, remembering the layer that was deciding when each claim was added."""

    def __init__(self, current: list[str]) -> None:
        super().__init__()
        self.current = current
        self.layers: list[str] = []

    def append(self, claim: Claim) -> None:
        """Add a claim with the current layer."""
        self.layers.append(self.current[-1])
        super().append(claim)


def _wrap(method: Callable[..., Any], layer: str, current: list[str]) -> Callable[..., Any]:
    """The method, marking `layer` as deciding while it runs."""

    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        current.append(layer)
        try:
            return method(self, *args, **kwargs)
        finally:
            current.pop()

    return run


def count(suites: list[str]) -> dict[str, Counter[str]]:
    """Claims per layer for each suite."""
    reader = extractor._Reader
    current = ["other readers"]
    for name, layer in [*_LAYERS.items(), *((n, "other readers") for n in _OTHERS)]:
        setattr(reader, name, _wrap(getattr(reader, name), layer, current))
    seen: dict[str, Counter[str]] = {}
    read = reader.read

    def tagged_read(self: Any) -> list[Claim]:
        self.claims = _Tagged(current)
        out = read(self)
        for claim, layer in zip(self.claims, self.claims.layers, strict=True):
            found[(self.source.id, claim.with_id().id)] = layer
        return out

    reader.read = tagged_read  # type: ignore[method-assign]
    for suite in suites:
        found: dict[tuple[str, str], str] = {}
        spec = (Path("suites") / suite / "suite.yaml").read_text(encoding="utf-8")
        pattern = re.search(r"articles: (\S+)", spec)
        paths = sorted(str(p) for p in (Path("suites") / suite).glob(pattern.group(1))) if pattern else []
        extractor.OfflineExtractor().extract(load_sources(paths, Settings()), NullProgress())
        seen[suite] = Counter(found.values())
    return seen


def main(argv: list[str] | None = None) -> int:
    """Print the claims of each suite by deciding layer."""
    parser = argparse.ArgumentParser(prog="python scripts/decided_by.py", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("suites", nargs="+", help="suite names under suites/ (e.g. seeds real1)")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    for suite, layers in count(args.suites).items():
        total.update(layers)
        print(
            f"{suite:10} clause rules {layers['clause rules']:4}  tree {layers['tree']:4}  other {layers['other readers']:4}"
        )
    print(
        f"{'all':10} clause rules {total['clause rules']:4}  tree {total['tree']:4}  other {total['other readers']:4}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
