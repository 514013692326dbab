"""The composition root of the window: ``kexie-gui [PAGE.txt …] [--lang zh|en] [--self-test]``.

``compose`` is the one place that builds the controller, the models, the
window, the undo stacks and the actions and connects them (Mu's ``run()``);
tests call it with a synchronous runner and a temporary settings file.
``main`` adds argument parsing, the QApplication, the crash reporter, the
macOS "Open With" handler and, on start, the offer to recover unsaved work.

Autosaves and sessions saved for read-only folders live in the user data
folder; ``KEXIE_DATA_DIR`` moves it (tests, portable installs) and
``compose(autosave=AutosaveStore(root))`` injects another store.

``KEXIE_TEST_SCRIPT`` (tests only) names a Python file that ``main`` runs once
the window is up, with ``app`` (the :class:`App`) and ``wait_until`` in its
globals: it lets a test drive a real ``kexie-gui`` process -- make decisions,
then be killed -- without a GUI driver.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_ID, APP_NAME, __version__
from .resources_path import resource, sample_page

if TYPE_CHECKING:  # the types only: importing Qt here would cost every `kexie-gui --help`
    import argparse

    from PySide6.QtGui import QAction, QUndoGroup

    from .ui.autosaver import Autosaver
    from .ui.controller import Controller
    from .ui.i18n import Translations
    from .ui.models import OutlineModel, PagesModel, SuggestionModel
    from .ui.presenter import Presenter
    from .ui.settings import Settings
    from .ui.undo import UndoRecorder
    from .ui.watcher import PageWatcher
    from .ui.window import MainWindow

_DEFAULT = object()


@dataclass
class App:
    """Everything ``compose`` built, for tests, tools and benchmarks."""

    controller: Controller
    window: MainWindow
    presenter: Presenter
    suggestions: SuggestionModel
    outline: OutlineModel
    pages: PagesModel
    recorder: UndoRecorder
    undo_group: QUndoGroup
    translations: Translations
    settings: Settings
    actions: dict[str, QAction]
    autosaver: Autosaver | None = None
    watcher: PageWatcher | None = None
    crashed: bool = False  # the previous run ended without closing its window (kill, crash, power cut)


def _qt_app(qt_args: list[str]):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .ui.qtfix import protect_singletons

    protect_singletons()  # before the window makes its first void call (see ui/qtfix.py)
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName("kexie-gui")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([sys.argv[0] if sys.argv else "kexie-gui"] + qt_args)
        app.setDesktopFileName(APP_ID)
        icon = resource("icons") / "kexie.svg"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def compose(paths=(), *, language: str | None = None, runner=None, settings=None, exporter=_DEFAULT,
            autosave=_DEFAULT, sessions: bool = True) -> App:
    """Build and connect the window.

    ``runner`` defaults to a QThreadPool runner on the global pool.
    ``autosave`` is an :class:`~kexie_gui.autosave.AutosaveStore` (default:
    the user data folder), or None for no autosave; composing marks the store
    as in use (``start()``) and records in ``App.crashed`` whether the previous
    run ended without closing.  ``sessions=False`` opens pages without their
    saved sessions (self-test, screenshots); File › Save still writes them.
    """
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QApplication

    from . import session
    from .autosave import AutosaveStore
    from .ui.actions import build_actions
    from .ui.autosaver import Autosaver
    from .ui.controller import Controller
    from .ui.exporting import LazyExporter
    from .ui.i18n import Translations, _tr, system_language
    from .ui.models import OutlineModel, PagesModel, SuggestionModel
    from .ui.presenter import Presenter
    from .ui.qtfix import protect_singletons
    from .ui.runner import QtRunner
    from .ui.settings import Settings
    from .ui.undo import UndoRecorder
    from .ui.watcher import PageWatcher
    from .ui.window import MainWindow

    protect_singletons()
    qapp = QApplication.instance()
    assert qapp is not None, "compose() needs the QApplication (_qt_app) first"
    settings = settings if settings is not None else Settings(QSettings())
    autosave_runner = None  # with an injected runner (tests) autosaves are written inline
    own_runners = []
    if runner is None:
        runner = QtRunner(QThreadPool.globalInstance(), qapp)
        writer = QThreadPool(qapp)
        writer.setMaxThreadCount(1)  # one writer keeps the autosaves of a page in order
        autosave_runner = QtRunner(writer, qapp)
        own_runners = [runner, autosave_runner]
    language = language or settings.get("ui/language") or system_language()
    translations = Translations(qapp)
    translations.set_language(language)
    controller = Controller(runner=runner, translate=_tr, load_session=session.load_session if sessions else None,
                            save_session=session.save_session)
    controller.language = translations.language
    undo_group = QUndoGroup()
    recorder = UndoRecorder(controller, undo_group)
    controller.recorder = recorder
    suggestions = SuggestionModel(controller)
    outline = OutlineModel()
    pages = PagesModel(controller)
    window = MainWindow(suggestions, outline, pages, controller.kind_label, settings)
    for owned in (undo_group, suggestions, outline, pages):
        owned.setParent(window)  # they live as long as the window
    for own in own_runners:  # a closed window waits for no work: the process settings it held go back
        window.closing.connect(own.close)
    store = AutosaveStore() if autosave is _DEFAULT else autosave
    crashed, store_problem = False, None
    if store is not None:
        try:
            crashed = store.start()
        except session.SessionError as exc:  # the data folder cannot be written: said, and retried on each write
            store_problem = str(exc)
    autosaver = Autosaver(controller, store, runner=autosave_runner, parent=window)
    watcher = PageWatcher(window)
    presenter = Presenter(controller, window, suggestions, outline, pages, recorder, undo_group, settings,
                          translations, LazyExporter() if exporter is _DEFAULT else exporter,
                          autosaver=autosaver, watcher=watcher)
    def before(name: str) -> None:
        window.last_command = name
        presenter.before_command()

    actions = build_actions(window, presenter, before)
    window.install_actions(actions, translations.language)
    presenter.install(actions)
    window.restore_settings()
    if store_problem:
        presenter.keeping.autosave_failed(store_problem)
    if paths:
        presenter.open_paths([str(p) for p in paths])
    return App(controller, window, presenter, suggestions, outline, pages, recorder, undo_group, translations,
               settings, actions, autosaver, watcher, crashed)


def wait_until(predicate, timeout: float = 30.0) -> bool:
    """Run the event loop until ``predicate()`` holds (the analysis arrives on the GUI thread)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(5)
    return True


def _report_crashes_in(app: App):
    """Uncaught exceptions (GUI thread and Python threads) are logged, the autosave flushed, the editor told.

    Returns the installed :class:`~kexie_gui.ui.crashes.CrashReporter` (``uninstall()`` puts the old hooks back).
    """
    from .ui.crashes import CrashReporter

    def context() -> dict:
        c = app.controller
        state = c.current
        out = {"pages open": str(len(c.pages)), "language": c.language}
        if state is not None:
            d = state.decisions
            out["page"] = f"{state.path} ({len(state.page.text)} characters, {state.status})"
            out["decisions"] = (f"{len(d.choices)} choices, {len(d.roles)} roles, {len(d.edits)} edits, "
                                f"{len(d.moves)} moves, {len(d.splits)} splits")
        command = app.window.last_command
        if command:
            out["last command"] = command
        return out

    return CrashReporter(app.window, flush=app.autosaver.flush if app.autosaver else None,
                         parent=app.window, context=context).install()


def _install_file_open(qapp, presenter, force: bool = False):
    """macOS Finder's "Open With": a FileOpen event on the application opens the page.

    Only macOS sends these; elsewhere the filter is not installed, since a
    filter on the application sees every event of the program.
    """
    if sys.platform != "darwin" and not force:
        return None
    from .ui.dropfilter import FileOpenFilter

    opener = FileOpenFilter(qapp)
    opener.paths_opened.connect(presenter.open_paths)
    qapp.installEventFilter(opener)
    return opener


def _run_test_script(app: App, path: str) -> None:
    """Run the file named by ``KEXIE_TEST_SCRIPT`` with ``app`` in its globals (tests only)."""
    import runpy

    runpy.run_path(path, init_globals={"app": app, "wait_until": wait_until}, run_name="__kexie_test__")


def _start(app: App, pages: list[str]) -> None:
    """Once the window is up: offer back unsaved work, then open the pages asked for."""
    app.presenter.offer_recovery(app.crashed)
    pages = [p for p in pages if app.controller.page(os.path.abspath(p)) is None]  # not recovered just now
    if pages:
        app.presenter.open_paths(pages)
    elif not app.controller.pages and sample_page().is_file():
        app.controller.warm_up(str(sample_page()))
    script = os.environ.get("KEXIE_TEST_SCRIPT")
    if script:
        _run_test_script(app, script)


def self_test() -> int:
    """Open the sample page offscreen, apply the default decisions, export; 0 when all went well."""
    import tempfile

    from PySide6.QtCore import QSettings

    from .ui.settings import Settings

    with tempfile.TemporaryDirectory(prefix="kexie-self-test-") as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        app = compose(language="en", settings=settings, autosave=None, sessions=False)
        page = sample_page()
        if not page.is_file():
            raise RuntimeError(f"the sample page is missing: {page}")
        app.presenter.open_paths([str(page)])
        state = app.controller.current
        if state is None:
            raise RuntimeError(f"the sample page did not open: {app.window.message_bar.text()}")
        if not wait_until(lambda: state.view is not None or state.failure, 60):
            raise RuntimeError("the analysis did not finish within 60 s")
        if state.failure or state.ready is None:
            raise RuntimeError(f"the analysis failed: {state.failure}")
        articles = len(state.ready.clean.articles)
        if not articles:
            raise RuntimeError("the sample page gave no articles")
        print(f"self-test: {page.name}: {len(state.ready.analysis.suggestions)} suggestions, {articles} articles")
        exporter = app.presenter.exporter
        if exporter is None:
            print("self-test: kexie_gui.export is not importable; export skipped")
        else:
            out = Path(tmp) / "export"
            out.mkdir()
            from .ui.exporting import EXPORT_FORMATS
            for fmt in [f for f in EXPORT_FORMATS if f in exporter.FORMATS]:
                written = app.presenter.export_to("current", fmt, str(out))
                if not written or not all(p.is_file() and p.stat().st_size > 0 for p in written):
                    raise RuntimeError(f"export to {fmt} wrote nothing: {app.window.message_bar.text()}")
                print(f"self-test: exported {', '.join(p.name for p in written)}")
        app.window.close()
    print("self-test: ok")
    return 0


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    import argparse

    parser = argparse.ArgumentParser(prog="kexie-gui", description="Review window: raw OCR page beside the "
                                     "clean articles; accept or reject every repair.")
    parser.add_argument("pages", nargs="*", help="page files (.txt) or folders to open")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: system locale)")
    parser.add_argument("--self-test", action="store_true",
                        help="open the sample page offscreen, apply the default decisions, export, exit 0/1")
    parser.add_argument("--version", action="version", version=f"kexie-gui {__version__}")
    return parser.parse_known_args(argv)


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        try:
            _qt_app(qt_args)
            return self_test()
        except Exception as exc:  # noqa: BLE001 - the self-test reports every failure as exit 1
            print(f"self-test failed: {exc}", file=sys.stderr)
            return 1
    from PySide6.QtCore import QTimer

    qapp = _qt_app(qt_args)
    app = compose(language=args.lang)
    if args.lang:
        app.settings.set("ui/language", args.lang)
    _report_crashes_in(app)
    _install_file_open(qapp, app.presenter)
    app.window.show()
    QTimer.singleShot(0, lambda: _start(app, args.pages))
    return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
