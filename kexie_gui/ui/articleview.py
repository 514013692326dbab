"""The clean text of one article, exactly the strings the exporters write, laid out for reading and editing.

Each document block is one *part* of the article (title, subtitle, byline or
a paragraph) and its text is the part's text unchanged, so a cursor position
is a character index into that part's ``Text`` and its ``runs`` lead back to
the raw page.

The editor types here as in a word processor.  The view never keeps what was
typed as its own truth: a retyped part is reported (``text_edited``) when the
cursor leaves it, after a pause in typing, or before any command, and the
controller records it as a decision (undoable, traced to the raw page); the
article is then laid out again from the clean page with the cursor where it
was.  Enter cuts the paragraph there (``split_requested``), Backspace at the
start of a paragraph joins it to the one before (``join_requested``); an edit
across paragraphs is refused, since each paragraph is its own decision.

"Show changes" lays the article out read-only with the marks of
:mod:`~kexie_gui.ui.changes`; a mark a suggestion made is a link to it
(``suggestion_clicked``), and its right-click menu accepts or rejects it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ..core import CleanArticle
from . import changes as ch
from . import palette
from .derive import PART_BYLINE, PART_SUBTITLE, PART_TITLE, Place, article_parts, part_text
from .i18n import _tr
from .utf16 import Utf16Map

MEASURE_CHARS = 38  # the longest line, in Chinese characters: about what a newspaper column holds twice
COMMIT_AFTER_MS = 900  # a pause in typing this long records the edit


class ArticleView(QTextEdit):
    place_clicked = Signal(object)  # Place the editor put the cursor at
    edit_requested = Signal(object)  # Place whose part the editor wants to retype (F2 dialog)
    text_edited = Signal(object, str)  # Place of a part retyped in place, its new text
    split_requested = Signal(object)  # Enter at a Place: cut the paragraph there
    join_requested = Signal(object)  # Backspace at the start of a paragraph: join it to the one before
    suggestion_clicked = Signal(str)  # a change mark clicked in "Show changes"
    context_menu_requested = Signal(QPoint)
    refused = Signal(str)  # an edit the view does not take, and why

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # Ctrl+Z undoes decisions, the window's own undo
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setAcceptRichText(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.article_index: int | None = None
        self.article: CleanArticle | None = None
        self.tracking = False  # "Show changes" is on
        self._parts: list = []  # document block number -> part (None: a label or a removed block)
        self._maps: dict = {}
        self._anchors: dict[int, str] = {}
        self._programmatic = False
        self._focus: Place | None = None
        self._dirty: set = set()  # parts typed in and not reported yet
        self._editing_block: int | None = None
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(COMMIT_AFTER_MS)
        self._commit_timer.timeout.connect(self.commit)
        self.cursorPositionChanged.connect(self._on_cursor)
        self.document().contentsChange.connect(self._on_change)
        self._set_mode()

    def _set_mode(self) -> None:
        self.setReadOnly(self.tracking or self.article is None)
        flags = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        if self.tracking:
            flags |= Qt.TextInteractionFlag.LinksAccessibleByMouse
        elif self.article is not None:
            flags |= Qt.TextInteractionFlag.TextEditable
        self.setTextInteractionFlags(flags)

    # -- content
    def show_article(self, article: CleanArticle | None, index: int | None, changes=None) -> None:
        """Lay out ``article`` (with ``changes``: the tracked entries of "Show changes").

        Redrawing the same article keeps the scroll position and the cursor.
        """
        same = index == self.article_index and article is not None and self.article is not None
        scroll = self.verticalScrollBar().value() if same else 0
        keep = self.place_at_cursor() if same and self.hasFocus() else None
        self.article, self.article_index = article, index
        self.tracking = changes is not None
        self._programmatic = True
        try:
            self.clear()
            self._parts, self._maps, self._anchors, self._dirty = [], {}, {}, set()
            if article is not None:
                if changes is not None:
                    self._lay_out_changes(article, changes)
                else:
                    self._lay_out(article)
            self._set_mode()
            self._fit_measure()
            if keep is not None:
                self._put_cursor(keep)
            self.verticalScrollBar().setValue(scroll)
        finally:
            self._programmatic = False
        self._editing_block = self.textCursor().blockNumber()
        if self._focus is not None and self._focus.article != index:
            self._focus = None
        self._refresh_focus(scroll=False)

    def _formats(self, part, text: str):
        base = QFont(self.font())
        cf, bf = QTextCharFormat(), QTextBlockFormat()
        bf.setBottomMargin(8)
        if part == PART_TITLE:
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * 1.45)
            font.setBold(True)
            cf.setFont(font)
            bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
        elif part == PART_SUBTITLE:
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * 1.1)
            cf.setFont(font)
            bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
        elif part == PART_BYLINE:
            cf.setForeground(QColor("#555555"))
            under = self.article is not None and getattr(self.article, "byline_place", "end") == "head"
            bf.setAlignment(Qt.AlignmentFlag.AlignCenter if under else Qt.AlignmentFlag.AlignRight)
        elif part is not None:
            bf.setTextIndent(self.fontMetrics().horizontalAdvance("中") * 2)
            bf.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return cf, bf

    def _lay_out(self, article: CleanArticle) -> None:
        cursor = QTextCursor(self.document())
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
            cf, bf = self._formats(part, text)
            add(text, part, cf, bf)

    def _lay_out_changes(self, article: CleanArticle, entries) -> None:
        cursor = QTextCursor(self.document())
        first = True
        for entry in entries:
            cf, bf = self._formats(entry.part, "")
            if entry.part is None:
                bf = QTextBlockFormat()
                bf.setBottomMargin(8)
            if first:
                cursor.setBlockFormat(bf)
                cursor.setBlockCharFormat(cf)
                first = False
            else:
                cursor.insertBlock(bf, cf)
            self._parts.append(entry.part)
            for mark in entry.marks:
                cursor.insertText(mark.text, self._mark_format(cf, mark))
            if entry.part is not None:
                self._maps[entry.part] = Utf16Map(str(part_text(article, entry.part) or ""))

    def _mark_format(self, base: QTextCharFormat, mark) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        if mark.kind in (ch.OLD, ch.DELETED, ch.REMOVED):
            fmt.setFontStrikeOut(True)
            fmt.setForeground(QColor(palette.DELETED))
            if mark.kind == ch.REMOVED:
                fmt.setBackground(palette.colour(palette.FURNITURE_BACK))
        elif mark.kind in (ch.NEW, ch.INSERTED):
            fmt.setForeground(QColor(palette.INSERTED))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        elif mark.kind in (ch.JOIN, ch.JOINED):
            fmt.setForeground(palette.colour(palette.JOIN if mark.kind == ch.JOIN else palette.HAND))
            fmt.setFontWeight(QFont.Weight.Bold)
        if mark.suggestion:
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"s:{mark.suggestion}")
            fmt.setToolTip(_tr("ArticleView", "Click to select this suggestion; right-click to accept or reject it"))
        return fmt

    # -- positions
    def place_at_cursor(self) -> Place | None:
        if self.article is None:
            return None
        cursor = self.textCursor()
        n = cursor.blockNumber()
        if not 0 <= n < len(self._parts) or self._parts[n] is None:
            return None
        part, index = self._parts[n], self.article_index
        if index is None:
            return None
        if self.tracking:
            return Place(index, part, 0)
        return Place(index, part, self._maps[part].from_qt(cursor.positionInBlock()))

    def _put_cursor(self, place: Place) -> None:
        n = self._block_of(place.part)
        if n is None:
            return
        block = self.document().findBlockByNumber(n)
        c = QTextCursor(block)
        c.setPosition(block.position() + min(self._maps[place.part].to_qt(place.index), block.length() - 1))
        self.setTextCursor(c)

    def _on_cursor(self) -> None:
        if self._programmatic:
            return
        block = self.textCursor().blockNumber()
        if self._dirty and block != self._editing_block:
            QTimer.singleShot(0, self.commit)  # left the part typed in: record it (not inside this signal)
        self._editing_block = block
        place = self.place_at_cursor()
        if place is not None:
            self.place_clicked.emit(place)

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
        if place is not None and n is not None:
            block = self.document().findBlockByNumber(n)
            whole = QTextEdit.ExtraSelection()
            c = QTextCursor(block)
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            whole.cursor = c
            fmt = QTextCharFormat()
            fmt.setBackground(palette.colour(palette.FOCUS))
            whole.format = fmt
            selections.append(whole)
            qt_index = self._maps[place.part].to_qt(place.index) if not self.tracking else 0
            if qt_index < block.length() - 1 and not self.tracking:
                one = QTextEdit.ExtraSelection()
                c = QTextCursor(block)
                c.setPosition(block.position() + qt_index)
                c.setPosition(block.position() + qt_index + 1, QTextCursor.MoveMode.KeepAnchor)
                one.cursor = c
                fmt = QTextCharFormat()
                fmt.setBackground(palette.colour(palette.FOCUS_CHAR))
                one.format = fmt
                selections.append(one)
            if scroll:
                self._programmatic = True
                try:
                    c = QTextCursor(block)
                    c.setPosition(block.position() + min(qt_index, block.length() - 1))
                    self.setTextCursor(c)
                    self.ensureCursorVisible()
                finally:
                    self._programmatic = False
                self._editing_block = n
        self.setExtraSelections(selections)

    def part_texts(self) -> list[str]:
        """The shown article's text blocks (what the tests compare)."""
        return [self.document().findBlockByNumber(i).text() for i in range(self.document().blockCount())]

    # -- editing in place
    def _on_change(self, position: int, removed: int, added: int) -> None:
        if self._programmatic or self.tracking:
            return
        n = self.document().findBlock(position).blockNumber()
        if 0 <= n < len(self._parts) and self._parts[n] is not None:
            self._dirty.add(self._parts[n])
            self._commit_timer.start()

    @property
    def pending(self) -> bool:
        """Typed text not recorded yet."""
        return bool(self._dirty)

    def commit(self) -> bool:
        """Report every part typed in (``text_edited``); True when something was reported."""
        self._commit_timer.stop()
        if not self._dirty or self.article is None:
            self._dirty = set()
            return False
        dirty, self._dirty = self._dirty, set()
        reported = False
        for part in [p for p in self._parts if p in dirty]:
            n = self._block_of(part)
            if n is None:
                continue
            text = self.document().findBlockByNumber(n).text().replace("\u2029", "").replace("\u2028", "")
            if text != str(part_text(self.article, part) or "") and self.article_index is not None:
                reported = True
                self.text_edited.emit(Place(self.article_index, part, 0), text)
        return reported

    def _crosses_parts(self) -> bool:
        c = self.textCursor()
        if not c.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(c.selectionStart()).blockNumber() != doc.findBlock(c.selectionEnd()).blockNumber()

    def _changes_text(self, e) -> bool:
        if e.matches(QKeySequence.StandardKey.Cut) or e.matches(QKeySequence.StandardKey.Paste):
            return True
        if e.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return True
        return bool(e.text()) and e.text().isprintable() and not (
            e.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))

    def event(self, e) -> bool:
        # the window's Ctrl+Z / Ctrl+Shift+Z undo decisions: record what was typed first, then let them through
        if e.type() == QEvent.Type.ShortcutOverride and (e.matches(QKeySequence.StandardKey.Undo)
                                                         or e.matches(QKeySequence.StandardKey.Redo)):
            self.commit()
            e.ignore()
            return False
        return super().event(e)

    def keyPressEvent(self, e) -> None:
        if self.tracking or self.article is None or not self._changes_text(e):
            super().keyPressEvent(e)
            return
        place = self.place_at_cursor()
        if place is None:
            self.refused.emit(_tr("ArticleView", "This line is not part of the article's text."))
            return
        if self._crosses_parts():
            self.refused.emit(_tr("ArticleView", "Edit one paragraph at a time; to join paragraphs, press "
                                  "Backspace at the start of the second one."))
            return
        c = self.textCursor()
        at_start = not c.hasSelection() and c.positionInBlock() == 0
        at_end = not c.hasSelection() and c.positionInBlock() == c.block().length() - 1
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            self.split_requested.emit(place)
            return
        if e.key() == Qt.Key.Key_Backspace and at_start:
            self.commit()
            self.join_requested.emit(place)
            return
        if e.key() == Qt.Key.Key_Delete and at_end:
            self.refused.emit(_tr("ArticleView", "To join the next paragraph to this one, press Backspace at its "
                                  "start."))
            return
        super().keyPressEvent(e)

    def insertFromMimeData(self, source) -> None:
        """Pasted text goes into the paragraph as one line (a paragraph break would be a split)."""
        if source.hasText():
            self.textCursor().insertText(" ".join(source.text().split("\n")).strip())

    def focusOutEvent(self, e) -> None:
        super().focusOutEvent(e)
        if self._dirty:
            QTimer.singleShot(0, self.commit)

    # -- clicks on change marks, right-click
    def anchor_at(self, pos: QPoint) -> str:
        href = self.anchorAt(pos)
        return href[2:] if href.startswith("s:") else ""

    def mouseReleaseEvent(self, e) -> None:
        super().mouseReleaseEvent(e)
        if self.tracking and e.button() == Qt.MouseButton.LeftButton:
            sid = self.anchor_at(e.position().toPoint())
            if sid:
                self.suggestion_clicked.emit(sid)

    def contextMenuEvent(self, e) -> None:
        if self.tracking:
            sid = self.anchor_at(e.pos())
            if sid:
                self.suggestion_clicked.emit(sid)
        cursor = self.cursorForPosition(e.pos())
        c = self.textCursor()
        if not (c.hasSelection() and c.selectionStart() <= cursor.position() <= c.selectionEnd()):
            self.setTextCursor(cursor)
        self.context_menu_requested.emit(e.globalPos())

    # -- a readable measure at any width
    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Lines no longer than ``MEASURE_CHARS`` characters: the text sits in a centred column on wide windows."""
        measure = self.fontMetrics().horizontalAdvance("中") * MEASURE_CHARS
        side = max(8, (self.viewport().width() - measure) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            was, self._programmatic = self._programmatic, True  # a layout change, not typing
            try:
                root.setFrameFormat(fmt)
            finally:
                self._programmatic = was
