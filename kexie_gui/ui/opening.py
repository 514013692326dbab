"""Opening pages: dropped, chosen in File › Open, Open folder or Open Recent, the sample page, and
File › Reopen with encoding; a banner says how pages were read when anything was guessed, forced or lost.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ..core.encoding import COMMON_ENCODINGS, codec_name
from ..core.messages import Message
from ..resources_path import sample_page
from .controller import Controller, OpenResult, PageState, Restore
from .i18n import _tr
from .settings import Settings
from .undo import UndoRecorder
from .window import MainWindow

if TYPE_CHECKING:
    from .keeping import KeepFlow

BANNER_PAGES = 5  # pages named in the banner on how pages were read; more are "…"


def tell_reading(window: MainWindow, states: list[PageState | None], say: Callable[[Message], str]) -> None:
    """A banner saying how pages were read, when anything was guessed, forced, replaced or dropped
    (``say``: ``Controller.say``, the window's language)."""
    notes = [(s, s.page.reading) for s in states if s is not None and s.page.reading is not None
             and s.page.reading.worth_a_word]
    if not notes:
        return
    text = "\n".join(f"{s.name}: {say(r.explain)}" for s, r in notes[:BANNER_PAGES])
    text += "\n…" if len(notes) > BANNER_PAGES else ""
    window.add_to_banner(text, warn=any(r.uncertain or r.lossy for _, r in notes))


class OpenFlow:
    def __init__(self, controller: Controller, window: MainWindow, settings: Settings, recorder: UndoRecorder,
                 keeping: KeepFlow):
        self.c = controller
        self.w = window
        self.settings = settings
        self.recorder = recorder
        self.keeping = keeping

    def open_paths(self, paths: list[str], restore: Mapping[str, Restore] | None = None) -> OpenResult:
        """Open pages (drop, File › Open, command line, Finder); ``restore`` as in ``Controller.open_paths``.

        A page with unsaved work in an autosave is not opened over it: the
        editor recovers or discards that work first.
        """
        self.w.hide_banner()  # what opening has to say (errors, restored sessions) shows anew
        self.keeping.recovered = []
        if restore is None:
            restore = self.keeping.unsaved_work_of(paths)
        before = {p.id for p in self.c.pages}
        result = self.c.open_paths(paths, restore=dict(restore) if restore else None)
        for pid in result.opened:
            state = self.c.page(pid)
            if pid not in before and state is not None:
                self.recorder.stack(pid)
                self.settings.add_recent(pid)
                self.keeping.watch(state)
        if result.opened:
            self.settings.set("files/last_open_folder", os.path.dirname(result.opened[0]))
            self.refresh_recent()
        tell_reading(self.w, [self.c.page(pid) for pid in result.opened], self.c.say)
        return result

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

    def refresh_recent(self) -> None:
        """File › Open Recent from the settings' list."""
        def clear() -> None:
            self.settings.set("files/recent", [])
            self.refresh_recent()

        self.w.set_recent(self.settings.get("files/recent"), lambda p: self.open_paths([p]), clear)

    def reopen_with_encoding(self) -> None:
        """File › Reopen with encoding…: read the shown page again in the encoding the editor names."""
        state = self.c.current
        if state is None or state.page.reading is None:  # a PDF or image page has no encoding to choose
            return
        current = state.encoding or state.page.reading.encoding
        name = self.w.ask_encoding(state.name, current, list(COMMON_ENCODINGS))
        if not name:
            return
        if codec_name(name) is None:
            self.w.show_error(_tr("Presenter", "{name} is not an encoding kexie knows.").format(name=name))
            return
        state.encoding = name
        self.keeping.reload_page(state.id)
