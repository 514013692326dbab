"""Never lose an editor's work: Save, reopen, unsaved marks, asking before closing, autosave and recovery.

The SIGKILL test runs a real ``kexie-gui`` process (``python -m kexie_gui``)
with a ``KEXIE_TEST_SCRIPT`` that makes decisions through the controller,
waits until the autosave holds them, kills the process and recovers them in a
new window.
"""
from __future__ import annotations

import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kexie_gui.autosave import AutosaveStore, Debouncer
from kexie_gui.core import Decisions, analyse, load_page
from kexie_gui.session import SESSION_SUFFIX, load_session, restore_decisions, session_document
from kexie_gui.ui.derive import PART_TITLE, Place

from .conftest import SEED
from .helpers import drop, suggestions_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(tmp_path):
    """A copy of the seed page in a folder of its own (sessions are saved beside it)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    path = folder / SEED.name
    shutil.copy(SEED, path)
    return path


def session_of(page: Path) -> Path:
    return page.with_name(page.name + SESSION_SUFFIX)


def decide_some(app) -> Decisions:
    """A few decisions of every sort on the shown page."""
    c = app.controller
    state = c.current
    c.decide(suggestions_of(app, "join")[0].id, False)
    c.decide(suggestions_of(app, "punctuation")[0].id, False)
    body = state.clean.articles[1].paragraph_keys[1]
    c.set_role(body, "furniture")
    c.edit_text(Place(0, PART_TITLE, 0), "德阳市获评示范市（改）")
    return state.decisions


def row_text(app, page_id) -> str:
    return app.pages.index(app.pages.row_of(page_id), 0).data()


# ---------------------------------------------------------------- save, reopen, unsaved marks

def test_save_then_reopen_restores_every_decision(app, page, answers):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    assert not state.dirty and not app.window.isWindowModified()
    decisions = decide_some(app)
    assert state.dirty and app.window.isWindowModified()
    assert row_text(app, state.id).startswith(page.name + " *")
    app.actions["save"].trigger()
    assert session_of(page).is_file()
    assert not state.dirty and not app.window.isWindowModified()
    assert not row_text(app, state.id).startswith(page.name + " *")
    assert "Saved 4 decision(s)" in app.window.statusBar().currentMessage()
    assert app.actions["close_page"].isEnabled()
    app.actions["close_page"].trigger()
    assert app.controller.pages == [] and answers.of("save_changes") == []  # saved: nothing to ask
    assert app.window.placeholder_shown()

    app.presenter.open_paths([str(page)])
    again = app.controller.current
    assert again.decisions == decisions and not again.dirty
    assert app.window.history.stack().count() == 0  # restored as the page's initial state, not as undo steps
    assert app.window.statusBar().currentMessage() == f"Restored 4 decision(s) from {session_of(page).name}."
    assert again.status == "review"
    # the done mark is part of the session
    app.actions["mark_done"].trigger()
    assert again.dirty
    app.actions["save"].trigger()
    app.actions["close_page"].trigger()
    app.presenter.open_paths([str(page)])
    assert app.controller.current.done and app.controller.current.status == "done"


def test_undo_back_to_the_saved_decisions_is_clean_again(app, page):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    app.actions["save"].trigger()
    app.controller.decide(suggestions_of(app, "join")[1].id, False)
    assert state.dirty
    app.actions["undo"].trigger()
    assert not state.dirty and not app.window.isWindowModified()


def save_then_change(app, page) -> None:
    """Open ``page``, decide some suggestions, save and close; then change the page on disk: two lines
    added above and the paragraph one decision marks taken out."""
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    victim = state.analysis.block(state.clean.articles[1].paragraph_keys[1])  # decide_some marks it
    decide_some(app)
    app.actions["save"].trigger()
    app.actions["close_page"].trigger()
    text = state.page.text
    page.write_text("\n\n" + text[:victim.start] + text[victim.end:], encoding="utf-8")  # lines move, one goes


def test_a_changed_page_reopens_with_its_decisions_reanchored_and_the_lost_ones_listed(app, page):
    save_then_change(app, page)

    fresh = load_page(page)
    expected = load_session(page, fresh, analyse(fresh))
    assert expected.page_changed and len(expected.lost) == 1 and expected.restored == expected.total - 1

    app.presenter.open_paths([str(page)])
    again = app.controller.current
    assert again.decisions == expected.decisions
    shown = app.window.message_bar.text()
    assert shown == expected.summary()
    assert f"{expected.restored} of {expected.total} decision(s) restored" in shown
    assert "1 could not be placed and are lost" in shown
    assert app.window.message_bar.details_button.isVisibleTo(app.window)
    assert "is lost" in app.window.message_bar.details
    app.window.message_bar.details_button.click()
    box = app.window.message_bar.details_box  # non-modal: the window stays usable
    assert box is not None and box.isVisible() and not box.isModal()
    assert expected.lost[0].message.render("en") in box.detailedText()
    box.close()
    assert again.dirty  # the re-anchored decisions are not on disk for this text yet


def test_a_changed_page_is_explained_in_chinese_too(make_app, page):
    app = make_app(language="zh")
    app.presenter.open_paths([str(page)])
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    app.actions["save"].trigger()
    app.actions["close_page"].trigger()
    page.write_text("\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    app.presenter.open_paths([str(page)])
    assert app.window.message_bar.text().startswith("页面在保存")
    app.actions["close_page"].trigger()
    assert app.window.placeholder.sample.text() == "打开示例版面" and app.window.placeholder_shown()
    assert app.actions["save"].text() == "保存决定(&S)"


@pytest.mark.parametrize("language, said", [
    ("zh", {"changed": "页面在保存 {session} 之后已改动：", "lost": "已丢失：该文字已不在页面上",
            "unsaved": "{page}：{when} 未保存的修改", "recovered": "之后已改动：1 项决定中恢复了 1 项。"}),
    ("en", {"changed": "The page changed since {session} was saved: ",
            "lost": "is lost: that text is no longer on the page", "unsaved": "{page}: unsaved changes from {when}",
            "recovered": "was saved: 1 of 1 decision(s) restored."}),
])
def test_what_became_of_earlier_work_is_said_in_the_window_s_language(make_app, page, answers, data_dir,
                                                                       language, said):
    app = make_app(language=language)
    save_then_change(app, page)
    app.presenter.open_paths([str(page)])
    assert app.window.message_bar.text().startswith(said["changed"].format(session=session_of(page).name))
    app.window.message_bar.details_button.click()
    box = app.window.message_bar.details_box
    assert box is not None and said["lost"] in box.detailedText()
    box.close()
    app.actions["close_page"].trigger()  # the re-anchored decisions are thrown away (the test's answer)

    leave_unsaved_work(page, data_dir)
    page.write_text("\n" + page.read_text(encoding="utf-8"), encoding="utf-8")  # and the page changes again
    (left,) = AutosaveStore().pending()
    when = datetime.datetime.fromtimestamp(left.saved_at).strftime("%Y-%m-%d %H:%M")
    answers.recover = "recover"
    assert app.presenter.offer_recovery() == "recover"
    assert answers.of("recover")[-1][1] == (said["unsaved"].format(page=page.name, when=when),)
    assert said["recovered"] in app.window.message_bar.text()


def test_a_damaged_session_file_is_reported_and_the_page_opens_without_it(app, page):
    session_of(page).write_text('{"format": "kexie-session", "version": 1, "page": ', encoding="utf-8")
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    assert state is not None and state.view is not None and state.decisions == Decisions()
    shown = app.window.message_bar.text()
    assert "opened without its saved decisions" in shown and "damaged" in shown and session_of(page).name in shown
    assert app.outline.rowCount() == 4
    assert not state.dirty
    # saving later keeps the damaged file aside
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    app.actions["save"].trigger()
    assert list(page.parent.glob(page.name + SESSION_SUFFIX + ".bak-*"))


# ---------------------------------------------------------------- asking before closing

def test_closing_a_page_with_unsaved_decisions_asks(app, page, answers, data_dir):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    app.autosaver.flush()
    autosave = AutosaveStore().path_for(state.id)
    assert autosave.is_file()

    answers.save_changes = "cancel"
    app.actions["close_page"].trigger()
    assert answers.of("save_changes") == [("save_changes", (page.name,))]
    assert app.controller.pages == [state] and state.dirty

    answers.save_changes = "discard"
    app.actions["close_page"].trigger()
    assert app.controller.pages == [] and not session_of(page).exists()
    assert not autosave.exists()  # thrown away on purpose: nothing to offer back

    app.presenter.open_paths([str(page)])
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    answers.save_changes = "save"
    app.actions["close_page"].trigger()
    assert app.controller.pages == [] and session_of(page).is_file()


def test_closing_the_window_with_unsaved_pages_asks_once_for_all(app, page, tmp_path, answers, data_dir):
    other = tmp_path / "other.txt"
    shutil.copy(SEED, other)
    app.presenter.open_paths([str(page), str(other)])
    c = app.controller
    for pid in [p.id for p in c.pages]:
        c.select_page(pid)
        c.decide(suggestions_of(app, "join")[0].id, False)
    app.window.show()
    answers.save_changes = "cancel"
    assert not app.window.close()
    assert app.window.isVisible() and len(c.pages) == 2
    assert answers.of("save_changes")[-1] == ("save_changes", (page.name, other.name))
    assert (data_dir / "autosave" / "running.lock").exists()
    answers.save_changes = "save"
    assert app.window.close()
    assert session_of(page).is_file() and session_of(other).is_file()
    assert not (data_dir / "autosave" / "running.lock").exists()  # a clean exit
    assert AutosaveStore().pending() == []


def test_a_failed_save_keeps_the_window_open(app, page, answers, monkeypatch):
    from kexie_gui import fileio

    app.presenter.open_paths([str(page)])
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    app.window.show()
    monkeypatch.setattr(fileio, "os", _FullDisk())
    answers.save_changes = "save"
    assert not app.window.close()
    assert "the disk is full" in app.window.message_bar.text()
    assert app.controller.current.dirty


class _FullDisk:
    """``os`` for kexie_gui.fileio on a full disk: every write fails with ENOSPC."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def write(fd, data):
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")


# ---------------------------------------------------------------- autosave

def test_every_change_is_autosaved_after_a_pause_and_save_clears_it(app, page, qtbot, data_dir):
    app.autosaver.debouncer = Debouncer(delay=0.05, max_delay=0.5)
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    store = AutosaveStore()
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    assert app.autosaver.timer.isActive() and not store.path_for(state.id).exists()
    started = time.monotonic()
    qtbot.waitUntil(lambda: store.path_for(state.id).exists(), timeout=3000)
    assert time.monotonic() - started < 2
    assert store.load(state.id).decisions == state.decisions
    assert store.load(state.id).extra == {"status": "review"}
    assert app.autosaver.last_write_ms is not None and app.autosaver.last_write_ms < 500
    app.actions["save"].trigger()
    assert not store.path_for(state.id).exists()
    # back to the saved decisions: the autosave has nothing to offer and goes
    app.controller.decide(suggestions_of(app, "join")[1].id, False)
    app.autosaver.flush()
    assert store.path_for(state.id).exists()
    app.actions["undo"].trigger()
    app.autosaver.flush()
    assert not store.path_for(state.id).exists()


def test_a_failing_autosave_is_reported_once_and_retried(app, page, monkeypatch, data_dir):
    from kexie_gui import fileio

    app.presenter.open_paths([str(page)])
    state = app.controller.current
    monkeypatch.setattr(fileio, "os", _FullDisk())
    app.controller.decide(suggestions_of(app, "join")[0].id, False)
    assert not app.autosaver.flush()
    assert "Autosave failed" in app.window.message_bar.text() and "the disk is full" in app.window.message_bar.text()
    assert state.id in app.autosaver.pending and app.autosaver.timer.isActive()  # retried later
    monkeypatch.setattr(fileio, "os", os)  # the disk has room again
    assert app.autosaver.flush()
    assert AutosaveStore().load(state.id).decisions == state.decisions
    assert app.window.statusBar().currentMessage() == "Autosave works again."


def leave_unsaved_work(page: Path, data_dir: Path):
    """An autosave holding one choice, as a window that died would leave it: (page, analysis, decisions)."""
    fresh = load_page(page)
    analysis = analyse(fresh)
    d = Decisions().with_choice(analysis.suggestions[0].id, False)
    AutosaveStore(data_dir / "autosave").save(str(page), page, fresh.sha256, d, {"status": "review"},
                                              analysis=analysis)
    return fresh, analysis, d


def test_recovery_offer_discard_and_later(make_app, page, answers, data_dir):
    leave_unsaved_work(page, data_dir)
    app = make_app()
    answers.recover = "later"
    assert app.presenter.offer_recovery() == "later"
    (question,) = answers.of("recover")
    assert question[1][0].startswith(f"{page.name}: unsaved changes from ")
    assert app.controller.pages == [] and len(AutosaveStore().pending()) == 1
    answers.recover = "discard"
    assert app.presenter.offer_recovery() == "discard"
    assert AutosaveStore().pending() == [] and app.controller.pages == []
    assert app.presenter.offer_recovery() is None  # nothing left to offer


def test_a_page_whose_recovery_was_put_off_is_not_opened_over_its_autosave(make_app, page, answers, data_dir):
    fresh, analysis, d = leave_unsaved_work(page, data_dir)
    app = make_app()
    answers.recover = "later"
    assert app.presenter.offer_recovery() == "later"
    app.presenter.open_paths([str(page.parent)])  # later, the editor opens the page (here: its folder)
    question = answers.of("recover")[-1]
    assert question[3] is False  # no third way now: its autosave would be replaced by the next change
    state = app.controller.current
    assert state.decisions == d and state.dirty  # "later" became "recover", which loses nothing
    app.actions["close_page"].trigger()  # discarded on purpose (the test's answer)
    answers.recover = "discard"
    AutosaveStore().save(str(page), page, fresh.sha256, d, {}, analysis=analysis)
    app.presenter.open_paths([str(page)])
    assert app.controller.current.decisions == Decisions() and AutosaveStore().pending() == []


def test_work_survives_sigkill_of_the_window_process(make_app, page, tmp_path, answers, data_dir):
    """A real window process makes decisions, is killed with SIGKILL, and a new window recovers them all."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this system")
    ready = tmp_path / "ready.json"
    script = tmp_path / "decide.py"
    script.write_text(
        "import json, os\n"
        "from kexie_gui.ui.derive import PART_TITLE, Place\n"
        "c = app.controller\n"
        "state = c.current\n"
        "assert wait_until(lambda: state.view is not None, 60), 'the page was not analysed'\n"
        "kinds = {}\n"
        "for s in state.analysis.suggestions:\n"
        "    kinds.setdefault(s.kind, []).append(s)\n"
        "c.decide(kinds['join'][0].id, False)\n"
        "c.decide(kinds['join'][1].id, False)\n"
        "c.decide(kinds['punctuation'][0].id, True)\n"
        "c.set_role(state.clean.articles[1].paragraph_keys[1], 'furniture')\n"
        "c.edit_text(Place(0, PART_TITLE, 0), '德阳市获评示范市（改）')\n"
        "c.split_block_at(state.view.block(state.clean.articles[1].paragraph_keys[2]).start + 10)\n"
        "c.set_done(state.id, True)\n"
        "open(os.environ['KEXIE_TEST_READY'], 'w').write(json.dumps(state.decisions.to_dict()))\n",
        encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEXIE_TEST_SCRIPT=str(script), KEXIE_TEST_READY=str(ready),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    log = open(tmp_path / "window.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "kexie_gui", str(page), "--lang", "en"], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    store = AutosaveStore(data_dir / "autosave")
    try:
        deadline = time.monotonic() + 90
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), (tmp_path / "window.log").read_text(errors="replace")
        expected = Decisions.from_dict(json.loads(ready.read_text(encoding="utf-8")))
        assert len(expected.choices) == 3 and expected.roles and expected.edits and expected.splits
        autosave = store.path_for(str(page))

        def autosaved():
            try:
                rec = store.load(str(page))
            except Exception:  # noqa: BLE001 - not written yet
                return False
            return rec is not None and rec.decisions == expected

        written_by = time.monotonic() + 15
        while not autosaved() and time.monotonic() < written_by:
            time.sleep(0.05)
        assert autosaved(), "the window did not autosave its decisions"
        assert (data_dir / "autosave" / "running.lock").read_text().split()[0] == str(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        log.close()
    assert proc.returncode == -signal.SIGKILL
    assert autosave.exists() and not session_of(page).exists()

    app = make_app()  # the next start, same data folder
    assert app.crashed
    answers.recover = "recover"
    assert app.presenter.offer_recovery(app.crashed) == "recover"
    (question,) = answers.of("recover")
    assert question[2] is True and question[1][0].startswith(f"{page.name}: unsaved changes from ")
    state = app.controller.current
    assert state is not None and state.path == str(page)
    assert state.decisions == expected
    assert state.done and state.dirty
    n = sum(len(getattr(expected, f)) for f in ("choices", "roles", "edits", "moves", "splits"))
    assert app.window.message_bar.text() == f"Recovered {n} unsaved decision(s) of {page.name}."
    assert app.window.history.stack().count() == 0
    app.actions["save"].trigger()  # and now it is safe on disk
    assert load_session(page, state.page, state.analysis).decisions == expected
    assert AutosaveStore().pending() == []


# ---------------------------------------------------------------- the page file changes on disk

def test_a_page_changed_on_disk_offers_reload_and_carries_the_decisions_over(app, page, qtbot, answers):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    victim = state.analysis.block(state.clean.articles[1].paragraph_keys[1])  # decide_some marks it
    decide_some(app)
    old_text = state.page.text
    held = session_document(str(page), state.page, state.decisions, state.analysis, {"status": state.status})
    answers.reload = True
    page.write_text("\n\n" + old_text[:victim.start] + old_text[victim.end:], encoding="utf-8")
    qtbot.waitUntil(lambda: bool(answers.of("reload")), timeout=5000)
    assert answers.of("reload") == [("reload", page.name, True)]
    assert state.page.text.startswith("\n\n") and state.view is not None
    fresh = load_page(page)
    expected = restore_decisions(held, fresh, analyse(fresh))
    assert expected.lost and expected.restored == expected.total - len(expected.lost) > 0
    assert state.decisions == expected.decisions
    shown = app.window.message_bar.text()
    assert shown == (f"Reloaded {page.name} from disk: {expected.restored} of {expected.total} decision(s) "
                     f"carried over, {len(expected.lost)} lost.")
    assert "is lost" in app.window.message_bar.details
    assert app.window.raw.toPlainText() == state.page.text
    assert app.window.history.stack().count() == 0 and state.dirty
    # a mere touch, or the session saved beside the page, asks nothing
    app.actions["save"].trigger()
    os.utime(page)
    app.watcher.check(app.watcher.watched())
    assert len(answers.of("reload")) == 1


def test_keep_current_leaves_the_page_as_it_is_and_asks_again_only_after_another_change(app, page, qtbot, answers):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    decisions = decide_some(app)
    text = state.page.text
    answers.reload = False
    page.write_text(text + "\n新增的一段。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: bool(answers.of("reload")), timeout=5000)
    assert state.page.text == text and state.decisions == decisions
    assert "on disk differs" in app.window.statusBar().currentMessage()
    os.utime(page, (time.time() + 5, time.time() + 5))
    app.watcher.check(app.watcher.watched())
    assert len(answers.of("reload")) == 1
    page.write_text(text + "\n又一段。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(answers.of("reload")) == 2, timeout=5000)


def test_a_page_deleted_while_open_stays_open_with_its_decisions(app, page, qtbot):
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    decisions = decide_some(app)
    texts = app.window.article.part_texts()
    page.unlink()
    qtbot.waitUntil(lambda: "deleted or moved" in app.window.message_bar.text(), timeout=5000)
    assert str(session_of(page)) in app.window.message_bar.text()
    assert app.controller.current is state and state.decisions == decisions
    assert app.window.article.part_texts() == texts and app.window.raw.toPlainText() == state.page.text
    app.actions["save"].trigger()  # the decisions are still saved (beside where the page was)
    assert session_of(page).is_file()
    shutil.copy(SEED, page)  # it comes back unchanged: just said
    qtbot.waitUntil(lambda: "back on disk" in app.window.statusBar().currentMessage(), timeout=5000)


# ---------------------------------------------------------------- first run

def test_first_run_shows_a_placeholder_with_the_sample_page(app, qtbot):
    from PySide6.QtCore import Qt

    app.window.show()
    qtbot.waitExposed(app.window)
    w = app.window
    assert w.placeholder_shown() and w.placeholder.isVisible()
    assert w.placeholder.sample.isVisible() and w.placeholder.sample.text() == "Open the sample page"
    assert "Drop .txt pages" in w.placeholder.text.text()
    qtbot.mouseClick(w.placeholder.sample, Qt.MouseButton.LeftButton)
    assert app.controller.current is not None and app.controller.current.name == "sample_page.txt"
    assert not w.placeholder_shown()
    app.actions["close_page"].trigger()
    assert w.placeholder_shown()
    assert drop(w.placeholder, [SEED])  # the placeholder takes drops too
    assert app.controller.current.name == SEED.name


def test_a_finder_open_with_event_opens_the_page(app, qapp, page):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from kexie_gui.app import _install_file_open

    opener = _install_file_open(qapp, app.presenter, force=True)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(page)))
    finally:
        qapp.removeEventFilter(opener)
    assert app.controller.current is not None and app.controller.current.path == str(page)


def test_big_pages_are_autosaved_off_the_gui_thread_in_order(app, page, qtbot, monkeypatch, data_dir):
    import threading

    from PySide6.QtCore import QThreadPool

    from kexie_gui.ui import autosaver as module
    from kexie_gui.ui.runner import QtRunner

    monkeypatch.setattr(module, "ASYNC_CHARS", 0)  # every page counts as big
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    app.autosaver.runner = QtRunner(pool)
    app.autosaver.debouncer = Debouncer(delay=0.01, max_delay=0.1)
    app.presenter.open_paths([str(page)])
    state = app.controller.current
    store = AutosaveStore()
    threads = []
    real_save = store.save.__func__

    def save(self, *args, **kw):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_save(self, *args, **kw)

    monkeypatch.setattr(AutosaveStore, "save", save)
    for s in suggestions_of(app, "join")[:3]:
        app.controller.decide(s.id, False)
        qtbot.wait(30)
    qtbot.waitUntil(lambda: not app.autosaver.pending and app.autosaver._in_flight == 0, timeout=3000)
    assert threads and not any(threads)  # written on the pool's thread
    app.controller.decide(suggestions_of(app, "punctuation")[0].id, False)
    assert app.autosaver.flush()  # waits for the writer, then writes here
    assert store.load(state.id).decisions == state.decisions
    pool.waitForDone()


def test_an_autosave_of_a_window_still_running_is_not_offered(make_app, page, answers, data_dir):
    fresh = load_page(page)
    analysis = analyse(fresh)
    d = Decisions().with_choice(analysis.suggestions[0].id, False)
    path = AutosaveStore(data_dir / "autosave").save(str(page), page, fresh.sha256, d, {}, analysis=analysis)
    doc = json.loads(path.read_text(encoding="utf-8"))
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        doc["autosave"]["pid"] = other.pid  # written by another kexie window, alive
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        app = make_app()
        assert app.presenter.offer_recovery() is None and answers.of("recover") == []
    finally:
        other.kill()
        other.wait()
    assert app.presenter.offer_recovery() == "later"  # once that window is gone, its work is offered
