"""Reading order of a newspaper page from where its lines sit.

The page is cut recursively, the way a reader's eye takes it apart: a wide
horizontal band of white (or a rule) across the whole region separates what is
read first (above) from what is read after (below); a vertical gutter running
the region's whole height separates columns read left to right.  Horizontal
cuts come first, so an article laid out over three columns is read to its end
before the stream of columns under it, and a spanning headline is read before
the columns it heads; where no band of white crosses the region (the lead and
the columns under it sit beside a right-hand column), the gutters cut.

Two things a strict gap tree gets wrong are tolerated: a gutter narrower than
the boxes' padding (intervals are shrunk a little before looking for white),
and a box glued across a gutter (cut back by :mod:`columns` before this runs).
Regions that no cut separates but that hold lines side by side are read
column by column through :func:`stack_order`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .glyphs import SIZE_STEP, PrintedLine

#: white beyond the usual white between lines (share of the body size) that separates bands read one after the other
BAND_GAP = 0.5
#: the same, under a headline (the text above and below differ in size)
HEADLINE_GAP = 0.3
#: neither what lies above a horizontal cut nor what lies below may leave this share of the region empty on a side
EMPTY_SIDE_SHARE = 0.3
#: text this much smaller than the body (header and footer lines, captions) is small print
SMALL_PRINT = 0.92
#: how far boxes may overlap (share of the body size) and still leave a gutter between them
OVERLAP_TOLERANCE = 0.3


@dataclass(frozen=True)
class Obstacle:
    """Something printed that is no text but takes room: a picture, a filled frame, a rule."""

    x0: float
    y0: float
    x1: float
    y1: float
    rule: bool = False  # a thin rule: it separates bands even where the white is narrow


def rule_obstacles(edges, size: float) -> list[Obstacle]:
    """Horizontal rules (and frame sides) at least a few characters long, as obstacles that cut bands."""
    return [Obstacle(e.x0, e.y0, e.x1, e.y1, rule=True) for e in edges
            if e.horizontal and abs(e.x1 - e.x0) >= 3 * size]


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """White stretches at least ``min_gap`` wide between intervals (sorted or not)."""
    spans = sorted(spans)
    out = []
    reach = None
    for a, b in spans:
        if reach is not None and a - reach >= min_gap:
            out.append((reach, a))
        reach = b if reach is None else max(reach, b)
    return out


def line_gap(lines: list[PrintedLine], size: float) -> float:
    """The usual white between two lines of body text in one column (from the lines themselves)."""
    body = sorted((ln for ln in lines if abs(ln.size - size) <= 0.15 * size), key=lambda ln: (ln.y0, ln.x0))
    gaps = []
    for i, a in enumerate(body):
        for b in body[i + 1:i + 12]:
            if b.y0 >= a.y1 and _overlap(a.x0, a.x1, b.x0, b.x1) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0):
                gaps.append(b.y0 - a.y1)
                break
    if not gaps:
        return 0.5 * size
    gaps.sort()
    return gaps[len(gaps) // 2]


def horizontal_cuts(lines: list[PrintedLine], obstacles: list[Obstacle], size: float,
                    gap: float | None = None) -> list[float]:
    """y positions of bands of white (or rules over the region's width) that cross the whole region.

    A band counts when it is wide (``BAND_GAP`` times the body size), or when
    the text above it and below it differ in size (a headline over its body:
    the white under a headline is often narrower than a line).
    """
    if len(lines) < 2:
        return []
    gap = line_gap(lines, size) if gap is None else gap
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    spans = [(ln.y0, ln.y1) for ln in lines]
    spans += [(o.y0, o.y1) for o in obstacles if not o.rule and o.x0 < x1 and o.x1 > x0]
    cuts = _white_bands(lines, spans, gap, size)
    ruled = _rules_across(lines, obstacles, x0, x1, size)
    return _keep_spanning_cuts(sorted(set(cuts) | ruled), ruled, lines, obstacles, x0, x1, size)


def _white_bands(lines: list[PrintedLine], spans, gap: float, size: float) -> list[float]:
    """Middles of white bands that are wide, or narrower but with a change of type size across them."""
    cuts = []
    for a, b in _gaps(spans, gap + HEADLINE_GAP * size):
        if b - a >= gap + BAND_GAP * size:
            cuts.append((a + b) / 2)
            continue
        above = [ln.size for ln in lines if a - size <= ln.y1 <= a + 0.01]
        below = [ln.size for ln in lines if b - 0.01 <= ln.y0 <= b + size]
        if above and below and _size_step(max(above), max(below)):
            cuts.append((a + b) / 2)
    return cuts


def _rules_across(lines: list[PrintedLine], obstacles: list[Obstacle], x0: float, x1: float, size: float) -> set:
    """Heights of rules across (most of) the region that cross no line: they separate bands however
    narrow the white around them."""
    top, bottom = min(ln.y0 for ln in lines), max(ln.y1 for ln in lines)
    shrink = 0.1 * size
    ruled = set()
    for o in obstacles:
        if o.rule and top < o.y0 < bottom and o.x0 <= x0 + 2 * size and o.x1 >= x1 - 2 * size:
            y = (o.y0 + o.y1) / 2
            if not any(ln.y0 + shrink < y < ln.y1 - shrink for ln in lines):
                ruled.add(y)
    return ruled


def _keep_spanning_cuts(cuts: list[float], ruled: set, lines, obstacles, x0: float, x1: float,
                        size: float) -> list[float]:
    """Drop cuts whose bands on either side leave a wide side of the region empty, until none is left to drop.

    Each cut is judged by the band right above it and the band right below it
    (up to the neighbouring cuts still standing), so a footer that spans the
    page does not vouch for a cut far above it.  A ruled cut always stands, and
    so does a cut beside a band of small print only (a header, a footer line).
    """
    items = list(lines) + [o for o in obstacles if not o.rule]
    changed = True
    while changed and cuts:
        changed = False
        bounds = [float("-inf")] + cuts + [float("inf")]
        for k in range(1, len(bounds) - 1):
            if bounds[k] in ruled:
                continue
            above = [i for i in items if bounds[k - 1] <= (i.y0 + i.y1) / 2 < bounds[k]]
            below = [i for i in items if bounds[k] <= (i.y0 + i.y1) / 2 < bounds[k + 1]]
            if not (_spans(above, x0, x1, size) and _spans(below, x0, x1, size)):
                cuts = cuts[:k - 1] + cuts[k:]
                changed = True
                break
    return cuts


def _spans(items, x0: float, x1: float, size: float) -> bool:
    """``items`` stretch over the region, leaving no wide side empty, or are small print only.

    A column that simply ends higher than its neighbours leaves white under it
    across the region; cutting there would read the rest of the longer column
    after everything above, so such a band is no cut.  A centred headline
    leaves white on both sides, but little on either.
    """
    if not items:
        return False
    if all(isinstance(i, PrintedLine) and i.size <= SMALL_PRINT * size for i in items):
        return True
    width = x1 - x0
    left = min(i.x0 for i in items) - x0
    right = x1 - max(i.x1 for i in items)
    return max(left, right) <= EMPTY_SIDE_SHARE * width


def _size_step(a: float, b: float) -> bool:
    return max(a, b) > SIZE_STEP * min(a, b)


def vertical_cuts(lines: list[PrintedLine], size: float, gutters=()) -> list[float]:
    """x positions of gutters running the whole height of the region.

    Boxes may overlap a little (OCR padding), and where no strict gutter
    exists a gutter found from the page's column edges still cuts when only a
    stray box or two lean across it, each lying mostly on one side.
    """
    if len(lines) < 2:
        return []
    spans = []
    for ln in lines:
        t = min(OVERLAP_TOLERANCE * size, 0.25 * (ln.x1 - ln.x0))
        spans.append((ln.x0 + t, ln.x1 - t))
    strict = [(a + b) / 2 for a, b in _gaps(spans, 0.0)]
    if strict or len(lines) < 8:
        return strict
    y0 = min(ln.y0 for ln in lines)
    y1 = max(ln.y1 for ln in lines)
    return [(g.x0 + g.x1) / 2 for g in gutters
            if not (g.y1 < y0 or g.y0 > y1) and _few_lean_across(lines, (g.x0 + g.x1) / 2)]


def _few_lean_across(lines: list[PrintedLine], x: float) -> bool:
    """Lines stand on both sides of ``x`` and only a stray few cross it, each lying mostly on one side."""
    left = sum(1 for ln in lines if ln.x1 <= x)
    right = sum(1 for ln in lines if ln.x0 >= x)
    crossing = [ln for ln in lines if ln.x0 < x < ln.x1]
    if left < 2 or right < 2 or len(crossing) > max(1, len(lines) // 25):
        return False
    return all(max(x - ln.x0, ln.x1 - x) >= 0.7 * (ln.x1 - ln.x0) for ln in crossing)


def _split(lines, cuts, key):
    groups: list[list[PrintedLine]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        k = sum(1 for c in cuts if key(ln) > c)
        groups[k].append(ln)
    return [g for g in groups if g]


def _local(obstacles: list[Obstacle], lines: list[PrintedLine]) -> list[Obstacle]:
    """The obstacles that touch the region the lines take."""
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    y0 = min(ln.y0 for ln in lines)
    y1 = max(ln.y1 for ln in lines)
    return [o for o in obstacles if o.x0 < x1 and o.x1 > x0 and o.y0 < y1 and o.y1 > y0]


def xy_order(lines: list[PrintedLine], obstacles: list[Obstacle], size: float, gap: float | None = None,
             depth: int = 0, gutters=()) -> list[list[PrintedLine]]:
    """Leaf regions in reading order; each leaf's lines top to bottom.

    ``gap`` is the usual white between lines (measured on the whole page when not given).
    """
    if not lines:
        return []
    if len(lines) == 1 or depth > 60:
        return [sorted(lines, key=lambda ln: (ln.y0, ln.x0))]
    gap = line_gap(lines, size) if gap is None else gap
    local = _local(obstacles, lines)
    hs = horizontal_cuts(lines, local, size, gap)
    if hs:
        parts = _split(lines, hs, lambda ln: (ln.y0 + ln.y1) / 2)
        if len(parts) > 1:
            return [leaf for p in parts for leaf in xy_order(p, local, size, gap, depth + 1, gutters)]
    vs = vertical_cuts(lines, size, gutters)
    if vs:
        parts = _split(lines, vs, lambda ln: (ln.x0 + ln.x1) / 2)
        if len(parts) > 1:
            return [leaf for p in parts for leaf in xy_order(p, local, size, gap, depth + 1, gutters)]
    return stack_order(lines, size)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def side_by_side(lines: list[PrintedLine], size: float) -> bool:
    """Some two lines sit level with each other with white between them (two columns in one region)."""
    ordered = sorted(lines, key=lambda ln: ln.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.y0 >= a.y1:
                break
            level = _overlap(a.y0, a.y1, b.y0, b.y1) > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)
            if level and _overlap(a.x0, a.x1, b.x0, b.x1) < 0.3 * size:
                return True
    return False


def stack_order(lines: list[PrintedLine], size: float) -> list[list[PrintedLine]]:
    """A region no cut separates: a single column top to bottom, else stacks read as columns.

    Each line joins the stack whose last line sits right above it in the same
    column (it overlaps most of its width, or starts where it starts, give or
    take an indent).  Stacks are then read the way a column reader goes: on
    down into the stack right under the one just read when it stays within its
    column, otherwise the topmost stack with nothing unread above it, leftmost
    first among those level with each other.
    """
    ordered = sorted(lines, key=lambda ln: (ln.y0, ln.x0))
    if not side_by_side(ordered, size):
        return [ordered]
    stacks: list[list[PrintedLine]] = []
    for ln in ordered:
        best = None
        for s in stacks:
            last = s[-1]
            if last.y1 > ln.y0 + 0.3 * size or ln.y0 - last.y1 > 1.5 * size or _size_step(last.size, ln.size):
                continue
            ov = _overlap(last.x0, last.x1, ln.x0, ln.x1)
            aligned = -0.5 * size <= ln.x0 - s[0].x0 <= 3.5 * size or abs(ln.x0 - last.x0) <= 0.5 * size
            if (ov > 0.5 * min(ln.x1 - ln.x0, last.x1 - last.x0) or (ov > 0 and aligned)) \
                    and (best is None or ov > best[0]):
                best = (ov, s)
        if best is None:
            stacks.append([ln])
        else:
            best[1].append(ln)
    return _read_stacks(stacks, size)


def _box(stack: list[PrintedLine]) -> tuple[float, float, float, float]:
    return (min(ln.x0 for ln in stack), min(ln.y0 for ln in stack),
            max(ln.x1 for ln in stack), max(ln.y1 for ln in stack))


def _read_stacks(stacks: list[list[PrintedLine]], size: float) -> list[list[PrintedLine]]:
    boxes = [_box(s) for s in stacks]
    unread = set(range(len(stacks)))

    def available(i: int) -> bool:
        x0, y0, x1, _ = boxes[i]
        return not any(j != i and _overlap(boxes[j][0], boxes[j][2], x0, x1) > 0.3 * size
                       and boxes[j][3] <= y0 + 0.3 * size for j in unread)

    out: list[int] = []
    while unread:
        ready = [i for i in unread if available(i)] or list(unread)
        nxt = None
        if out:
            lx0, _, lx1, ly1 = boxes[out[-1]]
            lw = lx1 - lx0
            under = [i for i in ready if boxes[i][0] >= lx0 - size and boxes[i][2] <= lx1 + size
                     and boxes[i][2] - boxes[i][0] >= 0.6 * lw and boxes[i][1] >= ly1 - 0.3 * size]
            if under:
                nxt = min(under, key=lambda i: boxes[i][1])
        if nxt is None:
            top = min(boxes[i][1] for i in ready)
            level = [i for i in ready if boxes[i][1] <= top + 1.5 * size]
            nxt = min(level, key=lambda i: boxes[i][0])
        out.append(nxt)
        unread.discard(nxt)
    return [stacks[i] for i in out]
