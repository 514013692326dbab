"""Which file each output goes to: the one owner of output file names, for the command line and the window.

- A page's output is named after its file, without the suffix, inside the
  sub-folders it was found under (``FOLDER/2024/03/001.txt`` -> ``2024/03/001``);
  the N-th page of a file of several adds ``-pN`` (``scan.pdf`` -> ``scan-p1``,
  ``scan-p2``), as the page's source names it (``scan.pdf#p2``).
- Two pages that would write the same name get distinct ones, ``name (2)``,
  compared the way case-insensitive, normalising file systems compare them
  (:func:`~kexie_gui.export.names.name_key`).
- The target is the name plus the format's extension, in the output folder.
- A page being read is never a target, whatever the flags (:class:`~kexie_gui.fileio.InputGuard`).
- One file per article (``ExportOptions.per_article``) is named after the
  article's title (:func:`article_file_names`, from :mod:`.names`).

Pure apart from looking at which files exist; nothing here imports Qt.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Generic, TypeVar

from ..core.model import CleanPage
from ..fileio import ExportError, InputGuard
from .names import name_key, unique_names

__all__ = ["EXTENSIONS", "Plan", "article_file_names", "distinct", "extension", "page_name", "plan_pages",
           "source_name", "target"]

EXTENSIONS = {"json": ".json", "md": ".md", "txt": ".txt", "docx": ".docx"}

T = TypeVar("T")


def extension(fmt: str) -> str:
    """The file extension of format ``fmt`` (``".docx"``); an unknown format is an :class:`ExportError`."""
    try:
        return EXTENSIONS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(EXTENSIONS)}") from None


def page_name(name: PurePath, page: int | None = None) -> PurePath:
    """The output name of page ``page`` (1-based) of a file of several; ``name`` itself for a file of one.

    >>> str(page_name(PurePath("2024/scan"), 2)), str(page_name(PurePath("a")))
    ('2024/scan-p2', 'a')
    """
    return name if page is None else name.with_name(f"{name.name}-p{page}")


def source_name(source: str) -> PurePath:
    """The output name of an open page from its source: its file's stem, ``-pN`` for a page of a PDF.

    >>> str(source_name("/pages/scan.pdf#p2")), str(source_name("/pages/a.txt"))
    ('scan-p2', 'a')
    """
    path, hash_, page = source.rpartition("#p")
    if hash_ and page.isdigit() and path:
        return page_name(PurePath(PurePath(path).stem), int(page))
    return PurePath(PurePath(source).stem)


def distinct(names: Iterable[PurePath]) -> list[PurePath]:
    """The names, the second and later of any that clash numbered ``name (2)``, ``name (3)``…

    >>> [str(n) for n in distinct([PurePath("a"), PurePath("A"), PurePath("b"), PurePath("a")])]
    ['a', 'A (2)', 'b', 'a (3)']
    """
    taken: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while name_key(str(candidate)) in taken:
            n += 1
            candidate = name.with_name(f"{name.name} ({n})")
        taken.add(name_key(str(candidate)))
        out.append(candidate)
    return out


def target(folder: str | os.PathLike, name: PurePath, fmt: str) -> Path:
    """Where the page named ``name`` is written in format ``fmt``."""
    return Path(folder) / name.with_name(name.name + extension(fmt))


@dataclass
class Plan(Generic[T]):
    """Each page and the file it goes to; pages whose target is a page being read are refused."""

    targets: list[tuple[T, Path]] = field(default_factory=list)
    refused: list[tuple[T, Path]] = field(default_factory=list)

    @property
    def existing(self) -> list[Path]:
        """Targets that exist already: written only with the editor's consent (``force``)."""
        return [path for _, path in self.targets if path.exists()]


def plan_pages(pages: Sequence[tuple[T, str]], folder: str | os.PathLike, fmt: str,
               inputs: Iterable[str | os.PathLike]) -> Plan[T]:
    """Where each of ``pages`` (an item and its source) goes in ``folder``; ``inputs`` are never replaced."""
    guard = InputGuard(inputs)
    names = distinct(source_name(source) for _, source in pages)
    plan: Plan[T] = Plan()
    for (item, _), name in zip(pages, names, strict=True):
        path = target(folder, name, fmt)
        (plan.refused if guard.is_input(path) else plan.targets).append((item, path))
    return plan


def article_file_names(clean: CleanPage, fmt: str, out_dir: str | os.PathLike | None = None) -> list[str]:
    """One file name per article of ``clean``, from its title (``write_articles`` writes them).

    Names are safe on every system and distinct from each other and from
    files already in ``out_dir``.
    """
    folder = None if out_dir is None else Path(out_dir)
    return unique_names([str(a.title) for a in clean.articles], extension(fmt), folder)
