"""Saving a session (atomically, keeping a copy of one it replaces) and loading one."""
from __future__ import annotations

import errno
import os
import time
from collections.abc import Mapping
from pathlib import Path

from ..core.model import Analysis, Decisions, Page
from ..fileio import ExportError, atomic_write_bytes, atomic_write_text, stamped_sibling, temp_files_for
from .document import VERSION, SessionError, _encode, parse_session, read_session_file, session_document
from .paths import _fallback_path, legacy_session_files, session_candidates, session_path_for
from .restore import SessionResult, restore_decisions

STALE_TEMP_SECONDS = 60  # a save's temp file older than this was left by a killed process


def _keep_old(target: Path, sha256: str) -> Path | None:
    """Copy a session written for other page contents, in an older format, or unreadable aside before
    replacing it (an older kexie cannot read the new format).

    Copy, not rename: if the new write then fails, the old file is still where it was.
    """
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SessionError(f"{target}: cannot read the old session file to keep a copy "
                           f"({exc.strerror or exc}); nothing was saved") from None
    try:
        old = parse_session(data, str(target))
        if old["page"]["sha256"] == sha256 and old["version"] == VERSION:
            return None
    except SessionError:
        pass
    backup = stamped_sibling(target, "bak")
    atomic_write_bytes(backup, data)
    return backup


def _sweep_stale_temps(target: Path) -> None:
    """Remove temp files a killed save left beside ``target`` (fileio names them ``.NAME.xxxx.tmp``)."""
    now = time.time()
    for p in temp_files_for(target):
        try:
            if now - p.stat().st_mtime > STALE_TEMP_SECONDS:
                p.unlink()
        except OSError:
            continue


def _write(target: Path, doc: Mapping, sha256: str) -> None:
    _keep_old(target, sha256)
    atomic_write_text(target, _encode(doc), force=True)
    _sweep_stale_temps(target)


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(f"{folder}: cannot create the session folder ({exc.strerror or exc})") from None


def _save_error(exc: ExportError) -> str:
    return str(exc).replace("cannot write the file", "cannot save the session")


_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS)


def save_session(path_of_page: str | os.PathLike, page: Page, decisions: Decisions, *,
                 extra: Mapping | None = None, analysis: Analysis | None = None,
                 project_dir: str | os.PathLike | None = None) -> Path:
    """Write the session of ``page`` atomically (see :func:`session_path_for`); returns its path.

    Pass the ``analysis`` the window already has; without it the page is
    analysed again to fingerprint the decisions.  A session file saved for
    other page contents, or one that cannot be read, is first copied to
    ``NAME.bak-<time>``.  When the page's folder refuses the write although it
    looked writable (network shares, ACLs), the session goes to the user data
    folder instead.  Raises :class:`SessionError` with a one-line message
    (disk full...); the old session file is then intact.
    """
    if analysis is None:
        from ..core import analyse

        analysis = analyse(page)
    doc = session_document(path_of_page, page, decisions, analysis, extra)
    page_folder = Path(path_of_page).absolute().parent
    target = session_path_for(path_of_page, project_dir)
    if target.absolute().parent != page_folder:
        _mkdir(target.parent)
    legacy = legacy_session_files(path_of_page, project_dir)
    try:
        _write(target, doc, page.sha256)
        _retire(legacy)
        return target
    except ExportError as exc:
        if (project_dir is not None or target.absolute().parent != page_folder
                or exc.errno not in _REFUSED):
            raise SessionError(_save_error(exc)) from None
        first = _save_error(exc)
    fallback = _fallback_path(Path(path_of_page))
    _mkdir(fallback.parent)
    try:
        _write(fallback, doc, page.sha256)
    except ExportError as exc:
        raise SessionError(f"{first}; saving to {fallback} instead failed too "
                           f"({str(exc).rsplit(': ', 1)[-1]})") from None
    _retire(legacy)
    return fallback


def _retire(legacy: list[Path]) -> None:
    """A session of the old naming was saved again under the new one: the old file is done with."""
    for old in legacy:
        try:
            old.unlink()
        except OSError:
            pass  # it stays, and stays unused: a file of the new name is always preferred


def load_session(page_path: str | os.PathLike, page: Page, analysis: Analysis, *,
                 project_dir: str | os.PathLike | None = None,
                 path: str | os.PathLike | None = None) -> SessionResult:
    """The saved decisions of ``page`` (read from ``path``, or found by :func:`session_candidates`).

    No session: empty decisions and ``result.found`` False.  A damaged or
    unknown session file raises :class:`SessionError`; the caller opens the
    page without it (the file is never changed here).
    """
    if path is None:
        found = session_candidates(page_path, project_dir)
        if not found:
            return SessionResult(decisions=Decisions())
        path = found[0]
    path = Path(path)
    doc = read_session_file(path)
    try:
        return restore_decisions(doc, page, analysis, path)
    except SessionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a session that passes the checks yet cannot be placed: open without it
        raise SessionError(f"{path}: the saved decisions cannot be placed on this page ({type(exc).__name__}: "
                           f"{exc}); the page opens without them and the file is kept as it is") from None
