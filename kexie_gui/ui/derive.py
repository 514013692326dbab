"""What the window shows of one page, derived from analysis + decisions + clean page.  Pure.

The views only paint; everything they need to know — which raw ranges to
colour in which layer, which lines belong to which article, where a raw
character ended up in the clean text and back — is computed here, once per
change, from core data.  Nothing here judges text: duplicate groups come from
each duplicate suggestion's ``keep`` block, article bands from the blocks
``apply`` put into each article, and positions from ``Text.runs``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..core import Analysis, Block, CleanArticle, CleanPage, Decisions, Suggestion, Text
from ..core.apply import split_blocks_at
from ..core.model import ROLE_FURNITURE

# Highlight layers of the raw page, painted bottom to top.
LAYER_DUPLICATE = "duplicate"  # a repeat the analysis proposes to drop (one colour per group)
LAYER_KEPT = "kept"  # the copy of a duplicate group that stays
LAYER_FURNITURE = "furniture"  # page furniture: greyed
LAYER_REMOVED = "removed"  # removed by hand (role furniture)
LAYER_JOIN = "join"  # a broken-join point: the last character before and the first after the break
LAYERS = (LAYER_DUPLICATE, LAYER_KEPT, LAYER_FURNITURE, LAYER_REMOVED, LAYER_JOIN)

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
    """The parts an article shows, in order (absent ones left out)."""
    parts: list = [PART_TITLE]
    if article.subtitle:
        parts.append(PART_SUBTITLE)
    if article.byline:
        parts.append(PART_BYLINE)
    parts.extend(range(len(article.paragraphs)))
    return parts


class Provenance:
    """Raw offset <-> place in the clean page, from the ``runs`` of every clean string."""

    def __init__(self, clean: CleanPage):
        self.clean = clean
        entries = []  # (raw start, raw end, article, part, text start)
        for a, article in enumerate(clean.articles):
            for part in article_parts(article):
                text = part_text(article, part)
                for t0, r0, n in getattr(text, "runs", ()):
                    entries.append((r0, r0 + n, a, part, t0))
        entries.sort(key=lambda e: (e[0], e[1]))
        self._entries = entries
        self._starts = [e[0] for e in entries]

    def locate(self, offset: int) -> Place | None:
        """Where raw character ``offset`` ended up, or None when it was dropped."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            r0, r1, a, part, t0 = self._entries[i]
            if offset < r1:
                return Place(a, part, t0 + offset - r0)
        return None

    def locate_near(self, offset: int, lo: int, hi: int) -> Place | None:
        """Like :meth:`locate`, else the first traced character of ``[offset, hi)``, else of ``[lo, offset)``."""
        place = self.locate(offset)
        if place is not None:
            return place
        i = bisect.bisect_left(self._starts, offset)
        if i < len(self._entries) and self._entries[i][0] < hi:
            r0, _, a, part, t0 = self._entries[i]
            return Place(a, part, t0)
        i = bisect.bisect_left(self._starts, lo)
        if i < len(self._entries) and self._entries[i][0] < offset:
            r0, _, a, part, t0 = self._entries[i]
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

    blocks: tuple[Block, ...]  # after the editor's splits
    spans: tuple[Span, ...]
    groups: int  # number of duplicate groups
    bands: tuple[Band, ...]
    provenance: Provenance
    block_starts: list[int] = field(default_factory=list)
    article_of_block: dict[str, int] = field(default_factory=dict)
    span_starts: list[int] = field(default_factory=list)  # for range queries by the raw view
    longest_span: int = 0

    def block_at(self, offset: int) -> Block | None:
        """The block (after splits) whose raw range holds ``offset``."""
        i = bisect.bisect_right(self.block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def block(self, block_id: str) -> Block | None:
        if not block_id.startswith("b"):
            return None
        try:
            start = int(block_id[1:])
        except ValueError:
            return None
        b = self.block_at(start)
        return b if b is not None and b.id == block_id else None

    def counts(self) -> dict[str, int]:
        """How many spans each layer holds, plus ``"groups"``; the tests read these."""
        out = {layer: 0 for layer in LAYERS}
        for s in self.spans:
            out[s.layer] += 1
        out["groups"] = self.groups
        return out


def _duplicate_groups(analysis: Analysis) -> dict[str, int]:
    """Keep-block id -> group number, numbered in page order of the kept copies."""
    keeps = {s.get("keep") for s in analysis.suggestions if s.kind == "duplicate" and s.get("keep")}
    ordered = sorted(keeps, key=lambda k: int(k[1:]) if k[1:].isdigit() else 0)
    return {k: n for n, k in enumerate(ordered)}


def highlight_spans(analysis: Analysis, decisions: Decisions, blocks: tuple[Block, ...]) -> tuple[tuple[Span, ...], int]:
    groups = _duplicate_groups(analysis)
    spans: list[Span] = []
    by_id = {b.id: b for b in analysis.blocks}
    for keep, g in groups.items():
        b = by_id.get(keep)
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
    hand = {bid for bid, role in decisions.roles if role == ROLE_FURNITURE}
    spans += [Span(b.start, b.end, LAYER_REMOVED) for b in blocks if b.id in hand]
    spans.sort(key=lambda s: (s.start, LAYERS.index(s.layer)))
    return tuple(spans), len(groups)


def article_bands(clean: CleanPage, blocks: tuple[Block, ...]) -> tuple[tuple[Band, ...], dict[str, int]]:
    by_id = {b.id: b for b in blocks}
    bands: list[Band] = []
    home: dict[str, int] = {}
    for a, article in enumerate(clean.articles):
        lines = []
        for bid in article.blocks:
            home[bid] = a
            b = by_id.get(bid)
            if b is not None:
                lines.append((b.line_start, b.line_end))
        lines.sort()
        title = str(article.title)
        for first, last in lines:
            # blocks separated only by blank lines still make one band
            if bands and bands[-1].article == a and first <= bands[-1].last_line + 2:
                prev = bands[-1]
                bands[-1] = Band(a, prev.first_line, max(prev.last_line, last), title)
            else:
                bands.append(Band(a, first, last, title))
    bands.sort(key=lambda b: b.first_line)
    return tuple(bands), home


def derive(analysis: Analysis, decisions: Decisions, clean: CleanPage) -> Derived:
    """The view data of one page state (linear in the page size)."""
    blocks = split_blocks_at(analysis.blocks, decisions.splits)
    spans, groups = highlight_spans(analysis, decisions, blocks)
    bands, home = article_bands(clean, blocks)
    return Derived(blocks=blocks, spans=spans, groups=groups, bands=bands, provenance=Provenance(clean),
                   block_starts=[b.start for b in blocks], article_of_block=home,
                   span_starts=[s.start for s in spans], longest_span=max((s.end - s.start for s in spans),
                                                                          default=0))


class Lines:
    r"""Raw offset -> 1-based line number in O(log n) (``Page.line_of`` counts from the start each time).

    >>> Lines("a\nbc\n").line_of(3), Lines("a\nbc\n").start_of(2)
    (2, 2)
    """

    def __init__(self, text: str):
        nl, i = [], text.find("\n")
        while i >= 0:
            nl.append(i)
            i = text.find("\n", i + 1)
        self._newlines = nl

    def line_of(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def start_of(self, line: int) -> int:
        """Raw offset of the first character of 1-based ``line``."""
        return 0 if line <= 1 else self._newlines[min(line - 2, len(self._newlines) - 1)] + 1

    @property
    def count(self) -> int:
        return len(self._newlines) + 1


def suggestion_offset(suggestion: Suggestion) -> int:
    """Raw offset where a suggestion starts (its place in the list and on the page)."""
    if suggestion.ranges:
        return suggestion.ranges[0][0]
    if suggestion.blocks and suggestion.blocks[0][1:].isdigit():
        return int(suggestion.blocks[0][1:])
    return 0
