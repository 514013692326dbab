"""Which page files a list of paths names: the one door both the ``kexie`` command and the window use.

A file is taken as it is (whatever its suffix); a folder means every page file
under it, recursively and sorted, each folder once (symbolic links are
followed, loops are not); ``-`` is standard input.  A folder that cannot be
listed is a *problem* (the pages in it were not read: the caller fails or
says so), a folder without pages a *note*.  Nothing here imports Qt.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One page file to read (``path`` None: standard input) and its output name, sub-folders kept."""

    path: Path | None
    name: PurePath  # output name without suffix: 2024/03/001 for FOLDER/2024/03/001.txt

    @property
    def label(self) -> str:
        return self.path.name if self.path is not None else "<stdin>"


@dataclass
class Inputs:
    pages: list[Input] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # folders that could not be listed: their pages are missing
    notes: list[str] = field(default_factory=list)  # folders that hold no pages: worth a word, no failure


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _walk(top: Path, suffixes: frozenset[str], skip: set, problems: list[str]) -> list[Path]:
    """Page files under ``top``, sorted; folders that cannot be listed are reported, never silently skipped.

    Folders in ``skip`` (by device and inode: the output folder) are not entered;
    symbolic links to folders are followed, each folder once (no loops).
    """
    found: list[Path] = []
    seen: set = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        ident = _identity(folder)
        if ident is not None and (ident in seen or (folder != top and ident in skip)):
            continue
        seen.add(ident)
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            problems.append(f"{folder}: cannot list the folder ({(exc.strerror or str(exc)).lower()}); "
                            f"the pages in it were not read")
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(Path(entry.path))
            elif os.path.splitext(entry.name)[1].lower() in suffixes:
                found.append(Path(entry.path))
    return sorted(found)


def discover(args: Iterable[str], suffixes: frozenset[str] | None = None, skip: Iterable[Path] = ()) -> Inputs:
    """Every page the paths name, and what could not be looked at.

    ``suffixes`` are the page files a folder is searched for (default: text,
    PDF and images, ``core.pages.PAGE_SUFFIXES``); a page found under a folder
    keeps its sub-folders in its output name (``2024/03/001.txt`` -> ``2024/03/001``).
    Folders in ``skip`` (the output folder) are left out.
    """
    if suffixes is None:
        from .core.pages import PAGE_SUFFIXES  # the page readers: loaded when a path is looked at, not before

        suffixes = PAGE_SUFFIXES
        kinds = ".txt, .pdf or images"
    else:
        kinds = ", ".join(sorted(suffixes))
    result = Inputs()
    skip_ids = {i for i in map(_identity, skip) if i is not None}
    for raw in args:
        if raw == STDIN:
            result.pages.append(Input(None, Path("stdin")))
            continue
        p = Path(raw)
        if p.is_dir():
            problems: list[str] = []
            found = _walk(p, suffixes, skip_ids, problems)
            result.problems += problems
            if not found and not problems:
                result.notes.append(f"{p}: no pages ({kinds}) in this folder")
            result.pages += [Input(f, f.relative_to(p).with_suffix("")) for f in found]
        else:
            result.pages.append(Input(p, Path(p.stem)))
    return result
