"""Carry out the plan: analysis + decisions → clean articles, with provenance.

``apply`` is pure and cheap, so the window calls it after every decision
instead of patching text in place.  One table (``APPLIERS``) maps every
suggestion kind to the function that carries it out.

Decisions are kept consistent here, whatever mix the editor makes:

- an article never ends up empty: a headline with no text under it before the
  next headline is joined to that headline (a two-line headline marked line by
  line, or a repeated headline the editor chose to keep), and one at the page
  end goes to the article before it;
- an article has at most one kicker and one 副题, and a 副题 only before its
  text begins; a kicker with no headline under it is text;
- a suggestion whose effect another decision overrides (a headline on a block
  dropped as a repeat, a join whose pieces ended in different articles…) is
  *moot*: ``CleanPage.moot`` names it and what made it so, and
  :func:`moot_suggestions` gives the same for the window.

``reapply`` recomputes only the articles a change of decisions touches and
gives exactly what ``apply`` gives (a property test holds it to that).
"""
from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Set
from dataclasses import dataclass, field, replace

from . import payloads as pl
from .ids import piece_id, position
from .joins import glue as _glue
from .joins import joined
from .model import (
    ROLE_BODY,
    ROLE_BYLINE,
    ROLE_DUPLICATE,
    ROLE_FURNITURE,
    ROLE_KICKER,
    ROLE_SUBTITLE,
    ROLE_TITLE,
    Analysis,
    Block,
    CleanArticle,
    CleanPage,
    Decisions,
    Page,
    RemovedBlock,
    Suggestion,
    Text,
)
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
)
from .text import BRACKETED, CLOSING, OPENING

# What made a suggestion moot when no other decision did (``CleanPage.moot`` values are these, a
# suggestion id, ``"role:<block id>"`` for a role set by hand or ``"joined:<block id>"``).
MOOT_NO_HEADLINE = "structure:no-headline"  # a kicker with no headline under it
MOOT_NOT_UNDER_HEADLINE = "structure:not-under-headline"  # a 副题 after its article's text began
MOOT_SECOND_SUBTITLE = "structure:second-subtitle"  # the article has its 副题 (or kicker) already
MOOT_OTHER_ARTICLE = "structure:other-article"  # a join whose first piece is not text of the same article
MOOT_KEPT_COPY_REMOVED = "structure:kept-copy-removed"  # dropping this repeat would lose the text

_REMOVED = (ROLE_FURNITURE, ROLE_DUPLICATE)


@dataclass
class Plan:
    """What the accepted suggestions and hand decisions do to one (original) block."""

    role: str | None = None  # None: body text
    decided_by: str = ""  # the suggestion id or "role:<id>" / "joined:<id>" behind ``role``
    join: tuple | None = None  # (block id of the piece before, separator, characters dropped, suggestion id)
    byline: tuple | None = None  # (cut, inner start, inner end, suggestion id) of a byline in this block
    replacements: dict = field(default_factory=dict)  # raw offset -> character
    section: str | None = None  # a column title: the section of the articles below it
    overridden: dict = field(default_factory=dict)  # suggestion id -> what overrides it


def apply_furniture(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_FURNITURE)
    section = s.payload_as(pl.Furniture).section
    if section:
        plan.section = section


def apply_duplicate(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_DUPLICATE)


def apply_headline(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_TITLE)


def apply_kicker(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_KICKER)


def apply_subtitle(plan: Plan, s: Suggestion) -> None:
    _set_role(plan, s, ROLE_SUBTITLE)


def apply_byline(plan: Plan, s: Suggestion) -> None:
    p = s.payload_as(pl.Byline)
    (start, end), cut = p.inner, p.cut
    if plan.byline is not None:
        plan.overridden[plan.byline[3]] = s.id
    plan.byline = (cut, start, end, s.id)
    if cut < 0:
        _set_role(plan, s, ROLE_BYLINE)


def apply_join(plan: Plan, s: Suggestion) -> None:
    a, _b = s.blocks
    if plan.join is not None:
        plan.overridden[plan.join[3]] = s.id
    p = s.payload_as(pl.Join)
    plan.join = (a, p.separator, p.drop, s.id)


def apply_punctuation(plan: Plan, s: Suggestion) -> None:
    for offset, char in s.payload_as(pl.Punctuation).changes:
        plan.replacements[offset] = char


def apply_order(plan: Plan, s: Suggestion) -> None:
    """The rebuilt reading order is the page's, not a block's: ``_layout`` lays the blocks out by it."""


def apply_spaces(plan: Plan, s: Suggestion) -> None:
    for offset in s.payload_as(pl.Spaces).offsets:
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

# the kinds whose applier acts on the block a join joins onto (``blocks[1]``), the others on ``blocks[0]``
_ON_SECOND_BLOCK = (KIND_JOIN,)
_WHOLE_PAGE = (KIND_ORDER,)  # names every block; carried out by the layout, never by a block's plan


def _column_title(s: Suggestion) -> bool:
    """A furniture line that names the section of the articles below it."""
    return isinstance(s.payload, pl.Furniture) and bool(s.payload.section)


def _set_role(plan: Plan, s: Suggestion, role: str) -> None:
    if plan.role is not None and plan.decided_by != s.id:
        plan.overridden[plan.decided_by] = s.id  # two suggestions give the block a role: the later one wins
    plan.role = role
    plan.decided_by = s.id


# -- blocks cut and ordered by hand ------------------------------------------

def split_blocks_at(blocks: tuple[Block, ...], offsets: tuple[int, ...], page: Page | None = None) -> tuple[Block, ...]:
    """Cut blocks at raw offsets chosen by hand; the first piece keeps the block's id, the others get
    ``<block id>@<n>`` (n: normalised characters of the block before the cut, see :mod:`.ids`).

    An offset where the block's own text has no character (an indent or a line
    break of a hard-wrapped paragraph) cuts before the next character.  With
    ``page`` the pieces get their line numbers right on hard-wrapped pages too.
    """
    if not offsets:
        return blocks
    out: list[Block] = []
    cuts = sorted(offsets)
    for b in blocks:
        lo = bisect.bisect_right(cuts, b.start)
        hi = bisect.bisect_left(cuts, b.end)
        piece = b
        used = {b.id}
        for o in cuts[lo:hi]:
            k = _index_at_or_after(piece.text, o)
            if not k or k >= len(piece.text):
                continue
            if page is not None:
                first_end, second_start = page.line_of(max(piece.start, o - 1)), page.line_of(o)
            else:
                first_end = piece.line_start + str(piece.text)[:k].count("\n")
                second_start = first_end
            first = replace(piece, end=o, text=piece.text.slice(0, k), line_end=max(piece.line_start, first_end))
            second = replace(piece, start=o, text=piece.text.slice(k), indented=False,
                             line_start=second_start, id=_piece_id(b, o, used))
            out.append(first)
            piece = second
        out.append(piece)
    return tuple(replace(b, index=i) for i, b in enumerate(out))


def _piece_id(block: Block, offset: int, used: set[str]) -> str:
    """The id of the piece of ``block`` that starts at raw ``offset`` (see :func:`split_blocks_at`)."""
    base = piece_id(block.id, position(str(block.text), _index_at_or_after(block.text, offset) or 0))
    pid, n = base, 0
    while pid in used:  # only a piece of nothing but spaces lies between two cuts at the same place
        n += 1
        pid = f"{base}.{n}"
    used.add(pid)
    return pid


def _index_at_or_after(text: Text, offset: int) -> int | None:
    """Index of the first character of ``text`` whose raw offset is ``offset`` or later (runs are in order)."""
    for t0, r0, n in text.runs:
        if r0 + n > offset:
            return t0 + max(0, offset - r0)
    return None


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
    if not moves:
        return order
    position = {b.id: b for b in order}
    for block_id, before in moves:
        moving = position.get(block_id)
        if moving is None or block_id == before:
            continue
        order.remove(moving)
        pos = next((k for k, b in enumerate(order) if b.id == before), len(order)) if before else len(order)
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


# -- small text helpers -------------------------------------------------------

def _strip_brackets(text: Text) -> tuple[Text, str]:
    m = BRACKETED.match(str(text))
    if m:
        inner = text.slice(m.start("inner"), m.end("inner")).strip_traced()
        s = str(text).strip()
        return inner, s[0] + s[-1]
    t = text.strip_traced()
    s = str(t)
    # one bracket of a pair, the other cut off by hand (``（李四`` | ``）``): the name without it
    if s[:1] in OPENING and not any(c in CLOSING for c in s):
        return t.slice(1, len(s)).strip_traced(), ""
    if s[-1:] in CLOSING and not any(c in OPENING for c in s):
        return t.slice(0, len(s) - 1).strip_traced(), ""
    return t, ""


def _brackets_around(text: str, start: int, end: int) -> str:
    """The brackets the page printed around ``text[start:end]`` (``"()"``, ``"（）"``…), or ``""``."""
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return before + after if before in "(（" and after in ")）" and before and after else ""


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


# -- the walk -----------------------------------------------------------------

@dataclass
class _Draft:
    key: str
    title: Text
    title_block: str = ""  # the block whose headline opened the article ("" for the page top)
    title_sid: str = ""  # the suggestion (or hand decision) that made it a headline
    kicker: tuple | None = None  # (Text, block id, suggestion id or "")
    subtitle: tuple | None = None  # the 副题: (Text, block id, suggestion id or "")
    paragraphs: list = field(default_factory=list)
    paragraph_keys: list = field(default_factory=list)
    byline: Text | None = None
    byline_place: str = "end"
    byline_brackets: str = ""
    byline_blocks: list = field(default_factory=list)  # (block id, suggestion id) of the byline parts
    byline_printed: Text | None = None  # a byline line as printed (brackets and all), while pieces join it
    section: str | None = None
    blocks: list = field(default_factory=list)


class _Context:
    """What one apply needs about the analysis and decisions, computed lazily and shared with ``reapply``."""

    def __init__(self, analysis: Analysis, decisions: Decisions):
        self.analysis = analysis
        self.decisions = decisions
        self.by_block = _suggestions_by_block(analysis)
        self.hand_roles = decisions._cached("roles", decisions.roles)
        self.joined = decisions._cached("joined_set", ((b, True) for b in decisions.joined))
        self.plans: dict[str, Plan] = {}
        self.origins: dict[str, str] = {}  # piece id -> original block id, for pieces of hand splits
        self.removed_by_dup: dict[str, str] = {}  # block id -> duplicate suggestion id that removes it

    parent: _Context | None = None  # the context ``reapply`` started from: its plans hold except ``stale``
    stale: Set[str] = frozenset()
    depth = 0

    def inherit(self, parent: _Context, stale: Set[str]) -> None:
        """Reuse the plans of ``parent`` for every block but ``stale`` (a chain, flattened now and then)."""
        self.parent, self.stale, self.depth = parent, stale, parent.depth + 1
        if self.depth >= 32:
            self.plans, self.parent, self.stale, self.depth = self.flat(), None, frozenset(), 0

    def flat(self) -> dict:
        """Every plan the chain holds, in one dict (one copy of the root's, then each level's changes)."""
        chain: list[_Context] = []
        ctx: _Context | None = self
        while ctx is not None:
            chain.append(ctx)
            ctx = ctx.parent
        merged = dict(chain[-1].plans)
        for level in reversed(chain[:-1]):
            for k in level.stale:
                merged.pop(k, None)
            merged.update(level.plans)
        return merged

    def plan(self, block_id: str) -> Plan:
        plan = self.plans.get(block_id)
        if plan is None:
            ctx = self
            while ctx.parent is not None and block_id not in ctx.stale:
                ctx = ctx.parent
                plan = ctx.plans.get(block_id)
                if plan is not None:
                    break
            if plan is None:
                plan = self._make_plan(block_id)
            self.plans[block_id] = plan
        return plan

    def held(self) -> set[str]:
        held = self.__dict__.get("_held")
        if held is None:
            held = self._held = self._held_duplicates()
        return held

    def cut_origins(self) -> set[str]:
        """Ids of the blocks a hand split cut into pieces."""
        return set(self.origins.values())

    def origin_of(self, block: Block) -> str:
        return self.origins.get(block.id, block.id)

    def _make_plan(self, block_id: str) -> Plan:
        plan = Plan()
        decisions = self.decisions
        for s in self.by_block.get(block_id, ()):
            if not decisions.is_accepted(s):
                continue
            if s.kind == KIND_DUPLICATE and not self._duplicate_holds(s, plan):
                continue
            APPLIERS[s.kind](plan, s)
        hand = self.hand_roles.get(block_id)
        if hand is not None:
            if plan.role is not None and not (hand == ROLE_FURNITURE and plan.section):
                # (a column title removed by hand still names the section below it when its suggestion
                # is accepted: that suggestion is not moot)
                plan.overridden[plan.decided_by] = f"role:{block_id}"
            if plan.byline is not None and hand != ROLE_BYLINE:
                plan.overridden[plan.byline[3]] = f"role:{block_id}"
                plan.byline = None
            plan.role, plan.decided_by = (None if hand == ROLE_BODY else hand), f"role:{block_id}"
        if block_id in self.joined:
            by = f"joined:{block_id}"
            if plan.role is not None and not plan.decided_by.startswith("role:"):
                plan.overridden[plan.decided_by] = by
            if plan.byline is not None:
                plan.overridden[plan.byline[3]] = by
            if plan.join is not None:
                plan.overridden[plan.join[3]] = by
            plan.role, plan.decided_by, plan.byline, plan.join = None, by, None, None
        return plan

    def _duplicate_holds(self, s: Suggestion, plan: Plan) -> bool:
        """Dropping a repeat must leave one copy: not when its kept copy goes, or it is another's kept copy."""
        if s.id in self.held():
            return True
        plan.overridden[s.id] = MOOT_KEPT_COPY_REMOVED
        return False

    def _held_duplicates(self) -> set[str]:
        """Accepted duplicates carried out, deciding in analysis order: a later one loses to an earlier one."""
        held, removed, kept = set(), set(), set()
        for _, s in _duplicates(self.analysis):
            if not self.decisions.is_accepted(s):
                continue
            block, keep = s.blocks[0], s.payload_as(pl.Duplicate).keep
            if keep in removed or block in kept:
                continue
            held.add(s.id)
            removed.add(block)
            kept.add(keep)
        return held


def _cached(analysis: Analysis, name: str, build: Callable[[], object]):
    """``build()`` once per analysis (an analysis is immutable, so what is derived from it is too)."""
    cache = analysis.__dict__.get(name)
    if cache is None:
        cache = build()
        object.__setattr__(analysis, name, cache)
    return cache


def _duplicates(analysis: Analysis) -> list[tuple[int, Suggestion]]:
    return _cached(analysis, "_duplicates",
                   lambda: [(k, s) for k, s in enumerate(analysis.suggestions) if s.kind == KIND_DUPLICATE])


def _suggestions_by_block(analysis: Analysis) -> dict[str, list[Suggestion]]:
    """Block id -> the suggestions whose applier acts on it, in analysis order (cached on the analysis)."""
    def build() -> dict[str, list[Suggestion]]:
        out: dict[str, list[Suggestion]] = {}
        for s in analysis.suggestions:
            if not s.blocks or s.kind in _WHOLE_PAGE:
                continue
            bid = s.blocks[1] if s.kind in _ON_SECOND_BLOCK and len(s.blocks) > 1 else s.blocks[0]
            out.setdefault(bid, []).append(s)
        return out

    return _cached(analysis, "_by_block", build)


def _touching(analysis: Analysis) -> dict[str, list[Suggestion]]:
    """Block id -> every suggestion naming it (its moot state follows the block's fate)."""
    def build() -> dict[str, list[Suggestion]]:
        out: dict[str, list[Suggestion]] = {}
        for s in analysis.suggestions:
            if s.kind in _WHOLE_PAGE:
                continue
            for bid in (s.blocks[:2] if s.kind == KIND_JOIN else s.blocks[:1]):
                out.setdefault(bid, []).append(s)
        return out

    return _cached(analysis, "_touching", build)


class _Walker:
    """Lays blocks in reading order into article drafts; one instance per walk (or window of one)."""

    def __init__(self, ctx: _Context, section: str | None = None):
        self.ctx = ctx
        self.drafts: list[_Draft] = []
        self.removed: list[RemovedBlock] = []
        self.moot: dict[str, dict[str, str]] = {}  # block id -> {suggestion id: what made it moot}
        self.current: _Draft | None = None
        self.pending_kicker: tuple | None = None  # (block, Text, suggestion id)
        self.section = section
        self.last: tuple | None = None  # where the last kept piece went, for a piece joined by hand
        self.para_home: dict[str, tuple[_Draft, int]] = {}  # original block id -> its paragraph
        self.title_of: dict[str, _Draft] = {}  # title block id -> its article (a headline over two blocks)

    # -- helpers
    def _moot(self, block_id: str, suggestion_id: str, by: str) -> None:
        if suggestion_id and not suggestion_id.startswith(("role:", "joined:")):
            self.moot.setdefault(block_id, {})[suggestion_id] = by

    def _article(self, block: Block) -> _Draft:
        if self.current is None:
            self.current = _Draft(key=block.id, title=Text(), section=self.section)
            self.drafts.append(self.current)
        return self.current

    def _text(self, block: Block, plan: Plan, origin: Plan) -> Text:
        return block.text.with_replacements(origin.replacements).strip_traced()

    def _paragraph(self, block: Block, origin_id: str, text: Text, join: tuple | None) -> None:
        art = self._article(block)
        art.blocks.append(block.id)
        if not text:
            return
        if join is not None:
            home = self.para_home.get(join[0])
            if home is not None and home[0] is art:
                idx = home[1]
                art.paragraphs[idx] = joined(art.paragraphs[idx], text, join[1], join[2])
                self.para_home[origin_id] = (art, idx)
                self.last = ("paragraph", art, idx)
                return
            self._moot(block.id, join[3], MOOT_OTHER_ARTICLE)
        art.paragraphs.append(text)
        art.paragraph_keys.append(block.id)
        self.para_home[origin_id] = (art, len(art.paragraphs) - 1)
        self.last = ("paragraph", art, len(art.paragraphs) - 1)

    def _flush_kicker(self) -> None:
        if self.pending_kicker is not None:
            kb, kt, sid = self.pending_kicker
            self.pending_kicker = None
            self._moot(kb.id, sid, MOOT_NO_HEADLINE)
            self._paragraph(kb, self.ctx.origin_of(kb), kt, self.ctx.plan(kb.id).join)

    def _append_to_last(self, block: Block, text: Text) -> bool:
        """A piece joined by hand: its text continues wherever the piece before it went."""
        last, kicker = self.last, self.pending_kicker
        if last is None or not text or (last[0] == "kicker" and kicker is None):
            return False
        kind = last[0]
        if kicker is not None and kind == "kicker":
            kb, kt, sid = kicker
            self.pending_kicker = (kb, _glue(kt, text), sid)
        else:
            art = last[1]
            art.blocks.append(block.id)
            if kind == "title":
                art.title = _glue(art.title, text)
            elif kind == "subtitle":
                art.subtitle = (_glue(art.subtitle[0], text),) + art.subtitle[1:]
            elif kind == "byline":
                printed = _glue(art.byline_printed, text) if art.byline_printed is not None else None
                if printed is not None and len(art.byline_blocks) == 1:  # a byline line cut over two lines
                    art.byline_printed = printed
                    art.byline, art.byline_brackets = _strip_brackets(printed)
                else:
                    art.byline = _glue(art.byline, text)
            else:
                idx = last[2]
                art.paragraphs[idx] = _glue(art.paragraphs[idx], text)
        return True

    # -- one block
    def feed(self, block: Block, origin_id: str) -> None:
        """Lay one piece (of original block ``origin_id``) where its plan puts it."""
        ctx = self.ctx
        plan = ctx.plan(block.id)
        origin = ctx.plan(origin_id) if origin_id != block.id else plan
        role = plan.role or ROLE_BODY
        for sid, by in plan.overridden.items():
            self._moot(block.id, sid, by)
        if role in _REMOVED:
            self._remove(block, plan, role)
            return
        text = self._text(block, plan, origin)
        if block.id in ctx.joined and self._append_to_last(block, text):
            return
        if role == ROLE_KICKER:
            self._flush_kicker()
            self.pending_kicker = (block, text, plan.decided_by)
            self.last = ("kicker",)
            return
        if role == ROLE_BODY and self._headline_goes_on(block, plan, text):
            return
        if role == ROLE_TITLE:
            self._open_article(block, plan, text)
            return
        self._flush_kicker()
        if role == ROLE_SUBTITLE:
            self._subtitle(block, origin_id, plan, text)
            return
        parts = _byline_in_piece(block, ctx.analysis.block(origin_id) if origin_id in ctx.analysis._by_id() else block,
                                 plan.byline if block.id == origin_id else origin.byline)
        if role == ROLE_BYLINE:
            self._byline_line(block, plan, origin, text, parts)
        elif parts and parts[0] >= 0:
            self._paragraph_and_byline(block, origin_id, plan, origin, parts)
        else:
            self._paragraph(block, origin_id, text, plan.join)

    def _remove(self, block: Block, plan: Plan, role: str) -> None:
        """A repeat or furniture goes; the suggestions naming it are moot (but the one that removed it)."""
        ctx = self.ctx
        self.removed.append(RemovedBlock(block.id, str(block.text), role, plan.decided_by))
        if plan.section:
            self._flush_kicker()  # a kicker over a column title heads nothing below it: it is text above
            self.section = plan.section
        by = plan.decided_by
        # the first piece of a block cut by hand: its other pieces carry on what the suggestions do
        cut = block.id in ctx.cut_origins()
        for s in () if cut else _touching(ctx.analysis).get(block.id, ()):
            removal = s.kind in (KIND_FURNITURE, KIND_DUPLICATE)
            if _column_title(s):
                continue  # a column title names the section below it however the block was removed
            if s.id != by and (not removal or ctx.decisions.is_accepted(s)):
                self._moot(block.id, s.id, by)

    def _headline_goes_on(self, block: Block, plan: Plan, text: Text) -> bool:
        """A body piece joined to the headline just opened, before any text: the headline's next line."""
        join, cur = plan.join, self.current
        if join is None or cur is None or cur.paragraphs or self.title_of.get(join[0]) is not cur:
            return False
        cur.title = joined(cur.title, text, join[1], join[2])
        cur.blocks.append(block.id)
        self.title_of[block.id] = cur
        self.last = ("title", cur)
        return True

    def _open_article(self, block: Block, plan: Plan, text: Text) -> None:
        """A headline opens an article, under the kicker waiting above it."""
        self.current = _Draft(key=block.id, title=_without_bullet(text), title_block=block.id,
                              title_sid=plan.decided_by, section=self.section, blocks=[block.id])
        if self.pending_kicker is not None:
            kb, kt, sid = self.pending_kicker
            self.current.kicker = (kt, kb.id, sid)
            self.current.blocks.insert(0, kb.id)
            self.current.key = kb.id
            self.pending_kicker = None
        self.drafts.append(self.current)
        self.title_of[block.id] = self.current
        self.last = ("title", self.current)

    def _subtitle(self, block: Block, origin_id: str, plan: Plan, text: Text) -> None:
        """The article's 副题, when its text has not begun and it has none yet; text otherwise (moot)."""
        art = self._article(block)
        if art.paragraphs:
            self._moot(block.id, plan.decided_by, MOOT_NOT_UNDER_HEADLINE)
        elif art.subtitle is not None:
            self._moot(block.id, plan.decided_by, MOOT_SECOND_SUBTITLE)
        else:
            art.subtitle = (text, block.id, plan.decided_by)
            art.blocks.append(block.id)
            self.last = ("subtitle", art)
            return
        self._paragraph(block, origin_id, text, plan.join)

    def _byline_line(self, block: Block, plan: Plan, origin: Plan, text: Text, parts: tuple | None) -> None:
        """A line that is the byline (a reporter line, a bracketed byline line): its name, brackets left out."""
        art = self._article(block)
        art.blocks.append(block.id)
        own_line = parts is not None and parts[0] < 0  # (a glued byline's parts leave out the paragraph)
        if parts is not None and own_line:
            byline = block.text.slice(parts[1], parts[2]).strip_traced()
            brackets = _brackets_around(str(block.text), parts[1], parts[2])
        else:
            byline, brackets = _strip_brackets(text)
        self._add_byline(art, byline.with_replacements(origin.replacements), brackets, block.id, plan.decided_by)
        if len(art.byline_blocks) == 1:
            # as printed, brackets and all: a joined piece may close them (whether or not the byline's
            # own suggestion took the name out of its line, so that its decision does not change the join)
            art.byline_printed = text

    def _paragraph_and_byline(self, block: Block, origin_id: str, plan: Plan, origin: Plan, parts: tuple) -> None:
        """A paragraph with its byline glued to its end: the paragraph, then the byline split off."""
        cut, s, e, sid = parts
        body = block.text.slice(0, cut).with_replacements(origin.replacements).strip_traced()
        self._paragraph(block, origin_id, body, plan.join)
        art = self._article(block)
        byline = block.text.slice(s, e).with_replacements(origin.replacements).strip_traced()
        self._add_byline(art, byline, _brackets_around(str(block.text), s, e), block.id, sid)

    def _add_byline(self, art: _Draft, byline: Text, brackets: str, block_id: str, sid: str) -> None:
        if art.byline is None:
            art.byline_place = "end" if art.paragraphs else "head"
            art.byline_brackets = brackets
        art.byline = art.byline + Text.untraced(" ") + byline if art.byline else byline
        art.byline_blocks.append((block_id, sid))
        self.last = ("byline", art)

    def finish(self) -> None:
        self._flush_kicker()


def _byline_in_piece(piece: Block, whole: Block, parts: tuple | None) -> tuple | None:
    """A byline found in a block, in the text of the piece a hand split left of it (None: not in this piece)."""
    if parts is None or (piece.start == whole.start and piece.end == whole.end):
        return parts
    cut, s, e, sid = parts
    raw = [whole.text.raw_offset(k) if 0 <= k < len(whole.text) else None for k in (cut, s, e - 1)]
    if raw[1] is None or raw[2] is None or not piece.start <= raw[1] < piece.end:
        return None
    s2, e2 = _index_at_or_after(piece.text, raw[1]), _index_at_or_after(piece.text, raw[2])
    if s2 is None or e2 is None:
        return None
    if cut < 0:
        return (-1, s2, e2 + 1, sid)
    cut2 = _index_at_or_after(piece.text, raw[0]) if raw[0] is not None and raw[0] >= piece.start else 0
    return (cut2 or 0, s2, e2 + 1, sid)


def _fold_empty(drafts: list[_Draft], moot: dict[str, dict[str, str]]) -> list[_Draft]:
    """No article without text: a headline with nothing under it joins the next headline (or, at the page
    end, goes as text to the article before it).  Its kicker and 副题 stay when the joined article has
    none; a second one becomes the first paragraph."""
    out: list[_Draft] = []
    carry: _Draft | None = None
    for d in drafts:
        if carry is not None:
            d = _fold_into(carry, d, moot)
            carry = None
        if not d.paragraphs:
            carry = d
            continue
        out.append(d)
    if carry is not None:
        if out:
            _fold_into_previous(out[-1], carry, moot)
        elif carry.title:
            out.append(carry)
        else:  # a page of nothing but a byline (or a kicker, a 副题): those lines are its text
            text_only = _Draft(key=carry.key, title=Text(), section=carry.section)
            _fold_into_previous(text_only, carry, moot)
            out.append(text_only)
    return out


def _fold_into(d: _Draft, n: _Draft, moot: dict) -> _Draft:
    """``d`` (no text) joins ``n``: one article with both headlines as one title.

    Nothing here is moot: deciding ``d``'s headline (or a 副题 made text here) otherwise puts its line
    elsewhere.
    """
    leading: list[tuple] = []
    kicker, subtitle = d.kicker, d.subtitle
    for mine, attr in ((n.kicker, "kicker"), (n.subtitle, "subtitle")):
        if mine is None:
            continue
        if (kicker if attr == "kicker" else subtitle) is None:
            if attr == "kicker":
                kicker = mine
            else:
                subtitle = mine
        else:
            leading.append(mine)
    merged = _Draft(key=d.key, title=_glue(d.title, n.title) if d.title else n.title, title_sid=d.title_sid,
                    title_block=d.title_block or n.title_block, kicker=kicker, subtitle=subtitle,
                    section=d.section if d.section is not None else n.section,
                    blocks=d.blocks + n.blocks)
    merged.paragraphs = [t for t, _, _ in leading] + n.paragraphs
    merged.paragraph_keys = [bid for _, bid, _ in leading] + n.paragraph_keys
    if d.byline and n.byline:
        merged.byline = d.byline + Text.untraced(" ") + n.byline
        merged.byline_place, merged.byline_brackets = d.byline_place, d.byline_brackets
    elif d.byline or n.byline:
        src = d if d.byline else n
        merged.byline, merged.byline_place, merged.byline_brackets = src.byline, src.byline_place, src.byline_brackets
    merged.byline_blocks = d.byline_blocks + n.byline_blocks
    return merged


def _fold_into_previous(p: _Draft, d: _Draft, moot: dict) -> None:
    """The last headline has no text under it: its lines are the last paragraphs of the article before
    (its byline too, as printed)."""
    parts = []
    if d.kicker is not None:
        parts.append(d.kicker)
    parts.append((d.title, d.title_block, d.title_sid))
    if d.subtitle is not None:
        parts.append(d.subtitle)
    for text, bid, _sid in parts:
        if text:
            p.paragraphs.append(text)
            p.paragraph_keys.append(bid)
    if d.byline:
        p.paragraphs.append(d.byline)
        p.paragraph_keys.append(d.byline_blocks[0][0] if d.byline_blocks else d.key)
    p.blocks.extend(d.blocks)


def _articles(drafts: list[_Draft], edits: dict) -> list[CleanArticle]:
    out = []
    for art in drafts:
        title = art.title
        if f"{art.key}:title" in edits:
            title = _retrace(title, edits[f"{art.key}:title"][1])
        subtitle = _subtitle_text(art)
        if f"{art.key}:subtitle" in edits:
            new = edits[f"{art.key}:subtitle"][1]
            subtitle = _retrace(subtitle or Text(), new) if new else None
        byline = art.byline
        if f"{art.key}:byline" in edits:
            new = edits[f"{art.key}:byline"][1]
            byline = _retrace(byline or Text(), new) if new else None
        paragraphs, keys = [], []
        for key, para in zip(art.paragraph_keys, art.paragraphs, strict=True):
            if key in edits:
                para = _retrace(para, edits[key][1])
            if para:
                paragraphs.append(para)
                keys.append(key)
        out.append(CleanArticle(key=art.key, title=title, subtitle=subtitle, paragraphs=tuple(paragraphs),
                                byline=byline, section=art.section, blocks=tuple(art.blocks),
                                paragraph_keys=tuple(keys), byline_place=art.byline_place if byline else "end",
                                byline_brackets=art.byline_brackets if byline else ""))
    return out


def _subtitle_text(art: _Draft) -> Text | None:
    """A kicker above and a 副题 below share the one subtitle field, one per line."""
    lines = [x for x in ((art.kicker[0] if art.kicker else None), (art.subtitle[0] if art.subtitle else None))
             if x is not None]
    if not lines:
        return None
    out = lines[0]
    for x in lines[1:]:
        out = out + Text.untraced("\n") + x
    return out


# -- apply --------------------------------------------------------------------

@dataclass
class _Layout:
    """The blocks in reading order (after hand splits and moves) and where each sits."""

    order: list[Block]
    origin: list[str]  # original block id of each piece (suggestions name original blocks)
    position: dict[str, int]
    origins: dict[str, str]  # the pieces whose id is not their block's

    def positions_of(self, block_id: str) -> list[int]:
        """Positions of a block's pieces (a hand split makes several), or of one piece."""
        pieces = self.__dict__.get("_pieces")
        if pieces is None:
            pieces = {}
            for piece, origin in self.origins.items():
                pieces.setdefault(origin, []).append(self.position[piece])
            self._pieces = pieces
        out = list(pieces.get(block_id, ()))
        if block_id in self.position:
            out.append(self.position[block_id])
        return out


def rebuilt_order(analysis: Analysis, decisions: Decisions) -> tuple[str, ...]:
    """The reading order the analysis rebuilt, when its suggestion is accepted (empty: the raw order)."""
    for s in analysis.suggestions:
        if s.kind == KIND_ORDER and decisions.is_accepted(s):
            return s.payload_as(pl.Order).order
    return ()


def _layout(analysis: Analysis, decisions: Decisions) -> _Layout:
    rebuilt = rebuilt_order(analysis, decisions)
    key = (decisions.splits, decisions.moves, rebuilt)
    cache = analysis.__dict__.get("_layout_cache")
    if cache is not None and cache[0] == key:
        return cache[1]
    blocks = split_blocks_at(analysis.blocks, decisions.splits, analysis.page)
    order = _order(_reading_order(blocks, rebuilt), decisions.moves)
    known = analysis._by_id()
    origin = [b.id if b.id in known else (analysis.block_at(b.start) or b).id for b in order]
    layout = _Layout(order, origin, {b.id: i for i, b in enumerate(order)},
                     {b.id: o for b, o in zip(order, origin, strict=True) if b.id != o})
    object.__setattr__(analysis, "_layout_cache", (key, layout))
    return layout


def reading_order(analysis: Analysis, decisions: Decisions) -> list[Block]:
    """The pieces of the page (blocks after the hand splits) in reading order (the rebuilt order when
    accepted, then the hand moves)."""
    return _layout(analysis, decisions).order


def _walk(ctx: _Context, layout: _Layout, lo: int, hi: int, section: str | None) -> _Walker:
    walker = _Walker(ctx, section)
    order, origin = layout.order, layout.origin
    ctx.origins = layout.origins
    for i in range(lo, hi):
        walker.feed(order[i], origin[i])
    walker.finish()
    return walker


def apply(analysis: Analysis, decisions: Decisions | None = None) -> CleanPage:
    """Clean articles from ``analysis`` with ``decisions`` applied; pure and deterministic."""
    decisions = decisions or Decisions()
    ctx = _Context(analysis, decisions)
    layout = _layout(analysis, decisions)
    walker = _walk(ctx, layout, 0, len(layout.order), None)
    drafts = _fold_empty(walker.drafts, walker.moot)
    articles = _articles(drafts, dict(decisions.edits))
    starts = [_start(layout, a) for a in articles]
    removed_at = [layout.position[r.block] for r in walker.removed]
    return _page(analysis, decisions, ctx, layout, articles, walker.removed, walker.moot, starts, removed_at,
                 (0, 0, len(articles)))


@dataclass
class _State:
    """What ``reapply`` needs of the page it starts from (kept on the CleanPage, out of its fields)."""

    analysis: Analysis
    decisions: Decisions
    ctx: _Context
    layout: _Layout
    moot: dict  # block id -> {suggestion id: what made it moot}
    starts: list  # position (in ``layout.order``) of each article's first block
    removed_at: list  # position of each removed block
    changed: tuple  # (first article recomputed, its end in the page before, its end now)


def _page(analysis, decisions, ctx, layout, articles, removed, moot_by_block, starts, removed_at,
          changed) -> CleanPage:
    moot = {}
    position = layout.position
    for bid in sorted(moot_by_block, key=lambda b: position.get(b, -1)):  # the same order however computed
        moot.update(moot_by_block[bid])
    clean = CleanPage(source=analysis.page.source, articles=tuple(articles), removed=tuple(removed),
                      moot=tuple(sorted(moot.items())))
    object.__setattr__(clean, "_state", _State(analysis, decisions, ctx, layout, moot_by_block, starts,
                                               removed_at, changed))
    return clean


def _start(layout: _Layout, article: CleanArticle) -> int:
    position = layout.position
    return min((position[b] for b in article.blocks if b in position), default=0)


def changed_articles(clean: CleanPage) -> tuple[int, int, int] | None:
    """``(first, old_end, new_end)``: ``reapply`` recomputed articles ``first:new_end`` of ``clean`` in place of
    ``first:old_end`` of the page it started from, and kept the others as they were (the same objects).
    None when ``clean`` came from a full ``apply``."""
    state = clean.__dict__.get("_state")
    if state is None or state.changed == (0, 0, len(clean.articles)):
        return None
    return state.changed


def reapply(analysis: Analysis, previous: CleanPage, decisions: Decisions) -> CleanPage:
    """``apply(analysis, decisions)``, recomputing only the articles the change from ``previous`` touches.

    ``previous`` must come from ``apply`` or ``reapply`` on the same analysis.  Changes of hand splits,
    moves or a column title (a section) take the full walk; so do changes that reach more than a third of
    the page.  The result equals ``apply``'s exactly.
    """
    state: _State | None = previous.__dict__.get("_state")
    if state is None or state.analysis is not analysis:
        return apply(analysis, decisions)
    if decisions is state.decisions or decisions == state.decisions:
        return previous
    changed = _changed(analysis, state, decisions)
    window = _walk_window(changed[0], state, previous, changed[1]) if changed is not None else None
    if changed is None or window is None:
        return apply(analysis, decisions)
    return _spliced(analysis, decisions, changed[0], state, previous, window)


def _changed(analysis: Analysis, state: _State, decisions: Decisions) -> tuple[_Context, set[str]] | None:
    """The context of ``decisions``, reusing the plans of ``state`` for every block the change leaves
    alone, and the blocks it touches; None when the change takes the full walk (hand splits or moves,
    a column title, a change too wide to say)."""
    old = state.decisions
    if (old.splits, old.moves) != (decisions.splits, decisions.moves):
        return None
    ctx = _Context(analysis, decisions)
    touched = _touched_blocks(analysis, old, decisions, state.ctx, ctx)
    if touched is None:
        return None
    ctx.inherit(state.ctx, touched)
    if any(state.ctx.plan(b).section or ctx.plan(b).section for b in touched):
        return None  # a column title changed: the section of every article below it may
    return ctx, touched


@dataclass
class _Window:
    """The articles ``first:end`` of the page before, walked again over layout positions ``lo:hi``."""

    first: int
    end: int
    lo: int
    hi: int
    walker: _Walker


def _walk_window(ctx: _Context, state: _State, previous: CleanPage, touched: set[str]) -> _Window | None:
    """Walk the articles holding the ``touched`` blocks (and one either side), widened until the walk
    ends where an article ends; None when that reaches more than a third of the page."""
    layout, starts, n = state.layout, state.starts, len(previous.articles)
    positions = [p for bid in touched for p in layout.positions_of(bid)]
    if not positions or n == 0:
        return None
    first = max(0, bisect.bisect_right(starts, min(positions)) - 2)
    end = min(n, bisect.bisect_right(starts, max(positions)) + 1)
    while (end - first) * 3 <= n + 3:
        lo = starts[first] if first else 0
        hi = starts[end] if end < n else len(layout.order)
        walker = _walk(ctx, layout, lo, hi, previous.articles[first].section if first else None)
        wider = _wider(walker, first, end, previous)
        if wider is None:
            return _Window(first, end, lo, hi, walker)
        first, end = wider
    return None


def _wider(walker: _Walker, first: int, end: int, previous: CleanPage) -> tuple[int, int] | None:
    """The window ``first:end`` widened where the walk did not end with an article's end (None: it did)."""
    drafts, n = walker.drafts, len(previous.articles)
    if end < n and (walker.pending_kicker is not None or (drafts and not drafts[-1].paragraphs)):
        return first, end + 1  # an unfinished article at the window's end would take in the next one
    if end == n and first and drafts and not drafts[-1].paragraphs and len(drafts) == 1:
        return first - 1, end  # an empty last article goes to the one before it
    if first and drafts and not drafts[0].title_block and drafts[0].key != previous.articles[first].key:
        return first - 1, end  # text at the window's start belongs to the article before it
    return None


def _spliced(analysis: Analysis, decisions: Decisions, ctx: _Context, state: _State, previous: CleanPage,
             w: _Window) -> CleanPage:
    """The page before with the window's articles, removed blocks and moot suggestions walked anew."""
    layout, walker = state.layout, w.walker
    new = _articles(_fold_empty(walker.drafts, walker.moot), dict(decisions.edits))
    articles = previous.articles[:w.first] + tuple(new) + previous.articles[w.end:]
    new_starts = state.starts[:w.first] + [_start(layout, a) for a in new] + state.starts[w.end:]
    r0 = bisect.bisect_left(state.removed_at, w.lo)
    r1 = bisect.bisect_left(state.removed_at, w.hi)
    removed = previous.removed[:r0] + tuple(walker.removed) + previous.removed[r1:]
    removed_at = state.removed_at[:r0] + [layout.position[r.block] for r in walker.removed] + state.removed_at[r1:]
    moot = {bid: entries for bid, entries in state.moot.items()
            if not w.lo <= layout.position.get(bid, -1) < w.hi}
    moot.update(walker.moot)
    return _page(analysis, decisions, ctx, layout, articles, removed, moot, new_starts, removed_at,
                 (w.first, w.end, w.first + len(new)))


def _touched_blocks(analysis: Analysis, old: Decisions, new: Decisions, old_ctx: _Context,
                    new_ctx: _Context) -> set[str] | None:
    """Ids of the blocks whose plan or text the change from ``old`` to ``new`` may alter (None: too wide)."""
    touched: set[str] = set()
    by_id = analysis._suggestions_by_id()
    old_choices, new_choices = dict(old.choices), dict(new.choices)
    duplicates_changed = False
    for sid in set(old_choices) ^ set(new_choices) | {k for k in old_choices.keys() & new_choices.keys()
                                                          if old_choices[k] != new_choices[k]}:
        s = by_id.get(sid)
        if s is None or not s.blocks:
            continue
        if old.is_accepted(s) == new.is_accepted(s):
            continue
        if _column_title(s):
            return None  # a column title: every article below it may change section
        if s.kind in _WHOLE_PAGE:
            return None  # the reading order of the whole page changed
        if s.kind == KIND_DUPLICATE:
            duplicates_changed = True
        touched.add(s.blocks[1] if s.kind in _ON_SECOND_BLOCK and len(s.blocks) > 1 else s.blocks[0])
    if duplicates_changed:
        before, after = old_ctx.held(), new_ctx.held()
        for sid in before ^ after:
            touched.add(by_id[sid].blocks[0])
    old_roles, new_roles = dict(old.roles), dict(new.roles)
    touched |= {b for b in old_roles.keys() | new_roles.keys() if old_roles.get(b) != new_roles.get(b)}
    touched |= set(old.joined) ^ set(new.joined)
    old_edits, new_edits = dict(old.edits), dict(new.edits)
    touched |= {k.split(":", 1)[0] for k in old_edits.keys() | new_edits.keys() if old_edits.get(k) != new_edits.get(k)}
    return touched


def moot_suggestions(analysis: Analysis, decisions: Decisions | None = None) -> dict[str, str]:
    """Suggestion id -> what made it moot: another suggestion's id, ``"role:<block id>"`` (a role set by
    hand), ``"joined:<block id>"`` (a piece joined by hand) or one of the ``MOOT_*`` reasons."""
    return dict(apply(analysis, decisions).moot)
