"""The raw page: read-only text with line numbers, article bands and layered highlights.

Highlights are ``ExtraSelection``s built only for the lines on screen: a
10 MB page has hundreds of thousands of spans and a ``QSyntaxHighlighter``
would format all of them up front.  The spans come from ``derive.Derived``;
this widget only paints them and reports where the editor clicked (a raw
offset in code points).
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPolygon, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from . import palette
from .derive import (LAYER_DUPLICATE, LAYER_FURNITURE, LAYER_JOIN, LAYER_KEPT, LAYER_REMOVED, Band, Derived,
                     Span)
from .i18n import _tr
from .utf16 import Utf16Map

BAND_WIDTH = 16
CHUNK = 100_000  # characters per slice of a long page (about 20 ms of work each)
MARK_WIDTH = 14


class Gutter(QWidget):
    """Line numbers, article bands and per-line markers (kept copy, dropped copy, join, furniture)."""

    def __init__(self, view: "RawView"):
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)

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
        if line is not None:
            self.view.go_to_line(line, report=True)


class RawView(QPlainTextEdit):
    offset_clicked = Signal(int)  # raw offset (code points) the editor put the cursor at
    loaded = Signal()  # a long page finished going in

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(True)  # read-only text edits refuse drops; we take page files
        self.viewport().setAcceptDrops(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setCenterOnScroll(False)
        self.gutter = Gutter(self)
        self._map = Utf16Map("")
        self._text = ""
        self._derived: Derived | None = None
        self._spans: tuple[Span, ...] = ()  # sorted by start (derive sorts them)
        self._span_starts: list[int] = []
        self._max_span = 0
        self._lines = None
        self._bands: tuple[Band, ...] = ()
        self._band_starts: list[int] = []
        self._focus: list[tuple[int, int]] = []  # raw ranges of the selected suggestion / paragraph
        self._focus_char: int | None = None
        self._explain: dict[str, str] = {}
        self._visible_key = None
        self._programmatic = False
        self._loading = 0
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._on_update_request)
        self.cursorPositionChanged.connect(self._on_cursor)
        self._update_margins()

    # -- content
    def set_text(self, text: str) -> None:
        """Show a page.  Long pages go in by slices between events: a 10 MB page at once freezes for 0.5 s."""
        self._loading += 1  # a slice still queued for an older page stops when it sees this change
        self._programmatic = True
        try:
            self._text = text
            self._map = Utf16Map(text)
            self._derived = None
            self._spans, self._span_starts, self._max_span, self._lines = (), [], 0, None
            self._bands, self._band_starts, self._focus = (), [], []
            self._focus_char = None
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
        self._refresh_selections(force=True)

    def set_view(self, derived: Derived | None, lines, explain: dict[str, str] | None = None) -> None:
        """New highlight data (after every decision); ``lines`` maps raw offsets to lines.

        Nothing is indexed per line here: spans are sorted by start, so the
        lines on screen find theirs by bisection, and a 10 MB page costs no
        more to show than the seed page.
        """
        self._derived = derived
        self._explain = explain or {}
        self._lines = lines
        self._spans = derived.spans if derived is not None else ()
        self._span_starts = derived.span_starts if derived is not None else []
        self._max_span = derived.longest_span if derived is not None else 0
        self._bands = derived.bands if derived is not None else ()
        self._band_starts = [b.first_line for b in self._bands]
        self._refresh_selections(force=True)
        self.gutter.update()

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping raw ``[start, end)``."""
        lo = bisect.bisect_left(self._span_starts, start - self._max_span)
        hi = bisect.bisect_left(self._span_starts, end)
        return [sp for sp in self._spans[lo:hi] if sp.end > start]

    def _markers(self, first_line: int, last_line: int) -> dict[int, list[tuple[str, int, bool]]]:
        """Gutter markers of the lines shown, by the line each span starts on."""
        if self._lines is None or not self._spans:
            return {}
        start, end = self._lines.start_of(first_line), self._lines.start_of(last_line + 1) + 1
        out: dict[int, list[tuple[str, int, bool]]] = defaultdict(list)
        for sp in self.spans_between(start, end):
            if sp.layer in (LAYER_KEPT, LAYER_DUPLICATE, LAYER_JOIN, LAYER_FURNITURE):
                out[self._lines.line_of(sp.start)].append((sp.layer, sp.group, sp.accepted))
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

    def show_ranges(self, ranges: list[tuple[int, int]], char: int | None = None) -> None:
        """Mark ``ranges`` as the focus (selected suggestion or paragraph) and scroll to the first."""
        self._focus = [r for r in ranges if r[1] > r[0]]
        self._focus_char = char
        target = char if char is not None else (self._focus[0][0] if self._focus else None)
        if target is not None:
            self._programmatic = True
            try:
                cursor = self.textCursor()
                cursor.setPosition(min(self.to_qt(target), len(self.toPlainText())))
                self.setTextCursor(cursor)
                self.centerCursor()
            finally:
                self._programmatic = False
        self._refresh_selections(force=True)

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
        if self._spans:
            doc = self.document()
            start = self.from_qt(doc.findBlockByNumber(first - 1).position())
            last_block = doc.findBlockByNumber(last - 1)
            end = self.from_qt(last_block.position() + last_block.length())
            for span in self.spans_between(start, end):
                fmt = span_format(span)
                if fmt is not None:
                    selections.append(self._selection(span.start, span.end, fmt))
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
                elif span.suggestion and span.suggestion in self._explain:
                    texts.append(self._explain[span.suggestion])
        return "\n".join(dict.fromkeys(texts))

    # -- gutter
    def gutter_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 6 + self.fontMetrics().horizontalAdvance("9") * digits + MARK_WIDTH + BAND_WIDTH + 4

    def _update_margins(self, *_):
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

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
        i = bisect.bisect_right(self._band_starts, line) - 1
        if i >= 0 and self._bands[i].first_line <= line <= self._bands[i].last_line:
            return self._bands[i]
        return None

    def gutter_tooltip(self, y: float) -> str:
        line = self.line_at_y(y)
        if line is None:
            return ""
        band = self.band_at_line(line)
        parts = []
        if band is not None:
            parts.append(_tr("RawView", "Article {n}: {title}").format(n=band.article + 1, title=band.title))
        for layer, group, accepted in self._markers(line, line).get(line, ()):
            if layer == LAYER_KEPT:
                parts.append(_tr("RawView", "Kept copy of repeat group {n}").format(n=group + 1))
            elif layer == LAYER_DUPLICATE:
                parts.append(_tr("RawView", "Repeat of group {n}").format(n=group + 1))
        return "\n".join(parts)

    def paint_gutter(self, gutter: QWidget, event) -> None:
        painter = QPainter(gutter)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.window())
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        fm = self.fontMetrics()
        width = gutter.width()
        num_right = width - BAND_WIDTH - MARK_WIDTH - 4
        band_x = width - BAND_WIDTH - 2
        mark_x = num_right + 2
        cursor_line = self.textCursor().blockNumber() + 1
        drawn_band_labels = set()
        first_shown = block.blockNumber() + 1
        markers_by_line = self._markers(first_shown, first_shown + self.viewport().height()
                                        // max(1, fm.height()) + 2)
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > event.rect().bottom():
                break
            if block.isVisible() and geo.bottom() >= event.rect().top():
                line = block.blockNumber() + 1
                top, height = int(geo.top()), int(geo.height())
                # line number; furniture lines greyed
                markers = markers_by_line.get(line, ())
                grey = any(m[0] == LAYER_FURNITURE and m[2] for m in markers)
                painter.setPen(QColor(palette.FURNITURE_TEXT) if grey or line != cursor_line
                               else pal.text().color())
                font = painter.font()
                font.setBold(line == cursor_line)
                painter.setFont(font)
                painter.drawText(0, top, num_right, fm.height(), Qt.AlignmentFlag.AlignRight, str(line))
                self._paint_markers(painter, markers, mark_x, top + fm.height() // 2)
                band = self.band_at_line(line)
                if band is not None:
                    painter.fillRect(band_x, top, BAND_WIDTH, height, palette.band_colour(band.article, 90))
                    painter.fillRect(band_x, top, 3, height, palette.band_colour(band.article))
                    if line == band.first_line and band.article not in drawn_band_labels:
                        drawn_band_labels.add(band.article)
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

    def _paint_markers(self, painter: QPainter, markers, x: int, cy: int) -> None:
        if not markers:
            return
        priority = (LAYER_KEPT, LAYER_DUPLICATE, LAYER_JOIN, LAYER_FURNITURE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for layer, group, accepted in sorted(markers, key=lambda m: priority.index(m[0]))[:1]:
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
            elif layer == LAYER_JOIN:  # a small hook: the line continues elsewhere
                painter.setPen(palette.colour(palette.JOIN, 255 if accepted else 120))
                painter.setBrush(palette.colour(palette.JOIN, 255 if accepted else 60))
                painter.drawEllipse(QPoint(x + 5, cy), 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


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
    else:
        return None
    fmt.setProperty(QTextFormat.Property.UserProperty, span.layer)
    return fmt
