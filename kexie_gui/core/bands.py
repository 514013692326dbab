"""Bands of a page whose rows hold columns side by side, told by where the pieces start.

Damage handled: a tool that keeps the printed layout (``pdftotext -layout``, an
OCR export that pads with spaces) sets two or more columns on one row.  Where
one pair of columns ends and the next pair starts right under it, no white row
separates them, so cutting at white rows reads the upper pair's left column
on into the lower pair's left column.  A column keeps its left edge (give or
take a paragraph indent), so a piece starting at an edge no column of the
current band uses, right of every column on the row above, opens a new band.

Example (cells: where a piece starts)::

    甲甲甲甲 (0)    乙乙乙乙 (20)
    甲甲甲甲 (0)    乙乙乙乙 (20)
    甲甲甲甲 (0)    乙乙乙乙 (20)
    丙丙丙丙 (0)           丁丁丁丁 (27)   <- edge 27 is new and runs on: a band starts here
    丙丙丙丙 (0)           丁丁丁丁 (27)
    丙丙丙丙 (0)           丁丁丁丁 (27)

reads 甲 甲 甲 乙 乙 乙, then 丙 丙 丙 丁 丁 丁.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

#: a piece starting this many cells right of a column's edge is still in that column (an indent, jitter)
EDGE_SLACK = 3
#: a paragraph's first line is indented this many cells (two spaces, or one full-width space)
INDENT_CELLS = 2
#: the page is read by bands only if this share of its pieces start exactly at an edge (or one indent in)
CLEAN_SHARE = 0.95


def column_edges(starts: list[float]) -> list[float]:
    """The left edges the pieces keep to: their start cells clustered, each cluster by its leftmost cell.

    >>> column_edges([0, 2, 0, 20, 21, 0, 27])
    [0, 20, 27]
    """
    edges: list[float] = []
    for x in sorted(starts):
        if not edges or x - edges[-1] > EDGE_SLACK:
            edges.append(x)
    return edges


@dataclass(frozen=True)
class ColumnEdges:
    """The column edges a page's pieces keep to, the edge each piece starts at, and how cleanly they keep
    to them (``edge_share``); worked out once per measure of cells."""

    edges: list[float]
    owner: list[int]  # per piece: the index of the edge it starts at (or right of, within the slack)
    share: float

    def offset(self, k: int, starts: list[float]) -> float:
        """How far right of its edge piece ``k`` starts (0, or an indent)."""
        return round(starts[k] - self.edges[self.owner[k]], 2)


def keep_to_edges(starts: list[float]) -> ColumnEdges:
    """The edges of ``starts`` and the share of pieces set off from the left margin that start exactly at
    an edge three pieces share, or one indent (two cells) in."""
    edges = column_edges(starts)
    owner = [bisect_right(edges, x + 0.01) - 1 for x in starts]
    counts = Counter(owner)
    inner = [k for k, x in enumerate(starts) if x > INDENT_CELLS + 1]
    found = ColumnEdges(edges, owner, 0.0)
    exact = sum(counts[owner[k]] >= 3 and found.offset(k, starts) in (0, INDENT_CELLS) for k in inner)
    return replace(found, share=exact / len(inner) if inner else 0.0)


def edge_share(starts: list[float]) -> float:
    """How cleanly the page keeps to its columns in this measure of cells (see ``keep_to_edges``).

    >>> edge_share([0, 20, 0, 22, 0, 20, 0, 21])
    0.75
    """
    return keep_to_edges(starts).share


def bands(rows: list[int], starts: list[float], found: ColumnEdges | None = None,
          ends: list[float] | None = None) -> list[int] | None:
    """The band of every piece (``rows[k]``: its row, ``starts[k]``: its first cell, ``ends[k]``: the cell
    after its last), or None where the pieces keep to no clean column edges (a jittery layout: cutting by
    edges would do harm there); ``found``: the edges when the caller has them.

    >>> bands([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], [0, 20] * 3 + [0, 27] * 3)
    [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    >>> bands([1, 1, 2, 2, 3, 3, 4, 5], [0, 20] * 3 + [0, 0], ends=[16, 36] * 3 + [36, 16])
    [0, 0, 0, 0, 0, 0, 1, 1]
    """
    found = found or keep_to_edges(starts)
    if not starts or found.share < CLEAN_SHARE:
        return None
    of = found.owner
    by_row: dict[int, list[int]] = {}
    for k, row in enumerate(rows):
        by_row.setdefault(row, []).append(k)
    order = sorted(by_row)
    edges_at = [{of[k] for k in by_row[row]} for row in order]
    band, seen = 0, set[int]()
    out = [0] * len(rows)
    for r, row in enumerate(order):
        if r and (_opens_band(edges_at, r, seen) or (ends is not None and _spans_band(
                by_row[row], starts, ends, found.edges, seen))):
            band, seen = band + 1, set()
        seen |= edges_at[r]
        for k in by_row[row]:
            out[k] = band
    return out


def _opens_band(edges_at: list[set[int]], r: int, seen: set[int]) -> bool:
    """Row ``r`` starts a new band: the band so far held columns side by side, a column edge it has not
    used appears right of all of them, and the new edge runs on for a few rows (a column, not a headline
    or a page number set off to the right)."""
    if len(seen) < 2:
        return False
    for e in edges_at[r] - seen:
        if e > max(seen) and sum(e in edges_at[q] for q in range(r + 1, min(len(edges_at), r + 4))) >= 2:
            return True
    return False


def _spans_band(pieces: list[int], starts: list[float], ends: list[float], edges: list[float],
                seen: set[int]) -> bool:
    """A row of one piece that runs across the band's columns (a headline, a sponsor line or a column
    of its own set the full width under two columns): everything above it in the band is read before
    it, and what stands under it starts a new band."""
    if len(seen) < 2 or len(pieces) != 1:
        return False
    k = pieces[0]
    crossed = [edges[e] for e in seen if edges[e] > starts[k] + EDGE_SLACK]
    return bool(crossed) and ends[k] > min(crossed)
