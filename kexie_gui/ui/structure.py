"""Structure edits as new decisions: where an article starts, pieces cut, joined, moved, lines as one title.

Pure functions of the page's view data and decisions, so the controller only
records what they return and the tests check them without a window.  Pieces
are the blocks after the editor's splits (``Derived.blocks``); their reading
order is ``Derived.order`` (``core.apply.reading_order``).  Each function
returns the new :class:`Decisions` (equal to the old ones when there is
nothing to do).

Example: a line-level page whose two columns were read line by line::

    col1 line1 / col2 line1 / col1 line2 / col2 line2 …
    → uninterleave(the pieces of those lines) → col1 line1, col1 line2 … col2 line1, col2 line2 …
"""
from __future__ import annotations

from ..core import Analysis, Block, Decisions, Page
from ..core.apply import reading_order, split_blocks_at
from ..core.model import ROLE_BODY, ROLE_TITLE, BlockIndex
from .derive import Derived


class Pieces:
    """The pieces and their reading order for decisions not shown yet (a step inside one command)."""

    def __init__(self, analysis: Analysis, decisions: Decisions):
        self.blocks = split_blocks_at(analysis.blocks, decisions.splits, analysis.page)
        self.index = BlockIndex(self.blocks)
        self.order = tuple(reading_order(analysis, decisions))

    def block_at(self, offset: int) -> Block | None:
        return self.index.block_at(offset)


def pieces_in(view: Derived | Pieces, start: int, end: int) -> list[Block]:
    """The pieces overlapping raw ``[start, end)`` (the piece at ``start`` when the range is empty), in raw order."""
    first = view.block_at(start)
    if end <= start:
        if first is not None:
            return [first]
        _, after = view.index.around(start)
        return [after] if after is not None else []
    out = []
    for b in view.blocks:
        if b.end > start and b.start < end:
            out.append(b)
        elif b.start >= end:
            break
    return out


def follow_heads(analysis: Analysis, before: Decisions, after: Decisions) -> Decisions:
    """Pieces a new cut made stay right after the piece they were cut from, wherever that piece was moved.

    Without this, the tail of a moved block would stay at the block's place on the raw page.
    """
    if set(after.splits) <= set(before.splits) or not after.moves:
        return after
    old_ids = {b.id for b in Pieces(analysis, before).blocks}
    pieces = Pieces(analysis, after)
    d = after
    for k, b in enumerate(pieces.blocks):
        if b.id in old_ids or k == 0:
            continue
        head = pieces.blocks[k - 1]
        order = [x.id for x in (Pieces(analysis, d).order if d is not after else pieces.order)]
        at = order.index(head.id)
        if at + 1 < len(order) and order[at + 1] == b.id:
            continue
        nxt = next((x for x in order[at + 1:] if x != b.id), "")
        d = d.with_move(b.id, nxt)
    return d


def in_reading_order(view: Derived | Pieces, pieces: list[Block]) -> list[Block]:
    ids = {b.id for b in pieces}
    return [b for b in view.order if b.id in ids]


def line_starts(page: Page, start: int, end: int) -> list[int]:
    """Raw offsets of the starts of the lines that ``[start, end)`` touches (the line of ``start`` included)."""
    first, last = page.line_of(start), page.line_of(max(start, end - 1))
    return [page.line_start(n) for n in range(first, last + 1)]


def split_lines(view: Derived | Pieces, decisions: Decisions, page: Page, start: int, end: int) -> Decisions:
    """Cut every piece the range touches before each of its lines (with no range: before the cursor's line).

    Blank lines and lines that start a piece already need no cut.
    """
    text = page.text
    offsets = []
    for o in line_starts(page, start, end):
        while o < len(text) and text[o] in " \t\u3000":
            o += 1  # a cut at an indent lands on the line's first character
        b = view.block_at(o)
        if b is not None and b.start < o < b.end:
            offsets.append(o)
    return decisions.with_splits(offsets) if offsets else decisions


def split_block(view: Derived, decisions: Decisions, offset: int) -> Decisions:
    """Cut the piece at the cursor in two, right before ``offset`` (the editor asked for it: mid-sentence too)."""
    b = view.block_at(offset)
    if b is None or offset <= b.start:
        return decisions
    return decisions.with_split(offset)


def start_article(view: Derived, decisions: Decisions, offset: int) -> tuple[Decisions, Block | None]:
    """A new article starts with the piece that holds ``offset``: it is the new article's title.

    The piece is never cut: a click inside a sentence starts the article at
    that sentence's piece, and a byline stays with the article it was printed in.
    """
    pieces = pieces_in(view, offset, offset)
    if not pieces:
        return decisions, None
    b = pieces[0]
    return decisions.with_joined(b.id, False).with_role(b.id, ROLE_TITLE), b


def title_piece(view: Derived, article_index: int) -> Block | None:
    """The piece the title of article ``article_index`` came from."""
    clean = view.provenance.clean
    if not 0 <= article_index < len(clean.articles):
        return None
    article = clean.articles[article_index]
    runs = getattr(article.title, "runs", ())
    if runs:
        return view.block_at(runs[0][1])
    return None


def merge_article(view: Derived, decisions: Decisions, article_index: int) -> Decisions:
    """Article ``article_index`` becomes text of the one before it: its title piece is body text."""
    b = title_piece(view, article_index)
    if b is None or article_index == 0:
        return decisions
    return decisions.with_role(b.id, ROLE_BODY)


def join_to_previous(decisions: Decisions, pieces: list[Block], joined: bool = True) -> Decisions:
    """Each piece continues the piece before it in reading order (False: no longer)."""
    d = decisions
    for b in pieces:
        d = d.with_joined(b.id, joined)
    return d


def join_together(view: Derived, decisions: Decisions, pieces: list[Block]) -> Decisions:
    """Several pieces as one: every one but the first (in reading order) is joined to the one before it."""
    ordered = in_reading_order(view, pieces)
    return join_to_previous(decisions, ordered[1:])


def one_title(view: Derived, decisions: Decisions, pieces: list[Block]) -> Decisions:
    """Consecutive pieces (lines of a headline) as one title."""
    ordered = in_reading_order(view, pieces)
    return decisions.with_title([b.id for b in ordered])


def move_before(decisions: Decisions, pieces: list[Block], before: str) -> Decisions:
    """Move pieces, in the order given, before the piece ``before`` ("" = the page end)."""
    return decisions.with_moves([b.id for b in pieces if b.id != before], before)


def move_by(view: Derived, decisions: Decisions, pieces: list[Block], step: int) -> Decisions:
    """Move the pieces one place up (step -1) or down (+1) in the reading order, together.

    The pieces keep their order among themselves; the piece they pass goes
    to the other side of them.
    """
    order = [b.id for b in view.order]
    chosen = [b.id for b in in_reading_order(view, pieces)]
    if not chosen:
        return decisions
    positions = [order.index(b) for b in chosen]
    lo, hi = min(positions), max(positions)
    if step < 0:
        if lo == 0:
            return decisions
        passed = order[lo - 1]
        after = next((order[k] for k in range(hi + 1, len(order)) if order[k] not in chosen), "")
        if order[lo:hi + 1] == chosen:  # a contiguous run: the piece above goes below it
            return decisions.with_move(passed, after)
        return decisions.with_moves(chosen, passed)
    if hi == len(order) - 1:
        return decisions
    passed = order[hi + 1]
    if order[lo:hi + 1] == chosen:
        return decisions.with_move(passed, order[lo])
    after = order[hi + 2] if hi + 2 < len(order) else ""
    return decisions.with_moves(chosen, after)


def join_wrapped_lines(view: Derived, decisions: Decisions, pieces: list[Block]) -> Decisions:
    """Printed lines back into paragraphs, by the rule of hard-wrapped text: a line as long as the longest of
    the selection runs on into the next one; a shorter line ends its paragraph (or is a headline).

    Example: the lines ``本报讯近日，某市`` ``召开工作会议。`` ``第二段开头`` (widest 8): the first is full and runs on,
    the second is short and ends its paragraph → ``本报讯近日，某市召开工作会议。`` and ``第二段开头``.
    """
    ordered = in_reading_order(view, pieces)
    lengths = [len(str(b.text).strip()) for b in ordered]
    if len(ordered) < 2:
        return decisions
    width = max(lengths)
    d = decisions
    for prev, prev_len, b in zip(ordered, lengths, ordered[1:], strict=False):
        runs_on = prev_len >= width and not decisions.role(b.id) and decisions.role(prev.id) != ROLE_TITLE
        d = d.with_joined(b.id, runs_on or decisions.is_joined(b.id))
    return d


def uninterleave(view: Derived | Pieces, decisions: Decisions, pieces: list[Block]) -> Decisions:
    """The pieces alternate between two columns (a page read line by line across them): put every second
    one after the last of the others, keeping each column's order."""
    ordered = in_reading_order(view, pieces)
    if len(ordered) < 3:
        return decisions
    order = [b.id for b in view.order]
    last = order.index(ordered[-1].id)
    after = order[last + 1] if last + 1 < len(order) else ""
    second_column = ordered[1::2]
    return decisions.with_moves([b.id for b in second_column], after)
