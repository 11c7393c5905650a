"""Renderers: Report -> terminal (rich renderable), JSON, Markdown, HTML. None of them prints."""

from factcheck.report.html import to_html
from factcheck.report.jsonout import to_json
from factcheck.report.markdown import to_markdown
from factcheck.report.terminal import terminal

__all__ = ["terminal", "to_html", "to_json", "to_markdown"]
