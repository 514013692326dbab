"""The glue between the controller (pure) and the window (passive): it builds the flows and connects them.

Each flow reads top to bottom in a module of its own:

- :mod:`.display`     the controller's events redrawn in the window (and View › Reading order, Show changes, Language);
- :mod:`.selection`   the panes kept in step (a suggestion, a raw offset, an article place, an outline row);
- :mod:`.opening`     opening pages (drop, File › Open, recent, sample, Reopen with encoding);
- :mod:`.keeping`     saving, asking before losing work, recovering autosaves, page files changed on disk;
- :mod:`.review`      deciding suggestions, walking them, Page done, the right-click menus;
- :mod:`.structureflow`, :mod:`.editing`  structure commands and hand edits;
- :mod:`.exporting`   File › Export….

The presenter keeps the wiring only: which window signal and controller
event goes to which flow, and the commands' states, which follow a
:class:`~.actions.Situation` it gathers (the actions table says which command
needs what).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QAction, QUndoGroup

from ..resources_path import sample_page
from . import actions as table
from .autosaver import Autosaver
from .controller import Controller, OpenResult, Restore
from .display import PageDisplay
from .editing import EditFlow
from .exporting import ExportFlow
from .i18n import Translations, _tr
from .keeping import KeepFlow
from .models import OutlineModel, PagesModel, SuggestionModel
from .opening import OpenFlow
from .review import ReviewFlow
from .selection import SelectionSync
from .settings import Settings
from .structureflow import Pointer, StructureFlow
from .undo import UndoRecorder
from .watcher import PageWatcher
from .window import MainWindow


class Presenter:
    # what the actions table's handlers reach
    window: MainWindow
    recorder: UndoRecorder
    selection: SelectionSync
    display: PageDisplay
    keeping: KeepFlow
    opening: OpenFlow
    review: ReviewFlow
    structure: StructureFlow
    editing: EditFlow
    export: ExportFlow

    def __init__(self, controller: Controller, window: MainWindow, suggestions: SuggestionModel,
                 outline: OutlineModel, pages: PagesModel, recorder: UndoRecorder, undo_group: QUndoGroup,
                 settings: Settings, translations: Translations | None, exporter: object = None,
                 autosaver: Autosaver | None = None, watcher: PageWatcher | None = None):
        self.c = controller
        self.window = window
        self.recorder = recorder
        self.undo_group = undo_group
        self.settings = settings
        self.pointer = Pointer()  # where the editor pointed last: what the structure commands act on
        self.selection = SelectionSync(controller, window, self.pointer)
        self.display = PageDisplay(controller, window, suggestions, outline, pages, self.selection, settings,
                                   translations, after=self.update_actions)
        self.keeping = KeepFlow(controller, window, recorder, self._open_restoring, autosaver, watcher,
                                after=self.display.update_title)
        self.opening = OpenFlow(controller, window, settings, recorder, self.keeping)
        self.review = ReviewFlow(controller, window, self.selection, settings, after=self.update_actions)
        self.structure = StructureFlow(controller, window, self.pointer, after=self.update_actions)
        self.editing = EditFlow(controller, window, self.selection)
        self.export = ExportFlow(controller, window, settings, exporter)
        self._connect_controller(controller, window)
        self._connect_window(window, outline)
        if autosaver is not None:
            autosaver.failed.connect(self.keeping.autosave_failed)
            autosaver.recovered.connect(self.keeping.autosave_recovered)
        if watcher is not None:
            watcher.changed.connect(self.keeping.page_file_changed)
            watcher.deleted.connect(self.keeping.page_file_deleted)
            watcher.restored.connect(self.keeping.page_file_back)
        window.offer_sample(sample_page().is_file())
        window.set_placeholder(True)

    def _connect_controller(self, c: Controller, w: MainWindow) -> None:
        c.pages_changed.connect(self.display.pages_changed)
        c.current_changed.connect(lambda state: self.recorder.activate(state.id if state else None))
        c.current_changed.connect(self.display.current_changed)
        c.page_updated.connect(self.display.page_updated)
        c.busy_changed.connect(w.set_busy)
        c.error.connect(w.show_error)
        c.notice.connect(w.show_notice)
        c.progress.connect(w.report_reading)  # from the OCR worker thread; the window queues it
        c.restored.connect(self.keeping.restored)

    def _connect_window(self, w: MainWindow, outline: OutlineModel) -> None:
        w.files_dropped.connect(self.opening.open_paths)
        w.sample_requested.connect(self.opening.open_sample)
        w.open_requested.connect(self.opening.ask_open)
        w.language_chosen.connect(self.display.set_language)
        w.page_selected.connect(self.c.select_page)
        w.reading_cancel_requested.connect(self.c.cancel_reading)
        w.offset_clicked.connect(self.selection.offset_clicked)
        w.raw_selected.connect(self.selection.raw_selected)
        w.place_clicked.connect(self.selection.place_clicked)
        w.suggestion_selected.connect(self.selection.suggestion_chosen)
        w.outline_chosen.connect(self.selection.outline_chosen)
        w.pieces_chosen.connect(self.selection.pieces_chosen)
        w.edit_requested.connect(self.editing.edit_place)
        w.text_edited.connect(self.editing.text_edited)
        w.paragraph_split_requested.connect(self.editing.split_paragraph)
        w.paragraph_join_requested.connect(self.editing.join_paragraph)
        w.block_move_requested.connect(lambda block, before: self.c.move_blocks([block], before))
        w.order_step_requested.connect(self.structure.order_step)
        w.order_move_requested.connect(self.structure.order_move)
        outline.move_requested.connect(self.structure.move_parts)
        w.context_menu_requested.connect(self.review.context_menu)
        w.set_undo_group(self.undo_group)
        w.close_guard = self.keeping.may_close
        w.closing.connect(self.keeping.closing)
        w.closing.connect(self.settings.sync)

    # -- the commands
    def install(self, actions: dict[str, QAction]) -> None:
        """The window built the actions: their states follow from now on."""
        self.undo_group.canUndoChanged.connect(lambda _: self.update_actions())
        self.undo_group.canRedoChanged.connect(lambda _: self.update_actions())
        if not self.export.available:
            actions["export"].setToolTip(_tr("Presenter", "Export is not available in this installation"))
        self.opening.refresh_recent()
        if self.settings.get("review/doubtful_first"):
            actions["doubtful_first"].setChecked(True)
            self.window.set_doubtful_first(True)
        if self.display.showing_order:
            actions["reading_order"].setChecked(True)
            self.display.show_reading_order(True)
        self.update_actions()

    def situation(self) -> table.Situation:
        state = self.c.current
        return table.Situation(
            page=state is not None, ready=state is not None and state.view is not None,
            text_page=state is not None and state.page.reading is not None, clipboard=bool(self.c.clipboard),
            exportable=self.export.available and any(p.clean is not None for p in self.c.pages),
            done=bool(state and state.done), can_undo=self.undo_group.canUndo(), can_redo=self.undo_group.canRedo())

    def update_actions(self) -> None:
        if self.window.commands:
            table.follow_situation(self.window.commands, self.situation())

    def before_command(self) -> None:
        """Typing not recorded yet is recorded before any command runs (Ctrl+Z then undoes it, for one)."""
        self.editing.commit_typing()

    # -- what the composition root and the self-test ask for
    def open_paths(self, paths: list[str]) -> OpenResult:
        return self.opening.open_paths(paths)

    def _open_restoring(self, paths: list[str], restore: Mapping[str, Restore]) -> OpenResult:
        return self.opening.open_paths(paths, restore)

    def offer_recovery(self, crashed: bool = False) -> str | None:
        return self.keeping.offer_recovery(crashed)

    @property
    def exporter(self):
        return self.export.exporter

    def export_to(self, scope: str, fmt: str, folder: str, choice=None) -> list[Path]:
        return self.export.export_to(scope, fmt, folder, choice)

