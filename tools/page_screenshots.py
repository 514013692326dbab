"""Screenshots of the page view: a PDF or image page shown as printed, tinted by article, numbered.

    python tools/page_screenshots.py PAGE.pdf|PAGE.png [OUT_DIR] [--name 05-page-view] [--size 1600x1000]

Saves ``NAME.png`` (the page view of the page just opened) and ``NAME-moved.png``
(after dragging the last block's badge onto the first box: renumbered) into
OUT_DIR (default ``docs/screenshots/``).  Runs offscreen with a throw-away data
folder; an image page needs the OCR extra (its OCR result is cached).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shot(window, path: Path) -> None:
    """The window as a 256-colour PNG (a quarter of the size of full colour)."""
    from PySide6.QtGui import QImage

    window.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8).save(str(path))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--name", default="05-page-view")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kexie_gui.app import _qt_app, compose
    from kexie_gui.ui.controller import SyncRunner
    from kexie_gui.ui.settings import Settings

    _qt_app([])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))
    tmp = tempfile.TemporaryDirectory(prefix="kexie-page-shots-")
    os.environ["KEXIE_DATA_DIR"] = str(Path(tmp.name) / "data")
    settings = Settings(QSettings(str(Path(tmp.name) / "s.ini"), QSettings.Format.IniFormat))
    app = compose(language="en", runner=SyncRunner(), settings=settings, autosave=None, sessions=False)
    app.window.resize(width, height)
    app.window.show()
    app.window.close_guard = None
    app.presenter.open_paths([args.page])
    QApplication.processEvents()
    state = app.controller.current
    if state is None or state.page.geometry is None:
        print(f"{args.page}: not shown as a page (no geometry)")
        return 1
    app.window.raw_pane.show_picture()
    app.window.splitter.setSizes([int(width * 0.55), int(width * 0.45)])
    QApplication.processEvents()
    shot(app.window, out / f"{args.name}.png")
    marks = [m for m in app.window.page_view.canvas.marks if m.first_of_block and m.number and not m.furniture]
    if len(marks) >= 2:
        last = max(marks, key=lambda m: m.number)
        first = min(marks, key=lambda m: m.number)
        app.controller.move_blocks([last.block], first.block)
        QApplication.processEvents()
        shot(app.window, out / f"{args.name}-moved.png")
    app.window.close()
    print(f"saved {out / args.name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
