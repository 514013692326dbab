"""Decide the page's layout convention first, from the page's own statistics.

Damage handled: every tool lays a page out its own way, and a rule that reads
one way misreads the others.  A page with one paragraph per line read as
hard-wrapped becomes a few giant paragraphs; a pdfminer page with a blank line
after every printed line read as blank-line blocks becomes one block per line.
So the analysis measures the page first and says which convention it reads:

- ``blank-blocks``: paragraphs (or their pieces) separated by blank lines;
- ``paragraph-per-line``: one paragraph per line, no blank lines;
- ``wrapped-indented`` / ``wrapped-plain``: every printed line on its own line,
  paragraph starts indented or not (then a short last line ends a paragraph);
  blank lines, where there are some, separate regions;
- ``blank-after-line``: an extractor's blank line after every printed line;
- ``side-by-side``: rows holding several columns, split at gutters of spaces.

Two flags ride on any of them: ``han_spaces`` (Tesseract's spaces between Han
characters) and the printed column ``width`` of wrapped pages.  The editor can
override the decision (``Config.layout``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .lines import Unit, printed_widths
from .messages import Message, message

BLANK_BLOCKS = "blank-blocks"
PARAGRAPH_PER_LINE = "paragraph-per-line"
WRAPPED_INDENTED = "wrapped-indented"
WRAPPED_PLAIN = "wrapped-plain"
BLANK_AFTER_LINE = "blank-after-line"
SIDE_BY_SIDE = "side-by-side"
CONVENTIONS = (BLANK_BLOCKS, PARAGRAPH_PER_LINE, WRAPPED_INDENTED, WRAPPED_PLAIN, BLANK_AFTER_LINE, SIDE_BY_SIDE)

# What the statistics must show (shares of the page's lines); see ``decide``.
REGULAR_SHARE = 0.35  # lines at the column width: the page is hard-wrapped
BLANK_EVERY_LINE_SHARE = 0.8  # lines followed by a blank line
INDENTED_SHARE = 0.04  # indented lines on a wrapped page: indentation marks paragraph starts
HAN_SPACE_SHARE = 0.5  # Han neighbours separated by one space: Tesseract spacing
ROW_GAP_SHARE = 0.3  # lines holding a gutter of 3+ spaces between text: side-by-side columns
BAND_SHARE = 0.3  # lines wrapped at a width that varies a little (a ragged right edge) …
OPEN_END_SHARE = 0.5  # … most of which stop mid-sentence: the page is hard-wrapped too
SENTENCE_MARKS = "。！？!?…”’」』）)"
MIN_WRAP_WIDTH = 6  # narrower "columns" are lists of short items, not wrapped text
MIN_MEASURED_LINES = 12  # fewer lines say nothing about a column width

_ROW_GAP = regex.compile(r"\S {3,}\S")
_HAN_SPACED = regex.compile(r"\p{Han} (?=\p{Han})")
_HAN_PAIR = regex.compile(r"\p{Han}(?=\p{Han})")


@dataclass(frozen=True)
class Statistics:
    lines: int
    width: float  # the most common printed width of long lines
    regular: float  # share of lines within one character of ``width``
    blank_after: float  # share of lines followed by a blank line
    indented: float  # share of lines indented by one character or more
    han_spaces: float  # share of Han neighbours separated by one space
    row_gaps: float  # share of lines with an inner gutter of 3+ spaces
    band: float = 0.0  # share of lines in the band of widths just under the longest quarter's
    open_ends: float = 0.0  # share of long lines that stop mid-sentence


@dataclass(frozen=True)
class Convention:
    name: str
    width: float = 0.0  # printed column width of wrapped pages (0: lines are not wrapped)
    han_spaces: bool = False
    stats: Statistics | None = None
    forced: bool = False  # chosen by the editor

    @property
    def wrapped(self) -> bool:
        """Lines are printed lines: a line break inside a paragraph is a wrap, not a paragraph end."""
        return self.name in (WRAPPED_INDENTED, WRAPPED_PLAIN, BLANK_AFTER_LINE, SIDE_BY_SIDE)

    @property
    def paragraphs_indented(self) -> bool:
        """Printed lines whose paragraph starts are indented (also under an extractor's blank lines)."""
        return self.name == WRAPPED_INDENTED or (
            self.name == BLANK_AFTER_LINE and self.stats is not None and self.stats.indented >= INDENTED_SHARE)

    @property
    def blank_lines_separate(self) -> bool:
        """A blank line separates regions (not so where an extractor put one after every line)."""
        return self.name != BLANK_AFTER_LINE

    def explain(self) -> Message:
        """The layout and the statistics that decided it."""
        layout = message(f"layout.{self.name}")
        if self.forced:
            return message("layout.forced", layout=layout)
        s = self.stats
        if s is None:
            return message("layout.named", layout=layout)
        return message("layout.measured", layout=layout, lines=s.lines, regular=s.regular, width=s.width,
                       blank_after=s.blank_after, indented=s.indented,
                       han=message("layout.han-spaces") if self.han_spaces else "")


def _mode_width(widths: list[float]) -> float:
    """The most common width among lines long enough to have been wrapped (rounded to ½)."""
    long_ = [round(w * 2) / 2 for w in widths if w >= MIN_WRAP_WIDTH]
    if not long_:
        return 0.0
    counts = Counter(long_)
    # neighbouring widths (a digit more or less) vote for each other
    best = max(counts, key=lambda w: (counts[w] + 0.5 * (counts.get(w - 0.5, 0) + counts.get(w + 0.5, 0)), w))
    return best


def _spacing(units: list[Unit]) -> tuple[float, int]:
    """The share of Han neighbours a space stands between (Tesseract), and how many lines hold a gutter
    of spaces or were cut at one (columns side by side)."""
    spaced = pairs = gaps = 0
    for u in units:
        spaced += len(_HAN_SPACED.findall(u.text))
        pairs += len(_HAN_PAIR.findall(u.text))
        gaps += bool(_ROW_GAP.search(u.text)) or u.column > 0
    return (spaced / (spaced + pairs) if spaced + pairs else 0.0), gaps


def _wrap_evidence(units: list[Unit], widths: list[float]) -> tuple[float, float]:
    """The share of lines within a few characters of the long lines' width (upper quartile), and the
    share of long lines that stop mid-sentence: hard wrapping, even with uneven column widths."""
    n = len(units)
    top = sorted(widths)[min(n - 1, (3 * n) // 4)]
    band = sum(1 for w in widths if top - 4 <= w <= top + 1) / n
    long_ = [u for u, w in zip(units, widths, strict=True) if w >= max(MIN_WRAP_WIDTH, 0.6 * top)]
    open_ends = (sum(1 for u in long_ if u.text.rstrip()[-1:] not in SENTENCE_MARKS) / len(long_)) if long_ else 0.0
    return band, open_ends


def measure(units: list[Unit]) -> Statistics:
    """The page's own statistics, from its non-blank lines."""
    n = len(units)
    if not n:
        return Statistics(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    han_spaces, gaps = _spacing(units)
    widths = printed_widths(units, han_spaces >= HAN_SPACE_SHARE)
    width = _mode_width(widths)
    regular = sum(1 for w in widths if width and abs(w - width) <= 1) / n
    blank_after = sum(1 for u in units[1:] if u.blank_before) / max(1, n - 1)
    indented = sum(1 for u in units if u.indent >= 1) / n
    band, open_ends = _wrap_evidence(units, widths)
    rows = len({u.number for u in units}) or 1
    return Statistics(n, width, round(regular, 3), round(blank_after, 3), round(indented, 3),
                      round(han_spaces, 3), round(gaps / rows, 3), round(band, 3), round(open_ends, 3))


def decide(stats: Statistics) -> Convention:
    """The convention the statistics show.

    >>> decide(Statistics(80, 18, 0.6, 0.0, 0.2, 0.0, 0.0)).name
    'wrapped-indented'
    >>> decide(Statistics(40, 12, 0.1, 0.0, 0.0, 0.0, 0.0)).name
    'paragraph-per-line'
    >>> decide(Statistics(90, 16, 0.5, 0.95, 0.0, 0.0, 0.0)).name
    'blank-after-line'
    """
    han_spaces = stats.han_spaces >= HAN_SPACE_SHARE
    if stats.lines < MIN_MEASURED_LINES:
        name = BLANK_BLOCKS if stats.blank_after >= 0.3 else PARAGRAPH_PER_LINE  # too few lines to see a wrap
    elif stats.row_gaps >= ROW_GAP_SHARE:
        name = SIDE_BY_SIDE
    elif stats.width >= MIN_WRAP_WIDTH and (stats.regular >= REGULAR_SHARE or (
            stats.band >= BAND_SHARE and stats.open_ends >= OPEN_END_SHARE)):
        if stats.blank_after >= BLANK_EVERY_LINE_SHARE:
            name = BLANK_AFTER_LINE
        elif stats.indented >= INDENTED_SHARE:
            name = WRAPPED_INDENTED
        else:
            name = WRAPPED_PLAIN
    elif stats.blank_after >= 0.3:
        name = BLANK_BLOCKS
    else:
        name = PARAGRAPH_PER_LINE
    width = stats.width if name in (WRAPPED_INDENTED, WRAPPED_PLAIN, BLANK_AFTER_LINE, SIDE_BY_SIDE) else 0.0
    return Convention(name=name, width=width, han_spaces=han_spaces, stats=stats)


def convention_of(units: list[Unit], forced: str | None = None) -> Convention:
    """Measure and decide; ``forced`` (a name from ``CONVENTIONS``) is the editor's override."""
    stats = measure(units)
    if forced:
        if forced not in CONVENTIONS:
            raise ValueError(f"unknown layout convention {forced!r}")
        decided = decide(stats)
        width = stats.width if forced not in (BLANK_BLOCKS, PARAGRAPH_PER_LINE) else 0.0
        return Convention(name=forced, width=width, han_spaces=decided.han_spaces, stats=stats, forced=True)
    return decide(stats)
