"""The input matrix, through the CLI: every odd file gives a one-line error with exit code 2, or a correct report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cliharness import (
    ARTICLE,
    LATIN1,
    NEWS_PAGE,
    OTHER,
    PAGE_FURNITURE,
    Run,
    assert_grounded,
    assert_input_error,
    report_of,
    write,
)

from factcheck import cli

pytestmark = pytest.mark.usefixtures("isolated")  # every test runs in its own folder

# --- error paths: each fails before extraction -------------------------------------------------


def test_missing_path(run: Run) -> None:
    assert_input_error(run("nowhere.txt"), "nowhere.txt: no such file", "check the path")


def test_unmatched_shell_pattern(run: Run) -> None:
    assert_input_error(run("seeds/*.txtt"), "seeds/*.txtt: no such file", "pattern")


def test_empty_directory(run: Run, isolated: Path) -> None:
    (isolated / "articles").mkdir()
    assert_input_error(run("articles"), "articles: an empty folder", "pass article files")


def test_empty_file(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "empty.txt", b"")), "empty.txt: file is empty")


def test_whitespace_only_file(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "blank.txt", " \n\t\r\n  \n")), "blank.txt: file holds only whitespace")


def test_binary_data(run: Run, isolated: Path) -> None:
    data = bytes(range(256)) * 20
    assert_input_error(
        run(write(isolated / "photo.txt", data)), "photo.txt: looks like binary data", ".txt, .md or .html"
    )


def test_binary_without_nul_bytes(run: Run, isolated: Path) -> None:
    data = bytes(b for b in range(1, 32) if b not in b"\t\n\r\x0b\x0c") * 100
    assert_input_error(run(write(isolated / "blob.txt", data)), "blob.txt: looks like binary data")


def test_pdf_is_named(run: Run, isolated: Path) -> None:
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    assert_input_error(run(write(isolated / "story.pdf", data)), "story.pdf: is a PDF", "save the article as")


def test_latin1_without_encoding_names_the_fix(run: Run, isolated: Path) -> None:
    name = write(isolated / "montreal.txt", LATIN1, "latin-1")
    assert_input_error(run(name), "montreal.txt: not valid UTF-8", "--encoding latin-1")


def test_unknown_encoding(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    assert_input_error(run(name, "--encoding", "klingon"), "--encoding klingon: unknown encoding")


def test_utf16_without_bom_names_the_fix(run: Run, isolated: Path) -> None:
    name = write(isolated / "wide.txt", ARTICLE, "utf-16-le")
    assert_input_error(run(name), "wide.txt: looks like UTF-16", "--encoding utf-16-le")


def test_over_default_size_limit(run: Run, isolated: Path) -> None:
    name = write(isolated / "huge.txt", ARTICLE * (2_000_001 // len(ARTICLE) + 1))
    assert_input_error(run(name), "huge.txt:", "over the 2,000,000-byte size limit", "--max-bytes")


def test_over_configured_size_limit(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    assert_input_error(run(name, "--max-bytes", "100"), "a.txt:", "over the 100-byte size limit")


def test_size_limit_must_be_positive(run: Run, isolated: Path) -> None:
    assert_input_error(run(write(isolated / "a.txt", ARTICLE), "--max-bytes", "0"), "--max-bytes 0")


def test_zero_files(run: Run) -> None:
    assert_input_error(run(), "no article files given", "seeds/*.txt")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("---\ntitle: [unclosed\n---\n", "front matter is not valid YAML"),
        ("---\ntitle: Ferry terminal\n\n", "front matter has no closing --- line"),
        ("---\n- a list\n- not a mapping\n---\n", "front matter is not a mapping"),
        ("---\npublished: last Tuesday\n---\n", "published date 'last Tuesday' is not YYYY-MM-DD"),
    ],
    ids=["invalid-yaml", "unclosed", "not-a-mapping", "bad-date"],
)
def test_malformed_front_matter(run: Run, isolated: Path, body: str, needle: str) -> None:
    name = write(isolated / "story.md", body + ARTICLE)
    assert_input_error(run(name), "story.md:", needle)


def test_front_matter_only(run: Run, isolated: Path) -> None:
    name = write(isolated / "meta.md", "---\ntitle: Only metadata\n---\n\n")
    assert_input_error(run(name), "meta.md:", "no article text found")


def test_broken_sidecar_metadata_names_the_sidecar(run: Run, isolated: Path) -> None:
    name = write(isolated / "story.txt", ARTICLE)
    write(isolated / "story.meta.yaml", "outlet: [oops\n")
    assert_input_error(run(name), "story.meta.yaml: metadata is not valid YAML")


def test_error_in_second_file_names_that_file(run: Run, isolated: Path) -> None:
    good = write(isolated / "good.txt", ARTICLE)
    assert_input_error(run(good, "missing.txt"), "missing.txt: no such file")


def test_output_into_a_missing_folder_fails_before_any_work(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    assert_input_error(run(name, "-o", "out/report.json"), "-o out/report.json: no such directory", "create it")


def test_output_that_is_a_directory(run: Run, isolated: Path) -> None:
    (isolated / "out").mkdir()
    assert_input_error(run(write(isolated / "a.txt", ARTICLE), "-o", "out"), "-o out: is a directory")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_bounded(run: Run) -> None:
    assert_input_error(run("/dev/zero", "--max-bytes", "1000"), "/dev/zero:", "1,000-byte size limit")


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("missing.txt", None, "no such file"),
        ("bin.txt", b"\x00\x01\x02" * 100, "binary data"),
        ("latin.txt", LATIN1.encode("latin-1"), "--encoding latin-1"),
    ],
)
@pytest.mark.slow  # a real child process
def test_real_process_prints_one_line_and_exits_2(tmp_path: Path, name: str, data: bytes | None, needle: str) -> None:
    if data is not None:
        (tmp_path / name).write_bytes(data)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FACTCHECK_"))}
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "compare", name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr and "Traceback" not in proc.stderr


# --- success paths: a correct report -----------------------------------------------------------


def test_one_file(run: Run, isolated: Path) -> None:
    report = report_of(run(write(isolated / "ferry.txt", ARTICLE), "--format", "json"))
    assert [s.id for s in report.sources] == ["ferry"]
    assert report.run.extractor == "offline" and not report.run.incomplete
    assert_grounded(report)
    assert {f.kind for f in report.findings} <= {"single_source"}


def test_two_files(run: Run, isolated: Path) -> None:
    report = report_of(run(write(isolated / "a.txt", ARTICLE), write(isolated / "b.txt", OTHER), "--format", "json"))
    assert [s.id for s in report.sources] == ["a", "b"]
    assert_grounded(report)


def test_latin1_with_encoding(run: Run, isolated: Path) -> None:
    name = write(isolated / "montreal.txt", LATIN1, "latin-1")
    report = report_of(run(name, "--encoding", "latin-1", "--format", "json"))
    [source] = report.sources
    assert source.text == LATIN1
    assert_grounded(report)
    assert any("é" in c.quote for c in report.claims)


def test_utf16_with_bom(run: Run, isolated: Path) -> None:
    report = report_of(run(write(isolated / "wide.txt", ARTICLE, "utf-16"), "--format", "json"))
    assert report.sources[0].text == ARTICLE
    assert_grounded(report)


def test_utf16_without_bom_with_encoding(run: Run, isolated: Path) -> None:
    report = report_of(
        run(write(isolated / "wide.txt", ARTICLE, "utf-16-le"), "--encoding", "utf-16-le", "--format", "json")
    )
    assert report.sources[0].text == ARTICLE


def test_utf8_with_bom(run: Run, isolated: Path) -> None:
    report = report_of(run(write(isolated / "bom.txt", "\ufeff" + ARTICLE), "--format", "json"))
    source = report.sources[0]
    assert source.text == ARTICLE  # the BOM is not text; spans count characters after it
    assert_grounded(report)


def test_utf8_bom_copy_is_a_duplicate(run: Run, isolated: Path) -> None:
    code, out, err = run(
        write(isolated / "a.txt", ARTICLE), write(isolated / "a-bom.txt", "\ufeff" + ARTICLE), "--format", "json"
    )
    assert "a-bom.txt: same content as a.txt; skipped" in err
    assert [s.id for s in report_of((code, out, err)).sources] == ["a"]


def test_html_page_yields_the_article_only(run: Run, isolated: Path) -> None:
    report = report_of(run(write(isolated / "bridge.html", NEWS_PAGE), "--format", "json"))
    [source] = report.sources
    assert (source.title, source.outlet, str(source.published)) == (
        "Council approves $4.2 million bridge repair",
        "The Riverside Courier",
        "2024-05-14",
    )
    body = " ".join(source.text[s.start : s.end] for s in source.body)
    assert "voted 7-2 on Tuesday to spend $4.2 million" in body
    assert "structurally deficient in its 2023 inspection report" in body
    assert "\u201cWe cannot keep sending fire engines" in body  # entities decoded
    for junk in PAGE_FURNITURE:
        assert junk not in body, junk
    assert_grounded(report)
    for claim in report.claims:
        assert not any(junk in claim.quote for junk in PAGE_FURNITURE)


def test_html_page_declaring_a_legacy_charset(run: Run, isolated: Path) -> None:
    page = (
        NEWS_PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
        .replace("&ldquo;", "\u201c")
        .replace("&rdquo;", "\u201d")
    )
    report = report_of(run(write(isolated / "bridge.html", page, "cp1252"), "--format", "json"))
    assert "\u201cWe cannot keep sending fire engines" in report.sources[0].text


def test_html_page_saved_as_utf8_with_an_old_charset_declaration(run: Run, isolated: Path) -> None:
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("&ldquo;", "\u201c")
    report = report_of(run(write(isolated / "bridge.html", page, "utf-8"), "--format", "json"))
    assert "\u201cWe cannot keep sending fire engines" in report.sources[0].text  # not mojibake


def test_raised_size_limit(run: Run, isolated: Path) -> None:
    name = write(isolated / "long.txt", ARTICLE + OTHER)
    report = report_of(run(name, "--max-bytes", str(len(ARTICLE + OTHER)), "--format", "json"))
    assert len(report.sources) == 1


def test_same_file_twice(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    code, out, err = run(name, name, f"./{name}", str(isolated / name), "--format", "json")
    assert err.count("given twice; read once") == 3
    assert [s.id for s in report_of((code, out, err)).sources] == ["a"]


def test_identical_content(run: Run, isolated: Path) -> None:
    a = write(isolated / "a.txt", ARTICLE)
    b = write(isolated / "copy" / "a.txt", ARTICLE)
    c = write(isolated / "b.txt", OTHER)
    code, out, err = run(a, b, c, "--format", "json")
    assert f"{b}: same content as {a}; skipped" in err
    assert [s.id for s in report_of((code, out, err)).sources] == ["a", "b"]


def test_quiet_silences_warnings(run: Run, isolated: Path) -> None:
    name = write(isolated / "a.txt", ARTICLE)
    code, out, err = run(name, name, "--format", "json", "--quiet")
    assert err == "" and report_of((code, out, err)).sources


def test_same_stem_in_two_folders_gets_unique_ids(run: Run, isolated: Path) -> None:
    a = write(isolated / "x" / "story.txt", ARTICLE)
    b = write(isolated / "y" / "story.txt", OTHER)
    report = report_of(run(a, b, "--format", "json"))
    assert [s.id for s in report.sources] == ["story", "story-2"]
    assert_grounded(report)


def test_front_matter_offsets_refer_to_the_raw_file(run: Run, isolated: Path) -> None:
    front = "---\ntitle: Ferry terminal opens in June\nsource: Harbor Daily\npublished: 2024-05-20\n---\n\n"
    path = isolated / "ferry.md"
    write(path, front + ARTICLE)
    report = report_of(run(path.name, "--format", "json"))
    [source] = report.sources
    assert (source.title, source.outlet, str(source.published)) == (
        "Ferry terminal opens in June",
        "Harbor Daily",
        "2024-05-20",
    )
    raw = path.read_text(encoding="utf-8")
    assert_grounded(report, {"ferry": raw})
    assert all(c.span.start >= len(front) for c in report.claims)
    assert all("title:" not in c.quote and "Harbor Daily" not in c.quote for c in report.claims)


def test_crlf_offsets_refer_to_the_raw_file(run: Run, isolated: Path) -> None:
    path = isolated / "dos.md"
    path.write_bytes(("---\r\ntitle: Ferry\r\n---\r\n" + ARTICLE.replace("\n", "\r\n")).encode("utf-8"))
    report = report_of(run(path.name, "--format", "json"))
    raw = path.read_bytes().decode("utf-8")
    assert_grounded(report, {"dos": raw})


def test_every_format_renders(run: Run, isolated: Path) -> None:
    a, b = write(isolated / "a.txt", ARTICLE), write(isolated / "b.txt", OTHER)
    for fmt in ("terminal", "markdown", "html", "json"):
        code, _out, err = run(a, b, "--format", fmt, "-o", f"report.{fmt}")
        assert code in (cli.EXIT_OK, cli.EXIT_CONTRADICTIONS) and "Traceback" not in err, err
        assert (isolated / f"report.{fmt}").read_text(encoding="utf-8").strip()
    json.loads((isolated / "report.json").read_text(encoding="utf-8"))
