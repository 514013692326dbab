"""Markdown with YAML front matter: for static sites, note apps and version control.

Two rules shape this module:

- **Front matter values are JSON strings.**  A JSON string literal is a valid
  YAML double-quoted scalar once the few characters YAML treats differently
  (C1 controls, NEL, the Unicode line and paragraph separators, the BOM) are
  written as ``\\u`` escapes, so no title can break the header, and a
  reader without a YAML library can parse each line with ``json.loads``.
- **Text is escaped only where Markdown would read it as syntax**: block
  markers at a line start (``#`` ``>`` ``-`` ``+`` ``=`` ``~`` ``1.``,
  leading spaces) and the inline markers ``\\ ` * _ [ ] < > |`` and entity-like
  ``&``.  Chinese characters and full-width punctuation are never touched, so
  the file stays readable as plain text.
"""
from __future__ import annotations

import json
import re

from ..core.model import CleanArticle, CleanPage
from .options import ExportOptions

__all__ = ["render_page", "render_article", "yaml_string", "escape_inline", "escape_line",
           "front_matter"]

_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([#>+=~-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _yaml_unsafe(ch: str) -> bool:
    """Characters YAML does not allow raw (or would fold) inside a double-quoted scalar."""
    o = ord(ch)
    return (o == 0x7F or 0x80 <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF)
            or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF))


def yaml_string(value) -> str:
    """A YAML scalar for ``value``: ``null``, an integer, or a double-quoted string.

    >>> yaml_string('他说："好"\\n')
    '"他说：\\\\"好\\\\"\\\\n"'
    >>> yaml_string(None), yaml_string(3)
    ('null', '3')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    quoted = json.dumps(str(value), ensure_ascii=False)
    if any(_yaml_unsafe(ch) for ch in quoted):
        quoted = "".join(f"\\u{ord(ch):04x}" if _yaml_unsafe(ch) else ch for ch in quoted)
    return quoted


def front_matter(fields: list[tuple[str, object]]) -> list[str]:
    return ["---", *(f"{key}: {yaml_string(value)}" for key, value in fields), "---"]


def escape_inline(text: str) -> str:
    """Escape characters that start emphasis, links, HTML, code or table cells.

    >>> escape_inline("a*b_c [1] <x> &amp; 5&6")
    'a\\\\*b\\\\_c \\\\[1\\\\] \\\\<x\\\\> \\\\&amp; 5&6'
    """
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))


def escape_line(line: str) -> str:
    """One line of running text, safe wherever it lands in a paragraph.

    Leading spaces and tabs are dropped (four of them would make a code
    block, fewer mean nothing); a block marker at the start is escaped.

    >>> [escape_line(s) for s in ["# 一", "- 二", "1. 三", "2020) 年", "    代码", "　　全角"]]
    ['\\\\# 一', '\\\\- 二', '1\\\\. 三', '2020\\\\) 年', '代码', '　　全角']
    """
    line = escape_inline(line.lstrip(" \t").rstrip(" \t"))
    line = _BLOCK_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _paragraph(text: str) -> str | None:
    """A paragraph's lines, each escaped; None when it holds no text."""
    lines = [escape_line(line) for line in str(text).split("\n")]
    lines = [line for line in lines if line]
    return "\n".join(lines) if lines else None


ARTICLE_BREAK = "* * *"  # starts an article without a title: a thematic break, never an empty "#"


def article_body(article: CleanArticle, after: bool = False) -> list[str]:
    """Markdown blocks of one article: section label, heading, subtitle, paragraphs, byline.

    An article without a title gets no heading; when it follows another one
    (``after``) a thematic break keeps its paragraphs apart from that one's.
    """
    blocks = []
    title = escape_inline(_one_line(article.title)).replace("#", "\\#")
    if not title and after:
        blocks.append(ARTICLE_BREAK)
    if article.section:
        blocks.append(f"【{escape_inline(_one_line(article.section))}】")
    if title:
        blocks.append(f"# {title}")
    if article.subtitle and _one_line(article.subtitle):
        blocks.append(f"*{escape_inline(_one_line(article.subtitle))}*")
    blocks += [p for p in map(_paragraph, article.paragraphs) if p]
    if article.byline and _one_line(article.byline):
        blocks.append(escape_line(_one_line(article.byline)))
    return blocks


def _encode(blocks: list[str], options: ExportOptions) -> bytes:
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", options.newline).encode("utf-8")


def render_page(clean: CleanPage, options: ExportOptions) -> bytes:
    """The page: front matter with the source, then every article under its ``#`` heading."""
    head = "\n".join(front_matter([("source", clean.source), ("articles", len(clean.articles))]))
    blocks = [head]
    for n, article in enumerate(clean.articles):
        blocks += article_body(article, after=n > 0)
    return _encode(blocks, options)


def render_article(clean: CleanPage, index: int, options: ExportOptions) -> bytes:
    """Article ``index`` (0-based) with its own front matter; ``position`` counts from 1."""
    article = clean.articles[index]
    opt = lambda t: None if t is None else _one_line(t)  # noqa: E731
    head = "\n".join(front_matter([
        ("title", _one_line(article.title)),
        ("subtitle", opt(article.subtitle)),
        ("byline", opt(article.byline)),
        ("section", opt(article.section)),
        ("source", clean.source),
        ("position", index + 1),
    ]))
    return _encode([head, *article_body(article)], options)
