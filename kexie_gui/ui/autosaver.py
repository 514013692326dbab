"""Autosave in the window: a single-shot QTimer asks the pure ``Debouncer`` when to write.

Every change of a page's decisions (the controller's ``changed`` event) notes
the page and re-arms one timer with ``Debouncer.wait()``: the write comes
``delay`` seconds after the editor pauses, and ``max_delay`` after the first
unsaved change at the latest, so steady work is saved too.

Small pages are written on the GUI thread (about 2 ms for the seed page);
pages longer than ``ASYNC_CHARS`` go to a runner with a single thread, since
fingerprinting thousands of decisions takes a good part of a second, and one
thread keeps the writes of a page in order.  A page whose decisions are what
its session on disk holds has nothing to offer: its autosave is removed
instead of written.  A failed write (disk full) is reported once through
``failed`` and retried ``Debouncer.retry`` seconds later; the decisions stay
in memory meanwhile.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..autosave import AutosaveStore, Debouncer
from ..core import KexieError
from .controller import ASYNC_CHARS, Controller, PageState


class Autosaver(QObject):
    failed = Signal(str)  # a write failed (the message names the file and the cause)
    recovered = Signal()  # writing works again after a failure

    def __init__(self, controller: Controller, store: AutosaveStore | None, runner=None,
                 debouncer: Debouncer | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.c = controller
        self.store = store
        self.runner = runner  # None: every write happens on the GUI thread
        self.debouncer = debouncer or Debouncer()
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setObjectName("autosave_timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timeout)
        self._pending: set[str] = set()  # pages changed since their last write
        self._in_flight = 0
        self._failing = False
        self.last_write_ms: float | None = None  # how long the last write on the GUI thread took
        controller.changed.connect(self.note)

    @property
    def enabled(self) -> bool:
        return self.store is not None

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)

    # -- when
    def note(self, state: PageState) -> None:
        """The page's decisions changed: write them a moment after the editor pauses."""
        if self.store is None:
            return
        self._pending.add(state.id)
        self.debouncer.changed(self.clock())
        self._arm()

    def _arm(self) -> None:
        wait = self.debouncer.wait(self.clock())
        if wait is None:
            self.timer.stop()
        else:
            self.timer.start(int(wait * 1000) + 1)  # +1: never wake a hair before it is due

    def _timeout(self) -> None:
        if self.debouncer.due(self.clock()):
            self._write(background=True)
        else:
            self._arm()

    # -- what
    def _job(self, state: PageState) -> Callable[[], object]:
        """The write as a function of values captured now (it may run on a worker thread)."""
        store, key = self.store, state.id
        assert store is not None  # nothing is noted for writing without a store
        if not state.dirty:
            return lambda: store.discard(key)
        path, sha, decisions, analysis = state.id, state.page.sha256, state.decisions, state.analysis
        extra = self.c.extra(state)
        return lambda: store.save(key, path, sha, decisions, extra, analysis=analysis)

    def _write(self, background: bool) -> bool:
        pending, self._pending = self._pending, set()
        errors = []
        for pid in sorted(pending):
            state = self.c.page(pid)
            if state is None or state.analysis is None:
                continue  # closed (its autosave was dealt with then) or being read again
            job = self._job(state)
            if background and self.runner is not None and len(state.page.text) > ASYNC_CHARS:
                self._in_flight += 1
                self.runner.submit(job, lambda _r: self._done_in_background(None),
                                   lambda exc, pid=pid: self._done_in_background(exc, pid))
                continue
            started = time.perf_counter()
            try:
                job()
            except KexieError as exc:
                errors.append(str(exc))
                self._pending.add(pid)
            else:
                self.last_write_ms = (time.perf_counter() - started) * 1000
        self._after(errors)
        return not errors

    def _done_in_background(self, exc: BaseException | None, pid: str | None = None) -> None:
        self._in_flight -= 1
        if exc is not None and pid is not None:
            self._pending.add(pid)
            self.debouncer.changed(self.clock())
            self._after([str(exc)])
        elif exc is None and not self._pending:
            self._after([])

    def _after(self, errors: list[str]) -> None:
        now = self.clock()
        if errors:
            self.debouncer.failed(now)
            if not self._failing:
                self._failing = True
                self.failed.emit("\n".join(errors))
        else:
            if not self._pending:
                self.debouncer.flushed()
            if self._failing and not self._in_flight:
                self._failing = False
                self.recovered.emit()
        self._arm()

    # -- now
    def wait_for_background(self) -> None:
        pool = getattr(self.runner, "pool", None)
        if self._in_flight and pool is not None:
            pool.waitForDone()

    def flush(self) -> bool:
        """Write every changed page now, on this thread (closing, a crash); True when all were written."""
        if self.store is None:
            return True
        self.timer.stop()
        self.wait_for_background()
        return self._write(background=False)

    def saved(self, page_id: str) -> None:
        """The page was saved explicitly: its autosave has nothing more to offer."""
        self._forget(page_id, self.store.clear_after_save if self.store is not None else None)

    def discard(self, page_id: str) -> None:
        """The editor threw the page's changes away (closed it with Discard)."""
        self._forget(page_id, self.store.discard if self.store is not None else None)

    def _forget(self, page_id: str, remove) -> None:
        if remove is None:
            return
        self._pending.discard(page_id)
        self.wait_for_background()
        try:
            remove(page_id)
        except KexieError as exc:
            self.failed.emit(str(exc))
        if not self._pending:
            self.debouncer.flushed()
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        self.wait_for_background()
