"""The one controller of the review window: pages, analyses, decisions.  Plain Python, no Qt.

Why a controller without Qt: the editor's work — which suggestion was accepted,
what was typed, which page is done — is the part that must never go wrong, and
it is testable here without a window.  Widgets report intent as plain values
(a suggestion id, a raw offset, a block id) to the methods below; the
controller turns each intent into a new :class:`Decisions` value and hands the
pair (old, new) to a *recorder*.  The window's recorder pushes a
``QUndoCommand`` that calls :meth:`Controller.set_decisions` back; the default
recorder calls it directly.  After every change the clean page is recomputed
with the pure ``core.apply`` — never patched in place — and listeners are told
through small :class:`Event` objects.

Long work (analysis; recomputing a huge page) goes through an injected
*runner* so the GUI thread never blocks; tests pass :class:`SyncRunner`.

Keeping the editor's work: with ``load_session``/``save_session`` injected
(the window passes :mod:`kexie_gui.session`'s), opening a page restores its
saved decisions as the page's *initial* state -- not as undo steps -- and
:meth:`Controller.save_page` writes them.  Each page knows what its session
on disk holds (``PageState.saved``), so ``PageState.dirty`` is a plain value
the window can show and ask about.  :meth:`Controller.reload_page` reads a
page again after it changed on disk and carries the decisions over with the
session's re-anchoring (``session_document`` then ``restore_decisions``, in
memory).  What a restore found is announced through ``restored`` as a
:class:`Restored`.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from .. import core
from ..core import Analysis, CleanPage, Decisions, KexieError, LoadError, Page, Suggestion
from ..core.apply import reapply
from ..core.messages import CATALOGUE, Message, message, render
from ..core.model import EDITABLE_ROLES, ROLE_BODY
from ..pagefiles import discover
from ..session import SessionResult, restore_decisions, session_document
from . import structure
from .derive import (
    Derived,
    Place,
    derive,
    edit_key,
    part_text,
    punctuation_marks,
    suggestion_line,
)
from .marks import N_, Translate, identity

if TYPE_CHECKING:
    from ..core.pages import PendingPage

STATUS_ANALYSING = "analysing"
STATUS_ERROR = "error"
STATUS_NEW = "new"
STATUS_REVIEW = "review"
STATUS_DONE = "done"

#: pages longer than this (characters) are recomputed off the GUI thread
ASYNC_CHARS = 300_000
#: "accept all of this kind" records one command per suggestion up to this many, one in all above
MACRO_LIMIT = 200

# where restored decisions came from (:attr:`Restored.source`)
FROM_SESSION = "session"  # the page's session file, found when it was opened
FROM_RECOVERY = "recovery"  # an autosave left behind by a crash
FROM_RELOAD = "reload"  # the decisions held before the page was read again from disk

# ``PageState.saved`` of a page whose session on disk is not known to hold its work
UNSAVED = None

T = TypeVar("T")


class Event:
    """A list of callbacks; the controller's way to say something changed without knowing who listens."""

    def __init__(self) -> None:
        self._callbacks: list[Callable] = []

    def connect(self, callback: Callable) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args) -> None:
        for callback in list(self._callbacks):
            callback(*args)


class Runner(Protocol):
    def submit(self, fn: Callable[[], T], done: Callable[[T], None],
               failed: Callable[[BaseException], None]) -> None: ...


class SyncRunner:
    """Runs work at once on the caller's thread (tests, the self-test, tools)."""

    def submit(self, fn, done, failed) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - reported to the editor, not swallowed
            failed(exc)
            return
        done(result)


class Recorder(Protocol):
    def record(self, label: str, page_id: str, old: Decisions, new: Decisions) -> None: ...

    def group(self, label: str): ...


class DirectRecorder:
    """Applies every change at once (no undo); the window replaces it with an undo-stack recorder."""

    def __init__(self, controller: Controller):
        self.controller = controller

    def record(self, label: str, page_id: str, old: Decisions, new: Decisions) -> None:
        self.controller.set_decisions(page_id, new)

    @contextmanager
    def group(self, label: str) -> Iterator[None]:
        with self.controller.batch():
            yield


@dataclass(frozen=True)
class Ready:
    """A page's analysis and what the decisions shown make of it: they arrive together, and a decision
    replaces ``clean`` and ``view`` together."""

    analysis: Analysis
    clean: CleanPage
    view: Derived


@dataclass(eq=False)
class PageState:
    """One open page and everything decided about it."""

    id: str
    path: str
    page: Page
    ready: Ready | None = None  # None until the analysis is in (or after it failed)
    decisions: Decisions = field(default_factory=Decisions)
    done: bool = False
    failure: str | None = None
    generation: int = 0  # bumps on every decisions change; late async results are dropped
    computing: bool = False  # a recomputation of a long page is running
    recompute_after: bool = False  # decisions changed meanwhile: compute once more when it ends
    # (decisions, done) as the session on disk holds them; UNSAVED when it does not hold this work
    saved: tuple[Decisions, bool] | None = (Decisions(), False)
    loads: int = 0  # bumps when the page is (re)read: a late analysis of older contents is dropped
    restoring: tuple | None = None  # (restore, source) of the analysis under way
    clipboard: list[str] | None = None  # pieces cut for moving, waiting to be pasted
    encoding: str | None = None  # chosen by the editor (Reopen with encoding…); None: kexie guesses
    pending: PendingPage | None = None  # OCR has yet to read the page (an image, a scanned PDF page)

    @property
    def analysis(self) -> Analysis | None:
        return self.ready.analysis if self.ready is not None else None

    @property
    def clean(self) -> CleanPage | None:
        return self.ready.clean if self.ready is not None else None

    @property
    def view(self) -> Derived | None:
        return self.ready.view if self.ready is not None else None

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @property
    def dirty(self) -> bool:
        """Decisions (or the done mark) that no session on disk holds: closing would lose them."""
        return self.analysis is not None and self.saved != (self.decisions, self.done)

    @property
    def status(self) -> str:
        if self.failure:
            return STATUS_ERROR
        if self.analysis is None:
            return STATUS_ANALYSING
        if self.done:
            return STATUS_DONE
        if self.decisions != Decisions():
            return STATUS_REVIEW
        return STATUS_NEW

    def is_open(self, suggestion: Suggestion) -> bool:
        """Open = the editor has not decided it yet (its default is in force) and no other decision made it moot."""
        return self.decisions.choice(suggestion.id) is None and suggestion.id not in self.moot

    @property
    def moot(self) -> dict[str, str]:
        """Suggestion id -> what made it moot (``core.apply``), for the shown decisions."""
        clean = self.clean
        if clean is None:
            return {}
        cached = self.__dict__.get("_moot_cache")
        if cached is None or cached[0] is not clean:
            cached = (clean, dict(clean.moot))
            self.__dict__["_moot_cache"] = cached
        return cached[1]

    @property
    def open_count(self) -> int:
        """Suggestions not decided yet (cached per decisions value: the pages list asks on every paint)."""
        if self.analysis is None:
            return 0
        cached = self.__dict__.get("_open_cache")
        if cached is not None and cached[0] is self.decisions and cached[1] is self.analysis \
                and cached[3] is self.clean:
            return cached[2]
        moot = self.moot
        if not self.decisions.choices:
            count = len(self.analysis.suggestions) - len(moot)
        else:
            ids = self.__dict__.get("_ids")
            if ids is None or ids[0] is not self.analysis:
                ids = self.__dict__["_ids"] = (self.analysis, {s.id for s in self.analysis.suggestions})
            choices = self.decisions._cached("choices", self.decisions.choices)
            decided = sum(1 for k in choices if k in ids[1])
            count = len(ids[1]) - decided - sum(1 for k in moot if k not in choices)
        self.__dict__["_open_cache"] = (self.decisions, self.analysis, count, self.clean)
        return count


@dataclass(frozen=True)
class OpenResult:
    opened: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Restored:
    """What opening (or reloading) a page found of earlier work.

    ``result`` is the :class:`~kexie_gui.session.SessionResult` (None when
    reading failed); ``error`` the one-line reason it failed (the page then
    opens without those decisions).
    """

    source: str  # FROM_SESSION, FROM_RECOVERY or FROM_RELOAD
    result: SessionResult | None = None
    error: str | None = None

    @property
    def worth_a_look(self) -> bool:
        """The editor should read about it: a failure, lost decisions, or a page that changed."""
        r = self.result
        return self.error is not None or (r is not None and r.found and (r.page_changed or bool(r.lost)))


# ``restore(page, analysis) -> SessionResult``: decisions to open a page with
Restore = Callable[[Page, Analysis], SessionResult]


def _as_on_disk(restored: Restored | None, saved: tuple[Decisions, bool] | None) -> bool:
    """Does a page just analysed hold what is on disk (or nothing worth keeping)?  Else it is unsaved."""
    if restored is None or restored.error is not None or restored.result is None:
        return True  # nothing restored: nothing unsaved yet
    r = restored.result
    if restored.source == FROM_SESSION:
        return not (r.found and (r.page_changed or r.lost))  # as the session file holds it
    if restored.source == FROM_RELOAD:
        return saved is not UNSAVED and r.total == 0  # nothing was decided: nothing to lose
    return False  # recovered or re-anchored work is on no disk yet


def compute(analysis: Analysis, decisions: Decisions, previous: Ready | None = None) -> Ready:
    """The clean page and its view data; pure, so it may run on any thread.

    With ``previous`` (what the decisions before made of the same analysis)
    only the articles the change touches are recomputed (``core.apply.reapply``).
    """
    if previous is None:
        clean = core.apply(analysis, decisions)
        return Ready(analysis, clean, derive(analysis, decisions, clean))
    clean = reapply(analysis, previous.clean, decisions)
    return Ready(analysis, clean, derive(analysis, decisions, clean, previous.view, previous.clean))


class Analysed(NamedTuple):
    """What the analysis of a page hands back to the interface thread."""

    ready: Ready
    decisions: Decisions  # the decisions it opens with (saved, recovered or carried over; else none)
    restored: Restored | None  # what became of earlier work (None: there was none to look for)


def incremental(state: PageState, decisions: Decisions) -> bool:
    """Does a change to ``decisions`` keep the page's pieces and their order (so only some articles change)?"""
    old = state.view.decisions if state.view is not None else None
    return old is not None and (old.splits, old.moves) == (decisions.splits, decisions.moves)


def page_files(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Expand dropped paths as the ``kexie`` command does (``pagefiles.discover``); returns ``(files, errors)``.

    A folder gives every page file under it, sorted; a page of a PDF as the
    recent list keeps it (``file.pdf#p2``) stands for its file.
    """
    wanted = []
    for p in paths:
        if not os.path.exists(p) and "#p" in os.path.basename(p) and os.path.isfile(p.rsplit("#p", 1)[0]):
            p = p.rsplit("#p", 1)[0]
        wanted.append(p)
    found = discover(wanted)
    return [str(i.path) for i in found.pages if i.path is not None], found.problems + found.notes


class Controller:
    """Owns the open pages and turns intents into decisions."""

    def __init__(self, runner: Runner | None = None, translate: Translate = identity,
                 load: Callable[..., Page] = core.load_page,
                 analyse: Callable[[Page], Analysis] = core.analyse,
                 load_session: Callable[[str, Page, Analysis], SessionResult] | None = None,
                 save_session: Callable[..., Path] | None = None):
        self.runner: Runner = runner or SyncRunner()
        self.recorder: Recorder = DirectRecorder(self)
        self.translate = translate
        self.language = "en"
        self._load = load
        self._analyse = analyse
        self._load_session = load_session  # None: pages open without their sessions
        self._save_session = save_session
        self.pages: list[PageState] = []
        self.current_id: str | None = None
        self._batch = 0
        self._dirty: set[str] = set()
        self._running = 0
        # events
        self.pages_changed = Event()  # () — the list, a status or a count changed
        self.current_changed = Event()  # (PageState | None) — another page is shown
        self.page_updated = Event()  # (PageState) — its clean page / decisions changed
        self.busy_changed = Event()  # (busy: bool, text: str)
        self.error = Event()  # (message: str) — something the editor must read
        self.notice = Event()  # (message: str) — a passing remark for the status bar
        self.changed = Event()  # (PageState) — its decisions or done mark changed: worth an autosave
        self.restored = Event()  # (PageState, Restored) — earlier work was (or could not be) restored
        self.saved = Event()  # (PageState, Path) — the page's session was written
        self.progress = Event()  # (text, done, total) — OCR of a page moved on; called from a worker thread
        self._cancel_reading = False

    # -- small helpers
    def _t(self, context: str, text: str) -> str:
        return self.translate(context, text)

    @property
    def current(self) -> PageState | None:
        return self.page(self.current_id) if self.current_id else None

    def page(self, page_id: str) -> PageState | None:
        return next((p for p in self.pages if p.id == page_id), None)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _work_started(self, text: str) -> None:
        self._running += 1
        self.busy_changed.emit(True, text)

    def _work_ended(self) -> None:
        self._running -= 1
        self.busy_changed.emit(self._running > 0, "")

    # -- pages
    def open_paths(self, paths: Iterable[str], restore: Mapping[str, Restore] | None = None) -> OpenResult:
        """Open page files (folders give the page files under them).  A file that cannot be read changes nothing.

        Each page opens with its saved session (when sessions are on), or with
        what ``restore[absolute path](page, analysis)`` gives (recovered work).
        """
        restore = {os.path.abspath(k): v for k, v in (restore or {}).items()}
        files, errors = page_files(paths)
        added: list[PageState] = []
        first = None  # the page to show: the first one named, new or open already
        for f in files:
            try:
                ids = self._add_pages(f, added)
            except LoadError as exc:
                errors.append(str(exc))
                continue
            first = first or (ids[0] if ids else None)
        if added:
            self.pages_changed.emit()
        if first is not None:
            self.select_page(first)
        for state in added:
            pid = state.id
            how = (restore[pid], FROM_RECOVERY) if pid in restore else (self._session_restore(pid), FROM_SESSION)
            if state.pending is not None:
                self._start_reading(state, *how)
            else:
                self._start_analysis(state, *how)
        if errors:
            self.error.emit("\n".join(errors))
        return OpenResult(tuple(s.id for s in added), tuple(errors))

    def _add_pages(self, path: str, added: list[PageState]) -> list[str]:
        """The pages of one file, added to the open ones (and to ``added``) unless open already.

        Returns the ids of all its pages; raises ``LoadError`` when the file cannot be read.
        """
        from ..core.pages import TEXT_SUFFIXES, PendingPage, open_pages  # the PDF and image readers: on first use

        pid = os.path.abspath(path)
        if self.page(pid) is not None:
            return [pid]
        items = [self._load(path)] if Path(path).suffix.lower() in TEXT_SUFFIXES else open_pages(path)
        ids = []
        for n, item in enumerate(items):
            item_id = pid if len(items) == 1 else f"{pid}#p{n + 1}"  # each page of a PDF is a page of its own
            ids.append(item_id)
            if self.page(item_id) is not None:
                continue
            pending = item if isinstance(item, PendingPage) else None
            page = Page(item.source, "") if pending is not None else item
            state = PageState(id=item_id, path=pid, page=page, pending=pending)
            self.pages.append(state)
            added.append(state)
        return ids

    def select_page(self, page_id: str | None) -> None:
        if page_id == self.current_id or (page_id is not None and self.page(page_id) is None):
            return
        self.current_id = page_id
        self.current_changed.emit(self.current)

    def close_page(self, page_id: str) -> None:
        state = self.page(page_id)
        if state is None:
            return
        index = self.pages.index(state)
        self.pages.remove(state)
        self.pages_changed.emit()
        if self.current_id == page_id:
            self.current_id = None
            nxt = self.pages[min(index, len(self.pages) - 1)].id if self.pages else None
            if nxt is None:
                self.current_changed.emit(None)
            else:
                self.select_page(nxt)

    def set_done(self, page_id: str, done: bool) -> None:
        state = self.page(page_id)
        if state is not None and state.analysis is not None and state.done != done:
            state.done = done
            self.pages_changed.emit()
            self.changed.emit(state)

    @property
    def dirty_pages(self) -> list[PageState]:
        return [p for p in self.pages if p.dirty]

    # -- sessions
    def _session_restore(self, path: str) -> Restore | None:
        load = self._load_session
        if load is None:
            return None
        return lambda page, analysis: load(path, page, analysis)

    @staticmethod
    def extra(state: PageState) -> dict:
        """What a session records besides the decisions: the page's status (new / review / done)."""
        return {"status": state.status}

    def save_page(self, page_id: str) -> Path:
        """Write the page's session; raises :class:`~kexie_gui.session.SessionError` (the page stays dirty)."""
        state = self.page(page_id)
        if state is None or state.analysis is None or self._save_session is None:
            raise KexieError(self._t("Controller", "There is nothing to save yet."))
        decisions, done = state.decisions, state.done
        path = self._save_session(state.id, state.page, decisions, extra=self.extra(state),
                                  analysis=state.analysis)
        state.saved = (decisions, done)
        self.pages_changed.emit()
        self.saved.emit(state, Path(path))
        return Path(path)

    def reload_page(self, page_id: str) -> bool:
        """Read the page again from disk and carry its decisions over to the new contents.

        The decisions go through a session document in memory, so they are
        re-anchored exactly as a saved session would be; what cannot be placed
        is reported through ``restored``.  The undo history refers to the old
        contents: the caller clears it.  A file that cannot be read changes nothing.
        """
        state = self.page(page_id)
        if state is None:
            return False
        try:
            page = self._read_again(state)
        except LoadError as exc:
            self.error.emit(str(exc))
            return False
        restore, source = None, FROM_RELOAD
        if state.analysis is not None:
            doc = session_document(state.id, state.page, state.decisions, state.analysis, self.extra(state))

            def restore(new_page, analysis):
                return restore_decisions(doc, new_page, analysis, None)
        elif state.restoring is not None:  # still analysing: what that analysis was to restore still holds
            restore, source = state.restoring
        from ..core.pages import PendingPage

        pending = page if isinstance(page, PendingPage) else None
        state.page = Page(page.source, "") if pending else page
        state.pending = pending
        state.ready = None
        state.failure = None
        state.generation += 1
        state.recompute_after = False
        self.pages_changed.emit()
        self.page_updated.emit(state)
        if pending is not None:
            self._start_reading(state, restore, source)
        else:
            self._start_analysis(state, restore, source)
        return True

    def _read_again(self, state: PageState):
        """The page's file read again: a text page, a PDF page, or a :class:`PendingPage` for OCR."""
        from ..core.pages import TEXT_SUFFIXES, open_pages

        if Path(state.path).suffix.lower() in TEXT_SUFFIXES:
            return self._load(state.path, encoding=state.encoding) if state.encoding else self._load(state.path)
        items = open_pages(state.path)
        index = int(state.id.rsplit("#p", 1)[1]) - 1 if "#p" in state.id[len(state.path):] else 0
        if not 0 <= index < len(items):
            raise LoadError(f"{state.name}: the file no longer has page {index + 1}")
        return items[index]

    def warm_up(self, path: str) -> None:
        """Analyse a page in the background and throw the result away.

        The first analysis of a process pays for lazy imports in the core
        (the fitted tables, regex patterns); doing it while the window opens
        keeps the editor's first drop fast.
        """
        analyse, load = self._analyse, self._load

        def work():
            analyse(load(path))

        self.runner.submit(work, lambda _: None, lambda _: None)

    def _start_reading(self, state: PageState, restore: Restore | None, source: str) -> None:
        """OCR a page on a worker thread, with progress and a way to cancel, then analyse it."""
        pending, name = state.pending, state.name
        if pending is None:
            return
        state.loads += 1
        loads = state.loads
        self._cancel_reading = False
        text = self._t("Controller", "Reading {name} (OCR)…").format(name=name)

        def progress(done: int, total: int) -> None:
            if self._cancel_reading:
                from ..core.ocr import Cancelled

                raise Cancelled()
            self.progress.emit(text, done, total)

        def done(page: Page) -> None:
            self._work_ended()
            self.progress.emit("", 1, 1)
            if state not in self.pages or loads != state.loads:
                return
            state.page, state.pending = page, None
            self.page_updated.emit(state)
            self._start_analysis(state, restore, source)

        def failed(exc: BaseException) -> None:
            self._work_ended()
            self.progress.emit("", 1, 1)
            if state in self.pages:
                self.pages.remove(state)
                if self.current_id == state.id:
                    self.current_id = None
                    self.select_page(self.pages[-1].id if self.pages else None)
                    if not self.pages:
                        self.current_changed.emit(None)
                self.pages_changed.emit()
            from ..core.ocr import Cancelled

            if isinstance(exc, Cancelled):
                self.notice.emit(self._t("Controller", "Reading {name} was cancelled.").format(name=name))
            else:
                self.error.emit(str(exc) if isinstance(exc, KexieError) else f"{name}: {type(exc).__name__}: {exc}")

        self._work_started(text)
        self.runner.submit(lambda: pending.read(progress=progress), done, failed)

    def cancel_reading(self) -> None:
        """Stop the OCR under way at its next step; the page it was reading is closed."""
        self._cancel_reading = True

    def _start_analysis(self, state: PageState, restore: Restore | None = None, source: str = FROM_SESSION) -> None:
        analyse, page = self._analyse, state.page
        state.loads += 1
        loads = state.loads
        state.restoring = (restore, source)

        def work():  # on a worker thread: analysis, restoring the saved decisions, the first clean page
            analysis = analyse(page)
            decisions, restored = Decisions(), None
            if restore is not None:
                try:
                    result = restore(page, analysis)
                except KexieError as exc:  # a damaged session: the page opens without it
                    restored = Restored(source, error=str(exc))
                else:
                    decisions, restored = result.decisions, Restored(source, result)
            try:
                ready = compute(analysis, decisions)
            except Exception as exc:
                if decisions == Decisions():
                    raise
                decisions, restored = Decisions(), Restored(source, error=f"{type(exc).__name__}: {exc}")
                ready = compute(analysis, decisions)
            page.line_of(0)  # the page finds its lines here, not on the interface thread
            return Analysed(ready, decisions, restored)

        self._work_started(self._t("Controller", "Analysing {name}…").format(name=state.name))
        self.runner.submit(work, lambda result: self._analysed(state, loads, result),
                           lambda exc: self._analysis_failed(state, loads, exc))

    def _analysed(self, state: PageState, loads: int, result: Analysed) -> None:
        self._work_ended()
        if state not in self.pages or loads != state.loads:
            return
        state.restoring = None
        state.ready, state.decisions, restored = result
        state.generation += 1
        r = restored.result if restored is not None else None
        if restored is not None and r is not None and (r.found or restored.source == FROM_RELOAD):
            state.done = r.status == STATUS_DONE
        state.saved = (state.decisions, state.done) if _as_on_disk(restored, state.saved) else UNSAVED
        self.pages_changed.emit()
        self.page_updated.emit(state)
        if restored is not None:
            self.restored.emit(state, restored)
            if state.dirty:
                self.changed.emit(state)

    def _analysis_failed(self, state: PageState, loads: int, exc: BaseException) -> None:
        self._work_ended()
        if state not in self.pages or loads != state.loads:
            return
        state.restoring = None
        state.failure = str(exc) or type(exc).__name__
        self.pages_changed.emit()
        self.page_updated.emit(state)
        self.error.emit(self._t("Controller", "Analysis of {name} failed: {why}").format(
            name=state.name, why=state.failure))

    # -- decisions (the only way they change; undo commands call this)
    def set_decisions(self, page_id: str, decisions: Decisions) -> None:
        state = self.page(page_id)
        if state is None or state.analysis is None:
            return
        state.decisions = decisions
        state.generation += 1
        self.changed.emit(state)
        if self._batch:
            self._dirty.add(page_id)
            return
        self._recompute(state)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several decision changes, one recompute at the end (macros, multi-step undo)."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                dirty, self._dirty = self._dirty, set()
                for pid in dirty:
                    state = self.page(pid)
                    if state is not None:
                        self._recompute(state)

    def _recompute(self, state: PageState) -> None:
        previous, decisions, generation = state.ready, state.decisions, state.generation
        if previous is None:
            return
        analysis = previous.analysis
        if len(state.page.text) <= ASYNC_CHARS or (incremental(state, decisions) and not state.computing):
            # small pages, and choices on any page (a few articles to redo), take milliseconds
            self._recomputed(state, generation, compute(analysis, decisions, previous))
            return
        if state.computing:  # one computation per page at a time; the newest decisions follow it
            state.recompute_after = True
            return
        state.computing = True
        self._work_started(self._t("Controller", "Updating {name}…").format(name=state.name))

        def finished():
            state.computing = False
            self._work_ended()
            if state.recompute_after and state in self.pages:
                state.recompute_after = False
                self._recompute(state)

        def done(result):
            self._recomputed(state, generation, result)
            finished()

        def failed(exc):
            self.error.emit(str(exc))
            finished()

        self.runner.submit(lambda: compute(analysis, decisions, previous), done, failed)

    def _recomputed(self, state: PageState, generation: int, result: Ready) -> None:
        if state not in self.pages or generation != state.generation:
            return  # a newer change is on its way
        state.ready = result
        self.pages_changed.emit()
        self.page_updated.emit(state)

    def _change(self, label: str, new: Decisions, state: PageState | None = None) -> bool:
        state = state or self.current
        if state is None or state.analysis is None or new == state.decisions:
            return False
        self.recorder.record(label, state.id, state.decisions, new)
        return True

    def _shown(self) -> tuple[PageState, Ready] | None:
        """The page shown and its analysis, when it has one (the commands act on nothing else)."""
        state = self.current
        if state is None or state.ready is None:
            return None
        return state, state.ready

    def say(self, said: Message) -> str:
        """What the core says (``core.messages``), in the window's language."""
        return render(said, self.language)

    def kind_label(self, kind: str) -> str:
        """The kind's name (a kind the catalogue does not know, as it is: nothing to translate)."""
        return self.say(message(f"kind.{kind}")) if f"kind.{kind}" in CATALOGUE else kind

    def explain(self, suggestion: Suggestion, page: Page | None = None) -> str:
        """The suggestion's explanation; for punctuation, with the marks it changes (``page`` gives the raw ones)."""
        marks = ""
        if suggestion.kind == "punctuation" and page is not None:
            marks = punctuation_marks(suggestion, page.text)
        return self.say(message("suggest.marks", explain=suggestion.explain, marks=marks) if marks
                        else suggestion.explain)

    def moot_text(self, state: PageState, by: str) -> str:
        """Why a suggestion is moot, for the editor."""
        t = self._t
        if by.startswith("role:"):
            block = state.view.block(by[5:]) if state.view is not None else None
            return t("Controller", "your mark on line {line} decides this block").format(
                line=block.line_start if block else "?")
        if by.startswith("joined:"):
            block = state.view.block(by[7:]) if state.view is not None else None
            return t("Controller", "you joined line {line} to the text before it").format(
                line=block.line_start if block else "?")
        reasons = {
            "structure:no-headline": N_("Controller", "no headline follows this kicker"),
            "structure:not-under-headline": N_("Controller", "the article's text begins before this subtitle"),
            "structure:second-subtitle": N_("Controller", "the article has its subtitle already"),
            "structure:other-article": N_("Controller", "its first piece is not text of the same article"),
            "structure:kept-copy-removed": N_("Controller", "its kept copy is dropped too; dropping both would "
                                                            "lose the text"),
        }
        if by in reasons:
            return t("Controller", reasons[by])
        if state.analysis is None:
            return by
        try:
            other = state.analysis.suggestion(by)
        except KeyError:
            return by
        return t("Controller", "decided by “{kind}” on line {line}").format(
            kind=self.kind_label(other.kind), line=suggestion_line(state.analysis, other, state.page.line_of))

    # -- suggestions
    def decide(self, suggestion_id: str, accepted: bool | None) -> bool:
        """Accept (True), reject (False) or reopen (None) one suggestion."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        s = ready.analysis.suggestion(suggestion_id)
        verb = {True: N_("Controller", "Accept"), False: N_("Controller", "Reject"),
                None: N_("Controller", "Reopen")}[accepted]
        label = self._t("Controller", "{verb}: {kind}, line {line}").format(
            verb=self._t("Controller", verb), kind=self.kind_label(s.kind),
            line=suggestion_line(ready.analysis, s, state.page.line_of))
        return self._change(label, state.decisions.with_choice(suggestion_id, accepted))

    def decide_kind(self, kind: str, accepted: bool) -> int:
        """Accept or reject every suggestion of ``kind`` not already so decided: one undo step."""
        shown = self._shown()
        if shown is None:
            return 0
        state, ready = shown
        todo = [s for s in ready.analysis.suggestions
                if s.kind == kind and state.decisions.choice(s.id) is not accepted]
        if not todo:
            return 0
        if accepted:
            verb = self._t("Controller", "Accept all")
        else:
            verb = self._t("Controller", "Reject all")
        label = f"{verb}: {self.kind_label(kind)} ({len(todo)})"
        with self.recorder.group(label):
            if len(todo) <= MACRO_LIMIT:
                d = state.decisions
                for s in todo:
                    new = d.with_choice(s.id, accepted)
                    self.recorder.record(f"{verb}: {self.explain(s)}", state.id, d, new)
                    d = new
            else:
                new = state.decisions.with_choices({s.id: accepted for s in todo})
                self.recorder.record(label, state.id, state.decisions, new)
        return len(todo)

    def neighbour_open(self, suggestion_id: str | None, step: int,
                       visible: Callable[[Suggestion], bool] = lambda s: True,
                       order: Callable[[tuple], list] | None = None) -> str | None:
        """The next (step=1) or previous (-1) open suggestion after ``suggestion_id``, wrapping round.

        ``order`` puts the suggestions in the order the editor walks them (doubtful first…); moot
        suggestions are not open and are skipped.
        """
        shown = self._shown()
        if shown is None:
            return None
        state, ready = shown
        items = order(ready.analysis.suggestions) if order is not None else ready.analysis.suggestions
        n = len(items)
        if not n:
            return None
        ids = [s.id for s in items]
        start = ids.index(suggestion_id) if suggestion_id in ids else (-1 if step > 0 else n)
        for k in range(1, n + 1):
            s = items[(start + step * k) % n]
            if state.is_open(s) and visible(s):
                return s.id
        return None

    # -- structure
    def set_role(self, block_id: str, role: str | None) -> bool:
        """Give a block a role by hand (title, subtitle, kicker, byline, furniture, body); None drops the hand role."""
        shown = self._shown()
        if shown is None or (role is not None and role not in EDITABLE_ROLES):
            return False
        state, ready = shown
        block = ready.view.block(block_id)
        line = block.line_start if block else "?"
        role_name = self.role_label(role or ROLE_BODY)
        label = self._t("Controller", "Mark line {line} as {role}").format(line=line, role=role_name)
        return self._change(label, state.decisions.with_role(block_id, role))

    def role_label(self, role: str) -> str:
        labels = {"body": N_("Roles", "body"), "title": N_("Roles", "title"), "subtitle": N_("Roles", "subtitle"),
                  "kicker": N_("Roles", "kicker"), "byline": N_("Roles", "byline"),
                  "furniture": N_("Roles", "furniture"), "duplicate": N_("Roles", "duplicate")}
        return self._t("Roles", labels.get(role, role))

    def restore_block(self, block_id: str) -> bool:
        """Bring back a removed block (furniture, duplicate) as body text."""
        return self.set_role(block_id, ROLE_BODY)

    def split_at(self, offset: int) -> bool:
        """Start a new article with the piece that holds raw ``offset`` (it becomes the title; nothing is cut)."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        new, piece = structure.start_article(ready.view, state.decisions, offset)
        if piece is None:
            self.notice.emit(self._t("Controller", "Put the cursor inside a text block to split there."))
            return False
        label = self._t("Controller", "Split article at line {line}").format(line=piece.line_start)
        return self._change(label, new)

    def split_block_at(self, offset: int) -> bool:
        """Cut the piece at ``offset`` in two right there (mid-sentence, when the editor asks for it)."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        label = self._t("Controller", "Cut the block at line {line}").format(line=state.page.line_of(offset))
        new = structure.split_block(ready.view, state.decisions, offset)
        return self._change(label, structure.follow_heads(ready.analysis, state.decisions, new))

    def split_lines(self, start: int, end: int) -> bool:
        """Cut the pieces of raw ``[start, end)`` before each of their lines (no range: before the cursor's line)."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        new = structure.split_lines(ready.view, state.decisions, state.page, start, end)
        if new == state.decisions:
            self.notice.emit(self._t("Controller", "Each of these lines starts a block already."))
            return False
        new = structure.follow_heads(ready.analysis, state.decisions, new)
        n = len(new.splits) - len(state.decisions.splits)
        label = self._t("Controller", "Split {n} line(s) off their blocks at line {line}").format(
            n=n, line=state.page.line_of(start))
        return self._change(label, new)

    def merge_with_previous(self, article: int) -> bool:
        """Fold article ``article`` into the one before it (its title becomes body text)."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        if not 0 <= article < len(ready.clean.articles):
            return False
        if article == 0:
            self.notice.emit(self._t("Controller", "The first article has no article before it."))
            return False
        label = self._t("Controller", "Merge article {n} with the previous one").format(n=article + 1)
        return self._change(label, structure.merge_article(ready.view, state.decisions, article))

    def pieces(self, block_ids: list[str]) -> list:
        shown = self._shown()
        if shown is None:
            return []
        _, ready = shown
        return [b for b in (ready.view.block(bid) for bid in block_ids) if b is not None]

    def move_blocks(self, block_ids: list[str], before_id: str) -> bool:
        """Move blocks (in their order) before ``before_id`` ("" = page end); one undo step."""
        shown = self._shown()
        block_ids = [b for b in block_ids if b != before_id]
        if shown is None or not block_ids:
            return False
        state, ready = shown
        where = ready.view.block(before_id)
        label = self._t("Controller", "Move {n} block(s) before line {line}").format(
            n=len(block_ids), line=where.line_start if where else "∞")
        return self._change(label, state.decisions.with_moves(block_ids, before_id))

    def move_by(self, block_ids: list[str], step: int) -> bool:
        """Move pieces one place up (-1) or down (+1) in the reading order, together."""
        shown = self._shown()
        pieces = self.pieces(block_ids)
        if shown is None or not pieces:
            return False
        state, ready = shown
        new = structure.move_by(ready.view, state.decisions, pieces, step)
        label = (self._t("Controller", "Move {n} block(s) up from line {line}") if step < 0 else
                 self._t("Controller", "Move {n} block(s) down from line {line}")).format(
            n=len(pieces), line=pieces[0].line_start)
        return self._change(label, new)

    def join_pieces(self, block_ids: list[str]) -> bool:
        """One piece: each but the first continues the one before it (one selected: joins it to the previous)."""
        shown = self._shown()
        pieces = self.pieces(block_ids)
        if shown is None or not pieces:
            return False
        state, ready = shown
        if len(pieces) == 1:
            new = structure.join_to_previous(state.decisions, pieces, not state.decisions.is_joined(pieces[0].id))
        else:
            new = structure.join_together(ready.view, state.decisions, pieces)
        label = self._t("Controller", "Join {n} piece(s) at line {line}").format(n=len(pieces),
                                                                               line=pieces[0].line_start)
        return self._change(label, new)

    def join_to_previous(self, block_id: str) -> bool:
        """The piece continues the piece before it in reading order (Backspace at a paragraph's start)."""
        shown = self._shown()
        pieces = self.pieces([block_id])
        if shown is None:
            return False
        state, _ = shown
        if not pieces or state.decisions.is_joined(block_id):
            return False
        label = self._t("Controller", "Join line {line} to the text before it").format(line=pieces[0].line_start)
        return self._change(label, structure.join_to_previous(state.decisions, pieces))

    def mark_one_title(self, block_ids: list[str]) -> bool:
        """Consecutive pieces (the lines of one headline) as one title."""
        shown = self._shown()
        pieces = self.pieces(block_ids)
        if shown is None or not pieces:
            return False
        state, ready = shown
        label = self._t("Controller", "Lines {first}–{last} as one title").format(
            first=min(b.line_start for b in pieces), last=max(b.line_end for b in pieces))
        return self._change(label, structure.one_title(ready.view, state.decisions, pieces))

    def join_lines(self, block_ids: list[str]) -> bool:
        """Printed lines (pieces) back into paragraphs: full-width lines run on into the next one."""
        shown = self._shown()
        pieces = self.pieces(block_ids)
        if shown is None or len(pieces) < 2:
            self.notice.emit(self._t("Controller", "Select the lines to join into paragraphs first."))
            return False
        state, ready = shown
        new = structure.join_wrapped_lines(ready.view, state.decisions, pieces)
        n = len(new.joined) - len(state.decisions.joined)
        label = self._t("Controller", "Join {n} wrapped line(s) into their paragraphs").format(n=n)
        return self._change(label, new)

    def uninterleave(self, start: int, end: int) -> bool:
        """The lines of raw ``[start, end)`` alternate between two columns: cut them into lines and put each
        column's lines together (one undo step)."""
        shown = self._shown()
        if shown is None or end <= start:
            return False
        state, ready = shown
        split = structure.split_lines(ready.view, state.decisions, state.page, start, end)
        split = structure.follow_heads(ready.analysis, state.decisions, split)
        view = structure.Pieces(ready.analysis, split)
        pieces = structure.pieces_in(view, start, end)
        new = structure.uninterleave(view, split, pieces)
        if new == state.decisions or len(pieces) < 3:
            self.notice.emit(self._t("Controller", "Select at least three lines read across two columns."))
            return False
        label = self._t("Controller", "Two columns read line by line at lines {first}–{last}: {n} lines "
                        "reordered").format(first=state.page.line_of(start), last=state.page.line_of(end - 1),
                                            n=len(pieces))
        return self._change(label, new)

    def cut_block(self, block_id: str | list[str]) -> None:
        """Take pieces (one id or several) to paste them elsewhere."""
        shown = self._shown()
        if shown is None:
            return
        state, _ = shown
        state.clipboard = [block_id] if isinstance(block_id, str) else list(block_id)
        self.notice.emit(self._t("Controller", "Block cut; put the cursor where it belongs and paste."))

    @property
    def clipboard(self) -> list[str] | None:
        state = self.current
        return state.clipboard if state is not None else None

    def paste_before(self, block_id: str) -> bool:
        shown = self._shown()
        if shown is None:
            return False
        state, _ = shown
        if not state.clipboard:
            return False
        moving, state.clipboard = state.clipboard, None
        return self.move_blocks(moving, block_id)

    def paragraph_blocks(self, article: int, part) -> list[str]:
        """Ids of the blocks that gave characters to one part of an article, in raw order."""
        shown = self._shown()
        if shown is None:
            return []
        _, ready = shown
        text = part_text(ready.clean.articles[article], part)
        ids = []
        for _, r0, _ in sorted(getattr(text, "runs", ()), key=lambda r: r[1]):
            b = ready.view.block_at(r0)
            if b is not None and b.id not in ids:
                ids.append(b.id)
        return ids

    # -- hand edits
    def edit_text(self, place: Place, new_text: str) -> bool:
        """Replace the text of one part of an article (title, subtitle, byline or paragraph)."""
        shown = self._shown()
        if shown is None:
            return False
        state, ready = shown
        article = ready.clean.articles[place.article]
        key = edit_key(article, place.part)
        current = str(part_text(article, place.part) or "")
        if new_text == current:
            return False
        before = dict(state.decisions.edits).get(key)
        if before is not None and before[0] == new_text:
            new = state.decisions.with_edit(key, before[0], None)  # typed back to the original
        else:
            new = state.decisions.with_edit(key, current, new_text)
        label = self._t("Controller", "Edit text of article {n}").format(n=place.article + 1)
        return self._change(label, new)

    # -- export
    def pages_to_export(self, scope: str) -> list[PageState]:
        """The pages an export writes: ``scope`` is ``"current"`` (the page shown) or ``"done"`` (every page
        marked done); only pages with articles.  Their file names are ``export.plan``'s to decide."""
        if scope == "current":
            return [self.current] if self.current and self.current.clean else []
        return [p for p in self.pages if p.done and p.clean]
