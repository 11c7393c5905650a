"""factcheck: check several news articles about one story against each other.

    import factcheck
    report = factcheck.compare(["a.txt", "b.txt"], extractor="offline")
    for finding in report.findings: ...

`compare` runs the whole pipeline on article files; `reconcile` turns claims you already have into
findings; `Report` is the data contract of both (docs/api.md, docs/schema.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "compare", "reconcile"]

if TYPE_CHECKING:
    from factcheck.api import compare, reconcile
    from factcheck.models import Report


def __getattr__(name: str) -> Any:
    """Import the API on first use, so `import factcheck` (and `factcheck --help`) stays fast."""
    if name in ("compare", "reconcile"):
        from factcheck import api

        return getattr(api, name)
    if name == "Report":
        from factcheck.models import Report

        return Report
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
