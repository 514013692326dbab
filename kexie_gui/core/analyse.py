"""Explain a page: decide its layout, read its lines in order, label them, propose repairs.

The stages take values and return values:

    units ─convention─▶ Convention ─order─▶ reading order ─repeats─▶ lines to drop
          ─labels─▶ a label per line ─assemble─▶ blocks + suggestions

Nothing here changes text.  Each suggestion names the raw ranges it touches
and says in one line (zh/en) what it would do and which evidence decided;
``apply`` carries out the accepted ones.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

import regex

from .ids import Namer
from .joins import separator
from .lines import Unit, split_units
from .model import Analysis, Block, Page, Suggestion
from .text import BRACKETED, glued_byline

# The stages proper load their fitted tables and compile their patterns on import; they are imported
# on the first page (``_load_stages``), so that what only needs the suggestion kinds (``apply``, the
# window as it opens) does not wait for them.
asm = lb = SIDE_BY_SIDE = convention_of = shapes_of = reading_order = rows_order = replacements = None
Lines = find_repeats = None


def _load_stages() -> None:
    global asm, lb, SIDE_BY_SIDE, convention_of, shapes_of, reading_order, rows_order, replacements
    global Lines, find_repeats
    if lb is not None:
        return
    from . import assemble as asm_module
    from . import labels as lb_module
    from .convention import SIDE_BY_SIDE as side_by_side
    from .convention import convention_of as convention_of_
    from .features import shapes_of as shapes_of_
    from .order import reading_order as reading_order_
    from .order import rows_order as rows_order_
    from .punctuation import replacements as replacements_
    from .repeats import Lines as lines_
    from .repeats import find_repeats as find_repeats_

    asm, SIDE_BY_SIDE, convention_of, shapes_of = asm_module, side_by_side, convention_of_, shapes_of_
    reading_order, rows_order, replacements = reading_order_, rows_order_, replacements_
    Lines, find_repeats = lines_, find_repeats_
    lb = lb_module  # last: another thread that sees it set finds every stage in place


KIND_FURNITURE = "furniture"
KIND_DUPLICATE = "duplicate"
KIND_HEADLINE = "headline"
KIND_KICKER = "kicker"
KIND_SUBTITLE = "subtitle"
KIND_BYLINE = "byline"
KIND_JOIN = "join"
KIND_ORDER = "order"
KIND_PUNCTUATION = "punctuation"
KIND_SPACES = "spaces"
KINDS = (KIND_ORDER, KIND_FURNITURE, KIND_DUPLICATE, KIND_HEADLINE, KIND_KICKER, KIND_SUBTITLE, KIND_BYLINE,
         KIND_JOIN, KIND_PUNCTUATION, KIND_SPACES)

KIND_LABELS = {
    KIND_FURNITURE: ("删除版面杂项", "remove furniture"),
    KIND_DUPLICATE: ("删除重复段", "drop repeat"),
    KIND_HEADLINE: ("从此处分篇（标题）", "split article here (headline)"),
    KIND_KICKER: ("引题", "kicker"),
    KIND_SUBTITLE: ("副题", "subtitle"),
    KIND_BYLINE: ("署名", "byline"),
    KIND_JOIN: ("接续断段", "join fragments"),
    KIND_ORDER: ("调整阅读顺序", "restore reading order"),
    KIND_PUNCTUATION: ("恢复全角标点", "restore full-width punctuation"),
    KIND_SPACES: ("删除汉字间空格", "remove spaces between Han characters"),
}


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


def _short(text: str, n: int = 16) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n] + "…"


def _range(block: Block) -> tuple[int, int]:
    return (block.start, block.end)


class _Maker:
    """Builds suggestions with stable ids and the default from the confidence."""

    def __init__(self, config: Config):
        self.config = config
        self.out: list[Suggestion] = []
        self.name = Namer()

    def add(self, kind: str, blocks: tuple[Block, ...], ranges, confidence: float, zh: str, en: str,
            payload: tuple = (), default: bool | None = True) -> None:
        """``default``: accepted unless the editor says otherwise (None: when confident enough)."""
        ranges = tuple(tuple(r) for r in ranges)
        # named by its blocks; one that touches no raw range (the reading order) is about the whole page
        about = "|".join(b.id for b in blocks) if ranges else ""
        self.out.append(Suggestion(
            id=self.name(kind, about), kind=kind,
            blocks=tuple(b.id for b in blocks), ranges=ranges, confidence=round(confidence, 3),
            explain_zh=zh, explain_en=en,
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


def analyse(page: Page, config: Config = Config(),
            progress: Callable[[float, str], None] | None = None) -> Analysis:
    """Explain ``page``: its blocks and every repair we propose, none applied yet.

    ``progress(fraction, stage)`` is called between stages (for a progress bar).
    """
    _load_stages()
    report = progress or (lambda fraction, stage: None)
    t0 = time.perf_counter()
    report(0.0, "lines")
    boxes = {b.line: b for b in page.geometry.lines} if page.geometry else None
    units = split_units(page.text, boxes)
    convention = convention_of(units, config.layout)
    if convention.name == SIDE_BY_SIDE:
        # columns set side by side on one row: take the page apart the way it was printed first, and read
        # the pieces in that order from here on (each piece stays a block of its own)
        # (blank rows between pieces say nothing then: another column's row stood there)
        units = [replace(u, index=k, blank_before=0)
                 for k, u in enumerate(units[j] for j in rows_order(units, page.text))]
    report(0.1, "repeats")
    raw_shapes = shapes_of(units, convention)
    height = page.geometry.height if page.geometry else 0.0
    first_look = lb.first_look(units, convention, height, raw_shapes, sure=True)
    lines = Lines(raw_shapes, [x.label for x in first_look], convention.wrapped,
                  [u.blank_before > 0 and convention.blank_lines_separate for u in units])
    raw_repeats = find_repeats([u.text for u in units], lines)
    dropped_units = {units[i].index for r in raw_repeats if r.default for i in r.drop}
    report(0.3, "order")
    kept_units = [u for u in units if u.index not in dropped_units]
    if config.reading_order:
        kept_shapes = [raw_shapes[u.index] for u in kept_units]
        kept_labels = [first_look[u.index].label for u in kept_units]
        ordered, moves = reading_order(kept_units, convention, kept_shapes, kept_labels)
    else:
        ordered, moves = kept_units, ()
    if not moves and any(a.start > b.start for a, b in pairwise(ordered)):
        moves = (0.9, "按版面把并排的各栏逐栏读出", "columns set side by side are read one after another")
    # the dropped lines stay where they were printed, right after the line printed before them
    seq = _with_dropped(ordered, units, dropped_units)
    position = {u.index: k for k, u in enumerate(seq)}
    shapes = [raw_shapes[u.index] for u in seq]
    repeats = [_reposition(r, units, position) for r in raw_repeats]
    dropped = {position[units[i].index] for r in raw_repeats if r.default for i in r.drop}
    proposed = {position[units[i].index] for r in raw_repeats for i in r.drop}
    report(0.45, "labels")
    kept = [i for i in range(len(seq)) if i not in dropped]
    labelled_list = lb.label_lines([seq[i] for i in kept], convention, height, [shapes[i] for i in kept],
                                   [first_look[seq[i].index] for i in kept])
    labelled = dict(zip(kept, labelled_list, strict=True))
    report(0.75, "assemble")
    pieces = asm.group(seq, labelled, dropped, convention)
    del proposed
    blocks_by_piece = [asm.make_block([seq[i] for i in p.positions]) for p in pieces]
    raw_sorted = sorted(range(len(pieces)), key=lambda k: blocks_by_piece[k].start)
    blocks: list[Block] = [None] * len(pieces)  # type: ignore[list-item]
    name = Namer()  # in raw order: the k-th copy of a text is the k-th printed
    for new_index, k in enumerate(raw_sorted):
        b = blocks_by_piece[k]
        blocks[new_index] = Block(index=new_index, start=b.start, end=b.end, line_start=b.line_start,
                                  line_end=b.line_end, text=b.text, indented=b.indented, id=name("b", b.text))
        blocks_by_piece[k] = blocks[new_index]
    piece_of_position = {i: k for k, p in enumerate(pieces) for i in p.positions}
    maker = _Maker(config)
    _suggest_repeats(maker, repeats, seq, pieces, blocks_by_piece, piece_of_position)
    _suggest_roles(maker, seq, shapes, labelled, pieces, blocks_by_piece)
    skip = {k for k, p in enumerate(pieces) if p.label in ("D", lb.FURNITURE)}
    _suggest_punctuation(maker, blocks, skip, blocks_by_piece, config)
    if convention.han_spaces:
        _suggest_spaces(maker, blocks, skip, blocks_by_piece)
    order = tuple(blocks_by_piece[k].id for k in range(len(pieces)))
    if moves:
        maker.add(KIND_ORDER, tuple(blocks_by_piece), [], moves[0], moves[1], moves[2],
                  (("order", order),))
    report(1.0, "done")
    rank = {k: n for n, k in enumerate(KINDS)}
    suggestions = sorted(maker.out, key=lambda s: (s.ranges[0][0] if s.ranges else -1, rank[s.kind]))
    return Analysis(page=page, blocks=tuple(blocks), suggestions=tuple(suggestions),
                    hard_wrapped=convention.wrapped, seconds=time.perf_counter() - t0,
                    convention=convention, order=order)


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


def _reposition(r, units: list[Unit], position: dict[int, int]):
    """A repeat found in raw order, with its lines as positions in the reading order."""
    from dataclasses import replace

    return replace(r, drop=tuple(position[units[i].index] for i in r.drop),
                   keep=tuple(position[units[i].index] for i in r.keep))


def _suggest_repeats(maker, repeats, seq, pieces, blocks_by_piece, piece_of_position) -> None:
    from .repeats import Repeat  # noqa: F401  (type only)

    kind_zh = {"exact": "完全重复", "near": "近似重复", "truncated": "截断的重复"}
    for r in repeats:
        done: set[int] = set()
        for pos, keep_pos, kind in zip(r.drop, r.keep, r.kinds, strict=True):
            k = piece_of_position[pos]
            if k in done:
                continue
            done.add(k)
            b = blocks_by_piece[k]
            keep_block = blocks_by_piece[piece_of_position[keep_pos]]
            maker.add(
                KIND_DUPLICATE, (b, keep_block), [_range(b)], r.confidence,
                f"删除第{b.line_start}行：与第{keep_block.line_start}行{kind_zh.get(kind, '重复')}，{r.why_zh}",
                f"drop line {b.line_start}: {'an' if kind == 'exact' else 'a'} {kind} repeat of line "
                f"{keep_block.line_start}; {r.why_en}",
                (("keep", keep_block.id), ("match", kind)), default=r.default)


def _suggest_roles(maker, seq, shapes, labelled, pieces, blocks_by_piece) -> None:
    """Headlines, kickers, 副题, bylines, furniture and joins, from the labels of each block's first line."""
    last_body: int | None = None  # piece of the last body block (for joins and glued bylines)
    article_has_reporter = False
    article_last_body: int | None = None
    glued_done: set[int] = set()

    def close_article():
        nonlocal article_last_body
        if article_last_body is not None and not article_has_reporter:
            _glued_byline(maker, blocks_by_piece[article_last_body], shapes[pieces[article_last_body].positions[-1]])
            glued_done.add(article_last_body)
        article_last_body = None

    for k, piece in enumerate(pieces):
        if piece.label == "D":
            continue
        first = piece.positions[0]
        item = labelled[first]
        b = blocks_by_piece[k]
        zh_why, en_why = asm.why(lb.model_for(item), item)
        conf = item.confidence  # how sure the labeller is of this block's first line
        lab = piece.label
        line = b.line_start
        if lab == lb.FURNITURE:
            nxt = shapes[first + 1] if first + 1 < len(shapes) else None
            prv = shapes[first - 1] if first > 0 else None
            cat = asm.furniture_kind(shapes[first], nxt, prv)
            from .furniture import CATEGORY_ZH, COLUMN_TITLE

            section = str(b.text).strip() if cat == COLUMN_TITLE else None
            zh = f"删除{CATEGORY_ZH.get(cat, '版面杂项')}“{_short(b.text)}”（{zh_why}）"
            en = f"remove {cat} “{_short(b.text)}” ({en_why})"
            if section:
                zh += "，作为其下文章的栏目"
                en += "; kept as the section of the articles below"
            maker.add(KIND_FURNITURE, (b,), [_range(b)], conf, zh, en, (("category", cat), ("section", section)))
            continue
        if lab in (lb.TITLE, lb.TITLE_MORE):
            if lab == lb.TITLE_MORE and last_body is None and k > 0 \
                    and pieces[k - 1].label in (lb.TITLE, lb.TITLE_MORE):  # the headline's next line
                prev_b = blocks_by_piece[k - 1]
                maker.add(KIND_JOIN, (prev_b, b), [(prev_b.end - 1, prev_b.end), (b.start, b.start + 1)], conf,
                          f"第{line}行是上一行标题的续行（{zh_why}）",
                          f"line {line} goes on with the headline above ({en_why})",
                          (("separator", ""), ("drop", 0)))
                continue
            close_article()
            article_has_reporter = False
            maker.add(KIND_HEADLINE, (b,), [_range(b)], conf,
                      f"第{line}行是标题，从此处开始新文章“{_short(b.text)}”（{zh_why}）",
                      f"line {line} is a headline: a new article starts here “{_short(b.text)}” ({en_why})")
            last_body = None
            continue
        if lab == lb.KICKER:
            maker.add(KIND_KICKER, (b,), [_range(b)], conf, f"“{_short(b.text)}”是引题（标题上方；{zh_why}）",
                      f"“{_short(b.text)}” is the kicker above the headline ({en_why})")
            continue
        if lab == lb.SUBTITLE:
            maker.add(KIND_SUBTITLE, (b,), [_range(b)], conf, f"“{_short(b.text)}”是副题（{zh_why}）",
                      f"“{_short(b.text)}” is the subtitle under the headline ({en_why})")
            continue
        if lab == lb.REPORTER:
            text = str(b.text).strip()
            article_has_reporter = True
            maker.add(KIND_BYLINE, (b,), [_range(b)], conf, f"标题下的记者行作为署名：{text}（{zh_why}）",
                      f"reporter line under the headline as byline: {text} ({en_why})",
                      (("form", "reporter"), ("cut", -1), ("inner", (0, len(b.text)))))
            continue
        if lab == lb.BYLINE:
            s, e = _byline_inner(str(b.text))
            inner = str(b.text)[s:e]
            maker.add(KIND_BYLINE, (b,), [_range(b)], conf, f"署名行：{inner}（{zh_why}）",
                      f"byline on its own line: {inner} ({en_why})",
                      (("form", "own"), ("cut", -1), ("inner", (s, e))))
            article_last_body = None
            continue
        # body: a paragraph start, or the continuation of the paragraph before it
        if lab == lb.CONTINUED and last_body is not None:
            a = blocks_by_piece[last_body]
            sep, drop = separator(str(a.text), str(b.text))
            tail, head = str(a.text)[-6:], str(b.text)[:6]
            maker.add(KIND_JOIN, (a, b), [(a.end - 1, a.end), (b.start, b.start + 1)], conf,
                      f"接续第{a.line_end}行与第{b.line_start}行（…{tail}|{head}…；{zh_why}）",
                      f"join line {a.line_end} with line {b.line_start} (…{tail}|{head}…; {en_why})",
                      (("separator", sep), ("drop", drop)))
        last_body = k
        article_last_body = k
    close_article()


def _glued_byline(maker, b: Block, shape) -> None:
    """A byline in brackets at the end of an article's last paragraph: split it off."""

    found = glued_byline(str(b.text))
    if found is None:
        return
    cut, s, e = found
    r0 = b.text.raw_offset(cut) or b.start
    r1 = (b.text.raw_offset(len(b.text) - 1) or b.end - 1) + 1
    inner = str(b.text)[s:e]
    maker.add(KIND_BYLINE, (b,), [(r0, r1)], 0.9, f"把段末括号中的署名分出：{inner}",
              f"split off the byline glued to the paragraph: {inner}",
              (("form", "glued"), ("cut", cut), ("inner", (s, e))))


_CJK = r"[\p{Han}，。、；：！？“”‘’（）《》]"
# between two Han characters or marks, and between one and a number or Latin word next to it
_HAN_GAP = regex.compile(rf"(?<={_CJK}) +(?={_CJK})|(?<={_CJK}) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?={_CJK})")


def _suggest_spaces(maker, blocks, skip_pieces, blocks_by_piece) -> None:
    """Tesseract's spaces between Han characters (``本 报 讯 近 日``): one suggestion per block to remove them."""
    skip = {blocks_by_piece[k].id for k in skip_pieces}
    for b in blocks:
        if b.id in skip:
            continue
        text = str(b.text)
        offsets = tuple(o for m in _HAN_GAP.finditer(text) for k in range(m.start(), m.end())
                        if (o := b.text.raw_offset(k)) is not None)
        if offsets:
            maker.add(KIND_SPACES, (b,), [(o, o + 1) for o in offsets], 0.9,
                      f"第{b.line_start}行删除汉字间的{len(offsets)}个空格（识别软件插入）",
                      f"line {b.line_start}: remove {len(offsets)} space(s) between Han characters (added by the OCR)",
                      (("offsets", offsets),))


def _suggest_punctuation(maker, blocks, skip_pieces, blocks_by_piece, config) -> None:
    """Half-width ``,():;!?`` inside Chinese text, one suggestion per block (see ``punctuation``)."""
    if not config.punctuation:
        return
    skip = {blocks_by_piece[k].id for k in skip_pieces}
    for b in blocks:
        if b.id in skip:
            continue
        reps = replacements(str(b.text))
        changes = tuple((b.text.raw_offset(k), v) for k, v in sorted(reps.items())
                        if b.text.raw_offset(k) is not None)
        if changes:
            marks = "".join(sorted({f"{str(b.text)[k]}→{v}" for k, v in reps.items()}))
            shown = " ".join(sorted({f"{str(b.text)[k]} → {v}" for k, v in reps.items()}))
            maker.add(KIND_PUNCTUATION, (b,), [(o, o + 1) for o, _ in changes], 0.8,
                      f"第{b.line_start}行恢复{len(changes)}个全角标点（{shown}）",
                      f"line {b.line_start}: restore {len(changes)} full-width punctuation mark(s) ({shown})",
                      (("changes", changes),), default=config.punctuation_default)
            del marks
