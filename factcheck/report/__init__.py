"""Renderers: Report -> terminal (rich renderable), JSON, Markdown, HTML. None of them prints."""

from .html import to_html
from .jsonout import to_json
from .markdown import to_markdown
from .terminal import terminal

__all__ = ["terminal", "to_html", "to_json", "to_markdown"]
