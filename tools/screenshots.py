"""Screenshots of the review window on the seed page, for the docs and for looking at the UI.

    python tools/screenshots.py [OUT_DIR] [--page PAGE.txt] [--size 1400x900]

Saves ``01-first-run.png`` (no page open: the placeholder), ``01-fresh.png``
(page just opened), ``02-duplicate.png`` (a repeat group selected),
``03-join-accepted.png`` (a broken join accepted) and ``04-chinese.png`` (the
Chinese interface), and for the editor's tools (issue 9): ``06-reading-order.png``
(the reading-order view on a two-column page read line by line,
tests/data/interleaved.txt), ``07-track-changes.png`` (Show changes),
``08-context-menu.png`` (right-click in the raw page), ``09-1280x720.png`` and
``10-2560x1440.png`` (the window at both sizes) and ``11-export-dialog.png``
into OUT_DIR (default ``docs/screenshots/``).  Runs with a throw-away data
folder (no autosave, no saved sessions); needs a CJK font (fonts-wqy-microhei).

Offscreen by default; under a real X server (``QT_QPA_PLATFORM=xcb``, e.g.
``xvfb-run -s "-screen 0 2600x1500x24" python tools/screenshots.py``) menus and
dialogs are their own windows and are taken from the screen.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "data" / "000_57b0e2a3ead17231.txt"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--page", default=str(SEED))
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--only", nargs="*", help="names of the shots to take (default: all)")
    parser.add_argument("--full-colour", action="store_true",
                        help="keep 32-bit colour (default: a 256-colour palette, a quarter of the size)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kexie_gui.app import _qt_app, compose
    from kexie_gui.ui.controller import SyncRunner
    from kexie_gui.ui.settings import Settings

    _qt_app([])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))
    tmp = tempfile.TemporaryDirectory(prefix="kexie-shots-")

    os.environ["KEXIE_DATA_DIR"] = str(Path(tmp.name) / "data")

    def build(language: str, page: str | None = args.page):
        settings = Settings(QSettings(str(Path(tmp.name) / f"{language}.ini"), QSettings.Format.IniFormat))
        app = compose(language=language, runner=SyncRunner(), settings=settings, autosave=None, sessions=False)
        app.window.resize(width, height)
        app.window.show()
        app.window.close_guard = None  # closing after the shots: nothing to save, nothing to ask
        if page:
            app.presenter.open_paths([page])
        QApplication.processEvents()
        return app

    def first(app, kind: str):
        """The page's first suggestion of ``kind``, or None (a page need not hold every kind)."""
        state = app.controller.current
        found = next((s for s in state.analysis.suggestions if s.kind == kind), None)
        if found is None:
            print(f"(the page has no {kind} suggestion: its shot shows the page as opened)")
        return found

    def select(app, kind: str):
        found = first(app, kind)
        if found is not None:
            app.window.suggestions.select(found.id)
        return found

    def shot(app, name: str) -> None:
        if args.only and name not in args.only:
            return
        for _ in range(3):
            QApplication.processEvents()
        path = out / f"{name}.png"
        image = app.window.grab().toImage()
        if not args.full_colour:  # UI pictures hold few colours: a palette keeps them sharp and small
            image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                          | Qt.ImageConversionFlag.AvoidDither)
        image.save(str(path), "PNG", 9)
        print(f"{path}  {path.stat().st_size // 1024} KB")

    def on_screen(app, name: str, widgets=()) -> None:
        """The window with the popups and dialogs over it, as the screen shows them."""
        if args.only and name not in args.only:
            return
        for _ in range(5):
            QApplication.processEvents()
        w = app.window
        if QApplication.platformName() == "xcb":
            frame = w.frameGeometry()
            image = QApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                                            frame.height()).toImage()
            origin = frame.topLeft()
        else:  # offscreen: paint each top-level widget where it stands
            from PySide6.QtGui import QPainter

            image = w.grab().toImage()
            origin = w.mapToGlobal(w.rect().topLeft())
            painter = QPainter(image)
            for widget in widgets:
                painter.drawPixmap(widget.mapToGlobal(widget.rect().topLeft()) - origin, widget.grab())
            painter.end()
        path = out / f"{name}.png"
        if not args.full_colour:
            image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                          | Qt.ImageConversionFlag.AvoidDither)
        image.save(str(path), "PNG", 9)
        print(f"{path}  {path.stat().st_size // 1024} KB")

    app = build("en", page=None)
    shot(app, "01-first-run")
    app.presenter.open_paths([args.page])
    shot(app, "01-fresh")
    select(app, "duplicate")
    shot(app, "02-duplicate")
    if select(app, "join") is not None:
        app.presenter.review.decide(True, advance=False)
    shot(app, "03-join-accepted")
    app.window.close()

    app = build("zh")
    select(app, "duplicate")
    shot(app, "04-chinese")
    app.translations.set_language("en")  # the translator is the application's: the next windows are English
    app.window.close()

    # the editor's tools (issue 9)
    from PySide6.QtCore import QPoint, QTimer

    app = build("en", page=str(ROOT / "tests" / "data" / "interleaved.txt"))
    app.window.resize(1920, 1080)
    app.actions["reading_order"].trigger()
    lst, model = app.window.reading_order.list, app.window.order_model
    state = app.controller.current
    last = [k for k, b in enumerate(state.view.order) if str(b.text).strip() in ("青禾镇建成首个青少年科技",
                                                                                 "创新工作室")]
    if last:  # the second article's headline lines, read last: selected, ready to be dragged up
        lst.selectionModel().select(model.index(last[0], 0), lst.selectionModel().SelectionFlag.ClearAndSelect)
        lst.selectionModel().select(model.index(last[-1], 0), lst.selectionModel().SelectionFlag.Select)
    shot(app, "06-reading-order")
    app.window.close()

    app = build("en")
    app.window.resize(1920, 1080)
    app.actions["track_changes"].trigger()
    shot(app, "07-track-changes")
    app.actions["track_changes"].trigger()
    raw = app.window.raw
    block = raw.document().findBlockByNumber(4)
    rect = raw.blockBoundingGeometry(block).translated(raw.contentOffset())
    at = QPoint(int(rect.left()) + 60, int(rect.top()) + 6)
    raw.setTextCursor(raw.cursorForPosition(at))
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(raw.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                             raw.viewport().mapToGlobal(at)))
    menu = app.window.context_menu
    on_screen(app, "08-context-menu", [menu] if menu is not None else [])
    if menu is not None:
        menu.close()
    for size in ((1280, 720), (2560, 1440)):
        app.window.resize(*size)
        shot(app, f"{'09' if size[0] == 1280 else '10'}-{size[0]}x{size[1]}")
    app.window.resize(1400, 900)

    def export_shot():
        dialog = app.window.open_dialog
        if dialog is None:
            QTimer.singleShot(50, export_shot)
            return
        on_screen(app, "11-export-dialog", [dialog])
        dialog.reject()

    QTimer.singleShot(50, export_shot)
    app.actions["export"].trigger()
    app.window.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
