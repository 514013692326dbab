"""The actions table: every command of the window as data (name, text, shortcut, menu, handler, when it can run).

Menus, the toolbar, the panel buttons and Help > Keyboard shortcuts are all
generated from this one table, so a shortcut cannot be documented in one place
and bound differently in another.  Texts are English source strings; the
Chinese ones live in ``resources/translations/kexie_zh_CN.ts`` (context
"Actions").  Each row names what the command does (``run(presenter)``, or
``toggle(presenter, checked)`` for a checkable one) and when it can run
(``enabled(situation)``): a row without a handler is refused when the actions
are built, never left silently disabled.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QToolBar, QWidget

from .i18n import _tr
from .marks import N_

if TYPE_CHECKING:
    from .presenter import Presenter


@dataclass(frozen=True)
class Situation:
    """What decides which commands can run now: plain values the presenter gathers after every change."""

    page: bool = False  # a page is shown
    ready: bool = False  # its analysis is shown
    text_page: bool = False  # it was read from text (its encoding can be chosen)
    clipboard: bool = False  # blocks were cut and wait to be pasted
    exportable: bool = False  # export works here and some page has articles
    done: bool = False  # the page shown is marked done
    can_undo: bool = False
    can_redo: bool = False


def always(s: Situation) -> bool:
    return True


def page_shown(s: Situation) -> bool:
    return s.page


def analysed(s: Situation) -> bool:
    return s.ready


def text_page(s: Situation) -> bool:
    return s.page and s.text_page


def blocks_cut(s: Situation) -> bool:
    return s.ready and s.clipboard


def exportable(s: Situation) -> bool:
    return s.exportable


def page_done(s: Situation) -> bool:
    return s.done


def undoable(s: Situation) -> bool:
    return s.can_undo


def redoable(s: Situation) -> bool:
    return s.can_redo


@dataclass(frozen=True)
class ActionSpec:
    name: str  # "-" is a separator
    text: str  # English; translated in context "Actions"
    shortcut: str = ""  # portable text ("Ctrl+Return"); Qt maps Ctrl to Cmd on macOS
    menu: str = ""  # key in MENUS
    tip: str = ""  # status tip, translated in context "Actions"
    toolbar: bool = False
    icon: str = ""  # a QStyle.StandardPixmap name
    checkable: bool = False
    short: str = ""  # toolbar label when the menu text is long, translated in context "Actions"
    run: Callable[[Presenter], object] | None = None  # what the command does
    toggle: Callable[[Presenter, bool], object] | None = None  # what a checkable command does, checked or not
    enabled: Callable[[Situation], bool] = always  # when it can run
    checked: Callable[[Situation], bool] | None = None  # its check mark follows the situation (None: the editor's)


def _sep(menu: str) -> ActionSpec:
    return ActionSpec("-", "", menu=menu)


MENUS = (
    ("file", N_("Menus", "&File")),
    ("edit", N_("Menus", "&Edit")),
    ("review", N_("Menus", "&Review")),
    ("structure", N_("Menus", "&Structure")),
    ("structure/roles", N_("Menus", "Mark block &as")),
    ("view", N_("Menus", "&View")),
    ("help", N_("Menus", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", N_("Actions", "&Open pages…"), "Ctrl+O", "file",
               N_("Actions", "Open one or more .txt pages"), True, "SP_DialogOpenButton", short=N_("Actions", "Open"),
               run=lambda p: p.opening.ask_open()),
    ActionSpec("open_folder", N_("Actions", "Open &folder…"), "Ctrl+Shift+O", "file",
               N_("Actions", "Open every .txt page of a folder"),
               run=lambda p: p.opening.ask_open_folder()),
    # File > Open Recent is inserted here (a generated submenu)
    ActionSpec("save", N_("Actions", "&Save decisions"), "Ctrl+S", "file",
               N_("Actions", "Save the decisions on the shown page in a session file beside it"), True,
               "SP_DriveFDIcon", short=N_("Actions", "Save"),
               run=lambda p: p.keeping.save(), enabled=analysed),
    ActionSpec("close_page", N_("Actions", "&Close page"), "Ctrl+W", "file", N_("Actions", "Close the shown page"),
               run=lambda p: p.keeping.close_page(), enabled=page_shown),
    ActionSpec("reopen_encoding", N_("Actions", "Reopen with &encoding…"), "", "file",
               N_("Actions", "Read the shown page again in an encoding you choose"),
               run=lambda p: p.opening.reopen_with_encoding(), enabled=text_page),
    _sep("file"),
    ActionSpec("mark_done", N_("Actions", "Page &done"), "Ctrl+D", "file",
               N_("Actions", "Mark the shown page as reviewed (it is then exported with “all done pages”)"),
               True, "SP_DialogApplyButton", checkable=True, short=N_("Actions", "Done"),
               toggle=lambda p, checked: p.review.mark_done(checked), enabled=analysed, checked=page_done),
    ActionSpec("export", N_("Actions", "&Export…"), "Ctrl+E", "file",
               N_("Actions", "Write the clean articles as Word or Markdown"), True, "SP_DialogSaveButton",
               short=N_("Actions", "Export"),
               run=lambda p: p.export.run(), enabled=exportable),
    _sep("file"),
    ActionSpec("quit", N_("Actions", "&Quit"), "Ctrl+Q", "file", N_("Actions", "Close the window"),
               run=lambda p: p.window.close()),

    ActionSpec("undo", N_("Actions", "&Undo"), "Ctrl+Z", "edit", N_("Actions", "Undo the last decision"), True,
               "SP_ArrowBack", short=N_("Actions", "Undo"),
               run=lambda p: p.selection.show_undone(p.recorder.undo), enabled=undoable),
    ActionSpec("redo", N_("Actions", "&Redo"), "Ctrl+Shift+Z", "edit", N_("Actions", "Redo the undone decision"),
               True, "SP_ArrowForward", short=N_("Actions", "Redo"),
               run=lambda p: p.selection.show_undone(p.recorder.redo), enabled=redoable),
    _sep("edit"),
    ActionSpec("edit_text", N_("Actions", "Edit &text…"), "F2", "edit",
               N_("Actions", "Retype the title, byline or paragraph at the cursor"),
               run=lambda p: p.editing.edit_at_cursor(), enabled=analysed),

    ActionSpec("next", N_("Actions", "&Next open suggestion"), "Alt+Down", "review",
               N_("Actions", "Go to the next suggestion you have not decided"), True, "SP_ArrowDown",
               short=N_("Actions", "Next"),
               run=lambda p: p.review.next(), enabled=analysed),
    ActionSpec("previous", N_("Actions", "&Previous open suggestion"), "Alt+Up", "review",
               N_("Actions", "Go to the previous suggestion you have not decided"), True, "SP_ArrowUp",
               short=N_("Actions", "Previous"),
               run=lambda p: p.review.previous(), enabled=analysed),
    _sep("review"),
    ActionSpec("accept", N_("Actions", "&Accept"), "Ctrl+Return", "review",
               N_("Actions", "Accept the selected suggestion and go to the next"), True, "SP_DialogYesButton",
               short=N_("Actions", "Accept"),
               run=lambda p: p.review.accept(), enabled=analysed),
    ActionSpec("reject", N_("Actions", "&Reject"), "Ctrl+Backspace", "review",
               N_("Actions", "Reject the selected suggestion and go to the next"), True, "SP_DialogNoButton",
               short=N_("Actions", "Reject"),
               run=lambda p: p.review.reject(), enabled=analysed),
    ActionSpec("reopen", N_("Actions", "Re&open"), "Ctrl+Shift+Backspace", "review",
               N_("Actions", "Forget the decision on the selected suggestion"),
               run=lambda p: p.review.reopen(), enabled=analysed),
    _sep("review"),
    ActionSpec("accept_kind", N_("Actions", "Accept all of this &kind"), "Ctrl+Shift+Return", "review",
               N_("Actions", "Accept every suggestion of the selected kind (one undo step)"),
               short=N_("Actions", "Accept all"),
               run=lambda p: p.review.decide_kind(True), enabled=analysed),
    ActionSpec("reject_kind", N_("Actions", "Reject all of this k&ind"), "", "review",
               N_("Actions", "Reject every suggestion of the selected kind (one undo step)"),
               short=N_("Actions", "Reject all"),
               run=lambda p: p.review.decide_kind(False), enabled=analysed),
    _sep("review"),
    ActionSpec("doubtful_first", N_("Actions", "&Doubtful first"), "Ctrl+Shift+D", "review",
               N_("Actions", "List and walk the suggestions with the lowest confidence first"), checkable=True,
               toggle=lambda p, checked: p.review.set_doubtful_first(checked)),

    ActionSpec("split", N_("Actions", "&Split article here"), "Ctrl+Shift+S", "structure",
               N_("Actions", "A new article starts with the block at the cursor: that block is its title"), True,
               short=N_("Actions", "Split"),
               run=lambda p: p.structure.split(), enabled=analysed),
    ActionSpec("merge", N_("Actions", "&Merge with previous article"), "Ctrl+Shift+M", "structure",
               N_("Actions", "Fold the current article into the one before it"), True,
               short=N_("Actions", "Merge"),
               run=lambda p: p.structure.merge(), enabled=analysed),
    _sep("structure"),
    ActionSpec("role_title", N_("Actions", "&Title"), "Alt+1", "structure/roles",
               N_("Actions", "The block at the cursor is a headline"),
               run=lambda p: p.structure.set_role("title"), enabled=analysed),
    ActionSpec("role_subtitle", N_("Actions", "&Subtitle"), "Alt+2", "structure/roles",
               N_("Actions", "The block at the cursor is a subtitle under the headline"),
               run=lambda p: p.structure.set_role("subtitle"), enabled=analysed),
    ActionSpec("role_kicker", N_("Actions", "&Kicker"), "Alt+3", "structure/roles",
               N_("Actions", "The block at the cursor is a kicker above the headline"),
               run=lambda p: p.structure.set_role("kicker"), enabled=analysed),
    ActionSpec("role_byline", N_("Actions", "&Byline"), "Alt+4", "structure/roles",
               N_("Actions", "The block at the cursor is the byline"),
               run=lambda p: p.structure.set_role("byline"), enabled=analysed),
    ActionSpec("role_body", N_("Actions", "B&ody text"), "Alt+5", "structure/roles",
               N_("Actions", "The block at the cursor is ordinary body text"),
               run=lambda p: p.structure.set_role("body"), enabled=analysed),
    ActionSpec("role_furniture", N_("Actions", "&Furniture (remove)"), "Alt+6", "structure/roles",
               N_("Actions", "The block at the cursor is page furniture: leave it out"),
               run=lambda p: p.structure.set_role("furniture"), enabled=analysed),
    ActionSpec("restore", N_("Actions", "&Restore removed block"), "Ctrl+Shift+R", "structure",
               N_("Actions", "Bring a removed block (furniture, repeat) back as body text"),
               run=lambda p: p.structure.restore(), enabled=analysed),
    _sep("structure"),
    ActionSpec("cut_block", N_("Actions", "Cu&t block"), "Ctrl+Shift+X", "structure",
               N_("Actions", "Take the block at the cursor (or the selected blocks) to move it"),
               run=lambda p: p.structure.cut(), enabled=analysed),
    ActionSpec("paste_block", N_("Actions", "&Paste block before cursor"), "Ctrl+Shift+V", "structure",
               N_("Actions", "Put the cut blocks before the block at the cursor"),
               run=lambda p: p.structure.paste(), enabled=blocks_cut),
    _sep("structure"),
    ActionSpec("split_lines", N_("Actions", "Split block at this &line"), "Ctrl+Shift+L", "structure",
               N_("Actions", "Cut the block before the cursor's line (or before each selected line)"),
               short=N_("Actions", "Lines"),
               run=lambda p: p.structure.split_lines(), enabled=analysed),
    ActionSpec("split_block", N_("Actions", "Cut block at the c&ursor"), "Ctrl+Shift+K", "structure",
               N_("Actions", "Cut the block in two right at the cursor, even inside a sentence"),
               run=lambda p: p.structure.split_block(), enabled=analysed),
    ActionSpec("join", N_("Actions", "&Join with the piece before"), "Ctrl+J", "structure",
               N_("Actions", "The block at the cursor continues the one before it (selected blocks: join them)"),
               short=N_("Actions", "Join"),
               run=lambda p: p.structure.join(), enabled=analysed),
    ActionSpec("join_lines", N_("Actions", "Join wrapped &lines into paragraphs"), "Ctrl+Shift+J", "structure",
               N_("Actions", "The selected printed lines back into paragraphs: a full line runs on, a shorter "
                  "one ends its paragraph"), short=N_("Actions", "Paragraphs"),
               run=lambda p: p.structure.join_lines(), enabled=analysed),
    ActionSpec("one_title", N_("Actions", "Lines as &one title"), "Ctrl+Shift+T", "structure",
               N_("Actions", "The selected lines are one headline printed over several lines"),
               short=N_("Actions", "One title"),
               run=lambda p: p.structure.one_title(), enabled=analysed),
    ActionSpec("uninterleave", N_("Actions", "T&wo columns read line by line"), "Ctrl+Shift+U", "structure",
               N_("Actions", "The selected lines alternate between two columns: put each column's lines together"),
               short=N_("Actions", "2 columns"),
               run=lambda p: p.structure.uninterleave(), enabled=analysed),
    ActionSpec("move_up", N_("Actions", "Move &up in reading order"), "Alt+Shift+Up", "structure",
               N_("Actions", "Move the selected blocks one place earlier in the reading order"),
               short=N_("Actions", "Up"),
               run=lambda p: p.structure.move_up(), enabled=analysed),
    ActionSpec("move_down", N_("Actions", "Move do&wn in reading order"), "Alt+Shift+Down", "structure",
               N_("Actions", "Move the selected blocks one place later in the reading order"),
               short=N_("Actions", "Down"),
               run=lambda p: p.structure.move_down(), enabled=analysed),

    ActionSpec("reading_order", N_("Actions", "&Reading order"), "F6", "view",
               N_("Actions", "List the page's blocks in reading order, numbered in the raw page; drag or "
                  "Alt+Up/Down to reorder"), True, checkable=True, short=N_("Actions", "Order"),
               toggle=lambda p, checked: p.display.show_reading_order(checked)),
    ActionSpec("track_changes", N_("Actions", "Show &changes"), "F7", "view",
               N_("Actions", "Mark in the article what was joined, dropped, removed or changed, like Track "
                  "Changes"), True, checkable=True, short=N_("Actions", "Changes"),
               toggle=lambda p, checked: p.display.show_changes(checked), enabled=analysed),

    # View > Language and the panel toggles are generated after the view entries above
    ActionSpec("shortcuts", N_("Actions", "&Keyboard shortcuts"), "Ctrl+/", "help",
               N_("Actions", "List every command and its keys"),
               run=lambda p: p.window.show_shortcuts()),
    ActionSpec("about", N_("Actions", "&About kexie"), "", "help", N_("Actions", "Version and licence"),
               run=lambda p: p.window.show_about()),
)

BY_NAME = {a.name: a for a in ACTIONS if a.name != "-"}


def build_actions(parent: QWidget, presenter: Presenter, on_trigger: Callable[[str], None] | None = None,
                  specs: Sequence[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """One QAction per table row, triggered into its handler with ``presenter``.

    ``on_trigger(name)`` is told of each command before its handler runs (the crash log names it).
    A row without its handler (``run``, or ``toggle`` when checkable) is a mistake: ``ValueError``.
    """
    out: dict[str, QAction] = {}
    style = parent.style()
    for spec in specs:
        if spec.name == "-":
            continue
        run, toggle = spec.run, spec.toggle
        if (toggle if spec.checkable else run) is None:
            kind = "toggle" if spec.checkable else "run"
            raise ValueError(f"the action {spec.name!r} has no handler ({kind}=…)")
        action = QAction(parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, spec.icon)))
        action.setCheckable(spec.checkable)
        if on_trigger is not None:
            action.triggered.connect(lambda checked=False, n=spec.name: on_trigger(n))
        if toggle is not None and spec.checkable:
            action.triggered.connect(lambda checked, t=toggle: t(presenter, checked))
        elif run is not None:
            action.triggered.connect(lambda checked=False, r=run: r(presenter))
        out[spec.name] = action
    retranslate_actions(out)
    return out


def follow_situation(actions: Mapping[str, QAction], situation: Situation) -> None:
    """Enable each command that can run now; check marks that follow the situation follow it."""
    for name, action in actions.items():
        spec = BY_NAME[name]
        action.setEnabled(spec.enabled(situation))
        if spec.checked is not None:
            action.setChecked(spec.checked(situation))


def retranslate_actions(actions: Mapping[str, QAction]) -> None:
    for name, action in actions.items():
        spec = BY_NAME[name]
        action.setText(_tr("Actions", spec.text))
        if spec.short:
            action.setIconText(_tr("Actions", spec.short))
        tip = _tr("Actions", spec.tip) if spec.tip else ""
        action.setStatusTip(tip)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = _tr("Actions", spec.text).replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({keys})" if keys else plain)


def build_menus(menubar: QMenuBar, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    """The menus of ``MENUS`` filled in table order; returns them by key for generated additions."""
    menus: dict[str, QMenu] = {}
    for key, _title in MENUS:
        parent_key = key.rpartition("/")[0]
        menu = QMenu(menubar)
        menu.setObjectName(f"menu_{key.replace('/', '_')}")
        menus[key] = menu
        if parent_key:
            menus[parent_key].addMenu(menu)
        else:
            menubar.addMenu(menu)
    for spec in ACTIONS:
        if spec.menu not in menus:
            continue
        if spec.name == "-":
            menus[spec.menu].addSeparator()
        else:
            menus[spec.menu].addAction(actions[spec.name])
    retranslate_menus(menus)
    return menus


def retranslate_menus(menus: Mapping[str, QMenu]) -> None:
    titles = dict(MENUS)
    for key, menu in menus.items():
        if key in titles:
            menu.setTitle(_tr("Menus", titles[key]))


def build_toolbar(toolbar: QToolBar, actions: Mapping[str, QAction]) -> None:
    last_menu = None
    for spec in ACTIONS:
        if spec.toolbar and spec.name in actions:
            if last_menu is not None and spec.menu.split("/")[0] != last_menu:
                toolbar.addSeparator()
            toolbar.addAction(actions[spec.name])
            last_menu = spec.menu.split("/")[0]


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for Help > Keyboard shortcuts, in table order, translated."""
    titles = dict(MENUS)
    rows = []
    for spec in ACTIONS:
        if spec.name == "-" or spec.name not in actions:
            continue
        keys = actions[spec.name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        menu = " › ".join(_tr("Menus", titles[k]).replace("&", "")
                          for k in _menu_path(spec.menu))
        rows.append((menu, _tr("Actions", spec.text).replace("&", ""), keys))
    return rows


def _menu_path(key: str) -> list[str]:
    parts = key.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]
