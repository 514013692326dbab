"""Driving the window as an editor does: key presses, clicks on menus, and answering modal dialogs by their buttons.

A modal dialog runs its own event loop, so whatever answers it must be
scheduled before the command that opens it: :func:`on_modal` polls with a
timer until a modal widget is on screen and then runs the given answer on it.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox, QWidget


def show(qtbot, window) -> None:
    """Show the window and make it the active one, so its shortcuts and focus work as on a desktop."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def press(qtbot, widget: QWidget, keys: str) -> None:
    """Press a key combination (``"Ctrl+Shift+S"``) with ``widget`` focused, as the keyboard would."""
    combo = QKeySequence(keys)[0]
    widget.setFocus()
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events carrying the characters (what an input method delivers).

    ``QTest.keyClicks`` aborts on characters without a key code, such as Chinese ones.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def click(qtbot, widget: QWidget, pos: QPoint | None = None, button=Qt.MouseButton.LeftButton,
          modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(widget, button, modifiers, pos if pos is not None else widget.rect().center())


def modal(timeout: float = 3.0) -> QWidget | None:
    return QApplication.activeModalWidget()


class Answered(list):
    """The dialogs answered; a failure inside an answer closes the dialog and is raised on ``assert seen``."""

    def __init__(self, *args):
        super().__init__(*args)
        self.errors: list[BaseException] = []

    def __bool__(self) -> bool:
        if self.errors:
            raise self.errors[0]
        return len(self) > 0


def on_modal(qtbot, answer, seen: list | None = None, timeout_ms: int = 5000) -> Answered:
    """Once a modal dialog shows, call ``answer(dialog)``; ``seen`` collects the dialogs answered."""
    seen = Answered() if seen is None else seen
    errors = getattr(seen, "errors", [])
    waited = [0]

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and dialog not in seen:
            seen.append(dialog)
            try:
                answer(dialog)
            except BaseException as exc:  # noqa: BLE001 - a modal left open would hang the test
                errors.append(exc)
                dialog.close()
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def button(dialog, which) -> QWidget:
    """A dialog's own button: a ``QDialogButtonBox.StandardButton``, a ``QMessageBox`` button or its text."""
    if isinstance(dialog, QMessageBox):
        if isinstance(which, str):
            return next(b for b in dialog.buttons() if b.text().replace("&", "") == which)
        return dialog.button(which)
    box = dialog.findChild(QDialogButtonBox)
    if isinstance(which, str):
        return next(b for b in box.buttons() if b.text().replace("&", "") == which)
    return box.button(which)


def choose_path(qtbot, file_dialog, path) -> None:
    """Answer a (Qt, non-native) file dialog: type the path into its name field and click its accept button."""
    from PySide6.QtWidgets import QLineEdit

    edit = file_dialog.findChild(QLineEdit, "fileNameEdit")
    edit.setText(str(path))
    box = file_dialog.findChild(QDialogButtonBox)
    accept = next(b for b in box.buttons()
                  if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)


def click_button(qtbot, dialog, which) -> None:
    b = button(dialog, which)
    assert b is not None, f"{which} not on {dialog}"
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def escape(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def close_by_title_bar(dialog) -> None:
    """What the window manager's ✕ does: a close event on the dialog."""
    dialog.close()


def leave_dialog(qtbot, dialog, how: str, buttons: dict) -> None:
    """Close ``dialog`` the way an editor may: ``"escape"``, ``"title bar"`` (the ✕), or the button
    ``buttons[how]`` (``{"ok": OK, "cancel": CANCEL}``)."""
    if how == "escape":
        escape(qtbot, dialog)
    elif how == "title bar":
        close_by_title_bar(dialog)
    else:
        click_button(qtbot, dialog, buttons[how])


def close_popups() -> None:
    """Close menus left open (a popup takes every click until it closes)."""
    for _ in range(10):
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()


def menu_path(window, action) -> list[QMenu]:
    """The menus from the menu bar down to ``action``."""
    path = []
    for menu in window.menuBar().findChildren(QMenu):
        if action in menu.actions():
            path = [menu]
            break
    while path and path[0].menuAction() not in window.menuBar().actions():
        parent = next(m for m in window.menuBar().findChildren(QMenu) if path[0].menuAction() in m.actions())
        path.insert(0, parent)
    return path


def click_menu(qtbot, window, action) -> None:
    """Open the action's menu on the menu bar with a click and click the entry, as the mouse does."""
    close_popups()
    bar = window.menuBar()
    path = menu_path(window, action)
    assert path, f"{action.objectName()} is in no menu"
    top = path[0]
    at = bar.actionGeometry(top.menuAction()).center()
    qtbot.mouseMove(bar, at)  # the pointer goes to each entry before it clicks, as a hand moves a mouse
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(top.isVisible, timeout=2000)
    current = top
    for sub in path[1:]:  # a click on a submenu's entry opens it
        rect = current.actionGeometry(sub.menuAction())
        qtbot.mouseMove(current, rect.center())
        qtbot.mouseClick(current, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(sub.isVisible, timeout=2000)
        current = sub
    rect = current.actionGeometry(action)
    assert rect.isValid() and action.isEnabled(), f"{action.objectName()} cannot be clicked"
    qtbot.mouseMove(current, rect.center())
    qtbot.mouseClick(current, Qt.MouseButton.LeftButton, pos=rect.center())


def click_text(qtbot, view, block: int, index: int = 0, button=Qt.MouseButton.LeftButton) -> None:
    """Click character ``index`` of document block ``block`` of a text view, as the mouse would."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document().findBlockByNumber(block))
    cursor.setPosition(cursor.position() + index)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), button, pos=QPoint(rect.x() + 1, rect.center().y()))


def context_menu(qtbot, widget, pos: QPoint) -> QMenu:
    """Right-click ``widget`` (a viewport) at ``pos``; returns the menu that opened.

    ``QTest`` sends the mouse events straight to the widget, so the context-menu event a platform makes
    of a right click is sent here too, as Qt's window system would.
    """
    from PySide6.QtGui import QContextMenuEvent

    qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    seen = []

    def found():
        m = QApplication.activePopupWidget()
        if isinstance(m, QMenu) and m not in seen:
            seen.append(m)
        return bool(seen)

    qtbot.waitUntil(found, timeout=3000)
    return seen[0]


def click_entry(qtbot, menu: QMenu, text: str) -> None:
    """Click the entry of a shown menu whose text (without ``&``) is ``text``, else starts with it."""
    entries = [(a, a.text().replace("&", "")) for a in menu.actions()]
    exact = [a for a, t in entries if t == text]
    starting = [a for a, t in entries if t.startswith(text)]
    for action in exact + starting:
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        return
    raise AssertionError(f"no entry {text!r} in {[a.text() for a in menu.actions()]}")


def drag_drop(widget, mime, pos: QPoint, action=Qt.DropAction.MoveAction) -> bool:
    """Drag ``mime`` over ``widget`` (a viewport) to ``pos`` and drop it, as a mouse drag would end."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()
