"""What each block looks like on its own: the facts later stages reason with.

Nothing here decides an article's structure; it records shapes (furniture,
heading, lead, byline, reporter line …) once, so that the detectors read them
instead of re-running regular expressions.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import furniture as fz
from .model import Block
from .text import (
    BRACKETED,
    GLUED_BYLINE,
    LEAD_AGENCY,
    SUBHEAD_MARK,
    SUBTITLE_DASH,
    ends_clause,
    ends_sentence,
    has_inner_punctuation,
    is_byline_inner,
    is_reporter_line,
    looks_like_heading,
    starts_with_time_phrase,
)


@dataclass
class BlockInfo:
    block: Block
    furniture: str | None = None  # category, when the block is furniture on its own
    heading: bool = False  # shaped like a headline / kicker / subhead
    agency_lead: bool = False  # opens with 本报讯
    time_lead: bool = False  # opens with a time phrase
    reporter: bool = False  # 本报记者 张三 …
    byline_inner: str | None = None  # an own-line bracketed byline: text inside the brackets
    glued_byline: tuple[int, int, int] | None = None  # (cut, inner start, inner end) in block text
    dash_subtitle: bool = False  # ——记…
    jump_up: bool = False  # （上接第N版）
    jump_down: bool = False  # （下转第N版）
    subhead_mark: bool = False
    ends_sentence: bool = False
    ends_clause: bool = False

    text: str = ""  # the block's text as a plain string, kept once

    @property
    def lead(self) -> bool:
        return self.agency_lead or self.time_lead

    @property
    def article_end(self) -> bool:
        """Blocks that close an article: a trailing byline or a jump to another page."""
        return self.byline_inner is not None or self.glued_byline is not None or self.jump_down

    @property
    def opens_article(self) -> bool:
        """Blocks that only ever come right under a headline."""
        return self.lead or self.reporter or self.dash_subtitle or self.jump_up


def glued_byline(text: str) -> tuple[int, int, int] | None:
    """A byline in brackets glued to the end of a paragraph: ``…走得更远。（攀枝花科协）``.

    Returns (where the paragraph ends, where the byline text starts, where it ends).

    >>> glued_byline("走得更远。(攀枝花科协)")
    (5, 6, 11)
    >>> glued_byline("工作站(以下简称“市科青联”)") is None
    True
    """
    if not text.rstrip().endswith((")", "）")):
        return None
    m = GLUED_BYLINE.search(text)
    if not m or m.start() == 0:
        return None
    before = text[: m.start()].rstrip()
    if not ends_sentence(before) or not is_byline_inner(m.group("inner")):
        return None
    inner_start = m.start("inner")
    inner = m.group("inner")
    lead_ws = len(inner) - len(inner.lstrip())
    return len(before), inner_start + lead_ws, inner_start + len(inner.rstrip())


def classify_block(block: Block) -> BlockInfo:
    raw = str(block.text)
    text = raw.strip()
    info = BlockInfo(block=block, text=raw)
    info.furniture = fz.classify_single(text)
    if info.furniture == fz.JUMP:
        info.jump_up = "上接" in text or "接" in text[:4]
        info.jump_down = not info.jump_up
    m = BRACKETED.match(text)
    if m and not info.furniture and is_byline_inner(m.group("inner")):
        info.byline_inner = m.group("inner").strip()
    if not info.furniture and info.byline_inner is None:
        info.reporter = is_reporter_line(text)
        info.agency_lead = bool(LEAD_AGENCY.match(text))
        info.time_lead = starts_with_time_phrase(text)
        info.dash_subtitle = bool(SUBTITLE_DASH.match(text)) and len(text) <= 50
        info.heading = (looks_like_heading(text) and not info.reporter and not info.lead) or info.dash_subtitle
        info.subhead_mark = bool(SUBHEAD_MARK.match(text)) and len(text) <= 30
        if info.subhead_mark and not ends_sentence(text) and not ends_clause(text):
            info.heading = True
        info.glued_byline = glued_byline(text)
    info.ends_sentence = ends_sentence(text)
    info.ends_clause = ends_clause(text)
    return info


def plain_subhead_shape(info: BlockInfo, max_len: int) -> bool:
    """A 小标题: short, no punctuation inside (a leading ■/一、 mark is allowed)."""
    text = info.text.strip()
    if info.subhead_mark:
        return len(text) <= max_len + 4
    return len(text) <= max_len and not has_inner_punctuation(text)
