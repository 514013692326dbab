"""The page view: the printed page itself, each line's box tinted by what became of it.

For PDF and image pages the raw pane can show the page picture (a PDF page
rendered by PDFium, an image as it is) with every printed line's box tinted in
its article's colour (the colours of the raw view's article bands), furniture
greyed, dropped repeats struck through, and each block's reading-order number
in a badge.  Clicking a box reports its raw offset (the presenter selects the
line and its paragraph, as for a click in the text view); dragging a badge onto
another box asks to read the dragged block before that one (a move decision,
undoable like any other).  :class:`RawPane` holds the text view and the page
view with one toggle between them.  Everything drawn comes from
:mod:`pagemap`; this module only paints.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import Decisions, Page
from . import palette
from .i18n import _tr
from .pagemap import BoxMark, mark_at, marks_in, page_marks

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

PDF_RENDER_SCALE = 2.0  # pixels per PDF point for the page picture (144 dpi)
BADGE = 9  # radius of a reading-order badge, in screen pixels


def page_picture(page: Page) -> QImage | None:
    """The picture of a PDF or image page (None when there is none or it cannot be read)."""
    g = page.geometry
    if g is None or not g.image or not os.path.exists(g.image):
        return None
    from PySide6.QtGui import QImage, QImageReader  # text pages never need them: not built at start

    if g.image.lower().endswith(".pdf"):
        from ..core import LoadError
        from ..core.pdfpage import render_page

        try:
            w, h, stride, channels, data = render_page(g.image, g.page_index, PDF_RENDER_SCALE)
        except LoadError:
            return None
        fmt = QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBX8888
        return QImage(data, w, h, stride, fmt).copy()
    reader = QImageReader(g.image)
    if g.page_index:
        reader.jumpToImage(g.page_index)
    image = reader.read()
    return None if image.isNull() else image


class PageCanvas(QWidget):
    offset_clicked = Signal(int)
    move_requested = Signal(str, str)  # block to move, block to put it before

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.image: QImage | None = None  # the page's picture (None: a text page, or none could be read)
        self.page_width = 1.0  # geometry units across the page
        self.marks: list[BoxMark] = []
        self.selected: set[int] = set()  # lines
        self.zoom = 1.0  # screen pixels per geometry unit
        self._drag: BoxMark | None = None
        self._drag_at: QPointF | None = None

    # -- data
    def set_page(self, page: Page | None) -> None:
        self.image = page_picture(page) if page is not None else None
        self.page_width = page.geometry.width if page is not None and page.geometry else 1.0
        self.page_height = page.geometry.height if page is not None and page.geometry else 1.0
        self.selected = set()
        self.fit(self.width() or 800)

    def set_marks(self, marks: list[BoxMark]) -> None:
        self.marks = marks
        self.update()

    def fit(self, width: int) -> None:
        """Zoom so the page fills ``width`` screen pixels."""
        self.zoom = max(width - 2, 50) / max(self.page_width, 1.0)
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(int(self.page_width * self.zoom), int(getattr(self, "page_height", 1.0) * self.zoom))

    # -- geometry
    def rect_of(self, m: BoxMark) -> QRectF:
        z = self.zoom
        return QRectF(m.x0 * z, m.y0 * z, (m.x1 - m.x0) * z, (m.y1 - m.y0) * z)

    def badge_centre(self, m: BoxMark) -> QPointF:
        r = self.rect_of(m)
        return QPointF(max(r.left() - BADGE - 1, BADGE), r.top() + min(r.height() / 2, BADGE))

    def badge_at(self, pos: QPointF) -> BoxMark | None:
        for m in self.marks:
            if m.first_of_block and m.number:
                c = self.badge_centre(m)
                if (c.x() - pos.x()) ** 2 + (c.y() - pos.y()) ** 2 <= (BADGE + 2) ** 2:
                    return m
        return None

    def mark_at_pos(self, pos: QPointF) -> BoxMark | None:
        return mark_at(self.marks, pos.x() / self.zoom, pos.y() / self.zoom)

    # -- painting
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = QRectF(0, 0, self.page_width * self.zoom, self.page_height * self.zoom)
        p.fillRect(page, QColor("white"))
        if self.image is not None:
            p.drawImage(page, self.image)
        for m in self.marks:
            self._paint_mark(p, m)
        for m in self.marks:
            if m.first_of_block and m.number:
                self._paint_badge(p, m, self.badge_centre(m))
        if self._drag is not None and self._drag_at is not None:
            self._paint_badge(p, self._drag, self._drag_at)
        p.end()

    def _paint_mark(self, p: QPainter, m: BoxMark) -> None:
        r = self.rect_of(m)
        if m.furniture:
            p.fillRect(r, palette.colour(palette.FURNITURE_TEXT, 110))
        elif m.duplicate:
            p.fillRect(r, palette.colour("#e15759", 45))
        elif m.article >= 0:
            p.fillRect(r, palette.band_colour(m.article, 70))
        if m.duplicate:
            p.setPen(QPen(QColor("#c62828"), 2))
            p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
        if m.line in self.selected:
            p.setPen(QPen(QColor(palette.FOCUS_CHAR), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(-2, -2, 2, 2))

    def _paint_badge(self, p: QPainter, m: BoxMark, c: QPointF) -> None:
        fill = palette.band_colour(m.article) if m.article >= 0 else QColor("#777777")
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(QBrush(fill))
        p.drawEllipse(c, BADGE, BADGE)
        font = QFont(self.font())
        font.setPixelSize(10 if m.number < 100 else 8)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(QRectF(c.x() - BADGE, c.y() - BADGE, 2 * BADGE, 2 * BADGE), Qt.AlignmentFlag.AlignCenter,
                   str(m.number))

    # -- the mouse
    def mousePressEvent(self, e) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return
        pos = e.position()
        badge = self.badge_at(pos)
        if badge is not None:
            self._drag, self._drag_at = badge, pos
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        m = self.mark_at_pos(pos)
        if m is not None:
            self.offset_clicked.emit(m.start)

    def mouseMoveEvent(self, e) -> None:
        if self._drag is not None:
            self._drag_at = e.position()
            self.update()
        else:
            over = self.badge_at(e.position()) is not None
            self.setCursor(Qt.CursorShape.OpenHandCursor if over else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, e) -> None:
        if self._drag is None:
            return
        dragged, self._drag, self._drag_at = self._drag, None, None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.update()
        target = self.mark_at_pos(e.position()) or self.badge_at(e.position())
        if target is not None and target.block and dragged.block and target.block != dragged.block:
            self.move_requested.emit(dragged.block, target.block)


class PageView(QScrollArea):
    """The page picture with its line marks, scrolled, fitted to the pane's width."""

    offset_clicked = Signal(int)
    move_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page_view")
        self.canvas = PageCanvas()
        self.canvas.offset_clicked.connect(self.offset_clicked)
        self.canvas.move_requested.connect(self.move_requested)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page: Page | None = None

    def set_page(self, page: Page | None) -> None:
        self.page = page if page is not None and page.geometry is not None else None
        self.canvas.set_page(self.page)
        self.canvas.set_marks(page_marks(self.page, None) if self.page else [])
        self.canvas.fit(self.viewport().width())

    def set_state(self, page: Page | None, derived, decisions: Decisions) -> None:
        """Marks for the page as the analysis and the decisions leave it."""
        if page is not self.page:
            self.set_page(page)
        self.canvas.set_marks(page_marks(self.page, derived, decisions) if self.page else [])

    def show_ranges(self, ranges: list[tuple[int, int]], char: int | None = None, scroll: bool = True) -> None:
        """Outline the lines holding ``ranges``; ``scroll`` brings the first into view (not when clicked here)."""
        hit = marks_in(self.canvas.marks, ranges)
        self.canvas.selected = {m.line for m in hit}
        self.canvas.update()
        if hit and scroll:
            r = self.canvas.rect_of(hit[0])
            self.ensureVisible(int(r.center().x()), int(r.center().y()), 40, int(self.viewport().height() / 3))

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.canvas.fit(self.viewport().width())


class RawPane(QWidget):
    """The raw text view and the page view, with a toggle between them (shown for PDF and image pages)."""

    def __init__(self, raw_view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.raw = raw_view
        self.page_view = PageView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.raw)
        self.stack.addWidget(self.page_view)
        self.text_button = QToolButton()
        self.text_button.setObjectName("show_text")
        self.page_button = QToolButton()
        self.page_button.setObjectName("show_page")
        self.group = QButtonGroup(self)
        for n, b in enumerate((self.text_button, self.page_button)):
            b.setCheckable(True)
            b.setAutoRaise(True)
            self.group.addButton(b, n)
        self.text_button.setChecked(True)
        self.group.idClicked.connect(self.stack.setCurrentIndex)
        self.toggle = QWidget()
        tl = QHBoxLayout(self.toggle)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(QLabel())
        tl.addStretch(1)
        tl.addWidget(self.text_button)
        tl.addWidget(self.page_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.stack, 1)
        self.toggle.hide()
        self.retranslate()

    def show_page(self, page: Page | None) -> None:
        """A page with geometry offers the page view (and opens on it); a text page shows its text."""
        has_picture = page is not None and page.geometry is not None
        self.toggle.setVisible(has_picture)
        self.page_view.set_page(page if has_picture else None)
        if not has_picture:
            self.show_text()

    def show_text(self) -> None:
        self.text_button.setChecked(True)
        self.stack.setCurrentIndex(0)

    def show_picture(self) -> None:
        self.page_button.setChecked(True)
        self.stack.setCurrentIndex(1)

    @property
    def showing_picture(self) -> bool:
        return self.stack.currentIndex() == 1

    def retranslate(self) -> None:
        self.text_button.setText(_tr("RawPane", "Text"))
        self.text_button.setToolTip(_tr("RawPane", "The page's text, line by line"))
        self.page_button.setText(_tr("RawPane", "Page"))
        self.page_button.setToolTip(_tr("RawPane", "The printed page: boxes tinted by article, numbered in "
                                                   "reading order; drag a number to read that block earlier"))


class OcrProgress(QWidget):
    """A progress bar and a Cancel button for OCR, fed from the worker thread through a queued signal."""

    cancel_requested = Signal()
    _reported = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtWidgets import QProgressBar

        super().__init__(parent)
        self.setObjectName("ocr_progress")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.cancel = QToolButton()
        self.cancel.setObjectName("cancel_ocr")
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.retranslate()
        self.hide()

    def report(self, text: str, done: int, total: int) -> None:
        """Safe from any thread: the widget is updated on its own."""
        self._reported.emit(text, done, total)

    def _show(self, text: str, done: int, total: int) -> None:
        if not text or (done >= total > 0 and not text):
            self.hide()
            return
        self.label.setText(text)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.show()

    def retranslate(self) -> None:
        self.cancel.setText(_tr("OcrProgress", "Cancel"))
        self.cancel.setToolTip(_tr("OcrProgress", "Stop reading this page; it is closed"))
