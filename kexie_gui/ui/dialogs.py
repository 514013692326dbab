"""Small dialogs: keyboard shortcuts (generated from the actions table), text edit, export choices.

Each returns plain values; the window's ``ask_*`` methods wrap them so tests
can replace the asking without driving a modal dialog.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import _tr
from .marks import N_

FORMAT_LABELS = {"docx": N_("ExportDialog", "Word document (.docx)"), "md": N_("ExportDialog", "Markdown (.md)")}


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        self.setObjectName("edit_text_dialog")
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
    paper: str = "A4"  # DOCX page size: "A4" or "Letter"
    reporter_under_title: bool = True  # DOCX: a reporter line printed under the headline stays there
    byline_parentheses: bool = True  # DOCX: a trailing byline keeps the parentheses the page printed


PAPERS = (("A4", N_("ExportDialog", "A4 (210 × 297 mm)")), ("Letter", N_("ExportDialog", "Letter (8.5 × 11 in)")))


class ExportDialog(QDialog):
    """Which pages, which format, where, and how Word output is laid out.

    Widget attributes carry a suffix naming their kind (``scope_done``, not
    ``done``): a plain name can hide a QDialog method (``done()`` is what
    OK, Cancel, Escape and the title bar's close button call).
    """

    def __init__(self, formats: list[str], folder: str, fmt: str, done_pages: int, has_current: bool,
                 parent: QWidget | None = None, paper: str = "A4", reporter_under_title: bool = True,
                 byline_parentheses: bool = True):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(_tr("ExportDialog", "Export"))
        self.scope_current = QRadioButton(_tr("ExportDialog", "The shown page"))
        self.scope_current.setObjectName("export_scope_current")
        self.scope_done = QRadioButton(_tr("ExportDialog", "All pages marked done ({n})").format(n=done_pages))
        self.scope_done.setObjectName("export_scope_done")
        self.scope_current.setEnabled(has_current)
        self.scope_done.setEnabled(done_pages > 0)
        (self.scope_current if has_current else self.scope_done).setChecked(True)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("export_format")
        for f in formats:
            self.format_combo.addItem(_tr("ExportDialog", FORMAT_LABELS.get(f, f)), f)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("export_paper")
        for code, label in PAPERS:
            self.paper_combo.addItem(_tr("ExportDialog", label), code)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
        self.reporter_check = QCheckBox(_tr("ExportDialog", "Reporter line under the headline, as printed"))
        self.reporter_check.setObjectName("export_reporter_under_title")
        self.reporter_check.setChecked(reporter_under_title)
        self.parentheses_check = QCheckBox(_tr("ExportDialog", "Trailing byline in （full-width parentheses）, as "
                                               "printed"))
        self.parentheses_check.setObjectName("export_byline_parentheses")
        self.parentheses_check.setChecked(byline_parentheses)
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setObjectName("export_folder")
        self.browse_button = QPushButton(_tr("ExportDialog", "Choose…"))
        self.browse_button.setObjectName("export_browse")
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(_tr("ExportDialog", "Pages:"), self.scope_current)
        form.addRow("", self.scope_done)
        form.addRow(_tr("ExportDialog", "Format:"), self.format_combo)
        form.addRow(_tr("ExportDialog", "Folder:"), row)
        self.word_box = QGroupBox(_tr("ExportDialog", "Word layout"))
        self.word_box.setObjectName("export_word_options")
        word = QFormLayout(self.word_box)
        word.addRow(_tr("ExportDialog", "Paper:"), self.paper_combo)
        word.addRow(self.reporter_check)
        word.addRow(self.parentheses_check)
        note = QLabel(_tr("ExportDialog", "Each page becomes one file named after the page."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("export_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.word_box)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self, *_args) -> None:
        self.word_box.setEnabled(self.format_combo.currentData() == "docx")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("ExportDialog", "Export to folder"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def choice(self) -> ExportChoice:
        return ExportChoice("current" if self.scope_current.isChecked() else "done",
                            self.format_combo.currentData(), self.folder_edit.text().strip(),
                            self.paper_combo.currentData(), self.reporter_check.isChecked(),
                            self.parentheses_check.isChecked())
