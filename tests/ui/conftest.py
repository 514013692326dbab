"""Fixtures of the window tests: offscreen Qt, a synchronous runner, a throw-away settings file.

``QT_QPA_PLATFORM`` must be set before anything imports Qt.  The offscreen
platform warns "This plugin does not support propagateSizeHints()" whenever
a shown window's size hints change; that is the platform plugin talking, not
our code, so it is exempted from ``qt_log_level_fail = WARNING``, as are its
two remarks when a menu pops up (it cannot raise windows nor grab the keyboard).
"""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "000_57b0e2a3ead17231.txt"
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise",
                   "This plugin does not support grabbing the keyboard")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Before pytest-qt closes the windows: a window whose questions are real must not ask about unsaved work."""
    app = getattr(item, "funcargs", {}).get("real")
    if app is not None:
        app.window.ask_save_changes = lambda names: "discard"
    yield


@pytest.fixture(autouse=True)
def no_menu_left_open(qapp):
    yield
    from .drive import close_popups

    close_popups()


@pytest.fixture(autouse=True)
def test_data_stays_untouched():
    """A test that saves a session must open a copy of the page: nothing is written beside the test data."""
    yield
    stray = sorted(p.name for p in DATA.glob("*.kexie.json"))
    for p in DATA.glob("*.kexie.json"):
        p.unlink()
    assert stray == [], f"a test wrote {stray} into tests/data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Autosaves, fallback sessions and crash logs of every test go to its own folder, never the home."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("KEXIE_DATA_DIR", str(folder))
    monkeypatch.setenv("KEXIE_LOG_DIR", str(tmp_path / "logs"))
    return folder


class Answers:
    """What the window's questions answer in tests (no modal dialog may block a test); records each question."""

    def __init__(self):
        self.save_changes, self.recover, self.reload, self.yes_no = "discard", "later", False, True
        self.asked: list[tuple] = []

    def install(self, window) -> None:
        window.ask_save_changes = lambda names: self._answer(("save_changes", tuple(names)), self.save_changes)
        window.ask_recover = lambda items, crashed, later=True: self._answer(
            ("recover", tuple(items), crashed, later),
            "recover" if self.recover == "later" and not later else self.recover)  # as Escape would
        window.ask_reload = lambda name, dirty: self._answer(("reload", name, dirty), self.reload)
        window.ask_yes_no = lambda title, text: self._answer(("yes_no", title, text), self.yes_no)
        window.alert = lambda title, text: self.asked.append(("alert", title, text))

    def _answer(self, question, answer):
        self.asked.append(question)
        return answer

    def of(self, kind: str) -> list[tuple]:
        return [q for q in self.asked if q[0] == kind]


@pytest.fixture
def answers():
    return Answers()


@pytest.fixture
def settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from kexie_gui.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_app(qtbot, settings, answers):
    """Build the whole window (as the app does) with a synchronous runner; its questions answer ``answers``."""
    from kexie_gui.app import compose
    from kexie_gui.ui.controller import SyncRunner

    built = []

    def make(language="en", runner=None, **kw):
        app = compose(language=language, runner=runner or SyncRunner(), settings=settings, **kw)
        answers.install(app.window)
        qtbot.addWidget(app.window)
        built.append(app)
        return app

    yield make
    for app in built:
        app.translations.set_language("en")


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def seed_app(app):
    """The window with the seed page dropped on the raw view."""
    from .helpers import drop

    drop(app.window.raw.viewport(), [SEED])
    assert app.controller.current is not None and app.controller.current.view is not None
    return app


@pytest.fixture(autouse=True, scope="session")
def _none_stays_alive():
    """PySide6 6.12 on Python 3.11 loses references to None, True and False (see kexie_gui/ui/qtfix.py)."""
    from kexie_gui.ui.qtfix import protect_singletons

    protect_singletons()
