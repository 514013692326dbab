"""Printed lines: the units every later stage reads, with raw offsets and printed width.

A unit is one raw line, or one piece of a raw line when an extractor set
several columns side by side on one row (see ``rows``).  Its text has the
indentation and trailing spaces removed; ``indent`` says how much there was.
Width counts what a line takes on the printed page: a Han character or a
full-width mark is 1, an ASCII character ½, so a column's full lines share one
width whatever mix of digits and Han characters they hold.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .model import LineBox

INDENT_CHARS = "\u3000 \t"


@lru_cache(maxsize=8192)
def char_width(ch: str) -> float:
    """1 for Han characters and full-width marks, ½ for the rest.

    >>> char_width("科"), char_width("，"), char_width("7"), char_width("a")
    (1.0, 1.0, 0.5, 0.5)
    """
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


class _Widths(dict):
    """Character -> :func:`char_width`, filled on first sight (looked up in C for every line of a page)."""

    def __missing__(self, ch: str) -> float:
        out = self[ch] = char_width(ch)
        return out


_WIDTHS = _Widths()


def text_width(text: str) -> float:
    """Printed width of ``text`` in Han characters (spaces inside count ½).

    >>> text_width("2024年起，共3.5万人")
    9.5
    """
    return sum(map(_WIDTHS.__getitem__, text))


def printed_widths(units: list[Unit], han_spaces: bool) -> list[float]:
    """Each line's printed width; on a page with Tesseract's space between every two Han characters the
    spaces were never printed (``科 协 工 作`` is 4 wide, not 5½), so column widths come out as printed."""
    if not han_spaces:
        return [u.width for u in units]
    from .text import squeeze_han_spaces

    return [u.width - 0.5 * (len(u.text) - len(squeeze_han_spaces(u.text))) for u in units]


def indent_width(text: str) -> float:
    """Leading indentation in Han characters: an ideographic space is 1, an ASCII space ½, a tab 2.

    >>> indent_width("\u3000\u3000本报讯"), indent_width("    text"), indent_width("本报讯")
    (2.0, 2.0, 0.0)
    """
    w = 0.0
    for ch in text:
        if ch == "\u3000":
            w += 1
        elif ch == " ":
            w += 0.5
        elif ch == "\t":
            w += 2
        else:
            break
    return w


@dataclass(frozen=True)
class Unit:
    """One printed line of the page.

    ``start`` is the raw offset of the first character of ``text`` (after the
    indentation); ``blank_before`` counts blank raw lines right above it;
    ``column`` is the column a side-by-side row put it in (0 otherwise).
    """

    index: int  # position in the unit list (raw order)
    number: int  # 1-based raw line number
    start: int
    text: str
    indent: float = 0.0
    blank_before: int = 0
    column: int = 0
    box: LineBox | None = None
    x: float = 0.0  # where on its raw line the unit starts (printed width), for pieces of a row

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def width(self) -> float:
        cache = self.__dict__.get("_width")
        if cache is None:
            cache = text_width(self.text)
            object.__setattr__(self, "_width", cache)
        return cache


GUTTER = regex.compile(r"(?<=\S)(?: {3,}|\t+|\u3000{2,}| *\u3000 +| +\u3000 *)(?=\S)")
# on a page already known to set columns side by side, two spaces are a gutter too (a narrow one)
NARROW_GUTTER = regex.compile(r"(?<=\S)(?: {2,}|\t+|\u3000{2,}| *\u3000 +| +\u3000 *)(?=\S)")


def row_pieces(raw: str, gutter: regex.Pattern = GUTTER) -> list[tuple[int, str]]:
    """A raw line cut at gutters (3+ spaces, tabs) into the pieces of the columns it holds side by side.

    >>> row_pieces("甲栏第一行文字     乙栏第一行")
    [(0, '甲栏第一行文字'), (12, '乙栏第一行')]
    >>> row_pieces("甲栏第一行文字  乙栏第一行", NARROW_GUTTER)
    [(0, '甲栏第一行文字'), (9, '乙栏第一行')]
    """
    out, last = [], 0
    for m in gutter.finditer(raw):
        out.append((last, raw[last:m.start()]))
        last = m.end()
    out.append((last, raw[last:]))
    return [(k, piece) for k, piece in out if piece.strip()]


# a sentence end, one space, and another column's line: two column lines an extractor set on one row
GLUED_ROW = regex.compile(r"(?<=[\p{Han}\d][。！？])[ \u3000](?=[\p{Han}\p{Ps}“‘])")
NARROW_COLUMN = 30  # hard-wrapped newspaper columns hold 10–25 characters a line; whole paragraphs far more


def typical_width(lines: list[str]) -> float:
    """The median printed width of the page's non-blank lines (0 for an empty page).

    >>> typical_width(["甲乙丙", "", "甲乙丙丁", "甲"])
    3.0
    """
    widths = sorted(text_width(line.strip()) for line in lines if line.strip())
    return widths[len(widths) // 2] if widths else 0.0


def glued_row_pieces(raw: str, typical: float) -> list[tuple[int, str]]:
    """A hard-wrapped page's line holding two columns' lines joined by one space, cut in two.

    Damage: a PDF extractor reads two neighbouring columns' lines on one baseline
    as one line when the first ends short (a paragraph's last line), so the next
    column's line follows a full stop and a single space. Only a line far wider
    than the page's column lines is cut, and only where each side is a line's
    worth on its own.

    >>> glued_row_pieces("甲栏的一段话到这里结束了。 乙栏的一行文字接着往下读", 13.0)
    [(0, '甲栏的一段话到这里结束了。'), (14, '乙栏的一行文字接着往下读')]
    >>> glued_row_pieces("一行之内。 两句话", 13.0)
    [(0, '一行之内。 两句话')]
    """
    stripped = raw.strip()
    if not 0 < typical <= NARROW_COLUMN or text_width(stripped) < 1.6 * typical:
        return [(0, raw)]
    for m in GLUED_ROW.finditer(raw):
        left, right = raw[:m.start()], raw[m.end():]
        if 0.5 * typical <= text_width(left.strip()) <= 1.3 * typical and \
                0.3 * typical <= text_width(right.strip()) <= 1.3 * typical:
            return [(0, left), (m.end(), right)]
    return [(0, raw)]


def split_units(text: str, boxes: dict[int, LineBox] | None = None, rows: bool = True,
                gutter: regex.Pattern = GUTTER) -> list[Unit]:
    """Every non-blank raw line as a unit, in raw order; ``rows``: a line holding columns side by side
    (a ``gutter`` of spaces inside) gives one unit per column piece.

    >>> [(u.number, u.text, u.blank_before) for u in split_units("标题\\n\\n\\u3000\\u3000正文。\\n")]
    [(1, '标题', 0), (3, '正文。', 1)]
    """
    units: list[Unit] = []
    pos = 0
    blanks = 0
    raw_lines = text.split("\n")
    typical = typical_width(raw_lines) if rows and not boxes else 0.0
    for number, raw in enumerate(raw_lines, 1):
        stripped = raw.strip()
        if not stripped:
            blanks += 1
        else:
            box = boxes.get(number) if boxes else None
            pieces = row_pieces(raw, gutter) if rows and box is None else [(0, raw)]
            if len(pieces) == 1 and typical:
                pieces = glued_row_pieces(raw, typical)
            for n_piece, (offset, piece) in enumerate(pieces):
                lead = len(piece) - len(piece.lstrip(INDENT_CHARS + "\f\v"))
                units.append(Unit(
                    index=len(units), number=number, start=pos + offset + lead, text=piece[lead:].rstrip(),
                    indent=indent_width(piece) if n_piece == 0 else 0.0,
                    blank_before=(blanks if units else 0) if n_piece == 0 else 0,
                    box=box, column=n_piece, x=text_width(raw[:offset + lead])))
            blanks = 0
        pos += len(raw) + 1
    return units


def renumber(units: list[Unit]) -> list[Unit]:
    """The same units with ``index`` set to their position in the list."""
    return [u if u.index == i else replace(u, index=i) for i, u in enumerate(units)]
