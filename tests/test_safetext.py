"""Untrusted text never reaches a terminal or a text report with its control characters live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factcheck import cli
from factcheck.safetext import code_span, visible

HOSTILE = {
    "clear screen": "\x1b[2J\x1b[H",
    "window title": "\x1b]0;owned\x07",
    "hidden link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "C1 CSI": "\x9b31m",
    "bidi override": "\u202eevil\u202c",
    "backspace": "ab\x08\x08",
    "carriage return": "real\rfake",
}
LIVE = ("\x1b", "\x9b", "\u202e", "\x07", "\x08")


def test_visible_keeps_offsets_and_shows_every_control() -> None:
    for name, text in HOSTILE.items():
        shown = visible(text)
        assert len(shown) == len(text), name
        assert not any(c in shown for c in LIVE), name
    assert visible("line one\nline\ttwo") == "line one\nline\ttwo"
    assert visible("\x1b[2J") == "\u241b[2J"


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_article_metadata_and_file_names_reach_reports_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    seeds = sorted(Path("seeds").glob("*.txt"))[:2]
    paths = []
    for n, seed in enumerate(seeds):
        text = seed.read_text(encoding="utf-8")
        first, _, rest = text.partition(". ")
        hostile = "".join(HOSTILE.values())
        body = f"{first}{HOSTILE['clear screen']}. {rest}"
        article = f'---\ntitle: "Talks \\e[2J {n}\\e]0;owned\\a"\nsource: "Wire\u202e{n}"\n---\n{body}\n{hostile}\n'
        path = tmp_path / f"art{n}\x1b[31m`x``{n}.txt"
        path.write_text(article, encoding="utf-8")
        shutil.copy(seed.with_suffix(".meta.yaml"), path.with_name(path.stem + ".meta.yaml"))
        paths.append(str(path))
    out = tmp_path / f"report.{fmt}"
    code = cli.main(["compare", *paths, "--extractor", "offline", "--format", fmt, "-o", str(out), "-q"])
    assert code in (0, 1), capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "\u241b" in text  # shown, not obeyed
    assert not any(c in text for c in LIVE)
    code = cli.main(["compare", *paths, "--extractor", "offline", "--format", fmt, "-q"])
    printed = capsys.readouterr()
    assert not any(c in printed.out + printed.err for c in LIVE)


def test_an_error_naming_a_hostile_file_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gone\x1b]0;owned\x07.txt"
    assert cli.main(["compare", str(path), "--extractor", "offline"]) == 2
    err = capsys.readouterr().err
    assert "gone\u241b]0;owned\u2407.txt" in err and "\x1b" not in err


@pytest.mark.parametrize("name", ["plain.txt", "a`b.txt", "a``b.txt", "``x``.txt", "`lead.txt", "trail`", "a|b.txt"])
def test_backticks_in_a_file_name_stay_inside_the_code_span(name: str) -> None:
    tokens = MarkdownIt().parseInline(code_span(name))[0].children
    assert [t.type for t in tokens] == ["code_inline"]
    assert tokens[0].content.replace("&#124;", "|") == name
