"""Editorial review: an editor's decisions on findings, kept in a JSON file beside the articles.

Decisions are keyed by the content-derived Finding.id, so they survive re-runs that find the
same thing. Every decision is written at once, atomically, merged under a lock with what other
editors saved meanwhile, so quitting or reviewing side by side loses nothing decided.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import InputError
from factcheck.fileio import WriteError, atomic_write, can_write, locked, writable_folder
from factcheck.models import Finding, FindingKind, Report
from factcheck.sources.selection import REVIEW_FILE_NAME

# Review order: what most needs an editor first (an update may be a contradiction in disguise).
KIND_ORDER = (FindingKind.CONTRADICTION, FindingKind.UPDATE, FindingKind.AGREEMENT, FindingKind.SINGLE_SOURCE)


class Status(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    FOLLOW_UP = "follow_up"


STATUS_NAMES = {Status.CONFIRMED: "confirmed", Status.DISMISSED: "dismissed", Status.FOLLOW_UP: "marked for follow-up"}
KEYS: dict[str, Status] = {"c": Status.CONFIRMED, "d": Status.DISMISSED, "f": Status.FOLLOW_UP}
PROMPT = "[c]onfirm  [d]ismiss  [f]ollow up  [s]kip  [q]uit > "
NOTE_PROMPT = "note (Enter for none) > "


class Decision(BaseModel):
    """One editor's verdict on one finding, with what the finding said at the time."""

    model_config = ConfigDict(extra="forbid")

    status: Status
    note: str | None = None
    decided_at: datetime
    kind: FindingKind
    subject_key: str
    attribute: str
    explanation: str = Field(description="The finding's explanation when it was decided, for readers of the file.")


class ReviewFile(BaseModel):
    """The review file: decisions by finding id."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["factcheck-review"] = "factcheck-review"
    version: Literal[1] = 1
    decisions: dict[str, Decision] = Field(default_factory=dict)


def finding_id(finding: Finding) -> str:
    """The finding's stable id (computed from its content when the reconciler left it empty)."""
    return finding.id or finding.with_id().id


class ReviewPathError(InputError):
    """No review file can be chosen for these articles without asking."""


def default_review_path(paths: Sequence[str]) -> Path:
    """`factcheck-review.json` in the folder that holds the articles (all of them in one folder)."""
    dirs = sorted({Path(os.path.abspath(p)).parent for p in paths}) or [Path.cwd()]  # a link loop resolves nowhere
    if len(dirs) > 1:
        raise ReviewPathError(
            f"the articles are in {len(dirs)} different folders, so there is no review file beside them",
            "name one with --review-file FILE",
        )
    return dirs[0] / REVIEW_FILE_NAME


def untrusted_reason(path: Path) -> str | None:
    """Why a review file found by default should not be trusted (another user's, or writable by all)."""
    try:
        info = path.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid():
        return "belongs to another user"
    if info.st_mode & stat.S_IWOTH:
        return "is writable by every user"
    return None


def load_decisions(path: Path) -> dict[str, Decision]:
    """Decisions from a review file; none when the file does not exist yet."""
    fix = "fix or move it, or pass another file with --review-file"
    if not path.exists():
        return {}
    if path.is_dir():
        raise InputError(f"{path}: the review file is a folder", "pass a file with --review-file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the review file ({exc.strerror or exc})", fix) from exc
    try:
        return ReviewFile.model_validate_json(raw).decisions
    except (ValidationError, ValueError) as exc:
        raise InputError(f"{path}: not a factcheck review file", fix) from exc


def check_writable(path: Path) -> None:
    """Refuse, before the first question, a review file whose decisions could not be saved."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # folders still to be made: the first that exists
        folder = folder.parent
    if not writable_folder(folder / path.name):  # a temporary copy and the lock file are made beside it
        raise InputError(
            f"{path}: cannot save decisions there (folder {folder} is not writable)",
            "pass --review-file FILE in a folder you can write",
        )
    if path.exists() and not path.is_dir() and not can_write(path):
        raise InputError(f"{path}: the review file is read-only", "make it writable or pass another --review-file")


def save_decision(path: Path, fid: str, decision: Decision | None) -> None:
    """Record (or with None, withdraw) one decision, merged under a lock with every other one in the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path):
            decisions = load_decisions(path)
            if decision is None:
                decisions.pop(fid, None)
            else:
                decisions[fid] = decision
            text = ReviewFile(decisions=dict(sorted(decisions.items()))).model_dump_json(indent=2) + "\n"
            atomic_write(path, text)
    except OSError as exc:
        raise WriteError(
            f"{path}: decision not saved ({exc.strerror or exc}); the file is unchanged",
            "free space or pass --review-file FILE in a folder you can write",
        ) from exc


def fallback_key(kind: str, subject_key: str, attribute: str) -> tuple[str, str, str]:
    """What a decision and a finding share when their ids differ (a file written by an older version)."""
    return (str(kind), subject_key, attribute)


def match_decisions(findings: Sequence[Finding], decisions: Mapping[str, Decision]) -> dict[str, Decision]:
    """Decisions keyed by the ids of `findings`: by id, or else by kind, subject and attribute when that
    names one finding and one decision (ids computed by an older version of factcheck)."""
    ids = {finding_id(f): f for f in findings}
    out = {fid: d for fid, d in decisions.items() if fid in ids}
    stale: dict[tuple[str, str, str], list[Decision]] = {}
    for fid, d in decisions.items():
        if fid not in ids:
            stale.setdefault(fallback_key(d.kind, d.subject_key, d.attribute), []).append(d)
    if not stale:
        return dict(decisions)
    open_: dict[tuple[str, str, str], list[str]] = {}
    for fid, f in ids.items():
        if fid not in out:
            open_.setdefault(fallback_key(f.kind, f.subject_key, f.attribute), []).append(fid)
    for key, found in stale.items():
        targets = open_.get(key, [])
        if len(found) == 1 and len(targets) == 1:
            out[targets[0]] = found[0]
    return {**{k: v for k, v in decisions.items() if k not in ids}, **out}


def review_path(named: str | None, inputs: Sequence[str]) -> tuple[Path, bool]:
    """The review file, and whether it was named (--review-file) rather than found beside the inputs."""
    return (Path(named), True) if named else (default_review_path(inputs), False)


def decisions_to_show(named: str | None, inputs: Sequence[str], warn: Callable[[str], None]) -> dict[str, Decision]:
    """Decisions for `compare`: from the named file, or from a trusted review file beside the articles."""
    try:
        path, explicit = review_path(named, inputs)
    except ReviewPathError:
        return {}  # articles in several folders and no --review-file: no decisions to show
    why = None if explicit else untrusted_reason(path)
    if why:
        warn(f"{path}: review file ignored: it {why} (name it with --review-file to use it)")
        return {}
    return load_decisions(path)


def checked_review_file(named: str | None, inputs: Sequence[str]) -> Path:
    """The file `review` keeps decisions in: trusted, readable, valid and writable, or a one-line error."""
    path, explicit = review_path(named, inputs)
    why = None if explicit else untrusted_reason(path)
    if why:
        raise InputError(f"{path}: review file refused: it {why}", "name it with --review-file to use it anyway")
    load_decisions(path)
    check_writable(path)
    return path


def ordered_findings(report: Report) -> list[Finding]:
    """Findings in review order: contradictions, updates, agreements, single-source claims."""
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(report.findings, key=lambda f: (rank[f.kind], f.subject_key, f.attribute, finding_id(f)))


def review_queue(report: Report, decisions: Mapping[str, Decision], revisit: bool = False) -> list[Finding]:
    """The findings to walk: those not decided yet, or all of them with `revisit`."""
    return [f for f in ordered_findings(report) if revisit or finding_id(f) not in decisions]


def make_decision(finding: Finding, status: Status, note: str | None, now: datetime | None = None) -> Decision:
    """A decision on `finding` stamped with the current time."""
    return Decision(
        status=status,
        note=note or None,
        decided_at=(now or datetime.now(UTC)).replace(microsecond=0),
        kind=finding.kind,
        subject_key=finding.subject_key,
        attribute=finding.attribute,
        explanation=finding.explanation,
    )


def parse_answer(line: str) -> tuple[str, str | None]:
    """Split an answer into its key and an inline note: 'd duplicate of 001' -> ('d', 'duplicate of 001')."""
    text = line.strip()
    if not text:
        return "", None
    key, _, rest = text.partition(" ")
    key = key.lower().rstrip(":")
    return key, (rest.strip() or None)


@dataclass
class ReviewOutcome:
    """What one review session did."""

    decided: dict[Status, int] = field(default_factory=lambda: {s: 0 for s in Status})
    skipped: int = 0
    remaining: int = 0
    quit: bool = False


Ask = Callable[[str], str | None]
Show = Callable[[Finding, int, int, Decision | None], None]


def run_review(
    report: Report,
    path: Path,
    ask: Ask,
    show: Show,
    tell: Callable[[str], None],
    revisit: bool = False,
) -> ReviewOutcome:
    """Walk the findings, asking for a decision on each; every answer is saved before the next question.

    `ask` returns one line of input or None at end of input (which ends the review like 'q').
    After c, d or f the next line is a note (empty for none) unless the note follows the key.
    """
    decisions = match_decisions(report.findings, load_decisions(path))
    queue = review_queue(report, decisions, revisit)
    outcome = ReviewOutcome(remaining=len(queue))
    for n, finding in enumerate(queue, 1):
        fid = finding_id(finding)
        show(finding, n, len(queue), decisions.get(fid))
        key, note = _ask_key(ask, tell)
        if key == "q":
            outcome.quit = True
            break
        outcome.remaining -= 1
        if key == "s":
            outcome.skipped += 1
            continue
        if note is None:
            note = (ask(NOTE_PROMPT) or "").strip() or None
        decision = make_decision(finding, KEYS[key], note)
        save_decision(path, fid, decision)
        decisions[fid] = decision
        outcome.decided[decision.status] += 1
    return outcome


def _ask_key(ask: Ask, tell: Callable[[str], None]) -> tuple[str, str | None]:
    """Ask until a known key comes back; end of input counts as quit."""
    while True:
        line = ask(PROMPT)
        if line is None:
            return "q", None
        key, note = parse_answer(line)
        if key in KEYS or key in ("s", "q"):
            return key, note
        tell(f"unknown answer {line.strip()!r}: type c, d, f, s or q (a note may follow the letter)")
