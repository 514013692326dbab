"""What the window shows of the controller's pages, redrawn when the controller says something changed.

The controller's events (``pages_changed``, ``current_changed``,
``page_updated``) come here; so do the view switches that change what is
drawn (View › Reading order, Show changes, Language).  A page shown anew
starts with nothing chosen; a page redrawn after a decision keeps the
article, the cursor's place and the scroll position.
"""
from __future__ import annotations

from collections.abc import Callable

from ..core import Analysis, Decisions, Page
from .controller import Controller, PageState
from .i18n import Translations, _tr
from .models import OutlineModel, PagesModel, SuggestionModel
from .selection import SelectionSync
from .settings import Settings
from .window import MainWindow

EXPLAIN_AT_MOST = 20_000  # suggestions whose explanations the raw view's tooltips get (beyond: none, for speed)


class PageDisplay:
    def __init__(self, controller: Controller, window: MainWindow, suggestions: SuggestionModel,
                 outline: OutlineModel, pages: PagesModel, selection: SelectionSync, settings: Settings,
                 translations: Translations | None, after: Callable[[], None] = lambda: None):
        self.c = controller
        self.w = window
        self.suggestions = suggestions
        self.outline = outline
        self.pages = pages
        self.selection = selection
        self.settings = settings
        self.translations = translations
        self.after = after  # the commands' states follow what is shown
        self.showing_order = bool(settings.get("view/reading_order"))
        self._shown_page: Page | None = None  # the Page object shown (OCR swaps it when the reading ends)
        self._explained: Analysis | None = None  # the analysis whose explanations the raw view holds
        self._explain: dict[str, str] = {}

    # -- the controller's events
    def pages_changed(self) -> None:
        self.pages.refresh()
        self.w.select_page(self.c.current_id)
        self.after()
        self.update_title()

    def current_changed(self, state: PageState | None) -> None:
        self.w.select_page(state.id if state else None)
        self.w.set_placeholder(state is None)
        self.show(state, new_page=True)

    def page_updated(self, state: PageState) -> None:
        if state is self.c.current:  # a page read by OCR gets its text when the reading is done: shown anew
            self.show(state, new_page=self._shown_page is not state.page)

    def update_title(self) -> None:
        state = self.c.current
        self.w.show_page_title(state.name if state else None, bool(state and state.dirty))

    # -- drawing
    def show(self, state: PageState | None, new_page: bool) -> None:
        if self.w.commit_typing():
            return  # the typing just recorded redrew the page already
        if new_page:
            self.selection.new_page()
            self.w.reset_suggestion_filters()  # a filter chosen for another page would hide this one's suggestions
            self.w.show_page(state.page if state else None)
            self._shown_page = state.page if state else None
        self._list_suggestions(state)
        self.update_title()
        if state is None or state.view is None:
            self.w.show_view(None, state.page if state else None,
                             decisions=state.decisions if state else Decisions())
            self.outline.set_clean(None)
            self.w.show_article(None, None)
        else:
            self._show_analysis(state, new_page)
        self.after()

    def _list_suggestions(self, state: PageState | None) -> None:
        if self.suggestions.state is not state or self.suggestions.analysis is not (state and state.analysis):
            self.suggestions.set_page(state)
        else:
            self.suggestions.refresh()

    def _show_analysis(self, state: PageState, new_page: bool) -> None:
        assert state.ready is not None
        ready = state.ready
        self.w.show_view(ready.view, state.page, self._explanations(state, new_page), state.decisions)
        self.w.show_cut_blocks([(b.start, b.end) for b in self.c.pieces(state.clipboard or [])])
        self.outline.set_clean(ready.clean, state.id)
        if self.w.reading_order_visible() or self.showing_order:
            self.refresh_order(state)
        n = len(ready.clean.articles)
        index = self.selection.article_index
        if index is None or index >= n:
            index = 0 if n else None
        place = self.selection.follow_cursor(state)
        self.selection.show_article(place.article if place is not None else index)
        if place is not None:
            self.w.show_place(place, scroll=False)

    def _explanations(self, state: PageState, new_page: bool) -> dict[str, str]:
        """The raw view's tooltips, once per analysis: they hold no decisions."""
        analysis = state.analysis
        if analysis is not None and (new_page or self._explained is not analysis):
            self._explained = analysis
            many = len(analysis.suggestions) >= EXPLAIN_AT_MOST
            self._explain = {} if many else {s.id: self.c.explain(s, state.page) for s in analysis.suggestions}
        return self._explain

    # -- View › Reading order, Show changes, Language
    def show_reading_order(self, shown: bool) -> None:
        self.showing_order = bool(shown)
        self.settings.set("view/reading_order", self.showing_order)
        self.w.show_reading_order(self.showing_order)
        state = self.c.current
        if self.showing_order and state is not None and state.view is not None:
            self.refresh_order(state)

    def refresh_order(self, state: PageState) -> None:
        if state.view is not None:
            self.w.show_order(state.view, state.clean, state.id, dict(state.decisions.roles),
                              self.selection.pointer.chosen)

    def show_changes(self, shown: bool) -> None:
        self.selection.set_showing_changes(shown)

    def set_language(self, language: str) -> None:
        if self.translations is not None and not self.translations.set_language(language):
            self.w.show_error(_tr("Presenter", "The Chinese translation file is missing."))
        self.c.language = language
        self.settings.set("ui/language", language)
        self.w.check_language(language)
        self.w.retranslate()
        self.suggestions.retranslate()
        self.outline.retranslate()
        self.pages.refresh()
        state = self.c.current
        if state is not None and state.view is not None:
            self.show(state, new_page=False)
