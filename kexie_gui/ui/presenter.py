"""The glue between the controller (pure) and the window (passive): events in, intents out.

It subscribes to the controller's events and redraws the window's parts; it
turns the window's signals and the action handlers into controller calls,
reading the view only for plain values (the selected suggestion, the cursor's
raw offset).  It also keeps the panes in step: a suggestion, a raw line or an
article paragraph selected in one place is shown in the others, using the
provenance of the clean text (``Text.runs``).

It also keeps the editor's work safe: File › Save writes the page's session
(the controller's ``save_page``), closing a page or the window with unsaved
decisions asks Save / Discard / Cancel through the window's ``ask_*``
methods, restored sessions are explained (``Controller.restored``), every
change is autosaved (:class:`~kexie_gui.ui.autosaver.Autosaver`), unsaved
work left by a crash is offered back on start (:meth:`Presenter.offer_recovery`)
and open page files are watched for changes on disk
(:class:`~kexie_gui.ui.watcher.PageWatcher`).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoGroup

from ..core import KexieError
from ..resources_path import sample_page
from ..session import session_path_for
from .autosaver import Autosaver
from .controller import FROM_RECOVERY, FROM_RELOAD, Controller, PageState, Restored, page_files
from .exporting import EXPORT_FORMATS, ExportFlow, LazyExporter, load_exporter  # noqa: F401
from .derive import LAYER_DUPLICATE, PART_BYLINE, PART_SUBTITLE, PART_TITLE, Place, part_text, suggestion_offset
from .i18n import Translations, _tr
from .models import OutlineModel, PagesModel, SuggestionModel
from .settings import Settings
from .undo import UndoRecorder
from .watcher import PageWatcher
from .window import MainWindow

class Presenter:
    def __init__(self, controller: Controller, window: MainWindow, suggestions: SuggestionModel,
                 outline: OutlineModel, pages: PagesModel, recorder: UndoRecorder, undo_group: QUndoGroup,
                 settings: Settings, translations: Translations | None, exporter=None,
                 autosaver: Autosaver | None = None, watcher: PageWatcher | None = None):
        self.c = controller
        self.w = window
        self.suggestions = suggestions
        self.outline = outline
        self.pages = pages
        self.recorder = recorder
        self.undo_group = undo_group
        self.settings = settings
        self.translations = translations
        self.export_flow = ExportFlow(controller, window, settings, exporter)
        self.autosaver = autosaver
        self.watcher = watcher
        self._asking: set[str] = set()  # pages whose "changed on disk" question is on screen
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
        w.close_guard = self.may_close
        w.sample_requested.connect(self.open_sample)
        w.open_requested.connect(self.ask_open)
        c.restored.connect(self._restored)
        if autosaver is not None:
            autosaver.failed.connect(self.autosave_failed)
            autosaver.recovered.connect(
                lambda: w.show_notice(_tr("Presenter", "Autosave works again.")))
        if watcher is not None:
            watcher.changed.connect(self.page_file_changed)
            watcher.deleted.connect(self.page_file_deleted)
            watcher.restored.connect(lambda path: w.show_notice(
                _tr("Presenter", "{name} is back on disk.").format(name=os.path.basename(path))))
        w.placeholder.set_sample_available(sample_page().is_file())
        w.set_placeholder(True)

    # -- handlers of the actions table
    def handlers(self) -> dict[str, Callable]:
        h = {
            "open": self.ask_open, "open_folder": self.ask_open_folder, "close_page": self.close_page,
            "save": self.save,
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
        if self.export_flow.available:
            h["export"] = self.export
        return h

    def after_actions(self) -> None:
        """Hook up action states once the window built them."""
        a = self.w.commands
        self.undo_group.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo_group.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(self.undo_group.canUndo())
        a["redo"].setEnabled(self.undo_group.canRedo())
        if not self.export_flow.available:
            a["export"].setEnabled(False)
            a["export"].setToolTip(_tr("Presenter", "Export is not available in this installation"))
        self._refresh_recent()
        self._update_actions()

    # -- opening pages
    def open_paths(self, paths: list[str], restore=None):
        """Open pages (drop, File › Open, command line, Finder); ``restore`` as in ``Controller.open_paths``.

        A page with unsaved work in an autosave (the editor chose "Decide
        later" on start) is not opened over it: the editor recovers or discards it first.
        """
        self.w.message_bar.hide()  # what opening has to say (errors, restored sessions) shows anew
        if restore is None:
            restore = self._unsaved_work_of(paths)
        before = {p.id for p in self.c.pages}
        result = self.c.open_paths(paths, restore=restore)
        for pid in result.opened:
            if pid not in before:
                self.recorder.stack(pid)
                self.settings.add_recent(pid)
                state = self.c.page(pid)
                if self.watcher is not None and state is not None:
                    self.watcher.watch(state.path, state.page.sha256)
        if result.opened:
            self.settings.set("files/last_open_folder", os.path.dirname(result.opened[0]))
            self._refresh_recent()
        return result

    def _unsaved_work_of(self, paths: list[str]) -> dict | None:
        """Autosaved work of pages about to open: recover it (the answer that loses nothing) or discard it."""
        store = self.autosaver.store if self.autosaver is not None else None
        if store is None:
            return None
        files, _ = page_files(paths)
        wanted = {os.path.abspath(f) for f in files} - {p.id for p in self.c.pages}
        if not wanted:
            return None
        found = [r for r in store.pending() if r.page_key in wanted and not _written_by_another_window(r)]
        if not found:
            return None
        zh = self.c.language == "zh"
        if self.w.ask_recover([r.describe_zh() if zh else r.describe() for r in found], False, later=False) \
                == "discard":
            for r in found:
                try:
                    store.discard(r.page_key)
                except KexieError as exc:
                    self.w.show_error(str(exc))
            return None
        return {r.page_key: r.restore for r in found}

    def open_sample(self) -> None:
        self.open_paths([str(sample_page())])

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

    def close_page(self) -> bool:
        """Close the shown page, asking first when it holds unsaved decisions; True when it closed."""
        state = self.c.current
        if state is None:
            return False
        if state.dirty:
            answer = self.w.ask_save_changes([state.name])
            if answer == "cancel" or (answer == "save" and not self.save_pages([state])):
                return False
        if self.autosaver is not None:
            self.autosaver.discard(state.id)  # saved, or thrown away on purpose
        if self.watcher is not None:
            self.watcher.forget(state.path)
        self.recorder.forget(state.id)
        self.c.close_page(state.id)
        return True

    # -- keeping the editor's work
    def save(self) -> bool:
        """File › Save: the shown page's session."""
        state = self.c.current
        if state is None or state.analysis is None:
            self.w.show_notice(_tr("Presenter", "Nothing to save yet."))
            return False
        return self.save_pages([state])

    def save_pages(self, states: list[PageState]) -> bool:
        """Write the sessions of ``states``; a failure is shown and leaves the page unsaved (and autosaved)."""
        errors, saved = [], []
        for state in states:
            if state.analysis is None:
                continue
            try:
                path = self.c.save_page(state.id)
            except KexieError as exc:
                errors.append(str(exc))
                continue
            saved.append((state, path))
            if self.autosaver is not None:
                self.autosaver.saved(state.id)
        if errors:
            self.w.show_error(_tr("Presenter", "Your decisions were not saved (they are still here):") + "\n"
                              + "\n".join(errors))
        elif len(saved) == 1:
            state, path = saved[0]
            self.w.show_notice(_tr("Presenter", "Saved {n} decision(s) of {name} to {path}").format(
                n=_count(state), name=state.name, path=path))
        elif saved:
            self.w.show_notice(_tr("Presenter", "Saved the decisions of {n} pages.").format(n=len(saved)))
        self._update_title()
        return not errors

    def may_close(self) -> bool:
        """The window is closing: ask about unsaved decisions; False keeps it open."""
        dirty = self.c.dirty_pages
        if dirty:
            answer = self.w.ask_save_changes([p.name for p in dirty])
            if answer == "cancel" or (answer == "save" and not self.save_pages(dirty)):
                return False
        if self.autosaver is not None:
            for state in self.c.pages:  # saved, clean, or thrown away on purpose
                self.autosaver.discard(state.id)
        return True

    def offer_recovery(self, crashed: bool = False) -> str | None:
        """On start: offer back the unsaved work autosaves hold; returns the answer (None: nothing to offer)."""
        store = self.autosaver.store if self.autosaver is not None else None
        if store is None:
            return None
        recoveries = [r for r in store.pending() if not _written_by_another_window(r)]
        if store.problems:
            self.w.show_warning(_tr("Presenter", "Some autosave files could not be read; they are kept as they "
                                    "are:") + "\n" + "\n".join(store.problems))
        if not recoveries:
            return None
        zh = self.c.language == "zh"
        answer = self.w.ask_recover([r.describe_zh() if zh else r.describe() for r in recoveries], crashed)
        if answer == "recover":
            restore = {r.page_path: r.restore for r in recoveries if r.page_path}
            self.open_paths(list(restore), restore=restore)
        elif answer == "discard":
            for r in recoveries:
                try:
                    store.discard(r.page_key)
                except KexieError as exc:
                    self.w.show_error(str(exc))
        return answer

    def _restored(self, state: PageState, restored: Restored) -> None:
        """Say what opening (or reloading) a page did with its earlier decisions."""
        if restored.error is not None:
            self.w.show_warning(_tr("Presenter", "{name} opened without its saved decisions: {why}").format(
                name=state.name, why=restored.error))
            return
        r = restored.result
        zh = self.c.language == "zh"
        summary = r.summary_zh() if zh else r.summary()
        details = "\n".join([(x.message_zh if zh else x.message) for x in r.lost] + list(r.notes))
        if restored.source == FROM_RELOAD:
            text = _tr("Presenter", "Reloaded {name} from disk: {restored} of {total} decision(s) carried over, "
                       "{lost} lost.").format(name=state.name, restored=r.restored, total=r.total, lost=len(r.lost))
            (self.w.show_warning if r.lost else self.w.show_info)(text, details)
        elif restored.source == FROM_RECOVERY:
            text = _tr("Presenter", "Recovered {n} unsaved decision(s) of {name}.").format(n=r.restored,
                                                                                          name=state.name)
            if restored.worth_a_look:
                self.w.show_warning(text + " " + summary, details)
            else:
                self.w.show_info(text)
        elif r.found:
            if restored.worth_a_look:
                (self.w.show_warning if r.lost else self.w.show_info)(summary, details)
            else:
                self.w.show_notice(summary)

    def autosave_failed(self, why: str) -> None:
        self.w.show_warning(_tr("Presenter", "Autosave failed; your decisions are still here and kexie will try "
                                "again:") + "\n" + why)

    def page_file_changed(self, path: str) -> None:
        """The page file holds other text now: offer to reload it."""
        state = self.c.page(path)
        if state is None or path in self._asking:
            return
        self._asking.add(path)
        try:
            reload = self.w.ask_reload(state.name, state.dirty)
        finally:
            self._asking.discard(path)
        if reload:
            self.reload_page(state.id)
        else:
            if self.watcher is not None:
                self.watcher.expect(path)  # ask again only when it changes again
            self.w.show_notice(_tr("Presenter", "Kept the text shown; {name} on disk differs from it.").format(
                name=state.name))

    def reload_page(self, page_id: str) -> bool:
        """Read the page again and carry its decisions over (the undo history of the old text is dropped)."""
        state = self.c.page(page_id)
        if state is None:
            return False
        shown, self._shown_id = self._shown_id, None  # the raw view shows the new text
        if not self.c.reload_page(page_id):
            self._shown_id = shown
            return False
        self.recorder.forget(page_id)
        self.recorder.stack(page_id)
        if self.c.current_id == page_id:
            self.recorder.activate(page_id)
        if self.watcher is not None:
            self.watcher.expect(state.path, state.page.sha256)
        return True

    def page_file_deleted(self, path: str) -> None:
        state = self.c.page(path)
        if state is None:
            return
        self.w.show_warning(_tr("Presenter", "{name} was deleted or moved on disk. It stays open here with its "
                                "text and your decisions; File › Save decisions still saves them (to {where}).")
                            .format(name=state.name, where=session_path_for(state.path)))

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
        self._update_title()

    def _update_title(self) -> None:
        state = self.c.current
        self.w.setWindowTitle(f"{state.name}[*] — kexie" if state else "kexie")
        self.w.setWindowModified(bool(state and state.dirty))

    def _current_changed(self, state: PageState | None) -> None:
        self.recorder.activate(state.id if state else None)
        self.w.pages.select(state.id if state else None)
        self.w.set_placeholder(state is None)
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
        self._update_title()
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
        a = self.w.commands
        if not a:
            return
        state = self.c.current
        ready = state is not None and state.view is not None
        for name in ("next", "previous", "accept", "reject", "reopen", "accept_kind", "reject_kind", "split",
                     "merge", "restore", "cut_block", "paste_block", "edit_text", "mark_done",
                     "role_title", "role_subtitle", "role_kicker", "role_byline", "role_body", "role_furniture"):
            a[name].setEnabled(ready)
        a["close_page"].setEnabled(state is not None)
        a["save"].setEnabled(ready)
        a["paste_block"].setEnabled(ready and self.c.clipboard is not None)
        a["mark_done"].setChecked(bool(state and state.done))
        if self.export_flow.available:
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

    # -- export (the flow lives in exporting.py)
    @property
    def exporter(self):
        return self.export_flow.exporter

    def export(self) -> list[Path]:
        return self.export_flow.run()

    def export_to(self, scope: str, fmt: str, folder: str, choice=None) -> list[Path]:
        return self.export_flow.export_to(scope, fmt, folder, choice)

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
        if self.watcher is not None:
            self.watcher.clear()
        if self.autosaver is not None:
            self.autosaver.stop()
            if self.autosaver.store is not None:
                self.autosaver.store.mark_clean_exit()
        self.settings.sync()


def _written_by_another_window(recovery) -> bool:
    """The autosave belongs to a kexie window that is still running: its work is not lost, leave it alone."""
    return recovery.held_by_another_window()


def _count(state: PageState) -> int:
    d = state.decisions
    return len(d.choices) + len(d.roles) + len(d.edits) + len(d.moves) + len(d.splits)
