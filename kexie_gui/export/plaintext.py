"""Plain text: what an editor pastes into the newspaper's content system.

The Chinese custom is one paragraph per line, opened by two ideographic
spaces, so that is the default; a blank line separates the parts of an
article and two blank lines separate articles.  No markup at all: the text is
exactly what the clean page says, which makes this the format to diff.
"""
from __future__ import annotations

from ..core.model import CleanArticle, CleanPage
from .options import ExportOptions

__all__ = ["render_page", "render_article"]


def _one_line(text: str) -> str:
    """A title or byline on a single line (an embedded line break would read as a new part)."""
    return " ".join(str(text).split())


def article_lines(article: CleanArticle, options: ExportOptions) -> list[str]:
    lines = []
    if article.section:
        lines += [f"【{_one_line(article.section)}】"]
    title = _one_line(article.title)
    if title:  # an article without a title starts with its subtitle or paragraphs, no blank title line
        lines.append(title)
    if article.subtitle and _one_line(article.subtitle):
        lines.append(_one_line(article.subtitle))
    if lines:
        lines.append("")
    for paragraph in article.paragraphs:
        for line in str(paragraph).splitlines() or [""]:
            if line.strip():
                lines.append(options.txt_indent + line.strip())
    if article.byline:
        lines += ["", _one_line(article.byline)]
    return lines


def _encode(lines: list[str], options: ExportOptions) -> bytes:
    text = options.newline.join(lines) + options.newline
    return ("\ufeff" if options.txt_bom else "").encode("utf-8") + text.encode("utf-8")


def render_page(clean: CleanPage, options: ExportOptions) -> bytes:
    lines: list[str] = []
    for i, article in enumerate(clean.articles):
        if i:
            lines += ["", ""]
        lines += article_lines(article, options)
    return _encode(lines, options)


def render_article(clean: CleanPage, index: int, options: ExportOptions) -> bytes:
    """Article ``index`` (0-based) of ``clean`` on its own."""
    return _encode(article_lines(clean.articles[index], options), options)
