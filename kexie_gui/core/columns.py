"""Columns from where lines start and end, and lines cut where they cross a gutter.

A column shows itself by many lines starting at one x and many ending at
another; the gutter is the stretch between one column's end and the next
column's start, however narrow (PDF text frames leave a few points, OCR boxes
with their padding may even overlap).  Looking for a strictly empty vertical
band, as a gap tree does, misses such gutters; a line that runs across one
(an OCR box glued over two columns, a PDF line whose hanging comma touches
the next column) is cut back into its two columns here.
"""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from .glyphs import Glyph, PrintedLine

MIN_EDGE_LINES = 3  # lines that must start (or end) at one x for it to count as a column edge
BODY_SIZE_TOLERANCE = 0.15  # lines within this share of the body size are body text
MAX_GUTTER_EMS = 3.5  # a wider stretch between an end and a start is no gutter
HEADLINE_SIZE = 1.35  # text this much larger than the body is a headline (OCR box heights vary by a quarter)
JOIN_GAP_EMS = 0.6  # two pieces of one row this close, with no gutter between, are one printed line
MIN_CUT_GAP = 0.2  # a line is cut at a gutter only where its glyphs leave at least this much white
GUTTER_REACH = 8  # a gutter holds this many body sizes above and below the lines that show it


@dataclass(frozen=True)
class Gutter:
    """The stretch between a column's line ends (``x0``) and the next column's line starts (``x1``)."""

    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(frozen=True)
class _Edge:
    x: float
    y0: float
    y1: float
    count: int


def body_size(lines: list[PrintedLine]) -> float:
    """The text size that covers the most characters on the page."""
    weights: Counter = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.ink())
    if not weights:
        return 10.0
    return weights.most_common(1)[0][0]


def is_body(line: PrintedLine, size: float) -> bool:
    return abs(line.size - size) <= BODY_SIZE_TOLERANCE * size


def _clusters(values: list[tuple[float, PrintedLine]], tol: float, pick) -> list[_Edge]:
    values.sort(key=lambda v: v[0])
    groups: list[list[tuple[float, PrintedLine]]] = []
    for v in values:
        if groups and v[0] - groups[-1][-1][0] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    out = []
    for g in groups:
        if len(g) >= MIN_EDGE_LINES:
            out.append(_Edge(pick([x for x, _ in g]), min(ln.y0 for _, ln in g), max(ln.y1 for _, ln in g), len(g)))
    return out


def column_edges(lines: list[PrintedLine], size: float) -> tuple[list[_Edge], list[_Edge]]:
    """Where body lines start and where they end, each edge with the stretch of page it is seen in."""
    body = [ln for ln in lines if is_body(ln, size) and len(ln.ink()) >= 4]
    starts = _clusters([(ln.x0, ln) for ln in body], 0.25 * size, min)
    ends = _clusters([(ln.x1, ln) for ln in body], 0.45 * size, lambda xs: statistics.median_high(xs))
    return starts, ends


def find_gutters(lines: list[PrintedLine], size: float) -> list[Gutter]:
    """Gutters: a column end followed, within a few characters, by a column start with no start between.

    >>> from kexie_gui.core.glyphs import Glyph, PrintedLine
    >>> def line(x, y, n):
    ...     return PrintedLine(tuple(Glyph("字", x + 10 * i, y, x + 10 * i + 10, y + 10) for i in range(n)), 10)
    >>> rows = [line(0, 14 * k, 10) for k in range(5)] + [line(112, 14 * k, 10) for k in range(5)]
    >>> find_gutters(rows, 10)
    [Gutter(x0=100, x1=112, y0=0, y1=66)]
    """
    starts, ends = column_edges(lines, size)
    gutters = []
    for s in starts:
        best = None
        for e in ends:
            if not (s.x - MAX_GUTTER_EMS * size <= e.x <= s.x + 0.2 * size):
                continue
            if e.y1 < s.y0 or s.y1 < e.y0:
                continue  # seen in different stretches of the page
            if any(e.x < o.x < s.x for o in starts if o is not s):
                continue  # another column starts in between: this end belongs further left
            if best is None or e.x > best.x:
                best = e
        if best is not None:
            gutters.append(Gutter(min(best.x, s.x), s.x, max(min(s.y0, best.y0), 0), max(s.y1, best.y1)))
    return gutters


def _cut_index(line: PrintedLine, gutter: Gutter, size: float) -> int | None:
    """Where ``line`` crosses ``gutter``: the glyph that starts the right-hand column."""
    best, best_key = None, None
    gs = line.glyphs
    inked = [i for i, g in enumerate(gs) if g.char.strip()]
    for k in range(1, len(inked)):
        left, right = gs[inked[k - 1]], gs[inked[k]]
        i = inked[k]
        if abs(right.x0 - gutter.x1) > 0.6 * size or left.x1 > gutter.x1 + 0.3 * size:
            continue
        gap = right.x0 - left.right
        if gap < MIN_CUT_GAP * size:
            continue  # text that runs on without a break: a spanning line, not two columns
        if any(not g.char.strip() and g.x1 >= right.x0 - 0.2 * size for g in gs[inked[k - 1] + 1:i]):
            continue  # a printed space fills the white: the line runs on (a header's ideographic spaces)
        key = abs(right.x0 - gutter.x1)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def split_at_gutters(lines: list[PrintedLine], gutters: list[Gutter], size: float) -> list[PrintedLine]:
    """Cut body lines that run across a gutter into their columns.

    Headlines (a size well above the body's) span columns on purpose and stay
    whole; a body line is cut only where a glyph starts at the right-hand
    column's edge.
    """
    out: list[PrintedLine] = []
    todo = list(lines)
    while todo:
        line = todo.pop()
        cut = None
        if line.size <= HEADLINE_SIZE * size:
            for g in gutters:
                if line.y1 < g.y0 - GUTTER_REACH * size or line.y0 > g.y1 + GUTTER_REACH * size:
                    continue
                if line.x0 < g.x0 - 0.5 * size and line.x1 > g.x1 + 1.5 * size:
                    cut = _cut_index(line, g, size)
                    if cut is not None:
                        break
        if cut is None:
            out.append(line)
            continue
        left, right = line.split_at(cut)
        todo += [p for p in (left, right) if p.glyphs]
    out.sort(key=lambda ln: ln.source_order)
    return out


def _between(a: PrintedLine, b: PrintedLine, gutters: list[Gutter], size: float) -> bool:
    for g in gutters:
        if a.y1 < g.y0 - 2 * size or a.y0 > g.y1 + 2 * size:
            continue
        if g.x1 >= a.x1 - 0.5 * size and g.x0 <= b.x0 + 2 * size:
            return True  # a column starts within the first characters of b (OCR boxes of a leading comma stray left)
    return False


def _past_read_twice(left: PrintedLine, right: PrintedLine) -> tuple[Glyph, ...]:
    """``right``'s glyphs less those it opens with that repeat ``left``'s last ones where the two boxes
    overlap: an engine may cut a long line of large type into two boxes that both hold the characters at
    the cut (``广安科协开展`` and ``展“科普进社区`` → ``广安科协开展“科普进社区``)."""
    glyphs = right.glyphs
    if right.x0 >= left.x1 or not glyphs:
        return glyphs
    inside = [g for g in glyphs if g.x0 < left.x1 - 0.2 * (g.x1 - g.x0)]  # starting inside the left box
    tail = [g.char for g in left.glyphs[-len(inside):]] if inside else []
    if inside and len(inside) < len(glyphs) and [g.char for g in inside] == tail:
        return glyphs[len(inside):]
    return glyphs


def join_row_pieces(lines: list[PrintedLine], gutters: list[Gutter], size: float) -> list[PrintedLine]:
    """Join pieces of one printed line that an engine returned as separate boxes (split at a space).

    Pieces join when they share the row, nearly touch and no gutter runs between them.
    """
    ordered = sorted(lines, key=lambda ln: ln.x0)
    merged: list[PrintedLine] = []
    rows: dict[int, list[int]] = {}  # row bucket -> indexes into merged, to look at neighbours only
    step = max(size, 1.0)
    for line in ordered:
        bucket = int(((line.y0 + line.y1) / 2) // step)
        candidates = [k for b in (bucket - 1, bucket, bucket + 1) for k in rows.get(b, ())]
        for k in candidates:
            m = merged[k]
            overlap = min(m.y1, line.y1) - max(m.y0, line.y0)
            rest = _past_read_twice(m, line)
            gap = rest[0].x0 - m.x1 if rest else 0.0
            # where the boxes overlapped, the white after the characters read twice is the type's own measure
            em = max(size, min(m.size, line.size)) if len(rest) < len(line.glyphs) else size
            if rest and overlap > 0.6 * min(m.y1 - m.y0, line.y1 - line.y0) \
                    and -0.3 * em <= gap <= JOIN_GAP_EMS * em \
                    and max(m.size, line.size) <= 1.25 * min(m.size, line.size) \
                    and not _between(m, line, gutters, size):
                merged[k] = PrintedLine(m.glyphs + rest, max(m.size, line.size), m.bold,
                                        min(m.source_order, line.source_order))
                break
        else:
            merged.append(line)
            rows.setdefault(bucket, []).append(len(merged) - 1)
    merged.sort(key=lambda ln: ln.source_order)
    return merged
