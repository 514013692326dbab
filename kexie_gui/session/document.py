"""The session document: its format, the fingerprints it keeps, writing it, reading it strictly, migrating it.

Format 2 names blocks and suggestions by content ids (:mod:`kexie_gui.core.ids`);
format 1 named them by raw offsets (``b<offset>``) and hashes of raw ranges.
:func:`upgrade` carries a format-1 document over.  Nothing here touches the disk
but :func:`read_session_file`.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.apply import split_blocks_at
from ..core.ids import normalised
from ..core.load import MAX_BYTES, KexieError
from ..core.model import EDITABLE_ROLES, Analysis, Block, Decisions, Page, Suggestion
from ..core.text import short as _short

FORMAT = "kexie-session"
VERSION = 2  # 2: content ids; 1: offset ids (read and upgraded)
_CONTEXT = 12  # characters kept on each side of a split, and of each neighbour, to find it again


class SessionError(KexieError):
    """A session file cannot be read or written; the message names it and says why.

    ``why`` is the reason alone (``"nested too deeply"``) when the file is damaged.
    """

    def __init__(self, message: str, why: str | None = None):
        super().__init__(message)
        self.why = why


# ---------------------------------------------------------------- fingerprints

def _edit_block(key: str) -> tuple[str, str]:
    """``"b-1f2e3d4c5b:title"`` -> ``("b-1f2e3d4c5b", ":title")``; a paragraph key has no suffix."""
    bid, colon, part = key.partition(":")
    return bid, (colon + part)


def referenced_blocks(decisions: Decisions) -> list[str]:
    """Every block id the decisions name (roles, edits, moves, joins), in that order."""
    ids = [bid for bid, _ in decisions.roles] + [_edit_block(k)[0] for k, _ in decisions.edits]
    ids += [bid for move in decisions.moves for bid in move if bid]
    return ids + list(decisions.joined)


class Blocks:
    """A page's blocks (raw, or cut by splits) with what a fingerprint needs: copies, neighbours, places.

    Texts are compared normalised (:func:`~kexie_gui.core.ids.normalised`), as ids are made.
    """

    def __init__(self, blocks: Iterable[Block]):
        self.list: list[Block] = list(blocks)
        self.pos = {b.id: i for i, b in enumerate(self.list)}
        self.texts = [normalised(str(b.text)) for b in self.list]
        self.copies: dict[str, tuple[int, int]] = {}  # id -> (which copy of its text, how many copies)
        seen: dict[str, list[str]] = defaultdict(list)
        for b, text in zip(self.list, self.texts, strict=True):
            seen[text].append(b.id)
        for ids in seen.values():
            self.copies.update((bid, (n, len(ids))) for n, bid in enumerate(ids))

    def neighbours(self, block: Block) -> tuple[str, str]:
        """The normalised texts of the blocks before and after (they tell copies apart); "" at the page ends."""
        i = self.pos[block.id]
        return (self.texts[i - 1] if i > 0 else "", self.texts[i + 1] if i + 1 < len(self.list) else "")

    def print(self, block: Block) -> dict:
        nth, of = self.copies[block.id]
        prev, nxt = self.neighbours(block)
        return {"id": block.id, "text": str(block.text), "nth": nth, "of": of, "index": self.pos[block.id],
                "prev": prev[-_CONTEXT:], "next": nxt[:_CONTEXT], "line": block.line_start}


def _split_print(blocks: Blocks, offset: int) -> dict | None:
    for b in blocks.list:
        if b.start < offset < b.end:
            k = next((i for i in range(len(b.text)) if b.text.raw_offset(i) == offset), None)
            if not k:
                return None
            text = str(b.text)
            return {"block": blocks.print(b), "at": k,
                    "left": text[max(0, k - _CONTEXT):k], "right": text[k:k + _CONTEXT]}
    return None


def suggestion_print(analysis: Analysis, raw: Blocks, s: Suggestion) -> dict:
    """What a session keeps of a suggestion: its kind and its blocks (no payload: it is made again)."""
    return {"kind": s.kind, "blocks": [raw.print(analysis.block(b)) for b in s.blocks],
            "ranges": relative_ranges(analysis, s)}  # relative to its first block: they survive a shift


def fingerprints(analysis: Analysis, decisions: Decisions) -> dict:
    """Content fingerprints of every block, suggestion and split ``decisions`` refer to.

    null marks a reference to nothing (a piece whose split was undone...): it had no effect.
    """
    raw = Blocks(analysis.blocks)
    cut = Blocks(split_blocks_at(analysis.blocks, decisions.splits))
    blocks = {bid: cut.print(cut.list[cut.pos[bid]]) if bid in cut.pos else None
              for bid in referenced_blocks(decisions)}
    by_id = {s.id: s for s in analysis.suggestions}
    suggestions = {sid: suggestion_print(analysis, raw, by_id[sid]) if sid in by_id else None
                   for sid, _ in decisions.choices}
    splits = {str(o): _split_print(raw, o) for o in decisions.splits}
    return {"blocks": blocks, "suggestions": suggestions, "splits": splits}


def relative_ranges(analysis: Analysis, s: Suggestion) -> list[list[int]]:
    start = analysis.block(s.blocks[0]).start if s.blocks else 0
    return [[a - start, b - start] for a, b in s.ranges]


# ---------------------------------------------------------------- the document

def _now() -> tuple[float, str]:
    t = time.time()
    return t, datetime.datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def session_document(page_path: str | os.PathLike | None, page: Page | None, decisions: Decisions,
                     analysis: Analysis | None, extra: Mapping | None = None, *, sha256: str | None = None) -> dict:
    """The JSON-ready session of ``page`` (also the body of an autosave).

    Without ``analysis`` the document holds no fingerprints: its decisions
    then come back where their ids still name the same text, and what
    changed is lost.  ``page`` may be None when ``sha256`` names the contents.
    """
    if page is None and analysis is not None:
        page = analysis.page
    sha = page.sha256 if page is not None else sha256
    if not sha or (sha256 and sha256 != sha) or (analysis is not None and analysis.page.sha256 != sha):
        raise ValueError("the page, its sha256 and its analysis disagree")
    stamp, text = _now()
    extra = dict(extra or {})
    json.dumps(extra)  # fail here, not half-way through a write, when extra is not JSON
    return {
        "format": FORMAT,
        "version": VERSION,
        "kexie": __version__,
        "saved_at": stamp,
        "saved_at_text": text,
        "page": _page_record(page_path, page, sha),
        "status": extra.get("status"),
        "extra": extra,
        "decisions": decisions.to_dict(),
        "anchors": fingerprints(analysis, decisions) if analysis is not None else {},
    }


def _page_record(page_path: str | os.PathLike | None, page: Page | None, sha: str) -> dict:
    size = None
    if page_path is not None:
        try:
            size = Path(page_path).stat().st_size
        except OSError:
            size = None
    source = page.source if page is not None else str(page_path or "")
    return {
        "source": os.path.basename(source) or source,
        "path": None if page_path is None else str(Path(page_path).absolute()),
        "sha256": sha,
        "size": size,
        "chars": None if page is None else len(page.text),
        "encoding": None if page is None else page.encoding,
    }


def _encode(doc: Mapping) -> str:
    """One top-level key per line: readable in a diff, and fast (``indent`` would use the slow encoder)."""
    items = (f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in doc.items())
    return "{\n" + ",\n".join(items) + "\n}\n"


def _damaged(name: str, why: str) -> SessionError:
    return SessionError(f"{name}: the session file is damaged ({why}); the page opens without its "
                        f"saved decisions and the file is kept as it is", why)


class _Refused(ValueError):
    """A JSON value kexie never writes (NaN, Infinity, a number too large for a float)."""


def _no_constant(name: str):
    raise _Refused(f"{name} is not a number kexie writes")


def _finite_float(text: str) -> float:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise _Refused(f"the number {text[:20]}{'…' if len(text) > 20 else ''} is too large")
    return value


def _strict_json(data: bytes, name: str):
    """JSON as kexie writes it; anything else is a :class:`SessionError` (never RecursionError, OverflowError…)."""
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite_float)
    except UnicodeDecodeError:
        raise _damaged(name, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _damaged(name, f"not valid JSON at line {exc.lineno}") from None
    except RecursionError:
        raise _damaged(name, "nested too deeply") from None
    except _Refused as exc:
        raise _damaged(name, str(exc)) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise _damaged(name, str(exc).split(";")[0].split(":")[0].lower() or "a value kexie does not write") \
            from None


_TABLES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "choices": (lambda v: isinstance(v, bool), "an accept/reject choice must be true or false"),
    "roles": (lambda v: v in EDITABLE_ROLES, f"a role must be one of {', '.join(EDITABLE_ROLES)}"),
    "edits": (lambda v: isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v),
              "an edit must be a pair of texts [old, new]"),
}
MAX_SPLIT = 2**40  # no page has more characters than this


def _decisions_problem(data) -> str | None:
    """Why ``data`` is not the ``decisions`` object kexie writes, or None (strict: no coercion)."""
    if not isinstance(data, dict):
        return "'decisions' is not a JSON object"
    for key, (ok, why) in _TABLES.items():
        table = data.get(key, {})
        if not isinstance(table, dict):
            return f"decisions.{key} is not a JSON object"
        bad = next((k for k, v in table.items() if not ok(v)), None)
        if bad is not None:
            return f"decisions.{key}.{_short(bad)}: {why}"
    return _lists_problem(data)


def _lists_problem(data: dict) -> str | None:
    moves = data.get("moves", [])
    if not isinstance(moves, list) or not all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m) for m in moves):
        return "decisions.moves must be a list of [block, before block] pairs"
    splits = data.get("splits", [])
    if not isinstance(splits, list) or not all(_is_int(o) and 0 <= o <= MAX_SPLIT for o in splits):
        return "decisions.splits must be a list of whole character positions"
    return None


def parse_session(data: bytes, name: str) -> dict:
    """Check and decode the bytes of a session file (format 1 or 2); raises :class:`SessionError` only."""
    doc = _strict_json(data, name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError(f"{name}: this is not a kexie session file; the page opens without it and the file "
                           f"is kept as it is")
    _check_version(doc.get("version"), name)
    _check_page(doc, name)
    _check_decisions(doc, name)
    _check_anchors(doc.get("anchors") or {}, name)
    return doc


def _check_version(version, name: str) -> None:
    if not _is_int(version) or version < 1:
        raise _damaged(name, f"unknown format version {_short(repr(version), 20)}")
    if version > VERSION:
        raise SessionError(f"{name}: the session was saved by a newer kexie (session format {version}, "
                           f"this kexie reads up to {VERSION}); update kexie to open it. The file is kept as it is")


def _check_page(doc: dict, name: str) -> None:
    page = doc.get("page")
    if not isinstance(page, dict) or not isinstance(page.get("sha256"), str):
        raise _damaged(name, "the page record is missing")
    for key in ("source", "path"):
        if page.get(key) is not None and not isinstance(page.get(key), str):
            raise _damaged(name, f"page.{key} is not a text")
    saved_at = doc.get("saved_at")
    if saved_at is not None and (not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool)):
        raise _damaged(name, "saved_at is not a time")
    for key in ("decisions", "anchors", "extra"):
        if not isinstance(doc.get(key, {}), dict):
            raise _damaged(name, f"{key!r} is not a JSON object")


def _check_decisions(doc: dict, name: str) -> None:
    problem = _decisions_problem(doc.get("decisions", {}))
    if problem is not None:
        raise _damaged(name, f"the decisions cannot be read: {problem}")
    try:
        Decisions.from_dict(doc.get("decisions") or {})
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, OverflowError) as exc:
        raise _damaged(name, f"the decisions cannot be read: {exc}") from None


def _check_anchors(anchors: dict, name: str) -> None:
    checks = {"blocks": _valid_block_print, "suggestions": _valid_suggestion_print, "splits": _valid_split_print}
    for key, check in checks.items():
        table = anchors.get(key, {})
        if not isinstance(table, dict):
            raise _damaged(name, f"anchors.{key} is not a JSON object")
        bad = next((k for k, fp in table.items() if fp is not None and not check(fp)), None)
        if bad is not None:
            raise _damaged(name, f"the fingerprint anchors.{key}.{_short(bad)} is not one kexie writes")


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _valid_block_print(fp) -> bool:
    return (isinstance(fp, dict) and isinstance(fp.get("text"), str) and isinstance(fp.get("id", ""), str)
            and _is_int(fp.get("nth"))
            and _is_int(fp.get("of")) and 0 <= fp["nth"] < fp["of"] and _is_int(fp.get("index", 0))
            and isinstance(fp.get("prev", ""), str) and isinstance(fp.get("next", ""), str)
            and (fp.get("line") is None or _is_int(fp.get("line"))))


def _valid_suggestion_print(fp) -> bool:
    return (isinstance(fp, dict) and isinstance(fp.get("kind"), str) and isinstance(fp.get("blocks"), list)
            and all(_valid_block_print(b) for b in fp["blocks"]))


def _valid_split_print(fp) -> bool:
    return (isinstance(fp, dict) and _valid_block_print(fp.get("block")) and _is_int(fp.get("at"))
            and isinstance(fp.get("left", ""), str) and isinstance(fp.get("right", ""), str))


def read_session_file(path: str | os.PathLike) -> dict:
    """Read and check a session file; every failure is a :class:`SessionError` naming it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SessionError(f"{path}: the session file is too large to be one of ours; it is kept as it is")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{path}: no such session file") from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read the session file ({exc.strerror or exc})") from None
    return parse_session(data, str(path))


# ---------------------------------------------------------------- format 1

def upgrade(doc: Mapping, page: Page, analysis: Analysis) -> Mapping:
    """A checked document in the terms of the current format (a format-2 document comes back as it is).

    Format 1 named a block by its raw offset (``b<offset>``) and a suggestion
    by a hash of its raw ranges and block ids.  On the page contents it was
    saved for, both are computed again for every block and suggestion of
    ``analysis`` and translated to their content ids, so every decision comes
    back exactly.  On changed contents the old ids are left as they are: they
    name nothing, and restoring places each decision by its fingerprint, as
    format 1 did.
    """
    if doc.get("version") != 1 or (doc.get("page") or {}).get("sha256") != page.sha256:
        return doc
    old = Decisions.from_dict(doc.get("decisions") or {})
    names = _format1_names(analysis, old.splits)

    def name(old_id: str) -> str:
        return names.get(old_id, old_id)  # one that named nothing still names nothing

    anchors = dict(doc.get("anchors") or {})
    for table in ("blocks", "suggestions"):
        anchors[table] = {name(k): v for k, v in (anchors.get(table) or {}).items()}
    return {**doc, "version": VERSION, "decisions": _renamed(old, name).to_dict(), "anchors": anchors}


def _format1_names(analysis: Analysis, splits: tuple[int, ...]) -> dict[str, str]:
    """Format-1 id -> content id, for every block, piece and suggestion of ``analysis``."""
    names = {f"b{b.start}": b.id for b in split_blocks_at(analysis.blocks, splits)}
    for s in analysis.suggestions:
        parts = (s.ranges, tuple(f"b{analysis.block(b).start}" for b in s.blocks))
        digest = hashlib.blake2s(repr(parts).encode("utf-8"), digest_size=5).hexdigest()
        names[f"{s.kind}-{digest}"] = s.id  # as format 1's stable_id(kind, ranges, block ids) made it
    return names


def _renamed(d: Decisions, name: Callable[[str], str]) -> Decisions:
    def key(edit_key: str) -> str:
        bid, suffix = _edit_block(edit_key)
        return name(bid) + suffix

    return Decisions(
        choices=tuple(sorted((name(k), v) for k, v in d.choices)),
        roles=tuple(sorted((name(k), v) for k, v in d.roles)),
        edits=tuple(sorted((key(k), v) for k, v in d.edits)),
        moves=tuple((name(a), name(b) if b else b) for a, b in d.moves),
        splits=d.splits,
        joined=tuple(sorted(name(b) for b in d.joined)),
    )
