"""Article structure: where articles start, their kickers, 副题, reporter lines and bylines.

Damage and layouts handled: several articles in a row with nothing but a
headline between them; kickers (引题) above and 副题 under a headline;
reporter lines under it; bylines in brackets on their own line or glued to the
last paragraph; short-news columns (简讯) of small articles under a header;
column titles that name the section of the articles below them.

Example: ``[标题, 本报讯…, 正文…, (本报记者 马静璠), 标题2, 3月1日,…]`` →
two articles, the first with byline ``本报记者 马静璠``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import furniture as fz
from .classify import BlockInfo, plain_subhead_shape
from .layout import Layout

SUBHEAD_MAX_LEN = 10  # longer unpunctuated pieces are far more often the start of a cut paragraph


@dataclass
class ArticlePlan:
    head: int | None = None  # headline block
    kicker: int | None = None
    subtitle: int | None = None
    reporter: int | None = None
    byline: int | None = None  # own-line bracketed byline
    glued: int | None = None  # body block carrying a glued byline
    body: list[int] = field(default_factory=list)
    section: str | None = None
    head_confidence: float = 0.0


@dataclass
class Structure:
    articles: list[ArticlePlan]
    short_news_headers: list[int]
    subheads: set[int]


def is_subhead(i: int, layout: Layout) -> bool:
    """An in-article 小标题: short, no punctuation, after a finished paragraph, not before a lead."""
    info = layout.infos[i]
    if not info.heading or info.dash_subtitle:
        return False
    if not plain_subhead_shape(info, SUBHEAD_MAX_LEN):
        return False
    p = layout.prev(i)
    if p is not None and not (layout.infos[p].ends_sentence or layout.infos[p].heading or layout.infos[p].reporter):
        return False
    n = layout.next(i)
    return n is not None and not layout.infos[n].time_lead and not layout.starts_article(n)


def segment(layout: Layout, sections: dict[int, str]) -> Structure:
    """Group the blocks that remain (not furniture, not duplicates) into articles.

    ``sections`` maps a column-title block index to its text; articles that
    start after it carry it as their section.
    """
    infos = layout.infos
    articles: list[ArticlePlan] = []
    headers: list[int] = []
    subheads: set[int] = set()
    current: ArticlePlan | None = None
    ended = True  # page top counts as an article end
    pending_kicker: int | None = None
    section: str | None = None
    for i in [k for k in range(len(infos)) if not layout.skipped(k)]:
        info: BlockInfo = infos[i]
        for s_idx in [k for k in sections if k < i]:
            section = sections.pop(s_idx)
        if info.furniture:  # a jump line: furniture, but it tells where an article ends
            if info.jump_down:
                ended = True
            continue
        if layout.kicker_of(i):
            if fz.short_news_header(info.text):
                headers.append(i)
                ended = True
                continue
            pending_kicker = i
            continue
        next_i = layout.next(i)
        starts = layout.confirmed_headline(i)
        loose_start = (
            not starts and info.heading and not info.dash_subtitle and ended and next_i is not None
            and not infos[next_i].heading and not infos[next_i].article_end
            and not (current is not None and current.head is not None and not current.body)
        )
        if starts or loose_start:
            current = ArticlePlan(head=i, kicker=pending_kicker, section=section,
                                  head_confidence=0.95 if starts else 0.7)
            pending_kicker = None
            articles.append(current)
            ended = False
            continue
        pending_kicker = None
        if current is None:
            current = ArticlePlan(section=section)
            articles.append(current)
        just_opened = current.head is not None and not current.body and current.byline is None
        if info.dash_subtitle and just_opened and current.subtitle is None and current.reporter is None:
            current.subtitle = i
            continue
        if info.reporter and just_opened and current.reporter is None:
            current.reporter = i
            continue
        if info.byline_inner is not None:
            if current.byline is None and current.reporter is None:
                current.byline = i
            else:
                current.body.append(i)
            ended = True
            continue
        if info.heading and is_subhead(i, layout) and current.body:
            subheads.add(i)
        current.body.append(i)
        if info.glued_byline is not None and current.byline is None and current.reporter is None \
                and current.glued is None:
            current.glued = i  # the byline closes the article; anything after it is stray
        ended = info.glued_byline is not None
    return Structure(articles, headers, subheads)
