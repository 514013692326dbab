"""Carry out the plan: analysis + decisions → clean articles, with provenance.

``apply`` is pure and cheap, so the window calls it after every decision
instead of patching text in place.  One table (``APPLIERS``) maps every
suggestion kind to the function that carries it out.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from typing import Callable

from .analyse import (KIND_BYLINE, KIND_DUPLICATE, KIND_FURNITURE, KIND_HEADLINE, KIND_JOIN, KIND_KICKER,
                      KIND_ORDER, KIND_PUNCTUATION, KIND_SPACES, KIND_SUBTITLE)
from .model import (ROLE_BODY, ROLE_BYLINE, ROLE_DUPLICATE, ROLE_FURNITURE, ROLE_KICKER, ROLE_SUBTITLE,
                    ROLE_TITLE, Analysis, Block, CleanArticle, CleanPage, Decisions, RemovedBlock,
                    Suggestion, Text)
from .text import BRACKETED


@dataclass
class Plan:
    roles: dict[str, str] = field(default_factory=dict)  # block id -> role
    decided_by: dict[str, str] = field(default_factory=dict)  # block id -> suggestion id / "role:…"
    joins: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # b -> (a, separator, drop)
    byline_parts: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # id -> (cut, start, end)
    replacements: dict[int, str] = field(default_factory=dict)  # raw offset -> character
    sections: dict[str, str] = field(default_factory=dict)  # furniture block id -> section label
    order: tuple[str, ...] = ()  # block ids in the rebuilt reading order (empty: raw order)


def _set_role(plan: Plan, s: Suggestion, role: str, block_id: str | None = None) -> None:
    bid = block_id or s.blocks[0]
    plan.roles[bid] = role
    plan.decided_by[bid] = s.id


def apply_furniture(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_FURNITURE)
    if s.get("section"):
        plan.sections[s.blocks[0]] = s.get("section")


def apply_duplicate(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_DUPLICATE)


def apply_headline(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_TITLE)


def apply_kicker(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_KICKER)


def apply_subtitle(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_SUBTITLE)


def apply_byline(plan: Plan, s: Suggestion) -> None:
    start, end = s.get("inner")
    cut = s.get("cut", -1)
    plan.byline_parts[s.blocks[0]] = (cut, start, end)
    if cut < 0:
        _set_role(plan, s, ROLE_BYLINE)
    else:
        plan.decided_by.setdefault(s.blocks[0] + ":byline", s.id)


def apply_join(plan: Plan, s: Suggestion) -> None:
    a, b = s.blocks
    plan.joins[b] = (a, s.get("separator", ""), s.get("drop", 0))
    plan.decided_by.setdefault(b + ":join", s.id)


def apply_punctuation(plan: Plan, s: Suggestion) -> None:
    for offset, char in s.get("changes", ()):
        plan.replacements[offset] = char


def apply_order(plan: Plan, s: Suggestion) -> None:
    plan.order = tuple(s.get("order", ()))


def apply_spaces(plan: Plan, s: Suggestion) -> None:
    for offset in s.get("offsets", ()):
        plan.replacements[offset] = ""


APPLIERS: dict[str, Callable[[Plan, Suggestion], None]] = {
    KIND_ORDER: apply_order,
    KIND_SPACES: apply_spaces,
    KIND_FURNITURE: apply_furniture,
    KIND_DUPLICATE: apply_duplicate,
    KIND_HEADLINE: apply_headline,
    KIND_KICKER: apply_kicker,
    KIND_SUBTITLE: apply_subtitle,
    KIND_BYLINE: apply_byline,
    KIND_JOIN: apply_join,
    KIND_PUNCTUATION: apply_punctuation,
}


def split_blocks_at(blocks: tuple[Block, ...], offsets: tuple[int, ...]) -> tuple[Block, ...]:
    """Cut blocks at raw offsets chosen by hand; the second piece gets id ``b<offset>``."""
    if not offsets:
        return blocks
    out: list[Block] = []
    cuts = sorted(offsets)
    for b in blocks:
        inside = [o for o in cuts if b.start < o < b.end]
        piece = b
        for o in inside:
            k = next((i for i in range(len(piece.text)) if piece.text.raw_offset(i) == o), None)
            if not k:
                continue
            first = replace(piece, end=o, text=piece.text.slice(0, k))
            second = replace(piece, start=o, text=piece.text.slice(k), indented=False,
                             line_start=piece.line_start + str(piece.text)[:k].count("\n"))
            out.append(first)
            piece = second
        out.append(piece)
    return tuple(replace(b, index=i) for i, b in enumerate(out))


def _reading_order(blocks: tuple[Block, ...], rebuilt: tuple[str, ...]) -> list[Block]:
    """Blocks in the rebuilt reading order; a piece cut off by hand stays right after its block."""
    if not rebuilt:
        return list(blocks)
    rank = {bid: k for k, bid in enumerate(rebuilt)}
    keyed, last = [], -1.0
    for n, b in enumerate(blocks):
        last = float(rank[b.id]) if b.id in rank else last + 1e-6
        keyed.append((last, n, b))
    return [b for _, _, b in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _order(blocks, moves: tuple[tuple[str, str], ...]) -> list[Block]:
    order = list(blocks)
    for block_id, before in moves:
        moving = next((b for b in order if b.id == block_id), None)
        if moving is None:
            continue
        order.remove(moving)
        pos = next((k for k, b in enumerate(order) if b.id == before), len(order))
        order.insert(pos, moving)
    return order


TITLE_BULLETS = "■□◆◇●○▲△★☆▶►"


def _without_bullet(title: Text) -> Text:
    """A headline without the bullet it was printed behind (``■东山县开展义诊`` in a short-news column).

    >>> str(_without_bullet(Text.traced("■东山县开展义诊", 0)))
    '东山县开展义诊'
    """
    s = str(title)
    k = 0
    while k < len(s) and (s[k] in TITLE_BULLETS or s[k].isspace()):
        k += 1
    return title.slice(k) if 0 < k < len(s) else title


def _strip_brackets(text: Text) -> Text:
    m = BRACKETED.match(str(text))
    if m:
        return text.slice(m.start("inner"), m.end("inner")).strip_traced()
    return text.strip_traced()


def _retrace(old: Text, new: str) -> Text:
    """Provenance for a hand-edited string: unchanged stretches keep their raw offsets."""
    if str(old) == new:
        return old
    runs = []
    matcher = difflib.SequenceMatcher(None, str(old), new, autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for t0, r0, ln in old.slice(a, a + n).runs:
            runs.append((b + t0, r0, ln))
    return Text(new, runs)


@dataclass
class _Draft:
    key: str
    title: Text
    subtitle: Text | None = None
    paragraphs: list[Text] = field(default_factory=list)
    paragraph_keys: list[str] = field(default_factory=list)
    byline: Text | None = None
    section: str | None = None
    blocks: list[str] = field(default_factory=list)


def apply(analysis: Analysis, decisions: Decisions | None = None) -> CleanPage:
    """Clean articles from ``analysis`` with ``decisions`` applied; pure and deterministic."""
    decisions = decisions or Decisions()
    plan = Plan()
    for s in analysis.suggestions:
        if decisions.is_accepted(s):
            APPLIERS[s.kind](plan, s)
    for block_id, role in decisions.roles:
        plan.roles[block_id] = role
        plan.decided_by[block_id] = f"role:{block_id}"
        plan.byline_parts.pop(block_id, None) if role != ROLE_BYLINE else None

    blocks = split_blocks_at(analysis.blocks, decisions.splits)
    articles: list[_Draft] = []
    removed: list[RemovedBlock] = []
    para_home: dict[str, tuple[_Draft, int]] = {}
    current: _Draft | None = None
    pending_kicker: tuple[Block, Text] | None = None
    section: str | None = None

    def article_for(block: Block) -> _Draft:
        nonlocal current
        if current is None:
            current = _Draft(key=block.id, title=Text(), section=section)
            articles.append(current)
        return current

    def add_paragraph(block: Block, text: Text) -> None:
        art = article_for(block)
        art.blocks.append(block.id)
        if not text:
            return
        join = plan.joins.get(block.id)
        if join and join[0] in para_home and para_home[join[0]][0] is art:
            _, idx = para_home[join[0]]
            prev = art.paragraphs[idx]
            if join[2]:
                prev = prev.slice(0, len(prev) - join[2])
            art.paragraphs[idx] = prev + Text.untraced(join[1]) + text
            para_home[block.id] = (art, idx)
            return
        art.paragraphs.append(text)
        art.paragraph_keys.append(block.id)
        para_home[block.id] = (art, len(art.paragraphs) - 1)

    def flush_kicker() -> None:
        nonlocal pending_kicker
        if pending_kicker is not None:
            kb, kt = pending_kicker
            pending_kicker = None
            add_paragraph(kb, kt)

    title_of: dict[str, _Draft] = {}  # title block id -> its article (a headline over two blocks joins on)
    for block in _order(_reading_order(blocks, plan.order), decisions.moves):
        role = plan.roles.get(block.id, ROLE_BODY)
        text = block.text.with_replacements(plan.replacements).strip_traced()
        if role in (ROLE_FURNITURE, ROLE_DUPLICATE):
            removed.append(RemovedBlock(block.id, str(block.text), role, plan.decided_by.get(block.id, "")))
            if block.id in plan.sections:
                section = plan.sections[block.id]
            continue
        if role == ROLE_KICKER:
            flush_kicker()
            pending_kicker = (block, text)
            continue
        join = plan.joins.get(block.id)
        if join and join[0] in title_of and title_of[join[0]] is current and role == ROLE_BODY \
                and not current.paragraphs:
            current.title = current.title + Text.untraced(join[1]) + text  # the headline's next line
            current.blocks.append(block.id)
            title_of[block.id] = current
            continue
        if role == ROLE_TITLE:
            current = _Draft(key=block.id, title=_without_bullet(text), section=section, blocks=[block.id])
            title_of[block.id] = current
            if pending_kicker is not None:
                current.subtitle = pending_kicker[1]
                current.blocks.insert(0, pending_kicker[0].id)
                pending_kicker = None
            articles.append(current)
            continue
        flush_kicker()
        if role == ROLE_SUBTITLE:
            art = article_for(block)
            # a kicker above and a 副题 below share the one subtitle field, one per line
            art.subtitle = text if art.subtitle is None else art.subtitle + Text.untraced("\n") + text
            art.blocks.append(block.id)
            continue
        parts = plan.byline_parts.get(block.id)
        if role == ROLE_BYLINE:
            art = article_for(block)
            art.blocks.append(block.id)
            byline = block.text.slice(parts[1], parts[2]).strip_traced() if parts else _strip_brackets(text)
            byline = byline.with_replacements(plan.replacements)
            art.byline = byline if art.byline is None else art.byline + Text.untraced(" ") + byline
            continue
        if parts and parts[0] >= 0:
            cut, s, e = parts
            body = block.text.slice(0, cut).with_replacements(plan.replacements).strip_traced()
            add_paragraph(block, body)
            art = article_for(block)
            byline = block.text.slice(s, e).with_replacements(plan.replacements).strip_traced()
            art.byline = byline if art.byline is None else art.byline + Text.untraced(" ") + byline
            continue
        add_paragraph(block, text)
    flush_kicker()

    edits = dict(decisions.edits)
    out = []
    for art in articles:
        title = art.title
        if f"{art.key}:title" in edits:
            title = _retrace(title, edits[f"{art.key}:title"][1])
        subtitle = art.subtitle
        if f"{art.key}:subtitle" in edits:
            new = edits[f"{art.key}:subtitle"][1]
            subtitle = _retrace(subtitle or Text(), new) if new else None
        byline = art.byline
        if f"{art.key}:byline" in edits:
            new = edits[f"{art.key}:byline"][1]
            byline = _retrace(byline or Text(), new) if new else None
        paragraphs, keys = [], []
        for key, para in zip(art.paragraph_keys, art.paragraphs):
            if key in edits:
                para = _retrace(para, edits[key][1])
            if para:
                paragraphs.append(para)
                keys.append(key)
        out.append(CleanArticle(key=art.key, title=title, subtitle=subtitle, paragraphs=tuple(paragraphs),
                                byline=byline, section=art.section, blocks=tuple(art.blocks),
                                paragraph_keys=tuple(keys)))
    return CleanPage(source=analysis.page.source, articles=tuple(out), removed=tuple(removed))
