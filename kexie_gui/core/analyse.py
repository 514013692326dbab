"""Explain a page: run the detectors and turn what they found into suggestions.

Nothing here changes text.  Each suggestion names the raw ranges it touches
and says in one line (zh/en) what it would do and why; ``apply`` carries out
the accepted ones.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from . import furniture as fz
from .blocks import split_blocks
from .classify import BlockInfo, classify_block
from .duplicates import find_duplicates
from .joins import find_joins
from .layout import Layout
from .model import Analysis, Block, Page, Suggestion, stable_id
from .punctuation import replacements
from .segment import Structure, segment

KIND_FURNITURE = "furniture"
KIND_DUPLICATE = "duplicate"
KIND_HEADLINE = "headline"
KIND_KICKER = "kicker"
KIND_SUBTITLE = "subtitle"
KIND_BYLINE = "byline"
KIND_JOIN = "join"
KIND_PUNCTUATION = "punctuation"
KINDS = (KIND_FURNITURE, KIND_DUPLICATE, KIND_HEADLINE, KIND_KICKER, KIND_SUBTITLE, KIND_BYLINE,
         KIND_JOIN, KIND_PUNCTUATION)

KIND_LABELS = {
    KIND_FURNITURE: ("删除版面杂项", "remove furniture"),
    KIND_DUPLICATE: ("删除重复段", "drop repeat"),
    KIND_HEADLINE: ("从此处分篇（标题）", "split article here (headline)"),
    KIND_KICKER: ("引题", "kicker"),
    KIND_SUBTITLE: ("副题", "subtitle"),
    KIND_BYLINE: ("署名", "byline"),
    KIND_JOIN: ("接续断段", "join fragments"),
    KIND_PUNCTUATION: ("恢复全角标点", "restore full-width punctuation"),
}


@dataclass(frozen=True)
class Config:
    """Knobs of the analysis, one documented field per rule."""

    #: suggest restoring full-width punctuation inside Chinese text
    punctuation: bool = True
    #: accept punctuation suggestions by default (the gold keeps raw characters; editors usually want 全角)
    punctuation_default: bool = True
    #: suggestions below this confidence are proposed but not accepted by default
    default_threshold: float = 0.6


def _short(text: str, n: int = 16) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n] + "…"


def _range(block: Block) -> tuple[int, int]:
    return (block.start, block.end)


def _suggest(kind: str, blocks: tuple[Block, ...], ranges, confidence: float, zh: str, en: str,
             payload: tuple = (), config: Config = Config(), default: bool | None = None) -> Suggestion:
    ranges = tuple(tuple(r) for r in ranges)
    return Suggestion(
        id=stable_id(kind, ranges, tuple(b.id for b in blocks)),
        kind=kind,
        blocks=tuple(b.id for b in blocks),
        ranges=ranges,
        confidence=round(confidence, 3),
        explain_zh=zh,
        explain_en=en,
        default=(confidence >= config.default_threshold) if default is None else default,
        payload=payload,
    )


def _pinyin_pairs(infos: list[BlockInfo]) -> dict[int, int]:
    """Pinyin column header → the column title it romanises (the line below or above it)."""
    pairs = {}
    for i, info in enumerate(infos):
        if info.furniture:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(infos) and fz.is_pinyin_of(info.text, infos[j].text):
                pairs[i] = j
                break
    return pairs


@dataclass
class Context:
    """What the detectors share while explaining one page; each adds what it found."""

    page: Page
    config: Config
    blocks: tuple[Block, ...]
    wrapped: bool
    infos: list[BlockInfo]
    layout: Layout
    sections: dict[int, str] = field(default_factory=dict)  # column-title block -> its text
    structure: Structure | None = None

    def suggest(self, kind: str, blocks: tuple[Block, ...], ranges, confidence: float, zh: str, en: str,
                payload: tuple = (), default: bool | None = None) -> Suggestion:
        return _suggest(kind, blocks, ranges, confidence, zh, en, payload, self.config, default)


def detect_furniture(ctx: Context) -> list[Suggestion]:
    """Page and column furniture: headers, page numbers, editor and sponsor lines, captions,
    jump lines, and column headers (a pinyin line over the title it romanises, or a title
    beside its sponsor line).  ``学会改革先行者`` becomes the section of the articles below."""
    infos, out = ctx.infos, []
    pairs = _pinyin_pairs(infos)
    for i, info in enumerate(infos):
        # a column title printed without pinyin sits right above or below its sponsor line
        if info.furniture == fz.SPONSOR_LINE:
            for j in (i - 1, i + 1):
                below_is_headline = j == i + 1 and j + 1 < len(infos) and infos[j + 1].opens_article
                if 0 <= j < len(infos) and not infos[j].furniture and infos[j].heading \
                        and len(infos[j].text.strip()) <= 12 and j not in pairs.values() and not below_is_headline:
                    pairs[j] = j
                    break
    for i, j in pairs.items():
        for k, cat in (((i, fz.PINYIN_HEADER),) if i != j else ()) + ((j, fz.COLUMN_TITLE),):
            infos[k].furniture = cat
        ctx.sections[j] = infos[j].text.strip()
    for i, info in enumerate(infos):
        if not info.furniture:
            continue
        b, cat = info.block, info.furniture
        section = ctx.sections.get(i)
        zh = f"删除{fz.CATEGORY_ZH.get(cat, '版面杂项')}“{_short(b.text)}”"
        en = f"remove {cat} “{_short(b.text)}”"
        if section:
            zh += "（作为其下文章的栏目）"
            en += " (kept as the section of the articles below)"
        conf = 0.95 if cat not in (fz.PAGE_NUMBER, fz.PHOTO_CREDIT) else 0.9
        out.append(ctx.suggest(KIND_FURNITURE, (b,), [_range(b)], conf, zh, en,
                               (("category", cat), ("section", section))))
    return out


_MATCH_ZH = {"exact": "完全重复", "near": "近似重复（差{}字）", "truncated": "截断的重复", "piece": "段落片段的重复"}
_MATCH_EN = {"exact": "an exact repeat", "near": "a near repeat ({} character(s) differ)",
             "truncated": "a truncated repeat", "piece": "a repeated piece"}


def detect_duplicates(ctx: Context) -> list[Suggestion]:
    """Repeated blocks (see ``duplicates``): the stray copy goes, the one in reading position stays."""
    out = []
    for r in find_duplicates(ctx.infos, ctx.layout, ctx.wrapped):
        b, keep = ctx.blocks[r.block], ctx.blocks[r.keep]
        what_zh, what_en = _MATCH_ZH[r.kind].format(r.edits), _MATCH_EN[r.kind].format(r.edits)
        out.append(ctx.suggest(
            KIND_DUPLICATE, (b, keep), [_range(b)], r.confidence,
            f"删除第{b.line_start}行：与第{keep.line_start}行{what_zh}，{r.reason_zh}",
            f"drop line {b.line_start}: {what_en} of line {keep.line_start}; {r.reason_en}",
            (("keep", keep.id), ("match", r.kind), ("edits", r.edits)), default=r.default))
    return out


def detect_structure(ctx: Context) -> list[Suggestion]:
    """Where articles start (headlines), their kickers, 副题, reporter lines and bylines,
    and the header of a short-news column (see ``segment``)."""
    blocks, infos, out = ctx.blocks, ctx.infos, []
    ctx.structure = structure = segment(ctx.layout, dict(ctx.sections))
    for i in structure.short_news_headers:
        b = blocks[i]
        infos[i].furniture = fz.SHORT_NEWS_HEADER
        out.append(ctx.suggest(KIND_FURNITURE, (b,), [_range(b)], 0.9,
                               f"删除简讯栏头“{_short(b.text)}”", f"remove short-news header “{_short(b.text)}”",
                               (("category", fz.SHORT_NEWS_HEADER), ("section", None))))
    for art in structure.articles:
        if art.head is not None:
            h = blocks[art.head]
            out.append(ctx.suggest(
                KIND_HEADLINE, (h,), [_range(h)], art.head_confidence,
                f"第{h.line_start}行是标题，从此处开始新文章“{_short(h.text)}”",
                f"line {h.line_start} is a headline: a new article starts here “{_short(h.text)}”"))
        for idx, kind, zh, en in ((art.kicker, KIND_KICKER, "引题（标题上方）", "kicker above the headline"),
                                  (art.subtitle, KIND_SUBTITLE, "副题（标题下方）", "subtitle under the headline")):
            if idx is not None:
                b = blocks[idx]
                out.append(ctx.suggest(kind, (b,), [_range(b)], 0.85,
                                       f"“{_short(b.text)}”是{zh}", f"“{_short(b.text)}” is the {en}"))
        if art.reporter is not None:
            b = blocks[art.reporter]
            text = str(b.text).strip()
            out.append(ctx.suggest(KIND_BYLINE, (b,), [_range(b)], 0.9,
                                   f"标题下的记者行作为署名：{text}", f"reporter line under the headline as byline: {text}",
                                   (("form", "reporter"), ("cut", -1), ("inner", (0, len(b.text))))))
        if art.byline is not None:
            b = blocks[art.byline]
            inner = infos[art.byline].byline_inner
            start = str(b.text).find(inner)
            out.append(ctx.suggest(KIND_BYLINE, (b,), [_range(b)], 0.95,
                                   f"署名行：{inner}", f"byline on its own line: {inner}",
                                   (("form", "own"), ("cut", -1), ("inner", (start, start + len(inner))))))
        if art.glued is not None:
            b = blocks[art.glued]
            cut, s, e = infos[art.glued].glued_byline
            r0, r1 = b.text.raw_offset(cut) or b.start, (b.text.raw_offset(len(b.text) - 1) or b.end - 1) + 1
            inner = str(b.text)[s:e]
            out.append(ctx.suggest(KIND_BYLINE, (b,), [(r0, r1)], 0.9,
                                   f"把段末括号中的署名分出：{inner}", f"split off the byline glued to the paragraph: {inner}",
                                   (("form", "glued"), ("cut", cut), ("inner", (s, e)))))
    return out


def detect_joins(ctx: Context) -> list[Suggestion]:
    """Paragraphs cut at column breaks (see ``joins``)."""
    out = []
    for j in find_joins(ctx.layout, ctx.structure, ctx.wrapped):
        a, b = ctx.blocks[j.a], ctx.blocks[j.b]
        tail, head = str(a.text)[-6:], str(b.text)[:6]
        out.append(ctx.suggest(
            KIND_JOIN, (a, b), [(a.end - 1, a.end), (b.start, b.start + 1)], j.confidence,
            f"接续第{a.line_end}行与第{b.line_start}行：{j.why_zh}（…{tail}|{head}…）",
            f"join line {a.line_end} with line {b.line_start}: {j.why_en} (…{tail}|{head}…)",
            (("separator", j.separator), ("drop", j.drop))))
    return out


def detect_punctuation(ctx: Context) -> list[Suggestion]:
    """Half-width ``,():;!?`` inside Chinese text, one suggestion per block (see ``punctuation``)."""
    if not ctx.config.punctuation:
        return []
    out = []
    for info in ctx.infos:
        if info.furniture or ctx.layout.skipped(info.block.index):
            continue
        b = info.block
        reps = replacements(info.text)
        changes = tuple((b.text.raw_offset(k), v) for k, v in sorted(reps.items()) if b.text.raw_offset(k) is not None)
        if changes:
            out.append(ctx.suggest(
                KIND_PUNCTUATION, (b,), [(o, o + 1) for o, _ in changes], 0.8,
                f"第{b.line_start}行恢复{len(changes)}个全角标点",
                f"line {b.line_start}: restore {len(changes)} full-width punctuation mark(s)",
                (("changes", changes),), default=ctx.config.punctuation_default))
    return out


#: the detectors in the order they run; each reads what the ones before it found
DETECTORS: tuple[tuple[str, Callable[[Context], list[Suggestion]]], ...] = (
    ("furniture", detect_furniture),
    ("duplicates", detect_duplicates),
    ("structure", detect_structure),
    ("joins", detect_joins),
    ("punctuation", detect_punctuation),
)


def analyse(page: Page, config: Config = Config(),
            progress: Callable[[float, str], None] | None = None) -> Analysis:
    """Explain ``page``: its blocks and every repair we propose, none applied yet.

    ``progress(fraction, stage)`` is called between stages (for a progress bar).
    """
    report = progress or (lambda fraction, stage: None)
    t0 = time.perf_counter()
    report(0.0, "blocks")
    blocks, wrapped = split_blocks(page)
    report(0.2, "classify")
    infos = [classify_block(b) for b in blocks]
    ctx = Context(page=page, config=config, blocks=blocks, wrapped=wrapped, infos=infos, layout=Layout(infos))
    suggestions = []
    for n, (name, detect) in enumerate(DETECTORS):
        report(0.35 + 0.65 * n / len(DETECTORS), name)
        suggestions += detect(ctx)
    report(1.0, "done")
    order = {k: n for n, k in enumerate(KINDS)}
    suggestions.sort(key=lambda s: (s.ranges[0][0] if s.ranges else 0, order[s.kind]))
    return Analysis(page=page, blocks=blocks, suggestions=tuple(suggestions), hard_wrapped=wrapped,
                    seconds=time.perf_counter() - t0)
