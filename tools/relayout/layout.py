"""Units → printed lines in one convention.

A printed line is a list of spans; a span is text with the gold string it
belongs to (its slot) or ``None`` for what gold leaves out (indentation,
byline parentheses, the gutter between columns). The gold is later read off
the spans, so it is made of the page's own characters by construction.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from .conventions import Convention
from .units import Unit

CLOSING = set("，。、；：！？,.;:!?）)》」』”’】…%")  # a printed line never starts with these (kinsoku)
_TESS_TOKEN = re.compile(r"[A-Za-z0-9.%~/\-]+|\S")


@dataclass
class Span:
    text: str
    slot: tuple | None = None
    order: tuple = ()
    seq: int = 0       # reading order on the page (column by column), set before columns are merged


@dataclass
class PLine:
    spans: list[Span] = field(default_factory=list)
    unit: Unit | None = None
    body: bool = False        # a line of wrapped body text (may be read twice at a column transition)
    indent: str = ""

    @property
    def text(self) -> str:
        return self.indent + "".join(s.text for s in self.spans)


@dataclass
class LayoutLog:
    squeezed: int = 0          # paragraph last lines kept one character short by squeezing the line above
    ambiguous_ends: int = 0    # one-line paragraphs exactly as wide as the column (no cue that they end)
    reread: int = 0            # printed lines read twice at a column transition

    def as_dict(self) -> dict:
        return {"squeezed_lines": self.squeezed, "ambiguous_ends": self.ambiguous_ends, "reread_runs": self.reread}


def cells(text: str) -> float:
    """Printed width: a Han character or full-width mark is 1, a half-width character ½.

    >>> cells("科协5G")
    3.0
    """
    return sum(0.5 if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0 for ch in text)


def tesseract_spaces(text: str) -> str:
    """Tesseract's way: a space between every two characters, digit and Latin runs kept whole.

    >>> tesseract_spaces("海拔1200米，约3.5%")
    '海 拔 1200 米 ， 约 3.5%'
    """
    return " ".join(_TESS_TOKEN.findall(text))


def wrap(text: str, width: int, first_indent: float = 0.0) -> list[tuple[int, int]]:
    """Cut ``text`` into printed lines of ``width`` cells: (start, end) slices.

    A closing mark that would start a line hangs at the end of the line before.

    >>> wrap("甲乙丙丁戊己，庚", 3)
    [(0, 3), (3, 7), (7, 8)]
    """
    out, start, used, limit = [], 0, 0.0, width - first_indent
    i = 0
    while i < len(text):
        w = cells(text[i])
        if used + w > limit and i > start and text[i] not in CLOSING:
            out.append((start, i))
            start, used, limit = i, 0.0, width
        used += w
        i += 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _order(u: Unit, at: int) -> tuple:
    return (u.start, at)


def unit_spans(u: Unit, text: str, a: int = 0, b: int | None = None) -> list[Span]:
    b = len(text) if b is None else b
    a, b = _strip(text, a, b)
    return [Span(text[a:b], u.slot, _order(u, a))] if a < b else []


def marked_spans(u: Unit, text: str, tesseract: bool) -> list[Span]:
    """A byline in its parentheses, a title after its bullet."""
    opening, closing = u.marks
    sep = " " if tesseract else ""
    spans = []
    if opening:
        spans.append(Span(opening + sep))
    spans += unit_spans(u, text)
    if closing:
        spans.append(Span(sep + closing))
    return spans


def _unit_text(u: Unit, conv: Convention) -> str:
    return tesseract_spaces(u.text) if conv.tesseract else u.text


def lay_out(units: list[Unit], conv: Convention, rng: random.Random, log: LayoutLog) -> list[PLine]:
    """Printed lines of the page, blank lines included (empty PLines)."""
    if conv.layout in ("blank", "one-per-line"):
        return _blocks(units, conv, rng)
    return _wrapped(units, conv, log)


def _glue_target(lines: list[PLine], u: Unit) -> PLine | None:
    """The line a glued byline goes on: the last printed line of its article's last paragraph."""
    if not (u.glued and u.marks[0]):
        return None
    for line in reversed(lines):
        if not line.spans:
            continue
        last = line.unit
        if last is not None and last.kind == "body" and last.slot[0] == "paragraph" and last.slot[1] == u.slot[1]:
            return line
        return None
    return None


def _blocks(units: list[Unit], conv: Convention, rng: random.Random) -> list[PLine]:
    lines: list[PLine] = []
    for u in units:
        text = _unit_text(u, conv)
        spans = marked_spans(u, text, conv.tesseract)
        target = _glue_target(lines, u)
        if target is not None:
            target.spans += ([Span(" ")] if conv.tesseract else []) + spans
            continue
        if lines and conv.layout == "blank":
            gap = rng.choice([1, 2, 2, 3]) if u.broken_before else (1 if rng.random() < 0.85 else rng.choice([2, 3]))
            lines.extend(PLine() for _ in range(gap))
        lines.append(PLine(spans, u, body=u.kind == "body" or (u.kind == "duplicate" and not u.is_line)))
    return lines


def _wrapped(units: list[Unit], conv: Convention, log: LayoutLog) -> list[PLine]:
    lines: list[PLine] = []
    width = conv.width
    flat = not conv.indent
    if flat:
        units = _no_full_last_pieces(units, width)
    for i, u in enumerate(units):
        text = u.text
        if u.is_line:
            spans = marked_spans(u, text, False)
            target = _glue_target(lines, u)
            if target is not None and cells(target.text + "".join(s.text for s in spans)) <= width + 1:
                target.spans += spans
                continue
            lines.append(PLine(spans, u))
            continue
        indent = conv.indent if u.para_start else ""
        slices = wrap(text, width, cells(indent))
        if flat and u.para_end and slices:
            follows = units[i + 1] if i + 1 < len(units) else None
            slices = _short_last_line(text, slices, width, log,
                                      counts=follows is not None and not follows.is_line)
        for k, (a, b) in enumerate(slices):
            spans = unit_spans(u, text, a, b)
            if spans:
                lines.append(PLine(spans, u, body=True, indent=indent if k == 0 else ""))
    return lines


SENTENCE_END = set("。！？!?…；;")


def _no_full_last_pieces(units: list[Unit], width: int) -> list[Unit]:
    """The last piece of a column-broken paragraph that would be one exactly full line takes the
    last character(s) of the piece before it, so it runs onto a short second line.

    Where a column breaks is chance; without indentation a full one-line last
    piece would hide its paragraph's end. The earlier piece never ends at a
    sentence end by this (that would look like a paragraph end too).
    """
    units = list(units)
    last_piece: dict[tuple, int] = {}
    for i, u in enumerate(units):
        if u.kind != "body":
            continue
        j = last_piece.get(u.slot)
        last_piece[u.slot] = i
        if j is None or not u.para_end or u.para_start or not _one_full_line(u.text, width):
            continue
        before, after = units[j].text, u.text
        for _ in range(3):
            if len(before) < 3 or before[-2] in SENTENCE_END or before[-2].isspace() or before[-1].isspace():
                break
            before, after = before[:-1], before[-1] + after
            if not _one_full_line(after, width):
                units[j] = units[j].copy(text=before)
                units[i] = u.copy(text=after, start=units[j].start + len(before))
                break
    return units


def _one_full_line(text: str, width: int) -> bool:
    return len(wrap(text, width)) == 1 and cells(text.strip()) > width - 1


def _short_last_line(text: str, slices: list[tuple[int, int]], width: int, log: LayoutLog,
                     counts: bool = True) -> list[tuple[int, int]]:
    """Without indentation a paragraph's end shows only as a short last line: never let it be full.

    The line above takes the first character(s) of the last line (squeezed
    type, as a compositor does); a one-line piece as wide as the column
    cannot be helped and is counted as ambiguous when body text follows it
    (``counts``; a headline or furniture line after it marks the end anyway).
    """
    a, b = slices[-1]
    if cells(text[a:b].strip()) <= width - 1:
        return slices
    if len(slices) == 1:
        log.ambiguous_ends += counts
        return slices
    pa, _ = slices[-2]
    while cells(text[a:b].strip()) > width - 1 and b - a > 1:
        a += 1
    log.squeezed += 1
    return slices[:-2] + [(pa, a), (a, b)]


def columns(lines: list[PLine], height: int) -> list[list[PLine]]:
    return [lines[i:i + height] for i in range(0, len(lines), height)] or [[]]


def reread_lines(cols: list[list[PLine]], rate: float, rng: random.Random, log: LayoutLog, next_key) -> None:
    """At a column transition the last 1–3 printed lines of a column are read again atop the next one.

    Only lines of one body piece are read twice; the second reading is a
    removed duplicate (its lines unwrapped into one entry).
    """
    if rate <= 0:
        return
    for c in range(len(cols) - 1):
        if rng.random() >= rate:
            continue
        k = rng.choice([1, 2, 2, 3])
        tail = cols[c][-k:]
        if len(tail) < k or not all(line.body and line.unit is tail[0].unit and line.unit.kind == "body"
                                    for line in tail):
            continue
        key = next_key()
        copies = []
        for line in tail:
            # the second reading is the duplicate as printed, a glued byline's parentheses included
            spans = [Span(s.text, ("duplicate", key)) for s in line.spans]
            copies.append(PLine(spans, None, body=False, indent=line.indent))
        cols[c + 1][0:0] = copies
        log.reread += 1


def side_by_side(left: list[PLine], right: list[PLine], gutter: int) -> list[PLine]:
    """``pdftotext -layout`` rows: the left column's line padded to the column width, then the right one."""
    def mono(text: str) -> int:  # monospace columns: a wide character takes two
        return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)

    col = max((mono(line.text) for line in left), default=0)
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else PLine()
        b = right[i] if i < len(right) else None
        spans = [Span(a.indent)] if a.indent else []
        spans += a.spans
        if b is not None and b.text:
            spans.append(Span(" " * (col - mono(a.text) + gutter)))
            if b.indent:
                spans.append(Span(b.indent))
            spans += b.spans
        rows.append(PLine(spans, a.unit or (b.unit if b else None)))
    return rows


def interleave(left: list[PLine], right: list[PLine]) -> list[PLine]:
    """Line-level OCR reading two columns' lines alternately."""
    out = []
    for i in range(max(len(left), len(right))):
        if i < len(left):
            out.append(left[i])
        if i < len(right):
            out.append(right[i])
    return out
