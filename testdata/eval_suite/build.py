"""Build the tiny suite's gold claims and the fixed predictions the eval tests feed in place of an extractor.

The claims below were written by reading the three articles; this script only finds each quote in its
article (span) and writes the JSON. Run from the repository root: python testdata/eval_suite/build.py

predicted/ is NOT model or extractor output: it is the gold with three deliberate errors (alpha misses
the mayor's role, beta dates the first opening 1963, gamma adds a spurious date), so the tests know
every figure in advance.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.models import Claim, Modality, Span
from factcheck.sources.article import read_source
from factcheck.testing import make_value

HERE = Path(__file__).resolve().parent
Row = tuple[str, str, str, str, str, str, str]  # subject_key, attribute, type, text, normalized, quote, modality

GOLD: dict[str, list[Row]] = {
    "articles/alpha.txt": [
        (
            "harbor_bridge",
            "reopened",
            "date",
            "March 8, 2024",
            "2024-03-08",
            "The Harbor Bridge reopened on March 8, 2024",
            "reported",
        ),
        (
            "harbor_bridge",
            "repair cost",
            "money",
            "$12 million",
            "USD 12000000",
            "Repairs to the bridge cost $12 million",
            "reported",
        ),
        ("harbor_bridge", "first opened", "date", "1962", "1962", "The bridge first opened in 1962", "reported"),
        (
            "harbor_bridge",
            "daily vehicles",
            "number",
            "40,000",
            "40000",
            "the bridge carries 40,000 vehicles a day",
            "reported",
        ),
        ("ana_ruiz", "role", "text", "Mayor", "mayor", "Mayor Ana Ruiz", "reported"),
    ],
    "articles/beta.txt": [
        (
            "harbor_bridge",
            "reopened",
            "date",
            "March 8, 2024",
            "2024-03-08",
            "the Harbor Bridge reopened on March 8, 2024",
            "reported",
        ),
        (
            "harbor_bridge",
            "repair cost",
            "money",
            "$12 million",
            "USD 12000000",
            "The repairs cost $12 million",
            "reported",
        ),
        ("harbor_bridge", "first opened", "date", "1962", "1962", "The bridge first opened in 1962", "reported"),
        (
            "harbor_bridge",
            "daily vehicles",
            "number",
            "40,000",
            "40000",
            "now carries 40,000 vehicles a day",
            "reported",
        ),
    ],
    "articles/gamma.txt": [
        (
            "harbor_bridge",
            "closure date",
            "date",
            "July 2023",
            "2023-07",
            "The Harbor Bridge will close for repairs in July 2023",
            "planned",
        ),
        (
            "harbor_bridge",
            "daily vehicles",
            "number",
            "35,000",
            "35000",
            "The bridge carries 35,000 vehicles a day",
            "reported",
        ),
    ],
}

BETA_ERROR = ("harbor_bridge", "first opened", "date", "1963", "1963", "The bridge first opened in 1962", "reported")
PREDICTED: dict[str, list[Row]] = {
    "articles/alpha.txt": GOLD["articles/alpha.txt"][:4],
    "articles/beta.txt": [*GOLD["articles/beta.txt"][:2], BETA_ERROR, GOLD["articles/beta.txt"][3]],
    "articles/gamma.txt": [
        *GOLD["articles/gamma.txt"],
        ("city", "announcement date", "date", "said", "2023-06-01", "the city said", "reported"),
    ],
    "perturbed/repair-cost/beta.txt": [
        GOLD["articles/beta.txt"][0],
        (
            "harbor_bridge",
            "repair cost",
            "money",
            "$15 million",
            "USD 15000000",
            "The repairs cost $15 million",
            "reported",
        ),
        BETA_ERROR,
        GOLD["articles/beta.txt"][3],
    ],
}


def claims(article: str, rows: list[Row], extractor: str) -> list[Claim]:
    """Claims with spans found in the article text."""
    source = read_source(HERE / article)
    out = []
    for subject_key, attribute, kind, text, normalized, quote, modality in rows:
        start = source.text.index(quote)
        number = float(normalized.split()[-1]) if kind in ("money", "number") else None
        unit = normalized.split()[0] if kind == "money" else None
        out.append(
            Claim(
                source_id=source.id,
                subject=subject_key.replace("_", " "),
                subject_key=subject_key,
                attribute=attribute,
                value=make_value(kind, text, normalized, number=number, unit=unit),
                quote=quote,
                span=Span(start=start, end=start + len(quote)),
                modality=Modality(modality),
                extractor=extractor,
            ).with_id()
        )
    return out


def write(path: Path, items: list[Claim]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([c.model_dump(mode="json") for c in items], indent=1) + "\n", encoding="utf-8")


def main() -> None:
    for article, rows in GOLD.items():
        write(HERE / "gold" / f"{Path(article).stem}.json", claims(article, rows, "gold"))
    for article, rows in PREDICTED.items():
        write(HERE.parent / "eval_predicted" / Path(article).with_suffix(".json"), claims(article, rows, "fixed"))


if __name__ == "__main__":
    main()
