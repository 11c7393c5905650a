"""The Report as JSON: the documented, versioned contract (docs/schema.md, schema/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from factcheck.models import Report


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """JSON Schema of the Report, as published in schema/report.schema.json."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://factcheck.invalid/schema/report-{Report.model_fields['schema_version'].default}.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
