"""The structure commands of the window: where they act and what they ask the controller for.

Every command acts on what the editor pointed at last: the *cursor* (a raw
offset, from a click in the raw page, the article text or the reading-order
list) and the *selection* (a raw range, or pieces chosen in the reading-order
list).  With a selection the command takes every piece it touches; without
one, the piece at the cursor.  The article the status bar names is the one
``merge`` folds into the article before it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .i18n import _tr
from .structure import pieces_in

if TYPE_CHECKING:
    from .controller import Controller
    from .window import MainWindow


@dataclass
class Pointer:
    """Where the editor pointed last (plain values; the presenter keeps it up to date)."""

    offset: int | None = None  # raw offset of the cursor
    start: int = 0  # the raw selection (start == end: none)
    end: int = 0
    article: int | None = None  # the article the cursor is in (what the status bar names)
    chosen: list[str] = field(default_factory=list)  # pieces chosen in the reading-order list

    def clear(self) -> None:
        self.offset, self.start, self.end, self.article, self.chosen = None, 0, 0, None, []


class StructureFlow:
    def __init__(self, controller: Controller, window: MainWindow, pointer: Pointer,
                 after: Callable[[], None] = lambda: None):
        self.c = controller
        self.w = window
        self.p = pointer
        self.after = after  # refresh action states (paste enabled…)

    # -- what the commands act on
    def _cursor(self) -> int | None:
        if self.p.offset is None:
            self.w.show_notice(_tr("Presenter", "Click in the raw page or the article text first."))
        return self.p.offset

    def pieces(self) -> list:
        """The pieces the command acts on: chosen in the list, selected in the raw page, or at the cursor."""
        state = self.c.current
        if state is None or state.view is None:
            return []
        if self.p.chosen:
            return self.c.pieces(self.p.chosen)
        if self.p.end > self.p.start:
            return pieces_in(state.view, self.p.start, self.p.end)
        offset = self._cursor()
        if offset is None:
            return []
        found = pieces_in(state.view, offset, offset)
        if not found:
            self.w.show_notice(_tr("Presenter", "The cursor is not inside a text block."))
        return found

    def _ids(self) -> list[str]:
        return [b.id for b in self.pieces()]

    def _range(self) -> tuple[int, int] | None:
        if self.p.end > self.p.start:
            return self.p.start, self.p.end
        if self.p.chosen:
            pieces = self.pieces()
            if pieces:
                return min(b.start for b in pieces), max(b.end for b in pieces)
        offset = self._cursor()
        return None if offset is None else (offset, offset)

    # -- commands
    def split(self) -> None:
        offset = self._cursor()
        if offset is not None:
            self.c.split_at(offset)

    def split_block(self) -> None:
        offset = self._cursor()
        if offset is not None:
            self.c.split_block_at(offset)

    def split_lines(self) -> None:
        span = self._range()
        if span is not None:
            self.c.split_lines(*span)

    def merge(self) -> None:
        if self.p.article is None:
            self.w.show_notice(_tr("Presenter", "Click in the article to merge first."))
            return
        self.c.merge_with_previous(self.p.article)

    def set_role(self, role: str) -> None:
        ids = self._ids()
        if len(ids) == 1:
            self.c.set_role(ids[0], role)
        elif ids:
            with self.c.recorder.group(_tr("Presenter", "Mark {n} blocks as {role}").format(
                    n=len(ids), role=self.c.role_label(role))):
                for bid in ids:
                    self.c.set_role(bid, role)

    def restore(self) -> None:
        ids = self._ids()
        if len(ids) == 1:
            self.c.restore_block(ids[0])
        elif ids:
            with self.c.recorder.group(_tr("Presenter", "Restore {n} blocks").format(n=len(ids))):
                for bid in ids:
                    self.c.restore_block(bid)

    def join(self) -> None:
        ids = self._ids()
        if ids:
            self.c.join_pieces(ids)

    def join_lines(self) -> None:
        ids = self._ids()
        if ids:
            self.c.join_lines(ids)

    def one_title(self) -> None:
        ids = self._ids()
        if ids:
            self.c.mark_one_title(ids)

    def uninterleave(self) -> None:
        span = self._range()
        if span is None or span[1] <= span[0]:
            self.w.show_notice(_tr("Presenter", "Select the lines read across two columns first."))
            return
        self.c.uninterleave(*span)

    def move(self, step: int) -> None:
        ids = self._ids()
        if ids:
            self.c.move_by(ids, step)

    def move_up(self) -> None:
        self.move(-1)

    def move_down(self) -> None:
        self.move(1)

    def cut(self) -> None:
        pieces = self.pieces()
        if pieces:
            self.c.cut_block([b.id for b in pieces])
            self.w.show_cut_blocks([(b.start, b.end) for b in pieces])
            self.after()

    def paste(self) -> None:
        offset = self._cursor()
        state = self.c.current
        if offset is None or state is None or state.view is None:
            return
        found = pieces_in(state.view, offset, offset)
        target = found[0].id if found else ""
        if self.c.paste_before(target):
            self.w.show_cut_blocks([])
        self.after()

    # -- dragged and stepped in the panes
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

    def order_step(self, step: int) -> None:
        """Alt+Up/Down in the reading-order list: the pieces chosen there move one place."""
        ids = self.w.chosen_pieces()
        if ids:
            self.p.chosen = ids
            self.move(step)
            self.w.select_pieces(ids)

    def order_move(self, ids: list[str], before: str) -> None:
        """Pieces dragged in the reading-order list, before the piece dropped on."""
        self.c.move_blocks(ids, before)
        self.p.chosen = list(ids)
        self.w.select_pieces(ids)
