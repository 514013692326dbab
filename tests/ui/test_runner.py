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


def test_a_runner_python_owns_may_go_away_with_its_last_relay(tmp_path):
    """Deleting the last relay used to drop the last reference to its parent runner, whose
    destructor then deleted the relay a second time (a segfault, seen under load in this file).
    Run in a fresh process: a regression must not take the test session down with it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "relay.py"
    script.write_text(
        "import gc\n"
        "from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kexie_gui.ui.runner import QtRunner\n"
        "app = QApplication([])\n"
        "pool, seen = QThreadPool(), []\n"
        "runner = QtRunner(pool)\n"
        "runner.submit(lambda: 1, seen.append, seen.append)\n"
        "pool.waitForDone()\n"
        "QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall.value)  # the result, not the deletion\n"
        "assert seen == [1]\n"
        "del runner\n"
        "gc.collect()\n"
        "QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)\n"
        "print('survived')\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr


def _blocked(pool: QThreadPool):
    """A runner on ``pool`` with one task that runs until its event is set; returns (runner, event, results)."""
    go, seen = threading.Event(), []
    runner = QtRunner(pool)
    runner.submit(lambda: go.wait(10), seen.append, seen.append)
    return runner, go, seen


def test_two_runners_share_one_owner_of_the_process_settings(qtbot):
    """The analysis and autosave runners overlap: the settings change once and go back when the last ends."""
    import gc
    import sys

    from kexie_gui.ui.runner import SWITCH_INTERVAL, WORK_SETTINGS

    interval = sys.getswitchinterval()
    assert gc.isenabled() and WORK_SETTINGS.holders == 0
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    first, go_first, seen_first = _blocked(pool)
    second, go_second, seen_second = _blocked(pool)
    assert WORK_SETTINGS.holders == 2 and not gc.isenabled()
    go_first.set()
    qtbot.waitUntil(lambda: seen_first == [True], timeout=5000)
    assert not gc.isenabled() and sys.getswitchinterval() == min(interval, SWITCH_INTERVAL)  # the second still works
    go_second.set()
    qtbot.waitUntil(lambda: seen_second == [True], timeout=5000)
    assert gc.isenabled() and sys.getswitchinterval() == interval and WORK_SETTINGS.holders == 0
    assert first.pending == second.pending == 0
    gc.unfreeze()
    pool.waitForDone()


def test_closing_the_window_gives_the_process_settings_back_while_work_runs(qtbot, settings):
    """Closed with an analysis under way, the window's runners let go at once; the late result changes nothing."""
    import gc
    import sys

    from kexie_gui.app import compose
    from kexie_gui.ui.runner import WORK_SETTINGS

    interval = sys.getswitchinterval()
    app = compose(settings=settings, autosave=None)
    qtbot.addWidget(app.window)
    go = threading.Event()
    app.controller.runner.submit(lambda: go.wait(10), lambda _: None, lambda _: None)
    assert WORK_SETTINGS.holders == 1 and not gc.isenabled()
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.close()  # the window's own close, as its title bar's ✕ does
    assert WORK_SETTINGS.holders == 0 and gc.isenabled() and sys.getswitchinterval() == interval
    go.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # the late result arrives on the GUI thread
    assert WORK_SETTINGS.holders == 0 and gc.isenabled()
    gc.unfreeze()
