"""The main window: lays out the panes, docks, menus and status bar.  A passive view.

It knows no controller and no core logic: the presenter fills it with models
and text, connects to the signals of its widgets, and calls the ``ask_*``
methods when it needs an answer from the editor (tests replace those).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.model import CleanArticle, CleanPage, Decisions, Page, Suggestion
from . import actions as table
from . import palette
from .articleview import ArticleView
from .derive import Derived, Place
from .dropfilter import DropFilter
from .i18n import LANGUAGES, _tr
from .pageview import OcrProgress, RawPane
from .panels import PagesPanel, SuggestionsPanel
from .rawview import RawView
from .readingorder import ReadingOrderModel, ReadingOrderPanel
from .settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog, QMessageBox

    from .dialogs import ExportChoice, ShortcutsDialog
    from .models import OutlineModel, PagesModel, SuggestionModel

# Dialogs, message boxes and file choosers are imported when first asked for: building their Qt types
# (and their enums) costs the window's first paint tens of milliseconds it does not need them for.


def legend_html() -> str:
    """The key to the raw page's colours, in the same palette the view paints with."""
    def swatch(colour: str, text: str, extra: str = "") -> str:
        return (f'<span style="background:{colour};{extra}">&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}'
                f'&nbsp;&nbsp;&nbsp;')

    g0, g1 = palette.GROUP_COLOURS[0], palette.GROUP_COLOURS[1]
    return ("<small>" + f'<span style="color:{g0}">◆</span>&nbsp;' + _tr("MainWindow", "kept copy")
            + "&nbsp;&nbsp;&nbsp;" + swatch(g1, _tr("MainWindow", "repeat (one colour per group)"))
            + swatch("#c8c8c8", _tr("MainWindow", "furniture"))
            + swatch(palette.JOIN, _tr("MainWindow", "broken join")) + "</small>")


class MessageBar(QFrame):
    """A closable banner above the panes: what the editor must read, without a modal dialog.

    A long explanation (which decisions could not be carried over...) sits
    behind a "Details…" button that opens it in a window of its own.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QToolButton()
        self.details_button.setObjectName("message_details")
        self.details_button.clicked.connect(self.show_details)
        self.details_button.hide()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.details = ""
        self.details_box: QMessageBox | None = None
        self.hide()

    def show_text(self, text: str, error: bool = True, details: str = "") -> None:
        colours = ("#fdecea", "#c0392b") if error else ("#eaf2fd", "#2c6fbb")
        self.setStyleSheet(f"#message_bar {{ background: {colours[0]}; border: 1px solid {colours[1]}; "
                           f"border-radius: 3px; }}")
        self.label.setText(text)
        self.details = details
        self.details_button.setText(_tr("MainWindow", "Details…"))
        self.details_button.setVisible(bool(details))
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def show_details(self) -> QMessageBox:
        """The details in a window that does not block the main one."""
        from PySide6.QtWidgets import QMessageBox

        if self.details_box is not None:
            self.details_box.close()
        box = QMessageBox(QMessageBox.Icon.Information, _tr("MainWindow", "Details"), self.label.text(),
                          QMessageBox.StandardButton.Close, self.window())
        box.setObjectName("details_box")
        box.setDetailedText(self.details)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._box_gone)
        box.show()
        self.details_box = box
        return box

    def _box_gone(self, *_args) -> None:
        self.details_box = None


class Placeholder(QWidget):
    """What the central area shows while no page is open: how to start."""

    sample_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("placeholder")
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("color: #555;")
        self.sample = QPushButton()
        self.sample.setObjectName("open_sample")
        self.sample.clicked.connect(self.sample_requested)
        self.open = QPushButton()
        self.open.setObjectName("open_pages")
        self.open.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sample)
        buttons.addWidget(self.open)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addSpacing(8)
        box.addWidget(self.text)
        box.addSpacing(16)
        box.addLayout(buttons)
        frame = QFrame()
        frame.setObjectName("placeholder_frame")
        frame.setStyleSheet("#placeholder_frame { border: 2px dashed #b8c4d6; border-radius: 12px; }")
        frame.setLayout(box)
        frame.setMaximumWidth(620)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(frame, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def set_sample_available(self, available: bool) -> None:
        self.sample.setVisible(available)

    def retranslate(self) -> None:
        self.title.setText("<h2>" + _tr("MainWindow", "No page open") + "</h2>")
        self.text.setText(_tr("MainWindow", "Drop .txt pages or a whole folder anywhere in this window, or use "
                              "File › Open pages… (Ctrl+O). Your decisions are saved beside each page with "
                              "File › Save decisions (Ctrl+S), and kept automatically until you do."))
        self.sample.setText(_tr("MainWindow", "Open the sample page"))
        self.open.setText(_tr("MainWindow", "Open pages…"))


class MainWindow(QMainWindow):
    files_dropped = Signal(list)
    language_chosen = Signal(str)
    closing = Signal()
    sample_requested = Signal()
    open_requested = Signal()
    context_menu_requested = Signal(str, QPoint)  # which pane ("raw", "article", "order"), global position
    # what the editor points at or asks for in the panes, as plain values (the presenter listens here)
    offset_clicked = Signal(int, bool)  # a raw offset clicked; True: on the printed page, not the raw text
    raw_selected = Signal(int, int)  # the raw text selection (start == end: none)
    suggestion_selected = Signal(str)
    page_selected = Signal(str)
    outline_chosen = Signal(int, int)  # the outline's current row: article, paragraph (-1: the article itself)
    place_clicked = Signal(object)  # a derive.Place clicked in the article text
    edit_requested = Signal(object)  # a Place whose part the editor wants to retype
    text_edited = Signal(object, str)  # a Place retyped in place, its new text
    paragraph_split_requested = Signal(object)  # Enter inside a paragraph (a Place)
    paragraph_join_requested = Signal(object)  # Backspace at a paragraph's start (a Place)
    pieces_chosen = Signal(list)  # piece ids chosen in the reading-order list
    order_step_requested = Signal(int)  # the chosen pieces one place up (-1) or down (+1)
    order_move_requested = Signal(list, str)  # pieces dragged in the reading-order list, the piece they go before
    block_move_requested = Signal(str, str)  # a block's number dragged onto another block on the printed page
    reading_cancel_requested = Signal()  # Cancel beside the OCR progress

    def __init__(self, suggestion_model: SuggestionModel, outline_model: OutlineModel, pages_model: PagesModel,
                 kind_label: Callable[[str], str], settings: Settings,
                 parent: QWidget | None = None, order_model: ReadingOrderModel | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("main_window")
        self.setWindowTitle("kexie")
        self.setAcceptDrops(True)
        self.commands: dict[str, QAction] = {}  # not 'actions': QWidget.actions() exists
        self.menus: dict[str, QMenu] = {}
        self.last_command = ""  # the name of the last command triggered (for crash logs)
        self.open_dialog: QDialog | None = None  # the modal dialog on screen, if any (tests drive it)
        self.close_guard: Callable[[], bool] | None = None  # may the window close?  (asked about unsaved work)
        self._selecting_outline = False  # the outline's current row is being set, not chosen by the editor

        # central: raw page | (outline / article)
        self.raw = RawView()
        self.raw.setObjectName("raw_view")
        self.raw_title = QLabel()
        self.outline = QTreeView()
        self.outline.setObjectName("outline")
        self.outline_model = outline_model
        self.outline.setModel(outline_model)
        self.outline.setDragEnabled(True)
        self.outline.setAcceptDrops(True)
        self.outline.setDropIndicatorShown(True)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.outline.setUniformRowHeights(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.outline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes what the width gives
        char = self.fontMetrics().horizontalAdvance("中")
        for col, chars in ((1, 7), (2, 7), (3, 2)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.outline.setColumnWidth(col, char * chars + 16)
        self.outline.setMinimumHeight(self.fontMetrics().height() * 6)
        self.article = ArticleView()
        self.article.setObjectName("article_view")
        self.articles_title = QLabel()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.raw_title)
        head.addStretch(1)
        head.addWidget(self.legend)
        lv.addLayout(head)
        self.raw_pane = RawPane(self.raw)  # the text view, and the printed page for PDF and image pages
        self.page_view = self.raw_pane.page_view
        lv.addWidget(self.raw_pane)
        self.article_splitter = QSplitter(Qt.Orientation.Vertical)
        self.article_splitter.setObjectName("article_splitter")
        right_top = QWidget()
        rv = QVBoxLayout(right_top)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.articles_title)
        rv.addWidget(self.outline)
        self.article_splitter.addWidget(right_top)
        self.article_splitter.addWidget(self.article)
        self.article_splitter.setStretchFactor(0, 1)
        self.article_splitter.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.article_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.message_bar = MessageBar()
        self.placeholder = Placeholder()
        self.placeholder.sample_requested.connect(self.sample_requested)
        self.placeholder.open_requested.connect(self.open_requested)
        self.stack = QStackedWidget()
        self.stack.setObjectName("central_stack")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(4, 4, 4, 0)
        cv.addWidget(self.message_bar)
        cv.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # docks
        self.suggestions = SuggestionsPanel(suggestion_model, kind_label)
        self.pages = PagesPanel(pages_model)
        self.history = QUndoView()
        self.history.setObjectName("history")
        self.order_model = order_model if order_model is not None else ReadingOrderModel(self)
        self.reading_order = ReadingOrderPanel(self.order_model)
        self.pages_dock = self._dock("pages_dock", self.pages, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.suggestions_dock = self._dock("suggestions_dock", self.suggestions,
                                           Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history_dock = self._dock("history_dock", self.history, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.pages_dock, self.history_dock, Qt.Orientation.Vertical)
        self.order_dock = self._dock("reading_order_dock", self.reading_order, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.history_dock, self.order_dock)
        self.order_dock.hide()
        self.context_menu: QMenu | None = None  # the right-click menu on screen (tests reach it here)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)

        # status bar
        self.position = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)  # busy indicator: the core reports no fractions
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.position)
        self.statusBar().addPermanentWidget(self.progress)
        self.ocr_progress = OcrProgress()
        self.statusBar().addPermanentWidget(self.ocr_progress)

        # page files dropped anywhere
        self.drops = DropFilter(self)
        self.drops.watch(self, self.placeholder, self.raw.viewport(), self.page_view.viewport(),
                         self.article.viewport(), self.outline.viewport(), self.pages.list.viewport(),
                         self.suggestions.table.viewport())
        self.raw.context_menu_requested.connect(lambda pos: self.context_menu_requested.emit("raw", pos))
        self.article.context_menu_requested.connect(lambda pos: self.context_menu_requested.emit("article", pos))
        self.reading_order.list.customContextMenuRequested.connect(
            lambda pos: self.context_menu_requested.emit("order", self.reading_order.list.viewport().mapToGlobal(pos)))
        self.drops.paths_dropped.connect(self.files_dropped)
        self._relay_intents()
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("menu_recent")
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("menu_language")
        self.language_group = QActionGroup(self)
        self.panels_menu = QMenu(self)
        self.resize(1400, 900)
        self.retranslate()

    def _relay_intents(self) -> None:
        """The panes' signals, raised as the window's own: the presenter knows the window, not its widgets."""
        self.raw.offset_clicked.connect(lambda offset: self.offset_clicked.emit(offset, False))
        self.page_view.offset_clicked.connect(lambda offset: self.offset_clicked.emit(offset, True))
        self.raw.selection_changed.connect(self.raw_selected)
        self.page_view.move_requested.connect(self.block_move_requested)
        self.ocr_progress.cancel_requested.connect(self.reading_cancel_requested)
        self.suggestions.suggestion_selected.connect(self.suggestion_selected)
        self.pages.page_selected.connect(self.page_selected)
        self.outline.selectionModel().currentChanged.connect(self._outline_current)
        self.article.place_clicked.connect(self.place_clicked)
        self.article.edit_requested.connect(self.edit_requested)
        self.article.text_edited.connect(self.text_edited)
        self.article.split_requested.connect(self.paragraph_split_requested)
        self.article.join_requested.connect(self.paragraph_join_requested)
        self.article.suggestion_clicked.connect(self.select_suggestion)  # a change mark names its suggestion
        self.article.refused.connect(self.show_notice)
        self.reading_order.pieces_chosen.connect(self.pieces_chosen)
        self.reading_order.step_requested.connect(self.order_step_requested)
        self.order_model.move_requested.connect(self.order_move_requested)

    def _outline_current(self, current, _previous) -> None:
        if self._selecting_outline or not current.isValid():
            return
        article, paragraph = self.outline_model.place(current)
        self.outline_chosen.emit(article, paragraph)

    def _dock(self, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- actions and menus from the table
    def install_actions(self, actions: dict[str, QAction], language: str) -> None:
        self.commands = actions
        self.menus = table.build_menus(self.menuBar(), actions)
        file_menu = self.menus["file"]
        file_menu.insertMenu(actions["save"], self.recent_menu)
        table.build_toolbar(self.toolbar, actions)
        self.suggestions.add_buttons([actions[n] for n in ("accept", "reject", "accept_kind", "previous", "next")])
        self.reading_order.add_buttons([actions[n] for n in ("move_up", "move_down", "join", "join_lines",
                                                              "one_title", "split_lines", "uninterleave")])
        view = self.menus["view"]
        view.addMenu(self.language_menu)
        for code, name in LANGUAGES.items():
            a = self.language_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == language)
            a.setData(code)
            a.setObjectName(f"language_{code}")
            self.language_group.addAction(a)
            a.triggered.connect(lambda checked=False, c=code: self.language_chosen.emit(c))
        view.addSeparator()
        for dock in (self.pages_dock, self.suggestions_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        self.order_dock.visibilityChanged.connect(self._order_visibility)
        view.addAction(self.toolbar.toggleViewAction())
        self.retranslate()

    def popup_menu(self, names: list[str], pos: QPoint, header: str = "") -> QMenu:
        """A right-click menu of commands from the actions table ("-": a separator, "roles": Mark block as ›)."""
        if self.context_menu is not None:
            self.context_menu.close()
        menu = QMenu(self)
        menu.setObjectName("context_menu")
        if header:
            title = menu.addAction(self.fontMetrics().elidedText(header, Qt.TextElideMode.ElideRight, 420))
            title.setEnabled(False)
            menu.addSeparator()
        for name in names:
            if name == "-":
                menu.addSeparator()
            elif name == "roles":
                menu.addMenu(self.menus["structure/roles"])
            elif name in self.commands and self.commands[name].isEnabled():
                menu.addAction(self.commands[name])
        menu.aboutToHide.connect(lambda: setattr(self, "context_menu", None))
        self.context_menu = menu
        menu.popup(pos)
        return menu

    def set_recent(self, paths: list[str], open_path, clear) -> None:
        self.recent_menu.clear()
        for p in paths:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda checked=False, p=p: open_path(p))
        if paths:
            self.recent_menu.addSeparator()
            a = self.recent_menu.addAction(_tr("MainWindow", "Clear list"))
            a.triggered.connect(clear)
        self.recent_menu.setEnabled(bool(paths))

    def show_order_dock(self, shown: bool) -> None:
        """Show (in front, with most of the left column's height: a page has dozens of pieces) or hide the
        reading order."""
        self.order_dock.setVisible(shown)
        if shown:
            self.order_dock.raise_()
            height = max(self.pages_dock.height() + self.order_dock.height(), 200)
            self.resizeDocks([self.pages_dock, self.order_dock], [height // 4, height - height // 4],
                             Qt.Orientation.Vertical)

    def _order_visibility(self, visible: bool) -> None:
        """The reading-order dock closed with its own button: the View entry follows."""
        action = self.commands.get("reading_order")
        if action is not None and not visible and self.order_dock.isHidden() and action.isChecked():
            action.trigger()

    def retranslate(self) -> None:
        self.raw_pane.retranslate()
        self.ocr_progress.retranslate()
        self.raw_title.setText("<b>" + _tr("MainWindow", "Raw page") + "</b>")
        self.articles_title.setText("<b>" + _tr("MainWindow", "Articles") + "</b>")
        self.legend.setText(legend_html())
        self.raw.setPlaceholderText(_tr("MainWindow", "Drop .txt pages or a folder here, or use File › Open."))
        self.pages_dock.setWindowTitle(_tr("MainWindow", "Pages"))
        self.suggestions_dock.setWindowTitle(_tr("MainWindow", "Suggestions"))
        self.history_dock.setWindowTitle(_tr("MainWindow", "History"))
        self.order_dock.setWindowTitle(_tr("MainWindow", "Reading order"))
        self.reading_order.retranslate()
        self.history.setEmptyLabel(_tr("MainWindow", "Page as opened"))
        self.toolbar.setWindowTitle(_tr("MainWindow", "Toolbar"))
        self.recent_menu.setTitle(_tr("MainWindow", "Open &Recent"))
        self.language_menu.setTitle(_tr("MainWindow", "&Language"))
        self.placeholder.retranslate()
        self.suggestions.retranslate()
        self.pages.retranslate()
        if self.commands:
            table.retranslate_actions(self.commands)
            table.retranslate_menus(self.menus)

    # -- the page shown (the presenter says what; the window knows which widget shows it)
    def show_page(self, page: Page | None) -> None:
        """Another page (or none): its raw text, and its picture for a PDF or image page."""
        self.raw.set_text(page.text if page is not None else "")
        self.raw_pane.show_page(page)

    def show_view(self, view: Derived | None, page: Page | None, explain: dict[str, str] | None = None,
                  decisions: Decisions | None = None) -> None:
        """What the decisions make of the page: highlights in the raw text, boxes on the printed page."""
        self.raw.set_view(view, page if view is not None else None, explain)
        self.page_view.set_state(page, view, decisions if decisions is not None else Decisions())

    def show_cut_blocks(self, ranges: list[tuple[int, int]]) -> None:
        """Blocks cut for moving: outlined in the raw text until they are pasted."""
        self.raw.set_pending(ranges)

    def show_ranges(self, ranges: list[tuple[int, int]], char: int | None = None, scroll_raw: bool = True,
                    scroll_page: bool = True) -> None:
        """Select raw ranges in the text and on the printed page alike; the pane clicked in stays put."""
        self.raw.show_ranges(ranges, char=char, scroll=scroll_raw)
        self.page_view.show_ranges(ranges, scroll=scroll_page)

    def clear_ranges(self) -> None:
        self.raw.clear_focus()
        self.page_view.show_ranges([])

    def show_article(self, article: CleanArticle | None, index: int | None, changes=None) -> None:
        self.article.show_article(article, index, changes)

    def show_place(self, place: Place, scroll: bool = True) -> None:
        self.article.show_place(place, scroll=scroll)

    def place_at_cursor(self) -> Place | None:
        return self.article.place_at_cursor()

    def commit_typing(self) -> bool:
        """Record typing in the article not reported yet; True when there was some (the page is redrawn)."""
        return bool(self.article.pending) and bool(self.article.commit())

    def show_outline_article(self, index: int) -> None:
        """Make article ``index`` the outline's current row (unless it is already), without reporting it."""
        outline = self.outline_model
        current = self.outline.selectionModel().currentIndex()
        if current.isValid() and outline.place(current) == (index, -1):
            return
        self._selecting_outline = True
        try:
            self.outline.selectionModel().setCurrentIndex(
                outline.index(index, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting_outline = False

    def show_position(self, text: str) -> None:
        """The status bar's position: the line and the article the cursor is in."""
        self.position.setText(text)

    def show_page_title(self, name: str | None, unsaved: bool) -> None:
        self.setWindowTitle(f"{name}[*] — kexie" if name else "kexie")
        self.setWindowModified(unsaved)

    def select_page(self, page_id: str | None) -> None:
        self.pages.select(page_id)

    def report_reading(self, text: str, done: int, total: int) -> None:
        """OCR progress; may be called from a worker thread (the widget queues it)."""
        self.ocr_progress.report(text, done, total)

    # -- the suggestions list
    def selected_suggestion(self) -> str | None:
        return self.suggestions.current_id()

    def select_suggestion(self, suggestion_id: str | None, notify: bool = True) -> bool:
        """Make a suggestion current (clearing a filter that hides it); ``notify``: as if the editor chose it."""
        return self.suggestions.select(suggestion_id, notify=notify)

    def kind_filter(self) -> str:
        """The kind the list is filtered to ("" for every kind)."""
        return self.suggestions.proxy.kind

    def listed(self, suggestion: Suggestion, state) -> bool:
        """Does the list show ``suggestion`` under its filters?"""
        return self.suggestions.proxy.accepts(suggestion, state)

    def walk_order(self, suggestions) -> list:
        """The suggestions in the order the list shows them (doubtful first…)."""
        return self.suggestions.order(suggestions)

    def set_doubtful_first(self, value: bool) -> None:
        self.suggestions.set_doubtful_first(value)

    def reset_suggestion_filters(self) -> None:
        self.suggestions.reset_filters()

    # -- the reading order
    def show_reading_order(self, shown: bool) -> None:
        """The reading-order list (docked) and the numbers in the raw page's margin."""
        self.show_order_dock(shown)
        self.raw.set_show_order(shown)

    def reading_order_visible(self) -> bool:
        return self.order_dock.isVisible()

    def show_order(self, view: Derived, clean: CleanPage | None, page_id: str, roles: dict[str, str],
                   chosen: list[str]) -> None:
        """The page's pieces in reading order (only when the view data changed), ``chosen`` selected."""
        if self.order_model.view is not view:
            self.order_model.set_view(view, clean, page_id, roles)
            self.reading_order.select_pieces(chosen)

    def chosen_pieces(self) -> list[str]:
        return self.reading_order.chosen()

    def select_pieces(self, ids: list[str]) -> None:
        self.reading_order.select_pieces(ids)

    # -- the rest of what the presenter sets
    def set_undo_group(self, group) -> None:
        self.history.setGroup(group)

    def check_language(self, language: str) -> None:
        for a in self.language_group.actions():
            a.setChecked(a.data() == language)

    def add_to_banner(self, text: str, warn: bool) -> None:
        """Show ``text``, or add it to what the banner says already (an error, a restored session)."""
        bar = self.message_bar
        if text in bar.text():
            return
        if bar.text():
            bar.label.setText(bar.label.text() + "\n" + text)
        else:
            (self.show_warning if warn else self.show_info)(text)

    def hide_banner(self) -> None:
        self.message_bar.hide()

    def banner_text(self) -> str:
        return self.message_bar.text()

    # -- feedback
    def show_error(self, text: str) -> None:
        self.message_bar.show_text(text, error=True)
        self.statusBar().showMessage(text.splitlines()[0] if text else "", 8000)

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def show_info(self, text: str, details: str = "") -> None:
        """Something worth reading that is not an error (decisions re-anchored...); never blocks."""
        self.message_bar.show_text(text, error=False, details=details)
        self.statusBar().showMessage(text.splitlines()[0] if text else "", 8000)

    def show_warning(self, text: str, details: str = "") -> None:
        """Something went wrong but nothing is lost; never blocks."""
        self.message_bar.show_text(text, error=True, details=details)
        self.statusBar().showMessage(text.splitlines()[0] if text else "", 8000)

    def show_crash(self, text: str) -> None:
        """An internal error: said in the message bar and in a dialog naming the log file."""
        self.show_error(text)
        self.alert(_tr("MainWindow", "Internal error"), text)

    def alert(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, title, text)

    def set_placeholder(self, shown: bool) -> None:
        """The first-run placeholder instead of the panes (no page open)."""
        self.stack.setCurrentWidget(self.placeholder if shown else self.splitter)

    def offer_sample(self, available: bool) -> None:
        """The placeholder's "Open the sample page" button, when the sample page is there."""
        self.placeholder.set_sample_available(available)

    def placeholder_shown(self) -> bool:
        return self.stack.currentWidget() is self.placeholder

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        if busy and text:
            self.statusBar().showMessage(text)
        elif not busy:
            self.statusBar().clearMessage()

    # -- questions (tests replace these)
    def ask_open_files(self, folder: str) -> list[str]:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, _tr("MainWindow", "Open pages"), folder,
                                                _tr("MainWindow", "Pages (*.txt *.pdf *.png *.jpg *.jpeg *.tif *.tiff "
                                                    "*.bmp *.webp);;Text pages (*.txt);;All files (*)"))
        return files

    def ask_folder(self, folder: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, _tr("MainWindow", "Open folder"), folder)

    def ask_yes_no(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _choose(self, title: str, text: str, buttons: list[tuple[str, str, str]], default: str,
                warning: bool = False, details: str = "", escape: str | None = None) -> str:
        """A question with named answers; returns the name of the button pressed (Escape: ``escape``, else the last).

        Each button is ``(name, label, role)``, the role one of ``"accept"``, ``"destructive"``, ``"reject"``.
        """
        from PySide6.QtWidgets import QMessageBox

        roles = {"accept": QMessageBox.ButtonRole.AcceptRole, "destructive": QMessageBox.ButtonRole.DestructiveRole,
                 "reject": QMessageBox.ButtonRole.RejectRole}
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        made = {}
        for name, label, role in buttons:
            made[name] = box.addButton(label, roles[role])
        escape = escape or buttons[-1][0]
        box.setDefaultButton(made[default])
        box.setEscapeButton(made[escape])
        if details:
            box.setDetailedText(details)
        box.exec()
        clicked = box.clickedButton()
        return next((name for name, b in made.items() if b is clicked), escape)

    def ask_save_changes(self, names: list[str]) -> str:
        """Unsaved decisions on ``names``: ``"save"``, ``"discard"`` or ``"cancel"``."""
        shown = "\n".join(names[:10]) + ("\n…" if len(names) > 10 else "")
        text = _tr("MainWindow", "These pages have decisions that are not saved:") + "\n\n" + shown
        return self._choose(_tr("MainWindow", "Save your decisions?"), text, [
            ("save", _tr("MainWindow", "Save"), "accept"),
            ("discard", _tr("MainWindow", "Discard"), "destructive"),
            ("cancel", _tr("MainWindow", "Cancel"), "reject")], "save", warning=True)

    def ask_recover(self, items: list[str], crashed: bool, later: bool = True) -> str:
        """Unsaved work found: ``"recover"``, ``"discard"`` or (when ``later``) ``"later"``.

        Without ``later`` (a page being opened: its autosave would soon be
        replaced) Escape recovers, the answer that loses nothing.
        """
        head = (_tr("MainWindow", "kexie did not close normally last time.") + " ") if crashed else ""
        text = head + _tr("MainWindow", "Recover unsaved work?") + "\n\n" + "\n".join(items)
        buttons = [("recover", _tr("MainWindow", "Recover"), "accept"),
                   ("discard", _tr("MainWindow", "Discard"), "destructive")]
        if later:
            buttons.append(("later", _tr("MainWindow", "Decide later"), "reject"))
        return self._choose(_tr("MainWindow", "Recover unsaved work?"), text, buttons, "recover",
                            escape="later" if later else "recover")

    def ask_reload(self, name: str, dirty: bool) -> bool:
        """The page file changed on disk: True to read it again, False to keep the text shown."""
        text = _tr("MainWindow", "{name} was changed on disk by another program.").format(name=name) + "\n\n"
        text += _tr("MainWindow", "Reload reads the new text and carries your decisions over to it; decisions "
                    "whose text is gone are listed. Keep current goes on with the text shown here.")
        if dirty:
            text += "\n\n" + _tr("MainWindow", "Your unsaved decisions are kept either way.")
        return self._choose(_tr("MainWindow", "Page changed on disk"), text, [
            ("reload", _tr("MainWindow", "Reload"), "accept"),
            ("keep", _tr("MainWindow", "Keep current"), "reject")], "reload") == "reload"

    def ask_export(self, formats: list[str], folder: str, fmt: str, done_pages: int, has_current: bool,
                   paper: str = "A4", reporter_under_title: bool = True,
                   byline_parentheses: bool = True) -> ExportChoice | None:
        from .dialogs import ExportDialog

        dialog = ExportDialog(formats, folder, fmt, done_pages, has_current, self, paper=paper,
                              reporter_under_title=reporter_under_title, byline_parentheses=byline_parentheses)
        self.open_dialog = dialog  # tests reach the dialog on screen through this
        try:
            if dialog.exec() != ExportDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            self.open_dialog = None
            dialog.deleteLater()

    def ask_encoding(self, name: str, current: str, choices: list[str]) -> str | None:
        """The encoding to read page ``name`` in (an editable list); None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        index = choices.index(current) if current in choices else 0
        text, ok = QInputDialog.getItem(self, _tr("MainWindow", "Reopen with encoding"),
                                        _tr("MainWindow", "Read {name} as:").format(name=name), choices, index, True)
        return text.strip() or None if ok else None

    def ask_edit(self, what: str, text: str) -> str | None:
        from .dialogs import EditTextDialog

        dialog = EditTextDialog(what, text, self)
        if dialog.exec() != EditTextDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    def show_shortcuts(self) -> ShortcutsDialog:
        from .dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(table.shortcut_rows(self.commands), self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, _tr("MainWindow", "About kexie"), _tr(
            "MainWindow", "<h3>kexie {version}</h3><p>Turns damaged OCR text of newspaper pages (科协报) into clean "
            "articles. Every change is a suggestion you can accept, reject or undo.</p><p>MIT licence.</p>")
            .format(version=__version__))

    # -- persistence of the window's own state
    def restore_settings(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        state = self.settings.get("window/state")
        if state:
            self.restoreState(state)
        sizes = self.settings.get("window/splitter")
        if sizes and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([self.width() // 2, self.width() // 2])
        sizes = self.settings.get("window/article_splitter")
        if sizes and all(isinstance(s, int) for s in sizes):
            self.article_splitter.setSizes(sizes)
        else:  # the outline a third of the height: several articles in view at 1280×720 too
            height = max(300, self.article_splitter.height())
            self.article_splitter.setSizes([height // 3, height - height // 3])

    def save_settings(self) -> None:
        self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        self.settings.set("window/state", bytes(self.saveState().data()))
        self.settings.set("window/splitter", self.splitter.sizes())
        self.settings.set("window/article_splitter", self.article_splitter.sizes())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        self.save_settings()
        super().closeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

