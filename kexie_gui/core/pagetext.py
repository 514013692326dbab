"""Printed lines in reading order → the page's text and its geometry.

The text is written the way the text analysis reads a page best and an editor
reads it as the page: one printed line per text line; a blank line between
separate regions (a headline block, a column's text frame, a caption, a piece
of the header or footer, a boxed item); a paragraph's first line indented with
two ideographic spaces where the page indents it.  Nothing else is added:
every other character of the text is a character printed on the page.

A paragraph that runs on from the foot of one column to the head of the next
is carried over (no blank line, no indent) when the column's last line runs
to the column edge and the next column's first line is not indented.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .columns import BODY_SIZE_TOLERANCE, body_size, find_gutters, is_body, join_row_pieces, split_at_gutters
from .frames import Edge, enclosing_box
from .glyphs import PrintedLine
from .model import Geometry, LineBox, Page
from .reading import Obstacle, rule_obstacles, xy_order

INDENT = "\u3000\u3000"
INDENT_EMS = (1.2, 3.6)  # a first line set in by this many characters (of its size) is indented
FULL_LINE_EMS = 1.2  # a line ending this close to its column's edge ran to the edge
FRAME_GAP = 1.0  # white (share of the text size) that separates two frames in one column
SPACE_SHARE = 0.6  # white (share of the text size) between two glyphs that was printed as a space


@dataclass
class Frame:
    """A run of lines printed as one piece in one column: a headline block, a text frame, a caption."""

    lines: list[PrintedLine]
    boxed: bool
    leaf: int  # index of the column region (leaf of the cut tree) it belongs to
    left: float = 0.0  # the column's left edge (where unindented lines start)
    right: float = 0.0  # the column's right edge (where full lines end)
    body_pitch: float = 0.0  # how far apart the page's body characters stand (0: unknown)

    def body(self, size: float) -> bool:
        """Text set at the page's body size: told by the frame's middle line, not its first — an OCR box
        round a line opening with a quotation mark (``“花椒是…``) stands taller than the text it holds —
        and by how far apart its characters stand where the boxes' heights say otherwise (an engine's
        boxes round lines full of marks run a fifth taller)."""
        if self.boxed:
            return False
        middle = sorted(self.lines, key=lambda ln: ln.size)[(len(self.lines) - 1) // 2]
        if is_body(middle, size):
            return True
        pitches = sorted(_pitch(ln) for ln in self.lines)
        return _body_pitched(pitches[(len(pitches) - 1) // 2], self.body_pitch)


def _body_pitched(pitch: float, body: float) -> bool:
    """Characters standing ``pitch`` apart are the body's, which stand ``body`` apart (0: unknown)."""
    return body > 0 and abs(pitch - body) <= BODY_SIZE_TOLERANCE * body


@dataclass
class Layout:
    """The page's lines in reading order, grouped in frames, with what the writer needs."""

    width: float
    height: float
    size: float
    frames: list[Frame]
    columns: list[float]  # x where each column of the page's grid starts


def _leaf_edges(lines: list[PrintedLine], size: float, pitch: float = 0.0) -> tuple[float, float]:
    body = [ln for ln in lines if is_body(ln, size) or _body_pitched(_pitch(ln), pitch)] or lines
    left = left_edge([ln.x0 for ln in body], size)
    ends = sorted(ln.x1 for ln in body)
    right = ends[int(0.8 * (len(ends) - 1))] if len(ends) > 2 else max(ends)
    return left, right


EDGE_EMS = 0.5  # lines starting this close together (in characters) start at one edge


def left_edge(starts: list[float], size: float) -> float:
    """Where a column's unindented lines start: the leftmost place a quarter of its lines (two at least)
    start at, not the leftmost line — an OCR box that reaches past the column's edge (a stray mark read
    with the line) would otherwise make every line of the column look indented and every paragraph's
    first line look flush (``[609, 653, 653, 653, 713, 653 …]`` → 653)."""
    xs = sorted(starts)
    need = max(2, len(xs) // 4)
    reach = EDGE_EMS * size
    for k, x in enumerate(xs):
        if bisect_right(xs, x + reach) - k >= need:
            return x
    return xs[0]


def body_pitch(lines: list[PrintedLine], size: float) -> float:
    """How far apart the characters of the page's body lines stand: the middle pitch of its body-sized
    lines of a few words or more (0 when there are none)."""
    pitches = sorted(_pitch(ln) for ln in lines if is_body(ln, size) and len(ln.glyphs) >= BODY_PITCH_CHARS)
    return pitches[len(pitches) // 2] if pitches else 0.0


BODY_PITCH_CHARS = 6  # lines this long at least tell the body's pitch (a short line's box is mostly margin)


def _frames_of_leaf(lines: list[PrintedLine], boxed: set[int], leaf: int, size: float,
                    pitch: float = 0.0) -> list[Frame]:
    left, right = _leaf_edges(lines, size, pitch)
    frames: list[Frame] = []
    prev = None
    for ln in lines:
        b = id(ln) in boxed
        if prev is not None and frames:
            same_size = _same_size(ln, prev)
            close = ln.y0 - prev.y1 <= FRAME_GAP * max(ln.size, prev.size)
            if same_size and close and b == frames[-1].boxed:
                frames[-1].lines.append(ln)
                prev = ln
                continue
        frames.append(Frame([ln], b, leaf, left, right, pitch))
        prev = ln
    return frames


def _pitch(line: PrintedLine) -> float:
    """How far apart the line's characters stand (a Latin letter or digit counts half)."""
    chars = sum(0.5 if g.char.isascii() else 1.0 for g in line.glyphs if g.char.strip())
    return (line.x1 - line.x0) / chars if chars else 0.0


def _same_size(a: PrintedLine, b: PrintedLine) -> bool:
    """``a`` and ``b`` are set in one size: their boxes stand as tall, or their characters as far apart.  An
    OCR box's height follows the marks it holds (``瑶）`` or ``“以前…`` come back a third taller than the
    lines around them); the characters' pitch does not."""
    if abs(a.size - b.size) <= BODY_SIZE_TOLERANCE * max(a.size, b.size):
        return True
    pa, pb = _pitch(a), _pitch(b)
    return pa > 0 and pb > 0 and abs(pa - pb) <= BODY_SIZE_TOLERANCE * max(pa, pb)


def column_grid(lines: list[PrintedLine], size: float) -> list[float]:
    """Where the page's columns start: the leftmost body line start and every gutter's right side."""
    body = [ln for ln in lines if is_body(ln, size)]
    if not body:
        return [min((ln.x0 for ln in lines), default=0.0)]
    starts = sorted({round(g.x1, 1) for g in find_gutters(lines, size)})
    first = min(ln.x0 for ln in body)
    return [first] + [s for s in starts if s > first + 2 * size]


def column_of(line: PrintedLine, grid: list[float], size: float) -> int:
    """Index of the grid column holding ``line``; -1 when it runs across a column start."""
    k = 0
    for i, x in enumerate(grid):
        if line.x0 >= x - size:
            k = i
    if k + 1 < len(grid) and line.x1 > grid[k + 1] + size:
        return -1
    return k


def analyse_layout(lines: list[PrintedLine], width: float, height: float, edges: Sequence[Edge] = (),
                   obstacles: Sequence[Obstacle] = ()) -> Layout:
    """Cut glued lines at gutters, order the page, group lines into frames."""
    lines = [ln for ln in lines if ln.ink()]
    size = body_size(lines)
    gutters = find_gutters(lines, size)
    lines = join_row_pieces(split_at_gutters(lines, gutters, size), gutters, size)
    boxed = {id(ln) for ln in lines if enclosing_box((ln.x0, ln.y0, ln.x1, ln.y1), list(edges), width, height)}
    obstacles = list(obstacles) + rule_obstacles(edges, size)
    leaves = xy_order(lines, obstacles, size, gutters=gutters)
    pitch = body_pitch(lines, size)
    frames: list[Frame] = []
    for n, leaf in enumerate(leaves):
        frames += _frames_of_leaf(leaf, boxed, n, size, pitch)
    return Layout(width, height, size, frames, column_grid(lines, size))


def _indented(line: PrintedLine, frame: Frame) -> bool:
    lo, hi = INDENT_EMS
    return lo * line.size <= line.x0 - frame.left <= hi * line.size


def _full(line: PrintedLine, frame: Frame) -> bool:
    return line.x1 >= frame.right - FULL_LINE_EMS * line.size


def carries_on(prev: Frame, nxt: Frame, size: float) -> bool:
    """A paragraph runs on from ``prev`` (a column's foot) into ``nxt`` (the next column's head)."""
    if prev.leaf == nxt.leaf or not prev.body(size) or not nxt.body(size):
        return False
    if abs(prev.lines[-1].size - nxt.lines[0].size) > 0.15 * size:
        return False
    return _full(prev.lines[-1], prev) and not _indented(nxt.lines[0], nxt)


def line_text(line: PrintedLine) -> str:
    """The printed line's characters; white of half a character or more where no space was given becomes one space.

    OCR engines drop the spaces between the pieces of a page header and after
    ``本报讯``; a text layer keeps its own spaces (ideographic ones included).
    """
    out: list[str] = []
    prev = None
    for g in line.glyphs:
        if not g.char.strip():
            if out and out[-1] != " " and out[-1] != "\u3000":
                out.append("\u3000" if g.char == "\u3000" else " ")
            prev = None
            continue
        if prev is not None and g.x0 - prev.x1 >= SPACE_SHARE * max(line.size, 1.0):
            out.append(" ")
        out.append(g.char)
        prev = g
    return "".join(out).strip()


def write_page(layout: Layout, source: str, *, image: str | None = None, page_index: int = 0,
               engine: str = "", sha256: str = "") -> Page:
    """The page's text in reading order and, for every non-blank line, where it was printed."""
    out: list[str] = []
    boxes: list[LineBox] = []
    size = layout.size
    prev: Frame | None = None
    for frame in layout.frames:
        if prev is not None and not carries_on(prev, frame, size):
            out.append("")
        body = frame.body(size) and len(frame.lines) > 0
        for line in frame.lines:
            text = line_text(line)
            if body and _indented(line, frame):
                text = INDENT + text
            out.append(text)
            col = column_of(line, layout.columns, size)
            boxes.append(LineBox(len(out), round(line.x0, 2), round(line.y0, 2), round(line.x1, 2),
                                 round(line.y1, 2), round(line.size, 2), col, frame.boxed))
        prev = frame
    text = "\n".join(out) + "\n"
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    geometry = Geometry(layout.width, layout.height, tuple(boxes), image, page_index, engine)
    return Page(source=source, text=text, encoding="utf-8", newline="\n", sha256=digest, geometry=geometry)
