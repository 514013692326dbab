"""What the page view draws on a PDF or image page: one mark per printed line.  Pure (no Qt).

Each mark is a line's box with what became of it: the article it went into
(its tint), whether it is furniture (greyed) or a dropped repeat (struck),
and the reading-order number of its block, after the editor's moves.  The
page view only paints these and reports clicks and drags as raw offsets and
block ids.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..core import Decisions, Page
from .derive import LAYER_DUPLICATE, LAYER_FURNITURE, LAYER_KEPT, LAYER_REMOVED, Derived


@dataclass(frozen=True)
class BoxMark:
    """One printed line on the page and its fate."""

    line: int  # 1-based line of the page text
    x0: float
    y0: float
    x1: float
    y1: float
    start: int  # raw offsets of the line's text
    end: int
    block: str | None  # id of the block holding it
    number: int  # reading-order number of that block (1-based); 0 when it is in none
    first_of_block: bool  # the number is shown on the block's first line
    article: int  # index of the article it went into, -1 for none
    furniture: bool
    duplicate: bool  # a repeat that is dropped
    kept: bool  # the copy of a repeated block that stays
    boxed: bool

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


def reading_order(derived: Derived, decisions: Decisions) -> list[str]:
    """Block ids in the order the clean page takes them (the rebuilt order and the editor's moves)."""
    if derived.order and derived.decisions == decisions:  # the order the core laid out for these decisions
        return [b.id for b in derived.order]
    order = [b.id for b in derived.blocks]
    for block_id, before in decisions.moves:
        if block_id not in order:
            continue
        order.remove(block_id)
        order.insert(order.index(before) if before in order else len(order), block_id)
    return order


def _covered(spans, starts, offset: int, layers: tuple[str, ...], longest: int) -> bool:
    """An accepted span of one of ``layers`` covers ``offset``."""
    i = bisect.bisect_right(starts, offset)
    lo = bisect.bisect_left(starts, offset - longest)
    return any(spans[k].start <= offset < spans[k].end and spans[k].layer in layers and spans[k].accepted
               for k in range(lo, i))


NONE_DECIDED = Decisions()  # frozen: safe to share as a default


def page_marks(page: Page, derived: Derived | None, decisions: Decisions = NONE_DECIDED) -> list[BoxMark]:
    """A mark per printed line of ``page`` (none for a page without geometry)."""
    geometry = page.geometry
    if geometry is None:
        return []
    texts = page.text.split("\n")
    order = {bid: n for n, bid in enumerate(reading_order(derived, decisions), 1)} if derived else {}
    seen: set[str] = set()
    marks = []
    for box in geometry.lines:
        text = texts[box.line - 1] if box.line - 1 < len(texts) else ""
        start = page.line_start(box.line) + (len(text) - len(text.lstrip()))
        end = page.line_start(box.line) + len(text.rstrip())
        block = derived.block_at(start) if derived else None
        bid = block.id if block else None
        first = bid is not None and bid not in seen
        if bid:
            seen.add(bid)
        spans, starts, longest = (derived.spans, derived.span_starts, derived.longest_span) if derived else ((), [], 0)
        marks.append(BoxMark(
            line=box.line, x0=box.x0, y0=box.y0, x1=box.x1, y1=box.y1, start=start, end=end, block=bid,
            number=order.get(bid, 0) if bid else 0, first_of_block=first,
            article=_article(derived, bid),
            furniture=_covered(spans, starts, start, (LAYER_FURNITURE, LAYER_REMOVED), longest),
            duplicate=_covered(spans, starts, start, (LAYER_DUPLICATE,), longest),
            kept=_covered(spans, starts, start, (LAYER_KEPT,), longest),
            boxed=box.boxed))
    return marks


def _article(derived: Derived | None, block_id: str | None) -> int:
    found = derived.article_of_block(block_id) if derived is not None and block_id else None
    return -1 if found is None else found


def mark_at(marks: list[BoxMark], x: float, y: float) -> BoxMark | None:
    """The mark under a point in page units (the smallest, where boxes overlap)."""
    hits = [m for m in marks if m.contains(x, y)]
    return min(hits, key=lambda m: (m.x1 - m.x0) * (m.y1 - m.y0)) if hits else None


def marks_in(marks: list[BoxMark], ranges: list[tuple[int, int]]) -> list[BoxMark]:
    """Marks whose text overlaps one of the raw ranges (what the other panes selected)."""
    return [m for m in marks if any(a < max(m.end, m.start + 1) and m.start < b for a, b in ranges)]
