"""Restoring a session's decisions onto the page as it is now.

Ids are made of content (:mod:`kexie_gui.core.ids`), so on a page changed
elsewhere -- a line added above, CRLF, other spacing -- an id the page still
has means what it meant and is kept as it is.  Re-anchored through the
fingerprint the session keeps are only: an id the page no longer has (its text
changed, or it is a format-1 id on changed contents), an id whose text now
has more or fewer copies (the k-th copy may be another one), and splits (raw
offsets: placed again in the same block, at the same place in its text).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.apply import split_blocks_at
from ..core.ids import index_at, normalised, position
from ..core.messages import CATALOGUE, Message, message
from ..core.model import Analysis, Block, Decisions, Page, Suggestion
from .document import Blocks, _edit_block, _short, referenced_blocks, relative_ranges, upgrade
from .paths import SESSION_SUFFIX

SIMILARITY = 90  # rapidfuzz ratio a changed block must reach to keep its decisions

Why = Message | None  # why a decision is lost (None: it is not)
_FINE: Why = None
_NOT_FOUND = message("session.not-found")
_NO_RECORD = message("session.no-record")
_NOT_ON_PAGE = message("session.not-on-page")
_NO_SUCH = message("session.no-such")
_NOT_MADE = message("session.not-made")
_TAKEN = message("session.taken")
_CUT_GONE = message("session.cut-gone")


@dataclass(frozen=True)
class LostDecision:
    """A decision that could not be carried over to the changed page."""

    what: str  # "choice" / "role" / "edit" / "move" / "split"
    key: str  # its key in the old decisions (suggestion id, block id, edit key, offset)
    line: int | None  # where it was on the old page
    message: Message  # one line for the editor


@dataclass(frozen=True)
class SessionResult:
    """The decisions restored from a session and what happened to them."""

    decisions: Decisions
    path: Path | None = None  # the session file read; None: the page had no session
    page_changed: bool = False  # the raw file differs from the one the session was saved for
    restored: int = 0  # decisions carried over (re-anchored ones included)
    total: int = 0  # decisions in the session file
    lost: tuple[LostDecision, ...] = ()
    notes: tuple[Message, ...] = ()  # decisions re-anchored to text that changed a little: worth a look
    extra: Mapping[str, Any] = field(default_factory=dict)
    saved_at: float | None = None

    @property
    def found(self) -> bool:
        return self.path is not None

    @property
    def status(self) -> str | None:
        return self.extra.get("status")

    @property
    def message(self) -> Message:
        """One or two sentences for the status bar or a dialog."""
        if self.path is None:
            return message("session.none")
        name = self.path.name
        if not self.page_changed and not self.lost:
            return message("session.restored", name=name, restored=self.restored)
        what = message("session.carried", restored=self.restored, total=self.total)
        if self.lost:
            what = message("session.carried-lost", restored=self.restored, total=self.total, lost=len(self.lost))
        if self.lost and name.endswith(SESSION_SUFFIX):
            what = message("session.kept-aside", what=what, name=name)
        return message("session.page-changed" if self.page_changed else "session.from", name=name, what=what)

    def summary(self, language: str = "en") -> str:
        """:attr:`message` in ``language`` (the CLI and the tests read English)."""
        return self.message.render(language)


# ---------------------------------------------------------------- finding a block again

class _Absent:
    """No fingerprint recorded (a session saved without its analysis, an id kexie never wrote)."""


class _Inert:
    """Recorded as null: the decision referred to nothing when it was saved and had no effect."""


_ABSENT, _INERT = _Absent(), _Inert()
Print = Mapping[str, Any] | _Absent | _Inert


def _lookup(table: Mapping, key: str) -> Print:
    if key not in table:
        return _ABSENT
    fp = table[key]
    return fp if isinstance(fp, Mapping) else _INERT


def _same_end(saved: object, actual: str, at: Callable[[str, str], bool]) -> bool:
    """A neighbour as a fingerprint recorded it ("" at the page end; format 1 kept it unnormalised)."""
    if not isinstance(saved, str):
        return False
    want = normalised(saved)
    return actual == want if not want else at(actual, want)


class _Matcher:
    """Finds the block of a fingerprint among blocks that no longer carry its id.

    Same normalised text first; when the page holds several copies of it, the
    same copy (n-th of as many), else the copy between the same neighbours,
    else the copy nearest the old place.  No same text: the unique best
    rapidfuzz ratio >= :data:`SIMILARITY`, with the same tie-breaks.  Every
    block is given to one fingerprint at most (``claimed``).
    """

    def __init__(self, blocks: Blocks, claimed: dict[str, str]):
        self.blocks = blocks
        self.by_text: dict[str, list[Block]] = defaultdict(list)
        for b, text in zip(blocks.list, blocks.texts, strict=True):
            self.by_text[text].append(b)
        self.claimed = claimed  # block id -> key of the fingerprint that took it
        self._memo: dict[str, tuple[Block | None, bool, Why]] = {}

    def find(self, fp: Mapping) -> tuple[Block | None, bool, Why]:
        """``(block, sure, why-not)``: ``block`` None when the fingerprint cannot be placed;
        ``sure`` False when the text changed or the copy was chosen by position (worth a look)."""
        key = claim_key(fp)
        if key not in self._memo:
            block, sure, why = self._find(fp, key)
            if block is not None and self.claimed.setdefault(block.id, key) != key:
                block, sure, why = None, False, _TAKEN
            self._memo[key] = (block, sure, why)
        return self._memo[key]

    def _find(self, fp: Mapping, key: str) -> tuple[Block | None, bool, Why]:
        text = normalised(str(fp.get("text", "")))
        same = self.by_text.get(text, [])
        if same:
            return self._pick(same, fp, key, True, message("session.copies", now=len(same), was=fp.get("of", 1)))
        if not text:
            return None, False, _NOT_FOUND
        from rapidfuzz import fuzz, process

        hits = process.extract(text, self.blocks.texts, scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=None)
        if not hits:
            return None, False, _NOT_FOUND
        best = max(score for _, score, _ in hits)
        top = [self.blocks.list[i] for i in sorted(i for _, score, i in hits if score == best)]
        return self._pick(top, fp, key, False, message("session.alike", count=len(top)))

    def _pick(self, candidates: list[Block], fp: Mapping, key: str, exact: bool,
              why: Why) -> tuple[Block | None, bool, Why]:
        if len(candidates) == 1:
            return candidates[0], exact, _FINE
        nth, of = int(fp.get("nth", 0)), int(fp.get("of", 1))
        if len(candidates) == of and 0 <= nth < of:
            return candidates[nth], exact, _FINE
        free = [c for c in candidates if self.claimed.get(c.id, key) == key]
        free, score = self._between_same_neighbours(free, fp)
        if len(free) == 1 and score:
            return free[0], exact and score == 2, _FINE
        nearest = self._nearest(free, fp)
        return (nearest, False, _FINE) if nearest is not None else (None, False, why)

    def _between_same_neighbours(self, blocks: list[Block], fp: Mapping) -> tuple[list[Block], int]:
        """The blocks whose neighbours match the fingerprint's best (all of them when none does)."""
        scores = []
        for b in blocks:
            prev, nxt = self.blocks.neighbours(b)
            scores.append(_same_end(fp.get("prev"), prev, str.endswith)
                          + _same_end(fp.get("next"), nxt, str.startswith))
        best = max(scores, default=0)
        return ([b for b, sc in zip(blocks, scores, strict=True) if sc == best] if best else blocks), best

    def _nearest(self, blocks: list[Block], fp: Mapping) -> Block | None:
        """The one block nearest the old place (None when two are as near)."""
        if "index" not in fp or not blocks:
            return None
        ranked = sorted((abs(self.blocks.pos[b.id] - int(fp["index"])), n) for n, b in enumerate(blocks))
        return blocks[ranked[0][1]] if len(ranked) == 1 or ranked[0][0] < ranked[1][0] else None


def claim_key(fp: Mapping) -> str:
    """Fingerprints of the same copy of the same text are one claim (a role and an edit on one block)."""
    return f"{normalised(str(fp.get('text', '')))}\x00{fp.get('nth')}\x00{fp.get('of')}"


class _Space:
    """The blocks of the page as it is now (raw, or cut by the restored splits) and how a saved id is found there."""

    def __init__(self, blocks: Iterable[Block], same: bool):
        self.blocks = Blocks(blocks)
        self.same = same  # the page contents the session was saved for: every id still means what it meant
        self.claimed: dict[str, str] = {}
        self._matcher: _Matcher | None = None

    def stays(self, block_id: str, fp: Print) -> bool:
        """The id is on the page and still names the block it named.

        A changed page may hold more or fewer copies of its text, and the k-th
        copy is then perhaps another one: the id stays only when the page holds
        as many copies as it did (without a fingerprint: when the text is unique).
        """
        if block_id not in self.blocks.pos:
            return False
        if self.same:
            return True
        of = fp.get("of", 1) if isinstance(fp, Mapping) else 1
        return not isinstance(fp, _Inert) and self.blocks.copies[block_id][1] == of

    def reserve(self, refs: Iterable[tuple[str | None, Print]]) -> None:
        """Claim the blocks that saved ids still name before any fingerprint is searched for, so that none
        takes one of them (whatever order the decisions come in)."""
        for block_id, fp in refs:
            if block_id is not None and isinstance(fp, Mapping) and self.stays(block_id, fp):
                self.claimed.setdefault(block_id, claim_key(fp))

    def find(self, block_id: str | None, fp: Print) -> tuple[Block | None, bool, Why]:
        """``(block, sure, why-not)``: the block the id still names, else the one its fingerprint finds."""
        if block_id is not None and self.stays(block_id, fp):
            block = self.blocks.list[self.blocks.pos[block_id]]
            if isinstance(fp, Mapping):
                self.claimed.setdefault(block.id, claim_key(fp))
            return block, True, _FINE
        if not isinstance(fp, Mapping):
            return None, False, _NO_RECORD
        if self._matcher is None:
            self._matcher = _Matcher(self.blocks, self.claimed)
        return self._matcher.find(fp)


@dataclass(frozen=True)
class _Where:
    """Where a saved block id goes on the page as it is now."""

    id: str | None  # None: nowhere (left out when ``inert``, else lost)
    inert: bool = False  # it referred to nothing when saved: not counted
    fp: Mapping | None = None  # the fingerprint, for the message when lost
    why: Why = _FINE


def _cut_in(block: Block, fp: Mapping) -> int | None:
    """The raw offset in ``block`` of the split ``fp`` records: the same place in the same text (spacing
    aside), else between the same characters."""
    text, saved, at = str(block.text), str(fp["block"]["text"]), int(fp["at"])
    if text == saved:
        k: int | None = at
    elif normalised(text) == normalised(saved):
        k = index_at(text, position(saved, at))
    else:
        flat, left, right = normalised(text), normalised(str(fp.get("left", ""))), normalised(str(fp.get("right", "")))
        k = next((index_at(text, flat.index(needle) + shift)
                  for needle, shift in ((left + right, len(left)), (left, len(left)), (right, 0))
                  if needle and flat.count(needle) == 1), None)
    return block.text.raw_offset(k) if k else None


# ---------------------------------------------------------------- what the editor is told

def _lost(what: str, key: str, fp: Mapping | None, why: Why, **kw) -> LostDecision:
    """``what`` ("role", "edit", "move", "split", "join") is lost; ``kw`` the arguments its message takes."""
    line = fp.get("line") if fp else None
    t = _short(fp.get("text", "")) if fp else key
    return _lost_as(what, key, line, message(f"session.{what}", t=t, **kw), why)


def _lost_choice(sid: str, kind: str, first: Mapping | None, accepted: bool, why: Why) -> LostDecision:
    line = first.get("line") if first else None
    t = _short(first.get("text", "")) if first else sid
    choice = message("session.accepted" if accepted else "session.rejected", t=t, kind=_kind_label(kind))
    return _lost_as("choice", sid, line, choice, why)


def _lost_as(what: str, key: str, line: int | None, decision: Message, why: Why) -> LostDecision:
    told = (message("session.lost-at", line=line, what=decision, why=why) if line
            else message("session.lost", what=decision, why=why))
    return LostDecision(what=what, key=key, line=line, message=told)


# ---------------------------------------------------------------- restoring

def restore_decisions(doc: Mapping, page: Page, analysis: Analysis, path: Path | None = None) -> SessionResult:
    """The decisions of a checked session document (:func:`parse_session`) carried over to ``analysis``.

    Same page contents: everything is kept as it is, except an id the
    analysis does not know (a newer kexie may analyse differently), which is
    re-anchored by its fingerprint.  Changed contents: an id the page still
    has is kept, the rest is re-anchored; one that had no effect when it was
    saved (it referred to nothing) is left out; one that cannot be placed is
    listed as lost.  A format-1 document is upgraded first (:func:`upgrade`).
    """
    doc = upgrade(doc, page, analysis)
    old = Decisions.from_dict(doc.get("decisions") or {})
    same = (doc.get("page") or {}).get("sha256") == page.sha256
    total = old.count
    extra = dict(doc.get("extra") or {})
    saved_at = doc.get("saved_at")
    if same and _all_known(old, analysis):
        return SessionResult(decisions=old, path=path, page_changed=False, restored=total, total=total,
                             extra=extra, saved_at=saved_at)
    carry = _Carry(doc.get("anchors") or {}, page, analysis, same)
    decisions = carry.decisions(old)
    return SessionResult(decisions=decisions, path=path, page_changed=not same,
                         restored=total - carry.inert - len(carry.lost), total=total - carry.inert,
                         lost=tuple(carry.lost), notes=carry.all_notes(), extra=extra, saved_at=saved_at)


class _Carry:
    """Carries one session's decisions over to the page as it is now, noting what is lost or worth a look."""

    def __init__(self, anchors: Mapping, page: Page, analysis: Analysis, same: bool):
        self.blocks, self.suggestions, self.splits = (anchors.get(k) or {} for k in ("blocks", "suggestions", "splits"))
        self.page, self.analysis, self.same = page, analysis, same
        self.raw = _Space(analysis.blocks, same)
        self.lost: list[LostDecision] = []
        self.notes: list[Message] = []
        self.inert = 0

    def all_notes(self) -> tuple[Message, ...]:
        if not self.inert:
            return tuple(self.notes)
        return tuple(self.notes) + (message("session.kept-inert" if self.same else "session.left-out",
                                            count=self.inert),)

    def decisions(self, old: Decisions) -> Decisions:
        # splits first: they decide which pieces the other decisions refer to
        self.raw.reserve(self._raw_references())
        splits = tuple(sorted({o for o in map(self._split, old.splits) if o is not None}))
        cut = _Space(split_blocks_at(self.analysis.blocks, splits), self.same)
        prints = {bid: _lookup(self.blocks, bid) for bid in referenced_blocks(old)}
        cut.reserve(prints.items())
        places = {bid: self._where(cut, bid, fp) for bid, fp in prints.items()}
        roles = dict(self._roles(old.roles, places))  # in this order: the editor reads what is lost in it
        edits = dict(self._edits(old.edits, places))
        moves = tuple(self._moves(old.moves, places))
        joined = set(self._joined(old.joined, places))
        choices = dict(self._choices(old.choices))
        return Decisions(choices=tuple(sorted(choices.items())), roles=tuple(sorted(roles.items())),
                         edits=tuple(sorted(edits.items())), moves=moves, splits=splits, joined=tuple(sorted(joined)))

    # -- splits (raw offsets)
    def _split(self, offset: int) -> int | None:
        fp = _lookup(self.splits, str(offset))
        if self.same and _inside(self.analysis.block_at(offset), offset):
            return offset  # same raw text: a raw offset means what it meant
        if isinstance(fp, _Inert) and not self.same:
            self.inert += 1
            return None
        if not isinstance(fp, Mapping):
            self.lost.append(_lost("split", str(offset), None, _NOT_ON_PAGE if self.same else _NO_RECORD))
            return None
        block, sure, why = self.raw.find(fp["block"].get("id"), fp["block"])
        new = _cut_in(block, fp) if block is not None else None
        if new is None:
            self.lost.append(_lost("split", str(offset), fp["block"], why if block is None else _CUT_GONE))
        elif not sure:
            self.notes.append(message("session.split-moved", line=self.page.line_of(new)))
        return new

    def _raw_references(self) -> Iterator[tuple[str | None, Print]]:
        """The raw blocks the saved splits and suggestions name, with their fingerprints."""
        for fp in self.splits.values():
            if isinstance(fp, Mapping):
                yield fp["block"].get("id"), fp["block"]
        for fp in self.suggestions.values():
            for p in (fp.get("blocks") or []) if isinstance(fp, Mapping) else []:
                yield p.get("id"), p

    # -- blocks and pieces (roles, edits, moves, joins)
    def _where(self, space: _Space, bid: str, fp: Print) -> _Where:
        """Where a saved block id goes on ``space``."""
        if space.stays(bid, fp):
            return _Where(bid)
        if isinstance(fp, _Inert):
            return _Where(bid if self.same else None, inert=True)  # on the same page, redoing its split revives it
        if not isinstance(fp, Mapping):
            return _Where(None, why=_NOT_ON_PAGE if self.same else _NO_RECORD)
        block, sure, why = space.find(None, fp)
        if block is None:
            return _Where(None, fp=fp, why=why)
        note = message("session.placed-on-changed", line=self.page.line_of(block.start))
        if not sure and note not in self.notes:
            self.notes.append(note)
        return _Where(block.id)

    def _take(self, where: _Where, what: str, key: str, text: str | None = None, **kw) -> str | None:
        """The id a saved reference now has; counts what had no effect and records what is lost."""
        self.inert += where.inert
        if where.id is None and not where.inert:
            self.lost.append(_lost(what, key, where.fp or ({"text": text} if text else None), where.why, **kw))
        return where.id

    def _roles(self, roles: Iterable[tuple[str, str]], places: dict[str, _Where]) -> Iterator[tuple[str, str]]:
        for bid, role in roles:
            new = self._take(places[bid], "role", bid, role=role)
            if new is not None:
                yield new, role

    def _edits(self, edits: Iterable[tuple[str, tuple[str, str]]],
               places: dict[str, _Where]) -> Iterator[tuple[str, tuple[str, str]]]:
        for key, value in edits:
            bid, suffix = _edit_block(key)
            new = self._take(places[bid], "edit", key, text=value[0])
            if new is not None:
                yield new + suffix, value

    def _joined(self, joined: Iterable[str], places: dict[str, _Where]) -> Iterator[str]:
        for bid in joined:
            new = self._take(places[bid], "join", bid)
            if new is not None:
                yield new

    def _moves(self, moves: Iterable[tuple[str, str]], places: dict[str, _Where]) -> Iterator[tuple[str, str]]:
        for bid, before in moves:
            where, target = places[bid], places[before] if before else _Where("")
            if where.id is not None and target.id is None and not target.inert:
                fp = self.blocks.get(bid) or target.fp
                self.lost.append(_lost("move", bid, fp, message("session.target-gone", why=target.why)))
                continue
            new = self._take(where, "move", bid)
            if new is not None:
                yield new, target.id or ""  # "before nothing" moved the block to the page end, and still does

    # -- suggestions (choices)
    def _choices(self, choices: Iterable[tuple[str, bool]]) -> Iterator[tuple[str, bool]]:
        for sid, accepted in choices:
            new = self._choice(sid, accepted)
            if new is not None:
                yield new, accepted

    def _choice(self, sid: str, accepted: bool) -> str | None:
        fp = _lookup(self.suggestions, sid)
        if self._stays(sid, fp):
            return sid
        if isinstance(fp, _Inert):
            self.inert += 1
            return sid if self.same else None
        if not isinstance(fp, Mapping):
            kind = sid.rsplit("-", 1)[0]  # "<kind>-<hash>"
            self.lost.append(_lost_choice(sid, kind, None, accepted, _NO_SUCH if self.same else _NO_RECORD))
            return None
        found, why = self._refind(sid, fp)
        if found is None:
            self.lost.append(_lost_choice(sid, str(fp.get("kind")), (fp.get("blocks") or [None])[0], accepted, why))
        return found

    def _stays(self, sid: str, fp: Print) -> bool:
        """The suggestion is on the page and its blocks still are the blocks it was made on."""
        s = self._suggestion(sid)
        if s is None or (isinstance(fp, _Inert) and not self.same):
            return False
        if not isinstance(fp, Mapping):
            return all(self.raw.stays(bid, _ABSENT) for bid in s.blocks)
        prints = {p.get("id"): p for p in fp.get("blocks") or []}
        return all(self.raw.stays(bid, prints[bid]) for bid in s.blocks if bid in prints)

    def _refind(self, sid: str, fp: Mapping) -> tuple[str | None, Why]:
        """The suggestion made now on the blocks the fingerprint finds (same kind)."""
        ids = []
        for p in fp.get("blocks") or []:
            block, _, why = self.raw.find(p.get("id"), p)
            if block is None:
                return None, why
            ids.append(block.id)
        found = [s for s in self.analysis.suggestions if s.kind == fp.get("kind") and s.blocks == tuple(ids)]
        if len(found) > 1:
            found = ([s for s in found if s.id == sid]
                     or [s for s in found if relative_ranges(self.analysis, s) == fp.get("ranges")])
        return (found[0].id, _FINE) if len(found) == 1 else (None, _NOT_MADE)

    def _suggestion(self, sid: str) -> Suggestion | None:
        try:
            return self.analysis.suggestion(sid)
        except KeyError:
            return None


def _inside(block: Block | None, offset: int) -> bool:
    return block is not None and block.start < offset


def _kind_label(kind: str) -> Message | str:
    """The kind's name in the catalogue; a kind kexie does not know (a session of a newer kexie) as it is."""
    return message(f"kind.{kind}") if f"kind.{kind}" in CATALOGUE else kind


def _all_known(decisions: Decisions, analysis: Analysis) -> bool:
    """Every id the decisions use exists in ``analysis`` (always so unless the analyser changed)."""
    suggestions = {s.id for s in analysis.suggestions}
    if any(sid not in suggestions for sid, _ in decisions.choices):
        return False
    ids = {b.id for b in split_blocks_at(analysis.blocks, decisions.splits)}
    return all(bid in ids for bid in referenced_blocks(decisions))
