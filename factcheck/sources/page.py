"""Turn a saved HTML page into article text: paragraphs of the article, not the page around it."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

_SKIP = frozenset(
    {"aside", "button", "figure", "footer", "form", "header", "nav", "noscript", "script", "style", "svg"}
)
_BLOCK = frozenset({"article", "blockquote", "br", "div", "h1", "h2", "h3", "h4", "li", "p", "section", "tr"})


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def parse_page(page: str) -> tuple[list[str], dict[str, Any], bool]:
    """The page's paragraphs (only those inside <article> when it has one), its metadata, and whether it had one."""
    parser = _ArticleParser()
    parser.feed(page)
    parser.close()
    paragraphs = parser.paragraphs(prefer_article=True)
    meta: dict[str, Any] = {}
    if parser.title:
        meta["title"] = parser.title
    meta.update({k: v for k, v in parser.meta.items() if v})
    return paragraphs, meta, parser.had_article


def html_to_text(
    page: str, warn: Callable[[str], None] = lambda _: None, name: str = "page"
) -> tuple[str, dict[str, Any]]:
    """Return (article text, metadata) extracted from an HTML page.

    A page with <article> gives the paragraphs inside it; any other page gives its main text as found by
    readability-lxml, or, when none is found, the whole page with a warning naming the file.
    Spans of a Source made from HTML refer to this extracted text, which the report shows in full.
    """
    paragraphs, meta, had_article = parse_page(page)
    if not had_article:
        main = main_text(page)
        if main:
            paragraphs = main
        else:
            warn(
                f"{name}: no main text found in the page; all its text is read, menus and sidebars included "
                "(save the article alone, or as .txt)"
            )
    return "\n\n".join(paragraphs) + "\n", meta


def main_text(page: str) -> list[str]:
    """The paragraphs of the page's main text according to readability-lxml; empty when it finds none."""
    from lxml import etree
    from lxml import html as lhtml
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(page).summary(html_partial=True)
        root = lhtml.fromstring(summary) if summary.strip() else None
    except (Unparseable, etree.ParserError, ValueError):
        return []
    if root is None:
        return []
    parser = _ArticleParser()
    parser.feed(lhtml.tostring(root, encoding="unicode"))
    parser.close()
    paragraphs = parser.paragraphs(prefer_article=False)
    return paragraphs if sum(len(p) for p in paragraphs) >= MIN_MAIN_TEXT else []


MIN_MAIN_TEXT = 200  # characters: less than this is a teaser or a caption, not an article's main text


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.article_depth = 0
        self.had_article = False
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.blocks: list[tuple[bool, list[str]]] = [(False, [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "article":
            self.article_depth += 1
            self.had_article = True
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            names = {
                "og:title": "title",
                "og:site_name": "outlet",
                "og:url": "url",
                "article:published_time": "published",
                "date": "published",
            }
            if key in names and a.get("content"):
                self.meta.setdefault(names[key], a["content"] or "")
        if tag in _BLOCK:
            self._new_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "article" and self.article_depth:
            self.article_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.blocks[-1][1].append(data)

    def _new_block(self) -> None:
        if self.blocks[-1][1]:
            self.blocks.append((self.article_depth > 0, []))
        else:
            self.blocks[-1] = (self.article_depth > 0, [])

    def paragraphs(self, prefer_article: bool) -> list[str]:
        texts = [(inside, re.sub(r"\s+", " ", "".join(parts)).strip()) for inside, parts in self.blocks]
        texts = [(inside, t) for inside, t in texts if t]
        if prefer_article and any(inside for inside, _ in texts):
            texts = [(inside, t) for inside, t in texts if inside]
        self.title = re.sub(r"\s+", " ", self.title).strip()
        return [t for _, t in texts]
