"""The clean text of one article, exactly the strings the exporters write, laid out for reading.

Each document block is one *part* of the article (title, subtitle, byline or
a paragraph) and its text is the part's text unchanged, so a cursor position
is a character index into that part's ``Text`` and its ``runs`` lead back to
the raw page.  The view is read-only: a hand edit goes through a dialog and
is recorded as a decision, so it can be undone like any other.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ..core import CleanArticle
from . import palette
from .derive import PART_BYLINE, PART_SUBTITLE, PART_TITLE, Place, article_parts, part_text
from .i18n import _tr
from .utf16 import Utf16Map


class ArticleView(QTextEdit):
    place_clicked = Signal(object)  # Place the editor put the cursor at
    edit_requested = Signal(object)  # Place whose part the editor wants to retype

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.article_index: int | None = None
        self.article: CleanArticle | None = None
        self._parts: list = []  # document block number -> part (None: a label, not article text)
        self._maps: dict = {}
        self._programmatic = False
        self._focus: Place | None = None
        self.cursorPositionChanged.connect(self._on_cursor)

    # -- content
    def show_article(self, article: CleanArticle | None, index: int | None) -> None:
        """Lay out ``article``; keeps the scroll position when the same article is redrawn."""
        same = index == self.article_index and article is not None and self.article is not None
        scroll = self.verticalScrollBar().value() if same else 0
        self.article, self.article_index = article, index
        self._programmatic = True
        try:
            self.clear()
            self._parts, self._maps = [], {}
            if article is not None:
                self._lay_out(article)
            self.verticalScrollBar().setValue(scroll)
        finally:
            self._programmatic = False
        if self._focus is not None and self._focus.article != index:
            self._focus = None
        self._refresh_focus(scroll=False)

    def _lay_out(self, article: CleanArticle) -> None:
        cursor = QTextCursor(self.document())
        base = QFont(self.font())
        first = True

        def add(text: str, part, char_format: QTextCharFormat, block_format: QTextBlockFormat):
            nonlocal first
            if first:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
                first = False
            else:
                cursor.insertBlock(block_format, char_format)
            cursor.insertText(text, char_format)
            self._parts.append(part)
            if part is not None:
                self._maps[part] = Utf16Map(text)

        if article.section:
            f = QTextCharFormat()
            f.setForeground(QColor(palette.FURNITURE_TEXT))
            add(_tr("ArticleView", "Section: {name}").format(name=article.section), None, f, QTextBlockFormat())
        for part in article_parts(article):
            text = str(part_text(article, part) or "")
            cf, bf = QTextCharFormat(), QTextBlockFormat()
            bf.setBottomMargin(8)
            if part == PART_TITLE:
                font = QFont(base)
                font.setPointSizeF(base.pointSizeF() * 1.45)
                font.setBold(True)
                cf.setFont(font)
                bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
                if not text:
                    text = ""
            elif part == PART_SUBTITLE:
                font = QFont(base)
                font.setPointSizeF(base.pointSizeF() * 1.1)
                cf.setFont(font)
                bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
            elif part == PART_BYLINE:
                cf.setForeground(QColor("#555555"))
                bf.setAlignment(Qt.AlignmentFlag.AlignRight)
            else:
                bf.setTextIndent(self.fontMetrics().horizontalAdvance("中") * 2)
                bf.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            add(text, part, cf, bf)

    # -- positions
    def place_at_cursor(self) -> Place | None:
        if self.article is None:
            return None
        cursor = self.textCursor()
        n = cursor.blockNumber()
        if not 0 <= n < len(self._parts) or self._parts[n] is None:
            return None
        part = self._parts[n]
        return Place(self.article_index, part, self._maps[part].from_qt(cursor.positionInBlock()))

    def _on_cursor(self) -> None:
        if self._programmatic:
            return
        place = self.place_at_cursor()
        if place is not None:
            self.place_clicked.emit(place)

    def mouseDoubleClickEvent(self, e) -> None:
        super().mouseDoubleClickEvent(e)
        place = self.place_at_cursor()
        if place is not None:
            self.edit_requested.emit(place)

    def show_place(self, place: Place | None, scroll: bool = True) -> None:
        """Highlight the part holding ``place`` (and its character) and scroll to it."""
        self._focus = place if place is not None and place.article == self.article_index else None
        self._refresh_focus(scroll)

    def _block_of(self, part) -> int | None:
        try:
            return self._parts.index(part)
        except ValueError:
            return None

    def _refresh_focus(self, scroll: bool) -> None:
        selections = []
        place = self._focus
        n = self._block_of(place.part) if place is not None else None
        if n is not None:
            block = self.document().findBlockByNumber(n)
            whole = QTextEdit.ExtraSelection()
            c = QTextCursor(block)
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            whole.cursor = c
            fmt = QTextCharFormat()
            fmt.setBackground(palette.colour(palette.FOCUS))
            whole.format = fmt
            selections.append(whole)
            qt_index = self._maps[place.part].to_qt(place.index)
            if qt_index < block.length() - 1:
                ch = QTextEdit.ExtraSelection()
                c = QTextCursor(block)
                c.setPosition(block.position() + qt_index)
                c.setPosition(block.position() + qt_index + 1, QTextCursor.MoveMode.KeepAnchor)
                ch.cursor = c
                fmt = QTextCharFormat()
                fmt.setBackground(palette.colour(palette.FOCUS_CHAR))
                ch.format = fmt
                selections.append(ch)
            if scroll:
                self._programmatic = True
                try:
                    c = QTextCursor(block)
                    c.setPosition(block.position() + min(qt_index, block.length() - 1))
                    self.setTextCursor(c)
                    self.ensureCursorVisible()
                finally:
                    self._programmatic = False
        self.setExtraSelections(selections)

    def part_texts(self) -> list[str]:
        """The shown article's text blocks (what the tests compare)."""
        return [self.document().findBlockByNumber(i).text() for i in range(self.document().blockCount())]
