"""Cut a run of lines that two or three columns' lines alternate in into the bands they were printed in.

Damage repaired: a page whose columns a tool read row by row across the page
(line-level OCR sorted by height, pdfminer on some layouts) holds, band after
band, two columns' lines alternating: ``甲1 乙1 甲2 乙2 … 甲9 乙9`` and then the
next band ``丙1 丁1 丙2 丁2 …``.  Taking every line's successor two lines down
reads each band's left column straight on into the next band's left column
(``甲9 → 丙1``), so whole columns land in the wrong article.  The period two
lines stays the same across the seam, so nothing local shows it: the seam shows
in the text of the whole run — at the right seams the left column's last line
goes on in the right column's first line (``…全市发`` | ``展大局。``) and the
right column's last line in the next band's first (``…主办、`` | ``自流井区…``).

Every band height the run allows is tried; the one whose seams the text
carries on across best, clearly better than the lines were linked (straight
down), at two seams at least, cuts the run into bands, each read column by
column.

Example: ``[甲1, 乙1, 甲2, 乙2, 丙1, 丁1, 丙2, 丁2]`` with a band of two rows →
``甲1 甲2 乙1 乙2 丙1 丙2 丁1 丁2``.
"""
from __future__ import annotations

import math
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the link scorer's own types; this module is called from ``order``
    from .order import Context, OrderModel

MIN_ROWS = 8  # a band holds at least this many rows (shorter bands seam by chance too often) …
MAX_ROWS = 100  # … and at most this many (a printed column is shorter)
SEAM_GAIN = 3.0  # log-odds each seam must read better by (odds of 20 to 1): short bands seam by chance
NEVER = math.log(0.01 / 0.99)  # a pair text never makes: as unlikely as the scorer's rarest pairs
MIN_SEAMS = 2  # one seam alone is as often two unrelated pieces of a page that read on by chance
OFFSETS = (0, 1, 2)  # the run may start this many lines before its first band


def period_runs(period: list[int], min_rows: int = MIN_ROWS) -> list[tuple[int, int, int]]:
    """The runs ``(first, end, period)`` of lines that keep one period above 1, at least two bands of
    ``min_rows`` rows long (a seam needs a band either side)."""
    out, start = [], 0
    for i in range(1, len(period) + 1):
        if i == len(period) or period[i] != period[start]:
            p = period[start]
            if p > 1 and i - start >= 2 * p * min_rows:
                out.append((start, i, p))
            start = i
    return out


def fit_of(ctx: Context, model: OrderModel, a: int, b: int) -> float:
    """How well ``b``'s text carries ``a``'s on, as log-odds, were ``b`` printed right under ``a`` (a pair
    text never makes, such as a sentence cut short going on in a news lead, as unlikely as can be)."""
    from .order import _never_across_articles

    fits = ctx.__dict__.setdefault("_fits", {})  # the band heights tried ask about the same pairs again
    found = fits.get((a, b))
    if found is None:
        if ctx.labels is not None and _never_across_articles(ctx, a, b):
            found = NEVER
        else:
            p = min(max(model.probability(ctx.features(a, b, adjacent=True)), 1e-4), 1 - 1e-4)
            found = math.log(p / (1 - p))
        fits[(a, b)] = found
    return found


def seam_gain(ctx: Context, model: OrderModel, top: int, rows: int, p: int, end: int,
              succ: list[int | None]) -> float:
    """How much better the text reads across the seam under the band of ``rows`` rows starting at line
    ``top`` than as the lines were linked (straight down its columns where they were not): each column's
    last line going on in the next column's first line (the last column's in the next band's first)."""
    seam = top + p * rows
    gain = 0.0
    for j in range(p):
        last = top + j + p * (rows - 1)
        into = top + j + 1 if j + 1 < p else seam
        straight = seam + j
        if straight >= end:
            return -math.inf
        was = succ[last]
        linked = was if was is not None else straight
        if linked != into:
            gain += fit_of(ctx, model, last, into) - fit_of(ctx, model, last, linked)
    return gain


def band_height(ctx: Context, model: OrderModel, first: int, end: int, p: int,
                succ: list[int | None]) -> tuple[int, int] | None:
    """The first line and the height in rows of the bands the run ``first``…``end`` is cut into, or None
    when no height reads clearly better across its seams than straight down."""
    best, best_gain = None, 0.0
    for offset in OFFSETS:
        top0 = first + offset
        for rows in range(MIN_ROWS, min(MAX_ROWS, (end - top0) // p)):
            seams = list(range(top0, end, p * rows))[:-1]
            seams = [t for t in seams if t + p * rows + p <= end]
            if len(seams) < MIN_SEAMS:
                continue
            gains = [seam_gain(ctx, model, t, rows, p, end, succ) for t in seams]
            total = sum(gains)
            if min(gains) > 0 and total > best_gain and total >= SEAM_GAIN * len(seams):
                best, best_gain = (top0, rows), total
    return best


def band_order(top: int, seam: int, rows: int, p: int) -> list[list[int]]:
    """The lines from ``top`` to the last ``seam`` cut into bands of ``rows`` rows, each band's columns
    one after another."""
    out = []
    for start in range(top, seam, p * rows):
        out += [list(range(start + j, start + p * rows, p)) for j in range(p)]
    return out


def restack(ctx: Context, model: OrderModel, succ: list[int | None]) -> list[int | None]:
    """``succ`` with every run of interleaved lines that shows bands read band by band, column by column:
    each line's successor the next line of its column, a column's last line the next column's first, the
    last band's last column's last line the first line under the bands.  The last band under the last
    seam, whose columns may end unevenly, keeps its links."""
    succ = list(succ)
    for first, end, p in period_runs(ctx.period):
        found = band_height(ctx, model, first, end, p, succ)
        if found is None:
            continue
        top, rows = found
        band = p * rows
        seam = top + band * ((end - top) // band)
        if seam + p > end:  # the lines under the last seam are too few to be a band: the last band ends the run
            seam -= band
        if seam + band <= len(succ) and seam + band - end <= 2 * p:
            seam += band  # a whole band under it, its last rows past the run (read as one column, the other ended)
        columns = band_order(top, seam, rows, p)
        for a, b in enumerate(succ):
            if b is not None and top < b <= seam and not top <= a < seam:
                succ[a] = None  # a line outside no longer runs into the bands, nor into the line under them
        for column, after in zip(columns, columns[1:] + [[seam]], strict=True):
            for a, b in pairwise(column):
                succ[a] = b
            succ[column[-1]] = after[0] if after[0] < len(succ) else None
        _break_loops(succ)
    return succ


def _break_loops(succ: list[int | None]) -> None:
    """A chain that runs back into itself is cut where it closes (every line keeps one reading)."""
    state = [0] * len(succ)  # 0 unseen, 1 on the current walk, 2 done
    for start in range(len(succ)):
        walk: list[int] = []
        j: int | None = start
        while j is not None and state[j] == 0:
            state[j] = 1
            walk.append(j)
            j = succ[j]
        if j is not None and state[j] == 1:
            succ[walk[-1]] = None
        for k in walk:
            state[k] = 2
