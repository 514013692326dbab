"""Page files dropped anywhere on the window: one event filter, installed on every drop site.

Item views and text edits swallow drag events in their viewport, so the
filter goes on each viewport as well as on the window.  It only takes drags
that carry local file URLs; everything else (a paragraph dragged inside the
outline) passes through untouched.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal


def local_paths(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class DropFilter(QObject):
    paths_dropped = Signal(list)

    def watch(self, *widgets) -> None:
        for w in widgets:
            w.setAcceptDrops(True)
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.paths_dropped.emit(paths)
                return True
        return False


class FileOpenFilter(QObject):
    """macOS Finder's "Open With" (and a file dropped on the Dock icon) arrives as a FileOpen event.

    Installed on the application object, so it sees every event of the
    program: it only looks at the event's type and lets everything pass.
    """

    paths_opened = Signal(list)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()
            if path:
                self.paths_opened.emit([path])
                return True
        return False
