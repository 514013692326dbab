"""The glue between the controller (pure) and the window (passive): events in, intents out.

It subscribes to the controller's events and redraws the window's parts; it
turns the window's signals and the action handlers into controller calls,
reading the view only for plain values (the selected suggestion, the cursor's
raw offset).  It also keeps the panes in step: a suggestion, a raw line or an
article paragraph selected in one place is shown in the others, using the
provenance of the clean text (``Text.runs``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoGroup

from ..core import KexieError
from .controller import Controller, PageState
from .derive import LAYER_DUPLICATE, PART_BYLINE, PART_SUBTITLE, PART_TITLE, Place, part_text, suggestion_offset
from .i18n import Translations, _tr
from .models import OutlineModel, PagesModel, SuggestionModel
from .settings import Settings
from .undo import UndoRecorder
from .window import MainWindow

EXPORT_FORMATS = ("docx", "md")  # what the window offers; the export package may know more


def load_exporter():
    """The export package, or None when it cannot be imported (the menu entry is then disabled)."""
    try:
        from .. import export
    except Exception:  # noqa: BLE001 - any import failure means: no export in this build
        return None
    if not hasattr(export, "write_page") or not hasattr(export, "FORMATS"):
        return None
    return export


class Presenter:
    def __init__(self, controller: Controller, window: MainWindow, suggestions: SuggestionModel,
                 outline: OutlineModel, pages: PagesModel, recorder: UndoRecorder, undo_group: QUndoGroup,
                 settings: Settings, translations: Translations | None, exporter=None):
        self.c = controller
        self.w = window
        self.suggestions = suggestions
        self.outline = outline
        self.pages = pages
        self.recorder = recorder
        self.undo_group = undo_group
        self.settings = settings
        self.translations = translations
        self.exporter = exporter
        self.cursor_offset: int | None = None  # raw offset the structure commands act on
        self.article_index: int | None = None
        self._shown_id: str | None = None
        self._syncing = False

        c, w = controller, window
        c.pages_changed.connect(self._pages_changed)
        c.current_changed.connect(self._current_changed)
        c.page_updated.connect(self._page_updated)
        c.busy_changed.connect(w.set_busy)
        c.error.connect(w.show_error)
        c.notice.connect(w.show_notice)
        w.files_dropped.connect(self.open_paths)
        w.language_chosen.connect(self.set_language)
        w.raw.offset_clicked.connect(self.raw_clicked)
        w.article.place_clicked.connect(self.place_clicked)
        w.article.edit_requested.connect(self.edit_place)
        w.suggestions.suggestion_selected.connect(self.suggestion_selected)
        w.pages.page_selected.connect(c.select_page)
        w.outline.selectionModel().currentChanged.connect(self._outline_current)
        outline.move_requested.connect(self.move_parts)
        w.history.setGroup(undo_group)
        w.closing.connect(self._closing)

    # -- handlers of the actions table
    def handlers(self) -> dict[str, Callable]:
        h = {
            "open": self.ask_open, "open_folder": self.ask_open_folder, "close_page": self.close_page,
            "mark_done": self.mark_done, "quit": self.w.close,
            "undo": self.recorder.undo, "redo": self.recorder.redo, "edit_text": self.edit_at_cursor,
            "next": lambda: self.step(1), "previous": lambda: self.step(-1),
            "accept": lambda: self.decide(True), "reject": lambda: self.decide(False),
            "reopen": lambda: self.decide(None, advance=False),
            "accept_kind": lambda: self.decide_kind(True), "reject_kind": lambda: self.decide_kind(False),
            "split": self.split, "merge": self.merge, "restore": self.restore,
            "cut_block": self.cut_block, "paste_block": self.paste_block,
            "shortcuts": self.w.show_shortcuts, "about": self.w.show_about,
        }
        for role in ("title", "subtitle", "kicker", "byline", "body", "furniture"):
            h[f"role_{role}"] = lambda r=role: self.set_role(r)
        if self.exporter is not None:
            h["export"] = self.export
        return h

    def after_actions(self) -> None:
        """Hook up action states once the window built them."""
        a = self.w.actions
        self.undo_group.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo_group.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(self.undo_group.canUndo())
        a["redo"].setEnabled(self.undo_group.canRedo())
        if self.exporter is None:
            a["export"].setEnabled(False)
            a["export"].setToolTip(_tr("Presenter", "Export is not available in this installation"))
        self._refresh_recent()
        self._update_actions()

    # -- opening pages
    def open_paths(self, paths: list[str]) -> None:
        before = {p.id for p in self.c.pages}
        result = self.c.open_paths(paths)
        for pid in result.opened:
            if pid not in before:
                self.recorder.stack(pid)
                self.settings.add_recent(pid)
        if result.opened:
            self.settings.set("files/last_open_folder", os.path.dirname(result.opened[0]))
            self._refresh_recent()
        if not result.errors:
            self.w.message_bar.hide()

    def ask_open(self) -> None:
        files = self.w.ask_open_files(self.settings.get("files/last_open_folder"))
        if files:
            self.open_paths(files)

    def ask_open_folder(self) -> None:
        folder = self.w.ask_folder(self.settings.get("files/last_open_folder"))
        if folder:
            self.open_paths([folder])

    def _refresh_recent(self) -> None:
        def clear():
            self.settings.set("files/recent", [])
            self._refresh_recent()

        self.w.set_recent(self.settings.get("files/recent"), lambda p: self.open_paths([p]), clear)

    def close_page(self) -> None:
        state = self.c.current
        if state is not None:
            self.recorder.forget(state.id)
            self.c.close_page(state.id)

    def mark_done(self, done: bool | None = None) -> None:
        state = self.c.current
        if state is None:
            return
        self.c.set_done(state.id, (not state.done) if done is None else bool(done))
        self._update_actions()

    # -- controller events
    def _pages_changed(self) -> None:
        self.pages.refresh()
        self.w.pages.select(self.c.current_id)
        self._update_actions()

    def _current_changed(self, state: PageState | None) -> None:
        self.recorder.activate(state.id if state else None)
        self.w.pages.select(state.id if state else None)
        self._show(state, new_page=True)

    def _page_updated(self, state: PageState) -> None:
        if state is self.c.current:
            self._show(state, new_page=self._shown_id != state.id)

    def _show(self, state: PageState | None, new_page: bool) -> None:
        w = self.w
        if new_page:
            self.cursor_offset = None
            self.article_index = None
            w.raw.set_text(state.page.text if state else "")
            self._shown_id = state.id if state else None
        if self.suggestions.state is not state or self.suggestions.analysis is not (state and state.analysis):
            self.suggestions.set_page(state)
        else:
            self.suggestions.refresh()
        w.setWindowTitle(f"{state.name} — kexie" if state else "kexie")
        if state is None or state.view is None:
            w.raw.set_view(None, None)
            self.outline.set_clean(None)
            w.article.show_article(None, None)
            self._update_actions()
            return
        explain = {s.id: self.c.explain(s) for s in state.analysis.suggestions} if len(
            state.analysis.suggestions) < 20000 else {}
        w.raw.set_view(state.view, state.lines, explain)
        self.outline.set_clean(state.clean, state.id)
        n = len(state.clean.articles)
        if self.article_index is None or self.article_index >= n:
            self.article_index = 0 if n else None
        self._show_article(self.article_index)
        self._update_actions()

    def _show_article(self, index: int | None, select_outline: bool = True) -> None:
        state = self.c.current
        article = state.clean.articles[index] if state and state.clean and index is not None else None
        self.article_index = index if article is not None else None
        self.w.article.show_article(article, self.article_index)
        current = self.w.outline.selectionModel().currentIndex()
        if select_outline and self.article_index is not None and not (
                current.isValid() and self.outline.place(current) == (self.article_index, -1)):
            self._syncing = True
            try:
                self.w.outline.selectionModel().setCurrentIndex(
                    self.outline.index(self.article_index, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._syncing = False

    def _update_actions(self) -> None:
        a = self.w.actions
        if not a:
            return
        state = self.c.current
        ready = state is not None and state.view is not None
        for name in ("next", "previous", "accept", "reject", "reopen", "accept_kind", "reject_kind", "split",
                     "merge", "restore", "cut_block", "paste_block", "edit_text", "mark_done",
                     "role_title", "role_subtitle", "role_kicker", "role_byline", "role_body", "role_furniture"):
            a[name].setEnabled(ready)
        a["close_page"].setEnabled(state is not None)
        a["paste_block"].setEnabled(ready and self.c.clipboard is not None)
        a["mark_done"].setChecked(bool(state and state.done))
        if self.exporter is not None:
            a["export"].setEnabled(any(p.clean is not None for p in self.c.pages))

    # -- selection in step across the panes
    def suggestion_selected(self, suggestion_id: str) -> None:
        state = self.c.current
        if state is None or state.view is None or self._syncing:
            return
        s = state.analysis.suggestion(suggestion_id)
        offset = suggestion_offset(s)
        place = None
        block = state.view.block_at(offset)
        if block is not None:
            place = state.view.provenance.locate_near(offset, block.start, block.end)
        if place is None and s.kind == LAYER_DUPLICATE and s.get("keep"):
            keep = state.view.block(s.get("keep"))  # a dropped repeat: show where its kept copy went
            if keep is not None:
                place = state.view.provenance.locate_near(keep.start, keep.start, keep.end)
        self.cursor_offset = offset
        self.w.raw.show_ranges(list(s.ranges))
        self._reveal(place)
        self.w.position.setText(_tr("Presenter", "Line {line}").format(line=state.line_of(offset)))

    def _reveal(self, place: Place | None) -> None:
        if place is None:
            return
        if place.article != self.article_index:
            self._show_article(place.article)
        self.w.article.show_place(place)

    def raw_clicked(self, offset: int) -> None:
        state = self.c.current
        if state is None or state.view is None:
            return
        self.cursor_offset = offset
        block = state.view.block_at(offset)
        line = state.line_of(offset)
        text = _tr("Presenter", "Line {line}").format(line=line)
        place = None
        if block is not None:
            place = state.view.provenance.locate_near(offset, block.start, block.end)
            if place is None:
                removed = next((r for r in state.clean.removed if r.block == block.id), None)
                if removed is not None:
                    text += " · " + _tr("Presenter", "removed ({why})").format(why=self.c.role_label(removed.reason))
        if place is not None:
            text += " · " + self._place_text(place)
            if place.article != self.article_index:
                self._show_article(place.article)
            self.w.article.show_place(place)
            self.w.raw.show_ranges(self._part_ranges(state, place), char=None)
        self.w.position.setText(text)

    def place_clicked(self, place: Place) -> None:
        state = self.c.current
        if state is None or state.view is None:
            return
        raw = state.view.provenance.raw_offset(place)
        if raw is not None:
            self.cursor_offset = raw
        self.w.raw.show_ranges(self._part_ranges(state, place), char=raw)
        self.w.article.show_place(place, scroll=False)
        self.w.position.setText(self._place_text(place) + (
            " · " + _tr("Presenter", "Line {line}").format(line=state.line_of(raw)) if raw is not None else ""))

    def _place_text(self, place: Place) -> str:
        part = place.part
        if part == PART_TITLE:
            what = _tr("Presenter", "title")
        elif part == PART_SUBTITLE:
            what = _tr("Presenter", "subtitle")
        elif part == PART_BYLINE:
            what = _tr("Presenter", "byline")
        else:
            what = _tr("Presenter", "paragraph {n}").format(n=part + 1)
        return _tr("Presenter", "article {n}, {what}").format(n=place.article + 1, what=what)

    def _part_ranges(self, state: PageState, place: Place) -> list[tuple[int, int]]:
        text = part_text(state.clean.articles[place.article], place.part)
        return [(r0, r0 + n) for _, r0, n in getattr(text, "runs", ())]

    def _outline_current(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        article, paragraph = self.outline.place(current)
        state = self.c.current
        if state is None or state.clean is None:
            return
        if article != self.article_index:
            self._show_article(article, select_outline=False)
        place = Place(article, paragraph if paragraph >= 0 else PART_TITLE, 0)
        self.w.article.show_place(place)
        raw = state.view.provenance.raw_offset(place)
        if raw is not None:
            self.cursor_offset = raw
            self.w.raw.show_ranges(self._part_ranges(state, place))

    # -- decisions
    def decide(self, accepted: bool | None, advance: bool = True) -> None:
        sid = self.w.suggestions.current_id()
        if sid is None:
            self.step(1)
            return
        self.c.decide(sid, accepted)
        if advance:
            nxt = self.c.neighbour_open(sid, 1, self._visible)
            if nxt:
                self.w.suggestions.select(nxt)
                return
        self.w.suggestions.select(sid, notify=False)

    def decide_kind(self, accepted: bool) -> None:
        state = self.c.current
        if state is None or state.analysis is None:
            return
        kind = self.w.suggestions.proxy.kind
        sid = self.w.suggestions.current_id()
        if not kind and sid:
            kind = state.analysis.suggestion(sid).kind
        if not kind:
            self.w.show_notice(_tr("Presenter", "Select a suggestion or a kind first."))
            return
        n = self.c.decide_kind(kind, accepted)
        self.w.show_notice(_tr("Presenter", "{n} suggestion(s) decided.").format(n=n))

    def _visible(self, suggestion) -> bool:
        state = self.c.current
        return state is not None and self.w.suggestions.proxy.accepts(suggestion, state)

    def step(self, direction: int) -> None:
        nxt = self.c.neighbour_open(self.w.suggestions.current_id(), direction, self._visible)
        if nxt is None:
            self.w.show_notice(_tr("Presenter", "No open suggestion left."))
            return
        self.w.suggestions.select(nxt)

    # -- structure
    def _offset(self) -> int | None:
        if self.cursor_offset is None:
            self.w.show_notice(_tr("Presenter", "Click in the raw page or the article text first."))
        return self.cursor_offset

    def _block_id(self) -> str | None:
        offset = self._offset()
        if offset is None:
            return None
        block = self.c.block_at(offset)
        if block is None:
            self.w.show_notice(_tr("Presenter", "The cursor is not inside a text block."))
            return None
        return block.id

    def split(self) -> None:
        offset = self._offset()
        if offset is not None:
            self.c.split_at(offset)

    def merge(self) -> None:
        if self.article_index is not None:
            self.c.merge_with_previous(self.article_index)

    def set_role(self, role: str) -> None:
        bid = self._block_id()
        if bid:
            self.c.set_role(bid, role)

    def restore(self) -> None:
        bid = self._block_id()
        if bid:
            self.c.restore_block(bid)

    def cut_block(self) -> None:
        bid = self._block_id()
        if bid:
            self.c.cut_block(bid)
            self._update_actions()

    def paste_block(self) -> None:
        bid = self._block_id()
        if bid:
            self.c.paste_before(bid)
            self._update_actions()

    def move_parts(self, items: list, article: int, paragraph: int) -> None:
        """Paragraphs dragged in the outline: their blocks go before the target paragraph (or article end)."""
        state = self.c.current
        if state is None or state.clean is None:
            return
        blocks: list[str] = []
        for a, p in items:
            blocks += [b for b in self.c.paragraph_blocks(a, p) if b not in blocks]
        arts = state.clean.articles
        if 0 <= paragraph < len(arts[article].paragraphs):
            before = arts[article].paragraph_keys[paragraph]
        elif article + 1 < len(arts):
            before = arts[article + 1].blocks[0] if arts[article + 1].blocks else arts[article + 1].key
        else:
            before = ""
        self.c.move_blocks(blocks, before)

    # -- hand edits
    def edit_at_cursor(self) -> None:
        place = self.w.article.place_at_cursor()
        if place is None and self.article_index is not None:
            place = Place(self.article_index, PART_TITLE, 0)
        if place is not None:
            self.edit_place(place)

    def edit_place(self, place: Place) -> None:
        state = self.c.current
        if state is None or state.clean is None:
            return
        text = str(part_text(state.clean.articles[place.article], place.part) or "")
        new = self.w.ask_edit(self._place_text(place), text)
        if new is not None:
            self.c.edit_text(place, new)

    # -- export
    def export(self) -> None:
        if self.exporter is None:
            return
        formats = [f for f in EXPORT_FORMATS if f in self.exporter.FORMATS]
        done = sum(1 for p in self.c.pages if p.done and p.clean)
        folder = self.settings.get("files/last_export_folder") or (
            os.path.dirname(self.c.current.path) if self.c.current else str(Path.home()))
        choice = self.w.ask_export(formats, folder, self.settings.get("export/format"), done,
                                   bool(self.c.current and self.c.current.clean))
        if choice is None:
            return
        self.export_to(choice.scope, choice.format, choice.folder)

    def export_to(self, scope: str, fmt: str, folder: str) -> list[Path]:
        """Write the pages; asks before replacing files.  Returns the paths written."""
        if not folder or not os.path.isdir(folder):
            self.w.show_error(_tr("Presenter", "{folder}: the export folder does not exist").format(folder=folder))
            return []
        plan = self.c.export_plan(scope, self.exporter.EXTENSIONS.get(fmt, "." + fmt)
                                  if hasattr(self.exporter, "EXTENSIONS") else "." + fmt, folder)
        if not plan:
            self.w.show_notice(_tr("Presenter", "Nothing to export."))
            return []
        existing = [p for _, p in plan if p.exists()]
        force = False
        if existing:
            names = "\n".join(p.name for p in existing[:10]) + ("\n…" if len(existing) > 10 else "")
            question = _tr("Presenter", "These files exist already:") + "\n" + names + "\n\n" + _tr(
                "Presenter", "Replace them?")
            if not self.w.ask_yes_no(_tr("Presenter", "Replace files?"), question):
                return []
            force = True
        written, errors = [], []
        for state, path in plan:
            try:
                written.append(Path(self.exporter.write_page(state.clean, fmt, path, force=force)))
            except KexieError as exc:
                errors.append(str(exc))
            except OSError as exc:
                errors.append(f"{path}: {exc.strerror or exc}")
        self.settings.set("files/last_export_folder", folder)
        self.settings.set("export/format", fmt)
        if errors:
            self.w.show_error("\n".join(errors))
        if written:
            self.w.show_notice(_tr("Presenter", "Exported {n} file(s) to {folder}").format(n=len(written),
                                                                                          folder=folder))
        return written

    # -- language
    def set_language(self, language: str) -> None:
        if self.translations is not None:
            if not self.translations.set_language(language):
                self.w.show_error(_tr("Presenter", "The Chinese translation file is missing."))
        self.c.language = language
        self.settings.set("ui/language", language)
        for a in self.w.language_group.actions():
            a.setChecked(a.data() == language)
        self.w.retranslate()
        self.suggestions.retranslate()
        self.outline.retranslate()
        self.pages.refresh()
        state = self.c.current
        if state is not None and state.view is not None:
            self._show(state, new_page=False)

    def _closing(self) -> None:
        self.settings.sync()
