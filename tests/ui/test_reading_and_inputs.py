"""Issue 10 rows in the window: a banner says how a page was read, Reopen with encoding… through its
own dialog, a malformed session or autosave never stops work, an export never replaces an open page.
"""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from kexie_gui.autosave import AUTOSAVE_SUFFIX, AutosaveStore
from kexie_gui.core import Decisions, analyse, load_page

from .conftest import SEED
from .helpers import drop

SMALL = ("成都市科协召开学会工作座谈会\n\n"
         "本报讯 近日，成都市科协召开学会工作座谈会，37家市级学会负责人参加会议。\n")


def test_a_banner_says_how_a_page_was_read(app, tmp_path):
    page = tmp_path / "gb.txt"
    page.write_bytes(SMALL.encode("gb18030"))
    assert drop(app.window.raw.viewport(), [page])
    assert app.window.message_bar.text() == "gb.txt: read as GB18030/GBK (guessed)"
    plain = tmp_path / "plain.txt"
    plain.write_text(SMALL, encoding="utf-8")
    assert drop(app.window.raw.viewport(), [plain])
    assert app.window.message_bar.text() == ""  # clean UTF-8: nothing to say


def test_the_banner_is_in_chinese_in_the_chinese_window(make_app, tmp_path):
    app = make_app(language="zh")
    page = tmp_path / "gb.txt"
    page.write_bytes(SMALL.encode("gb18030"))
    app.presenter.open_paths([str(page)])
    assert app.window.message_bar.text() == "gb.txt: 按 GB18030/GBK 读取（推测）"


def _answer_the_encoding_dialog(qtbot, text: str, seen: list):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(dialog.labelText())
        dialog.setTextValue(text)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, answer)


def test_reopen_with_encoding_through_its_own_dialog(app, tmp_path, qtbot):
    page = tmp_path / "ru.txt"
    text = "Привет, мир\n"
    page.write_bytes(text.encode("cp1251"))  # a short Cyrillic page: kexie's guess is Western (and unsure)
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    assert state.page.reading.how == "guess" and app.window.message_bar.text().startswith("ru.txt: read as")
    seen = []
    _answer_the_encoding_dialog(qtbot, "cp1251", seen)
    app.actions["reopen_encoding"].trigger()
    assert seen == ["Read ru.txt as:"]
    assert state.page.text == text and state.encoding == "cp1251"
    assert state.page.reading.how == "forced" and app.window.raw.toPlainText() == text
    assert "ru.txt: read as CP1251 (chosen by hand)" in app.window.message_bar.text()


def test_reopen_with_encoding_cancelled_changes_nothing(app, tmp_path, qtbot):
    page = tmp_path / "gb.txt"
    page.write_bytes(SMALL.encode("gb18030"))
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    before = state.page

    def cancel():
        dialog = QApplication.activeModalWidget()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    QTimer.singleShot(0, cancel)
    app.actions["reopen_encoding"].trigger()
    assert state.page is before and state.encoding is None


def test_a_malformed_session_opens_the_page_with_a_banner_and_leaves_the_file(app, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / SEED.name
    shutil.copy(SEED, page)
    session = folder / (SEED.name + ".kexie.json")
    session.write_text('{"format": "kexie-session", "version": 1, "page": {"sha256": "x"}, '
                       '"decisions": {"choices": ' + "[" * 100_000 + "]" * 100_000 + "}}", encoding="utf-8")
    before = session.read_bytes()
    assert drop(app.window.raw.viewport(), [page])
    state = app.controller.current
    assert state is not None and state.view is not None and state.decisions == Decisions()
    shown = app.window.message_bar.text()
    assert "opened without its saved decisions" in shown and "damaged (nested too deeply)" in shown
    assert session.read_bytes() == before


def test_one_malformed_autosave_does_not_block_recovery_in_the_window(make_app, tmp_path, answers, data_dir):
    pages = []
    store = AutosaveStore(data_dir / "autosave")
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        page = folder / SEED.name
        shutil.copy(SEED, page)
        fresh = load_page(page)
        analysis = analyse(fresh)
        store.save(str(page), page, fresh.sha256, Decisions().with_choice(analysis.suggestions[0].id, False),
                   {}, analysis=analysis)
        pages.append(page)
    bad = store.path_for(str(pages[1]))
    bad.write_text(bad.read_text(encoding="utf-8").replace('"splits": []', '"splits": [1e400]'), encoding="utf-8")
    app = make_app()
    answers.recover = "recover"
    assert app.presenter.offer_recovery() == "recover"
    (question,) = answers.of("recover")
    assert len(question[1]) == 1 and question[1][0].startswith(SEED.name)
    assert [p.path for p in app.controller.pages] == [str(pages[0])]
    assert list(store.root.glob(f"*{AUTOSAVE_SUFFIX}.damaged-*"))  # set aside, kept
    shown = app.window.message_bar.text()
    assert "Recovered 1 unsaved decision(s)" in shown
    assert f"{bad}: the autosave is damaged (the number 1e400 is too large)" in shown
    assert "set aside as" in shown


def test_an_export_never_replaces_an_open_page(app, tmp_path):
    if app.presenter.exporter is None:
        pytest.skip("kexie_gui.export is not importable")
    page = tmp_path / "notes.md"  # a page that happens to carry the export's suffix
    page.write_text(SMALL, encoding="utf-8")
    before = page.read_bytes()
    app.presenter.open_paths([str(page)])
    asked = []
    app.window.ask_yes_no = lambda title, text: asked.append(text) or True  # "replace" if it were asked
    assert app.presenter.export_to("current", "md", str(tmp_path)) == []
    assert page.read_bytes() == before and asked == []  # not even offered for replacing
    assert "notes.md: this is an open page; an export never replaces it" in app.window.message_bar.text()
    out = tmp_path / "out"
    out.mkdir()
    assert [p.name for p in app.presenter.export_to("current", "md", str(out))] == ["notes.md"]


def test_an_unreadable_folder_dropped_on_the_window_is_said(app, tmp_path, monkeypatch):
    import errno
    import os

    from kexie_gui import pagefiles

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "p.txt").write_text(SMALL, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == str(folder):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pagefiles.os, "scandir", scandir)
    assert drop(app.window.raw.viewport(), [folder])
    assert app.window.message_bar.text() == f"{folder}: cannot list the folder (permission denied); the pages in it " \
                                            "were not read"
    assert app.controller.pages == []
