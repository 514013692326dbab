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
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoGroup

from ..core import Decisions, KexieError
from ..core.encoding import COMMON_ENCODINGS, codec_name
from ..resources_path import sample_page
from ..session import session_path_for
from .autosaver import Autosaver
from .changes import tracked_article
from .controller import FROM_RECOVERY, FROM_RELOAD, Controller, PageState, Restored, page_files
from .derive import (
    LAYER_DUPLICATE,
    PART_BYLINE,
    PART_SUBTITLE,
    PART_TITLE,
    Place,
    edit_key,
    part_text,
    suggestion_offset,
)
from .exporting import EXPORT_FORMATS, ExportFlow, LazyExporter, load_exporter  # noqa: F401
from .i18n import Translations, _tr
from .models import OutlineModel, PagesModel, SuggestionModel
from .settings import Settings
from .structureflow import Pointer, StructureFlow
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
        self._recovered: list[tuple] = []  # pages recovered by the last open: (name, decisions, note, details)
        self._explained = None  # the analysis whose explanations the raw view holds
        self._explain: dict[str, str] = {}
        self.showing_order = bool(settings.get("view/reading_order"))
        self.showing_changes = False
        self.pointer = Pointer()  # where the editor pointed last: what the structure commands act on
        self.structure = StructureFlow(controller, window, self.pointer, after=lambda: self._update_actions())
        self.article_index: int | None = None
        self._shown_id: str | None = None
        self._shown_page = None  # the Page object shown (OCR swaps it when the reading ends)
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
        w.raw.selection_changed.connect(self.raw_selected)
        w.page_view.offset_clicked.connect(lambda offset: self.raw_clicked(offset, on_page=True))
        w.page_view.move_requested.connect(lambda block, before: self.c.move_blocks([block], before))
        c.progress.connect(w.ocr_progress.report)  # from the OCR worker thread; the widget queues it
        w.ocr_progress.cancel_requested.connect(c.cancel_reading)
        w.article.place_clicked.connect(self.place_clicked)
        w.article.edit_requested.connect(self.edit_place)
        w.article.text_edited.connect(self.text_edited)
        w.article.split_requested.connect(self.split_paragraph)
        w.article.join_requested.connect(self.join_paragraph)
        w.article.suggestion_clicked.connect(lambda sid: self.w.suggestions.select(sid))
        w.article.refused.connect(w.show_notice)
        w.context_menu_requested.connect(self.context_menu)
        w.reading_order.pieces_chosen.connect(self.pieces_chosen)
        w.reading_order.step_requested.connect(self.order_step)
        w.order_model.move_requested.connect(self.order_move)
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
        st = self.structure
        h = {
            "open": self.ask_open, "open_folder": self.ask_open_folder, "close_page": self.close_page,
            "reopen_encoding": self.reopen_with_encoding,
            "save": self.save,
            "mark_done": self.mark_done, "quit": self.w.close,
            "undo": lambda: self._through_history(self.recorder.undo),
            "redo": lambda: self._through_history(self.recorder.redo), "edit_text": self.edit_at_cursor,
            "doubtful_first": self.set_doubtful_first, "reading_order": self.show_reading_order,
            "track_changes": self.show_changes,
            "next": lambda: self.step(1), "previous": lambda: self.step(-1),
            "accept": lambda: self.decide(True), "reject": lambda: self.decide(False),
            "reopen": lambda: self.decide(None, advance=False),
            "accept_kind": lambda: self.decide_kind(True), "reject_kind": lambda: self.decide_kind(False),
            "split": st.split, "merge": st.merge, "restore": st.restore,
            "cut_block": st.cut, "paste_block": st.paste, "split_lines": st.split_lines,
            "split_block": st.split_block, "join": st.join, "one_title": st.one_title, "join_lines": st.join_lines,
            "uninterleave": st.uninterleave, "move_up": lambda: st.move(-1), "move_down": lambda: st.move(1),
            "shortcuts": self.w.show_shortcuts, "about": self.w.show_about,
        }
        for role in ("title", "subtitle", "kicker", "byline", "body", "furniture"):
            h[f"role_{role}"] = lambda r=role: st.set_role(r)
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
        if self.settings.get("review/doubtful_first"):
            a["doubtful_first"].setChecked(True)
            self.w.suggestions.set_doubtful_first(True)
        if self.showing_order:
            a["reading_order"].setChecked(True)
            self.show_reading_order(True)
        self._update_actions()

    # -- opening pages
    def open_paths(self, paths: list[str], restore=None):
        """Open pages (drop, File › Open, command line, Finder); ``restore`` as in ``Controller.open_paths``.

        A page with unsaved work in an autosave (the editor chose "Decide
        later" on start) is not opened over it: the editor recovers or discards it first.
        """
        self.w.message_bar.hide()  # what opening has to say (errors, restored sessions) shows anew
        self._recovered = []
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
        self._tell_reading([self.c.page(pid) for pid in result.opened])
        return result

    def _tell_reading(self, states) -> None:
        """A banner saying how pages were read, when anything was guessed, forced, replaced or dropped."""
        notes = [(s, s.page.reading) for s in states if s is not None and s.page.reading is not None
                 and s.page.reading.worth_a_word]
        if not notes:
            return
        text = "\n".join(f"{s.name}: {r.describe(self.c.language)}" for s, r in notes[:5])
        text += "\n…" if len(notes) > 5 else ""
        self._add_to_banner(text, warn=any(r.uncertain or r.lossy for _, r in notes))

    def _add_to_banner(self, text: str, warn: bool) -> None:
        """Show ``text``, or add it to what the banner says already (an error, a restored session)."""
        bar = self.w.message_bar
        if text in bar.text():
            return
        if bar.text():
            bar.label.setText(bar.label.text() + "\n" + text)
        else:
            (self.w.show_warning if warn else self.w.show_info)(text)

    def reopen_with_encoding(self) -> None:
        """File › Reopen with encoding…: read the shown page again in the encoding the editor names."""
        state = self.c.current
        if state is None or state.page.reading is None:  # a PDF or image page has no encoding to choose
            return
        current = state.encoding or (state.page.reading.encoding if state.page.reading else "utf-8")
        name = self.w.ask_encoding(state.name, current, list(COMMON_ENCODINGS))
        if not name:
            return
        if codec_name(name) is None:
            self.w.show_error(_tr("Presenter", "{name} is not an encoding kexie knows.").format(name=name))
            return
        state.encoding = name
        self.reload_page(state.id)

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
                n=state.decisions.count, name=state.name, path=path))
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
        problems = (_tr("Presenter", "Some autosave files could not be read; each was set aside and kept, and "
                        "the others are offered:") + "\n" + "\n".join(store.problems)) if store.problems else ""
        if problems:
            self.w.show_warning(problems)
        if not recoveries:
            return None
        zh = self.c.language == "zh"
        answer = self.w.ask_recover([r.describe_zh() if zh else r.describe() for r in recoveries], crashed)
        if answer == "recover":
            restore = {r.page_path: r.restore for r in recoveries if r.page_path}
            self.open_paths(list(restore), restore=restore)
            if problems:
                self._add_to_banner(problems, warn=True)  # still said after what recovering says
        elif answer == "discard":
            for r in recoveries:
                try:
                    store.discard(r.page_key)
                except KexieError as exc:
                    self.w.show_error(str(exc))
        return answer

    def _restored(self, state: PageState, restored: Restored) -> None:
        """Say what opening (or reloading) a page did with its earlier decisions, and how it was read."""
        self._say_restored(state, restored)
        if self.w.message_bar.text() or restored.source == FROM_RELOAD:
            self._tell_reading([state])

    def _say_restored(self, state: PageState, restored: Restored) -> None:
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
            # several pages come back one after the other: the banner names them all
            self._recovered.append((state.name, r.restored, summary if restored.worth_a_look else "", details))
            pages = self._recovered
            if len(pages) == 1:
                text = _tr("Presenter", "Recovered {n} unsaved decision(s) of {name}.").format(n=r.restored,
                                                                                              name=state.name)
            else:
                text = _tr("Presenter", "Recovered the unsaved decisions of {n} pages:").format(n=len(pages)) + " " \
                    + ", ".join(f"{name} ({n})" for name, n, _, _ in pages) + "."
            notes = " ".join(x for _, _, x, _ in pages if x)
            all_details = "\n".join(f"{name}:\n{d}" for name, _, _, d in pages if d)
            if notes:
                self.w.show_warning(text + " " + notes, all_details)
            else:
                self.w.show_info(text, all_details)
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
        """Page › Done; with suggestions not reviewed yet it asks first and says how many."""
        state = self.c.current
        if state is None:
            return
        done = (not state.done) if done is None else bool(done)
        if done and state.analysis is not None and state.open_count:
            doubtful = sum(1 for s in state.analysis.suggestions if state.is_open(s) and s.confidence < 0.6)
            text = _tr("Presenter", "{n} suggestion(s) on {name} are still open (you have not accepted or rejected "
                       "them; {d} of them doubtful). Open ones apply as proposed.").format(
                n=state.open_count, name=state.name, d=doubtful) + "\n\n" + _tr(
                "Presenter", "Mark the page done anyway?")
            if not self.w.ask_yes_no(_tr("Presenter", "Mark page done?"), text):
                self._update_actions()
                return
        self.c.set_done(state.id, done)
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
            # a page read by OCR gets its text when the reading is done: shown anew
            self._show(state, new_page=self._shown_id != state.id or self._shown_page is not state.page)

    def _show(self, state: PageState | None, new_page: bool) -> None:
        w = self.w
        if w.article.pending and w.article.commit():
            return  # the typing just recorded redrew the page already
        if new_page:
            self.pointer.clear()
            self.article_index = None
            w.position.clear()  # the last page's position means nothing here
            w.suggestions.reset_filters()  # a filter chosen for another page would hide this one's suggestions
            w.raw.set_text(state.page.text if state else "")
            w.raw_pane.show_page(state.page if state else None)
            self._shown_id = state.id if state else None
            self._shown_page = state.page if state else None
        if self.suggestions.state is not state or self.suggestions.analysis is not (state and state.analysis):
            self.suggestions.set_page(state)
        else:
            self.suggestions.refresh()
        self._update_title()
        w.page_view.set_state(state.page if state else None, state.view if state else None,
                              state.decisions if state else Decisions())
        if state is None or state.view is None:
            w.raw.set_view(None, None)
            self.outline.set_clean(None)
            w.article.show_article(None, None)
            self._update_actions()
            return
        if new_page or self._explained is not state.analysis:  # once per page: it holds no decisions
            self._explained = state.analysis
            self._explain = {s.id: self.c.explain(s, state.page) for s in state.analysis.suggestions} if len(
                state.analysis.suggestions) < 20000 else {}
        w.raw.set_view(state.view, state.page, self._explain)
        w.raw.set_pending(self._pending_ranges(state))
        self.outline.set_clean(state.clean, state.id)
        if w.order_dock.isVisible() or self.showing_order:
            self._refresh_order(state)
        n = len(state.clean.articles)
        if self.article_index is None or self.article_index >= n:
            self.article_index = 0 if n else None
        place = self._follow_cursor(state)
        self._show_article(place.article if place is not None else self.article_index)
        if place is not None:
            self.w.article.show_place(place, scroll=False)
        self._update_actions()

    def _follow_cursor(self, state: PageState) -> Place | None:
        """After a change the cursor's text may sit in another article: the status bar and merge follow it."""
        offset = self.pointer.offset
        if offset is None or state.view is None:
            return None
        block = state.view.block_at(offset)
        place = state.view.provenance.locate_near(offset, block.start, block.end) if block is not None else None
        self.pointer.article = place.article if place is not None else None
        self._say_where(state, offset, place)
        return place

    def _show_article(self, index: int | None, select_outline: bool = True) -> None:
        state = self.c.current
        article = state.clean.articles[index] if state and state.clean and index is not None else None
        self.article_index = index if article is not None else None
        changes = None
        if article is not None and self.showing_changes:
            changes = tracked_article(state.analysis, state.decisions, state.clean, state.view, index)
        self.w.article.show_article(article, self.article_index, changes)
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
        a["reopen_encoding"].setEnabled(state is not None and state.page.reading is not None)  # text pages only
        a["save"].setEnabled(ready)
        a["paste_block"].setEnabled(ready and bool(self.c.clipboard))
        for name in ("split_lines", "split_block", "join", "join_lines", "one_title", "uninterleave", "move_up",
                     "move_down",
                     "track_changes", "reading_order"):
            a[name].setEnabled(ready or name == "reading_order")
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
        self._point(offset, place.article if place is not None else None)
        self._show_ranges(list(s.ranges))
        self._reveal(place)
        self._say_where(state, offset, place)

    def _point(self, offset: int | None, article: int | None, keep_selection: bool = False) -> None:
        self.pointer.offset = offset
        self.pointer.article = article
        self.pointer.chosen = []
        if not keep_selection:
            self.pointer.start = self.pointer.end = 0

    def _say_where(self, state: PageState, offset: int | None, place: Place | None, removed: str = "") -> None:
        """The status bar names the line and the article the cursor is in: what merge and split act on."""
        parts = []
        if offset is not None:
            parts.append(_tr("Presenter", "Line {line}").format(line=state.page.line_of(offset)))
        if place is not None:
            parts.append(self._place_text(place))
        if removed:
            parts.append(removed)
        self.w.position.setText(" · ".join(parts))

    def _reveal(self, place: Place | None) -> None:
        if place is None:
            return
        if place.article != self.article_index:
            self._show_article(place.article)
        self.w.article.show_place(place)

    def _show_ranges(self, ranges: list[tuple[int, int]], char: int | None = None, scroll_raw: bool = True,
                     scroll_page: bool = True) -> None:
        """Select raw ranges in the text view and on the printed page alike; the pane clicked in stays put."""
        self.w.raw.show_ranges(ranges, char=char, scroll=scroll_raw)
        self.w.page_view.show_ranges(ranges, scroll=scroll_page)

    def raw_clicked(self, offset: int, on_page: bool = False) -> None:
        """A click (or cursor move) in the raw page, or on a line of the printed page (``on_page``): show where
        that text went; the pane clicked in never scrolls."""
        state = self.c.current
        if state is None or state.view is None:
            return
        block = state.view.block_at(offset)
        place, removed = None, ""
        if block is not None:
            place = state.view.provenance.locate_near(offset, block.start, block.end)
            if place is None:
                gone = next((r for r in state.clean.removed if r.block == block.id), None)
                if gone is not None:
                    removed = _tr("Presenter", "removed ({why})").format(why=self.c.role_label(gone.reason))
        self._point(offset, place.article if place is not None else None, keep_selection=True)
        if place is not None:
            if place.article != self.article_index:
                self._show_article(place.article)
            self.w.article.show_place(place)
            self._show_ranges(self._part_ranges(state, place), char=None, scroll_raw=on_page, scroll_page=not on_page)
        else:
            self.w.raw.clear_focus()
            self.w.page_view.show_ranges([])
        self._say_where(state, offset, place, removed)

    def raw_selected(self, start: int, end: int) -> None:
        self.pointer.start, self.pointer.end = (start, end) if end > start else (0, 0)
        self.pointer.chosen = []

    def place_clicked(self, place: Place) -> None:
        state = self.c.current
        if state is None or state.view is None:
            return
        raw = state.view.provenance.raw_offset(place)
        self._point(raw if raw is not None else self.pointer.offset, place.article)
        self._show_ranges(self._part_ranges(state, place), char=raw)
        self.w.article.show_place(place, scroll=False)
        self._say_where(state, raw, place)

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
        self._point(raw, article)
        if raw is not None:
            self._show_ranges(self._part_ranges(state, place))
        self._say_where(state, raw, place)

    # -- undo and redo: show what changed
    def _through_history(self, step) -> None:
        state = self.c.current
        before = state.decisions if state is not None else None
        step()
        state = self.c.current
        if state is None or before is None or state.view is None or state.decisions == before:
            return
        after = state.decisions
        old, new = dict(before.choices), dict(after.choices)
        changed = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
        if changed:
            first = next((s.id for s in state.analysis.suggestions if s.id in changed), None)
            if first is not None:
                self.w.suggestions.select(first)  # shows it in both panes, replacing the old highlight
                return
        blocks = [b for b in _changed_blocks(before, after) if state.view.block(b) is not None]
        self.w.raw.clear_focus()
        self.w.page_view.show_ranges([])
        if blocks:
            b = state.view.block(blocks[0])
            place = state.view.provenance.locate_near(b.start, b.start, b.end)
            self._point(b.start, place.article if place else None)
            self._show_ranges([(b.start, b.end)])
            self._reveal(place)
            self._say_where(state, b.start, place)

    def set_doubtful_first(self, value: bool) -> None:
        self.w.suggestions.set_doubtful_first(value)
        self.settings.set("review/doubtful_first", bool(value))

    # -- decisions
    def decide(self, accepted: bool | None, advance: bool = True) -> None:
        sid = self.w.suggestions.current_id()
        if sid is None:
            self.step(1)
            return
        self.c.decide(sid, accepted)
        if advance:
            nxt = self.c.neighbour_open(sid, 1, self._visible, self.w.suggestions.order)
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
        nxt = self.c.neighbour_open(self.w.suggestions.current_id(), direction, self._visible,
                                    self.w.suggestions.order)
        if nxt is None:
            self.w.show_notice(_tr("Presenter", "No open suggestion left."))
            return
        self.w.suggestions.select(nxt)

    # -- structure (the commands live in structureflow.py)
    @property
    def cursor_offset(self) -> int | None:
        return self.pointer.offset

    @cursor_offset.setter
    def cursor_offset(self, value: int | None) -> None:
        self.pointer.offset = value

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

    # -- reading order (View › Reading order)
    def show_reading_order(self, shown: bool) -> None:
        self.showing_order = bool(shown)
        self.settings.set("view/reading_order", self.showing_order)
        self.w.show_order_dock(self.showing_order)
        self.w.raw.set_show_order(self.showing_order)
        state = self.c.current
        if self.showing_order and state is not None and state.view is not None:
            self._refresh_order(state)

    def _refresh_order(self, state: PageState) -> None:
        model = self.w.order_model
        if model.view is not state.view:
            model.set_view(state.view, state.clean, state.id, dict(state.decisions.roles))
            self.w.reading_order.select_pieces(self.pointer.chosen)

    def pieces_chosen(self, ids: list[str]) -> None:
        """Rows chosen in the reading-order list: the commands act on them; the raw page shows them."""
        state = self.c.current
        if state is None or state.view is None:
            return
        pieces = self.c.pieces(ids)
        if not pieces:
            return
        first = pieces[0]
        place = state.view.provenance.locate_near(first.start, first.start, first.end)
        self._point(first.start, place.article if place is not None else None)
        self.pointer.chosen = list(ids)
        self._show_ranges([(b.start, b.end) for b in pieces])
        self._reveal(place)
        self._say_where(state, first.start, place)

    def order_step(self, step: int) -> None:
        ids = self.w.reading_order.chosen()
        if ids:
            self.pointer.chosen = ids
            self.structure.move(step)
            self.w.reading_order.select_pieces(ids)

    def order_move(self, ids: list[str], before: str) -> None:
        self.c.move_blocks(ids, before)
        self.pointer.chosen = list(ids)
        self.w.reading_order.select_pieces(ids)

    def _pending_ranges(self, state: PageState) -> list[tuple[int, int]]:
        if not state.clipboard or state.view is None:
            return []
        return [(b.start, b.end) for b in self.c.pieces(state.clipboard)]

    # -- Show changes (View › Show changes)
    def show_changes(self, shown: bool) -> None:
        self.showing_changes = bool(shown)
        self._show_article(self.article_index, select_outline=False)

    # -- right-click menus
    RAW_MENU = ("accept", "reject", "reopen", "-", "split", "split_lines", "split_block", "join", "join_lines",
                "one_title", "uninterleave", "-", "roles", "restore", "-", "cut_block", "paste_block", "move_up",
                "move_down")
    ARTICLE_MENU = ("accept", "reject", "reopen", "-", "edit_text", "split", "split_block", "join", "merge", "-",
                    "roles", "restore", "-", "cut_block", "paste_block")
    ORDER_MENU = ("move_up", "move_down", "-", "join", "join_lines", "one_title", "split_lines", "uninterleave", "-",
                  "roles",
                  "restore", "-", "cut_block", "paste_block")

    def context_menu(self, pane: str, pos) -> None:
        """Right-click in a pane: the commands that act there, headed by the suggestion under the cursor."""
        state = self.c.current
        if state is None or state.view is None:
            return
        header = ""
        if pane == "order":
            ids = self.w.reading_order.chosen()
            if ids:
                self.pointer.chosen = ids
        else:
            sid = self.w.suggestions.current_id() if pane == "article" and self.showing_changes else None
            sid = sid or self._suggestion_at(state, self.pointer.offset)
            if sid is not None:
                self.w.suggestions.select(sid, notify=False)
                s = state.analysis.suggestion(sid)
                header = f"{self.c.kind_label(s.kind)}: {self.c.explain(s, state.page)}"
        names = {"raw": self.RAW_MENU, "article": self.ARTICLE_MENU, "order": self.ORDER_MENU}[pane]
        if not header:
            names = tuple(n for n in names if n not in ("accept", "reject", "reopen"))
        self.w.popup_menu(list(names), pos, header)

    def _suggestion_at(self, state: PageState, offset: int | None) -> str | None:
        """The suggestion whose raw range holds ``offset`` (else one on the block there)."""
        if offset is None:
            return None
        block = state.view.block_at(offset)
        best = None
        for s in state.analysis.suggestions:
            if any(a <= offset < z for a, z in s.ranges):
                return s.id
            if best is None and block is not None and s.blocks and s.blocks[0] == block.id:
                best = s.id
        return best

    # -- hand edits
    def before_command(self) -> None:
        """Typing not recorded yet is recorded before any command runs (Ctrl+Z then undoes it, for one)."""
        if self.w.article.pending:
            self.w.article.commit()

    def text_edited(self, place: Place, text: str) -> None:
        self.c.edit_text(place, text)

    def split_paragraph(self, place: Place) -> None:
        """Enter in the article text: cut the paragraph's block right there."""
        state = self.c.current
        if state is None or state.clean is None or not isinstance(place.part, int):
            self.w.show_notice(_tr("Presenter", "Only paragraphs can be cut with Enter."))
            return
        article = state.clean.articles[place.article]
        text = part_text(article, place.part)
        if place.index <= 0 or place.index >= len(text):
            self.w.show_notice(_tr("Presenter", "Put the cursor inside the paragraph, where it should be cut."))
            return
        if edit_key(article, place.part) in dict(state.decisions.edits):
            self.w.show_notice(_tr("Presenter", "This paragraph was retyped; cut it in the raw page "
                                   "(Structure › Cut block at the cursor)."))
            return
        raw = text.raw_offset(place.index)
        if raw is None:
            self.w.show_notice(_tr("Presenter", "Put the cursor before a character of the page to cut there."))
            return
        self.c.split_block_at(raw)

    def join_paragraph(self, place: Place) -> None:
        """Backspace at the start of a paragraph: its first piece continues the piece before it."""
        state = self.c.current
        if state is None or state.clean is None or not isinstance(place.part, int) or place.part == 0:
            self.w.show_notice(_tr("Presenter", "Only a paragraph after another one can be joined to it."))
            return
        article = state.clean.articles[place.article]
        edits = dict(state.decisions.edits)
        if edit_key(article, place.part) in edits or edit_key(article, place.part - 1) in edits:
            self.w.show_notice(_tr("Presenter", "A retyped paragraph cannot be joined; join the blocks in the raw "
                                   "page (Structure › Join with the piece before)."))
            return
        runs = sorted(getattr(article.paragraphs[place.part], "runs", ()))
        piece = state.view.block_at(runs[0][1]) if runs else None
        if piece is not None:
            self.c.join_to_previous(piece.id)

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


def _changed_blocks(before, after) -> list[str]:
    """Ids of the blocks whose hand decisions differ between two decisions values."""
    out = []
    for field_ in ("roles", "edits"):
        a, b = dict(getattr(before, field_)), dict(getattr(after, field_))
        out += [k.split(":", 1)[0] for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
    out += list(set(before.joined) ^ set(after.joined))
    out += [m[0] for m in set(before.moves) ^ set(after.moves)]
    return out


def _written_by_another_window(recovery) -> bool:
    """The autosave belongs to a kexie window that is still running: its work is not lost, leave it alone."""
    return recovery.held_by_another_window()

