"""Driving the window through real Qt events (drops) and reading what it shows."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def drop(widget, paths) -> bool:
    """Drag local files onto ``widget`` (a viewport) and drop them; returns whether the drop was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(QPoint(22, 22), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(QPointF(22, 22), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def article_texts(app) -> list[str]:
    return app.window.article.part_texts()


def suggestions_of(app, kind: str):
    return [s for s in app.controller.current.analysis.suggestions if s.kind == kind]


def set_raw_cursor(app, offset: int) -> None:
    """Put the raw view's cursor at a raw offset as a click would."""
    view = app.window.raw
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(offset))
    view.setTextCursor(cursor)
