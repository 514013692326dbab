"""Qt item models over the controller's data: suggestions, the article outline, the open pages.

They hold no state of their own beyond a reference to what they show; a
change in the controller resets or refreshes them.  Drops on the outline are
reported as intent (``move_requested``), never carried out in the model, so
the controller stays the only place decisions change.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import ClassVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..core import Analysis, CleanPage
from .controller import STATUS_ANALYSING, STATUS_DONE, STATUS_ERROR, STATUS_NEW, STATUS_REVIEW, Controller, PageState
from .derive import suggestion_line, suggestion_offset
from .i18n import _tr
from .marks import N_

_ICONS: dict[str, QIcon] = {}


def status_icon(colour: str) -> QIcon:
    """A small filled circle in the status colour (cached: the list redraws often)."""
    icon = _ICONS.get(colour)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _ICONS[colour] = QIcon(pixmap)
    return icon


ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
OPEN_ROLE = Qt.ItemDataRole.UserRole + 3
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 4
PAGE_ROLE = Qt.ItemDataRole.UserRole + 5
DIRTY_ROLE = Qt.ItemDataRole.UserRole + 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 7  # what the suggestions sort by (confidence as a number)
UNSAVED_MARK = " *"  # after the name of a page with unsaved decisions

PART_MIME = "application/x-kexie-parts"
_DISPLAY = Qt.ItemDataRole.DisplayRole
_INVALID = QModelIndex()
_LOOKS = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole,
          Qt.ItemDataRole.TextAlignmentRole)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SuggestionModel(QAbstractTableModel):
    """Every suggestion of the shown page: state, kind, line, confidence, explanation."""

    COLUMNS = (N_("SuggestionModel", "State"), N_("SuggestionModel", "Kind"), N_("SuggestionModel", "Line"),
               N_("SuggestionModel", "Confidence"), N_("SuggestionModel", "Explanation"))
    COL_STATE, COL_KIND, COL_LINE, COL_CONFIDENCE, COL_EXPLAIN = range(5)

    def __init__(self, controller: Controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.state: PageState | None = None
        self.analysis: Analysis | None = None  # the analysis whose suggestions are listed
        self._items: tuple = ()
        self._rows: dict[str, int] = {}

    @property
    def listed(self) -> PageState:
        """The page whose suggestions are listed (asked only while there are rows)."""
        assert self.state is not None
        return self.state

    def set_page(self, state: PageState | None) -> None:
        self.beginResetModel()
        self.state = state
        self.analysis = state.analysis if state is not None else None
        self._items = state.analysis.suggestions if state is not None and state.analysis is not None else ()
        self._rows = {}
        self.endResetModel()

    def refresh(self) -> None:
        """Decisions changed: states may have; the rows have not."""
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self.refresh()

    def rowCount(self, parent=_INVALID) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=_INVALID) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return _tr("SuggestionModel", self.COLUMNS[section])
        return None

    def row_of(self, suggestion_id: str) -> int:
        if not self._rows and self._items:
            self._rows = {s.id: i for i, s in enumerate(self._items)}
        return self._rows.get(suggestion_id, -1)

    def state_text(self, s) -> str:
        choice = self.listed.decisions.choice(s.id)
        if s.id in self.listed.moot:
            return _tr("SuggestionModel", "– moot")
        if choice is True:
            return _tr("SuggestionModel", "✓ accepted")
        if choice is False:
            return _tr("SuggestionModel", "✗ rejected")
        if s.default:
            return _tr("SuggestionModel", "○ open (applies)")
        return _tr("SuggestionModel", "○ open (skipped)")

    def tooltip(self, s) -> str:
        text = self.controller.explain(s, self.listed.page)
        by = self.listed.moot.get(s.id)
        if by is not None:
            text += "\n" + _tr("SuggestionModel", "Moot: {why}. Deciding it changes nothing.").format(
                why=self.controller.moot_text(self.listed, by))
        return text

    def widest_state(self) -> str:
        """The longest text the State column shows (its width is set from it, so it is never cut)."""
        return max((_tr("SuggestionModel", t) for t in ("– moot", "✓ accepted", "✗ rejected", "○ open (applies)",
                                                         "○ open (skipped)")), key=len)

    def data(self, index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        s = self._items[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._text(s, col)
        if role == SORT_ROLE:
            return s.confidence if col == self.COL_CONFIDENCE else suggestion_offset(s, self.analysis) \
                if col == self.COL_LINE \
                else self._text(s, col)
        if role in _LOOKS:
            return self._look(s, col, role)
        return self._value(s, role)

    def _text(self, s, col: int):
        """What column ``col`` shows of suggestion ``s``."""
        if col == self.COL_STATE:
            return self.state_text(s)
        if col == self.COL_KIND:
            return self.controller.kind_label(s.kind)
        if col == self.COL_LINE:
            return suggestion_line(self.analysis, s, self.listed.page.line_of) if self.analysis else None
        if col == self.COL_CONFIDENCE:
            return f"{s.confidence:.0%}"
        if col == self.COL_EXPLAIN:
            return self.controller.explain(s, self.listed.page)
        return None

    def _look(self, s, col: int, role):
        """Tooltip, font, colour and alignment: open ones bold, the ones not carried out grey."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(s)
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if col == self.COL_STATE and self.listed.is_open(s) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            skipped = not self.listed.decisions.is_accepted(s) or s.id in self.listed.moot
            return QColor("#888888") if skipped else None
        if col in (self.COL_LINE, self.COL_CONFIDENCE):  # the text alignment
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, s, role):
        """The plain values the panel and the presenter read (id, kind, open, raw offset)."""
        if role == ID_ROLE:
            return s.id
        if role == KIND_ROLE:
            return s.kind
        if role == OPEN_ROLE:
            return self.listed.is_open(s)
        if role == OFFSET_ROLE:
            return suggestion_offset(s, self.analysis)
        return None

    def suggestion(self, row: int):
        return self._items[row] if 0 <= row < len(self._items) else None


class SuggestionFilter(QSortFilterProxyModel):
    """Filter by kind and by "open only"; the table sorts through it (doubtful first: by confidence)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = ""
        self.open_only = False
        self.doubtful_first = False
        self.setSortRole(SORT_ROLE)

    def set_doubtful_first(self, value: bool) -> None:
        self.doubtful_first = bool(value)
        if value:
            self.sort(SuggestionModel.COL_CONFIDENCE, Qt.SortOrder.AscendingOrder)
        else:
            self.sort(-1)

    def order(self, suggestions) -> list:
        """``suggestions`` in the order the table lists them (for walking them without the view)."""
        if not self.doubtful_first:
            return list(suggestions)
        analysis = getattr(self.sourceModel(), "analysis", None)
        return sorted(suggestions, key=lambda s: (s.confidence, suggestion_offset(s, analysis)))

    def set_kind(self, kind: str) -> None:
        self._refilter(lambda: setattr(self, "kind", kind))

    def set_open_only(self, value: bool) -> None:
        self._refilter(lambda: setattr(self, "open_only", bool(value)))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.kind and not self.open_only:
            return True  # the common case, and 30 000 rows on a 10 MB page: no model round trip
        model = cast(SuggestionModel, self.sourceModel())
        suggestion = model.suggestion(source_row)
        if suggestion is None:
            return False
        return self.accepts(suggestion, model.listed)

    def accepts(self, suggestion, state: PageState) -> bool:
        """The same test on a suggestion object (navigation uses it)."""
        if self.kind and suggestion.kind != self.kind:
            return False
        return not self.open_only or state.is_open(suggestion)


class OutlineModel(QAbstractItemModel):
    """Articles (title, byline, section, paragraph count) with their paragraphs as children.

    Paragraph rows can be dragged onto another paragraph (move before it) or
    onto an article (move to its end); the model only reports the intent.
    """

    move_requested = Signal(list, int, int)  # [(article, paragraph)], target article, target paragraph (-1: end)

    COLUMNS = (N_("OutlineModel", "Title"), N_("OutlineModel", "Byline"), N_("OutlineModel", "Section"),
               N_("OutlineModel", "¶"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clean: CleanPage | None = None
        self.page_id = ""

    def set_clean(self, clean: CleanPage | None, page_id: str = "") -> None:
        """Show ``clean``; when only texts or paragraph counts changed, say so instead of resetting.

        A reset makes the tree view lay out every row again (half a second
        for the 8 000 articles of a 10 MB page) and loses the selection.
        """
        old = self.clean
        if old is None or clean is None or page_id != self.page_id \
                or [a.key for a in old.articles] != [a.key for a in clean.articles]:
            self.beginResetModel()
            self.clean, self.page_id = clean, page_id
            self.endResetModel()
            return
        self._resize_paragraphs(old, clean)
        self.clean = clean
        # only the rows that changed: a decision recomputes the articles it touches, the others are the
        # same objects, and a view asked to redraw 8 000 rows takes longer than the decision did
        changed = [row for row, (a, b) in enumerate(zip(old.articles, clean.articles, strict=True))
                   if a is not b and a != b]
        if changed:
            self.dataChanged.emit(self.createIndex(changed[0], 0, 0),
                                  self.createIndex(changed[-1], len(self.COLUMNS) - 1, 0))
            for row in changed:
                b = clean.articles[row]
                if b.paragraphs and old.articles[row].paragraphs != b.paragraphs:
                    self.dataChanged.emit(self.createIndex(0, 0, row + 1),
                                          self.createIndex(len(b.paragraphs) - 1, 0, row + 1))

    def _resize_paragraphs(self, old: CleanPage, clean: CleanPage) -> None:
        """Paragraph rows added or taken at the end of each article whose count changed.

        Rows keep their old data while they are added or taken; the new texts
        arrive with the dataChanged that follows (what Qt's model tester demands).
        """
        shown = old
        for row, (a, b) in enumerate(zip(old.articles, clean.articles, strict=True)):
            before, after = len(a.paragraphs), len(b.paragraphs)
            parent = self.createIndex(row, 0, 0)
            if after > before:
                self.beginInsertRows(parent, before, after - 1)
                shown = self.clean = _with_paragraphs(shown, row, a.paragraphs + b.paragraphs[before:])
                self.endInsertRows()
            elif after < before:
                self.beginRemoveRows(parent, after, before - 1)
                shown = self.clean = _with_paragraphs(shown, row, a.paragraphs[:after])
                self.endRemoveRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    @property
    def _articles(self):
        return self.clean.articles if self.clean is not None else ()

    def index(self, row, column, parent=_INVALID):
        if row < 0 or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        articles = self._articles
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(articles) else QModelIndex()
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(articles):
            if row < len(articles[parent.row()].paragraphs):
                return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index=_INVALID):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=_INVALID) -> int:
        if not parent.isValid():
            return len(self._articles)
        if parent.internalId() == 0 and parent.column() == 0 and 0 <= parent.row() < len(self._articles):
            return len(self._articles[parent.row()].paragraphs)
        return 0

    def columnCount(self, parent=_INVALID) -> int:
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return _tr("OutlineModel", self.COLUMNS[section])
        return None

    def place(self, index) -> tuple[int, int]:
        """``(article, paragraph)`` of an index; paragraph -1 for an article row."""
        if not index.isValid():
            return -1, -1
        if index.internalId() == 0:
            return index.row(), -1
        return index.internalId() - 1, index.row()

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        article, paragraph = self.place(index)
        if not 0 <= article < len(self._articles):
            return None
        a = self._articles[article]
        if paragraph >= 0:
            return self._paragraph_data(a, paragraph, index.column(), role)
        return self._article_data(a, article, index.column(), role)

    @staticmethod
    def _paragraph_data(a, paragraph: int, col: int, role):
        """A paragraph row: its number and first words; the tooltip holds more of it."""
        if paragraph >= len(a.paragraphs) or col != 0:
            return None
        text = str(a.paragraphs[paragraph])
        if role == _DISPLAY:
            return f"¶{paragraph + 1}  {text[:28]}{'…' if len(text) > 28 else ''}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text[:400]
        return None

    @staticmethod
    def _article_text(a, article: int, col: int):
        if col == 0:
            untitled = _tr("OutlineModel", "(untitled)")
            return f"{article + 1}. {str(a.title) or untitled}"
        if col == 1:
            return str(a.byline or "")
        if col == 2:
            return a.section or ""
        return len(a.paragraphs) if col == 3 else None

    @staticmethod
    def _article_data(a, article: int, col: int, role):
        """An article row: its title (bold), byline, section and paragraph count."""
        if role == _DISPLAY:
            return OutlineModel._article_text(a, article, col)
        if col != 0:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(a.title)
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return None

    _ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
    _ARTICLE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
    _PARAGRAPH_FLAGS = _ARTICLE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled

    def flags(self, index):
        if not index.isValid():
            return self._ROOT_FLAGS
        return self._ARTICLE_FLAGS if index.internalId() == 0 else self._PARAGRAPH_FLAGS

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [PART_MIME]

    def mimeData(self, indexes):
        items = sorted({self.place(i) for i in indexes if i.isValid() and i.internalId() != 0})
        data = QMimeData()
        data.setData(PART_MIME, QByteArray(json.dumps({"page": self.page_id, "items": items}).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data is not None and data.hasFormat(PART_MIME) and self.clean is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            payload = json.loads(bytes(data.data(PART_MIME).data()).decode())
        except ValueError:
            return False
        if payload.get("page") != self.page_id:
            return False
        items = [tuple(i) for i in payload.get("items", [])]
        if not parent.isValid():  # between articles: before article ``row``
            if row < 0:
                target = (len(self._articles) - 1, -1)
            elif row < len(self._articles):
                target = (row, 0)
            else:
                target = (len(self._articles) - 1, -1)
        else:
            article, paragraph = self.place(parent)
            if paragraph >= 0:  # onto a paragraph: before it
                target = (article, paragraph)
            elif row >= 0 and row < len(self._articles[article].paragraphs):
                target = (article, row)
            else:
                target = (article, -1)
        if not items:
            return False
        self.move_requested.emit(items, target[0], target[1])
        return False  # nothing for the view to remove: the controller recomputes the outline


def _with_paragraphs(clean: CleanPage, row: int, paragraphs: tuple) -> CleanPage:
    """``clean`` with the paragraphs of article ``row`` replaced (an intermediate state of an update)."""
    articles = list(clean.articles)
    articles[row] = replace(articles[row], paragraphs=tuple(paragraphs))
    return replace(clean, articles=tuple(articles))


class PagesModel(QAbstractListModel):
    """Open pages with their status and count of open suggestions."""

    STATUS: ClassVar[dict[str, str]] = {
        STATUS_ANALYSING: N_("PagesModel", "analysing…"), STATUS_ERROR: N_("PagesModel", "failed"),
        STATUS_NEW: N_("PagesModel", "new"), STATUS_REVIEW: N_("PagesModel", "in review"),
        STATUS_DONE: N_("PagesModel", "done")}
    COLOURS: ClassVar[dict[str, str]] = {STATUS_ANALYSING: "#999999", STATUS_ERROR: "#c0392b", STATUS_NEW: "#4e79a7",
                                         STATUS_REVIEW: "#f28e2b", STATUS_DONE: "#59a14f"}

    def __init__(self, controller: Controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._pages: list[PageState] = []

    def refresh(self) -> None:
        pages = list(self.controller.pages)
        if [p.id for p in pages] != [p.id for p in self._pages]:
            self.beginResetModel()
            self._pages = pages
            self.endResetModel()
        elif pages:
            self.dataChanged.emit(self.index(0, 0), self.index(len(pages) - 1, 0))

    def rowCount(self, parent=_INVALID) -> int:
        return 0 if parent.isValid() else len(self._pages)

    def status_text(self, state: PageState) -> str:
        return _tr("PagesModel", self.STATUS[state.status])

    def data(self, index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        p = self._pages[index.row()]
        if role == _DISPLAY:
            line = f"{p.name}{UNSAVED_MARK if p.dirty else ''}\n{self.status_text(p)}"
            if p.analysis is not None:
                line += " · " + _tr("PagesModel", "{n} open").format(n=p.open_count)
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = p.failure or p.path
            if p.dirty:
                tip += "\n" + _tr("PagesModel", "* decisions not saved yet (File › Save decisions)")
            return tip
        if role == DIRTY_ROLE:
            return p.dirty
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(self.COLOURS[p.status])
        if role == PAGE_ROLE:
            return p.id
        return None

    def row_of(self, page_id: str) -> int:
        return next((i for i, p in enumerate(self._pages) if p.id == page_id), -1)


__all__ = ["DIRTY_ROLE", "ID_ROLE", "SORT_ROLE", "KIND_ROLE", "OFFSET_ROLE", "OPEN_ROLE", "OutlineModel", "PAGE_ROLE",
           "PART_MIME", "PagesModel", "SuggestionFilter", "SuggestionModel", "UNSAVED_MARK"]
