"""The gold annotations are well-formed, grounded in the article bodies, and in sync with their sources."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from paths import ROOT

from factcheck.models import Claim, ValueType
from factcheck.sources.article import read_source

SETS = [
    (ROOT / "seeds", ROOT / "testdata" / "gold"),
    (ROOT / "testdata" / "extraction", ROOT / "testdata" / "extraction" / "gold"),
]


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "testdata" / "gold" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files() -> list[tuple[Path, Path]]:
    return [(articles, path) for articles, gold in SETS for path in sorted(gold.glob("*.json"))]


def test_all_five_seeds_have_gold() -> None:
    assert {p.stem for p in (ROOT / "testdata" / "gold").glob("*.json")} == {
        p.stem for p in (ROOT / "seeds").glob("*.txt")
    }


@pytest.mark.parametrize(("articles", "path"), _files(), ids=lambda x: x.name if isinstance(x, Path) else str(x))
def test_gold_file_is_grounded(articles: Path, path: Path) -> None:
    source = read_source(articles / f"{path.stem}.txt")
    claims = [Claim.model_validate(item) for item in json.loads(path.read_text(encoding="utf-8"))]
    assert claims
    for c in claims:
        assert c.source_id == source.id
        assert source.text[c.span.start : c.span.end] == c.quote
        assert any(b.start <= c.span.start and c.span.end <= b.end for b in source.body), "quote outside the body"
        assert c.value.text in c.quote
        assert c.extractor == "gold" and c.id == c.with_id().id
        if c.value.type == ValueType.DATE:
            assert c.value.period is not None and c.time is not None
        if c.value.type in (ValueType.NUMBER, ValueType.ORDINAL, ValueType.MONEY):
            assert c.value.number is not None


@pytest.mark.parametrize(("articles", "gold"), SETS, ids=["seeds", "heldout"])
def test_gold_json_matches_its_annotations(articles: Path, gold: Path) -> None:
    build = _builder()
    for src in sorted((gold / "src").glob("*.yaml")):
        assert (gold / f"{src.stem}.json").read_text(encoding="utf-8") == build.render(
            build.build(src.stem, articles, gold)
        )


def test_shared_facts_use_one_slot_across_articles() -> None:
    """The facts several articles state carry the same subject_key and attribute in every file."""
    gold = ROOT / "testdata" / "gold"
    claims = [Claim.model_validate(x) for p in gold.glob("*.json") for x in json.loads(p.read_text(encoding="utf-8"))]
    slots: dict[tuple[str, str, str], set[str]] = {}
    for c in claims:
        slots.setdefault((c.subject_key, c.attribute, c.value.normalized), set()).add(c.source_id[:3])
    assert slots[("japan_south_korea_security_talks", "last held", "2018-03")] == {"000", "001"}
    assert slots[("japan_south_korea_security_talks", "first meeting date", "1998-06")] == {"000", "001"}
    assert slots[("japan_south_korea_security_talks", "first meeting place", "seoul")] == {"000", "001"}
    assert slots[("japan", "colonial rule period", "1910/1945")] == {"000", "001", "003"}
    assert {v for (k, a, v) in slots if (k, a) == ("north_korea", "nuclear test number")} == {"5", "7"}
    assert {v for (k, a, v) in slots if (k, a) == ("fumio_kishida", "role")} == {"prime minister", "foreign minister"}
