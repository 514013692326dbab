"""Open pages watched on disk: a page file changed or vanished while the editor works on it.

A ``QFileSystemWatcher`` watches each page file and its folder (editors that
save by writing a new file and renaming it over the old one, and files that
come back after a deletion, show only in the folder).  Events are gathered
for a moment (a program may write a file in several steps), then each page is
checked: gone -> ``deleted``; otherwise, when its size or time changed, the
bytes are hashed and compared with the contents the window shows (the page's
sha256) -> ``changed``.  A mere touch, or the session file saved beside the
page, says nothing.  After the editor answered, :meth:`expect` records the
contents that are now known, so the same change is not reported twice.
"""
from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 250  # wait this long after the last event before looking


def file_sha256(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _stamp(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class PageWatcher(QObject):
    changed = Signal(str)  # the page file now holds other contents
    deleted = Signal(str)  # the page file is gone (deleted, moved or renamed)
    restored = Signal(str)  # a deleted page file is back

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.fs = QFileSystemWatcher(self)
        self.fs.fileChanged.connect(self._poke)
        self.fs.directoryChanged.connect(self._poke_folder)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.check)
        self._known: dict[str, dict] = {}  # path -> {"sha", "stamp", "missing"}
        self._due: set[str] = set()

    def watched(self) -> list[str]:
        return sorted(self._known)

    def watch(self, path: str, sha256: str) -> None:
        """Watch ``path``, whose contents the window shows have ``sha256``."""
        path = os.path.abspath(path)
        self._known[path] = {"sha": sha256, "stamp": _stamp(path), "missing": not os.path.exists(path)}
        self._add(path)
        self._add(os.path.dirname(path))

    def expect(self, path: str, sha256: str | None = None) -> None:
        """The editor knows the file as it is now (reloaded, or chose to keep the old text)."""
        entry = self._known.get(os.path.abspath(path))
        if entry is not None:
            entry["sha"] = sha256 or file_sha256(path) or entry["sha"]
            entry["stamp"] = _stamp(path)

    def forget(self, path: str) -> None:
        path = os.path.abspath(path)
        if self._known.pop(path, None) is None:
            return
        self._due.discard(path)
        if path in self.fs.files():
            self.fs.removePath(path)
        folder = os.path.dirname(path)
        if folder in self.fs.directories() and not any(os.path.dirname(p) == folder for p in self._known):
            self.fs.removePath(folder)

    def clear(self) -> None:
        for path in list(self._known):
            self.forget(path)
        self.timer.stop()

    def _add(self, path: str) -> None:
        if path and os.path.exists(path) and path not in self.fs.files() and path not in self.fs.directories():
            self.fs.addPath(path)

    def _poke(self, path: str) -> None:
        if path in self._known:
            self._due.add(path)
            self.timer.start()

    def _poke_folder(self, folder: str) -> None:
        for path in self._known:
            if os.path.dirname(path) == folder:
                self._due.add(path)
        if self._due:
            self.timer.start()

    def check(self, paths=None) -> None:
        """Look at the pages that had events (or ``paths``) and report what changed."""
        due = set(paths) if paths is not None else self._due
        self._due = set() if paths is None else self._due - due
        for path in sorted(due):
            entry = self._known.get(path)
            if entry is None:
                continue
            stamp = _stamp(path)
            if stamp is None:
                if not entry["missing"]:
                    entry["missing"] = True
                    self.deleted.emit(path)
                continue
            self._add(path)  # a file replaced by a rename, or back after a deletion, is watched anew
            came_back = entry["missing"]
            entry["missing"] = False
            if stamp == entry["stamp"] and not came_back:
                continue
            entry["stamp"] = stamp
            sha = file_sha256(path)
            if sha is None:
                continue
            if came_back and sha == entry["sha"]:
                self.restored.emit(path)
            elif sha != entry["sha"]:
                self.changed.emit(path)
