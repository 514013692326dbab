"""Rules and frames printed on a page, and which lines sit inside a frame.

A newspaper sets captions, index boxes and short-news columns inside ruled or
filled frames.  Readers turn what they see into :class:`Edge` values (a PDF's
path and image objects, an image's long dark runs); a line is *boxed* when
edges close it in on four sides and the rectangle they make is small next to
the page (column rules that run from the header to the footer enclose every
line of a column, and that is no box).
"""
from __future__ import annotations

from dataclasses import dataclass

EDGE_TOLERANCE = 2.0  # page units an edge may fall short of a corner
MAX_BOX_SHARE = 0.25  # a rectangle larger than this share of the page is layout, not a box


@dataclass(frozen=True)
class Edge:
    """A horizontal (``y0 == y1``) or vertical (``x0 == x1``) stretch of a rule or a filled area's side."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= abs(self.x1 - self.x0)


def rectangle_edges(x0: float, y0: float, x1: float, y1: float) -> list[Edge]:
    """The four sides of a rectangle (a frame, a filled area, a picture)."""
    return [Edge(x0, y0, x1, y0), Edge(x0, y1, x1, y1), Edge(x0, y0, x0, y1), Edge(x1, y0, x1, y1)]


def edges_of_rule(x0: float, y0: float, x1: float, y1: float, thin: float = 3.0) -> list[Edge]:
    """A thin rule becomes one edge along its middle; a thicker shape its four sides."""
    w, h = x1 - x0, y1 - y0
    if h <= thin and w > thin:
        y = (y0 + y1) / 2
        return [Edge(x0, y, x1, y)]
    if w <= thin and h > thin:
        x = (x0 + x1) / 2
        return [Edge(x, y0, x, y1)]
    if w > thin and h > thin:
        return rectangle_edges(x0, y0, x1, y1)
    return []


def _nearest(candidates, key):
    best = None
    for c in candidates:
        if best is None or key(c) < key(best):
            best = c
    return best


def _along(edges: list[Edge], box, tol: float) -> tuple[list[Edge], list[Edge]]:
    """The horizontal edges as wide as ``box`` and the vertical edges as tall."""
    x0, y0, x1, y1 = box
    hs = [e for e in edges if e.horizontal and min(e.x0, e.x1) <= x0 + tol and max(e.x0, e.x1) >= x1 - tol]
    vs = [e for e in edges if not e.horizontal and min(e.y0, e.y1) <= y0 + tol and max(e.y0, e.y1) >= y1 - tol]
    return hs, vs


def _nearest_sides(box, edges: list[Edge], tol: float) -> tuple[Edge, Edge, Edge, Edge] | None:
    """The nearest edges above, below, left and right of ``box`` that run along its whole side, or None."""
    x0, y0, x1, y1 = box
    hs, vs = _along(edges, box, tol)
    top = _nearest((e for e in hs if e.y0 <= y0 + tol), lambda e: y0 - e.y0)
    bottom = _nearest((e for e in hs if e.y0 >= y1 - tol), lambda e: e.y0 - y1)
    left = _nearest((e for e in vs if e.x0 <= x0 + tol), lambda e: x0 - e.x0)
    right = _nearest((e for e in vs if e.x0 >= x1 - tol), lambda e: e.x0 - x1)
    if not (top and bottom and left and right):
        return None
    return top, bottom, left, right


def _sides_meet(top: Edge, bottom: Edge, left: Edge, right: Edge, tol: float) -> bool:
    """The four edges close a rectangle: the horizontal ones reach both vertical ones, and back."""
    rx0, rx1, ry0, ry1 = left.x0, right.x0, top.y0, bottom.y0
    return all(min(e.x0, e.x1) <= rx0 + tol and max(e.x0, e.x1) >= rx1 - tol for e in (top, bottom)) and \
        all(min(e.y0, e.y1) <= ry0 + tol and max(e.y0, e.y1) >= ry1 - tol for e in (left, right))


def enclosing_box(box: tuple[float, float, float, float], edges: list[Edge], page_w: float, page_h: float,
                  tol: float = EDGE_TOLERANCE) -> tuple[float, float, float, float] | None:
    """The small rectangle of edges closing in ``box`` (x0, y0, x1, y1), or None.

    >>> frame = rectangle_edges(0, 0, 100, 40)
    >>> enclosing_box((10, 10, 90, 30), frame, 1000, 1000)
    (0, 0, 100, 40)
    >>> enclosing_box((10, 10, 90, 30), frame[:3], 1000, 1000) is None
    True
    """
    sides = _nearest_sides(box, edges, tol)
    if sides is None:
        return None
    top, bottom, left, right = sides
    if not _sides_meet(top, bottom, left, right, tol):
        return None
    rx0, rx1, ry0, ry1 = left.x0, right.x0, top.y0, bottom.y0
    if (rx1 - rx0) * (ry1 - ry0) > MAX_BOX_SHARE * page_w * page_h:
        return None
    return (rx0, ry0, rx1, ry1)
