"""Where a page's session file lives: beside the page, in a project folder, or in the user data folder.

Sessions are named after the page's whole file name (``PAGE.txt.kexie.json``);
files of the old naming (``PAGE.kexie.json``) are still found when they record
this page's file name.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .. import APP_NAME
from ..core.load import MAX_BYTES
from .document import SessionError, _strict_json

SESSION_SUFFIX = ".kexie.json"


def data_dir() -> Path:
    """The per-user data folder (``KEXIE_DATA_DIR`` overrides it, for tests and portable installs)."""
    env = os.environ.get("KEXIE_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _folder_writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _session_name(page_path: Path) -> str:
    return page_path.name + SESSION_SUFFIX


def _legacy_name(page_path: Path) -> str:
    """The name sessions had before they were named after the whole file name (``PAGE.kexie.json``)."""
    return page_path.stem + SESSION_SUFFIX


def _path_key(page_path: Path) -> str:
    return hashlib.sha256(str(page_path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _fallback_path(page_path: Path) -> Path:
    return data_dir() / "sessions" / f"{page_path.name}-{_path_key(page_path)}{SESSION_SUFFIX}"


def session_path_for(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> Path:
    """Where the session of ``page_path`` is saved.

    ``project_dir/PAGE.txt.kexie.json`` when a project folder is given, else
    ``PAGE.txt.kexie.json`` beside the page; when the page's folder is not
    writable, a file in the user data folder keyed by the page's absolute path.
    """
    page_path = Path(page_path)
    if project_dir is not None:
        return Path(project_dir) / _session_name(page_path)
    if _folder_writable(page_path.absolute().parent):
        return page_path.with_name(_session_name(page_path))
    return _fallback_path(page_path)


def _recorded_name(path: Path) -> str | None:
    """The page file name an old session file records (None when it records none or cannot be read)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        doc = _strict_json(path.read_bytes(), str(path))
    except (OSError, SessionError):
        return None
    page = doc.get("page") if isinstance(doc, dict) else None
    source = page.get("source") if isinstance(page, dict) else None
    return os.path.basename(source) if isinstance(source, str) else None


def legacy_session_files(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> list[Path]:
    """Session files of the old naming that belong to ``page_path``.

    ``page.kexie.json`` could be the session of ``page.txt``, ``page.TXT`` or
    ``page.md``: it is this page's only when it records this page's file name
    (one that records none, or cannot be read, is taken as ``page.txt``'s, the
    only page kexie opened then).  The user-data copy is keyed by the page's
    absolute path, so it is this page's.
    """
    page_path = Path(page_path)
    folder = Path(project_dir) if project_dir is not None else page_path.parent
    out = []
    beside = folder / _legacy_name(page_path)
    if beside != folder / _session_name(page_path) and beside.is_file():
        recorded = _recorded_name(beside)
        if recorded == page_path.name or (recorded is None and page_path.suffix == ".txt"):
            out.append(beside)
    if project_dir is None:
        old = data_dir() / "sessions" / f"{page_path.stem}-{_path_key(page_path)}{SESSION_SUFFIX}"
        if old.is_file() and old != _fallback_path(page_path):
            out.append(old)
    return out


def session_candidates(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> list[Path]:
    """Existing session files of ``page_path``, the most recently written first.

    Beside the page and in the user data folder both count: a page whose
    folder was read-only yesterday may be writable today.  Files of the old
    naming count only when the page has none of the new one.
    """
    page_path = Path(page_path)
    if project_dir is not None:
        places = [Path(project_dir) / _session_name(page_path)]
    else:
        places = [page_path.with_name(_session_name(page_path)), _fallback_path(page_path)]

    def newest_first(paths) -> list[Path]:
        found = []
        for p in paths:
            try:
                found.append((p.stat().st_mtime, p))
            except OSError:
                continue
        return [p for _, p in sorted(found, key=lambda t: -t[0])]

    return newest_first(places) or newest_first(legacy_session_files(page_path, project_dir))
