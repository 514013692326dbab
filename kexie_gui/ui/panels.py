"""The docked panels: suggestions (with filter and decision buttons) and open pages.

Buttons are tool buttons showing actions from the actions table, so a panel
button, its menu entry and its shortcut are the same command.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import KINDS
from .i18n import _tr
from .models import ID_ROLE, PAGE_ROLE, SuggestionFilter


class SuggestionsPanel(QWidget):
    suggestion_selected = Signal(str)
    filter_changed = Signal()

    def __init__(self, model, kind_label, parent=None):
        super().__init__(parent)
        self.model = model
        self.kind_label = kind_label
        self.proxy = SuggestionFilter(self)
        self.proxy.setSourceModel(model)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_filter")
        self.open_only = QCheckBox()
        self.open_only.setObjectName("open_only")
        self.table = QTableView()
        self.table.setObjectName("suggestions")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.filter_label = QLabel()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_label)
        top.addWidget(self.kind_combo)
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.open_only.toggled.connect(self._open_only_changed)
        self.retranslate()

    def add_buttons(self, actions) -> None:
        for action in actions:
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons.addWidget(b)

    def retranslate(self) -> None:
        self.filter_label.setText(_tr("SuggestionsPanel", "Kind:"))
        self.open_only.setText(_tr("SuggestionsPanel", "Open only"))
        current = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(_tr("SuggestionsPanel", "All kinds"), "")
        for kind in KINDS:
            self.kind_combo.addItem(self.kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current or "")))
        self.kind_combo.blockSignals(False)
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the texts the columns show, so "○ open (skipped)" is never cut."""
        fm = self.table.fontMetrics()
        pad = 24
        self.table.setColumnWidth(0, fm.horizontalAdvance(self.model.widest_state()) + pad)
        kinds = [self.kind_label(k) for k in KINDS]
        self.table.setColumnWidth(1, max(fm.horizontalAdvance(k) for k in kinds) + pad)
        self.table.setColumnWidth(2, fm.horizontalAdvance("99999") + pad)
        self.table.setColumnWidth(3, fm.horizontalAdvance(_tr("SuggestionModel", "Confidence")) + pad)

    def reset_filters(self) -> None:
        """Show every suggestion (another page is shown: a filter chosen for the last one would hide these)."""
        if self.kind_combo.currentIndex() != 0:
            self.kind_combo.setCurrentIndex(0)
        if self.open_only.isChecked():
            self.open_only.setChecked(False)

    def set_doubtful_first(self, value: bool) -> None:
        self.proxy.set_doubtful_first(value)

    def order(self, suggestions) -> list:
        return self.proxy.order(suggestions)

    def _kind_changed(self, _index: int) -> None:
        self.proxy.set_kind(self.kind_combo.currentData() or "")
        self.filter_changed.emit()

    def set_kind_filter(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def _open_only_changed(self, value: bool) -> None:
        self.proxy.set_open_only(value)
        self.filter_changed.emit()

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            sid = self.proxy.data(current, ID_ROLE)
            if sid:
                self.suggestion_selected.emit(sid)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, ID_ROLE) if index.isValid() else None

    def select(self, suggestion_id: str | None, notify: bool = True) -> bool:
        """Make ``suggestion_id`` current (clearing the kind filter if it hides it)."""
        if not suggestion_id:
            return False
        row = self.model.row_of(suggestion_id)
        if row < 0:
            return False
        source = self.model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.set_kind_filter("")
            self.open_only.setChecked(False)
            index = self.proxy.mapFromSource(source)
        if not notify:
            self.table.selectionModel().blockSignals(True)
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            if not notify:
                self.table.selectionModel().blockSignals(False)
                self.table.viewport().update()
        self.table.scrollTo(index)
        return True


class PagesPanel(QWidget):
    page_selected = Signal(str)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.list = QListView()
        self.list.setObjectName("pages")
        self.list.setModel(model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(_tr("PagesPanel", "Drop .txt pages or a folder here."))

    def _current_changed(self, current, _previous) -> None:
        pid = self.model.data(current, PAGE_ROLE) if current.isValid() else None
        if pid:
            self.page_selected.emit(pid)

    def select(self, page_id: str | None) -> None:
        row = self.model.row_of(page_id) if page_id else -1
        sm = self.list.selectionModel()
        sm.blockSignals(True)
        try:
            if row >= 0:
                sm.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            else:
                sm.clearSelection()
        finally:
            sm.blockSignals(False)
        self.list.viewport().update()
