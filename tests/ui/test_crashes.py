"""A bug never makes the window vanish: it is logged, the autosave flushed, the log's path shown."""
from __future__ import annotations

import sys
import threading

from kexie_gui.app import _report_crashes_in
from kexie_gui.autosave import AutosaveStore

from .helpers import suggestions_of


def _logs(tmp_path):
    return sorted((tmp_path / "logs").glob("crash-*.log"))


def test_an_exception_in_the_window_is_logged_flushed_and_shown(seed_app, tmp_path, answers):
    app = seed_app
    state = app.controller.current
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    assert app.autosaver.pending  # not written yet: the timer waits for a pause
    reporter = _report_crashes_in(app)
    try:
        assert sys.excepthook == reporter.excepthook
        try:
            raise RuntimeError("boom in a handler")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()
    (log,) = _logs(tmp_path)
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom in a handler" in text and "Traceback" in text
    (alert,) = answers.of("alert")
    assert alert[1] == "Internal error" and str(log) in alert[2] and "RuntimeError: boom in a handler" in alert[2]
    assert str(log) in app.window.message_bar.text()
    assert AutosaveStore().load(state.id).decisions == state.decisions  # flushed before telling
    assert not app.autosaver.pending
    assert app.controller.current is state


def test_an_exception_in_a_qt_slot_reaches_the_reporter(seed_app, tmp_path, answers, qtbot):
    from PySide6.QtCore import QTimer

    app = seed_app
    reporter = _report_crashes_in(app)

    def broken():
        raise ValueError("broken slot")

    try:
        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(answers.of("alert")), timeout=3000)
    finally:
        reporter.uninstall()
    assert "ValueError: broken slot" in answers.of("alert")[0][2]
    assert len(_logs(tmp_path)) == 1


def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(seed_app, tmp_path, answers, qtbot):
    app = seed_app
    reporter = _report_crashes_in(app)
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(answers.of("alert")), timeout=3000)
    finally:
        reporter.uninstall()
    (log,) = _logs(tmp_path)
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert str(log) in answers.of("alert")[0][2]


def test_errors_while_the_dialog_is_up_only_go_to_the_log_and_the_message_bar(seed_app, tmp_path, answers):
    app = seed_app
    reporter = _report_crashes_in(app)
    nested = []

    def alert(title, text):
        answers.asked.append(("alert", title, text))
        if not nested:
            nested.append(1)
            try:
                raise KeyError("again")
            except KeyError:
                sys.excepthook(*sys.exc_info())

    app.window.alert = alert
    try:
        try:
            raise RuntimeError("first")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()
    assert len(answers.of("alert")) == 1 and len(_logs(tmp_path)) == 2
    assert "KeyError" in app.window.message_bar.text()


def test_an_error_raised_inside_qt_logs_the_stack_and_the_versions(seed_app, tmp_path, answers, qtbot):
    """Qt calling a Python attribute that is not callable raises with no traceback; the log still says where."""
    from PySide6.QtCore import QObject

    app = seed_app
    app.window.last_command = "export"
    reporter = _report_crashes_in(app)

    class Hidden(QObject):
        def __init__(self):
            super().__init__()
            self.timerEvent = "not callable"  # what ExportDialog.done did to QDialog.done

    hidden = Hidden()
    try:
        timer = hidden.startTimer(0)
        qtbot.waitUntil(lambda: bool(answers.of("alert")), timeout=3000)
        hidden.killTimer(timer)
    finally:
        reporter.uninstall()
    text = _logs(tmp_path)[0].read_text(encoding="utf-8")
    assert "TypeError: 'str' object is not callable" in text
    assert "no traceback" in text and "test_crashes.py" in text  # the stack that led there
    assert "Hint: Qt called a method" in text
    for name in ("kexie:", "python:", "qt:", "PySide6-Essentials:", "platform:"):
        assert name in text
    assert "last command: export" in text and app.controller.current.path in text


def test_the_log_of_an_ordinary_error_holds_the_whole_traceback_with_its_cause(tmp_path, monkeypatch):
    from kexie_gui.crash import report_crash

    monkeypatch.setenv("KEXIE_LOG_DIR", str(tmp_path))

    def inner():
        raise KeyError("inner")

    try:
        try:
            inner()
        except KeyError as exc:
            raise RuntimeError("outer") from exc
    except RuntimeError as exc:
        path = report_crash(exc, context={"page": "p.txt"})
    text = path.read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last)") == 2
    assert "in inner" in text and "KeyError: 'inner'" in text and "RuntimeError: outer" in text
    assert "direct cause" in text and "page: p.txt" in text and "no traceback" not in text
