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
(:meth:`Decisions.to_dict`) and, for re-anchoring what changed, a content
*fingerprint* of everything they refer to:

- a block id (roles, edits, moves): the block's text, and which copy of that
  text it is when the page prints the same text more than once;
- a suggestion id (choices): its kind and the fingerprints of its blocks;
- a split: the fingerprint of the block it cuts and where in its text.

Ids are made of content (format 2, :mod:`kexie_gui.core.ids`): kind,
normalised text and which copy of it, so a line added above, CRLF or other
spacing leaves them as they were.  An id the page still has (with as many
copies of its text as before) keeps its decisions as they are; splits, which
are raw offsets, are placed again at the same place of the same block; only
what changed is re-anchored by content (same text first, then a unique best
match with rapidfuzz ratio >= 90), and whatever cannot be placed is listed in
:attr:`SessionResult.lost` with a message for the editor.  A format-1 session
(ids were raw offsets, ``b<offset>``) opens with all its decisions: on the
contents it was saved for its ids are translated exactly, on changed contents
its fingerprints place them.  Session files are parsed strictly: anything
kexie does not write (``"false"`` for a choice, ``1.5`` for a split, NaN,
5000-digit numbers, deep nesting) makes a :class:`SessionError`, never another
exception.
Loading never writes: the old session file stays untouched, and the next save
keeps a copy (``PAGE.kexie.json.bak-<time>``) before it replaces a session
written for other page contents, in an older format, or one it cannot read.

Nothing here imports Qt; writes go through :mod:`kexie_gui.fileio`.  The
package's modules: :mod:`.paths` (where a session file lives),
:mod:`.document` (the format: fingerprints, writing, strict reading, migration),
:mod:`.restore` (carrying decisions over to the page as it is now) and
:mod:`.store` (saving and loading).
"""
from __future__ import annotations

from .document import FORMAT, VERSION, SessionError, fingerprints, parse_session, read_session_file, session_document
from .paths import SESSION_SUFFIX, data_dir, legacy_session_files, session_candidates, session_path_for
from .restore import SIMILARITY, LostDecision, SessionResult, restore_decisions
from .store import load_session, save_session

__all__ = [
    "FORMAT", "VERSION", "SESSION_SUFFIX", "SIMILARITY", "SessionError", "SessionResult", "LostDecision",
    "data_dir", "session_path_for", "session_candidates", "legacy_session_files", "save_session", "load_session",
    "session_document", "fingerprints", "parse_session", "read_session_file", "restore_decisions",
]
