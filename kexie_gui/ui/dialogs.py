"""Small dialogs: keyboard shortcuts (generated from the actions table), text edit, export choices.

Each returns plain values; the window's ``ask_*`` methods wrap them so tests
can replace the asking without driving a modal dialog.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from .i18n import _tr
from .marks import N_

FORMAT_LABELS = {"docx": N_("ExportDialog", "Word document (.docx)"), "md": N_("ExportDialog", "Markdown (.md)")}


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("ShortcutsDialog", "Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([_tr("ShortcutsDialog", "Menu"), _tr("ShortcutsDialog", "Command"),
                                              _tr("ShortcutsDialog", "Keys")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)


class EditTextDialog(QDialog):
    """Retype one part of an article; returns the new text."""

    def __init__(self, what: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("EditTextDialog", "Edit text"))
        self.label = QLabel(what)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def text(self) -> str:
        # a paragraph is one line: line breaks typed by accident would split nothing but look odd
        return " ".join(self.editor.toPlainText().splitlines()).strip()


@dataclass(frozen=True)
class ExportChoice:
    scope: str  # "current" or "done"
    format: str  # "docx" or "md"
    folder: str


class ExportDialog(QDialog):
    def __init__(self, formats: list[str], folder: str, fmt: str, done_pages: int, has_current: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("ExportDialog", "Export"))
        self.current = QRadioButton(_tr("ExportDialog", "The shown page"))
        self.done = QRadioButton(_tr("ExportDialog", "All pages marked done ({n})").format(n=done_pages))
        self.current.setEnabled(has_current)
        self.done.setEnabled(done_pages > 0)
        (self.current if has_current else self.done).setChecked(True)
        self.format = QComboBox()
        for f in formats:
            self.format.addItem(_tr("ExportDialog", FORMAT_LABELS.get(f, f)), f)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.folder = QLineEdit(folder)
        browse = QPushButton(_tr("ExportDialog", "Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_tr("ExportDialog", "Pages:"), self.current)
        form.addRow("", self.done)
        form.addRow(_tr("ExportDialog", "Format:"), self.format)
        form.addRow(_tr("ExportDialog", "Folder:"), row)
        note = QLabel(_tr("ExportDialog", "Each page becomes one file named after the page."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("ExportDialog", "Export to folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choice(self) -> ExportChoice:
        return ExportChoice("current" if self.current.isChecked() else "done", self.format.currentData(),
                            self.folder.text().strip())
