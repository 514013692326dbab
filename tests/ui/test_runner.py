"""Analysis runs on a pool thread and its result arrives on the GUI thread; the window never waits."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from kexie_gui.ui.runner import QtRunner

from .conftest import SEED
from .helpers import drop


def test_results_and_errors_come_back_on_the_gui_thread(qtbot):
    pool = QThreadPool()
    runner = QtRunner(pool)
    main = threading.get_ident()
    seen = []
    runner.submit(lambda: threading.get_ident(), lambda worker: seen.append(("done", worker, threading.get_ident())),
                  lambda exc: seen.append(("failed", exc)))
    runner.submit(lambda: 1 / 0, lambda v: seen.append(("done", v)),
                  lambda exc: seen.append(("failed", type(exc).__name__, threading.get_ident())))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    done = next(s for s in seen if s[0] == "done")
    failed = next(s for s in seen if s[0] == "failed")
    assert done[1] != main and done[2] == main
    assert failed[1] == "ZeroDivisionError" and failed[2] == main
    assert runner.pending == 0
    pool.waitForDone()


def test_the_collector_pauses_and_threads_switch_faster_while_work_runs(qtbot):
    import gc
    import sys

    pool = QThreadPool()
    runner = QtRunner(pool)
    seen = []
    interval = sys.getswitchinterval()
    assert gc.isenabled()
    runner.submit(lambda: (gc.isenabled(), sys.getswitchinterval()), seen.append, seen.append)
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(False, min(interval, 0.001))]
    assert gc.isenabled() and sys.getswitchinterval() == interval
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    pool.waitForDone()


def test_the_window_shows_progress_while_the_pool_analyses(make_app, qtbot):
    pool = QThreadPool()
    app = make_app(runner=QtRunner(pool))
    assert drop(app.window.raw.viewport(), [SEED])
    state = app.controller.current
    assert state.status == "analysing" or state.view is not None
    if state.view is None:
        assert not app.window.progress.isHidden()
    qtbot.waitUntil(lambda: state.view is not None, timeout=20000)
    assert app.window.progress.isHidden()
    assert app.outline.rowCount() == 4
    pool.waitForDone()
