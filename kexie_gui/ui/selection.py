"""The panes in step: what the editor chooses in one pane is shown in the others.

A suggestion, a raw offset (a click in the raw text or on the printed page),
a place in the article text, an outline row or pieces of the reading-order
list: each is shown in the raw page, on the printed page and in the article,
through the provenance of the clean text (``Text.runs``, ``Derived.provenance``).
The status bar names the line and the article the cursor is in, and the
:class:`~.structureflow.Pointer` remembers where the editor pointed, for the
structure commands.  Undo and redo show what they changed the same way.
"""
from __future__ import annotations

from collections.abc import Callable

from .changes import tracked_article
from .controller import Controller, PageState
from .derive import LAYER_DUPLICATE, PART_BYLINE, PART_SUBTITLE, PART_TITLE, Place, part_text, suggestion_offset
from .i18n import _tr
from .structureflow import Pointer
from .window import MainWindow


class SelectionSync:
    def __init__(self, controller: Controller, window: MainWindow, pointer: Pointer):
        self.c = controller
        self.w = window
        self.pointer = pointer
        self.article_index: int | None = None  # the article the article pane shows
        self.showing_changes = False  # View › Show changes

    # -- what the editor chose
    def suggestion_chosen(self, suggestion_id: str) -> None:
        """Show a suggestion's text in both panes (a dropped repeat: where its kept copy went)."""
        state = self.c.current
        if state is None or state.view is None or state.analysis is None:
            return
        s = state.analysis.suggestion(suggestion_id)
        offset = suggestion_offset(s, state.analysis)
        place = None
        block = state.view.block_at(offset)
        if block is not None:
            place = state.view.provenance.locate_near(offset, block.start, block.end)
        if place is None and s.kind == LAYER_DUPLICATE and s.get("keep"):
            keep = state.view.block(s.get("keep"))
            if keep is not None:
                place = state.view.provenance.locate_near(keep.start, keep.start, keep.end)
        self.point(offset, place.article if place is not None else None)
        self.w.show_ranges(list(s.ranges))
        self.reveal(place)
        self.say_where(state, offset, place)

    def offset_clicked(self, offset: int, on_page: bool = False) -> None:
        """A click (or cursor move) in the raw page, or on a line of the printed page (``on_page``): show where
        that text went; the pane clicked in never scrolls."""
        state = self.c.current
        if state is None or state.view is None or state.clean is None:
            return
        block = state.view.block_at(offset)
        place, removed = None, ""
        if block is not None:
            place = state.view.provenance.locate_near(offset, block.start, block.end)
            if place is None:
                gone = next((r for r in state.clean.removed if r.block == block.id), None)
                if gone is not None:
                    removed = _tr("Presenter", "removed ({why})").format(why=self.c.role_label(gone.reason))
        self.point(offset, place.article if place is not None else None, keep_selection=True)
        if place is not None:
            if place.article != self.article_index:
                self.show_article(place.article)
            self.w.show_place(place)
            self.w.show_ranges(self.part_ranges(state, place), scroll_raw=on_page, scroll_page=not on_page)
        else:
            self.w.clear_ranges()
        self.say_where(state, offset, place, removed)

    def raw_selected(self, start: int, end: int) -> None:
        self.pointer.start, self.pointer.end = (start, end) if end > start else (0, 0)
        self.pointer.chosen = []

    def place_clicked(self, place: Place) -> None:
        state = self.c.current
        if state is None or state.view is None:
            return
        raw = state.view.provenance.raw_offset(place)
        self.point(raw if raw is not None else self.pointer.offset, place.article)
        self.w.show_ranges(self.part_ranges(state, place), char=raw)
        self.w.show_place(place, scroll=False)
        self.say_where(state, raw, place)

    def outline_chosen(self, article: int, paragraph: int) -> None:
        """An outline row made current: its article, at its title or the paragraph chosen."""
        state = self.c.current
        if state is None or state.view is None:
            return
        if article != self.article_index:
            self.show_article(article, select_outline=False)
        place = Place(article, paragraph if paragraph >= 0 else PART_TITLE, 0)
        self.w.show_place(place)
        raw = state.view.provenance.raw_offset(place)
        self.point(raw, article)
        if raw is not None:
            self.w.show_ranges(self.part_ranges(state, place))
        self.say_where(state, raw, place)

    def pieces_chosen(self, ids: list[str]) -> None:
        """Rows chosen in the reading-order list: the commands act on them; the raw page shows them."""
        state = self.c.current
        pieces = self.c.pieces(ids)
        if state is None or state.view is None or not pieces:
            return
        first = pieces[0]
        place = state.view.provenance.locate_near(first.start, first.start, first.end)
        self.point(first.start, place.article if place is not None else None)
        self.pointer.chosen = list(ids)
        self.w.show_ranges([(b.start, b.end) for b in pieces])
        self.reveal(place)
        self.say_where(state, first.start, place)

    def show_undone(self, step: Callable[[], None]) -> None:
        """Undo or redo with ``step``, then show what it changed: the first suggestion decided anew, else the
        first block whose hand decisions changed."""
        state = self.c.current
        before = state.decisions if state is not None else None
        step()
        state = self.c.current
        if state is None or before is None or state.view is None or state.analysis is None \
                or state.decisions == before:
            return
        changed = _changed_choices(before, state.decisions)
        first = next((s.id for s in state.analysis.suggestions if s.id in changed), None)
        if first is not None:
            self.w.select_suggestion(first)  # shows it in both panes, replacing the old highlight
            return
        blocks = [b for b in (state.view.block(k) for k in _changed_blocks(before, state.decisions)) if b]
        self.w.clear_ranges()
        if blocks:
            b = blocks[0]
            place = state.view.provenance.locate_near(b.start, b.start, b.end)
            self.point(b.start, place.article if place else None)
            self.w.show_ranges([(b.start, b.end)])
            self.reveal(place)
            self.say_where(state, b.start, place)

    # -- showing
    def new_page(self) -> None:
        """Another page is shown: nothing is pointed at, no article chosen."""
        self.pointer.clear()
        self.article_index = None
        self.w.show_position("")  # the last page's position means nothing here

    def show_article(self, index: int | None, select_outline: bool = True) -> None:
        """Show article ``index`` (None: none), tracked when View › Show changes is on."""
        state = self.c.current
        clean = state.clean if state is not None else None
        article = clean.articles[index] if clean is not None and index is not None else None
        self.article_index = index if article is not None else None
        changes = None
        if article is not None and index is not None and self.showing_changes and state is not None \
                and state.ready is not None:
            ready = state.ready
            changes = tracked_article(ready.analysis, state.decisions, ready.clean, ready.view, index)
        self.w.show_article(article, self.article_index, changes)
        if select_outline and self.article_index is not None:
            self.w.show_outline_article(self.article_index)

    def set_showing_changes(self, shown: bool) -> None:
        self.showing_changes = bool(shown)
        self.show_article(self.article_index, select_outline=False)

    def follow_cursor(self, state: PageState) -> Place | None:
        """After a change the cursor's text may sit in another article: the status bar and merge follow it."""
        offset = self.pointer.offset
        if offset is None or state.view is None:
            return None
        block = state.view.block_at(offset)
        place = state.view.provenance.locate_near(offset, block.start, block.end) if block is not None else None
        self.pointer.article = place.article if place is not None else None
        self.say_where(state, offset, place)
        return place

    def reveal(self, place: Place | None) -> None:
        if place is None:
            return
        if place.article != self.article_index:
            self.show_article(place.article)
        self.w.show_place(place)

    def point(self, offset: int | None, article: int | None, keep_selection: bool = False) -> None:
        self.pointer.offset = offset
        self.pointer.article = article
        self.pointer.chosen = []
        if not keep_selection:
            self.pointer.start = self.pointer.end = 0

    def say_where(self, state: PageState, offset: int | None, place: Place | None, removed: str = "") -> None:
        """The status bar names the line and the article the cursor is in: what merge and split act on."""
        parts = []
        if offset is not None:
            parts.append(_tr("Presenter", "Line {line}").format(line=state.page.line_of(offset)))
        if place is not None:
            parts.append(place_text(place))
        if removed:
            parts.append(removed)
        self.w.show_position(" · ".join(parts))

    @staticmethod
    def part_ranges(state: PageState, place: Place) -> list[tuple[int, int]]:
        if state.clean is None:
            return []
        text = part_text(state.clean.articles[place.article], place.part)
        return [(r0, r0 + n) for _, r0, n in getattr(text, "runs", ())]


def place_text(place: Place) -> str:
    """Where a place is, for the editor: "article 2, paragraph 3"."""
    part = place.part
    if part == PART_TITLE:
        what = _tr("Presenter", "title")
    elif part == PART_SUBTITLE:
        what = _tr("Presenter", "subtitle")
    elif part == PART_BYLINE:
        what = _tr("Presenter", "byline")
    elif isinstance(part, int):
        what = _tr("Presenter", "paragraph {n}").format(n=part + 1)
    else:
        what = str(part)
    return _tr("Presenter", "article {n}, {what}").format(n=place.article + 1, what=what)


def _changed_choices(before, after) -> set[str]:
    old, new = dict(before.choices), dict(after.choices)
    return {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}


def _changed_blocks(before, after) -> list[str]:
    """Ids of the blocks whose hand decisions differ between two decisions values."""
    out = []
    for field_ in ("roles", "edits"):
        a, b = dict(getattr(before, field_)), dict(getattr(after, field_))
        out += [k.split(":", 1)[0] for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
    out += list(set(before.joined) ^ set(after.joined))
    out += [m[0] for m in set(before.moves) ^ set(after.moves)]
    return out
