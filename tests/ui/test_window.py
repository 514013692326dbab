"""End-to-end drives of the review window through real widget events and actions."""
from __future__ import annotations

from kexie_gui.core import Decisions
from kexie_gui.ui.derive import PART_TITLE, Place

from .conftest import SEED
from .helpers import article_texts, drop, set_raw_cursor, suggestions_of


def test_dropping_the_seed_page_shows_four_articles_and_its_highlights(seed_app):
    app = seed_app
    state = app.controller.current
    assert app.window.raw.toPlainText() == state.page.text
    assert app.outline.rowCount() == 4
    assert [app.outline.index(r, 0).data().split(". ", 1)[1] for r in range(4)] == [
        "德阳市获评中国科协创新驱动示范市", "成都市科技青年联合会召开三届一次会员大会",
        "达州市老科协开展科技赋能推动经济社会高质量发展专题调研", "攀枝花市推动院士（专家）工作站高质量发展"]
    assert article_texts(app)[0] == "德阳市获评中国科协创新驱动示范市"
    counts = app.window.raw.highlight_counts()
    # the seed repeats six passages (seven copies: one twice) and prints three furniture lines
    assert counts["groups"] == 6
    assert counts["duplicate"] == 7
    assert counts["kept"] == 6
    assert counts["furniture"] == 3
    assert counts["join"] == 2 * len(suggestions_of(app, "join")) > 0
    assert app.suggestions.rowCount() == len(state.analysis.suggestions)
    assert app.pages.rowCount() == 1
    assert "57 open" in app.pages.index(0, 0).data() or "open" in app.pages.index(0, 0).data()
    assert app.window.windowTitle().startswith(SEED.name)
    # the gutter bands carry the article numbers and titles
    band = app.window.raw.band_at_line(3)
    assert band is not None and band.article == 0
    assert "德阳市" in app.window.raw.gutter_tooltip(app.window.raw.blockBoundingGeometry(
        app.window.raw.document().findBlockByNumber(2)).translated(app.window.raw.contentOffset()).center().y())


def test_rejecting_a_join_changes_the_article_and_undo_redo_follow(seed_app):
    app = seed_app
    join = suggestions_of(app, "join")[0]
    before = article_texts(app)
    assert app.window.suggestions.select(join.id)
    app.actions["reject"].trigger()
    state = app.controller.current
    assert state.decisions.choice(join.id) is False
    rejected = article_texts(app)
    assert len(rejected) == len(before) + 1  # the broken paragraph now shows as two
    assert app.suggestions.state_text(join).endswith("rejected")
    assert app.window.suggestions.current_id() != join.id  # moved on to the next open suggestion
    app.actions["undo"].trigger()
    assert state.decisions == Decisions()
    assert article_texts(app) == before
    app.actions["redo"].trigger()
    assert article_texts(app) == rejected
    assert app.window.history.stack().count() == 1
    assert app.actions["undo"].isEnabled()


def test_accepting_a_suggestion_that_is_off_by_default_and_reopening_it(seed_app):
    app = seed_app
    s = suggestions_of(app, "punctuation")[0]
    app.window.suggestions.select(s.id)
    app.actions["reject"].trigger()
    app.window.suggestions.select(s.id)
    app.actions["accept"].trigger()
    assert app.controller.current.decisions.choice(s.id) is True
    app.window.suggestions.select(s.id)
    app.actions["reopen"].trigger()
    assert app.controller.current.decisions.choice(s.id) is None
    assert app.window.history.stack().count() == 3


def test_accept_all_of_one_kind_is_one_undo_step(seed_app):
    app = seed_app
    panel = app.window.suggestions
    panel.set_kind_filter("punctuation")
    assert panel.proxy.rowCount() == len(suggestions_of(app, "punctuation"))
    app.actions["reject_kind"].trigger()
    state = app.controller.current
    assert all(state.decisions.choice(s.id) is False for s in suggestions_of(app, "punctuation"))
    stack = app.window.history.stack()
    assert stack.count() == 1
    assert "," in article_texts(app)[2]  # half-width commas stay
    app.actions["undo"].trigger()
    assert state.decisions == Decisions()
    assert "," not in article_texts(app)[2]


def test_next_and_previous_open_suggestion(seed_app):
    app = seed_app
    items = app.controller.current.analysis.suggestions
    app.actions["next"].trigger()
    assert app.window.suggestions.current_id() == items[0].id
    app.actions["next"].trigger()
    assert app.window.suggestions.current_id() == items[1].id
    app.actions["accept"].trigger()  # decides items[1], moves to items[2]
    app.actions["previous"].trigger()
    assert app.window.suggestions.current_id() == items[0].id  # items[1] is no longer open


def test_selecting_a_suggestion_shows_it_in_both_panes(seed_app):
    app = seed_app
    dup = suggestions_of(app, "duplicate")[0]
    app.window.suggestions.select(dup.id)
    raw = app.window.raw
    assert raw._focus == list(dup.ranges)
    assert raw.textCursor().blockNumber() + 1 == app.controller.current.page.line_of(dup.ranges[0][0])
    # a dropped repeat shows where its kept copy went: article 4
    assert app.presenter.selection.article_index == 3
    assert app.window.article._focus is not None and app.window.article._focus.article == 3


def test_raw_click_selects_the_paragraph_and_back(seed_app):
    app = seed_app
    state = app.controller.current
    art = state.clean.articles[1]
    key = art.paragraph_keys[2]
    offset = state.view.block(key).start + 5
    set_raw_cursor(app, offset)
    assert app.presenter.selection.article_index == 1
    focus = app.window.article._focus
    assert focus.part == 2 and str(art.paragraphs[2])[focus.index] == state.page.text[offset]
    # the reverse: a click in the article text puts the raw cursor on its source
    view = app.window.article
    block = view.document().findBlockByNumber(view._parts.index(0))
    cursor = view.textCursor()
    cursor.setPosition(block.position() + 3)
    view.setTextCursor(cursor)
    raw_offset = art.paragraphs[0].raw_offset(3)
    assert app.window.raw.textCursor().position() == raw_offset
    assert app.presenter.pointer.offset == raw_offset


def test_split_an_article_at_the_cursor_and_merge_it_back(seed_app):
    app = seed_app
    state = app.controller.current
    art = state.clean.articles[1]
    byline = str(art.byline)
    start = state.view.block(art.paragraph_keys[3]).start
    set_raw_cursor(app, start + 12)  # inside a sentence: the article starts at that block, nothing is cut
    app.actions["split"].trigger()
    assert len(state.clean.articles) == 5 and state.decisions.splits == ()
    new = state.clean.articles[2]
    assert new.key == art.paragraph_keys[3] and str(new.title).startswith(str(art.paragraphs[3])[:10])
    assert str(new.byline) == byline  # the byline stays with the text it was printed under
    assert app.outline.rowCount() == 5
    assert "article 3" in app.window.position.text()  # the status bar names the article at the cursor
    app.actions["merge"].trigger()  # … and merge acts on that one
    assert len(state.clean.articles) == 4
    assert [a.to_dict() for a in state.clean.articles][1] == art.to_dict()
    # the title of article 2 under the cursor: merge folds article 2 into article 1
    title_start = state.clean.articles[1].title.runs[0][1]
    set_raw_cursor(app, title_start + 2)
    assert "article 2, title" in app.window.position.text()
    app.actions["merge"].trigger()
    assert len(state.clean.articles) == 3
    for _ in range(3):
        app.actions["undo"].trigger()
    assert len(state.clean.articles) == 4 and state.decisions == Decisions()


def test_cut_a_block_at_the_cursor_is_its_own_command(seed_app):
    app = seed_app
    state = app.controller.current
    inside = state.view.block(state.clean.articles[1].paragraph_keys[1]).start + 10
    set_raw_cursor(app, inside)
    app.actions["split_block"].trigger()
    assert state.decisions.splits == (inside,)
    assert len(state.clean.articles) == 4  # a cut makes two paragraphs, not an article


def test_block_roles_restore_and_move(seed_app):
    app = seed_app
    state = app.controller.current
    column = next(r for r in state.clean.removed if "学会改革先行者" in r.text)
    set_raw_cursor(app, state.view.block(column.block).start + 1)
    app.actions["restore"].trigger()
    assert all(r.block != column.block for r in state.clean.removed)
    assert any("学会改革先行者" in str(p) for a in state.clean.articles for p in a.paragraphs)
    app.actions["role_furniture"].trigger()
    assert any(r.block == column.block for r in state.clean.removed)
    assert app.window.raw.highlight_counts()["removed"] == 1
    # cut a paragraph's block and paste it before the first paragraph of the article
    art = state.clean.articles[0]
    second, first = art.paragraph_keys[1], art.paragraph_keys[0]
    set_raw_cursor(app, state.view.block(second).start + 1)
    app.actions["cut_block"].trigger()
    assert app.actions["paste_block"].isEnabled()
    set_raw_cursor(app, state.view.block(first).start + 1)
    app.actions["paste_block"].trigger()
    assert state.clean.articles[0].paragraph_keys[0] == second


def test_dragging_a_paragraph_in_the_outline_moves_it(seed_app):
    app = seed_app
    state = app.controller.current
    model = app.outline
    art = state.clean.articles[1]
    keys = art.paragraph_keys
    source = model.index(2, 0, model.index(1, 0))
    data = model.mimeData([source])
    target = model.index(0, 0, model.index(1, 0))
    assert model.canDropMimeData(data, 2, -1, -1, target)
    model.dropMimeData(data, 2, -1, -1, target)
    assert state.clean.articles[1].paragraph_keys[:3] == (keys[2], keys[0], keys[1])
    app.actions["undo"].trigger()
    assert state.clean.articles[1].paragraph_keys == keys


def test_editing_text_by_hand_is_a_decision(seed_app, monkeypatch):
    app = seed_app
    state = app.controller.current
    monkeypatch.setattr(app.window, "ask_edit", lambda what, text: text + "（修订）")
    app.presenter.editing.edit_place(Place(0, PART_TITLE, 0))
    assert str(state.clean.articles[0].title) == "德阳市获评中国科协创新驱动示范市（修订）"
    assert article_texts(app)[0].endswith("（修订）")
    assert dict(state.decisions.edits)[f"{state.clean.articles[0].key}:title"][1].endswith("（修订）")
    # a paragraph
    monkeypatch.setattr(app.window, "ask_edit", lambda what, text: "改写的第一段。")
    app.presenter.editing.edit_place(Place(0, 0, 0))
    assert str(state.clean.articles[0].paragraphs[0]) == "改写的第一段。"
    app.actions["undo"].trigger()
    app.actions["undo"].trigger()
    assert state.decisions == Decisions()
    assert article_texts(app)[0] == "德阳市获评中国科协创新驱动示范市"


def test_dropping_a_binary_file_shows_an_error_and_keeps_the_page(seed_app, tmp_path):
    app = seed_app
    state = app.controller.current
    junk = tmp_path / "scan.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    texts = article_texts(app)
    assert drop(app.window.pages.list.viewport(), [junk])
    assert "scan.png" in app.window.message_bar.text()
    message = app.window.message_bar.text()  # a .png is a page image now: broken, or no OCR engine here
    assert "cannot read this image" in message or "OCR extra" in message
    assert app.controller.pages == [state] and app.controller.current is state
    assert article_texts(app) == texts and app.outline.rowCount() == 4


def test_dropping_a_folder_opens_its_pages(app, tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.TXT").write_text("标题\n\n正文一段。\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert drop(app.window.article.viewport(), [tmp_path])
    assert [p.name for p in app.controller.pages] == ["a.txt", "b.TXT"]
    assert app.pages.rowCount() == 2
    assert app.controller.current.name == "a.txt"
    empty = tmp_path / "empty"
    empty.mkdir()
    drop(app.window.raw.viewport(), [empty])
    assert f"{empty}: no pages (.txt, .pdf or images) in this folder" in app.window.message_bar.text()


def test_pages_have_their_own_undo_history_and_status(app, tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    app.presenter.open_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    c = app.controller
    a, b = c.pages
    assert a.status == "new"
    c.select_page(a.id)
    c.decide(a.analysis.suggestions[0].id, False)
    assert a.status == "review"
    c.select_page(b.id)
    assert not app.undo_group.canUndo()
    app.actions["mark_done"].trigger()
    assert b.status == "done" and app.actions["mark_done"].isChecked()
    assert "done" in app.pages.index(1, 0).data()
    c.select_page(a.id)
    assert app.undo_group.canUndo() and not app.actions["mark_done"].isChecked()
    app.actions["close_page"].trigger()
    assert c.pages == [b] and c.current is b


def test_export_writes_and_asks_before_overwriting(seed_app, tmp_path, monkeypatch):
    app = seed_app
    if app.presenter.exporter is None:
        import pytest
        pytest.skip("kexie_gui.export is not importable")
    written = app.presenter.export_to("current", "md", str(tmp_path))
    assert [p.name for p in written] == [SEED.stem + ".md"]
    assert "德阳市获评中国科协创新驱动示范市" in written[0].read_text(encoding="utf-8")
    written[0].write_text("keep me", encoding="utf-8")
    asked = []
    monkeypatch.setattr(app.window, "ask_yes_no", lambda title, text: asked.append(text) or False)
    assert app.presenter.export_to("current", "md", str(tmp_path)) == []
    assert asked and SEED.stem + ".md" in asked[0]
    assert written[0].read_text(encoding="utf-8") == "keep me"
    monkeypatch.setattr(app.window, "ask_yes_no", lambda title, text: True)
    assert app.presenter.export_to("current", "docx", str(tmp_path))[0].suffix == ".docx"
    assert app.presenter.export_to("current", "md", str(tmp_path))
    assert written[0].read_text(encoding="utf-8") != "keep me"
    # all pages marked done: none yet
    assert app.presenter.export_to("done", "md", str(tmp_path)) == []
    app.actions["mark_done"].trigger()
    assert len(app.presenter.export_to("done", "md", str(tmp_path))) == 1


def test_export_through_the_dialog_answers(seed_app, tmp_path, monkeypatch):
    app = seed_app
    if app.presenter.exporter is None:
        import pytest
        pytest.skip("kexie_gui.export is not importable")
    from kexie_gui.ui.dialogs import ExportChoice

    seen = {}

    def ask_export(formats, folder, fmt, done, has_current, *options):
        seen.update(formats=formats, done=done, has_current=has_current)
        return ExportChoice("current", "docx", str(tmp_path))

    monkeypatch.setattr(app.window, "ask_export", ask_export)
    app.actions["export"].trigger()
    assert seen == {"formats": ["docx", "md"], "done": 0, "has_current": True}
    assert (tmp_path / (SEED.stem + ".docx")).stat().st_size > 0
    assert app.settings.get("files/last_export_folder") == str(tmp_path)


def test_export_is_disabled_when_the_export_package_is_missing(make_app):
    app = make_app(exporter=None)
    assert not app.actions["export"].isEnabled()
    assert "not available" in app.actions["export"].toolTip()


def test_shortcuts_dialog_is_generated_from_the_actions_table(seed_app):
    app = seed_app
    dialog = app.window.show_shortcuts()
    rows = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert ("Accept", "Ctrl+Return") in rows
    assert ("Reject", "Ctrl+Backspace") in rows
    assert ("Next open suggestion", "Alt+Down") in rows
    assert ("Undo", "Ctrl+Z") in rows and ("Redo", "Ctrl+Shift+Z") in rows
    dialog.close()


def test_switching_to_chinese_and_back(seed_app):
    app = seed_app
    app.window.language_menu.actions()[0].trigger()  # 简体中文
    assert app.controller.language == "zh"
    assert app.window.menus["file"].title() == "文件(&F)"
    assert app.actions["accept"].text() == "接受(&A)"
    s = app.controller.current.analysis.suggestions[0]
    assert app.suggestions.index(0, 4).data() == s.explain_zh
    assert app.settings.get("ui/language") == "zh"
    app.presenter.display.set_language("en")
    assert app.window.menus["file"].title() == "&File"
    assert app.suggestions.index(0, 4).data() == s.explain_en


def test_recent_files_and_settings_survive_a_restart(make_app, settings):
    app = make_app()
    app.presenter.open_paths([str(SEED)])
    app.window.splitter.setSizes([300, 700])
    app.window.close()
    assert settings.get("files/recent") == [str(SEED)]
    again = make_app()
    recent = [a.text() for a in again.window.recent_menu.actions()]
    assert str(SEED) in recent
    again.window.recent_menu.actions()[0].trigger()
    assert again.controller.current.name == SEED.name


def test_real_key_presses_reach_the_actions(seed_app, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = seed_app
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.windowHandle().requestActivate()  # window shortcuts only fire in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=3000)
    target = app.window.raw  # not the table: its own arrow keys would move the selection too
    target.setFocus()
    items = app.controller.current.analysis.suggestions
    qtbot.keyClick(target, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(target, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert app.window.suggestions.current_id() == items[1].id
    qtbot.keyClick(target, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert app.window.suggestions.current_id() == items[0].id
    qtbot.keyClick(target, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert app.controller.current.decisions.choice(items[0].id) is False
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert app.controller.current.decisions.choice(items[1].id) is True
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.controller.current.decisions == Decisions()
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert app.controller.current.decisions.choice(items[0].id) is False


