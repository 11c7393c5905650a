"""Schema-valid answers without a model, for the benchmark server and the fault-injection test server.

`request_schema` finds the JSON schema a chat request asks for (a forced tool call or a
response_format); `SchemaFiller` writes an instance of it whose records each quote one sentence of
the article, so that quote grounding succeeds and every sentence yields a claim.
"""

from __future__ import annotations

import re
from typing import Any

PREFERRED_ENUM = ("text", "reported", "entity")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
TIME = re.compile(
    rf"\b(?:(?:early |late |mid-)?{_MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?|(?:in |since )?(?:19|20)\d{{2}}|"
    r"(?:next|last|this) (?:week|month|year)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)


def request_schema(request: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The schema the answer must satisfy ({} if none), and the tool name when the answer is a tool call."""
    tools = request.get("tools") or []
    if tools:
        choice = request.get("tool_choice")
        wanted = choice.get("function", {}).get("name") if isinstance(choice, dict) else None
        tool = next((t for t in tools if t["function"]["name"] == wanted), tools[0])
        return tool["function"].get("parameters") or {}, tool["function"]["name"]
    fmt = request.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["schema"], None
    if fmt.get("schema"):
        return fmt["schema"], None
    return {}, None


def content(message: dict[str, Any]) -> str:
    """The text of a chat message (a string or content parts)."""
    value = message.get("content") or ""
    if isinstance(value, list):
        return "\n".join(part.get("text", "") for part in value if isinstance(part, dict))
    return str(value)


def is_time(name: str) -> bool:
    """Whether a field name asks for a time expression."""
    return name.lower() in ("time", "when", "date") or name.lower().endswith(("_time", "_date"))


class SchemaFiller:
    """An instance of a JSON schema whose strings come from the article's sentences.

    Every array of records gets `items` records quoting the sentences in turn (one record per
    sentence when `items` is None). In a record, a quote field gets the sentence, a time field the
    time phrase the sentence contains (null or "" when it has none), an attribution field null or
    "", a value field the sentence's last two words, an attribute "stated fact", and any other
    string the sentence's first three words; enums take the first of PREFERRED_ENUM they allow.
    """

    def __init__(self, schema: dict[str, Any], sentences: list[str], items: int | None = None) -> None:
        self.root = schema
        self.sentences = sentences or ["No claims here."]
        self.items = items
        self.next_sentence = 0

    def fill(self) -> Any:
        """An instance of the whole schema."""
        return self._value(self.root, "", self.sentences[0])

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Follow $ref pointers into the root schema."""
        while "$ref" in schema:
            node: Any = self.root
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
        return schema

    def _value(self, schema: dict[str, Any], name: str, sentence: str) -> Any:
        """A value for a (sub)schema; strings come from `sentence`."""
        schema = self._resolve(schema)
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            resolved = [self._resolve(o) for o in options]
            non_null = [o for o in resolved if o.get("type") != "null"]
            if len(non_null) < len(resolved) and not self._stated(name, sentence):
                return None
            return self._value((non_null or resolved)[0], name, sentence)
        if "allOf" in schema:
            return self._value(self._resolve(schema["allOf"][0]), name, sentence)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next((e for e in PREFERRED_ENUM if e in schema["enum"]), schema["enum"][0])
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object":
            return {key: self._value(sub, key, sentence) for key, sub in schema.get("properties", {}).items()}
        if kind == "array":
            return self._array(schema, name, sentence)
        if kind == "string":
            return self._string(schema, name, sentence)
        if kind in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
            return int(low) + 1 if kind == "integer" else float(low) + 1.0
        if kind == "boolean":
            return False
        return None

    @staticmethod
    def _stated(name: str, sentence: str) -> bool:
        """Whether the sentence has something for a nullable field (attributions never, times if it has one)."""
        if name == "attribution":
            return False
        return not is_time(name) or TIME.search(sentence) is not None

    def _array(self, schema: dict[str, Any], name: str, sentence: str) -> list[Any]:
        """Items for an array: records each quote the next sentence; a list of scalars gets its minimum."""
        item = self._resolve(schema.get("items", {}))
        if not (item.get("type") == "object" or "properties" in item):
            return [self._value(item, name, sentence) for _ in range(max(schema.get("minItems", 0), 0))]
        n = len(self.sentences) if self.items is None else self.items
        n = max(schema.get("minItems", 0), min(n, schema.get("maxItems", n)))
        out = []
        for _ in range(n):
            own = self.sentences[self.next_sentence % len(self.sentences)]
            self.next_sentence += 1
            out.append(self._value(item, name, own))
        return out

    def _string(self, schema: dict[str, Any], name: str, sentence: str) -> str:
        """A string for a field of a record that quotes `sentence`."""
        fmt = schema.get("format")
        if fmt == "date":
            return "2024-01-01"
        if fmt == "date-time":
            return "2024-01-01T00:00:00Z"
        low = name.lower()
        words = sentence.rstrip(".!?\"'").split()
        if "quote" in low or "evidence" in low:
            text = sentence
        elif is_time(name):
            match = TIME.search(sentence)
            text = match.group(0) if match else ""
        elif low == "attribution":
            text = ""
        elif low in ("value", "text", "normalized"):
            text = " ".join(words[-2:])
        elif low == "attribute":
            text = "stated fact"
        else:
            text = " ".join(words[:3])
        limit = schema.get("maxLength")
        return text[:limit] if limit else text
