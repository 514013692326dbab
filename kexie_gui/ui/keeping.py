"""Keeping the editor's work: saving sessions, asking before anything is thrown away, recovering autosaved work,
and page files changed or deleted on disk while open.

File › Save writes the page's session (``Controller.save_page``); closing a
page or the window with unsaved decisions asks Save / Discard / Cancel
through the window's ``ask_*`` methods; what a restored session, a recovery
or a reload did with earlier decisions is said; every change is autosaved
(:class:`~.autosaver.Autosaver`), unsaved work left by a crash is offered
back on start (:meth:`KeepFlow.offer_recovery`) and open page files are
watched on disk (:class:`~.watcher.PageWatcher`).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from ..core import KexieError
from ..session import session_path_for
from .autosaver import Autosaver
from .controller import FROM_RECOVERY, FROM_RELOAD, Controller, OpenResult, PageState, Restore, Restored, page_files
from .i18n import _tr
from .opening import tell_reading
from .undo import UndoRecorder
from .watcher import PageWatcher
from .window import MainWindow

# opens pages with the restore functions given (``OpenFlow.open_paths``)
Opener = Callable[[list[str], Mapping[str, Restore]], OpenResult]


class KeepFlow:
    def __init__(self, controller: Controller, window: MainWindow, recorder: UndoRecorder, open_paths: Opener,
                 autosaver: Autosaver | None = None, watcher: PageWatcher | None = None,
                 after: Callable[[], None] = lambda: None):
        self.c = controller
        self.w = window
        self.recorder = recorder
        self.open_paths = open_paths
        self.autosaver = autosaver
        self.watcher = watcher
        self.after = after  # the window's title follows what is saved
        self.recovered: list[tuple] = []  # pages recovered by the last open: (name, decisions, note, details)
        self._asking: set[str] = set()  # pages whose "changed on disk" question is on screen

    # -- saving
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
        self.after()
        return not errors

    # -- closing
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

    def closing(self) -> None:
        """The window closes: nothing more is watched or autosaved, and the next start knows it ended well."""
        if self.watcher is not None:
            self.watcher.clear()
        if self.autosaver is not None:
            self.autosaver.stop()
            if self.autosaver.store is not None:
                self.autosaver.store.mark_clean_exit()

    # -- recovering autosaved work
    def offer_recovery(self, crashed: bool = False) -> str | None:
        """On start: offer back the unsaved work autosaves hold; returns the answer (None: nothing to offer)."""
        store = self.autosaver.store if self.autosaver is not None else None
        if store is None:
            return None
        recoveries = [r for r in store.pending() if not r.held_by_another_window()]
        problems = (_tr("Presenter", "Some autosave files could not be read; each was set aside and kept, and "
                        "the others are offered:") + "\n" + "\n".join(store.problems)) if store.problems else ""
        if problems:
            self.w.show_warning(problems)
        if not recoveries:
            return None
        answer = self.w.ask_recover([self.c.say(r.message) for r in recoveries], crashed)
        if answer == "recover":
            restore = {r.page_path: r.restore for r in recoveries if r.page_path}
            self.open_paths(list(restore), restore)
            if problems:
                self.w.add_to_banner(problems, warn=True)  # still said after what recovering says
        elif answer == "discard":
            self._discard(recoveries)
        return answer

    def unsaved_work_of(self, paths: list[str]) -> dict[str, Restore] | None:
        """Autosaved work of pages about to open: recover it (the answer that loses nothing) or discard it.

        A page with unsaved work in an autosave (the editor chose "Decide later"
        on start) is never opened over it.
        """
        store = self.autosaver.store if self.autosaver is not None else None
        if store is None:
            return None
        wanted = {os.path.abspath(f) for f in page_files(paths)[0]} - {p.id for p in self.c.pages}
        found = [r for r in store.pending() if r.page_key in wanted and not r.held_by_another_window()] \
            if wanted else []
        if not found:
            return None
        if self.w.ask_recover([self.c.say(r.message) for r in found], False, later=False) == "discard":
            self._discard(found)
            return None
        return {r.page_key: r.restore for r in found}

    def _discard(self, recoveries) -> None:
        assert self.autosaver is not None and self.autosaver.store is not None
        for r in recoveries:
            try:
                self.autosaver.store.discard(r.page_key)
            except KexieError as exc:
                self.w.show_error(str(exc))

    def autosave_failed(self, why: str) -> None:
        self.w.show_warning(_tr("Presenter", "Autosave failed; your decisions are still here and kexie will try "
                                "again:") + "\n" + why)

    def autosave_recovered(self) -> None:
        self.w.show_notice(_tr("Presenter", "Autosave works again."))

    # -- what opening (or reloading) a page did with earlier work
    def restored(self, state: PageState, restored: Restored) -> None:
        """Say what opening (or reloading) a page did with its earlier decisions, and how it was read."""
        self._say_restored(state, restored)
        if self.w.banner_text() or restored.source == FROM_RELOAD:
            tell_reading(self.w, [state], self.c.say)

    def _say_restored(self, state: PageState, restored: Restored) -> None:
        r = restored.result
        if restored.error is not None or r is None:
            self.w.show_warning(_tr("Presenter", "{name} opened without its saved decisions: {why}").format(
                name=state.name, why=restored.error))
            return
        details = "\n".join(self.c.say(m) for m in [*(x.message for x in r.lost), *r.notes])
        if restored.source == FROM_RELOAD:
            text = _tr("Presenter", "Reloaded {name} from disk: {restored} of {total} decision(s) carried over, "
                       "{lost} lost.").format(name=state.name, restored=r.restored, total=r.total, lost=len(r.lost))
            (self.w.show_warning if r.lost else self.w.show_info)(text, details)
        elif restored.source == FROM_RECOVERY:
            self._say_recovered(state, restored, details)
        elif r.found:
            summary = self.c.say(r.message)
            if restored.worth_a_look:
                (self.w.show_warning if r.lost else self.w.show_info)(summary, details)
            else:
                self.w.show_notice(summary)

    def _say_recovered(self, state: PageState, restored: Restored, details: str) -> None:
        """Several pages come back one after the other: the banner names them all."""
        r = restored.result
        assert r is not None
        summary = self.c.say(r.message) if restored.worth_a_look else ""
        self.recovered.append((state.name, r.restored, summary, details))
        pages = self.recovered
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

    # -- page files on disk
    def watch(self, state: PageState) -> None:
        """A page just opened: its file is watched for changes on disk."""
        if self.watcher is not None:
            self.watcher.watch(state.path, state.page.sha256)

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

    def page_file_deleted(self, path: str) -> None:
        state = self.c.page(path)
        if state is None:
            return
        self.w.show_warning(_tr("Presenter", "{name} was deleted or moved on disk. It stays open here with its "
                                "text and your decisions; File › Save decisions still saves them (to {where}).")
                            .format(name=state.name, where=session_path_for(state.path)))

    def page_file_back(self, path: str) -> None:
        self.w.show_notice(_tr("Presenter", "{name} is back on disk.").format(name=os.path.basename(path)))

    def reload_page(self, page_id: str) -> bool:
        """Read the page again and carry its decisions over (the undo history of the old text is dropped)."""
        state = self.c.page(page_id)
        if state is None or not self.c.reload_page(page_id):
            return False
        self.recorder.forget(page_id)
        self.recorder.stack(page_id)
        if self.c.current_id == page_id:
            self.recorder.activate(page_id)
        if self.watcher is not None:
            self.watcher.expect(state.path, state.page.sha256)
        return True
