"""Every command of the actions table runs from its menu: a click on the menu bar, a click on the entry.

Each command gets a page in the state it acts on and is checked for its effect; the dialogs it opens
are answered through their own buttons.  A test fails when a command is added to the table without a
row here.
"""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox

from kexie_gui.ui.actions import ACTIONS, BY_NAME, ActionSpec, build_actions

from .conftest import SEED
from .drive import choose_path, click_button, click_menu, escape, on_modal, show
from .helpers import set_raw_cursor, suggestions_of

OK = QDialogButtonBox.StandardButton.Ok


def _folder(tmp):
    folder = tmp / "folder"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    return folder


def _paragraph_start(app, article: int, paragraph: int) -> int:
    """Where a paragraph's first block starts on the raw page (looked up by its id)."""
    state = app.controller.current
    return state.view.block(state.clean.articles[article].paragraph_keys[paragraph]).start


def _second_paragraph(app, article: int) -> int:
    return _paragraph_start(app, article, 1)


def _first_article_second_paragraph(app) -> int:
    return _second_paragraph(app, 0)


def _wrapped(tmp):
    """A hard-wrapped page: its paragraphs are blocks of several lines."""
    from tests.core.pages import HARD_WRAPPED_PAGE

    page = tmp / "wrapped.txt"
    page.write_text(HARD_WRAPPED_PAGE, encoding="utf-8")
    return page


def _select(app, kind):
    app.window.suggestions.select(suggestions_of(app, kind)[0].id, notify=True)


def _cursor_in(app, offset):
    set_raw_cursor(app, offset)


def _lines(app, first, last):
    app.window.raw.select_lines(first, last)


def _title_block(app, article):
    state = app.controller.current
    return state.view.block_at(state.clean.articles[article].title.runs[0][1])


# name -> (prepare(app, qtbot, tmp_path) -> anything, check(app, prepared) -> bool)
COMMANDS = {
    "open": (lambda app, qtbot, tmp: on_modal(qtbot, lambda d: choose_path(qtbot, d, SEED)),
             lambda app, seen: bool(seen) and app.controller.current is not None),
    "open_folder": (lambda app, qtbot, tmp: on_modal(qtbot, lambda d: choose_path(qtbot, d, _folder(tmp))),
                    lambda app, seen: bool(seen) and len(app.controller.pages) >= 1),
    "save": (lambda app, qtbot, tmp: app.controller.decide(suggestions_of(app, "join")[0].id, False),
             lambda app, _: not app.controller.current.dirty),
    "close_page": (lambda app, qtbot, tmp: None, lambda app, _: app.controller.current is None),
    "reopen_encoding": (lambda app, qtbot, tmp: on_modal(qtbot, lambda d: (
                            d.findChild(QComboBox).setEditText("gb18030"), click_button(qtbot, d, OK))),
                        lambda app, seen: bool(seen) and app.controller.current.encoding == "gb18030"
                        and app.controller.current.page.reading.how == "forced"),
    "mark_done": (lambda app, qtbot, tmp: None, lambda app, _: app.controller.current.done),
    "export": (lambda app, qtbot, tmp: (tmp, on_modal(qtbot, lambda d: (d.folder_edit.setText(str(tmp)),
                                                                        click_button(qtbot, d, OK)))),
               lambda app, p: bool(p[1]) and (p[0] / (SEED.stem + ".docx")).exists()),
    "quit": (lambda app, qtbot, tmp: None, lambda app, _: not app.window.isVisible()),
    "undo": (lambda app, qtbot, tmp: app.controller.decide(suggestions_of(app, "join")[0].id, False),
             lambda app, _: app.controller.current.decisions.choices == ()),
    "redo": (lambda app, qtbot, tmp: (app.controller.decide(suggestions_of(app, "join")[0].id, False),
                                      app.recorder.undo()),
             lambda app, _: len(app.controller.current.decisions.choices) == 1),
    "edit_text": (lambda app, qtbot, tmp: on_modal(qtbot, lambda d: (d.editor.setPlainText("新标题"),
                                                                     click_button(qtbot, d, OK))),
                  lambda app, seen: bool(seen) and app.controller.current.decisions.edits != ()),
    "next": (lambda app, qtbot, tmp: None, lambda app, _: app.window.suggestions.current_id() is not None),
    "previous": (lambda app, qtbot, tmp: None, lambda app, _: app.window.suggestions.current_id() is not None),
    "accept": (lambda app, qtbot, tmp: _select(app, "join"),
               lambda app, _: app.controller.current.decisions.choices[0][1] is True),
    "reject": (lambda app, qtbot, tmp: _select(app, "join"),
               lambda app, _: app.controller.current.decisions.choices[0][1] is False),
    "reopen": (lambda app, qtbot, tmp: (_select(app, "join"), app.controller.decide(suggestions_of(app, "join")[0].id,
                                                                                      False)),
               lambda app, _: app.controller.current.decisions.choices == ()),
    "accept_kind": (lambda app, qtbot, tmp: _select(app, "join"),
                    lambda app, _: all(v for _, v in app.controller.current.decisions.choices)
                    and len(app.controller.current.decisions.choices) == len(suggestions_of(app, "join"))),
    "reject_kind": (lambda app, qtbot, tmp: _select(app, "punctuation"),
                    lambda app, _: len(app.controller.current.decisions.choices) == len(suggestions_of(app,
                                                                                                "punctuation"))),
    "doubtful_first": (lambda app, qtbot, tmp: None, lambda app, _: app.window.suggestions.proxy.doubtful_first),
    "split": (lambda app, qtbot, tmp: _cursor_in(app, _second_paragraph(app, 1) + 5),
              lambda app, _: len(app.controller.current.clean.articles) == 5),
    "merge": (lambda app, qtbot, tmp: _cursor_in(app, _title_block(app, 1).start + 1),
              lambda app, _: len(app.controller.current.clean.articles) == 3),
    "restore": (lambda app, qtbot, tmp: _cursor_in(app, app.controller.current.view.block(
                    app.controller.current.clean.removed[0].block).start + 1),
                lambda app, _: app.controller.current.decisions.roles != ()),
    "cut_block": (lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 2),
                  lambda app, _: bool(app.controller.clipboard) and bool(app.window.raw._pending)),
    "paste_block": (lambda app, qtbot, tmp: (_cursor_in(app, _first_article_second_paragraph(app) + 2),
                                             app.actions["cut_block"].trigger(),
                                             _cursor_in(app, _paragraph_start(app, 0, 0) + 1)),
                    lambda app, _: app.controller.current.decisions.moves != ()),
    "split_lines": (lambda app, qtbot, tmp: (app.presenter.open_paths([str(_wrapped(tmp))]), _lines(app, 6, 7)),
                    lambda app, _: app.controller.current.decisions.splits != ()),
    "split_block": (lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 5),
                    lambda app, _: app.controller.current.decisions.splits != ()),
    "join": (lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 2),
             lambda app, _: app.controller.current.decisions.joined != ()),
    "join_lines": (lambda app, qtbot, tmp: _lines(app, 5, 9),
                   lambda app, _: app.controller.current.decisions.joined != ()),
    "one_title": (lambda app, qtbot, tmp: _lines(app, 3, 5),
                  lambda app, _: app.controller.current.decisions.joined != ()),
    "uninterleave": (lambda app, qtbot, tmp: _lines(app, 5, 13),
                     lambda app, _: app.controller.current.decisions.moves != ()),
    "move_up": (lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 2),
                lambda app, _: app.controller.current.decisions.moves != ()),
    "move_down": (lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 2),
                  lambda app, _: app.controller.current.decisions.moves != ()),
    "reading_order": (lambda app, qtbot, tmp: None, lambda app, _: app.window.order_dock.isVisible()),
    "track_changes": (lambda app, qtbot, tmp: None, lambda app, _: app.window.article.tracking),
    "shortcuts": (lambda app, qtbot, tmp: None, lambda app, _: True),
    "about": (lambda app, qtbot, tmp: on_modal(qtbot, lambda box: click_button(qtbot, box,
                                                                               QMessageBox.StandardButton.Ok)),
              lambda app, seen: bool(seen)),
}
for role in ("title", "subtitle", "kicker", "byline", "body", "furniture"):
    COMMANDS[f"role_{role}"] = (
        lambda app, qtbot, tmp: _cursor_in(app, _first_article_second_paragraph(app) + 2),
        lambda app, _, r=role: app.controller.current.decisions.roles[0][1] == r)

NEEDS_NO_PAGE = ("open", "open_folder", "shortcuts", "about", "reading_order", "quit")


def test_every_command_of_the_table_is_driven_here():
    assert set(BY_NAME) == set(COMMANDS)


def test_every_command_of_the_table_carries_its_handler():
    """A checkable command toggles, the others run; none is left to be looked up elsewhere."""
    missing = [s.name for s in ACTIONS if s.name != "-" and (s.toggle if s.checkable else s.run) is None]
    assert missing == []


def test_a_command_without_a_handler_is_refused_not_left_disabled(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    with pytest.raises(ValueError, match="'orphan' has no handler"):
        build_actions(parent, None, specs=(ActionSpec("open", "Open", run=lambda p: None),
                                           ActionSpec("orphan", "Orphan")))
    with pytest.raises(ValueError, match="'switch' has no handler"):
        build_actions(parent, None, specs=(ActionSpec("switch", "Switch", checkable=True, run=lambda p: None),))


def test_commands_are_enabled_by_the_situation_their_row_names(make_app, qtbot, tmp_path):
    """No page: only what needs none; the seed page analysed: what acts on it; blocks cut: paste too."""
    app = make_app()
    show(qtbot, app.window)
    enabled = {name for name, action in app.actions.items() if action.isEnabled()}
    assert enabled == {"open", "open_folder", "quit", "doubtful_first", "reading_order", "shortcuts", "about"}
    page = tmp_path / SEED.name
    page.write_bytes(SEED.read_bytes())
    app.presenter.open_paths([str(page)])
    enabled = {name for name, action in app.actions.items() if action.isEnabled()}
    assert enabled == set(BY_NAME) - {"undo", "redo", "paste_block"}
    _cursor_in(app, _first_article_second_paragraph(app) + 2)
    click_menu(qtbot, app.window, app.actions["cut_block"])
    assert app.actions["paste_block"].isEnabled() and app.actions["undo"].isEnabled() is False
    click_menu(qtbot, app.window, app.actions["mark_done"])
    assert app.actions["mark_done"].isChecked() and app.actions["undo"].isEnabled() is False


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_runs_from_its_menu(make_app, qtbot, tmp_path, name):
    app = make_app()
    show(qtbot, app.window)
    if name not in NEEDS_NO_PAGE:  # a copy: saving must not write beside the test data
        page = tmp_path / "pages" / SEED.name
        page.parent.mkdir()
        page.write_bytes(SEED.read_bytes())
        app.presenter.open_paths([str(page)])
    prepare, check = COMMANDS[name]
    prepared = prepare(app, qtbot, tmp_path)
    action = app.actions[name]
    click_menu(qtbot, app.window, action)
    if name == "shortcuts":
        from kexie_gui.ui.dialogs import ShortcutsDialog

        def shown():
            found = app.window.findChild(ShortcutsDialog, "shortcuts_dialog")
            return found if found is not None and found.isVisible() else None

        qtbot.waitUntil(lambda: shown() is not None)
        escape(qtbot, shown())
    qtbot.waitUntil(lambda: check(app, prepared), timeout=3000)
