"""Turn a saved HTML page into article text: paragraphs of the article, not the page around it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "figure", "button"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr", "section", "article"}


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_text(page: str) -> tuple[str, dict[str, Any]]:
    """Return (article text, metadata) extracted from an HTML page.

    Spans of a Source made from HTML refer to this extracted text, which the report shows in full.
    """
    parser = _ArticleParser()
    parser.feed(page)
    parser.close()
    paragraphs = parser.paragraphs(prefer_article=True)
    text = "\n\n".join(paragraphs) + "\n"
    meta: dict[str, Any] = {}
    if parser.title:
        meta["title"] = parser.title
    meta.update({k: v for k, v in parser.meta.items() if v})
    return text, meta


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.article_depth = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.blocks: list[tuple[bool, list[str]]] = [(False, [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "article":
            self.article_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            names = {"og:title": "title", "og:site_name": "outlet", "og:url": "url",
                     "article:published_time": "published", "date": "published"}
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
