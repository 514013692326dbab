"""From labelled lines to blocks and suggestions: what the editor reviews.

A block is a run of raw lines the page printed as one piece: the lines of a
paragraph (or of a piece of one) that follow each other on the raw page and
that the labeller is sure wrap into each other, a headline over two lines, one
furniture line, one run of repeated lines.  Everything less sure becomes a
suggestion the editor accepts or rejects: a join of two pieces cut apart, a
headline, a kicker, a 副题, a byline, a furniture line, a repeat to drop.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import furniture as fz
from . import labels as lb
from .convention import Convention
from .crf import Model
from .explain import phrases, words_for
from .features import Shape
from .joins import separator
from .lines import Unit
from .model import Block, Text

WRAP_SURE = 0.5  # a wrapped line joins its block silently only this sure; below, a join is suggested
EVIDENCE = 3  # features quoted in an explanation


@dataclass(frozen=True)
class Piece:
    """A block in the making: consecutive positions of the reading-order line list."""

    positions: tuple[int, ...]
    label: str  # the label of its first line, or "D" for a dropped repeat
    confidence: float


def _raw_adjacent(a: Unit, b: Unit) -> bool:
    """``b`` is the raw line right after ``a`` (pieces of rows set side by side never are: each is a block)."""
    return b.index == a.index + 1 and b.number == a.number + 1 + b.blank_before and a.column == b.column == 0


SAME_SIZE = 0.25  # OCR measures a line's size from its box, which varies this much within one headline
HEADING_LABELS = (lb.TITLE, lb.TITLE_MORE, lb.KICKER, lb.SUBTITLE, lb.REPORTER)


def same_print(a: Unit, b: Unit, tail: bool = False) -> bool:
    """``b`` is the next printed line of ``a`` in the same type and the same column: a headline, 副题 or
    reporter line set over several lines (pages read with their geometry only; ``tail``: ``b`` must be
    the short rest of a wrapped line).

    The text alone cannot tell a headline's second line from the lead under it;
    the page can: both lines are set in the same size, one right under the other.
    """
    if a.box is None or b.box is None:
        return False
    size = max(a.box.size, 1e-6)
    if tail and (b.box.x1 - b.box.x0) >= 0.6 * (a.box.x1 - a.box.x0):
        return False  # a reporter line or 副题 goes on only with the short rest of a wrapped line
    if abs(a.box.size - b.box.size) > SAME_SIZE * size or not 0 <= b.box.y0 - a.box.y1 <= 0.8 * size:
        return False
    if tail:
        return a.box.column == b.box.column and abs(a.box.x0 - b.box.x0) <= 1.5 * size
    # a headline's lines may be centred: the next one sits under the first, within its width
    return a.box.x0 - size <= b.box.x0 and b.box.x1 <= a.box.x1 + size


def _heading_line_goes_on(prev: lb.Labelled, prev_unit: Unit, u: Unit, item: lb.Labelled) -> lb.Labelled | None:
    """A headline's (kicker's, 副题's, reporter line's) printed line that goes on in the line under it,
    whatever white the reader saw between them: the line under relabelled as the same part, or None."""
    prev_label = prev.label
    if prev_label not in HEADING_LABELS or u.text.lstrip().startswith(("—", "-", "－")):
        return None
    if not same_print(prev_unit, u, tail=prev_label not in (lb.TITLE, lb.TITLE_MORE)):
        return None
    lab = prev_label if prev_label != lb.TITLE else lb.TITLE_MORE
    return lb.Labelled(u, lab, item.confidence, item.features)


def _same_block(prev_label: str, item: lb.Labelled, u: Unit, convention: Convention) -> bool:
    """Does a line labelled ``item.label`` go on the block whose last line is ``prev_label`` (a wrapped
    paragraph line surely carried on, a headline's further line, a 副题 or kicker over two lines)?"""
    lab = item.label
    if lab == lb.CONTINUED and prev_label in (lb.PARAGRAPH, lb.CONTINUED) and convention.wrapped:
        return item.confidence >= WRAP_SURE
    if lab == lb.TITLE_MORE:
        return prev_label in (lb.TITLE, lb.TITLE_MORE)
    if lab == lb.SUBTITLE:
        return prev_label == lb.SUBTITLE and not u.text.lstrip().startswith(("—", "-"))
    return lab == lb.KICKER and prev_label == lb.KICKER


def _no_white_between(convention: Convention, u: Unit) -> bool:
    return not u.blank_before or not convention.blank_lines_separate


def group(seq: list[Unit], labelled: dict[int, lb.Labelled], dropped: set[int],
          convention: Convention) -> list[Piece]:
    """Runs of lines (positions in ``seq``) that make one block each.

    Lines dropped as repeats make blocks of their own (``D``); a line joins the
    block above only when printed right under it.
    """
    pieces: list[Piece] = []
    cur: list[int] = []
    cur_label = ""
    cur_conf = 1.0
    for i, u in enumerate(seq):
        under = bool(cur) and _raw_adjacent(seq[cur[-1]], u)
        if i in dropped:
            if cur_label == "D" and under and _no_white_between(convention, u):
                cur.append(i)
                continue
        elif under and cur_label != "D":
            prev = labelled[cur[-1]]
            heading = _heading_line_goes_on(prev, seq[cur[-1]], u, labelled[i])
            if heading is not None:
                labelled[i] = heading
                cur.append(i)
                continue
            if _no_white_between(convention, u) and _same_block(prev.label, labelled[i], u, convention):
                cur.append(i)
                cur_conf = min(cur_conf, labelled[i].confidence)
                continue
        if cur:
            pieces.append(Piece(tuple(cur), cur_label, cur_conf))
        cur = [i]
        cur_label, cur_conf = ("D", 1.0) if i in dropped else (labelled[i].label, labelled[i].confidence)
    if cur:
        pieces.append(Piece(tuple(cur), cur_label, cur_conf))
    return pieces


def block_text(units: list[Unit]) -> Text:
    """The lines of one block unwrapped, each traced to its raw offsets.

    Chinese lines join with nothing; Latin words with a space; a hyphen that
    splits a Latin word at the line end goes.
    """
    out = Text()
    for u in units:
        piece = Text.traced(u.text, u.start)
        if out:
            sep, drop = separator(str(out), u.text)
            if drop:
                out = out.slice(0, len(out) - drop)
            if sep:
                out = out + Text.untraced(sep)
        out = out + piece
    return out


def make_block(units: list[Unit]) -> Block:
    first, last = units[0], units[-1]
    return Block(index=0, start=first.start, end=last.end, line_start=first.number, line_end=last.number,
                 text=block_text(units), indented=first.indent >= 1)


def why(model: Model, item: lb.Labelled) -> tuple[str, str]:
    """The features that weighed most for the line's label, in words."""
    # the words an editor can weigh: a feature the table has no words for (the bias) is left out
    names = [n for n, _ in model.evidence([f for f in item.features if words_for(f)], item.label, EVIDENCE)]
    return phrases(names)


def furniture_kind(shape: Shape, next_shape: Shape | None, prev_shape: Shape | None) -> str:
    """The kind of furniture a line labelled furniture is, for the explanation."""
    if shape.furniture:
        return shape.furniture
    if fz.short_news_header(shape.text):
        return fz.SHORT_NEWS_HEADER
    if shape.latin:
        return fz.PINYIN_HEADER
    if shape.noise:
        return fz.NOISE
    if (prev_shape and prev_shape.latin and fz.is_pinyin_of(prev_shape.text, shape.text)) or \
            (next_shape and next_shape.furniture == fz.SPONSOR_LINE) or shape.heading:
        return fz.COLUMN_TITLE
    return fz.FURNITURE
