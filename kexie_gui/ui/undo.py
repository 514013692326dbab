"""Undo: one ``QUndoCommand`` per change of decisions; one ``QUndoStack`` per page.

A command stores the page, the old and the new :class:`Decisions` and asks
the controller to set one or the other; the controller recomputes the clean
page with the pure ``core.apply``.  Because the whole decisions value is
restored, undo cannot corrupt text.  Stacks sit in a ``QUndoGroup`` so the
Edit menu and the history view always act on the page being shown.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from ..core import Decisions
from .controller import Controller


class DecisionsCommand(QUndoCommand):
    def __init__(self, controller: Controller, page_id: str, old: Decisions, new: Decisions, label: str):
        super().__init__(label)
        self.controller = controller
        self.page_id = page_id
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.controller.set_decisions(self.page_id, self.new)

    def undo(self) -> None:
        self.controller.set_decisions(self.page_id, self.old)


class UndoRecorder:
    """The controller's recorder in the window: pushes commands on the page's stack."""

    def __init__(self, controller: Controller, group: QUndoGroup):
        self.controller = controller
        self.undo_group = group
        self._stacks: dict[str, QUndoStack] = {}

    def stack(self, page_id: str) -> QUndoStack:
        stack = self._stacks.get(page_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self.undo_group.addStack(stack)
            self._stacks[page_id] = stack
        return stack

    def activate(self, page_id: str | None) -> None:
        # None (no page) is Qt's nullptr: the group then has no active stack; the stubs do not say so
        self.undo_group.setActiveStack(self.stack(page_id) if page_id else None)  # type: ignore[arg-type]

    def forget(self, page_id: str) -> None:
        stack = self._stacks.pop(page_id, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    def record(self, label: str, page_id: str, old: Decisions, new: Decisions) -> None:
        self.stack(page_id).push(DecisionsCommand(self.controller, page_id, old, new, label))

    @contextmanager
    def group(self, label: str) -> Iterator[None]:
        stack = self.stack(self.controller.current_id) if self.controller.current_id else None
        with self.controller.batch():
            if stack is not None:
                stack.beginMacro(label)
            try:
                yield
            finally:
                if stack is not None:
                    stack.endMacro()

    def undo(self) -> None:
        with self.controller.batch():
            self.undo_group.undo()

    def redo(self) -> None:
        with self.controller.batch():
            self.undo_group.redo()
