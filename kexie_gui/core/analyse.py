"""Explain a page: decide its layout, read its lines in order, label them, propose repairs.

The stages take values and return values:

    units ─convention─▶ Convention ─order─▶ reading order ─repeats─▶ lines to drop
          ─labels─▶ a label per line ─assemble─▶ blocks + suggestions

Nothing here changes text.  Each suggestion names the raw ranges it touches
and says in one line (zh/en) what it would do and which evidence decided;
``apply`` carries out the accepted ones.
"""
from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from .ids import Namer
from .joins import separator
from .lines import NARROW_GUTTER, Unit, split_units
from .messages import CATALOGUE, Message, message, said
from .model import Analysis, Block, Page, Suggestion
from .payloads import (
    KIND_BYLINE,
    KIND_DUPLICATE,
    KIND_FURNITURE,
    KIND_HEADLINE,
    KIND_JOIN,
    KIND_KICKER,
    KIND_ORDER,
    KIND_PUNCTUATION,
    KIND_SPACES,
    KIND_SUBTITLE,
    KINDS,
    NOTHING,
    Byline,
    Duplicate,
    Furniture,
    Join,
    Order,
    Payload,
    Punctuation,
    Spaces,
)
from .text import BRACKETED, glued_byline
from .text import short as _short

# The stages proper load their fitted tables and compile their patterns on import; they are imported
# on the first page (``_load_stages``), so that what only needs the suggestion kinds (``apply``, the
# window as it opens) does not wait for them.  (The type checker reads them as imported.)
if TYPE_CHECKING:
    from . import assemble as asm
    from . import labels as lb
    from .assemble import Piece
    from .convention import SIDE_BY_SIDE, Convention, convention_of
    from .features import Shape, shapes_of
    from .labels import Labelled
    from .order import reading_order, rows_layout
    from .punctuation import replacements
    from .repeats import Lines, Repeat, find_repeats
else:
    asm = lb = SIDE_BY_SIDE = convention_of = shapes_of = None
    reading_order = rows_layout = replacements = None
    Lines = find_repeats = None


def _load_stages() -> None:
    global asm, lb, SIDE_BY_SIDE, convention_of, shapes_of, reading_order, rows_layout, replacements
    global Lines, find_repeats
    if lb is not None:
        return
    from . import assemble as asm_module
    from . import labels as lb_module
    from .convention import SIDE_BY_SIDE as side_by_side
    from .convention import convention_of as convention_of_
    from .features import shapes_of as shapes_of_
    from .order import reading_order as reading_order_
    from .order import rows_layout as rows_layout_
    from .punctuation import replacements as replacements_
    from .repeats import Lines as lines_
    from .repeats import find_repeats as find_repeats_

    asm, SIDE_BY_SIDE, convention_of, shapes_of = asm_module, side_by_side, convention_of_, shapes_of_
    reading_order, rows_layout, replacements = reading_order_, rows_layout_, replacements_
    Lines, find_repeats = lines_, find_repeats_  # type: ignore[misc]  # a class, bound on first use
    lb = lb_module  # last: another thread that sees it set finds every stage in place


# what the list of suggestions calls each kind, (zh, en): the words live in core.messages
KIND_LABELS = {kind: (message(f"kind.{kind}").render("zh"), message(f"kind.{kind}").render("en")) for kind in KINDS}


@dataclass(frozen=True)
class Config:
    """Knobs of the analysis, one documented field per rule."""

    #: suggest restoring full-width punctuation inside Chinese text
    punctuation: bool = True
    #: accept punctuation suggestions by default (editors usually want 全角; the raw characters stay traceable)
    punctuation_default: bool = True
    #: suggestions below this confidence are proposed but not accepted by default
    default_threshold: float = 0.6
    #: the page's layout convention as the editor set it (a name from ``convention.CONVENTIONS``), or None to decide
    layout: str | None = None
    #: rebuild the reading order of columns the text tool read out of order
    reading_order: bool = True


def _range(block: Block) -> tuple[int, int]:
    return (block.start, block.end)


class _Maker:
    """Builds suggestions with stable ids and the default from the confidence."""

    def __init__(self, config: Config):
        self.config = config
        self.out: list[Suggestion] = []
        self.name = Namer()

    def add(self, kind: str, blocks: tuple[Block, ...], ranges, confidence: float, explain: Message,
            payload: Payload = NOTHING, default: bool | None = True) -> None:
        """``default``: accepted unless the editor says otherwise (None: when confident enough)."""
        ranges = tuple(tuple(r) for r in ranges)
        # named by its blocks; one that touches no raw range (the reading order) is about the whole page
        about = "|".join(b.id for b in blocks) if ranges else ""
        self.out.append(Suggestion(
            id=self.name(kind, about), kind=kind,
            blocks=tuple(b.id for b in blocks), ranges=ranges, confidence=round(confidence, 3),
            explain=explain,
            default=(confidence >= self.config.default_threshold) if default is None else default,
            payload=payload))


def _byline_inner(text: str) -> tuple[int, int]:
    """Where the byline's own text sits inside a bracketed byline line."""
    m = BRACKETED.match(text)
    if not m:
        return 0, len(text)
    inner = m.group("inner")
    lead = len(inner) - len(inner.lstrip())
    return m.start("inner") + lead, m.start("inner") + len(inner.rstrip())


class _CollectorPause:
    """How many analyses run with the cyclic garbage collector paused, and whether it was on before."""

    lock = threading.Lock()
    running = 0
    was_enabled = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while pages are analysed (in any thread), then as it was.

    The analysis makes no reference cycles worth collecting, but a 10 MB page keeps millions of
    containers alive, and the collector's passes over them took a quarter of the time.
    """
    with _CollectorPause.lock:
        if _CollectorPause.running == 0:
            _CollectorPause.was_enabled = gc.isenabled()
            gc.disable()
        _CollectorPause.running += 1
    try:
        yield
    finally:
        with _CollectorPause.lock:
            _CollectorPause.running -= 1
            if _CollectorPause.running == 0 and _CollectorPause.was_enabled:
                gc.enable()


def analyse(page: Page, config: Config = Config(),
            progress: Callable[[float, str], None] | None = None) -> Analysis:
    """Explain ``page``: its blocks and every repair we propose, none applied yet.

    ``progress(fraction, stage)`` is called between stages (for a progress bar).
    """
    with _collector_paused():
        return _analyse(page, config, progress)


def _analyse(page: Page, config: Config, progress: Callable[[float, str], None] | None) -> Analysis:
    """:func:`analyse`, stage by stage."""
    _load_stages()
    report = progress or _silent
    t0 = time.perf_counter()
    report(0.0, "lines")
    units, convention = _units(page, config)
    height = page.geometry.height if page.geometry else 0.0
    raw_shapes = shapes_of(units, convention)
    windows = _windows(units, raw_shapes, convention)
    first_look: list = [None] * len(units)  # each window's first reading, by raw line
    read = _Read([], [], {}, set(), [], [])
    for k, (lo, hi) in enumerate(windows):
        part = _read_window(units, lo, hi, convention, raw_shapes, first_look, height, config,
                            _within(report, k, len(windows)))
        read.extend(part)
    first_look.clear()  # read: what is kept of it is in the labels
    _forget_readings()
    report(0.75, "assemble")
    pieces = asm.group(read.seq, read.labelled, read.dropped, convention)
    laid = _laid_out(read.seq, read.shapes, read.labelled, pieces)
    suggestions = _suggestions(laid, read.repeats, _moves(read.moved), convention, config)
    report(1.0, "done")
    return Analysis(page=page, blocks=laid.blocks, suggestions=suggestions,
                    hard_wrapped=convention.wrapped, seconds=time.perf_counter() - t0,
                    convention=convention, order=laid.order)


@dataclass
class _Read:
    """A window's lines read: in reading order (``seq``), their shapes and labels and the repeats among
    them, as positions in ``seq``; and how the order moved (None: as printed)."""

    seq: list[Unit]
    shapes: list[Shape]
    labelled: dict[int, Labelled]
    dropped: set[int]
    repeats: list[Repeat]
    moved: list[tuple[float, Message] | None]

    def extend(self, other: _Read) -> None:
        """The next window's lines read after these ones."""
        base = len(self.seq)
        self.seq += other.seq
        self.shapes += other.shapes
        self.labelled.update((base + k, v) for k, v in other.labelled.items())
        self.dropped.update(base + k for k in other.dropped)
        self.repeats += [replace(r, drop=tuple(base + p for p in r.drop), keep=tuple(base + p for p in r.keep))
                         for r in other.repeats]
        self.moved += other.moved


def _forget_readings() -> None:
    """What the readings of the last window kept for the next one (scores, character facts) let go: the
    blocks and suggestions made from here on need the memory on a huge page."""
    from .crf import forget_scores
    from .order import forget_text_facts

    forget_scores()
    forget_text_facts()


def _within(report: Callable[[float, str], None], k: int, count: int) -> Callable[[float, str], None]:
    """Progress of window ``k`` of ``count``: the stages up to assembling (0.1–0.75) shared among them."""
    if count == 1:
        return report
    return lambda fraction, stage: report(0.1 + 0.65 * (k + (fraction - 0.1) / 0.65) / count, stage)


def _read_window(units: list[Unit], lo: int, hi: int, convention: Convention, raw_shapes: list[Shape],
                 first_look: list, height: float, config: Config, report: Callable[[float, str], None]) -> _Read:
    """Raw lines ``lo``…``hi`` read: repeats found, put in reading order, labelled (``first_look`` is filled
    in for them)."""
    window = units[lo:hi]
    report(0.1, "repeats")
    first_look[lo:hi] = lb.first_look(window, convention, height, raw_shapes[lo:hi], sure=True)
    raw_repeats = [_shifted(r, lo) for r in _find_repeats(window, convention, raw_shapes[lo:hi], first_look[lo:hi])]
    dropped_units = {units[i].index for r in raw_repeats if r.default for i in r.drop}
    report(0.3, "order")
    kept_units = [u for u in window if u.index not in dropped_units]
    ordered, moved, again, read_in = _read_in_order(kept_units, convention, raw_shapes, first_look, height,
                                                    config)
    if again is not first_look:
        first_look[lo:hi] = again[lo:hi]
    # the dropped lines stay where they were printed, right after the line printed before them
    seq = _with_dropped(ordered, window, dropped_units)
    if moved:
        raw_repeats = raw_repeats + _repeats_in_reading_order(ordered, convention, raw_shapes, first_look,
                                                              raw_repeats)
    position = {u.index: k for k, u in enumerate(seq)}
    shapes = [raw_shapes[u.index] for u in seq]
    repeats = [_reposition(r, units, position) for r in raw_repeats]
    dropped = {position[units[i].index] for r in raw_repeats if r.default for i in r.drop}
    report(0.45, "labels")
    kept = [i for i in range(len(seq)) if i not in dropped]
    labelled = _labelled(seq, kept, shapes, first_look, read_in if moved else None, convention, height)
    return _Read(seq, shapes, labelled, dropped, repeats, [moved])


def _shifted(r: Repeat, lo: int) -> Repeat:
    """A repeat found among the lines from raw line ``lo`` on, with raw line numbers."""
    if not lo:
        return r
    return replace(r, drop=tuple(lo + i for i in r.drop), keep=tuple(lo + i for i in r.keep))


#: an input of more lines than this (a printed page has a few hundred) is read in windows …
SPLIT_ABOVE = 3000
#: … of about this many lines, cut where the text shows a hard boundary: no line of a page needs to be
#: weighed against lines thousands of lines away, and the work per window stays what a page costs
WINDOW_LINES = 1500


def _windows(units: list[Unit], shapes: list[Shape], convention: Convention) -> list[tuple[int, int]]:
    """The ranges of raw lines read on their own: the whole page, or on a huge input (many pages run
    together) windows of about ``WINDOW_LINES`` cut at the strongest boundary found — after a finished
    sentence, before a blank line and a header or headline (see ``_boundary``)."""
    n = len(units)
    if n <= SPLIT_ABOVE or convention.name == SIDE_BY_SIDE:
        return [(0, n)]
    out, lo = [], 0
    while n - lo > 2 * WINDOW_LINES:
        cut = _cut(units, shapes, lo + WINDOW_LINES, lo + 2 * WINDOW_LINES)
        out.append((lo, cut))
        lo = cut
    out.append((lo, n))
    return out


def _cut(units: list[Unit], shapes: list[Shape], lo: int, hi: int) -> int:
    """The first line in ``lo``…``hi`` before which the text shows the strongest boundary there is."""
    best, strength = hi, 0
    for i in range(lo, hi):
        s = _boundary(units[i], shapes[i - 1], shapes[i])
        if s == 3:
            return i
        if s > strength:
            best, strength = i, s
    return best


def _boundary(unit: Unit, above: Shape, shape: Shape) -> int:
    """How hard a boundary stands before a line: 3 a blank line after a finished sentence and before a
    header or a headline's shape (a new page or article), 2 the same before any line, 1 a finished
    sentence before a headline's shape, 0 none (text may carry on across it)."""
    finished = above.end in ("sent", "closer") and not above.heading
    if not finished:
        return 0
    new = bool(shape.furniture) or shape.heading
    if unit.blank_before:
        return 3 if new else 2
    return 1 if new else 0


def _moves(moved: list[tuple[float, Message] | None]) -> tuple[float, Message] | None:
    """How the windows' lines moved, as one: the lines moved in all of them, how sure on average."""
    found = [m for m in moved if m]
    if len(found) <= 1:
        return found[0] if found else None
    if any(m[1].id != "order.moved" for m in found):
        return found[0]
    lines = [{k: int(str(v)) for k, v in m[1].args} for m in found]  # first, last, count
    count = sum(a["count"] for a in lines)
    confidence = sum(m[0] * a["count"] for m, a in zip(found, lines, strict=True)) / max(1, count)
    return confidence, message("order.moved", first=min(a["first"] for a in lines),
                               last=max(a["last"] for a in lines), count=count)


def _silent(fraction: float, stage: str) -> None:
    """No progress bar to tell."""


def _units(page: Page, config: Config) -> tuple[list[Unit], Convention]:
    """The page's lines and its layout; columns set side by side are taken apart first."""
    boxes = {b.line: b for b in page.geometry.lines} if page.geometry else None
    units = split_units(page.text, boxes)
    convention = convention_of(units, config.layout)
    if convention.name == SIDE_BY_SIDE:
        units = split_units(page.text, boxes, gutter=NARROW_GUTTER)
        # columns set side by side on one row: take the page apart the way it was printed first, and read
        # the pieces in that order from here on (each piece stays a block of its own)
        # (blank rows between pieces say nothing then: another column's row stood there)
        order, indents = rows_layout(units, page.text)
        units = [replace(units[j], index=k, blank_before=0, indent=indents[j]) for k, j in enumerate(order)]
    return units, convention


def _find_repeats(units: list[Unit], convention: Convention, shapes: list[Shape],
                  first_look: list[Labelled]) -> list[Repeat]:
    """Text printed twice, in raw order, told what a first reading took for headlines and furniture."""
    lines = Lines(shapes, [x.label for x in first_look], convention.wrapped,
                  [u.blank_before > 0 and convention.blank_lines_separate for u in units])
    return find_repeats([u.text for u in units], lines)


def _labelled(seq: list[Unit], kept: list[int], shapes: list[Shape], first_look: list[Labelled],
              read_in: tuple[int, ...] | None, convention: Convention, height: float) -> dict[int, Labelled]:
    """The label of every kept line (positions in ``seq``, the reading order); where the order changed
    (``read_in``: the raw lines in the order ``first_look`` was last read in), the first reading the
    labels start from is made in the final order — or taken as it is when it was made in that order."""
    kept_units, kept_shapes = [seq[i] for i in kept], [shapes[i] for i in kept]
    first = [first_look[u.index] for u in kept_units]
    if read_in is not None and tuple(u.index for u in kept_units) != read_in:
        first = lb.first_look(kept_units, convention, height, kept_shapes, sure=True)
    return dict(zip(kept, lb.label_lines(kept_units, convention, height, kept_shapes, first), strict=True))


def _read_in_order(units: list[Unit], convention: Convention, raw_shapes: list[Shape], first_look: list[Labelled],
                   height: float, config: Config) -> tuple[list[Unit], tuple[float, Message] | None,
                                                           list[Labelled], tuple[int, ...]]:
    """The lines in reading order, how sure and why (None: raw order), the first reading of each line, and
    the order (raw lines) that reading was made in.

    Where the order changed, the first reading was made among another column's lines (a headline in the
    right column read under a left-hand line cut mid-sentence looks like text carried on): the lines are
    read again in the order found, and ordered again by what that reading says (``raw_shapes`` and
    ``first_look`` are indexed by raw line)."""
    ordered, moved = _ordered(units, convention, raw_shapes, first_look, config)
    if not moved:
        return ordered, moved, first_look, tuple(u.index for u in units)
    again = lb.first_look(ordered, convention, height, [raw_shapes[u.index] for u in ordered], sure=True)
    first_look = list(first_look)
    for u, item in zip(ordered, again, strict=True):
        first_look[u.index] = item
    read_in = tuple(u.index for u in ordered)
    ordered, moved = _ordered(units, convention, raw_shapes, first_look, config)
    return ordered, moved, first_look, read_in


def _repeats_in_reading_order(ordered: list[Unit], convention: Convention, raw_shapes: list[Shape],
                              first_look: list[Labelled], found: list[Repeat]) -> list[Repeat]:
    """Repeats that show only once the lines are in reading order, as raw line numbers.

    Damage: a paragraph printed twice on a page whose columns a tool read line by line alternately —
    each copy's lines stand between another column's lines, so no run of raw lines repeats; read in
    order, the copies are runs again (``甲1 乙1 甲2 乙2 … 甲1 乙5 甲2`` → ``甲1 甲2 … 甲1 甲2``)."""
    taken = {i for r in found for i in r.drop + r.keep}
    extra = _find_repeats(ordered, convention, [raw_shapes[u.index] for u in ordered],
                          [first_look[u.index] for u in ordered])
    out = []
    for r in extra:
        raw = replace(r, drop=tuple(ordered[p].index for p in r.drop), keep=tuple(ordered[p].index for p in r.keep))
        if not taken.intersection(raw.drop + raw.keep):
            out.append(raw)
            taken.update(raw.drop + raw.keep)
    return out


def _ordered(units: list[Unit], convention: Convention, raw_shapes: list[Shape], first_look: list[Labelled],
             config: Config) -> tuple[list[Unit], tuple[float, Message] | None]:
    """The lines in reading order, and how sure and why when that is not the raw order (None: it is)."""
    moves: tuple = ()
    ordered = units
    if config.reading_order:
        ordered, moves = reading_order(units, convention, [raw_shapes[u.index] for u in units],
                                       [first_look[u.index].label for u in units])
    if moves:
        return ordered, moves
    if any(a.start > b.start for a, b in pairwise(ordered)):
        return ordered, (0.9, message("order.side-by-side"))
    return ordered, None


@dataclass(frozen=True)
class _Laid:
    """The page's lines in reading order, labelled and grouped: what the suggestions are made from."""

    seq: list[Unit]  # the lines in reading order (a line's position here is its position everywhere below)
    shapes: list[Shape]
    labelled: dict[int, Labelled]  # position -> label (dropped repeats have none)
    pieces: list[Piece]  # the groups of lines, in reading order
    by_piece: list[Block]  # the block of each piece
    blocks: tuple[Block, ...]  # the same blocks in raw order, indexed so

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.by_piece)


def _laid_out(seq: list[Unit], shapes: list[Shape], labelled: dict[int, Labelled], pieces: list[Piece]) -> _Laid:
    """Blocks made of the pieces, numbered in raw order."""
    by_piece = [asm.make_block([seq[i] for i in p.positions]) for p in pieces]
    raw_sorted = sorted(range(len(pieces)), key=lambda k: by_piece[k].start)
    name = Namer()  # in raw order: the k-th copy of a text is the k-th printed
    for new_index, k in enumerate(raw_sorted):
        by_piece[k] = replace(by_piece[k], index=new_index, id=name("b", by_piece[k].text))
    blocks = tuple(by_piece[k] for k in raw_sorted)
    return _Laid(seq, shapes, labelled, pieces, by_piece, blocks)


def _suggestions(laid: _Laid, repeats: list[Repeat], moved: tuple[float, Message] | None,
                 convention: Convention, config: Config) -> tuple[Suggestion, ...]:
    """Every repair proposed for the laid-out page, in page order (kinds in ``KINDS`` order at one place)."""
    maker = _Maker(config)
    piece_of_position = {i: k for k, p in enumerate(laid.pieces) for i in p.positions}
    _suggest_repeats(maker, repeats, laid.by_piece, piece_of_position)
    _suggest_roles(maker, laid.shapes, laid.labelled, laid.pieces, laid.by_piece)
    skip = {laid.by_piece[k].id for k, p in enumerate(laid.pieces) if p.label in ("D", lb.FURNITURE)}
    _suggest_punctuation(maker, laid.blocks, skip, config)
    if convention.han_spaces:
        _suggest_spaces(maker, laid.blocks, skip)
    if moved:
        maker.add(KIND_ORDER, tuple(laid.by_piece), [], moved[0], moved[1], Order(laid.order))
    rank = {k: n for n, k in enumerate(KINDS)}
    return tuple(sorted(maker.out, key=lambda s: (s.ranges[0][0] if s.ranges else -1, rank[s.kind])))


def _with_dropped(ordered: list[Unit], units: list[Unit], dropped: set[int]) -> list[Unit]:
    """The reading order with each dropped line put back right after the line printed before it."""
    if not dropped:
        return ordered
    after: dict[int, list[Unit]] = {}
    lead: list[Unit] = []
    prev = None
    for u in units:
        if u.index in dropped:
            (after.setdefault(prev, []) if prev is not None else lead).append(u)
        else:
            prev = u.index
    out = list(lead)
    for u in ordered:
        out.append(u)
        out += after.get(u.index, [])
    return out


def _reposition(r: Repeat, units: list[Unit], position: dict[int, int]) -> Repeat:
    """A repeat found in raw order, with its lines as positions in the reading order."""
    return replace(r, drop=tuple(position[units[i].index] for i in r.drop),
                   keep=tuple(position[units[i].index] for i in r.keep))


def _suggest_repeats(maker: _Maker, repeats: list[Repeat], blocks_by_piece: list[Block],
                     piece_of_position: dict[int, int]) -> None:
    """Each copy to drop, one suggestion per block, naming the block of the copy that stays."""
    for r in repeats:
        done: set[int] = set()
        for pos, keep_pos, kind in zip(r.drop, r.keep, r.kinds, strict=True):
            k = piece_of_position[pos]
            if k in done:
                continue
            done.add(k)
            b = blocks_by_piece[k]
            keep_block = blocks_by_piece[piece_of_position[keep_pos]]
            match = message(f"match.{kind}") if f"match.{kind}" in CATALOGUE else said("重复", f"a {kind}")
            maker.add(KIND_DUPLICATE, (b, keep_block), [_range(b)], r.confidence,
                      message("suggest.duplicate", line=b.line_start, keep=keep_block.line_start, match=match,
                              why=r.why),
                      Duplicate(keep_block.id, kind), default=r.default)


def _suggest_roles(maker: _Maker, shapes: list[Shape], labelled: dict[int, Labelled], pieces: list[Piece],
                   blocks_by_piece: list[Block]) -> None:
    """Headlines, kickers, 副题, bylines, furniture and joins, from the labels of each block's first line."""
    last_body: int | None = None  # piece of the last body block (for joins and glued bylines)
    reasons: dict[tuple, Message] = {}  # by label and features, and by the words they come to
    article_has_reporter = False
    article_last_body: int | None = None

    def close_article() -> None:
        nonlocal article_last_body
        if article_last_body is not None and not article_has_reporter:
            _glued_byline(maker, blocks_by_piece[article_last_body])
        article_last_body = None

    for k, piece in enumerate(pieces):
        if piece.label == "D":
            continue
        first = piece.positions[0]
        item = labelled[first]
        b = blocks_by_piece[k]
        why = reasons.get((item.label, item.features))
        if why is None:  # lines of a page share their evidence, and evidence its words: one message each
            words = asm.why(lb.model_for(item), item)
            why = reasons[(item.label, item.features)] = reasons.setdefault(words, said(*words))
        conf = item.confidence  # how sure the labeller is of this block's first line
        lab = piece.label
        line = b.line_start
        if lab == lb.FURNITURE:
            nxt = shapes[first + 1] if first + 1 < len(shapes) else None
            prv = shapes[first - 1] if first > 0 else None
            cat = asm.furniture_kind(shapes[first], nxt, prv)
            from .furniture import CATEGORY_ZH, COLUMN_TITLE

            section = str(b.text).strip() if cat == COLUMN_TITLE else None
            explain = message("suggest.column-title" if section else "suggest.furniture",
                              category=said(CATEGORY_ZH.get(cat, "版面杂项"), cat), text=_short(b.text), why=why)
            maker.add(KIND_FURNITURE, (b,), [_range(b)], conf, explain, Furniture(cat, section))
            continue
        if lab in (lb.TITLE, lb.TITLE_MORE):
            if lab == lb.TITLE_MORE and last_body is None and k > 0 \
                    and pieces[k - 1].label in (lb.TITLE, lb.TITLE_MORE):  # the headline's next line
                prev_b = blocks_by_piece[k - 1]
                maker.add(KIND_JOIN, (prev_b, b), [(prev_b.end - 1, prev_b.end), (b.start, b.start + 1)], conf,
                          message("suggest.headline-goes-on", line=line, why=why),
                          Join("", 0))
                continue
            close_article()
            article_has_reporter = False
            maker.add(KIND_HEADLINE, (b,), [_range(b)], conf,
                      message("suggest.headline", line=line, text=_short(b.text), why=why))
            last_body = None
            continue
        if lab == lb.KICKER:
            maker.add(KIND_KICKER, (b,), [_range(b)], conf, message("suggest.kicker", text=_short(b.text), why=why))
            continue
        if lab == lb.SUBTITLE:
            maker.add(KIND_SUBTITLE, (b,), [_range(b)], conf,
                      message("suggest.subtitle", text=_short(b.text), why=why))
            continue
        if lab == lb.REPORTER:
            text = str(b.text).strip()
            article_has_reporter = True
            maker.add(KIND_BYLINE, (b,), [_range(b)], conf, message("suggest.reporter", text=text, why=why),
                      Byline("reporter", -1, (0, len(b.text))))
            continue
        if lab == lb.BYLINE:
            s, e = _byline_inner(str(b.text))
            inner = str(b.text)[s:e]
            maker.add(KIND_BYLINE, (b,), [_range(b)], conf, message("suggest.byline", text=inner, why=why),
                      Byline("own", -1, (s, e)))
            article_last_body = None
            continue
        # body: a paragraph start, or the continuation of the paragraph before it
        if lab == lb.CONTINUED and last_body is not None:
            a = blocks_by_piece[last_body]
            sep, drop = separator(str(a.text), str(b.text))
            tail, head = str(a.text)[-6:], str(b.text)[:6]
            maker.add(KIND_JOIN, (a, b), [(a.end - 1, a.end), (b.start, b.start + 1)], conf,
                      message("suggest.join", line=a.line_end, next=b.line_start, tail=tail, head=head, why=why),
                      Join(sep, drop))
        last_body = k
        article_last_body = k
    close_article()


def _glued_byline(maker: _Maker, b: Block) -> None:
    """A byline in brackets at the end of an article's last paragraph: split it off."""
    found = glued_byline(str(b.text))
    if found is None:
        return
    cut, s, e = found
    r0 = b.text.raw_offset(cut) or b.start
    r1 = (b.text.raw_offset(len(b.text) - 1) or b.end - 1) + 1
    inner = str(b.text)[s:e]
    maker.add(KIND_BYLINE, (b,), [(r0, r1)], 0.9, message("suggest.glued-byline", text=inner),
              Byline("glued", cut, (s, e)))


_CJK = r"[\p{Han}，。、；：！？“”‘’（）《》]"
# between two Han characters or marks, and between one and a number or Latin word next to it
_HAN_GAP = regex.compile(rf"(?<={_CJK}) +(?={_CJK})|(?<={_CJK}) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?={_CJK})")


def _suggest_spaces(maker: _Maker, blocks: tuple[Block, ...], skip: set[str]) -> None:
    """Tesseract's spaces between Han characters (``本 报 讯 近 日``): one suggestion per block to remove them
    (``skip``: the ids of repeats and furniture)."""
    for b in blocks:
        if b.id in skip:
            continue
        text = str(b.text)
        offsets = tuple(o for m in _HAN_GAP.finditer(text) for k in range(m.start(), m.end())
                        if (o := b.text.raw_offset(k)) is not None)
        if offsets:
            maker.add(KIND_SPACES, (b,), [(o, o + 1) for o in offsets], 0.9,
                      message("suggest.spaces", line=b.line_start, count=len(offsets)),
                      Spaces(offsets))


def _suggest_punctuation(maker: _Maker, blocks: tuple[Block, ...], skip: set[str], config: Config) -> None:
    """Half-width ``,():;!?`` inside Chinese text, one suggestion per block (see ``punctuation``;
    ``skip``: the ids of repeats and furniture)."""
    if not config.punctuation:
        return
    for b in blocks:
        if b.id in skip:
            continue
        reps = replacements(str(b.text))
        changes = tuple((o, v) for k, v in sorted(reps.items()) if (o := b.text.raw_offset(k)) is not None)
        if changes:
            shown = " ".join(sorted({f"{str(b.text)[k]} → {v}" for k, v in reps.items()}))
            maker.add(KIND_PUNCTUATION, (b,), [(o, o + 1) for o, _ in changes], 0.8,
                      message("suggest.punctuation", line=b.line_start, count=len(changes), marks=shown),
                      Punctuation(changes), default=config.punctuation_default)
