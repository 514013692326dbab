"""What "Show changes" marks in an article, like Word's Track Changes.  Pure.

For each part of the article (title, subtitle, byline, paragraphs) the text
is cut into marks: text as printed, a joined break (``⏎``, where a paragraph
cut at a column break was joined), a punctuation mark changed (old struck
through, new underlined), characters typed by the editor, characters a join
dropped; and the blocks removed inside the article (repeats, furniture) are
shown struck through where they stood.  Every mark a suggestion made names
it, so the editor can accept or reject it from there.

It needs only the clean article's provenance (``Text.runs``) and the page's
suggestions: nothing is recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import Analysis, CleanPage, Decisions, Text
from .derive import Derived, article_parts, part_text

SAME, INSERTED, DELETED, OLD, NEW, JOIN, JOINED, REMOVED = (
    "same", "inserted", "deleted", "old", "new", "join", "joined", "removed")
JOIN_MARK = "⏎"


@dataclass(frozen=True)
class Mark:
    text: str
    kind: str
    suggestion: str = ""  # the suggestion behind it ("" for the editor's own changes)
    block: str = ""  # for a removed block: its id


@dataclass(frozen=True)
class Entry:
    """One line of the tracked article: a part with its marks, or a removed block (``part`` None)."""

    part: object
    marks: tuple[Mark, ...]


class _Index:
    """The page's joins and punctuation suggestions by the block they act on (built once per analysis)."""

    def __init__(self, analysis: Analysis):
        self.joins: dict[str, str] = {}
        self.punctuation: dict[int, str] = {}
        for s in analysis.suggestions:
            if s.kind == "join" and len(s.blocks) > 1:
                self.joins[s.blocks[1]] = s.id
            elif s.kind == "punctuation":
                for offset, _ in s.get("changes", ()):
                    self.punctuation[offset] = s.id


def _index(analysis: Analysis) -> _Index:
    cached = analysis.__dict__.get("_changes_index")
    if cached is None:
        cached = _Index(analysis)
        object.__setattr__(analysis, "_changes_index", cached)
    return cached


def tracked_part(text: Text | None, raw: str, analysis: Analysis, decisions: Decisions, view: Derived,
                 removed_between=lambda a, b: ()) -> list[Mark]:
    """The marks of one part's text (see the module docstring)."""
    if not text:
        return []
    index = _index(analysis)
    s = str(text)
    runs = sorted(text.runs)
    marks: list[Mark] = []
    same: list[str] = []

    def flush():
        if same:
            marks.append(Mark("".join(same), SAME))
            same.clear()

    at = 0  # text index reached
    prev_end = None  # raw offset after the last traced character
    prev_block = None
    for t0, r0, n in runs:
        if t0 > at:
            flush()
            marks.append(Mark(s[at:t0], INSERTED))
        block = view.block_at(r0)
        if prev_end is not None and r0 != prev_end and block is not None and block is not prev_block:
            flush()
            gap_end = prev_block.end if prev_block is not None else prev_end
            dropped = raw[prev_end:gap_end].strip()
            origin = analysis.block_at(block.start)
            sid = index.joins.get(origin.id if origin is not None else block.id, "")
            if dropped:
                marks.append(Mark(dropped, DELETED, sid))
            marks.extend(removed_between(prev_block, block))
            marks.append(Mark(JOIN_MARK, JOIN if sid and not decisions.is_joined(block.id) else JOINED, sid))
        for k in range(n):
            offset = r0 + k
            ch = s[t0 + k]
            printed = raw[offset] if offset < len(raw) else ch
            if printed != ch:
                flush()
                sid = index.punctuation.get(offset, "")
                marks.append(Mark(printed, OLD, sid))
                marks.append(Mark(ch, NEW, sid))
            else:
                same.append(ch)
        at = t0 + n
        prev_end = r0 + n
        prev_block = block if block is not None else prev_block
    if at < len(s):
        flush()
        marks.append(Mark(s[at:], INSERTED))
    flush()
    return marks


def tracked_article(analysis: Analysis, decisions: Decisions, clean: CleanPage, view: Derived,
                    index: int) -> list[Entry]:
    """The article ``index`` as "Show changes" lays it out: its parts and the blocks removed among them."""
    article = clean.articles[index]
    raw = analysis.page.text
    parts = article_parts(article)
    region = _region(clean, view, index)
    if region is None:
        return [Entry(part, tuple(tracked_part(part_text(article, part), raw, analysis, decisions, view)))
                for part in parts]
    removed = {r.block: r for r in clean.removed}
    positions = {b.id: k for k, b in enumerate(region)}
    inline: set[str] = set()  # removed pieces shown inside a part's text

    def removed_between(a, b):
        if a is None or b is None or a.id not in positions or b.id not in positions:
            return ()
        out = []
        for piece in region[positions[a.id] + 1:positions[b.id]]:
            if piece.id in removed:
                inline.add(piece.id)
                out.append(_removed_mark(piece, removed[piece.id]))
        return out

    entries = [Entry(part, tuple(tracked_part(part_text(article, part), raw, analysis, decisions, view,
                                              removed_between))) for part in parts]
    between = [p for p in region if p.id in removed and p.id not in inline]
    return _with_removed_between(entries, region, between, removed, _first_pieces(article, parts, view))


def _region(clean: CleanPage, view: Derived, index: int) -> list | None:
    """The pieces in reading order from the article's first to where the next article starts (None: no pieces)."""
    article, order, number = clean.articles[index], view.order, view.number
    mine = [number[b] - 1 for b in article.blocks if b in number]
    if not mine:
        return None
    lo = min(mine)
    nxt = min((number[b] - 1 for a in clean.articles if a is not article for b in a.blocks[:1]
               if b in number and number[b] - 1 > lo), default=len(order))
    return [order[k] for k in range(lo, nxt)]


def _first_pieces(article, parts: list, view: Derived) -> dict[str, object]:
    """Piece id -> the first part of the article holding text of it."""
    first_piece: dict[str, object] = {}
    for part in parts:
        for _, r0, _ in sorted(getattr(part_text(article, part), "runs", ())):
            b = view.block_at(r0)
            if b is not None:
                first_piece.setdefault(b.id, part)
    return first_piece


def _with_removed_between(entries: list[Entry], region: list, between: list, removed: dict,
                          first_piece: dict[str, object]) -> list[Entry]:
    """Removed blocks that fell between parts, each after the part holding the piece before it (else first)."""
    placed: dict[object, list[Entry]] = {}
    top: list[Entry] = []
    at = {p.id: k for k, p in enumerate(region)}
    for piece in between:
        k = at[piece.id]
        before = next((first_piece[region[j].id] for j in range(k - 1, -1, -1) if region[j].id in first_piece),
                      None)
        entry = Entry(None, (_removed_mark(piece, removed[piece.id]),))
        (placed.setdefault(before, []) if before is not None else top).append(entry)
    out = list(top)
    for entry in entries:
        out.append(entry)
        out += placed.get(entry.part, [])
    return out


def _removed_mark(piece, removal) -> Mark:
    by = removal.decided_by if not removal.decided_by.startswith(("role:", "joined:")) else ""
    return Mark(" ".join(str(piece.text).split()), REMOVED, by, piece.id)


def changes_count(entries: list[Entry]) -> dict[str, int]:
    """How many marks of each kind (the tests and the status bar read this)."""
    out: dict[str, int] = {}
    for e in entries:
        for m in e.marks:
            if m.kind != SAME:
                out[m.kind] = out.get(m.kind, 0) + 1
    return out


__all__ = ["DELETED", "Entry", "INSERTED", "JOIN", "JOINED", "JOIN_MARK", "Mark", "NEW", "OLD", "REMOVED", "SAME",
           "changes_count", "tracked_article", "tracked_part"]
