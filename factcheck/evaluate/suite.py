"""Evaluation suites: a folder with suite.yaml, its cases and their expected findings (no code needed)."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from factcheck.errors import InputError
from factcheck.models import FindingKind

SUITE_FILE = "suite.yaml"
DEFAULT_TOLERANCE = 0.02


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExpectedFinding(_Strict):
    """A finding the pipeline should produce (or, with absent, must not produce) for one slot."""

    id: str = Field(default="", description="Stable name; defaults to kind:subject_key/attribute.")
    kind: FindingKind
    subject_key: str = Field(default="", description="Slot subject; empty: any (then give quotes).")
    attribute: str = Field(default="", description="Slot attribute; empty: any (then give quotes).")
    sources: list[str] = Field(default_factory=list, description="Source ids (or unique prefixes) it must cite.")
    values: list[str] = Field(
        default_factory=list, description="Normalised values it must carry; in time order for updates."
    )
    quotes: list[str] = Field(
        default_factory=list, description="Text each found within the quote of one of its claims."
    )
    absent: bool = Field(default=False, description="True: no such finding may be produced.")
    note: str | None = None

    @model_validator(mode="after")
    def _named(self) -> ExpectedFinding:
        if not (self.subject_key and self.attribute) and not self.quotes:
            raise ValueError("give subject_key and attribute, or quotes")
        return self

    def key(self) -> str:
        """The expectation's id, or one derived from its slot."""
        if self.id:
            return self.id
        prefix = "no-" if self.absent else ""
        slot = f"{self.subject_key}/{self.attribute}" if self.subject_key or self.attribute else " / ".join(self.quotes)
        return f"{prefix}{self.kind.value}:{slot}"


class Expectations(_Strict):
    """One expected-findings file: the findings and the kinds it lists completely."""

    complete: list[FindingKind] = Field(
        default_factory=list, description="Kinds for which every produced finding must be expected (precision)."
    )
    findings: list[ExpectedFinding] = Field(default_factory=list)


class Case(_Strict):
    """A set of articles run together, with what the pipeline should find in them."""

    name: str
    articles: list[str] = Field(description="Article paths or globs, relative to the suite folder.")
    replace: dict[str, str] = Field(default_factory=dict, description="Article file stem -> replacement file.")
    expect: list[str] = Field(
        default_factory=list, description="Expected-findings files, relative to the suite folder."
    )
    extraction: bool = Field(default=True, description="Score extracted claims against the suite's gold claims.")

    @field_validator("articles", "expect", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Variants(_Strict):
    """Cases made from perturbed copies: each expected.json names one changed article and the contradiction."""

    base: str = Field(description="The case whose articles and expectations each variant starts from.")
    expected: str = Field(description="Glob of expected.json files, one per variant folder.")
    prefix: str = "perturbed/"


class SuiteFile(_Strict):
    """The contents of suite.yaml."""

    name: str
    description: str | None = None
    gold: str | None = Field(default=None, description="Folder of <source-id>.json gold claim lists.")
    tolerance: float = Field(default=DEFAULT_TOLERANCE, ge=0, le=1)
    cases: list[Case] = Field(min_length=1)
    variants: list[Variants] = Field(default_factory=list)


class ResolvedCase(BaseModel):
    """A case with its article files found and its expectations read."""

    name: str
    paths: list[Path]
    expectations: list[ExpectedFinding]
    complete: list[FindingKind]
    extraction: bool


class Suite(BaseModel):
    """A loaded suite, every path made absolute."""

    name: str
    description: str | None
    root: Path
    gold: Path | None
    tolerance: float
    cases: list[ResolvedCase]

    def baseline_path(self, label: str) -> Path:
        """Where the baseline for one extractor label (offline, llm-<model>) is kept."""
        return self.root / "baselines" / f"{label}.json"


def load_suite(path: str | Path) -> Suite:
    """Read a suite folder (or its suite.yaml) and resolve every file it names."""
    file = Path(path)
    if file.is_dir():
        file = file / SUITE_FILE
    if not file.is_file():
        raise InputError(f"{path}: no {SUITE_FILE} found", "give a suite folder such as suites/seeds")
    data = _read_yaml(file)
    try:
        spec = SuiteFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{file}: {_first_error(exc)}", "see docs/eval.md for the suite format") from exc
    root = file.parent.resolve()
    gold = _resolve(root, spec.gold) if spec.gold else None
    if gold is not None and not gold.is_dir():
        raise InputError(f"{file}: gold folder {spec.gold} not found", "fix 'gold' or remove it")
    cases = [_resolve_case(root, file, case) for case in spec.cases]
    for variants in spec.variants:
        from factcheck.evaluate.variants import expand_variants

        base = next((c for c in cases if c.name == variants.base), None)
        if base is None:
            raise InputError(
                f"{file}: variants start from case {variants.base!r}, which the suite lacks",
                "name one of its cases as 'base'",
            )
        cases += expand_variants(base, sorted(glob.glob(str(root / variants.expected))), variants.prefix)
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise InputError(f"{file}: case names repeat", "give every case a unique name")
    return Suite(
        name=spec.name, description=spec.description, root=root, gold=gold, tolerance=spec.tolerance, cases=cases
    )


def _resolve_case(root: Path, file: Path, case: Case) -> ResolvedCase:
    paths: list[Path] = []
    for pattern in case.articles:
        found = sorted(Path(p).resolve() for p in glob.glob(str(_resolve(root, pattern))))
        if not found:
            raise InputError(f"{file}: case {case.name}: no article matches {pattern}", "fix the path or glob")
        paths.extend(p for p in found if p not in paths)
    for stem, replacement in case.replace.items():
        target = _resolve(root, replacement)
        if not target.is_file():
            raise InputError(f"{file}: case {case.name}: replacement {replacement} not found", "fix the path")
        hits = [i for i, p in enumerate(paths) if p.stem == stem]
        if len(hits) != 1:
            raise InputError(
                f"{file}: case {case.name}: replace names {stem!r}, which is not one of its articles",
                "use the file stem of an article the case lists",
            )
        paths[hits[0]] = target
    expectations: list[ExpectedFinding] = []
    complete: list[FindingKind] = []
    for name in case.expect:
        exp = load_expectations(_resolve(root, name))
        expectations.extend(exp.findings)
        complete.extend(k for k in exp.complete if k not in complete)
    keys = [e.key() for e in expectations]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise InputError(f"{file}: case {case.name}: expectation id {dupes[0]} appears twice", "give each an 'id'")
    return ResolvedCase(
        name=case.name, paths=paths, expectations=expectations, complete=complete, extraction=case.extraction
    )


def load_expectations(path: Path) -> Expectations:
    """Read one expected-findings file (YAML or JSON)."""
    if not path.is_file():
        raise InputError(f"{path}: expected-findings file not found", "fix the case's 'expect' entry")
    data = _read_yaml(path)
    if isinstance(data, list):
        data = {"findings": data}
    try:
        return Expectations.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{path}: {_first_error(exc)}", "see docs/eval.md for the expected-findings format") from exc


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid YAML: {exc}".splitlines()[0], "fix the file") from exc


def _resolve(root: Path, relative: str) -> Path:
    return (root / relative).resolve() if not any(c in relative for c in "*?[") else root / relative


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return f"{where}: {first['msg']}"
