"""What the window shows of one page, derived from analysis + decisions + clean page.  Pure.

The views only paint; everything they need to know — which raw ranges to
colour in which layer, which lines belong to which article, where a raw
character ended up in the clean text and back, the reading order — is
computed here from core data.  Nothing here judges text: duplicate groups
come from each duplicate suggestion's ``keep`` block, article bands from the
blocks ``apply`` put into each article, and positions from ``Text.runs``.

A decision usually touches a few articles of a page; :func:`derive` then
starts from the view data of the page before (``previous``) and redoes only
what changed, so a 10 MB page updates as fast as a small one.  Bands and
positions are looked up per block on demand (the raw view asks only for the
lines on screen) instead of being listed for the whole page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from ..core import Analysis, Block, CleanArticle, CleanPage, Decisions, Page, Suggestion, Text
from ..core.apply import changed_articles, reading_order, split_blocks_at
from ..core.model import ROLE_FURNITURE, BlockIndex

# Highlight layers of the raw page, painted bottom to top.
LAYER_DUPLICATE = "duplicate"  # a repeat the analysis proposes to drop (one colour per group)
LAYER_KEPT = "kept"  # the copy of a duplicate group that stays
LAYER_FURNITURE = "furniture"  # page furniture: greyed
LAYER_REMOVED = "removed"  # removed by hand (role furniture)
LAYER_JOIN = "join"  # a broken-join point: the last character before and the first after the break
LAYER_EDITED = "edited"  # text the editor retyped (the raw stretch of that paragraph, title…)
LAYER_MOVED = "moved"  # a piece moved by hand to another place in the reading order
LAYER_JOINED = "joined"  # a piece joined by hand to the piece before it
LAYERS = (LAYER_DUPLICATE, LAYER_KEPT, LAYER_FURNITURE, LAYER_REMOVED, LAYER_JOIN, LAYER_EDITED, LAYER_MOVED,
          LAYER_JOINED)
HAND_LAYERS = (LAYER_REMOVED, LAYER_EDITED, LAYER_MOVED, LAYER_JOINED)

# Parts of a clean article, in the order the article pane shows them.
PART_TITLE, PART_SUBTITLE, PART_BYLINE = "title", "subtitle", "byline"


@dataclass(frozen=True)
class Span:
    """One highlighted raw range."""

    start: int
    end: int
    layer: str
    group: int = -1  # duplicate group number (colour), -1 for other layers
    accepted: bool = True  # is the suggestion behind it carried out?
    suggestion: str = ""  # id of the suggestion behind it


@dataclass(frozen=True)
class Band:
    """Consecutive raw lines that went into one article (the gutter's coloured bar)."""

    article: int
    first_line: int
    last_line: int
    title: str


@dataclass(frozen=True)
class Place:
    """A character of the clean page: article index, part and index in that part's text.

    ``part`` is ``"title"``, ``"subtitle"``, ``"byline"`` or the paragraph's
    index (an ``int``).
    """

    article: int
    part: object
    index: int


def part_text(article: CleanArticle, part) -> Text | None:
    if part == PART_TITLE:
        return article.title
    if part == PART_SUBTITLE:
        return article.subtitle
    if part == PART_BYLINE:
        return article.byline
    if isinstance(part, int) and 0 <= part < len(article.paragraphs):
        return article.paragraphs[part]
    return None


def edit_key(article: CleanArticle, part) -> str:
    """The key ``Decisions.with_edit`` expects for a part of an article."""
    if isinstance(part, int):
        return article.paragraph_keys[part]
    return f"{article.key}:{part}"


def article_parts(article: CleanArticle) -> list:
    """The parts an article shows, in the order the page printed them (absent ones left out): a reporter
    line under the headline, a trailing byline after the text."""
    parts: list = [PART_TITLE]
    if article.subtitle:
        parts.append(PART_SUBTITLE)
    under = article.byline and getattr(article, "byline_place", "end") == "head"
    if under:
        parts.append(PART_BYLINE)
    parts.extend(range(len(article.paragraphs)))
    if article.byline and not under:
        parts.append(PART_BYLINE)
    return parts


class Provenance:
    """Raw offset <-> place in the clean page.

    A raw character is looked for in the article its block went into (``home``:
    block id -> article key), among that article's parts; so nothing is listed
    for the whole page and an update after a decision replaces only the
    entries of the articles it recomputed.
    """

    def __init__(self, clean: CleanPage, blocks: BlockIndex, home: dict[str, str]):
        self.clean = clean
        self.blocks = blocks
        self.home = home
        self.index = {a.key: i for i, a in enumerate(clean.articles)}

    def article_of_block(self, block_id: str) -> int | None:
        key = self.home.get(block_id)
        return None if key is None else self.index.get(key)

    def _runs_in(self, a: int, lo: int, hi: int):
        """(raw start, raw end, part, text start) of article ``a`` overlapping raw ``[lo, hi)``."""
        article = self.clean.articles[a]
        for part in article_parts(article):
            for t0, r0, n in getattr(part_text(article, part), "runs", ()):
                if r0 < hi and r0 + n > lo:
                    yield r0, r0 + n, part, t0

    def locate(self, offset: int) -> Place | None:
        """Where raw character ``offset`` ended up, or None when it was dropped."""
        block = self.blocks.block_at(offset)
        a = None if block is None else self.article_of_block(block.id)
        if a is None:
            return None
        for r0, _r1, part, t0 in self._runs_in(a, offset, offset + 1):
            return Place(a, part, t0 + offset - r0)
        return None

    def locate_near(self, offset: int, lo: int, hi: int) -> Place | None:
        """Like :meth:`locate`, else the first traced character of ``[offset, hi)``, else of ``[lo, offset)``."""
        place = self.locate(offset)
        if place is not None:
            return place
        block = self.blocks.block_at(offset) or self.blocks.block_at(lo)
        a = None if block is None else self.article_of_block(block.id)
        if a is None:
            return None
        runs = sorted(self._runs_in(a, lo, hi))
        after = [r for r in runs if r[0] >= offset or r[1] > offset]
        if after:
            r0, _, part, t0 = after[0]
            return Place(a, part, t0 + max(0, offset - r0))
        if runs:
            r0, _, part, t0 = runs[0]
            return Place(a, part, t0)
        return None

    def raw_offset(self, place: Place) -> int | None:
        """Raw offset of a clean character; inserted characters look left, then right."""
        if not 0 <= place.article < len(self.clean.articles):
            return None
        text = part_text(self.clean.articles[place.article], place.part)
        if not text:
            return None
        i = min(max(place.index, 0), len(text) - 1)
        for k in list(range(i, -1, -1)) + list(range(i + 1, len(text))):
            r = text.raw_offset(k)
            if r is not None:
                return r
        return None


@dataclass
class Derived:
    """Everything the views draw for one page state."""

    blocks: tuple[Block, ...]  # after the editor's splits, in raw order
    spans: tuple[Span, ...]  # what the suggestions mark, sorted by start
    hand_spans: tuple[Span, ...]  # what the editor's own decisions mark, sorted by start
    groups: int  # number of duplicate groups
    provenance: Provenance
    index: BlockIndex  # the pieces by raw offset
    decisions: Decisions  # the decisions this view shows
    order: tuple[Block, ...] = ()  # the pieces in reading order
    number: dict[str, int] = field(default_factory=dict)  # piece id -> place in the reading order (1-based)
    moved: frozenset = frozenset()  # pieces moved by hand
    span_index: dict[str, list[int]] = field(default_factory=dict)  # suggestion id -> indexes in ``spans``
    span_starts: list[int] = field(default_factory=list)
    longest_span: int = 0
    hand_starts: list[int] = field(default_factory=list)
    _by_id: dict | None = None

    # -- blocks
    @property
    def block_starts(self) -> list[int]:
        return self.index.starts

    def block_at(self, offset: int) -> Block | None:
        """The block (after splits) whose raw range holds ``offset``."""
        return self.index.block_at(offset)

    def block(self, block_id: str) -> Block | None:
        if self._by_id is None:
            self._by_id = {b.id: b for b in self.blocks}
        return self._by_id.get(block_id)

    def article_of_block(self, block_id: str) -> int | None:
        return self.provenance.article_of_block(block_id)

    # -- spans
    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping raw ``[start, end)``, suggestions' and the editor's."""
        out = []
        for spans, starts in ((self.spans, self.span_starts), (self.hand_spans, self.hand_starts)):
            if not spans:
                continue
            longest = self.longest_span if spans is self.spans else max(s.end - s.start for s in spans)
            lo = bisect.bisect_left(starts, start - longest)
            hi = bisect.bisect_left(starts, end)
            out += [sp for sp in spans[lo:hi] if sp.end > start]
        return out

    def counts(self) -> dict[str, int]:
        """How many spans each layer holds, plus ``"groups"``; the tests read these."""
        out = {layer: 0 for layer in LAYERS}
        for s in self.spans + self.hand_spans:
            out[s.layer] += 1
        out["groups"] = self.groups
        return out

    # -- bands (asked for line by line by the gutter)
    def band_at(self, line: int, page: Page) -> Band | None:
        """The article band holding raw ``line``: the run of consecutive pieces that went into one article
        (blank lines between two of its pieces included)."""
        a = self._article_at_line(line, page)
        if a is None:
            return None
        first = line
        while first > 1 and self._article_at_line(first - 1, page) == a:
            first -= 1
        last = line
        while last < page.line_count and self._article_at_line(last + 1, page) == a:
            last += 1
        clean = self.provenance.clean
        return Band(a, first, last, str(clean.articles[a].title))

    def _article_at_line(self, line: int, page: Page) -> int | None:
        offset = page.line_start(line)
        block = self.index.block_at(offset)
        if block is None:
            end = page.line_start(line + 1) if line < page.line_count else offset + 1
            block = self.index.block_at(max(offset, end - 2)) if end - 1 > offset else None
        if block is not None:
            return self.article_of_block(block.id)
        before, after = self.index.around(offset)
        if before is None or after is None:
            return None
        a = self.article_of_block(before.id)
        return a if a is not None and a == self.article_of_block(after.id) else None


def _duplicate_groups(analysis: Analysis) -> dict[str, int]:
    """Keep-block id -> group number, numbered in page order of the kept copies."""
    keeps = {s.get("keep") for s in analysis.suggestions if s.kind == "duplicate" and s.get("keep")}
    ordered = sorted(keeps, key=lambda k: _start(analysis, k))
    return {k: n for n, k in enumerate(ordered)}


def suggestion_spans(analysis: Analysis, decisions: Decisions) -> tuple[tuple[Span, ...], int, dict]:
    groups = _duplicate_groups(analysis)
    spans: list[Span] = []
    for keep, g in groups.items():
        b = analysis.find_block(keep)
        if b is not None:
            spans.append(Span(b.start, b.end, LAYER_KEPT, g))
    for s in analysis.suggestions:
        accepted = decisions.is_accepted(s)
        if s.kind == "duplicate":
            g = groups.get(s.get("keep"), -1)
            spans += [Span(a, z, LAYER_DUPLICATE, g, accepted, s.id) for a, z in s.ranges]
        elif s.kind == "furniture":
            spans += [Span(a, z, LAYER_FURNITURE, -1, accepted, s.id) for a, z in s.ranges]
        elif s.kind == "join":
            spans += [Span(a, z, LAYER_JOIN, -1, accepted, s.id) for a, z in s.ranges]
    spans.sort(key=lambda s: (s.start, LAYERS.index(s.layer)))
    index: dict[str, list[int]] = {}
    for i, sp in enumerate(spans):
        if sp.suggestion:
            index.setdefault(sp.suggestion, []).append(i)
    return tuple(spans), len(groups), index


def hand_spans(decisions: Decisions, clean: CleanPage, blocks: BlockIndex, by_id: dict) -> tuple[Span, ...]:
    """What the editor's own decisions mark on the raw page (few; recomputed each time)."""
    spans: list[Span] = []
    for bid, role in decisions.roles:
        b = by_id.get(bid)
        if b is not None and role == ROLE_FURNITURE:
            spans.append(Span(b.start, b.end, LAYER_REMOVED))
    for bid in {m[0] for m in decisions.moves}:
        b = by_id.get(bid)
        if b is not None:
            spans.append(Span(b.start, b.end, LAYER_MOVED))
    for bid in decisions.joined:
        b = by_id.get(bid)
        if b is not None:
            spans.append(Span(b.start, b.end, LAYER_JOINED))
    if decisions.edits:
        edited = dict(decisions.edits)
        for article in clean.articles:
            for part in article_parts(article):
                if edit_key(article, part) in edited:
                    span = getattr(part_text(article, part), "raw_span", lambda: None)()
                    if span is not None:
                        spans.append(Span(span[0], span[1], LAYER_EDITED))
    spans.sort(key=lambda s: (s.start, LAYERS.index(s.layer)))
    return tuple(spans)


def _homes(clean: CleanPage, articles=None, base: dict | None = None, drop=()) -> dict[str, str]:
    home = dict(base) if base is not None else {}
    for article in drop:
        for bid in article.blocks:
            if home.get(bid) == article.key:
                del home[bid]
    for article in (clean.articles if articles is None else articles):
        for bid in article.blocks:
            home[bid] = article.key
    return home


def derive(analysis: Analysis, decisions: Decisions, clean: CleanPage, previous: Derived | None = None,
           previous_clean: CleanPage | None = None) -> Derived:
    """The view data of one page state; from ``previous`` (the state before) only what changed is redone."""
    # the same pieces in the same order: only the spans of changed choices and the changed articles are redone
    same = previous if previous is not None and (previous.decisions.splits, previous.decisions.moves) == (
        decisions.splits, decisions.moves) else None
    if same is not None:
        blocks, index, order, number = same.blocks, same.index, same.order, same.number
        by_id = same._by_id if same._by_id is not None else {b.id: b for b in blocks}
        spans, groups, span_index = _update_spans(analysis, same.decisions, decisions, same)
        starts, longest = same.span_starts, same.longest_span
    else:
        blocks = split_blocks_at(analysis.blocks, decisions.splits, analysis.page)
        index = BlockIndex(blocks)
        order = tuple(reading_order(analysis, decisions))
        number = {b.id: i + 1 for i, b in enumerate(order)}
        by_id = {b.id: b for b in blocks}
        spans, groups, span_index = suggestion_spans(analysis, decisions)
        starts = [s.start for s in spans]
        longest = max((s.end - s.start for s in spans), default=0)
    changed = changed_articles(clean)
    if same is not None and changed is not None and previous_clean is not None \
            and same.provenance.clean is previous_clean:
        first, old_end, new_end = changed
        home = _homes(clean, clean.articles[first:new_end], same.provenance.home,
                      previous_clean.articles[first:old_end])
    else:
        home = _homes(clean)
    hand = hand_spans(decisions, clean, index, by_id)
    return Derived(blocks=blocks, spans=spans, hand_spans=hand, groups=groups,
                   provenance=Provenance(clean, index, home), order=order, number=number,
                   moved=frozenset(m[0] for m in decisions.moves), decisions=decisions, span_index=span_index,
                   span_starts=starts, longest_span=longest, hand_starts=[s.start for s in hand], index=index,
                   _by_id=by_id)


def _update_spans(analysis: Analysis, old: Decisions, new: Decisions, previous: Derived):
    """The suggestions' spans with the accepted flag of the changed choices redone (same order)."""
    old_choices, new_choices = dict(old.choices), dict(new.choices)
    changed = [k for k in old_choices.keys() | new_choices.keys() if old_choices.get(k) != new_choices.get(k)]
    touched = [k for k in changed if k in previous.span_index]
    if not touched:
        return previous.spans, previous.groups, previous.span_index
    spans = list(previous.spans)
    for sid in touched:
        accepted = new.is_accepted(analysis.suggestion(sid))
        for i in previous.span_index[sid]:
            spans[i] = replace(spans[i], accepted=accepted)
    return tuple(spans), previous.groups, previous.span_index


def suggestion_line(analysis: Analysis, suggestion: Suggestion, line_of) -> int:
    """The line a suggestion's explanation names: a join's break, else the first line of its block."""
    if suggestion.kind == "join" and suggestion.ranges:
        return line_of(suggestion.ranges[0][0])
    if suggestion.blocks:
        try:
            return analysis.block(suggestion.blocks[0]).line_start
        except KeyError:
            pass
    return line_of(suggestion_offset(suggestion, analysis))


def punctuation_marks(suggestion: Suggestion, raw: str) -> str:
    """The marks a punctuation suggestion changes, as the editor reads them.

    >>> from kexie_gui.core.messages import said
    >>> from kexie_gui.core.payloads import Punctuation
    >>> changes = ((1, "，"), (4, "，"), (6, "："))
    >>> s = Suggestion("p", "punctuation", ("b0",), ((1, 2),), 0.8, said("", ""), payload=Punctuation(changes))
    >>> punctuation_marks(s, "甲,乙丙,丁:戊")
    ', → ， ×2   : → ：'
    """
    counts: dict[tuple[str, str], int] = {}
    for offset, new in suggestion.get("changes", ()):
        if 0 <= offset < len(raw):
            pair = (raw[offset], new)
            counts[pair] = counts.get(pair, 0) + 1
    return "   ".join(f"{a} → {b}" + (f" ×{n}" if n > 1 else "") for (a, b), n in counts.items())


def suggestion_offset(suggestion: Suggestion, analysis: Analysis | None) -> int:
    """Raw offset where a suggestion starts (its place in the list and on the page).

    One that touches no range (the reading order) starts where its first block does (0 without ``analysis``).
    """
    if suggestion.ranges:
        return suggestion.ranges[0][0]
    return _start(analysis, suggestion.blocks[0]) if suggestion.blocks and analysis is not None else 0


def _start(analysis: Analysis, block_id: str) -> int:
    """Where a block starts on the raw page (0 for an id the analysis does not know)."""
    block = analysis.find_block(block_id)
    return block.start if block is not None else 0
