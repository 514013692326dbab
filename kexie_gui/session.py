"""Sessions: an editor's decisions about one page, saved beside it and restored even after the page changed.

    path = save_session("PAGE.txt", page, decisions, analysis=analysis, extra={"status": "review"})
    result = load_session("PAGE.txt", page, analysis)   # result.decisions, result.lost, result.summary()

A session file ``PAGE.txt.kexie.json`` (named after the page's whole file
name, so ``page.txt``, ``page.TXT`` and ``page.md`` never share one) sits
beside the page, or in a project folder, or -- when the page's folder is
read-only -- in the user data folder under a name keyed by a hash of the
page's absolute path.  Files of the old naming (``PAGE.kexie.json``) are still
found, when they record this page's file name, and the next save migrates
them.  It holds the decisions
(:meth:`Decisions.to_dict`) and, for re-anchoring, a content *fingerprint*
of everything they refer to:

- a block id (roles, edits, moves): the block's text, and which copy of that
  text it is when the page prints the same text more than once;
- a suggestion id (choices): its kind and the fingerprints of its blocks;
- a split: the fingerprint of the block it cuts and where in its text.

Block ids are raw offsets (``b<offset>``) and suggestion ids hash raw
ranges, so any change to the raw file -- one blank line added at the top --
moves every id.  When the page's sha256 still matches, the decisions come
back as they are; otherwise each one is re-anchored by content (same text
first, then a unique best match with rapidfuzz ratio >= 90) and whatever
cannot be placed is listed in :attr:`SessionResult.lost` with a message for
the editor.  Session files are parsed strictly: anything kexie does not
write (``"false"`` for a choice, ``1.5`` for a split, NaN, 5000-digit numbers,
deep nesting) makes a :class:`SessionError`, never another exception.
Loading never writes: the old session file stays untouched,
and the next save keeps a copy (``PAGE.kexie.json.bak-<time>``) before it
replaces a session written for other page contents or one it cannot read.

Nothing here imports Qt; writes go through :mod:`kexie_gui.fileio`.
"""
from __future__ import annotations

import datetime
import errno
import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import APP_NAME, __version__
from .core.apply import split_blocks_at
from .core.load import MAX_BYTES, KexieError
from .core.model import EDITABLE_ROLES, Analysis, Block, Decisions, Page
from .core.text import short as _short
from .fileio import ExportError, atomic_write_bytes, atomic_write_text, stamped_sibling, temp_files_for

__all__ = [
    "FORMAT", "VERSION", "SESSION_SUFFIX", "SIMILARITY", "SessionError", "SessionResult", "LostDecision",
    "data_dir", "session_path_for", "session_candidates", "legacy_session_files", "save_session", "load_session",
    "session_document", "fingerprints", "parse_session", "read_session_file", "restore_decisions",
]

FORMAT = "kexie-session"
VERSION = 1
SESSION_SUFFIX = ".kexie.json"
SIMILARITY = 90  # rapidfuzz ratio a changed block must reach to keep its decisions
STALE_TEMP_SECONDS = 60  # a save's temp file older than this was left by a killed process
_CONTEXT = 12  # characters kept on each side of a split to find it again in a changed block


class SessionError(KexieError):
    """A session file cannot be read or written; the message names it and says why.

    ``why`` is the reason alone (``"nested too deeply"``) when the file is damaged.
    """

    def __init__(self, message: str, why: str | None = None):
        super().__init__(message)
        self.why = why


# ---------------------------------------------------------------- where sessions live

def data_dir() -> Path:
    """The per-user data folder (``KEXIE_DATA_DIR`` overrides it, for tests and portable installs)."""
    env = os.environ.get("KEXIE_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _folder_writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _session_name(page_path: Path) -> str:
    return page_path.name + SESSION_SUFFIX


def _legacy_name(page_path: Path) -> str:
    """The name sessions had before they were named after the whole file name (``PAGE.kexie.json``)."""
    return page_path.stem + SESSION_SUFFIX


def _path_key(page_path: Path) -> str:
    return hashlib.sha256(str(page_path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _fallback_path(page_path: Path) -> Path:
    return data_dir() / "sessions" / f"{page_path.name}-{_path_key(page_path)}{SESSION_SUFFIX}"


def session_path_for(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> Path:
    """Where the session of ``page_path`` is saved.

    ``project_dir/PAGE.txt.kexie.json`` when a project folder is given, else
    ``PAGE.txt.kexie.json`` beside the page; when the page's folder is not
    writable, a file in the user data folder keyed by the page's absolute path.
    """
    page_path = Path(page_path)
    if project_dir is not None:
        return Path(project_dir) / _session_name(page_path)
    if _folder_writable(page_path.absolute().parent):
        return page_path.with_name(_session_name(page_path))
    return _fallback_path(page_path)


def _recorded_name(path: Path) -> str | None:
    """The page file name an old session file records (None when it records none or cannot be read)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        doc = _strict_json(path.read_bytes(), str(path))
    except (OSError, SessionError):
        return None
    page = doc.get("page") if isinstance(doc, dict) else None
    source = page.get("source") if isinstance(page, dict) else None
    return os.path.basename(source) if isinstance(source, str) else None


def legacy_session_files(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> list[Path]:
    """Session files of the old naming that belong to ``page_path``.

    ``page.kexie.json`` could be the session of ``page.txt``, ``page.TXT`` or
    ``page.md``: it is this page's only when it records this page's file name
    (one that records none, or cannot be read, is taken as ``page.txt``'s, the
    only page kexie opened then).  The user-data copy is keyed by the page's
    absolute path, so it is this page's.
    """
    page_path = Path(page_path)
    folder = Path(project_dir) if project_dir is not None else page_path.parent
    out = []
    beside = folder / _legacy_name(page_path)
    if beside != folder / _session_name(page_path) and beside.is_file():
        recorded = _recorded_name(beside)
        if recorded == page_path.name or (recorded is None and page_path.suffix == ".txt"):
            out.append(beside)
    if project_dir is None:
        old = data_dir() / "sessions" / f"{page_path.stem}-{_path_key(page_path)}{SESSION_SUFFIX}"
        if old.is_file() and old != _fallback_path(page_path):
            out.append(old)
    return out


def session_candidates(page_path: str | os.PathLike, project_dir: str | os.PathLike | None = None) -> list[Path]:
    """Existing session files of ``page_path``, the most recently written first.

    Beside the page and in the user data folder both count: a page whose
    folder was read-only yesterday may be writable today.  Files of the old
    naming count only when the page has none of the new one.
    """
    page_path = Path(page_path)
    if project_dir is not None:
        places = [Path(project_dir) / _session_name(page_path)]
    else:
        places = [page_path.with_name(_session_name(page_path)), _fallback_path(page_path)]

    def newest_first(paths) -> list[Path]:
        found = []
        for p in paths:
            try:
                found.append((p.stat().st_mtime, p))
            except OSError:
                continue
        return [p for _, p in sorted(found, key=lambda t: -t[0])]

    return newest_first(places) or newest_first(legacy_session_files(page_path, project_dir))


# ---------------------------------------------------------------- fingerprints

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


# ---------------------------------------------------------------- saving

def _keep_old(target: Path, sha256: str) -> Path | None:
    """Copy a session written for other page contents (or unreadable) aside before replacing it.

    Copy, not rename: if the new write then fails, the old file is still where it was.
    """
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SessionError(f"{target}: cannot read the old session file to keep a copy "
                           f"({exc.strerror or exc}); nothing was saved") from None
    try:
        if parse_session(data, str(target))["page"]["sha256"] == sha256:
            return None
    except SessionError:
        pass
    backup = stamped_sibling(target, "bak")
    atomic_write_bytes(backup, data)
    return backup


def _sweep_stale_temps(target: Path) -> None:
    """Remove temp files a killed save left beside ``target`` (fileio names them ``.NAME.xxxx.tmp``)."""
    now = time.time()
    for p in temp_files_for(target):
        try:
            if now - p.stat().st_mtime > STALE_TEMP_SECONDS:
                p.unlink()
        except OSError:
            continue


def _write(target: Path, doc: Mapping, sha256: str) -> None:
    _keep_old(target, sha256)
    atomic_write_text(target, _encode(doc), force=True)
    _sweep_stale_temps(target)


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(f"{folder}: cannot create the session folder ({exc.strerror or exc})") from None


def _save_error(exc: ExportError) -> str:
    return str(exc).replace("cannot write the file", "cannot save the session")


_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS)


def save_session(path_of_page: str | os.PathLike, page: Page, decisions: Decisions, *,
                 extra: Mapping | None = None, analysis: Analysis | None = None,
                 project_dir: str | os.PathLike | None = None) -> Path:
    """Write the session of ``page`` atomically (see :func:`session_path_for`); returns its path.

    Pass the ``analysis`` the window already has; without it the page is
    analysed again to fingerprint the decisions.  A session file saved for
    other page contents, or one that cannot be read, is first copied to
    ``NAME.bak-<time>``.  When the page's folder refuses the write although it
    looked writable (network shares, ACLs), the session goes to the user data
    folder instead.  Raises :class:`SessionError` with a one-line message
    (disk full...); the old session file is then intact.
    """
    if analysis is None:
        from .core import analyse

        analysis = analyse(page)
    doc = session_document(path_of_page, page, decisions, analysis, extra)
    page_folder = Path(path_of_page).absolute().parent
    target = session_path_for(path_of_page, project_dir)
    if target.absolute().parent != page_folder:
        _mkdir(target.parent)
    legacy = legacy_session_files(path_of_page, project_dir)
    try:
        _write(target, doc, page.sha256)
        _retire(legacy)
        return target
    except ExportError as exc:
        if (project_dir is not None or target.absolute().parent != page_folder
                or exc.errno not in _REFUSED):
            raise SessionError(_save_error(exc)) from None
        first = _save_error(exc)
    fallback = _fallback_path(Path(path_of_page))
    _mkdir(fallback.parent)
    try:
        _write(fallback, doc, page.sha256)
    except ExportError as exc:
        raise SessionError(f"{first}; saving to {fallback} instead failed too "
                           f"({str(exc).rsplit(': ', 1)[-1]})") from None
    _retire(legacy)
    return fallback


def _retire(legacy: list[Path]) -> None:
    """A session of the old naming was saved again under the new one: the old file is done with."""
    for old in legacy:
        try:
            old.unlink()
        except OSError:
            pass  # it stays, and stays unused: a file of the new name is always preferred


# ---------------------------------------------------------------- restoring

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


def _relative_ranges(analysis: Analysis, s) -> list[list[int]]:
    start = analysis.block(s.blocks[0]).start if s.blocks else 0
    return [[a - start, b - start] for a, b in s.ranges]


def _kind_label(kind) -> tuple[str, str]:
    from .core import KIND_LABELS

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


def load_session(page_path: str | os.PathLike, page: Page, analysis: Analysis, *,
                 project_dir: str | os.PathLike | None = None,
                 path: str | os.PathLike | None = None) -> SessionResult:
    """The saved decisions of ``page`` (read from ``path``, or found by :func:`session_candidates`).

    No session: empty decisions and ``result.found`` False.  A damaged or
    unknown session file raises :class:`SessionError`; the caller opens the
    page without it (the file is never changed here).
    """
    if path is None:
        found = session_candidates(page_path, project_dir)
        if not found:
            return SessionResult(decisions=Decisions())
        path = found[0]
    path = Path(path)
    doc = read_session_file(path)
    try:
        return restore_decisions(doc, page, analysis, path)
    except SessionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a session that passes the checks yet cannot be placed: open without it
        raise SessionError(f"{path}: the saved decisions cannot be placed on this page ({type(exc).__name__}: "
                           f"{exc}); the page opens without them and the file is kept as it is") from None
