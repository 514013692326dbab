"""Export a clean page as JSON, Markdown, plain text or Word; the one door the CLI and window use.

Each format is a module with two pure functions, ``render_page(clean,
options) -> bytes`` and ``render_article(clean, index, options) -> bytes``;
this package only picks the module, removes control characters the same
way for every format (:mod:`.visible`) and writes the bytes atomically.  Keeping
rendering pure means the window can preview an export and the tests can check
one without touching the disk.  Nothing here imports Qt.
"""
from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

from ..core.model import CleanPage
from ..fileio import ExportError, atomic_write_bytes
from . import docx, jsonfmt, markdown, plaintext, plan
from .options import ExportOptions
from .plan import EXTENSIONS, article_file_names
from .visible import without_controls

__all__ = ["FORMATS", "EXTENSIONS", "ExportOptions", "ExportError", "render", "render_article",
           "write_page", "write_articles", "export", "article_file_names", "plan"]

FORMATS = ("json", "md", "txt", "docx")  # their file names: .plan (EXTENSIONS, article_file_names)
_RENDERERS: dict[str, ModuleType] = {"json": jsonfmt, "md": markdown, "txt": plaintext, "docx": docx}


def _renderer(fmt: str) -> ModuleType:
    try:
        return _RENDERERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def render(clean: CleanPage, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of one file holding every article of ``clean`` in format ``fmt`` (control characters removed)."""
    return _renderer(fmt).render_page(without_controls(clean), options or ExportOptions())


def render_article(clean: CleanPage, index: int, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of one file holding article ``index`` (0-based) of ``clean``."""
    if not 0 <= index < len(clean.articles):
        raise ExportError(f"{clean.source}: there is no article {index + 1} (the page has "
                          f"{len(clean.articles)})")
    return _renderer(fmt).render_article(without_controls(clean), index, options or ExportOptions())


def write_page(clean: CleanPage, fmt: str, target: str | os.PathLike, *, force: bool = False,
               options: ExportOptions | None = None) -> Path:
    """Write the whole page to ``target`` atomically; refuses to overwrite unless ``force``."""
    return atomic_write_bytes(Path(target), render(clean, fmt, options), force=force)


def write_articles(clean: CleanPage, fmt: str, out_dir: str | os.PathLike, *, force: bool = False,
                   options: ExportOptions | None = None) -> list[Path]:
    """One file per article in ``out_dir``, named after its title; returns the paths written.

    Without ``force`` new names never collide with existing files (``标题 (2).md``).
    With ``force`` a file named after the title is replaced.  Everything is
    rendered before the first file is written, so a rendering error leaves
    the folder untouched.
    """
    folder = Path(out_dir)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ExportError(f"{folder}: cannot write the articles: the folder {what}")
    options = options or ExportOptions()
    names = article_file_names(clean, fmt, None if force else folder)
    blobs = [render_article(clean, i, fmt, options) for i in range(len(clean.articles))]
    return [atomic_write_bytes(folder / name, data, force=force) for name, data in zip(names, blobs, strict=True)]


def export(clean: CleanPage, fmt: str, dest: str | os.PathLike, *, force: bool = False,
           options: ExportOptions | None = None) -> list[Path]:
    """Follow ``options.per_article``: files per article into folder ``dest``, else one file ``dest``."""
    options = options or ExportOptions()
    if options.per_article:
        return write_articles(clean, fmt, dest, force=force, options=options)
    return [write_page(clean, fmt, dest, force=force, options=options)]
