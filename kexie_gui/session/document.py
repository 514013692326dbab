"""The session document: its format, the content fingerprints it keeps, writing it and reading it strictly.

Nothing here touches the disk but :func:`read_session_file`.
"""
from __future__ import annotations

import datetime
import json
import os
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from .. import __version__
from ..core.apply import split_blocks_at
from ..core.load import MAX_BYTES, KexieError
from ..core.model import EDITABLE_ROLES, Analysis, Block, Decisions, Page

FORMAT = "kexie-session"
VERSION = 1
_CONTEXT = 12  # characters kept on each side of a split to find it again in a changed block


class SessionError(KexieError):
    """A session file cannot be read or written; the message names it and says why.

    ``why`` is the reason alone (``"nested too deeply"``) when the file is damaged.
    """

    def __init__(self, message: str, why: str | None = None):
        super().__init__(message)
        self.why = why


# ---------------------------------------------------------------- fingerprints

def _short(text: str, n: int = 16) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n] + "…"


def _edit_block(key: str) -> tuple[str, str]:
    """``"b12:title"`` -> ``("b12", ":title")``; a paragraph key has no suffix."""
    bid, colon, part = key.partition(":")
    return bid, (colon + part)


def _copies(blocks) -> dict[str, tuple[int, int]]:
    """Block id -> (which copy of its text it is, how many copies the page holds)."""
    seen: dict[str, list[str]] = defaultdict(list)
    for b in blocks:
        seen[str(b.text)].append(b.id)
    out = {}
    for ids in seen.values():
        for n, bid in enumerate(ids):
            out[bid] = (n, len(ids))
    return out


class _Blocks:
    """A list of blocks with what a fingerprint needs: copies of each text, neighbours, positions."""

    def __init__(self, blocks, page: Page):
        self.list = list(blocks)
        self.page = page
        self.pos = {b.id: i for i, b in enumerate(self.list)}
        self.copies = _copies(self.list)
        self._ends: list[tuple[str, str]] | None = None

    def context(self, block: Block) -> tuple[str, str]:
        """The end of the block before and the start of the block after (they tell copies apart)."""
        if self._ends is None:
            self._ends = [(str.__getitem__(b.text, slice(-_CONTEXT, None)), str.__getitem__(b.text, slice(_CONTEXT)))
                          for b in self.list]
        i = self.pos[block.id]
        return (self._ends[i - 1][0] if i > 0 else "",
                self._ends[i + 1][1] if i + 1 < len(self.list) else "")

    def print(self, block: Block) -> dict:
        nth, of = self.copies[block.id]
        prev, nxt = self.context(block)
        return {"text": str(block.text), "nth": nth, "of": of, "index": self.pos[block.id], "prev": prev,
                "next": nxt, "line": block.line_start}


def _split_print(blocks: _Blocks, offset: int) -> dict | None:
    for b in blocks.list:
        if b.start < offset < b.end:
            k = next((i for i in range(len(b.text)) if b.text.raw_offset(i) == offset), None)
            if not k:
                return None
            text = str(b.text)
            return {"block": blocks.print(b), "at": k,
                    "left": text[max(0, k - _CONTEXT):k], "right": text[k:k + _CONTEXT]}
    return None


def fingerprints(analysis: Analysis, decisions: Decisions) -> dict:
    """Content fingerprints of every block, suggestion and split ``decisions`` refer to."""
    raw = _Blocks(analysis.blocks, analysis.page)
    cut = _Blocks(split_blocks_at(analysis.blocks, decisions.splits), analysis.page)
    cut_by_id = {b.id: b for b in cut.list}

    referenced = [bid for bid, _ in decisions.roles] + [_edit_block(k)[0] for k, _ in decisions.edits]
    referenced += [bid for move in decisions.moves for bid in move if bid]
    referenced += list(decisions.joined)
    # null marks a reference to nothing (a piece whose split was undone...): it had no effect
    blocks = {bid: cut.print(cut_by_id[bid]) if bid in cut_by_id else None for bid in referenced}

    suggestions = {}
    by_id = {s.id: s for s in analysis.suggestions}
    for sid, _ in decisions.choices:
        s = by_id.get(sid)
        if s is None:
            suggestions[sid] = None
            continue
        suggestions[sid] = {
            "kind": s.kind,
            "blocks": [raw.print(analysis.block(b)) for b in s.blocks],
            "ranges": _relative_ranges(analysis, s),  # relative to its first block: they survive a shift
        }
    splits = {str(o): _split_print(raw, o) for o in decisions.splits}
    return {"blocks": blocks, "suggestions": suggestions, "splits": splits}


def _relative_ranges(analysis: Analysis, s) -> list[list[int]]:
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
    can then be restored onto the same page contents only.  ``page`` may be
    None when ``sha256`` names the contents.
    """
    if page is None and analysis is not None:
        page = analysis.page
    sha = page.sha256 if page is not None else sha256
    if not sha or (sha256 and sha256 != sha) or (analysis is not None and analysis.page.sha256 != sha):
        raise ValueError("the page, its sha256 and its analysis disagree")
    size = None
    if page_path is not None:
        try:
            size = Path(page_path).stat().st_size
        except OSError:
            size = None
    stamp, text = _now()
    extra = dict(extra or {})
    json.dumps(extra)  # fail here, not half-way through a write, when extra is not JSON
    source = page.source if page is not None else str(page_path or "")
    return {
        "format": FORMAT,
        "version": VERSION,
        "kexie": __version__,
        "saved_at": stamp,
        "saved_at_text": text,
        "page": {
            "source": os.path.basename(source) or source,
            "path": None if page_path is None else str(Path(page_path).absolute()),
            "sha256": sha,
            "size": size,
            "chars": None if page is None else len(page.text),
            "encoding": None if page is None else page.encoding,
        },
        "status": extra.get("status"),
        "extra": extra,
        "decisions": decisions.to_dict(),
        "anchors": fingerprints(analysis, decisions) if analysis is not None else {},
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


def _decisions_problem(data) -> str | None:
    """Why ``data`` is not the ``decisions`` object kexie writes, or None (strict: no coercion)."""
    if not isinstance(data, dict):
        return "'decisions' is not a JSON object"
    checks = {
        "choices": (dict, lambda k, v: isinstance(v, bool), "an accept/reject choice must be true or false"),
        "roles": (dict, lambda k, v: v in EDITABLE_ROLES, f"a role must be one of {', '.join(EDITABLE_ROLES)}"),
        "edits": (dict, lambda k, v: isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v),
                  "an edit must be a pair of texts [old, new]"),
    }
    for key, (kind, ok, why) in checks.items():
        table = data.get(key, {})
        if not isinstance(table, kind):
            return f"decisions.{key} is not a JSON object"
        bad = next((k for k, v in table.items() if not ok(k, v)), None)
        if bad is not None:
            return f"decisions.{key}.{_short(bad)}: {why}"
    moves = data.get("moves", [])
    if not isinstance(moves, list) or not all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m) for m in moves):
        return "decisions.moves must be a list of [block, before block] pairs"
    splits = data.get("splits", [])
    if not isinstance(splits, list) or not all(_is_int(o) and 0 <= o <= MAX_SPLIT for o in splits):
        return "decisions.splits must be a list of whole character positions"
    return None


MAX_SPLIT = 2**40  # no page has more characters than this


def parse_session(data: bytes, name: str) -> dict:
    """Check and decode the bytes of a session file; raises :class:`SessionError` (and nothing else)."""
    doc = _strict_json(data, name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError(f"{name}: this is not a kexie session file; the page opens without it and the file "
                           f"is kept as it is")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged(name, f"unknown format version {_short(repr(version), 20)}")
    if version > VERSION:
        raise SessionError(f"{name}: the session was saved by a newer kexie (session format {version}, "
                           f"this kexie reads up to {VERSION}); update kexie to open it. The file is kept as it is")
    page = doc.get("page")
    if not isinstance(page, dict) or not isinstance(page.get("sha256"), str):
        raise _damaged(name, "the page record is missing")
    for key in ("source", "path"):
        if page.get(key) is not None and not isinstance(page.get(key), str):
            raise _damaged(name, f"page.{key} is not a text")
    saved_at = doc.get("saved_at")
    if saved_at is not None and (not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool)):
        raise _damaged(name, "saved_at is not a time")
    for key, kind in (("decisions", dict), ("anchors", dict), ("extra", dict)):
        if not isinstance(doc.get(key, {}), kind):
            raise _damaged(name, f"{key!r} is not a JSON object")
    problem = _decisions_problem(doc.get("decisions", {}))
    if problem is not None:
        raise _damaged(name, f"the decisions cannot be read: {problem}")
    try:
        Decisions.from_dict(doc.get("decisions") or {})
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, OverflowError) as exc:
        raise _damaged(name, f"the decisions cannot be read: {exc}") from None
    anchors = doc.get("anchors") or {}
    for key in ("blocks", "suggestions", "splits"):
        table = anchors.get(key, {})
        if not isinstance(table, dict):
            raise _damaged(name, f"anchors.{key} is not a JSON object")
        check = {"blocks": _valid_block_print, "suggestions": _valid_suggestion_print,
                 "splits": _valid_split_print}[key]
        bad = next((k for k, fp in table.items() if fp is not None and not check(fp)), None)
        if bad is not None:
            raise _damaged(name, f"the fingerprint anchors.{key}.{_short(bad)} is not one kexie writes")
    return doc


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _valid_block_print(fp) -> bool:
    return (isinstance(fp, dict) and isinstance(fp.get("text"), str) and _is_int(fp.get("nth"))
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
