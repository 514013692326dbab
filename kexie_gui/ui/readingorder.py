"""The reading-order view: the page's pieces listed in the order the articles read them, like the zone
numbers of ABBYY FineReader.

Each row is one piece (a block after the editor's splits), numbered as the
raw page's gutter numbers it, coloured like the article it went into (grey
when it was removed).  Dragging rows, or Alt+Up / Alt+Down on the selected
rows, reorders them; the model reports the intent (``move_requested``,
``step_requested``) and the controller records it as ``Decisions.moves``, so
the order works the same whether the editor or, later, a suggestion proposed
it.  The list is filled only while it is shown: a 10 MB page has 70 000
pieces.
"""
from __future__ import annotations

import json
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QToolButton, QVBoxLayout, QWidget

from . import palette
from .i18n import _tr
from .models import status_icon

PIECES_MIME = "application/x-kexie-pieces"
PIECE_ROLE = Qt.ItemDataRole.UserRole + 20
_INVALID = QModelIndex()


class ReadingOrderModel(QAbstractListModel):
    move_requested = Signal(list, str)  # piece ids (in the order given), the piece they go before ("" = end)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = None  # derive.Derived
        self.page_id = ""
        self._removed: dict[str, str] = {}
        self._roles: dict[str, str] = {}

    def set_view(self, view, clean, page_id: str, roles: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.view, self.page_id = view, page_id
        self._removed = {r.block: r.reason for r in clean.removed} if clean is not None else {}
        self._roles = roles or {}
        self.endResetModel()

    @property
    def order(self):
        return self.view.order if self.view is not None else ()

    def rowCount(self, parent=_INVALID) -> int:
        return 0 if parent.isValid() else len(self.order)

    def piece(self, row: int):
        order = self.order
        return order[row] if 0 <= row < len(order) else None

    def row_of(self, piece_id: str) -> int:
        return self.view.number.get(piece_id, 0) - 1 if self.view is not None else -1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        b = self.piece(index.row()) if index.isValid() else None
        if b is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(str(b.text).split())
            short = text[:22] + ("…" if len(text) > 22 else "")
            lines = f"{b.line_start}" if b.line_end == b.line_start else f"{b.line_start}–{b.line_end}"
            return f"{index.row() + 1:>3}  {short}    " + _tr("ReadingOrder", "(line {lines})").format(lines=lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = self._removed.get(b.id)
            head = _tr("ReadingOrder", "removed") if what else _tr("ReadingOrder", "article {n}").format(
                n=(self.view.article_of_block(b.id) or 0) + 1)
            return f"{head}\n{str(b.text)[:300]}"
        if role == Qt.ItemDataRole.DecorationRole:
            if b.id in self._removed:
                return status_icon("#c8c8c8")
            a = self.view.article_of_block(b.id)
            return status_icon(palette.BAND_COLOURS[a % len(palette.BAND_COLOURS)] if a is not None else "#999999")
        if role == Qt.ItemDataRole.ForegroundRole and b.id in self._removed:
            return QColor(palette.FURNITURE_TEXT)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if b.id in self._removed:
                font.setStrikeOut(True)
            if self._roles.get(b.id) == "title" or b.id in self.view.moved:
                font.setBold(True)
            return font
        if role == PIECE_ROLE:
            return b.id
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [PIECES_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        payload = {"page": self.page_id, "pieces": [self.piece(r).id for r in rows if self.piece(r) is not None]}
        data.setData(PIECES_MIME, QByteArray(json.dumps(payload).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data is not None and data.hasFormat(PIECES_MIME) and self.view is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            payload = json.loads(bytes(data.data(PIECES_MIME).data()).decode())
        except ValueError:
            return False
        if payload.get("page") != self.page_id or not payload.get("pieces"):
            return False
        if parent.isValid():  # dropped onto a row: before it
            row = parent.row()
        target = self.piece(row) if row >= 0 else None
        moving = list(payload["pieces"])
        before = target.id if target is not None else ""
        while before in moving:  # onto one of the moving pieces: before the next one that stays
            nxt = self.piece(self.row_of(before) + 1)
            before = nxt.id if nxt is not None else ""
        self.move_requested.emit(moving, before)
        return False  # the view removes nothing: the controller recomputes the order


class PieceList(QListView):
    """The list; Alt+Up / Alt+Down move the selected pieces (taken before the window's "previous/next
    suggestion" shortcuts while the list has the focus)."""

    step_requested = Signal(int)
    MOVE_KEYS: ClassVar[dict[tuple, int]] = {(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier): -1,
                 (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier): 1}

    def _step_of(self, e) -> int | None:
        mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return self.MOVE_KEYS.get((Qt.Key(e.key()), mods))

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and self._step_of(e) is not None:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:
        step = self._step_of(e)
        if step is not None:
            self.step_requested.emit(step)
            return
        super().keyPressEvent(e)


class ReadingOrderPanel(QWidget):
    pieces_chosen = Signal(list)  # ids of the selected pieces, in reading order
    step_requested = Signal(int)

    def __init__(self, model: ReadingOrderModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.list = PieceList()
        self.list.setObjectName("reading_order")
        self.list.setModel(model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.step_requested.connect(self.step_requested)
        self.list.selectionModel().selectionChanged.connect(self._chosen)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addLayout(self.buttons)
        layout.addWidget(self.list)
        self.retranslate()

    def add_buttons(self, actions) -> None:
        for action in actions:
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # the short label (icon text)
            b.setAutoRaise(True)
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)

    def retranslate(self) -> None:
        keys = QKeySequence("Alt+Up").toString(QKeySequence.SequenceFormat.NativeText)
        self.hint.setText(_tr("ReadingOrder", "The blocks in the order they are read, numbered as in the raw "
                              "page. Drag them, or select some and press {keys} / ↓, to reorder.").format(keys=keys))

    def _chosen(self, *_args) -> None:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        ids = [self.model.piece(r).id for r in rows if self.model.piece(r) is not None]
        if ids:
            self.pieces_chosen.emit(ids)

    def chosen(self) -> list[str]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [self.model.piece(r).id for r in rows if self.model.piece(r) is not None]

    def select_pieces(self, ids: list[str], notify: bool = False) -> None:
        """Select the rows of ``ids`` (after a reorder the same pieces stay selected)."""
        sm = self.list.selectionModel()
        sm.blockSignals(not notify)
        try:
            sm.clearSelection()
            first = None
            for bid in ids:
                row = self.model.row_of(bid)
                if row >= 0:
                    index = self.model.index(row, 0)
                    sm.select(index, QItemSelectionModel.SelectionFlag.Select)
                    first = index if first is None else first
            if first is not None:
                sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.list.scrollTo(first)
        finally:
            sm.blockSignals(False)
        self.list.viewport().update()
