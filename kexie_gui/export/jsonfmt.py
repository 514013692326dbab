"""JSON: the clean page as data, for scripts and for the test corpus.

The shape is exactly :meth:`CleanPage.to_dict`, so a gold file and an export
can be compared directly.  ``ensure_ascii=False`` keeps the Chinese readable
in any editor; ``indent=1`` keeps diffs line-based without wasting width.
"""
from __future__ import annotations

import json

from ..core.model import CleanPage
from .options import ExportOptions

__all__ = ["render_page", "render_article"]


def _dump(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def render_page(clean: CleanPage, options: ExportOptions) -> bytes:
    return _dump(clean.to_dict())


def render_article(clean: CleanPage, index: int, options: ExportOptions) -> bytes:
    """One article in the page shape (``articles`` holds just it) plus its 1-based ``position``.

    Blocks removed from the page belong to no article, so ``removed`` is empty.
    """
    single = CleanPage(source=clean.source, articles=(clean.articles[index],))
    data = single.to_dict()
    return _dump({"source": data.pop("source"), "position": index + 1, **data})
