"""Bugs never make the window vanish: an uncaught exception is logged, the autosave flushed, the editor told.

``sys.excepthook`` catches what escapes a slot, an event handler or a timer
(PySide6 hands those exceptions to it and carries on);
``threading.excepthook`` what escapes a Python thread.  Either way the
traceback goes to a log file (:func:`kexie_gui.crash.report_crash`), the
unsaved decisions are written to their autosaves first (if that still
works), and the window says what happened and where the log is: in the
message bar and in a dialog.  A thread's exception travels to the GUI thread
through a queued signal, since widgets may only be touched there.  While one
dialog is on screen, further errors only go to the log and the message bar
(an error in a paint handler would otherwise stack dialogs without end).
"""
from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from ..crash import report_crash
from .i18n import _tr


class CrashReporter(QObject):
    _from_thread = Signal(str, str)  # (what happened, log)

    def __init__(self, window, flush: Callable[[], object] | None = None,
                 report: Callable[[BaseException], object] | None = None, parent: QObject | None = None,
                 context: Callable[[], dict] | None = None):
        super().__init__(parent)
        self.window = window
        self.flush = flush
        self.context = context  # () -> {name: text}: what the window was doing, for the log
        self.report = report or self._report
        self.logs: list[str] = []  # every log written (tests, the about box)
        self._showing = False
        self._previous: Callable | None = None  # the hooks in place before install()
        self._previous_thread: Callable | None = None
        self._from_thread.connect(self._tell)

    def install(self) -> CrashReporter:
        self._previous, self._previous_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._previous is not None:
            sys.excepthook = self._previous
        if threading.excepthook == self.thread_excepthook and self._previous_thread is not None:
            threading.excepthook = self._previous_thread

    # -- the hooks
    def excepthook(self, kind, value, tb) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            (self._previous or sys.__excepthook__)(kind, value, tb)
            return
        traceback.print_exception(kind, value, tb)
        exc = value if value is not None else kind()
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        try:
            if self._on_gui_thread():
                self._handle(exc)
            else:  # sys.excepthook called from a worker: log here, tell on the GUI thread
                self._from_thread.emit(self._what(exc), str(self._log(exc)))
        except Exception:  # noqa: BLE001 - the reporter itself failed: fall back to the default
            (self._previous or sys.__excepthook__)(kind, value, tb)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        if exc.__traceback__ is None and args.exc_traceback is not None:
            exc = exc.with_traceback(args.exc_traceback)
        traceback.print_exception(args.exc_type, exc, args.exc_traceback)
        try:
            self._from_thread.emit(self._what(exc), str(self._log(exc)))
        except Exception:  # noqa: BLE001
            if self._previous_thread is not None:
                self._previous_thread(args)

    # -- what it does
    def _report(self, exc: BaseException):
        context = None
        if self.context is not None:
            try:
                context = self.context()
            except Exception:  # noqa: BLE001 - describing the state must not hide the error
                context = {"context": "(could not be described)"}
        return report_crash(exc, context=context)

    @staticmethod
    def _on_gui_thread() -> bool:
        app = QCoreApplication.instance()
        return app is not None and QThread.currentThread() == app.thread()

    @staticmethod
    def _what(exc: BaseException) -> str:
        return f"{type(exc).__name__}: {exc}"

    def _log(self, exc: BaseException):
        log = self.report(exc)
        self.logs.append(str(log))
        return log

    def _handle(self, exc: BaseException) -> None:
        self._flush()
        self._tell(self._what(exc), str(self._log(exc)), flushed=True)

    def _flush(self) -> bool:
        if self.flush is None:
            return False
        try:
            return bool(self.flush())
        except Exception:  # noqa: BLE001 - saving what we can must not hide the first error
            traceback.print_exc()
            return False

    def _tell(self, what: str, log: str, flushed: bool = False) -> None:
        if not flushed:
            self._flush()
        text = (_tr("CrashReporter", "Internal error: {what}").format(what=what) + "\n\n"
                + _tr("CrashReporter", "This is a bug in kexie. The details were written to:") + "\n" + log + "\n\n"
                + _tr("CrashReporter", "Your decisions are kept (autosave); you can go on working, or save "
                      "and restart kexie to be safe. Please send the log file with a report."))
        if self._showing:
            self.window.show_error(text)
            return
        self._showing = True
        try:
            self.window.show_crash(text)
        finally:
            self._showing = False
