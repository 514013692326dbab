"""The controller without any window: intents become decisions, async results are never stale."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from kexie_gui.core import Decisions
from kexie_gui.ui import controller as ctl
from kexie_gui.ui.controller import Controller
from kexie_gui.ui.derive import PART_BYLINE, PART_TITLE, Place

from .conftest import SEED


class DeferredRunner:
    """Keeps submitted work until the test runs it, in any order."""

    def __init__(self):
        self.jobs = []

    def submit(self, fn, done, failed):
        self.jobs.append((fn, done, failed))

    def run(self, index=0):
        fn, done, failed = self.jobs.pop(index)
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001
            failed(exc)
        else:
            done(result)


class CountingRecorder:
    def __init__(self, controller):
        self.c = controller
        self.records, self.groups = [], []

    def record(self, label, page_id, old, new):
        self.records.append(label)
        self.c.set_decisions(page_id, new)

    @contextmanager
    def group(self, label):
        self.groups.append(label)
        with self.c.batch():
            yield


@pytest.fixture
def c():
    controller = Controller()
    controller.open_paths([str(SEED)])
    return controller


def test_analysis_is_asynchronous_and_reported(tmp_path):
    runner = DeferredRunner()
    c = Controller(runner=runner)
    events = []
    c.busy_changed.connect(lambda busy, text: events.append(busy))
    c.open_paths([str(SEED)])
    state = c.current
    assert state.status == "analysing" and state.view is None and events == [True]
    runner.run()
    assert state.status == "new" and len(state.clean.articles) == 4 and events == [True, False]


def test_a_failed_analysis_marks_the_page_and_says_why():
    def broken(page):
        raise ValueError("detector exploded")

    c = Controller(analyse=broken)
    errors = []
    c.error.connect(errors.append)
    c.open_paths([str(SEED)])
    assert c.current.status == "error" and "detector exploded" in errors[0]
    assert not c.decide("x", True)


def test_unreadable_paths_change_nothing(c, tmp_path):
    errors = []
    c.error.connect(errors.append)
    before = list(c.pages)
    result = c.open_paths([str(tmp_path / "missing.txt"), str(tmp_path)])
    assert result.opened == () and len(result.errors) == 2
    assert "no such file" in errors[0] and f"{tmp_path}: no pages (.txt, .pdf or images)" in errors[0]
    assert c.pages == before


def test_opening_the_same_page_twice_selects_it(c):
    first = c.current
    assert c.open_paths([str(SEED)]).opened == ()
    assert c.pages == [first]


def seed_as_a_large_page(monkeypatch):
    """The seed page opened by a controller that treats every page as large (recomputed off the GUI
    thread), with a runner the test steps by hand: (controller, runner, page state)."""
    monkeypatch.setattr(ctl, "ASYNC_CHARS", 0)
    runner = DeferredRunner()
    c = Controller(runner=runner)
    c.open_paths([str(SEED)])
    runner.run()
    return c, runner, c.current


def test_large_pages_recompute_off_thread_and_drop_stale_results(monkeypatch):
    """Moves and splits change the reading order: the whole page is recomputed, off the GUI thread."""
    c, runner, state = seed_as_a_large_page(monkeypatch)
    blocks = state.analysis.blocks
    c.move_blocks([blocks[5].id], blocks[2].id)
    c.move_blocks([blocks[7].id], blocks[2].id)
    c.move_blocks([blocks[9].id], "")
    assert len(runner.jobs) == 1  # one computation at a time per page
    clean_before = state.clean
    runner.run()  # computed for the first decision only: stale, dropped; the latest follows
    assert state.clean is clean_before and len(runner.jobs) == 1 and c.busy
    runner.run()
    assert state.clean is not clean_before and not c.busy
    assert len(state.decisions.moves) == 3
    assert len(state.clean.articles[0].paragraphs) >= 1


def test_choices_on_large_pages_recompute_at_once_and_only_the_articles_they_touch(monkeypatch):
    from kexie_gui.core.apply import changed_articles

    c, runner, state = seed_as_a_large_page(monkeypatch)
    before = state.clean
    join = next(s for s in state.analysis.suggestions if s.kind == "join")
    c.decide(join.id, False)
    assert runner.jobs == [] and not c.busy  # no round trip through the pool
    first, old_end, _ = changed_articles(state.clean)
    untouched = [i for i in range(len(before.articles)) if not first <= i < old_end]
    assert untouched and all(state.clean.articles[i] is before.articles[i] for i in untouched)
    assert state.view.provenance.clean is state.clean


def test_decide_and_navigate(c):
    state = c.current
    items = state.analysis.suggestions
    assert state.open_count == len(items)
    assert c.neighbour_open(None, 1) == items[0].id
    assert c.neighbour_open(None, -1) == items[-1].id
    c.decide(items[0].id, True)
    assert c.neighbour_open(items[-1].id, 1) == items[1].id  # wraps round, skips decided
    assert state.open_count == len(items) - 1
    assert c.neighbour_open(None, 1, lambda s: s.kind == "duplicate").startswith("duplicate")


def test_accept_all_is_one_group_and_one_command_above_the_limit(c, monkeypatch):
    rec = CountingRecorder(c)
    c.recorder = rec
    punct = [s for s in c.current.analysis.suggestions if s.kind == "punctuation"]
    assert c.decide_kind("punctuation", False) == len(punct)
    assert len(rec.groups) == 1 and len(rec.records) == len(punct)
    assert c.decide_kind("punctuation", False) == 0  # nothing left to change
    monkeypatch.setattr(ctl, "MACRO_LIMIT", 2)
    rec.records.clear()
    assert c.decide_kind("punctuation", True) == len(punct)
    assert len(rec.records) == 1
    assert all(c.current.decisions.choice(s.id) is True for s in punct)


def test_hand_edits_and_typing_back_the_original(c):
    state = c.current
    title = str(state.clean.articles[0].title)
    assert c.edit_text(Place(0, PART_TITLE, 0), "新标题")
    assert str(state.clean.articles[0].title) == "新标题"
    assert c.edit_text(Place(0, PART_TITLE, 0), title)
    assert state.decisions.edits == ()
    assert not c.edit_text(Place(0, PART_TITLE, 0), title)  # no change, no decision
    assert c.edit_text(Place(0, PART_BYLINE, 0), "本报记者 张三")
    assert str(state.clean.articles[0].byline) == "本报记者 张三"


def test_split_starts_the_article_at_the_block_and_never_cuts_a_sentence(c):
    state = c.current
    body = state.clean.articles[0].paragraph_keys[1]
    start = state.view.block(body).start
    assert c.split_at(start + 20)  # inside the block: the whole block starts the new article
    assert state.decisions.splits == () and state.decisions.role(body) == "title"
    assert not c.split_at(start)  # the same block again: nothing more to do
    assert c.split_block_at(start + 20)  # cutting the block there is its own command
    assert state.decisions.splits == (start + 20,)
    assert c.split_at(1)  # on the blank first line: the block below starts an article
    assert c.merge_with_previous(len(state.clean.articles) - 1)
    assert not c.merge_with_previous(0)


def test_merge_folds_the_article_whose_title_has_a_kicker(c):
    from .conftest import DATA  # noqa: F401 - the seed page's second article has no kicker; make one
    state = c.current
    n = len(state.clean.articles)
    second_title = state.clean.articles[1].title
    title_block = state.view.block_at(second_title.runs[0][1])
    before = state.view.index.around(title_block.start - 1)[0]
    c.set_role(before.id, "kicker")
    assert len(state.clean.articles) == n
    assert c.merge_with_previous(1)
    assert len(state.clean.articles) == n - 1
    assert str(second_title) in "".join(str(p) for p in state.clean.articles[0].paragraphs)


def test_moves_and_roles(c):
    state = c.current
    keys = state.clean.articles[0].paragraph_keys
    assert not c.move_blocks([keys[0]], keys[0])
    assert c.move_blocks([keys[1]], keys[0])
    assert state.clean.articles[0].paragraph_keys[0] == keys[1]
    assert c.paragraph_blocks(0, 0)[0] == keys[1]  # with the blocks joined to it
    assert not c.set_role(keys[0], "nonsense")
    assert c.set_role(keys[0], "furniture")
    assert any(r.block == keys[0] for r in state.clean.removed)


def test_done_pages_are_the_ones_exported_with_done(c):
    state = c.current
    assert c.pages_to_export("done") == [] and c.pages_to_export("current") == [state]
    c.set_done(state.id, True)
    assert state.status == "done"
    assert c.pages_to_export("done") == [state]
    c.close_page(state.id)
    assert c.current is None and c.pages == [] and c.pages_to_export("current") == []


# -- keeping the editor's work (sessions injected as the window does)

@pytest.fixture
def page(tmp_path):
    path = tmp_path / SEED.name
    path.write_bytes(SEED.read_bytes())
    return path


def _with_sessions(**kw):
    from kexie_gui import session

    return Controller(load_session=session.load_session, save_session=session.save_session, **kw)


def test_dirty_follows_the_saved_decisions_and_done_mark(page):
    c = _with_sessions()
    changed, restored = [], []
    c.changed.connect(lambda s: changed.append(s.decisions))
    c.restored.connect(lambda s, r: restored.append(r))
    c.open_paths([str(page)])
    state = c.current
    assert not state.dirty and c.dirty_pages == [] and changed == []
    assert restored[0].source == ctl.FROM_SESSION and not restored[0].result.found
    c.decide(state.analysis.suggestions[0].id, False)
    assert state.dirty and c.dirty_pages == [state] and len(changed) == 1
    path = c.save_page(state.id)
    assert path.name == SEED.name + ".kexie.json" and not state.dirty
    c.set_done(state.id, True)
    assert state.dirty and len(changed) == 2
    c.set_done(state.id, False)
    assert not state.dirty


def test_a_page_opens_with_its_session_as_its_first_state(page):
    c = _with_sessions()
    c.open_paths([str(page)])
    state = c.current
    c.decide(state.analysis.suggestions[0].id, False)
    c.set_done(state.id, True)
    c.save_page(state.id)
    decisions = state.decisions
    c.close_page(state.id)
    restored = []
    c.restored.connect(lambda s, r: restored.append(r))
    c.open_paths([str(page)])
    again = c.current
    assert again.decisions == decisions and again.done and not again.dirty
    assert restored[0].result.restored == 1 and not restored[0].worth_a_look
    assert again.clean is not None and again.view is not None  # computed with the restored decisions


def test_a_session_that_cannot_be_read_opens_the_page_without_it(page):
    def broken(path, page_, analysis):
        from kexie_gui.session import SessionError

        raise SessionError("x.kexie.json: the session file is damaged (not valid JSON at line 1)")

    c = Controller(load_session=broken)
    restored = []
    c.restored.connect(lambda s, r: restored.append(r))
    c.open_paths([str(page)])
    assert c.current.view is not None and c.current.decisions == Decisions() and not c.current.dirty
    assert restored[0].error.endswith("(not valid JSON at line 1)") and restored[0].worth_a_look


def test_recovered_work_is_unsaved(page):
    from kexie_gui.session import restore_decisions, session_document

    c = _with_sessions()
    c.open_paths([str(page)])
    state = c.current
    c.decide(state.analysis.suggestions[0].id, False)
    doc = session_document(str(page), state.page, state.decisions, state.analysis, {"status": "review"})
    decisions = state.decisions
    c.close_page(state.id)
    c.open_paths([str(page)], restore={str(page): lambda p, a: restore_decisions(doc, p, a, None)})
    assert c.current.decisions == decisions and c.current.dirty


def test_reload_carries_the_decisions_over_and_drops_a_late_analysis(page):
    runner = DeferredRunner()
    c = _with_sessions(runner=runner)
    c.open_paths([str(page)])
    runner.run()
    state = c.current
    c.decide(state.analysis.suggestions[0].id, False)
    page.write_text("\n\n" + state.page.text, encoding="utf-8")
    assert c.reload_page(state.id)
    assert state.analysis is None and state.page.text.startswith("\n\n") and not state.dirty
    assert c.reload_page(state.id)  # twice before the first analysis ends: only the last one counts
    restored = []
    c.restored.connect(lambda s, r: restored.append(r))
    runner.run(0)
    assert state.analysis is None and restored == []
    runner.run(0)
    assert state.analysis is not None and restored[0].source == ctl.FROM_RELOAD
    assert restored[0].result.restored == 1 and state.dirty
    (sid, accepted), = state.decisions.choices
    assert accepted is False and state.analysis.suggestion(sid).kind == "headline"  # the same one, on the new text


def test_reloading_a_vanished_page_changes_nothing(page):
    c = _with_sessions()
    errors = []
    c.error.connect(errors.append)
    c.open_paths([str(page)])
    state = c.current
    page.unlink()
    assert not c.reload_page(state.id)
    assert "no such file" in errors[0] and state.view is not None


def test_a_suggestion_s_kind_and_explanation_are_said_in_the_window_s_language(c):
    s = next(s for s in c.current.analysis.suggestions if s.kind == "punctuation")
    marks = ctl.punctuation_marks(s, c.current.page.text)
    assert marks
    c.language = "zh"
    assert c.kind_label("punctuation") == "恢复全角标点"
    assert c.explain(s, c.current.page) == f"{s.explain.render('zh')}：{marks}"
    c.language = "en"
    assert c.kind_label("punctuation") == "restore full-width punctuation"
    assert c.explain(s, c.current.page) == f"{s.explain.render('en')}: {marks}"
    assert c.explain(s) == s.explain.render("en")  # without the page, no raw marks to name
    assert c.kind_label("from-a-newer-kexie") == "from-a-newer-kexie"
