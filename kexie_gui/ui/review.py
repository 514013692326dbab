"""Reviewing the suggestions: accept, reject, reopen, all of a kind, walk the open ones, mark the page done,
and the right-click menus that offer these where the editor points.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core import Suggestion
from .controller import Controller, PageState
from .i18n import _tr
from .selection import SelectionSync
from .settings import Settings
from .window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint

DOUBTFUL = 0.6  # below this confidence an open suggestion counts as doubtful when the page is marked done

# the right-click menus: names from the actions table ("-": a separator, "roles": Mark block as ›)
RAW_MENU = ("accept", "reject", "reopen", "-", "split", "split_lines", "split_block", "join", "join_lines",
            "one_title", "uninterleave", "-", "roles", "restore", "-", "cut_block", "paste_block", "move_up",
            "move_down")
ARTICLE_MENU = ("accept", "reject", "reopen", "-", "edit_text", "split", "split_block", "join", "merge", "-",
                "roles", "restore", "-", "cut_block", "paste_block")
ORDER_MENU = ("move_up", "move_down", "-", "join", "join_lines", "one_title", "split_lines", "uninterleave", "-",
              "roles", "restore", "-", "cut_block", "paste_block")
MENUS = {"raw": RAW_MENU, "article": ARTICLE_MENU, "order": ORDER_MENU}
DECIDING = ("accept", "reject", "reopen")  # offered only with a suggestion under the pointer


class ReviewFlow:
    def __init__(self, controller: Controller, window: MainWindow, selection: SelectionSync, settings: Settings,
                 after: Callable[[], None] = lambda: None):
        self.c = controller
        self.w = window
        self.selection = selection
        self.settings = settings
        self.after = after  # the commands' states follow (Page done's check mark)

    # -- deciding
    def accept(self) -> None:
        self.decide(True)

    def reject(self) -> None:
        self.decide(False)

    def reopen(self) -> None:
        self.decide(None, advance=False)

    def decide(self, accepted: bool | None, advance: bool = True) -> None:
        """Decide the selected suggestion and go to the next open one (none selected: go to one first)."""
        sid = self.w.selected_suggestion()
        if sid is None:
            self.step(1)
            return
        self.c.decide(sid, accepted)
        if advance:
            nxt = self.c.neighbour_open(sid, 1, self._listed, self.w.walk_order)
            if nxt:
                self.w.select_suggestion(nxt)
                return
        self.w.select_suggestion(sid, notify=False)

    def decide_kind(self, accepted: bool) -> None:
        """Accept or reject every suggestion of the kind filtered to, else of the selected one's kind."""
        state = self.c.current
        if state is None or state.analysis is None:
            return
        kind = self.w.kind_filter()
        sid = self.w.selected_suggestion()
        if not kind and sid:
            kind = state.analysis.suggestion(sid).kind
        if not kind:
            self.w.show_notice(_tr("Presenter", "Select a suggestion or a kind first."))
            return
        n = self.c.decide_kind(kind, accepted)
        self.w.show_notice(_tr("Presenter", "{n} suggestion(s) decided.").format(n=n))

    # -- walking the open ones
    def next(self) -> None:
        self.step(1)

    def previous(self) -> None:
        self.step(-1)

    def step(self, direction: int) -> None:
        nxt = self.c.neighbour_open(self.w.selected_suggestion(), direction, self._listed, self.w.walk_order)
        if nxt is None:
            self.w.show_notice(_tr("Presenter", "No open suggestion left."))
            return
        self.w.select_suggestion(nxt)

    def _listed(self, suggestion: Suggestion) -> bool:
        state = self.c.current
        return state is not None and self.w.listed(suggestion, state)

    def set_doubtful_first(self, value: bool) -> None:
        self.w.set_doubtful_first(value)
        self.settings.set("review/doubtful_first", bool(value))

    # -- the page as a whole
    def mark_done(self, done: bool | None = None) -> None:
        """Page › Done; with suggestions not reviewed yet it asks first and says how many."""
        state = self.c.current
        if state is None:
            return
        done = (not state.done) if done is None else bool(done)
        if done and state.analysis is not None and state.open_count and not self._done_anyway(state):
            self.after()  # the check mark goes back
            return
        self.c.set_done(state.id, done)
        self.after()

    def _done_anyway(self, state: PageState) -> bool:
        assert state.analysis is not None
        doubtful = sum(1 for s in state.analysis.suggestions if state.is_open(s) and s.confidence < DOUBTFUL)
        text = _tr("Presenter", "{n} suggestion(s) on {name} are still open (you have not accepted or rejected "
                   "them; {d} of them doubtful). Open ones apply as proposed.").format(
            n=state.open_count, name=state.name, d=doubtful) + "\n\n" + _tr(
            "Presenter", "Mark the page done anyway?")
        return self.w.ask_yes_no(_tr("Presenter", "Mark page done?"), text)

    # -- right-click menus
    def context_menu(self, pane: str, pos: QPoint) -> None:
        """Right-click in a pane: the commands that act there, headed by the suggestion under the cursor."""
        state = self.c.current
        if state is None or state.view is None or state.analysis is None:
            return
        header = ""
        if pane == "order":
            ids = self.w.chosen_pieces()
            if ids:
                self.selection.pointer.chosen = ids
        else:
            sid = self.w.selected_suggestion() if pane == "article" and self.selection.showing_changes else None
            sid = sid or self._suggestion_at(state, self.selection.pointer.offset)
            if sid is not None:
                self.w.select_suggestion(sid, notify=False)
                s = state.analysis.suggestion(sid)
                header = f"{self.c.kind_label(s.kind)}: {self.c.explain(s, state.page)}"
        names = MENUS[pane] if header else tuple(n for n in MENUS[pane] if n not in DECIDING)
        self.w.popup_menu(list(names), pos, header)

    @staticmethod
    def _suggestion_at(state: PageState, offset: int | None) -> str | None:
        """The suggestion whose raw range holds ``offset`` (else one on the block there)."""
        if offset is None or state.view is None or state.analysis is None:
            return None
        block = state.view.block_at(offset)
        best = None
        for s in state.analysis.suggestions:
            if any(a <= offset < z for a, z in s.ranges):
                return s.id
            if best is None and block is not None and s.blocks and s.blocks[0] == block.id:
                best = s.id
        return best
