"""Which files are articles, and how their metadata is read: through the CLI, one line per case."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from cliharness import ARTICLE, NEWS_PAGE, OTHER, Run, assert_input_error, report_of, write
from paths import ROOT, TESTDATA

from factcheck import cli

pytestmark = pytest.mark.usefixtures("isolated")  # every test runs in its own folder


SEEDS = ROOT / "seeds"


def _story(folder: Path) -> Path:
    """A copy of the seeds (articles and their sidecars) in folder."""
    shutil.copytree(SEEDS, folder)
    return folder


def _same(report_json: str) -> dict:
    """A JSON report without its timings, for comparing two runs."""
    data = json.loads(report_json)
    data["run"].pop("timings")
    return data


# --- only articles become sources -----------------------------------------------------------


def test_sidecars_given_by_a_pattern_are_skipped_with_one_line_each(run: Run, isolated: Path) -> None:
    story = _story(isolated / "seeds")
    everything = sorted(str(p.relative_to(isolated)) for p in story.iterdir())
    code, out, err = run(*everything, "--format", "json")
    report = report_of((code, out, err))
    assert len(report.sources) == 5
    skipped = [line for line in err.splitlines() if "skipped, sidecar metadata" in line]
    assert len(skipped) == 5 and all(".meta.yaml" in line for line in skipped)


def test_star_folder_and_txt_give_the_same_report(run: Run, isolated: Path) -> None:
    story = _story(isolated / "seeds")
    star = sorted(str(p.relative_to(isolated)) for p in story.iterdir())
    txt = sorted(p for p in star if p.endswith(".txt"))
    reports = [run(*args, "--format", "json") for args in (star, ["seeds/"], ["seeds"], txt)]
    assert {r[0] for r in reports} == {reports[0][0]}
    first = _same(reports[0][1])
    assert all(_same(r[1]) == first for r in reports[1:])
    assert [s["path"] for s in first["sources"]] == txt


def test_review_file_and_reports_in_the_folder_are_not_sources(run: Run, isolated: Path) -> None:
    story = _story(isolated / "seeds")
    code, before, _ = run("seeds", "--format", "json")
    for fmt, name in (
        ("json", "report.json"),
        ("markdown", "report.md"),
        ("html", "report.html"),
        ("terminal", "report.txt"),
    ):
        assert run("seeds", "--format", fmt, "-o", str(story / name))[0] == code
    (story / "factcheck-review.json").write_text('{"version": 1, "decisions": {}}', encoding="utf-8")
    (story / "cache.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    code2, after, err = run("seeds", "--format", "json")
    assert code2 == code and _same(after) == _same(before)
    for name in ("report.json", "report.md", "report.html", "report.txt"):
        assert f"{story.name}/{name}: skipped, a report written by factcheck" in err
    assert "factcheck-review.json: skipped, factcheck's review file" in err
    assert "cache.sqlite3: skipped, a database" in err


def test_review_of_a_folder_keeps_its_decisions_in_the_folder(
    isolated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    _story(isolated / "seeds")
    monkeypatch.setattr("sys.stdin", io.StringIO("d\n\nq\n"))
    assert cli.main(["review", "seeds"]) == cli.EXIT_OK
    capsys.readouterr()
    assert (isolated / "seeds" / "factcheck-review.json").is_file()
    assert not (isolated / "factcheck-review.json").exists()


def test_only_a_pdf_is_an_error_naming_it(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "story.pdf", b"%PDF-1.7\n")), "story.pdf: is a PDF", "save the article")


def test_only_a_sidecar_is_an_error(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "a.meta.yaml", "title: x\n")), "a.meta.yaml: sidecar metadata")


# --- dates and metadata -----------------------------------------------------------------------


def _with_front(isolated: Path, front: str, name: str = "a.md") -> str:
    return write(isolated / name, f"---\n{front}\n---\n{ARTICLE}")


def test_published_timestamp_is_accepted(run: Run, isolated: Path) -> None:
    report = report_of(run(_with_front(isolated, "published: 2023-03-27T10:00:00Z"), "--format", "json"))
    assert str(report.sources[0].published) == "2023-03-27"


@pytest.mark.parametrize("value", ["2023-02-30", "0001-01-01", "9999-12-31", "'2023-02-30'"])
def test_impossible_or_far_dates_are_one_line(run: Run, isolated: Path, value: str) -> None:
    assert_input_error(run(_with_front(isolated, f"published: {value}")), "a.md")


def test_yaml_aliases_are_refused(run: Run, isolated: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b"
    assert_input_error(run(_with_front(isolated, laughs)), "a.md: front matter", "aliases")


def test_front_matter_size_is_capped(run: Run, isolated: Path) -> None:
    assert_input_error(run(_with_front(isolated, "title: " + "x" * 70_000)), "a.md: front matter is over")


def test_sidecar_that_is_a_folder(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    (isolated / "a.meta.yaml").mkdir()
    assert_input_error(run(name), "a.meta.yaml: sidecar is a directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_sidecar(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    meta = isolated / "a.meta.yaml"
    meta.write_text("title: x\n", encoding="utf-8")
    meta.chmod(0)
    assert_input_error(run(name), "a.meta.yaml: sidecar cannot be read")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_sidecar_linked_to_dev_zero_is_refused(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    (isolated / "a.meta.yaml").symlink_to("/dev/zero")
    assert_input_error(run(name), "a.meta.yaml: sidecar is not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_sidecar_is_refused_without_hanging(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    os.mkfifo(isolated / "a.meta.yaml")
    assert_input_error(run(name), "a.meta.yaml: sidecar is not a regular file")


def test_symlink_loop(run: Run, isolated: Path) -> None:
    (isolated / "loop.txt").symlink_to(isolated / "loop.txt")
    code, _out, err = run("loop.txt")
    assert code == cli.EXIT_USAGE and "loop.txt" in err and len(err.strip().splitlines()) == 1


def test_page_date_in_email_style_is_accepted(run: Run, isolated: Path) -> None:
    page = NEWS_PAGE.replace("2024-05-14T18:30:00-04:00", "Tue, 14 May 2024 18:30:00 GMT")
    report = report_of(run(write(isolated / "bridge.html", page), "--format", "json"))
    assert str(report.sources[0].published) == "2024-05-14"


def test_sidecar_overrides_page_metadata(run: Run, isolated: Path) -> None:
    name = write(isolated / "bridge.html", NEWS_PAGE)
    write(isolated / "bridge.meta.yaml", "published: 2024-05-15\noutlet: Courier Weekly\n")
    [source] = report_of(run(name, "--format", "json")).sources
    assert (str(source.published), source.outlet) == ("2024-05-15", "Courier Weekly")


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_with_bom(run: Run, isolated: Path, codec: str) -> None:
    data = ARTICLE.encode(codec) if codec == "utf-32" else b"\x00\x00\xfe\xff" + ARTICLE.encode(codec)
    report = report_of(run(write(isolated / "wide.txt", data), "--format", "json"))
    assert report.claims and report.sources[0].text == ARTICLE


# --- undated sources ------------------------------------------------------------------------


def test_each_undated_source_is_said_once(run: Run, isolated: Path) -> None:
    a, b = write(isolated / "a.txt", ARTICLE), _with_front(isolated, "published: 2024-05-20", "b.md")
    code, out, err = run(a, b, "--format", "json")
    report_of((code, out, err))
    lines = [line for line in err.splitlines() if "no publication date" in line]
    assert len(lines) == 1 and lines[0].startswith("factcheck: warning: a.txt:")


def test_published_flag_dates_undated_files_only(run: Run, isolated: Path) -> None:
    a, b = write(isolated / "a.txt", ARTICLE), _with_front(isolated, "published: 2024-05-20", "b.md")
    code, out, err = run(a, b, "--published", "2024-05-27", "--format", "json")
    dates = {s.id: str(s.published) for s in report_of((code, out, err)).sources}
    assert dates == {"a": "2024-05-27", "b": "2024-05-20"} and "no publication date" not in err


def test_bad_published_flag(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "a.txt", ARTICLE), "--published", "Friday"), "--published Friday")


# --- saved pages without <article> ------------------------------------------------------------

PAGES = TESTDATA / "pages"
CLUTTER = json.loads((PAGES / "truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["divsoup.html", "article.html"])
def test_page_clutter_is_not_read(run: Run, isolated: Path, page: str) -> None:
    shutil.copy(PAGES / page, isolated / page)
    [source] = report_of(run(page, "--format", "json")).sources
    body = " ".join(source.text[s.start : s.end] for s in source.body)
    assert not [c for c in CLUTTER[page]["clutter"] if c[:40] in body]
    assert all(" ".join(p.split())[:60] in " ".join(body.split()) for p in CLUTTER[page]["paragraphs"])


def test_page_without_main_text_is_named(run: Run, isolated: Path) -> None:
    page = (
        "<html><body><div><a href='/'>Home</a></div><div><p>Short teaser about the ferry.</p></div>"
        f"<div><ul><li>{OTHER}</li></ul></div></body></html>"
    )
    code, out, err = run(write(isolated / "teaser.html", page), "--format", "json")
    report_of((code, out, err))
    assert "teaser.html: no main text found" in err


def test_a_report_alone_points_to_claims(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    assert run(name, "--format", "json", "-o", "old.json")[0] in (cli.EXIT_OK, cli.EXIT_CONTRADICTIONS)
    assert_input_error(run("old.json"), "old.json: a report written by factcheck", "--claims")


def test_an_article_headed_factcheck_report_is_still_an_article(run: Run, isolated: Path) -> None:
    name = write(isolated / "fc.md", "# factcheck report on the ferry\n\n" + ARTICLE)
    assert report_of(run(name, "--format", "json")).sources
