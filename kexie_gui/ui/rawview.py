"""The raw page: read-only text with line numbers, article bands, reading order and layered highlights.

Highlights are ``ExtraSelection``s built only for the lines on screen: a
10 MB page has hundreds of thousands of spans and a ``QSyntaxHighlighter``
would format all of them up front.  The spans, bands and reading-order
numbers come from ``derive.Derived``; this widget only paints them and
reports what the editor did (a raw offset in code points, a selected raw
range, a right-click).

Clicking a line never scrolls this pane (the next click must land where the
editor aims); only choosing something elsewhere (a suggestion, a paragraph)
brings the raw text into view.
"""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygon, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..core import Page
from . import palette
from .derive import (
    LAYER_DUPLICATE,
    LAYER_EDITED,
    LAYER_FURNITURE,
    LAYER_JOIN,
    LAYER_JOINED,
    LAYER_KEPT,
    LAYER_MOVED,
    LAYER_REMOVED,
    Band,
    Derived,
    Span,
)
from .i18n import _tr
from .utf16 import Utf16Map

BAND_WIDTH = 16
CHUNK = 100_000  # characters per slice of a long page (about 20 ms of work each)
MARK_WIDTH = 14
ORDER_WIDTH = 26  # the reading-order badge, when shown


class Gutter(QWidget):
    """Line numbers, reading-order numbers, article bands and per-line markers.

    A click puts the cursor at the start of the line; Shift+click or a drag
    selects whole lines (what the structure commands act on).
    """

    def __init__(self, view: RawView):
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self._anchor: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.view.paint_gutter(self, event)

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            text = self.view.gutter_tooltip(e.pos().y())
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def mousePressEvent(self, e) -> None:
        line = self.view.line_at_y(e.position().y())
        if line is None:
            return
        if e.button() == Qt.MouseButton.RightButton:
            if not self.view.line_selected(line):
                self.view.select_lines(line, line)
            self.view.context_menu_requested.emit(e.globalPosition().toPoint())
            return
        if e.modifiers() & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
            self.view.select_lines(self._anchor, line)
        else:
            self._anchor = line
            self.view.go_to_line(line, report=True)

    def mouseMoveEvent(self, e) -> None:
        if e.buttons() & Qt.MouseButton.LeftButton and self._anchor is not None:
            line = self.view.line_at_y(e.position().y())
            if line is not None:
                self.view.select_lines(self._anchor, line)


class RawView(QPlainTextEdit):
    offset_clicked = Signal(int)  # raw offset (code points) the editor put the cursor at
    selection_changed = Signal(int, int)  # raw range the editor selected (empty: start == end)
    context_menu_requested = Signal(QPoint)  # global position of a right-click (the cursor is moved there first)
    loaded = Signal()  # a long page finished going in

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(True)  # read-only text edits refuse drops; we take page files
        self.viewport().setAcceptDrops(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setCenterOnScroll(False)
        self.gutter = Gutter(self)
        self._map = Utf16Map("")
        self._text = ""
        self._derived: Derived | None = None
        self._page: Page | None = None
        self._focus: list[tuple[int, int]] = []  # raw ranges of the selected suggestion / paragraph
        self._focus_char: int | None = None
        self._pending: list[tuple[int, int]] = []  # blocks cut and waiting to be pasted
        self._explain: dict[str, str] = {}
        self._visible_key: tuple[int, int] | None = None
        self._programmatic = False
        self._loading = 0
        self.show_order = False  # reading-order numbers in the gutter
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._on_update_request)
        self.cursorPositionChanged.connect(self._on_cursor)
        self.selectionChanged.connect(self._on_selection)
        self._update_margins()

    # -- content
    def set_text(self, text: str) -> None:
        """Show a page.  Long pages go in by slices between events: a 10 MB page at once freezes for 0.5 s."""
        self._loading += 1  # a slice still queued for an older page stops when it sees this change
        self._programmatic = True
        try:
            self._text = text
            self._map = Utf16Map(text)
            self._derived, self._page = None, None
            self._focus, self._focus_char, self._pending = [], None, []
            self.setPlainText(text[:CHUNK])
        finally:
            self._programmatic = False
        if len(text) > CHUNK:
            QTimer.singleShot(0, lambda n=self._loading: self._append(n, CHUNK))

    def _append(self, loading: int, start: int) -> None:
        if loading != self._loading:
            return
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._programmatic = True
        try:
            cursor.insertText(self._text[start:start + CHUNK])
        finally:
            self._programmatic = False
        if start + CHUNK < len(self._text):
            QTimer.singleShot(0, lambda: self._append(loading, start + CHUNK))
        else:
            self._refresh_selections(force=True)
            self.loaded.emit()

    @property
    def complete(self) -> bool:
        """Is the whole page in the document (not still going in by slices)?"""
        return self.document().characterCount() - 1 >= self.to_qt(len(self._text))

    def set_view(self, derived: Derived | None, page: Page | None, explain: dict[str, str] | None = None) -> None:
        """New highlight data (after every decision); ``page`` maps raw offsets to lines.

        Nothing is indexed per line here: spans are sorted by start, so the
        lines on screen find theirs by bisection, and a 10 MB page costs no
        more to show than the seed page.
        """
        self._derived = derived
        self._explain = explain or {}
        self._page = page
        self._refresh_selections(force=True)
        self.gutter.update()

    def set_explanations(self, explain: dict[str, str]) -> None:
        self._explain = explain

    def set_show_order(self, shown: bool) -> None:
        self.show_order = bool(shown)
        self._update_margins()
        self.gutter.update()

    def set_pending(self, ranges: list[tuple[int, int]]) -> None:
        """Mark blocks cut for moving (a dashed outline until they are pasted)."""
        self._pending = list(ranges)
        self._refresh_selections(force=True)
        self.gutter.update()

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping raw ``[start, end)``."""
        return self._derived.spans_between(start, end) if self._derived is not None else []

    def _markers(self, first_line: int, last_line: int) -> dict[int, list[tuple[str, int, bool]]]:
        """Gutter markers of the lines shown, by the line each span starts on."""
        if self._page is None or self._derived is None:
            return {}
        start, end = self._page.line_start(first_line), self._page.line_start(last_line + 1) + 1
        out: dict[int, list[tuple[str, int, bool]]] = defaultdict(list)
        for sp in self.spans_between(start, end):
            if sp.layer in MARKER_PRIORITY:
                out[self._page.line_of(sp.start)].append((sp.layer, sp.group, sp.accepted))
        for a, z in self._pending:
            if a < end and z > start:
                out[self._page.line_of(a)].append(("pending", -1, True))
        return out

    def highlight_counts(self) -> dict[str, int]:
        return self._derived.counts() if self._derived is not None else {}

    # -- positions
    def to_qt(self, offset: int) -> int:
        return self._map.to_qt(offset)

    def from_qt(self, position: int) -> int:
        return self._map.from_qt(position)

    def cursor_offset(self) -> int:
        return self.from_qt(self.textCursor().position())

    def selected_range(self) -> tuple[int, int]:
        """The raw range of the text selection (start == end: none)."""
        c = self.textCursor()
        return self.from_qt(c.selectionStart()), self.from_qt(c.selectionEnd())

    def line_selected(self, line: int) -> bool:
        start, end = self.selected_range()
        if start == end or self._page is None:
            return False
        return self._page.line_of(start) <= line <= self._page.line_of(max(start, end - 1))

    def select_lines(self, first: int, last: int) -> None:
        """Select whole lines ``first``..``last`` (either order), as the gutter does."""
        first, last = min(first, last), max(first, last)
        doc = self.document()
        a, b = doc.findBlockByNumber(first - 1), doc.findBlockByNumber(last - 1)
        if not a.isValid() or not b.isValid():
            return
        cursor = self.textCursor()
        cursor.setPosition(a.position())
        cursor.setPosition(b.position() + b.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_ranges(self, ranges: list[tuple[int, int]], char: int | None = None, scroll: bool = True) -> None:
        """Mark ``ranges`` as the focus (selected suggestion or paragraph); ``scroll`` brings the first into view."""
        self._focus = [r for r in ranges if r[1] > r[0]]
        self._focus_char = char
        target = char if char is not None else (self._focus[0][0] if self._focus else None)
        if target is not None and scroll:
            self._programmatic = True
            try:
                cursor = self.textCursor()
                cursor.setPosition(min(self.to_qt(target), len(self.toPlainText())))
                self.setTextCursor(cursor)
                self._reveal()
            finally:
                self._programmatic = False
        self._refresh_selections(force=True)

    def clear_focus(self) -> None:
        self._focus, self._focus_char = [], None
        self._refresh_selections(force=True)

    def _reveal(self) -> None:
        """Bring the cursor's line into view, centred, unless it is already well inside the view."""
        rect = self.cursorRect()
        height = self.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            self.centerCursor()

    def go_to_line(self, line: int, report: bool = False) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        cursor = self.textCursor()
        cursor.setPosition(block.position())
        self._programmatic = not report
        try:
            self.setTextCursor(cursor)
        finally:
            self._programmatic = False
        self.ensureCursorVisible()

    def _on_cursor(self) -> None:
        if not self._programmatic:
            self.offset_clicked.emit(self.cursor_offset())
        self.gutter.update()

    def _on_selection(self) -> None:
        if not self._programmatic:
            self.selection_changed.emit(*self.selected_range())

    def contextMenuEvent(self, e) -> None:
        cursor = self.cursorForPosition(e.pos())
        inside = self.textCursor().hasSelection() and (
            self.textCursor().selectionStart() <= cursor.position() <= self.textCursor().selectionEnd())
        if not inside:
            self.setTextCursor(cursor)  # the commands act where the editor right-clicked
        self.context_menu_requested.emit(e.globalPos())

    # -- highlights of the visible lines
    def _visible_lines(self) -> tuple[int, int]:
        block = self.firstVisibleBlock()
        first = block.blockNumber() + 1
        last = first
        height = self.viewport().height()
        offset = self.contentOffset()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block.blockNumber() + 1
            block = block.next()
        return first, last

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()) or dy:
            self._refresh_selections()

    def _refresh_selections(self, force: bool = False) -> None:
        first, last = self._visible_lines()
        key = (first, last)
        if not force and key == self._visible_key:
            return
        self._visible_key = key
        selections = []
        doc = self.document()
        start = self.from_qt(doc.findBlockByNumber(first - 1).position())
        last_block = doc.findBlockByNumber(last - 1)
        end = self.from_qt(last_block.position() + last_block.length())
        for span in self.spans_between(start, end):
            fmt = span_format(span)
            if fmt is not None:
                selections.append(self._selection(span.start, span.end, fmt))
        for a, z in self._pending:
            if a < end and z > start:
                fmt = QTextCharFormat()
                fmt.setBackground(palette.colour(palette.PENDING, 60))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(palette.colour(palette.PENDING))
                selections.append(self._selection(a, z, fmt))
        for a, z in self._focus:
            fmt = QTextCharFormat()
            fmt.setBackground(palette.colour(palette.FOCUS))
            selections.append(self._selection(a, z, fmt))
        if self._focus_char is not None and self._focus_char < len(self._text):
            fmt = QTextCharFormat()
            fmt.setBackground(palette.colour(palette.FOCUS_CHAR))
            selections.append(self._selection(self._focus_char, self._focus_char + 1, fmt))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        limit = self.document().characterCount() - 1
        cursor.setPosition(min(self.to_qt(start), limit))
        cursor.setPosition(min(self.to_qt(end), limit), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))
        self._refresh_selections(force=True)

    def viewportEvent(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            cursor = self.cursorForPosition(e.pos())
            offset = self.from_qt(cursor.position())
            text = self.span_tooltip(offset, self.document().findBlock(cursor.position()).blockNumber() + 1)
            if text:
                QToolTip.showText(e.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def span_tooltip(self, offset: int, line: int) -> str:
        texts = []
        for span in self.spans_between(offset - 1, offset + 2):
            if span.start <= offset < span.end or span.layer == LAYER_JOIN:
                if span.layer == LAYER_KEPT:
                    texts.append(_tr("RawView", "The copy that is kept of a repeated passage"))
                elif span.layer == LAYER_EDITED:
                    texts.append(_tr("RawView", "You retyped this text"))
                elif span.layer == LAYER_MOVED:
                    texts.append(_tr("RawView", "You moved this piece; the numbers in the gutter give the reading "
                                     "order"))
                elif span.layer == LAYER_JOINED:
                    texts.append(_tr("RawView", "You joined this piece to the one before it"))
                elif span.suggestion and span.suggestion in self._explain:
                    texts.append(self._explain[span.suggestion])
        return "\n".join(dict.fromkeys(texts))

    # -- gutter
    def gutter_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        order = ORDER_WIDTH if self.show_order else 0
        return 6 + self.fontMetrics().horizontalAdvance("9") * digits + order + MARK_WIDTH + BAND_WIDTH + 4

    def _update_margins(self, *_):
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def line_at_y(self, y: float) -> int | None:
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() <= y < geo.bottom():
                return block.blockNumber() + 1
            if geo.top() > y:
                return None
            block = block.next()
        return None

    def band_at_line(self, line: int) -> Band | None:
        if self._derived is None or self._page is None:
            return None
        return self._derived.band_at(line, self._page)

    def order_at_line(self, line: int) -> int | None:
        """The reading-order number of the piece that starts on ``line`` (None: no piece starts there)."""
        if self._derived is None or self._page is None:
            return None
        offset = self._page.line_start(line)
        end = self._page.line_start(line + 1) if line < self._page.line_count else len(self._text)
        block = self._derived.block_at(offset)
        if block is None or block.start < offset:
            _, after = self._derived.index.around(offset)
            block = after if after is not None and after.start < end else None
            if block is None:
                return None
        return self._derived.number.get(block.id)

    def gutter_tooltip(self, y: float) -> str:
        line = self.line_at_y(y)
        if line is None:
            return ""
        band = self.band_at_line(line)
        parts = []
        if band is not None:
            parts.append(_tr("RawView", "Article {n}: {title}").format(n=band.article + 1, title=band.title))
        number = self.order_at_line(line)
        if number is not None and self.show_order:
            parts.append(_tr("RawView", "Piece {n} in reading order").format(n=number))
        for layer, group, _accepted in self._markers(line, line).get(line, ()):
            if layer == LAYER_KEPT:
                parts.append(_tr("RawView", "Kept copy of repeat group {n}").format(n=group + 1))
            elif layer == LAYER_DUPLICATE:
                parts.append(_tr("RawView", "Repeat of group {n}").format(n=group + 1))
            elif layer == "pending":
                parts.append(_tr("RawView", "Cut: paste it where it belongs"))
        return "\n".join(parts)

    def paint_gutter(self, gutter: QWidget, event) -> None:
        painter = QPainter(gutter)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.window())
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        fm = self.fontMetrics()
        width = gutter.width()
        order_x = width - BAND_WIDTH - MARK_WIDTH - 4 - (ORDER_WIDTH if self.show_order else 0)
        num_right = order_x - 2
        band_x = width - BAND_WIDTH - 2
        mark_x = width - BAND_WIDTH - MARK_WIDTH - 4 + 2
        cursor_line = self.textCursor().blockNumber() + 1
        first_shown = block.blockNumber() + 1
        last_guess = first_shown + self.viewport().height() // max(1, fm.height()) + 2
        markers_by_line = self._markers(first_shown, last_guess)
        bands = self._bands_between(first_shown, last_guess)
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > event.rect().bottom():
                break
            if block.isVisible() and geo.bottom() >= event.rect().top():
                line = block.blockNumber() + 1
                top, height = int(geo.top()), int(geo.height())
                markers = markers_by_line.get(line, ())
                grey = any(m[0] == LAYER_FURNITURE and m[2] for m in markers)
                painter.setPen(QColor(palette.FURNITURE_TEXT) if grey or line != cursor_line
                               else pal.text().color())
                font = painter.font()
                font.setBold(line == cursor_line)
                painter.setFont(font)
                painter.drawText(0, top, num_right, fm.height(), Qt.AlignmentFlag.AlignRight, str(line))
                if self.show_order:
                    self._paint_order(painter, self.order_at_line(line), order_x, top, fm.height())
                self._paint_markers(painter, markers, mark_x, top + fm.height() // 2)
                band = bands.get(line)
                if band is not None:
                    painter.fillRect(band_x, top, BAND_WIDTH, height, palette.band_colour(band.article, 90))
                    painter.fillRect(band_x, top, 3, height, palette.band_colour(band.article))
                    if line == band.first_line or line == first_shown:
                        small = QFont(painter.font())
                        small.setBold(True)
                        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
                        painter.setFont(small)
                        painter.setPen(QColor("#ffffff"))
                        painter.fillRect(band_x, top, BAND_WIDTH, fm.height(), palette.band_colour(band.article))
                        painter.drawText(band_x, top, BAND_WIDTH, fm.height(), Qt.AlignmentFlag.AlignCenter,
                                         str(band.article + 1))
            block = block.next()
        painter.end()

    def _bands_between(self, first: int, last: int) -> dict[int, Band]:
        """The band of each line shown (one lookup per band, not per line)."""
        out: dict[int, Band] = {}
        line = first
        while line <= last:
            band = self.band_at_line(line)
            if band is None:
                line += 1
                continue
            for k in range(line, min(band.last_line, last) + 1):
                out[k] = band
            line = band.last_line + 1
        return out

    def _paint_order(self, painter: QPainter, number: int | None, x: int, top: int, height: int) -> None:
        if number is None:
            return
        small = QFont(painter.font())
        small.setBold(True)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.colour(palette.ORDER))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.drawRoundedRect(x + 1, top + 1, ORDER_WIDTH - 3, height - 2, 4, 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(x + 1, top, ORDER_WIDTH - 3, height, Qt.AlignmentFlag.AlignCenter, str(number))

    def _paint_markers(self, painter: QPainter, markers, x: int, cy: int) -> None:
        if not markers:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for layer, group, accepted in sorted(markers, key=lambda m: MARKER_PRIORITY.index(m[0]))[:1]:
            if layer == LAYER_KEPT:  # a filled diamond: the copy that stays
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.group_colour(group))
                painter.drawPolygon(QPolygon([QPoint(x + 5, cy - 5), QPoint(x + 10, cy), QPoint(x + 5, cy + 5),
                                              QPoint(x, cy)]))
            elif layer == LAYER_DUPLICATE:  # a hollow diamond: the copy that goes
                painter.setPen(palette.group_colour(group))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolygon(QPolygon([QPoint(x + 5, cy - 4), QPoint(x + 9, cy), QPoint(x + 5, cy + 4),
                                              QPoint(x + 1, cy)]))
            elif layer == LAYER_JOIN:  # a dot: the line continues elsewhere
                painter.setPen(palette.colour(palette.JOIN, 255 if accepted else 120))
                painter.setBrush(palette.colour(palette.JOIN, 255 if accepted else 60))
                painter.drawEllipse(QPoint(x + 5, cy), 3, 3)
            elif layer == "pending":  # a dashed box: cut, waiting to be pasted
                painter.setPen(QPen(palette.colour(palette.PENDING), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(x, cy - 5, 10, 10)
            elif layer in (LAYER_MOVED, LAYER_JOINED, LAYER_EDITED):  # the editor's own hand
                painter.setPen(QPen(palette.colour(palette.HAND), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                if layer == LAYER_MOVED:  # an up-down arrow
                    painter.drawLine(x + 5, cy - 5, x + 5, cy + 5)
                    painter.drawLine(x + 2, cy - 2, x + 5, cy - 5)
                    painter.drawLine(x + 8, cy - 2, x + 5, cy - 5)
                    painter.drawLine(x + 2, cy + 2, x + 5, cy + 5)
                    painter.drawLine(x + 8, cy + 2, x + 5, cy + 5)
                elif layer == LAYER_JOINED:  # a hook up: continues the piece before
                    painter.drawLine(x + 2, cy + 4, x + 2, cy - 4)
                    painter.drawLine(x + 2, cy - 4, x + 8, cy - 4)
                else:  # a pencil stroke
                    painter.drawLine(x + 1, cy + 5, x + 9, cy - 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


MARKER_PRIORITY = ("pending", LAYER_KEPT, LAYER_DUPLICATE, LAYER_MOVED, LAYER_JOINED, LAYER_EDITED, LAYER_JOIN,
                   LAYER_FURNITURE)


def span_format(span: Span) -> QTextCharFormat | None:
    """How one layer looks; a rejected suggestion keeps only a faint underline."""
    fmt = QTextCharFormat()
    if span.layer == LAYER_DUPLICATE:
        if span.accepted:
            fmt.setBackground(palette.group_colour(span.group, 70))
            fmt.setFontStrikeOut(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(palette.group_colour(span.group))
    elif span.layer == LAYER_KEPT:
        fmt.setBackground(palette.group_colour(span.group, 28))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.group_colour(span.group))
    elif span.layer in (LAYER_FURNITURE, LAYER_REMOVED):
        fmt.setForeground(QColor(palette.FURNITURE_TEXT))
        if span.accepted:
            fmt.setBackground(palette.colour(palette.FURNITURE_BACK))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    elif span.layer == LAYER_JOIN:
        fmt.setBackground(palette.colour(palette.JOIN, 150 if span.accepted else 40))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(palette.colour(palette.JOIN))
    elif span.layer == LAYER_EDITED:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.colour(palette.HAND))
    elif span.layer in (LAYER_MOVED, LAYER_JOINED):
        fmt.setBackground(palette.colour(palette.HAND, 22))
    else:
        return None
    fmt.setProperty(QTextFormat.Property.UserProperty, span.layer)
    return fmt
