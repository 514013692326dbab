"""Printed characters with their boxes, and the printed lines they make.

PDF text layers give one box per character; OCR engines give one box per
detected text line and (RapidOCR, Tesseract) boxes for its characters or
words.  Both become :class:`Glyph` values, and :func:`build_lines` groups them
into :class:`PrintedLine` values: glyphs on one baseline that follow each
other with no more than a small gap.  A wider gap (a gutter, the space between
the two pieces of a page header) ends the line, so a box that an engine glued
across a narrow gutter comes apart here.

Coordinates are page units with the origin top left and y growing downwards.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

#: a gap wider than this share of the text size ends a printed line
LINE_GAP_SHARE = 0.9
#: text this much larger than its neighbour on the row, after a gap, is another line (a headline beside a column)
SIZE_STEP = 1.25


@dataclass(frozen=True)
class Glyph:
    """One printed character and its advance box (ink box when that is all there is)."""

    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0  # font size (PDF) or text height (OCR); 0: take the box height
    base: float | None = None  # baseline (PDF: the character's origin); None: the box's bottom
    ink_right: float | None = None  # where the ink ends (a full-width comma inks only its left part)

    @property
    def baseline(self) -> float:
        return self.y1 if self.base is None else self.base

    @property
    def right(self) -> float:
        """Where the printed mark ends: the ink's right edge when known, else the box's."""
        return self.x1 if self.ink_right is None else self.ink_right


@dataclass(frozen=True)
class PrintedLine:
    """Glyphs printed on one baseline, left to right, without a gap wider than the text size."""

    glyphs: tuple[Glyph, ...]
    size: float
    bold: bool = False
    source_order: int = 0  # position of the first glyph in the source, to keep stable orders
    # the line's box, worked out once (layout code reads it very often)
    x0: float = field(init=False, compare=False, repr=False)
    y0: float = field(init=False, compare=False, repr=False)
    x1: float = field(init=False, compare=False, repr=False)
    y1: float = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        gs = self.glyphs
        box = (gs[0].x0, min(g.y0 for g in gs), gs[-1].x1, max(g.y1 for g in gs)) if gs else (0.0, 0.0, 0.0, 0.0)
        for name, value in zip(("x0", "y0", "x1", "y1"), box, strict=True):
            object.__setattr__(self, name, value)

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def split_at(self, index: int) -> tuple[PrintedLine, PrintedLine]:
        """The line cut before glyph ``index`` (trailing and leading spaces dropped)."""
        left = _trim(self.glyphs[:index])
        right = _trim(self.glyphs[index:])
        return (PrintedLine(left, self.size, self.bold, self.source_order),
                PrintedLine(right, self.size, self.bold, self.source_order))

    def ink(self) -> str:
        return "".join(self.text.split())


def _trim(glyphs: tuple[Glyph, ...]) -> tuple[Glyph, ...]:
    a, b = 0, len(glyphs)
    while a < b and not glyphs[a].char.strip():
        a += 1
    while b > a and not glyphs[b - 1].char.strip():
        b -= 1
    return glyphs[a:b]


def glyph_size(g: Glyph) -> float:
    return g.size if g.size > 0 else (g.y1 - g.y0)


def _same_row(row_base: float, row_size: float, g: Glyph) -> bool:
    return abs(g.baseline - row_base) <= 0.25 * max(row_size, glyph_size(g))


def split_runs(glyphs: list[Glyph], gap_share: float = LINE_GAP_SHARE) -> list[list[Glyph]]:
    """Cut one row of glyphs (sorted left to right) wherever the gap exceeds the text size share.

    A space glyph bridges nothing by itself: the gap is measured between inked glyphs,
    so the ideographic spaces between the pieces of a page header keep it one line
    while a gutter with no glyph in it cuts.

    >>> row = [Glyph("甲", 0, 0, 10, 10), Glyph("乙", 10, 0, 20, 10), Glyph("丙", 40, 0, 50, 10)]
    >>> ["".join(g.char for g in run) for run in split_runs(row)]
    ['甲乙', '丙']
    """
    runs: list[list[Glyph]] = []
    last_ink: Glyph | None = None
    for g in glyphs:
        inked = bool(g.char.strip())
        if runs and last_ink is not None and inked:
            a, b = glyph_size(last_ink), glyph_size(g)
            size = max(a, b)
            gap = g.x0 - last_ink.x1
            bridged = not runs[-1][-1].char.strip() and g.x0 - runs[-1][-1].x1 < 0.5 * size
            resized = max(a, b) > SIZE_STEP * min(a, b) and gap > 0.15 * size
            if (gap > gap_share * size and not bridged) or resized:
                runs.append([])
        if not runs:
            runs.append([])
        runs[-1].append(g)
        if inked:
            last_ink = g
    return [r for r in (list(_trim(tuple(r))) for r in runs) if r]


def build_lines(glyphs: list[Glyph], gap_share: float = LINE_GAP_SHARE) -> list[PrintedLine]:
    """Printed lines from loose glyphs: rows by baseline, cut at wide gaps.

    Glyphs of one row share their baseline (within a quarter of the text
    size); a size change inside a row (a larger first word) stays in the line.

    >>> gs = [Glyph(c, 10 * i, 0, 10 * i + 10, 10) for i, c in enumerate("左栏文字")]
    >>> gs += [Glyph(c, 55 + 10 * i, 0, 65 + 10 * i, 10) for i, c in enumerate("右栏")]
    >>> [l.text for l in build_lines(gs)]
    ['左栏文字', '右栏']
    """
    order = {id(g): n for n, g in enumerate(glyphs)}
    rows: list[list[Glyph]] = []
    row_base: list[float] = []
    row_size: list[float] = []
    for g in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows and _same_row(row_base[-1], row_size[-1], g):
            rows[-1].append(g)
            continue
        rows.append([g])
        row_base.append(g.baseline)
        row_size.append(glyph_size(g))
    lines: list[PrintedLine] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        for run in split_runs(row, gap_share):
            sizes = [glyph_size(g) for g in run if g.char.strip()]
            size = statistics.median(sizes) if sizes else glyph_size(run[0])
            lines.append(PrintedLine(tuple(run), round(size, 2), source_order=min(order[id(g)] for g in run)))
    return lines
