"""What the report says about its inputs: stable ids, one origin counted once, undated sources, whole sentences."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from cliharness import Run, report_of, write
from paths import ROOT

from factcheck import cli
from factcheck.models import Report

pytestmark = pytest.mark.usefixtures("isolated")  # every test runs in its own folder


SEEDS = ROOT / "seeds"

# Four articles relay one Canada.com sentence; a fifth, independent one disagrees.
PIZZA = {
    "a.txt": "Lucia Romano has worked at Tony's Pizzeria in Hamilton for 11 years, according to Canada.com. "
    '"It\'s the same pizza as they sold when she started there 11 years ago," the report said.\n\n'
    "The pizzeria opened in 1987 on King Street.\n",
    "b.txt": "The Hamilton pizzeria where Lucia Romano has worked for 11 years has not changed its recipe, "
    "according to Canada.com.\n\nTony's Pizzeria opened in 1987, the owner said.\n",
    "c.txt": "Lucia Romano has worked at Tony's Pizzeria for 11 years, according to Canada.com, and says the pizza "
    "has never changed.\n\nThe restaurant opened in 1987.\n",
    "d.txt": "Staff at Tony's Pizzeria in Hamilton say it's the same pizza as they sold when Lucia Romano started "
    "there 11 years ago.\n\nThe King Street restaurant opened in 1987.\n",
    "e.txt": "Lucia Romano has worked at Tony's Pizzeria for 9 years, the owner told the Spectator.\n\n"
    "The pizzeria opened in 1991.\n",
}


def _pizza(isolated: Path) -> list[str]:
    return [write(isolated / "story" / name, text) for name, text in PIZZA.items()]


# --- ids survive metadata edits ------------------------------------------------------------------


def test_review_decisions_survive_adding_front_matter(
    isolated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    story = isolated / "seeds"
    shutil.copytree(SEEDS, story)
    monkeypatch.setattr("sys.stdin", io.StringIO("d same wire copy\nq\n"))
    assert cli.main(["review", "seeds"]) == cli.EXIT_OK
    capsys.readouterr()
    decided = json.loads((story / "factcheck-review.json").read_text(encoding="utf-8"))["decisions"]
    assert len(decided) == 1
    assert cli.main(["compare", "seeds", "--format", "json"]) == cli.EXIT_OK  # its one contradiction dismissed
    before = Report.model_validate_json(capsys.readouterr().out)
    for article in sorted(story.glob("*.txt")):  # every article gets front matter: every span moves
        meta = (article.with_suffix(".meta.yaml")).read_text(encoding="utf-8")
        published = re.search(r"^published: (\S+)", meta, re.M).group(1)  # type: ignore[union-attr]
        article.write_text(
            f"---\ntitle: Edited title\npublished: {published}\n---\n" + article.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    assert cli.main(["compare", "seeds", "--format", "json"]) == cli.EXIT_OK
    after = Report.model_validate_json(capsys.readouterr().out)
    assert {c.id for c in after.claims} == {c.id for c in before.claims}
    assert {f.id for f in after.findings} == {f.id for f in before.findings}
    assert set(decided) <= {f.id for f in after.findings}


def test_same_quote_twice_in_one_source_gets_two_ids(run: Run, isolated: Path) -> None:
    line = "The bridge reopened on March 4, 2024, the city said."
    report = report_of(
        run(write(isolated / "a.txt", f"{line}\n\nIt was closed for a year.\n\n{line}  \n"), "--format", "json")
    )
    ids = [c.id for c in report.claims if c.quote.startswith("The bridge")]
    assert len(ids) == len(set(ids))


# --- one origin counts once --------------------------------------------------------------------


def test_one_origin_quoted_by_several_articles_counts_once(run: Run, isolated: Path) -> None:
    report = report_of(run(*_pizza(isolated), "--format", "json"))
    duration = next(f for f in report.findings if f.subject_key == "lucia_romano" and f.attribute == "duration")
    assert duration.source_ids == ["a", "b", "c", "e"]
    assert duration.independent_sources == 2  # Canada.com, and the owner
    assert duration.origins == ["“according to Canada.com”: 1 origin, 3 articles"]
    repeated = next(f for f in report.findings if f.kind == "agreement" and f.subject_key == "lucia_romano")
    assert repeated.independent_sources == 1 and "the same sentence repeated" in repeated.origins[0]


def test_attribution_is_kept_whole(run: Run, isolated: Path) -> None:
    report = report_of(run(*_pizza(isolated), "--format", "json"))
    said = {c.attribution for c in report.claims if c.attribution}
    assert "according to Canada.com" in said and "according to Canada" not in said


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_origin_and_attribution_in_every_format(run: Run, isolated: Path, fmt: str) -> None:
    code, out, err = run(*_pizza(isolated), "--format", fmt)
    assert code == cli.EXIT_CONTRADICTIONS, err
    flat = " ".join(out.replace("│", " ").split())
    assert "according to Canada.com”: 1 origin, 3 articles" in flat
    assert "according to Canada.com" in flat.replace("“according to Canada.com”", "")


# --- undated sources -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_undated_source_is_marked_in_every_format(run: Run, isolated: Path, fmt: str) -> None:
    a = write(isolated / "a.txt", PIZZA["a.txt"])
    b = write(isolated / "b.md", "---\npublished: 2024-05-20\n---\n" + PIZZA["e.txt"])
    code, out, err = run(a, b, "--format", fmt)
    assert code in (cli.EXIT_OK, cli.EXIT_CONTRADICTIONS), err
    if fmt == "json":
        sources = {s["id"]: s for s in json.loads(out)["sources"]}
        assert sources["a"]["published_basis"].startswith("undated:") and sources["b"]["published_basis"] is None
    else:
        assert "undated: [1] (no publication date" in " ".join(out.replace("│", " ").split())


# --- each side's whole sentence ------------------------------------------------------------------

OWNER = "Lucia Romano has worked at Tony's Pizzeria for 9 years, the owner told the Spectator on a busy evening."
STAFF = (
    "In a long interview, Lucia Romano has worked at Tony's Pizzeria for 11 years, according to Canada.com, "
    "and she plans to stay."
)


SECTIONS = {
    "terminal": ("CONTRADICTIONS", "AGREEMENTS"),
    "markdown": ("## Contradictions", "## Agreements"),
    "html": ('id="contradictions"', 'id="agreements"'),
}


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_contradiction_card_shows_each_whole_sentence(
    run: Run, isolated: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # the terminal cards one under the other, so each reads on
    a = write(isolated / "a.txt", OWNER + "\n")
    b = write(isolated / "b.txt", STAFF + "\n")
    code, out, err = run(a, b, "--format", fmt, "--published", "2024-05-20")
    assert code == cli.EXIT_CONTRADICTIONS, err
    start, end = SECTIONS[fmt]
    cards = out[out.index(start) : out.index(end)]
    flat = " ".join(re.sub(r"<[^>]+>|\*\*|│|\\", " ", html.unescape(cards)).split())
    for context in (
        "the owner told the Spectator on a busy evening.",
        "according to Canada.com, and she plans to stay.",
    ):
        assert context in flat, (fmt, flat)
    marked = {"terminal": "“", "markdown": "<ins>“", "html": '<span class="quoted">'}[fmt]
    assert cards.count(marked) >= 2


def test_undated_article_keeps_relative_dates_as_written_with_time_open(run: Run, isolated: Path) -> None:
    article = write(isolated / "talks.txt", next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    report = report_of(run(article, "--format", "json"))
    kept = {c.value.text: c for c in report.claims if c.value.type == "date"}
    for written in ("next month", "March 16", "late April"):
        claim = kept[written]  # not dropped ...
        assert claim.value.period is None and claim.time is None  # ... and not guessed
        assert claim.value.normalized == f"open: {written.lower()}"
    assert kept["March 2018"].value.normalized == "2018-03"  # a full date needs no publication date
    dated = report_of(run(article, "--format", "json", "--published", "2023-03-27"))
    resolved = {c.value.text: c.value.normalized for c in dated.claims if c.value.type == "date"}
    assert resolved["next month"] == "2023-04" and resolved["March 16"] == "2023-03-16"


def test_open_dates_of_two_undated_articles_never_contradict(run: Run, isolated: Path) -> None:
    a = write(isolated / "a.txt", "The ferry terminal will open on Friday, the port authority said.\n")
    b = write(isolated / "b.txt", "The ferry terminal will open on Monday, the port authority said.\n")
    code, out, err = run(a, b, "--format", "json")
    assert code == cli.EXIT_OK, err
    assert not [f for f in report_of((code, out, err)).findings if f.kind == "contradiction"]


@pytest.mark.parametrize(
    ("attribution", "origin"),
    [
        ("according to Canada.com", "canada com"),
        ("Yonhap reported", "yonhap"),
        ("a diplomatic source said Monday, according to the Foreign Ministry", "foreign ministry"),
        ("a diplomatic source said", None),
        ("officials said", None),
        (None, None),
    ],
)
def test_named_origins(attribution: str | None, origin: str | None) -> None:
    from factcheck.classify.syndication import origin_of

    found = origin_of(attribution)
    assert (found[0] if found else None) == origin
