"""Restoring a session's decisions onto the page as it is now, re-anchoring them when it changed."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.apply import split_blocks_at
from ..core.model import Analysis, Block, Decisions, Page
from .document import _Blocks, _edit_block, _relative_ranges, _short
from .paths import SESSION_SUFFIX

SIMILARITY = 90  # rapidfuzz ratio a changed block must reach to keep its decisions


@dataclass(frozen=True)
class LostDecision:
    """A decision that could not be carried over to the changed page."""

    what: str  # "choice" / "role" / "edit" / "move" / "split"
    key: str  # its key in the old decisions (suggestion id, block id, edit key, offset)
    line: int | None  # where it was on the old page
    message: str  # one line for the editor (English)
    message_zh: str


@dataclass(frozen=True)
class SessionResult:
    """The decisions restored from a session and what happened to them."""

    decisions: Decisions
    path: Path | None = None  # the session file read; None: the page had no session
    page_changed: bool = False  # the raw file differs from the one the session was saved for
    restored: int = 0  # decisions carried over (re-anchored ones included)
    total: int = 0  # decisions in the session file
    lost: tuple[LostDecision, ...] = ()
    notes: tuple[str, ...] = ()  # decisions re-anchored to text that changed a little: worth a look
    extra: Mapping[str, Any] = field(default_factory=dict)
    saved_at: float | None = None

    @property
    def found(self) -> bool:
        return self.path is not None

    @property
    def status(self) -> str | None:
        return self.extra.get("status")

    def summary(self) -> str:
        """One or two sentences for the status bar or a dialog."""
        if self.path is None:
            return "No saved session for this page."
        name = self.path.name
        if not self.page_changed:
            if not self.lost:
                return f"Restored {self.restored} decision(s) from {name}."
        head = (f"The page changed since {name} was saved: " if self.page_changed else f"{name}: ")
        text = f"{head}{self.restored} of {self.total} decision(s) restored"
        if self.lost:
            text += f", {len(self.lost)} could not be placed and are lost"
            if name.endswith(SESSION_SUFFIX):
                text += f". The session file is kept as it is; saving keeps a copy of it as {name}.bak-<time>"
        return text + "."

    def summary_zh(self) -> str:
        if self.path is None:
            return "此页没有保存的会话。"
        name = self.path.name
        if not self.page_changed and not self.lost:
            return f"已从 {name} 恢复 {self.restored} 项决定。"
        head = f"页面在保存 {name} 之后已改动：" if self.page_changed else f"{name}："
        text = f"{head}{self.total} 项决定中恢复了 {self.restored} 项"
        if self.lost:
            text += f"，{len(self.lost)} 项无法定位而丢失"
            if name.endswith(SESSION_SUFFIX):
                text += f"。会话文件保持原样；保存时会另存一份 {name}.bak-<时间>"
        return text + "。"


_NOT_FOUND = ("that text is no longer on the page", "该文字已不在页面上")


class _Matcher:
    """Finds the block of a fingerprint among the blocks of the new analysis.

    Same text first; when the page holds several copies of it, the same copy
    (n-th of as many), else the copy between the same neighbours, else the
    copy nearest the old position.  No same text: the unique best rapidfuzz
    ratio >= :data:`SIMILARITY`, with the same tie-breaks.  Every new block is
    given to one fingerprint at most.
    """

    def __init__(self, blocks, page: Page):
        self.blocks = _Blocks(blocks, page)
        self.by_text: dict[str, list[Block]] = defaultdict(list)
        for b in self.blocks.list:
            self.by_text[str(b.text)].append(b)
        self.texts = [str(b.text) for b in self.blocks.list]
        self.claimed: dict[str, str] = {}  # new block id -> fingerprint key that took it
        self._memo: dict[str, tuple] = {}

    def find(self, fp: Mapping) -> tuple[Block | None, bool, tuple[str, str]]:
        """``(block, sure, why-not)``: ``block`` None when the fingerprint cannot be placed;
        ``sure`` False when the text changed or the copy was chosen by position (worth a look)."""
        key = json.dumps([fp.get("text"), fp.get("nth"), fp.get("of")], ensure_ascii=False)
        if key in self._memo:
            return self._memo[key]
        result = self._find(fp, key)
        block = result[0]
        if block is not None:
            other = self.claimed.get(block.id)
            if other is not None and other != key:
                result = (None, False, ("it matches the same text as another decision", "与另一项决定匹配到同一段文字"))
            else:
                self.claimed[block.id] = key
        self._memo[key] = result
        return result

    def _find(self, fp: Mapping, key: str):
        text = str(fp.get("text", ""))
        same = self.by_text.get(text, [])
        if same:
            return self._pick(same, fp, key, True, (
                f"the text now occurs {len(same)} times on the page (it occurred {fp.get('of', 1)} time(s)); "
                f"cannot tell which copy is meant",
                f"该文字现在在页面上出现 {len(same)} 次（原为 {fp.get('of', 1)} 次），无法判断是哪一处"))
        if not text:
            return None, False, _NOT_FOUND
        from rapidfuzz import fuzz, process

        hits = process.extract(text, self.texts, scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=None)
        if not hits:
            return None, False, _NOT_FOUND
        best = max(score for _, score, _ in hits)
        top = [self.blocks.list[i] for i in sorted(i for _, score, i in hits if score == best)]
        return self._pick(top, fp, key, False, (
            f"{len(top)} places on the page resemble it equally; cannot tell which is meant",
            f"页面上有 {len(top)} 处与之同样相似，无法判断是哪一处"))

    def _pick(self, candidates: list[Block], fp: Mapping, key: str, exact: bool, why: tuple[str, str]):
        if len(candidates) == 1:
            return candidates[0], exact, ("", "")
        nth, of = int(fp.get("nth", 0)), int(fp.get("of", 1))
        if len(candidates) == of and 0 <= nth < of:
            return candidates[nth], exact, ("", "")
        free = [c for c in candidates if self.claimed.get(c.id, key) == key]
        if "prev" in fp or "next" in fp:
            contexts = [self.blocks.context(c) for c in free]
            scores = [(prev == fp.get("prev")) + (nxt == fp.get("next")) for prev, nxt in contexts]
            best = max(scores, default=0)
            if best:
                free = [c for c, sc in zip(free, scores, strict=True) if sc == best]
                if len(free) == 1:
                    return free[0], exact and best == 2, ("", "")
        if "index" in fp and free:
            ranked = sorted((abs(self.blocks.pos[c.id] - int(fp["index"])), n) for n, c in enumerate(free))
            if len(ranked) == 1 or ranked[0][0] < ranked[1][0]:
                return free[ranked[0][1]], False, ("", "")
        return None, False, why


def _locate_cut(block: Block, fp: Mapping, exact: bool) -> int | None:
    """Index in ``block.text`` where a split recorded by ``fp`` falls."""
    text = str(block.text)
    if exact:
        return int(fp["at"])
    left, right = str(fp.get("left", "")), str(fp.get("right", ""))
    for needle, shift in ((left + right, len(left)), (left, len(left)), (right, 0)):
        if needle and text.count(needle) == 1:
            return text.index(needle) + shift
    return None


_ACTIONS = {
    "role": ("the role “{v}” of “{t}”", "“{t}”的角色“{v}”"),
    "edit": ("your edit of “{t}”", "对“{t}”的修改"),
    "move": ("moving “{t}”", "移动“{t}”"),
    "split": ("the split of “{t}”", "对“{t}”的拆分"),
    "join": ("joining “{t}” to the text before it", "把“{t}”接到前文"),
    "choice": ("your choice to {v} the {k} suggestion on “{t}”", "对“{t}”的{k}建议的{v}"),
}


def _lost(what: str, key: str, fp: Mapping | None, why: tuple[str, str], **kw) -> LostDecision:
    line = fp.get("line") if fp else None
    t = _short(fp.get("text", "")) if fp else key
    en, zh = _ACTIONS[what]
    where_en = f"line {line}: " if line else ""
    where_zh = f"第{line}行：" if line else ""
    return LostDecision(what=what, key=key, line=line,
                        message=f"{where_en}{en.format(t=t, **kw)} is lost: {why[0]}",
                        message_zh=f"{where_zh}{zh.format(t=t, **kw)}已丢失：{why[1]}")


_NO_RECORD = ("the session holds no record of its text", "会话中没有记录它的文字")
_NOT_ON_PAGE = ("the session names a place that is not on this page", "会话所指的位置不在此页上")


def _lost_choice(sid: str, kind, first: Mapping | None, accepted: bool, why: tuple[str, str]) -> LostDecision:
    zh_kind, en_kind = _kind_label(kind)
    line = first.get("line") if first else None
    t = _short(first.get("text", "")) if first else sid
    en, zh = _ACTIONS["choice"]
    return LostDecision(
        what="choice", key=sid, line=line,
        message=(f"line {line}: " if line else "") + en.format(v="accept" if accepted else "reject", k=en_kind, t=t)
        + f" is lost: {why[0]}",
        message_zh=(f"第{line}行：" if line else "") + zh.format(v="接受" if accepted else "拒绝", k=zh_kind, t=t)
        + f"已丢失：{why[1]}")


_ABSENT, _INERT = "absent", "inert"  # no fingerprint recorded / recorded as referring to nothing


def _lookup(table: Mapping, key: str):
    """The fingerprint of ``key``: a dict, ``_INERT`` (saved as null) or ``_ABSENT``."""
    if key not in table:
        return _ABSENT
    fp = table[key]
    return fp if isinstance(fp, dict) else _INERT


def restore_decisions(doc: Mapping, page: Page, analysis: Analysis, path: Path | None = None) -> SessionResult:
    """The decisions of a checked session document (:func:`parse_session`) carried over to ``analysis``.

    Same page contents: everything is kept as it is, except an id the
    analysis does not know (a newer kexie may analyse differently), which is
    re-anchored by its fingerprint.  Changed contents: every decision is
    re-anchored; one that had no effect when it was saved (it referred to
    nothing) is left out; one that cannot be placed is listed as lost.
    """
    old = Decisions.from_dict(doc.get("decisions") or {})
    anchors = doc.get("anchors") or {}
    fp_blocks, fp_sugg, fp_splits = (anchors.get(k) or {} for k in ("blocks", "suggestions", "splits"))
    same = (doc.get("page") or {}).get("sha256") == page.sha256
    extra = dict(doc.get("extra") or {})
    total = len(old.choices) + len(old.roles) + len(old.edits) + len(old.moves) + len(old.splits) + len(old.joined)
    common = dict(path=path, page_changed=not same, extra=extra, saved_at=doc.get("saved_at"))
    if same and _all_known(old, analysis):
        return SessionResult(decisions=old, restored=total, total=total, **common)

    lost: list[LostDecision] = []
    notes: list[str] = []
    inert = 0

    # splits first: they decide which pieces the other decisions refer to
    raw_matcher = _Matcher(analysis.blocks, page)
    splits: list[int] = []
    for offset in old.splits:
        fp = _lookup(fp_splits, str(offset))
        if same and any(b.start < offset < b.end for b in analysis.blocks):
            splits.append(offset)  # same raw text: a raw offset means what it meant
        elif same and not isinstance(fp, dict):
            lost.append(_lost("split", str(offset), None, _NOT_ON_PAGE))  # a cut outside every block
        elif fp is _INERT:
            inert += 1
        elif fp is _ABSENT:
            lost.append(_lost("split", str(offset), None, _NO_RECORD))
        else:
            block, exact, why = raw_matcher.find(fp["block"])
            k = _locate_cut(block, fp, exact) if block is not None else None
            new = block.text.raw_offset(k) if block is not None and k else None
            if new is None:
                lost.append(_lost("split", str(offset), fp["block"], why if block is None else
                                  ("the place of the cut is no longer in that text", "拆分处已不在该段文字中")))
                continue
            splits.append(new)
            if not exact:
                notes.append(f"line {page.line_of(new)}: a split was placed in text that changed; check it")

    cut = split_blocks_at(analysis.blocks, tuple(sorted(set(splits))))
    cut_ids = {b.id for b in cut}
    cut_matcher = _Matcher(cut, page)

    def block_id(bid: str):
        """``(new id, None)``, ``(_INERT, None)`` or ``(None, (fingerprint, why))``.

        On the same page an id saved as referring to nothing is kept as it is
        (redoing the split it needs brings it back): ``(bid, _INERT)``.
        """
        fp = _lookup(fp_blocks, bid)
        if same and bid in cut_ids:
            return bid, None
        if same and fp is _INERT:
            return bid, _INERT
        if same and fp is _ABSENT:
            return None, (None, _NOT_ON_PAGE)
        if fp is _INERT:
            return _INERT, None
        if fp is _ABSENT:
            return None, (None, _NO_RECORD)
        block, exact, why = cut_matcher.find(fp)
        if block is None:
            return None, (fp, why)
        if not exact:
            note = f"line {page.line_of(block.start)}: a decision was placed on text that changed; check it"
            if note not in notes:
                notes.append(note)
        return block.id, None

    roles = []
    for bid, role in old.roles:
        new, err = block_id(bid)
        if new is _INERT:
            inert += 1
        elif new is None:
            lost.append(_lost("role", bid, err[0], err[1], v=role))
        else:
            roles.append((new, role))
            inert += err is _INERT
    edits = []
    for key, value in old.edits:
        bid, suffix = _edit_block(key)
        new, err = block_id(bid)
        if new is _INERT:
            inert += 1
        elif new is None:
            lost.append(_lost("edit", key, err[0] or {"text": value[0]}, err[1]))
        else:
            edits.append((new + suffix, value))
            inert += err is _INERT
    moves = []
    for bid, before in old.moves:
        new, err = block_id(bid)
        new_before, err_before = block_id(before) if before else ("", None)
        if new_before is _INERT:
            new_before = ""  # "before nothing" moved the block to the page end, and still does
        if new is _INERT:
            inert += 1
        elif new is None or new_before is None:
            fp, why = err if isinstance(err, tuple) else err_before
            if not isinstance(err, tuple):
                fp = fp_blocks.get(bid) or fp
                why = (f"the block it was moved before is gone ({why[0]})", f"目标位置的段落已不在（{why[1]}）")
            lost.append(_lost("move", bid, fp, why))
        else:
            moves.append((new, new_before))
            inert += err is _INERT
    joined = []
    for bid in old.joined:
        new, err = block_id(bid)
        if new is _INERT:
            inert += 1
        elif new is None:
            lost.append(_lost("join", bid, err[0], err[1]))
        else:
            joined.append(new)
            inert += err is _INERT

    known = {s.id for s in analysis.suggestions}
    by_blocks: dict[tuple, list] = defaultdict(list)
    for s in analysis.suggestions:
        by_blocks[(s.kind, s.blocks)].append(s)
    choices = []
    for sid, accepted in old.choices:
        fp = _lookup(fp_sugg, sid)
        if same and (sid in known or fp is _INERT):
            choices.append((sid, accepted))
            inert += sid not in known
            continue
        if same and fp is _ABSENT:
            lost.append(_lost_choice(sid, sid.rsplit("-", 1)[0], None, accepted, (
                "kexie makes no such suggestion on this page", "此页没有这条建议")))
            continue
        if fp is _INERT:
            inert += 1
            continue
        if fp is _ABSENT:
            lost.append(_lost_choice(sid, sid.rsplit("-", 1)[0], None, accepted, _NO_RECORD))  # "<kind>-<hash>"
            continue
        new_ids, why = [], None
        for bfp in fp.get("blocks") or []:
            block, _, why_b = raw_matcher.find(bfp)
            if block is None:
                why = why_b
                break
            new_ids.append(block.id)
        found = by_blocks.get((fp.get("kind"), tuple(new_ids)), []) if why is None else []
        if len(found) > 1:
            found = [s for s in found if _relative_ranges(analysis, s) == fp.get("ranges")]
        if len(found) == 1:
            choices.append((found[0].id, accepted))
            continue
        if why is None:
            why = ("kexie no longer makes that suggestion there, so there is nothing to decide",
                   "该处已不再有这条建议")
        lost.append(_lost_choice(sid, fp.get("kind"), (fp.get("blocks") or [None])[0], accepted, why))

    if inert:
        notes.append(f"{inert} saved decision(s) that had no effect on the page were left out"
                     if not same else f"{inert} saved decision(s) have no effect on the page (kept as saved)")
    restored = Decisions(
        choices=tuple(sorted(dict(choices).items())),
        roles=tuple(sorted(dict(roles).items())),
        edits=tuple(sorted(dict(edits).items())),
        moves=tuple(moves),
        splits=tuple(sorted(set(splits))),
        joined=tuple(sorted(set(joined))),
    )
    return SessionResult(decisions=restored, restored=total - inert - len(lost), total=total - inert,
                         lost=tuple(lost), notes=tuple(notes), **common)


def _kind_label(kind) -> tuple[str, str]:
    from ..core import KIND_LABELS

    return KIND_LABELS.get(kind, (str(kind), str(kind)))


def _all_known(decisions: Decisions, analysis: Analysis) -> bool:
    """Every id the decisions use exists in ``analysis`` (always so unless the analyser changed)."""
    suggestions = {s.id for s in analysis.suggestions}
    if any(sid not in suggestions for sid, _ in decisions.choices):
        return False
    ids = {b.id for b in split_blocks_at(analysis.blocks, decisions.splits)}
    used = [bid for bid, _ in decisions.roles] + [_edit_block(k)[0] for k, _ in decisions.edits]
    used += [bid for move in decisions.moves for bid in move if bid]
    used += list(decisions.joined)
    return all(bid in ids for bid in used)
