"""Hand edits in the article pane: retyping a title, byline or paragraph (in place or with F2), and Enter and
Backspace, which cut a paragraph's block or join it to the one before.
"""
from __future__ import annotations

from .controller import Controller
from .derive import PART_TITLE, Place, edit_key, part_text
from .i18n import _tr
from .selection import SelectionSync, place_text
from .window import MainWindow


class EditFlow:
    def __init__(self, controller: Controller, window: MainWindow, selection: SelectionSync):
        self.c = controller
        self.w = window
        self.selection = selection

    def commit_typing(self) -> None:
        """Typing not recorded yet is recorded before any command runs (Ctrl+Z then undoes it, for one)."""
        self.w.commit_typing()

    def text_edited(self, place: Place, text: str) -> None:
        self.c.edit_text(place, text)

    def edit_at_cursor(self) -> None:
        """Edit › Edit text (F2): the part at the cursor, else the title of the article shown."""
        place = self.w.place_at_cursor()
        if place is None and self.selection.article_index is not None:
            place = Place(self.selection.article_index, PART_TITLE, 0)
        if place is not None:
            self.edit_place(place)

    def edit_place(self, place: Place) -> None:
        state = self.c.current
        if state is None or state.clean is None:
            return
        text = str(part_text(state.clean.articles[place.article], place.part) or "")
        new = self.w.ask_edit(place_text(place), text)
        if new is not None:
            self.c.edit_text(place, new)

    def split_paragraph(self, place: Place) -> None:
        """Enter in the article text: cut the paragraph's block right there."""
        state = self.c.current
        if state is None or state.clean is None or not isinstance(place.part, int):
            self.w.show_notice(_tr("Presenter", "Only paragraphs can be cut with Enter."))
            return
        article = state.clean.articles[place.article]
        text = article.paragraphs[place.part]
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
        if state is None or state.view is None or state.clean is None or not isinstance(place.part, int) \
                or place.part == 0:
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
