"""Where a command's output goes: stdout, an atomically written file, a progress bar on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError

if TYPE_CHECKING:  # rich is imported where a Console is made, so `--help` starts without it
    from rich.console import Console


def check_output(path: Path, flag: str = "-o", example: str = "report.html", make_folder: bool = False) -> None:
    """Refuse an output path (of -o, or of FLAG) that cannot be written before any work is done, so no run
    is lost to a typo; with MAKE_FOLDER, a missing folder is made when the file is written."""
    if path.is_dir():
        raise FactcheckError(f"{flag} {path}: is a directory", f"give a file name, e.g. {flag} {example}")
    parent = path.parent if str(path.parent) else Path(".")
    if make_folder:
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
    if not parent.is_dir():
        raise FactcheckError(f"{flag} {path}: no such directory {parent}", "create it first or write elsewhere")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise FactcheckError(f"{flag} {path}: not writable", "write the report elsewhere")


def emit(report: Any, args: argparse.Namespace, err: Console, decisions: Any = None) -> None:
    from factcheck import report as render

    fmt = args.format
    if fmt == "terminal":
        renderable = render.terminal(report, show_all=args.all, show_dismissed=args.show_dismissed, decisions=decisions)
        if args.output:
            write_output(Path(args.output), plain_text(renderable))
        else:
            stdout_console().print(renderable)
        return
    if fmt == "json":
        text = render.to_json(report)
    else:
        text = {"markdown": render.to_markdown, "html": render.to_html}[fmt](
            report, decisions=decisions, show_dismissed=args.show_dismissed
        )
    if args.output:
        write_output(Path(args.output), text)
        err.print(f"factcheck: wrote {args.output}", markup=False)
    else:
        sys.stdout.write(text)


def plain_text(renderable: Any) -> str:
    """A rich renderable as plain text, 120 columns wide, for a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None).print(renderable)
    return buffer.getvalue()


def write_output(path: Path, text: str, flag: str = "-o") -> None:
    """Write a report through a temporary file in the same folder, renamed into place: on any failure
    (a full disk) the previous file stays as it was and the error is one line."""
    from factcheck.fileio import WriteError, atomic_write

    try:
        atomic_write(path, text)
    except OSError as exc:
        raise WriteError(
            f"{flag} {path}: not written ({exc.strerror or exc}); any previous file is unchanged",
            "free space or write elsewhere",
        ) from exc


def stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")))


class RichProgress:
    """Adapts the extractors' Progress protocol to a rich progress bar on stderr."""

    def __init__(self, console: Console, enabled: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.enabled = enabled and console.is_terminal
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not self.enabled,
        )
        self.task = self.bar.add_task("extracting", total=0)

    def add_total(self, n: int) -> None:
        total = (self.bar.tasks[0].total or 0) + n
        self.bar.update(self.task, total=total)

    def advance(self, label: str) -> None:
        self.bar.update(self.task, advance=1, description=f"extracting {label}")

    def __enter__(self) -> RichProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)


def progress_bar(console: Console, enabled: bool) -> RichProgress:
    return RichProgress(console, enabled)
