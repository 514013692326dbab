"""Work off the GUI thread: a QThreadPool runs the function, the result comes back on the GUI thread.

Picard's ``run_task`` shape: the pool is injected (the app passes
``QThreadPool.globalInstance()``, tests pass ``controller.SyncRunner``), the
callable is pure, and a QObject living on the GUI thread relays the result
through a queued signal so callbacks never touch widgets from a worker.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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

    def __init__(self, pool: QThreadPool, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool
        self._pending: set[_Relay] = set()

    def submit(self, fn, done, failed) -> None:
        relay = _Relay(self)  # created here, so it lives on the GUI thread
        self._pending.add(relay)

        def finish(callback, value):
            self._pending.discard(relay)
            relay.deleteLater()
            callback(value)

        relay.finished.connect(lambda value: finish(done, value))
        relay.failed.connect(lambda exc: finish(failed, exc))
        self.pool.start(_Task(fn, relay))

    @property
    def pending(self) -> int:
        return len(self._pending)
