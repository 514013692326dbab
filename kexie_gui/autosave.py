"""Autosave and crash recovery: the editor's work survives a crash, a kill or a power cut.

    store = AutosaveStore()                    # user data folder; KEXIE_DATA_DIR overrides it
    crashed = store.start()                    # previous run ended without mark_clean_exit()?
    for rec in store.pending():                # unsaved work, newest first
        result = rec.restore(page, analysis)   # a SessionResult, re-anchored if the page changed
    store.save(key, path, page.sha256, decisions, {"status": "review"}, analysis=analysis)
    store.clear_after_save(key)                # after an explicit Save
    store.mark_clean_exit()

One file per page (``<hash of the page key>.autosave.json``) holds a session
document (:func:`kexie_gui.session.session_document`) plus the page key, so
recovery re-anchors decisions exactly as a session load does.  Writes are
atomic (:mod:`kexie_gui.fileio`).  *When* to write is the window's business (a
QTimer); :class:`Debouncer` is the pure rule it asks, testable without Qt.

A page's autosave is *pending* -- work to offer back -- when it is newer than
the page's last explicit session save and says something that session does
not.  ``running.lock`` (holding the PID) tells the next start whether the
previous run ended cleanly; pending autosaves are worth offering either way.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core.load import MAX_BYTES
from .core.messages import Message, message
from .core.model import Analysis, Decisions, Page
from .fileio import ExportError, atomic_write_text, stamped_sibling
from .session import (
    SessionError,
    SessionResult,
    data_dir,
    parse_session,
    read_session_file,
    restore_decisions,
    session_candidates,
    session_document,
)

__all__ = ["AutosaveStore", "Recovery", "Debouncer", "LOCK_NAME", "AUTOSAVE_SUFFIX"]

LOCK_NAME = "running.lock"
AUTOSAVE_SUFFIX = ".autosave.json"


# ---------------------------------------------------------------- when to write

class Debouncer:
    """Decides when pending changes should be written, from monotonic timestamps.

    Writes ``delay`` seconds after the last change, but never later than
    ``max_delay`` after the first unsaved one (so steady typing still gets
    saved); after a failed write, retries ``retry`` seconds later.

    >>> d = Debouncer(delay=2, max_delay=10)
    >>> d.changed(0.0); d.due(1.0), d.due(2.0)
    (False, True)
    >>> d.flushed(); d.due(100.0)
    False
    """

    def __init__(self, delay: float = 2.0, max_delay: float = 30.0, retry: float = 10.0):
        if delay < 0 or max_delay < delay:
            raise ValueError("need 0 <= delay <= max_delay")
        self.delay, self.max_delay, self.retry = delay, max_delay, retry
        self._first: float | None = None
        self._last: float | None = None
        self._retry_at: float | None = None

    @property
    def dirty(self) -> bool:
        """There are changes not yet written."""
        return self._first is not None

    def changed(self, now: float) -> None:
        """Note a change of decisions at ``now``."""
        if self._first is None:
            self._first = now
        self._last = now

    def next_due(self) -> float | None:
        """The time at which :meth:`due` becomes true (None when there is nothing to write)."""
        if self._first is None or self._last is None:  # both are set together
            return None
        at = min(self._last + self.delay, self._first + self.max_delay)
        return at if self._retry_at is None else max(at, self._retry_at)

    def due(self, now: float) -> bool:
        at = self.next_due()
        return at is not None and now >= at

    def wait(self, now: float) -> float | None:
        """Seconds from ``now`` until a write is due (for ``QTimer.start``), None when clean."""
        at = self.next_due()
        return None if at is None else max(0.0, at - now)

    def flushed(self) -> None:
        """The changes were written."""
        self._first = self._last = self._retry_at = None

    def failed(self, now: float) -> None:
        """A write failed (disk full...): keep the changes, try again ``retry`` seconds from ``now``."""
        self._retry_at = now + self.retry


# ---------------------------------------------------------------- what was left behind

@dataclass(frozen=True)
class Recovery:
    """Unsaved work of one page, found in its autosave."""

    page_key: str
    page_path: str
    page_sha: str
    saved_at: float  # seconds since the epoch
    decisions: Decisions
    extra: Mapping[str, Any]
    file: Path
    document: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def page_name(self) -> str:
        return os.path.basename(self.page_path) or self.page_path

    @property
    def message(self) -> Message:
        """One line naming the page and when its work was left, for the question that offers it back."""
        when = datetime.datetime.fromtimestamp(self.saved_at).strftime("%Y-%m-%d %H:%M")
        return message("autosave.unsaved", page=self.page_name, when=when)

    def page_changed(self, page: Page) -> bool:
        return page.sha256 != self.page_sha

    def held_by_another_window(self) -> bool:
        """Written by a kexie window that is still running (another process): not lost work."""
        pid = (self.document.get("autosave") or {}).get("pid")
        return isinstance(pid, int) and pid != os.getpid() and pid_alive(pid)

    def restore(self, page: Page, analysis: Analysis) -> SessionResult:
        """The autosaved decisions carried over to ``page`` (re-anchored if it changed since)."""
        return restore_decisions(self.document, page, analysis, self.file)


def _read_document(path: Path) -> dict:
    """The session document an autosave holds; every failure is a :class:`SessionError` naming the autosave."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SessionError(f"{path}: the autosave is too large to be one of ours")
        return parse_session(path.read_bytes(), str(path))
    except OSError as exc:
        raise SessionError(f"{path}: cannot read the autosave ({exc.strerror or exc})") from None
    except SessionError as exc:
        if exc.why is None:
            raise
        raise SessionError(f"{path}: the autosave is damaged ({exc.why})", exc.why) from None


def _autosave_problem(doc: Mapping) -> str | None:
    """What is wrong with the autosave's own record (page key, process, project folder, time), or None."""
    info = doc.get("autosave")
    if not isinstance(info, dict) or not isinstance(info.get("page_key"), str):
        return "no page key"
    pid = info.get("pid")
    if pid is not None and not (isinstance(pid, int) and not isinstance(pid, bool) and 0 < pid < 2**31):
        return "its process id is not one"
    if info.get("project_dir") is not None and not isinstance(info.get("project_dir"), str):
        return "its project folder is not a path"
    saved_at = doc.get("saved_at")
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool):
        return "no time"
    return None


def _key_hash(page_key: str) -> str:
    return hashlib.blake2s(page_key.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    except OSError:
        return False
    return True


class AutosaveStore:
    """One autosave file per page, and the lock that tells a crash from a clean exit."""

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else data_dir() / "autosave"
        self.problems: list[str] = []  # autosave files pending() could not read (kept on disk)

    # -- files
    def path_for(self, page_key: str) -> Path:
        return self.root / f"{_key_hash(page_key)}{AUTOSAVE_SUFFIX}"

    def _ensure_root(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SessionError(f"{self.root}: cannot create the autosave folder ({exc.strerror or exc})") from None

    def save(self, page_key: str, page_path: str | os.PathLike, page_sha: str, decisions: Decisions,
             extra: Mapping | None = None, *, analysis: Analysis | None = None,
             project_dir: str | os.PathLike | None = None) -> Path:
        """Write the page's autosave atomically; returns its path.

        Pass ``analysis`` so that recovery can re-anchor the decisions if the
        page file changes before the editor comes back; without it they are
        restored only onto the same page contents.  Give the ``project_dir``
        sessions are saved in, if any, so :meth:`pending` compares with the
        right session file.  Raises :class:`SessionError`.
        """
        self._ensure_root()
        doc = session_document(page_path, None, decisions, analysis, extra, sha256=page_sha)
        doc["autosave"] = {"page_key": page_key, "pid": os.getpid(),
                           "project_dir": None if project_dir is None else str(Path(project_dir).absolute())}
        path = self.path_for(page_key)
        try:
            atomic_write_text(path, json.dumps(doc, ensure_ascii=False) + "\n", force=True)
        except ExportError as exc:
            raise SessionError(str(exc).replace("cannot write the file", "cannot autosave")) from None
        return path

    def load(self, page_key: str) -> Recovery | None:
        """The page's autosave, pending or not (None when there is none); raises :class:`SessionError`."""
        path = self.path_for(page_key)
        if not path.exists():
            return None
        return self._read(path)

    def _read(self, path: Path) -> Recovery:
        """The autosave in ``path``, checked as strictly as a session file; raises :class:`SessionError` only."""
        doc = _read_document(path)
        problem = _autosave_problem(doc)
        if problem is not None:
            raise SessionError(f"{path}: the autosave is damaged ({problem})")
        page = doc["page"]
        return Recovery(page_key=doc["autosave"]["page_key"],
                        page_path=str(page.get("path") or page.get("source") or ""),
                        page_sha=page["sha256"], saved_at=float(doc["saved_at"]),
                        decisions=Decisions.from_dict(doc.get("decisions") or {}), extra=dict(doc.get("extra") or {}),
                        file=path, document=doc)

    def _set_aside(self, path: Path, why: str) -> str:
        """Rename a damaged autosave out of the way (it would block recovery on every start); say where it went."""
        aside = stamped_sibling(path, "damaged")
        try:
            os.replace(path, aside)
        except OSError as exc:
            return f"{why} (it could not be set aside: {exc.strerror or exc}; it is kept as it is)"
        return f"{why}; it was set aside as {aside.name}"

    def pending(self) -> list[Recovery]:
        """Autosaves holding work the page's session file does not: newest first.

        An autosave written by another kexie window that is still running is
        left out: its work is not lost, that window still holds it.

        Each autosave is judged on its own: one that cannot be read is renamed
        aside (``NAME.damaged-<time>``, kept for a look) and described in
        :attr:`problems`; the others are offered all the same.
        """
        self.problems = []
        out = []
        try:
            files = sorted(self.root.glob(f"*{AUTOSAVE_SUFFIX}"))
        except OSError:
            return []
        for path in files:
            try:
                rec = self._read(path)
                if self._unsaved(rec) and not rec.held_by_another_window():
                    out.append(rec)
            except SessionError as exc:
                self.problems.append(self._set_aside(path, str(exc)))
            except Exception as exc:  # noqa: BLE001 - one odd file must not block the recovery of the others
                self.problems.append(self._set_aside(path, f"{path}: the autosave cannot be read "
                                                           f"({type(exc).__name__}: {exc})"))
        return sorted(out, key=lambda r: -r.saved_at)

    @staticmethod
    def _unsaved(rec: Recovery) -> bool:
        if not rec.page_path:
            return True
        project_dir = (rec.document.get("autosave") or {}).get("project_dir")
        for session in session_candidates(rec.page_path, project_dir if isinstance(project_dir, str) else None):
            try:
                doc = read_session_file(session)
            except SessionError:
                continue  # cannot tell what it holds: offer the autosave
            saved_at = doc.get("saved_at")
            if isinstance(saved_at, (int, float)) and saved_at >= rec.saved_at:
                return False
            if (doc["page"].get("sha256") == rec.page_sha
                    and Decisions.from_dict(doc.get("decisions") or {}) == rec.decisions
                    and dict(doc.get("extra") or {}) == dict(rec.extra)):
                return False
            return True
        return rec.decisions != Decisions() or bool(rec.extra)

    def discard(self, page_key: str) -> None:
        """Forget the page's autosave (the editor declined to recover it)."""
        try:
            os.unlink(self.path_for(page_key))
        except FileNotFoundError:
            pass
        except OSError as exc:
            reason = exc.strerror or exc
            raise SessionError(f"{self.path_for(page_key)}: cannot remove the autosave ({reason})") from None

    def clear_after_save(self, page_key: str) -> None:
        """The page was saved explicitly: its autosave has nothing more to offer."""
        self.discard(page_key)

    # -- running.lock
    @property
    def lock_path(self) -> Path:
        return self.root / LOCK_NAME

    def _lock_pid(self) -> int | None:
        """PID in the lock; -1 when the lock is unreadable; None when there is no lock."""
        try:
            text = self.lock_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None
        except OSError:
            return -1
        first = text.split("\n", 1)[0].strip()
        return int(first) if first.isdigit() else -1

    def previous_run_crashed(self) -> bool:
        """A lock is left behind by a process that is gone (call before :meth:`mark_running`).

        A lock held by a live process is another window still running, not a crash.
        """
        pid = self._lock_pid()
        if pid is None or pid == os.getpid():
            return False
        return pid < 0 or not pid_alive(pid)

    def mark_running(self) -> None:
        self._ensure_root()
        stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            atomic_write_text(self.lock_path, f"{os.getpid()}\n{stamp}\n{socket.gethostname()}\n", force=True)
        except ExportError as exc:
            raise SessionError(str(exc)) from None

    def mark_clean_exit(self) -> None:
        """Remove the lock if it is ours (another window may have taken it over)."""
        if self._lock_pid() in (os.getpid(), -1):
            try:
                os.unlink(self.lock_path)
            except OSError:
                pass

    def start(self) -> bool:
        """:meth:`previous_run_crashed`, then :meth:`mark_running`; returns whether it crashed."""
        crashed = self.previous_run_crashed()
        self.mark_running()
        return crashed
