"""Autosave: one file per page, pending work after a crash, the running lock, the debounce rule."""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

import pytest

from kexie_gui.autosave import AUTOSAVE_SUFFIX, LOCK_NAME, AutosaveStore, Debouncer
from kexie_gui.core import Decisions
from kexie_gui.session import SessionError, save_session

from .conftest import articles, busy_decisions, opened


@pytest.fixture
def store(data_dir):
    return AutosaveStore()


def test_default_root_is_in_the_user_data_folder(data_dir):
    assert AutosaveStore().root == data_dir / "autosave"


def test_autosave_records_time_page_and_decisions(store, seed):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    path = store.save(str(seed), seed, page.sha256, d, {"status": "review"}, analysis=analysis)
    assert path.parent == store.root and path.name.endswith(AUTOSAVE_SUFFIX)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["autosave"]["page_key"] == str(seed)
    assert doc["page"]["path"] == str(seed.absolute()) and doc["page"]["sha256"] == page.sha256
    assert isinstance(doc["saved_at"], float) and doc["saved_at_text"]
    rec = store.load(str(seed))
    assert rec.decisions == d and rec.extra == {"status": "review"} and rec.page_sha == page.sha256
    when = datetime.datetime.fromtimestamp(rec.saved_at).strftime("%Y-%m-%d %H:%M")
    assert rec.message.render("en") == f"{seed.name}: unsaved changes from {when}"
    assert rec.message.render("zh") == f"{seed.name}：{when} 未保存的修改"
    assert store.save(str(seed), seed, page.sha256, Decisions(), None) == path  # one file per page, replaced


def test_pending_lists_work_newer_than_the_session(store, seed, small):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    assert store.pending() == []
    store.save("seed", seed, page.sha256, d, {}, analysis=analysis)
    (rec,) = store.pending()  # never saved explicitly
    assert rec.page_key == "seed" and rec.decisions == d
    save_session(seed, page, d, analysis=analysis)
    assert store.pending() == []  # the session holds it all (the window crashed before clear_after_save)
    more = d.with_role(analysis.blocks[-1].id, "furniture")
    store.save("seed", seed, page.sha256, more, {}, analysis=analysis)
    assert [r.decisions for r in store.pending()] == [more]
    store.clear_after_save("seed")
    assert store.pending() == [] and not store.path_for("seed").exists()
    store.clear_after_save("seed")  # twice is fine


def test_an_untouched_page_is_nothing_to_recover(store, small):
    page, analysis = opened(small)
    store.save("small", small, page.sha256, Decisions(), {}, analysis=analysis)
    assert store.pending() == []
    store.save("small", small, page.sha256, Decisions(), {"status": "done"}, analysis=analysis)
    assert len(store.pending()) == 1


def test_pending_is_newest_first_and_discard_forgets(store, seed, small):
    for key, path in (("a", seed), ("b", small)):
        page, analysis = opened(path)
        store.save(key, path, page.sha256, busy_decisions(analysis), {}, analysis=analysis)
    assert [r.page_key for r in store.pending()] == ["b", "a"]
    store.discard("b")
    assert [r.page_key for r in store.pending()] == ["a"]
    store.discard("b")


def test_damaged_autosaves_are_skipped_set_aside_and_kept(store, small):
    page, analysis = opened(small)
    store.save("small", small, page.sha256, busy_decisions(analysis), {}, analysis=analysis)
    bad = store.root / f"0000{AUTOSAVE_SUFFIX}"
    content = b"{\"format\": \"kexie-session\", \"vers"
    bad.write_bytes(content)
    (rec,) = store.pending()
    assert rec.page_key == "small"
    assert len(store.problems) == 1 and str(bad) in store.problems[0] and "set aside as" in store.problems[0]
    (aside,) = store.root.glob(f"0000{AUTOSAVE_SUFFIX}.damaged-*")
    assert aside.read_bytes() == content and not bad.exists()  # kept, out of the way of the next start
    assert [r.page_key for r in store.pending()] == ["small"] and store.problems == []


def test_recovery_onto_a_page_that_changed_meanwhile(store, seed):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    store.save(str(seed), seed, page.sha256, d, {}, analysis=analysis)
    seed.write_bytes(b"\n\n" + seed.read_bytes())
    page2, analysis2 = opened(seed)
    (rec,) = store.pending()
    assert rec.page_changed(page2)
    result = rec.restore(page2, analysis2)
    assert result.lost == () and result.page_changed
    assert articles(analysis2, result.decisions) == articles(analysis, d)


def test_autosave_without_analysis_keeps_what_its_ids_still_name(store, small):
    """No fingerprints: an id the changed page still has comes back; text that changed cannot be found."""
    page, analysis = opened(small)
    join = next(s for s in analysis.suggestions if s.kind == "join")
    d = Decisions().with_role(analysis.blocks[1].id, "title").with_choice(join.id, False)
    store.save("k", small, page.sha256, d, {})
    rec = store.load("k")
    assert rec.restore(page, analysis).decisions == d
    text = small.read_text(encoding="utf-8")
    small.write_text("新加的一行\n\n" + text, encoding="utf-8")
    page2, analysis2 = opened(small)
    moved = rec.restore(page2, analysis2)
    assert moved.page_changed and moved.decisions == d and moved.lost == ()
    small.write_text(text.replace("近日", "日前").replace("一年来", "一年以来"), encoding="utf-8")
    page3, analysis3 = opened(small)
    result = rec.restore(page3, analysis3)
    assert result.decisions == Decisions()
    assert [x.message.render("en") for x in result.lost] == [
        f"the role “title” of “{analysis.blocks[1].id}” is lost: the session holds no record of its text",
        f"your choice to reject the join fragments suggestion on “{join.id}” is lost: "
        f"the session holds no record of its text"]
    assert [x.message.render("zh") for x in result.lost] == [
        f"“{analysis.blocks[1].id}”的角色“title”已丢失：会话中没有记录它的文字",
        f"对“{join.id}”的接续断段建议的拒绝已丢失：会话中没有记录它的文字"]


def test_autosave_write_failure_is_a_session_error_and_keeps_the_old_one(store, small, monkeypatch):
    page, analysis = opened(small)
    d = busy_decisions(analysis)
    path = store.save("k", small, page.sha256, d, {}, analysis=analysis)
    old = path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SessionError, match="cannot autosave: the disk is full"):
        store.save("k", small, page.sha256, Decisions(), {}, analysis=analysis)
    assert path.read_bytes() == old
    assert [p.name for p in store.root.iterdir()] == [path.name]


# -- running.lock

def test_clean_run_leaves_no_lock(store):
    assert not store.previous_run_crashed()
    assert store.start() is False
    assert store.lock_path.read_text().split("\n")[0] == str(os.getpid())
    assert not store.previous_run_crashed()  # our own lock
    store.mark_clean_exit()
    assert not store.lock_path.exists() and not store.previous_run_crashed()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_of_a_dead_process_means_a_crash(store):
    store.root.mkdir(parents=True)
    (store.root / LOCK_NAME).write_text(f"{_dead_pid()}\n2024-01-01T00:00:00\nhost\n")
    assert store.previous_run_crashed()
    assert store.start() is True
    assert not store.previous_run_crashed()  # now it is ours


def test_lock_of_a_live_process_is_another_window_not_a_crash(store):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store.root.mkdir(parents=True)
        (store.root / LOCK_NAME).write_text(f"{proc.pid}\n")
        assert not store.previous_run_crashed()
        store.mark_clean_exit()  # not ours: left alone
        assert (store.root / LOCK_NAME).exists()
    finally:
        proc.kill()
        proc.wait()
    assert store.previous_run_crashed()


def test_garbled_lock_counts_as_left_behind(store):
    store.root.mkdir(parents=True)
    (store.root / LOCK_NAME).write_bytes(b"\x00\xffnot a pid")
    assert store.previous_run_crashed()
    store.mark_clean_exit()
    assert not store.lock_path.exists()


def test_a_killed_window_is_detected_and_its_work_offered(tmp_path, data_dir, seed):
    """A real process marks itself running, autosaves, and is killed with SIGKILL."""
    _, analysis = opened(seed)
    script = f"""
import os, sys
from kexie_gui.autosave import AutosaveStore
from kexie_gui.core import analyse, load_page
from tests.session.conftest import busy_decisions
page = load_page({str(seed)!r}); analysis = analyse(page)
store = AutosaveStore(); store.start()
store.save("seed", {str(seed)!r}, page.sha256, busy_decisions(analysis), {{"status": "review"}}, analysis=analysis)
print("saved", flush=True)
os.kill(os.getpid(), 9)
"""
    env = dict(os.environ, KEXIE_DATA_DIR=str(data_dir))
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))), timeout=60)
    assert proc.returncode == -9 and proc.stdout == "saved\n", proc.stderr
    store = AutosaveStore()
    assert store.previous_run_crashed()
    (rec,) = store.pending()
    assert rec.decisions == busy_decisions(analysis) and rec.extra == {"status": "review"}


# -- Debouncer

def test_debouncer_waits_for_a_pause():
    d = Debouncer(delay=2, max_delay=10)
    assert not d.dirty and d.next_due() is None and d.wait(5) is None and not d.due(5)
    d.changed(0)
    d.changed(1.5)
    assert d.dirty and not d.due(3.0) and d.due(3.5)
    assert d.wait(3.0) == 0.5 and d.wait(9) == 0.0
    d.flushed()
    assert not d.dirty and not d.due(100)


def test_debouncer_writes_steady_typing_by_max_delay():
    d = Debouncer(delay=2, max_delay=10)
    t = 0.0
    d.changed(t)
    while t < 9:
        t += 1.0
        d.changed(t)
        assert not d.due(t)
    assert d.next_due() == 10 and d.due(10.0)


def test_debouncer_retries_after_a_failed_write():
    d = Debouncer(delay=2, max_delay=10, retry=5)
    d.changed(0)
    assert d.due(2)
    d.failed(2)
    assert d.dirty and not d.due(6) and d.due(7)
    d.flushed()
    d.changed(20)
    assert d.due(22)  # the retry pause does not outlive the failure


def test_debouncer_rejects_nonsense():
    with pytest.raises(ValueError):
        Debouncer(delay=5, max_delay=1)


def test_pending_compares_with_the_session_in_the_project_folder(store, seed, tmp_path):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    project = tmp_path / "project"
    store.save("seed", seed, page.sha256, d, {}, analysis=analysis, project_dir=project)
    assert len(store.pending()) == 1
    save_session(seed, page, d, analysis=analysis, project_dir=project)
    assert store.pending() == []


def test_a_recovery_summary_does_not_promise_a_session_backup(store, small):
    page, analysis = opened(small)
    d = Decisions().with_role(analysis.blocks[1].id, "title")
    store.save("k", small, page.sha256, d, {})
    small.write_text(small.read_text(encoding="utf-8").replace("近日", "日前"), encoding="utf-8")
    page2, analysis2 = opened(small)
    result = store.load("k").restore(page2, analysis2)
    assert result.summary().endswith("0 of 1 decision(s) restored, 1 could not be placed and are lost.")
    assert result.summary("zh").endswith("1 项决定中恢复了 0 项，1 项无法定位而丢失。")
    assert result.lost[0].message.render("en") == (f"the role “title” of “{analysis.blocks[1].id}” is lost: "
                                      "the session holds no record of its text")
