"""Every dialog of the window, driven through its own buttons: OK, Cancel, Escape and the title bar's ✕.

The presenter tests answer the window's questions with stubs; these tests
leave the real dialogs on screen and click them, which is how the Export
dialog's ``done`` radio button (hiding ``QDialog.done``) was found: OK,
Cancel, Escape and ✕ all call ``done()``.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from kexie_gui.app import _report_crashes_in
from kexie_gui.ui.dialogs import ShortcutsDialog

from .conftest import SEED
from .drive import (
    Answered,
    choose_path,
    click_button,
    click_menu,
    click_text,
    escape,
    leave_dialog,
    on_modal,
    press,
    show,
    type_text,
)
from .helpers import drop, suggestions_of

OK, CANCEL, CLOSE = (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                     QDialogButtonBox.StandardButton.Close)
ASKS = ("ask_save_changes", "ask_recover", "ask_reload", "ask_yes_no", "alert")


@pytest.fixture
def real(make_app, qtbot):
    """The window with its real questions (no stubs) and a crash reporter that records every internal error."""
    app = make_app()
    for name in ASKS:
        app.window.__dict__.pop(name, None)
    show(qtbot, app.window)
    reporter = _report_crashes_in(app)
    reporter.report = lambda exc: reporter.logs.append(repr(exc)) or "log"
    app.errors = reporter.logs
    yield app
    reporter.uninstall()


def _seed(app):
    drop(app.window.raw.viewport(), [SEED])
    return app.controller.current


def _no_internal_error(app):
    assert app.errors == []
    assert "Internal error" not in app.window.message_bar.text()


# -- Export
def test_export_dialog_ok_writes_the_page(real, qtbot, tmp_path):
    _seed(real)
    out = tmp_path / "out"
    out.mkdir()

    def answer(dialog):
        assert dialog.objectName() == "export_dialog"
        dialog.folder_edit.clear()
        qtbot.keyClicks(dialog.folder_edit, str(out))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
        assert dialog.word_box.isEnabled()
        dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("Letter"))
        click_button(qtbot, dialog, OK)

    seen = on_modal(qtbot, answer)
    press(qtbot, real.window, "Ctrl+E")
    assert seen and (out / (SEED.stem + ".docx")).stat().st_size > 0
    assert real.settings.get("export/paper") == "Letter"
    _no_internal_error(real)


def test_pages_of_the_same_name_export_to_files_of_their_own(real, qtbot, tmp_path):
    """Two done pages named alike (from two folders) get ``a.md`` and ``a (2).md``, as ``kexie clean`` names them."""
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_bytes(SEED.read_bytes())
    drop(real.window.pages.list.viewport(), [tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"])
    for state in real.controller.pages:
        real.controller.set_done(state.id, True)
    out = tmp_path / "out"
    out.mkdir()

    def answer(dialog):
        dialog.folder_edit.setText(str(out))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
        qtbot.mouseClick(dialog.scope_done, Qt.MouseButton.LeftButton)
        click_button(qtbot, dialog, OK)

    seen = on_modal(qtbot, answer)
    click_menu(qtbot, real.window, real.actions["export"])
    qtbot.waitUntil(lambda: bool(seen))
    assert sorted(p.name for p in out.iterdir()) == ["a (2).md", "a.md"]
    _no_internal_error(real)


@pytest.mark.parametrize("how", ["cancel", "escape", "title bar"])
def test_export_dialog_closes_without_writing(real, qtbot, tmp_path, how):
    state = _seed(real)
    decisions = state.decisions

    def answer(dialog):
        dialog.folder_edit.setText(str(tmp_path))
        leave_dialog(qtbot, dialog, how, {"cancel": CANCEL})

    seen = on_modal(qtbot, answer)
    click_menu(qtbot, real.window, real.actions["export"])
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: real.window.open_dialog is None)
    assert not seen[0].isVisible()
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob("*.md")) == []
    assert real.controller.current is state and state.decisions == decisions
    _no_internal_error(real)


def test_export_dialog_word_options_follow_the_format_and_browse_picks_a_folder(real, qtbot, tmp_path):
    _seed(real)
    picked = tmp_path / "picked"
    picked.mkdir()

    def pick_folder(file_dialog):
        assert isinstance(file_dialog, QFileDialog)
        choose_path(qtbot, file_dialog, picked)

    def answer(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
        assert not dialog.word_box.isEnabled()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
        assert dialog.word_box.isEnabled() and dialog.paper_combo.currentData() == "A4"
        inner = on_modal(qtbot, pick_folder, seen=Answered([dialog]))
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        assert inner
        assert dialog.folder_edit.text() == str(picked)
        click_button(qtbot, dialog, OK)

    seen = on_modal(qtbot, answer)
    real.actions["export"].trigger()
    assert seen
    assert (picked / (SEED.stem + ".docx")).is_file()
    _no_internal_error(real)


def test_replace_existing_files_asks_and_no_keeps_them(real, qtbot, tmp_path):
    _seed(real)
    target = tmp_path / (SEED.stem + ".md")
    target.write_text("keep me", encoding="utf-8")
    on_modal(qtbot, lambda box: click_button(qtbot, box, QMessageBox.StandardButton.No))
    assert real.presenter.export_to("current", "md", str(tmp_path)) == []
    assert target.read_text(encoding="utf-8") == "keep me"
    on_modal(qtbot, lambda box: click_button(qtbot, box, QMessageBox.StandardButton.Yes))
    assert real.presenter.export_to("current", "md", str(tmp_path)) == [target]
    assert target.read_text(encoding="utf-8") != "keep me"
    _no_internal_error(real)


# -- Edit text (F2)
@pytest.mark.parametrize("how", ["ok", "cancel", "escape", "title bar"])
def test_edit_text_dialog_through_its_buttons(real, qtbot, how):
    state = _seed(real)
    title = str(state.clean.articles[0].title)

    def answer(dialog):
        assert dialog.objectName() == "edit_text_dialog"
        assert dialog.editor.toPlainText() == title
        dialog.editor.selectAll()
        type_text(dialog.editor, "新标题")
        leave_dialog(qtbot, dialog, how, {"ok": OK, "cancel": CANCEL})

    seen = on_modal(qtbot, answer)
    click_text(qtbot, real.window.article, real.window.article._parts.index("title"), 1)
    press(qtbot, real.window.article, "F2")
    assert seen
    expected = "新标题" if how == "ok" else title
    assert str(state.clean.articles[0].title) == expected
    _no_internal_error(real)


# -- Keyboard shortcuts
@pytest.mark.parametrize("how", ["close", "escape", "title bar"])
def test_shortcuts_dialog_closes_by_its_buttons(real, qtbot, how):
    press(qtbot, real.window, "Ctrl+/")
    dialog = real.window.findChild(ShortcutsDialog, "shortcuts_dialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() > 20
    leave_dialog(qtbot, dialog, how, {"close": CLOSE})
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _no_internal_error(real)


# -- Questions about unsaved work
@pytest.mark.parametrize("answer_with,closed,saved", [
    ("Save", True, True), ("Discard", True, False), ("Cancel", False, False), ("escape", False, False)])
def test_closing_a_page_with_unsaved_work_asks(real, qtbot, tmp_path, answer_with, closed, saved):
    page = tmp_path / SEED.name  # a copy: Save writes its session beside it, never beside the test data
    page.write_bytes(SEED.read_bytes())
    drop(real.window.raw.viewport(), [page])
    state = real.controller.current
    real.controller.decide(suggestions_of(real, "join")[0].id, False)

    def answer(box):
        assert isinstance(box, QMessageBox) and "not saved" in box.text()
        if answer_with == "escape":
            escape(qtbot, box)
        else:
            click_button(qtbot, box, answer_with)

    seen = on_modal(qtbot, answer)
    press(qtbot, real.window, "Ctrl+W")
    assert seen
    assert (real.controller.page(state.id) is None) == closed
    from kexie_gui.session import session_path_for
    assert session_path_for(state.path).exists() == saved
    _no_internal_error(real)


@pytest.mark.parametrize("answer_with", ["Recover", "Discard", "Decide later"])
def test_recovery_question_through_its_buttons(real, make_app, qtbot, answer_with, tmp_path):
    from kexie_gui.autosave import AutosaveStore

    state = _seed(real)
    join = suggestions_of(real, "join")[0]
    real.controller.decide(join.id, False)
    real.autosaver.flush()
    store = AutosaveStore()
    assert store.pending()

    later = make_app()
    for name in ("ask_recover", "alert"):
        later.window.__dict__.pop(name, None)
    seen = on_modal(qtbot, lambda box: click_button(qtbot, box, answer_with))
    answer = later.presenter.offer_recovery(crashed=True)
    assert seen and answer == {"Recover": "recover", "Discard": "discard", "Decide later": "later"}[answer_with]
    recovered = later.controller.page(state.id)
    if answer_with == "Recover":
        assert recovered is not None and recovered.decisions.choice(join.id) is False
    else:
        assert recovered is None
    assert bool(store.pending()) == (answer_with != "Discard")
    _no_internal_error(real)


@pytest.mark.parametrize("answer_with,reloaded", [("Reload", True), ("Keep current", False), ("escape", False)])
def test_page_changed_on_disk_asks(real, qtbot, tmp_path, answer_with, reloaded):
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    drop(real.window.raw.viewport(), [page])
    state = real.controller.current
    page.write_text(SEED.read_text(encoding="utf-8") + "\n\n新加的一段文字。\n", encoding="utf-8")

    def answer(box):
        if answer_with == "escape":
            escape(qtbot, box)
        else:
            click_button(qtbot, box, answer_with)

    seen = on_modal(qtbot, answer)
    real.presenter.keeping.page_file_changed(state.id)
    assert seen
    assert ("新加的一段文字" in state.page.text) == reloaded
    _no_internal_error(real)


# -- File dialogs, About, details, internal error
def test_open_pages_file_dialog_opens_the_chosen_page(real, qtbot):
    def answer(dialog):
        assert isinstance(dialog, QFileDialog)
        choose_path(qtbot, dialog, SEED)

    seen = on_modal(qtbot, answer)
    press(qtbot, real.window, "Ctrl+O")
    assert seen and real.controller.current is not None and real.controller.current.path == str(SEED)


def test_open_pages_file_dialog_cancel_opens_nothing(real, qtbot):
    seen = on_modal(qtbot, lambda dialog: escape(qtbot, dialog))
    press(qtbot, real.window, "Ctrl+O")
    assert seen and real.controller.pages == []


def test_open_folder_dialog_opens_its_pages(real, qtbot, tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")

    def answer(dialog):
        choose_path(qtbot, dialog, tmp_path)

    seen = on_modal(qtbot, answer)
    press(qtbot, real.window, "Ctrl+Shift+O")
    assert seen and [p.name for p in real.controller.pages] == ["a.txt"]


def test_about_box_closes_with_its_button(real, qtbot):
    texts = []

    def answer(box):
        texts.append(box.text())
        click_button(qtbot, box, QMessageBox.StandardButton.Ok)

    seen = on_modal(qtbot, answer)
    click_menu(qtbot, real.window, real.actions["about"])
    qtbot.waitUntil(lambda: bool(seen))
    assert "kexie" in texts[0]


def test_details_box_opens_and_closes(real, qtbot):
    real.window.show_warning("Something to read", "line one\nline two")
    qtbot.mouseClick(real.window.message_bar.details_button, Qt.MouseButton.LeftButton)
    box = real.window.message_bar.details_box
    assert box is not None and box.isVisible() and box.detailedText() == "line one\nline two"
    click_button(qtbot, box, QMessageBox.StandardButton.Close)
    qtbot.waitUntil(lambda: real.window.message_bar.details_box is None)


def test_internal_error_dialog_names_the_log_and_closes(real, qtbot):
    texts = []

    def answer(box):
        texts.append(box.text())
        click_button(qtbot, box, QMessageBox.StandardButton.Ok)

    seen = on_modal(qtbot, answer)
    real.window.show_crash("Internal error: boom\n\nlog: /tmp/x.log")
    assert seen and "/tmp/x.log" in texts[0]


def test_recovery_of_several_pages_names_every_page_in_the_banner(real, make_app, qtbot, tmp_path):
    from kexie_gui.autosave import AutosaveStore

    paths = []
    for name in ("first.txt", "second.txt"):
        page = tmp_path / name
        page.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(page)
        drop(real.window.raw.viewport(), [page])
        qtbot.waitUntil(lambda: real.controller.current is not None and real.controller.current.analysis is not None,
                        timeout=10000)
        join = suggestions_of(real, "join")[0]
        real.controller.decide(join.id, False)
    real.autosaver.flush()
    assert len(AutosaveStore().pending()) == 2

    later = make_app()
    for name in ("ask_recover", "alert"):
        later.window.__dict__.pop(name, None)
    seen = on_modal(qtbot, lambda box: click_button(qtbot, box, "Recover"))
    assert later.presenter.offer_recovery(crashed=True) == "recover" and seen
    qtbot.waitUntil(lambda: all(n in later.window.message_bar.text() for n in ("first.txt", "second.txt")),
                    timeout=10000)
    assert "2" in later.window.message_bar.text()
    _no_internal_error(real)
