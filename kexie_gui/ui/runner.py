"""Work off the GUI thread: a QThreadPool runs the function, the result comes back on the GUI thread.

Picard's ``run_task`` shape: the pool is injected (the app passes
``QThreadPool.globalInstance()``, tests pass ``controller.SyncRunner``), the
callable is pure, and a QObject living on the GUI thread relays the result
through a queued signal so callbacks never touch widgets from a worker.

While work runs, Python's cyclic garbage collector is paused: analysing a
10 MB page allocates millions of objects, and each full collection then walks
all of them while holding the GIL, which stopped the window for 0.2–0.6 s at
a time.  When the last task ends, the survivors (the analysis the window now
shows) are moved out of the collector's sight with ``gc.freeze()`` and the
collector resumes.  Reference counting frees everything as before; only
reference cycles created meanwhile wait longer.

For the same reason the interpreter's thread switch interval drops from 5 ms
to 1 ms while work runs: every Python callback Qt makes while painting (an
item model's ``data()``, an event filter) must win the GIL back from the
worker, and a table repaint makes hundreds of them.

Both settings belong to the whole process, and the window has two runners
(analysis, autosave): :data:`WORK_SETTINGS` owns them, counting the runners
with work under way; the first one in changes them, the last one out puts
them back as they were.
"""
from __future__ import annotations

import gc
import sys
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

SWITCH_INTERVAL = 0.001  # seconds; CPython's default is 0.005


class WorkSettings:
    """The process-wide settings for work under way: held by each runner with work, restored by the last."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._gc_was_enabled = True
        self._interval = sys.getswitchinterval()

    @property
    def holders(self) -> int:
        return self._holders

    def hold(self) -> None:
        with self._lock:
            if not self._holders:
                self._gc_was_enabled = gc.isenabled()
                self._interval = sys.getswitchinterval()
                gc.disable()
                sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
            self._holders += 1

    def release(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders:
                return
            sys.setswitchinterval(self._interval)
            if self._gc_was_enabled:
                gc.freeze()  # the survivors (the analysis now shown) leave the collector's sight
                gc.enable()


WORK_SETTINGS = WorkSettings()  # one per process, as the settings it owns


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn, relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread and shown
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class QtRunner(QObject):
    """``submit(fn, done, failed)`` on a thread pool; ``done``/``failed`` run on the GUI thread."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None, settings: WorkSettings = WORK_SETTINGS):
        super().__init__(parent)
        self.pool = pool
        self.settings = settings
        self._pending: set[_Relay] = set()
        self._holding = False  # this runner holds the work settings (it has work under way)

    def submit(self, fn, done, failed) -> None:
        # Created here, so it lives on the GUI thread.  No parent: when its deferred
        # deletion drops the last reference to a runner that Python owns, the runner
        # would otherwise delete this relay a second time from inside its destructor.
        relay = _Relay()
        if not self._holding:
            self.settings.hold()
            self._holding = True
        self._pending.add(relay)

        def finish(callback, value):
            self._pending.discard(relay)
            relay.deleteLater()
            if not self._pending:
                self._let_go()
            callback(value)

        relay.finished.connect(lambda value: finish(done, value))
        relay.failed.connect(lambda exc: finish(failed, exc))
        self.pool.start(_Task(fn, relay))

    @property
    def pending(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        """No more work is waited for (the window closed): the work settings are let go now, not when the
        work under way ends; its results still arrive."""
        self._let_go()

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            self.settings.release()
