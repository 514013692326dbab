"""Screenshots of the review window on the seed page, for the docs and for looking at the UI.

    python tools/screenshots.py [OUT_DIR] [--page PAGE.txt] [--size 1400x900]

Saves ``01-first-run.png`` (no page open: the placeholder), ``01-fresh.png``
(page just opened), ``02-duplicate.png`` (a repeat group selected),
``03-join-accepted.png`` (a broken join accepted) and ``04-chinese.png`` (the
Chinese interface) into OUT_DIR (default ``docs/screenshots/``).  Runs
offscreen with a throw-away data folder (no autosave, no saved sessions);
needs a CJK font (fonts-wqy-microhei).
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
        state = app.controller.current
        return next(s for s in state.analysis.suggestions if s.kind == kind)

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

    app = build("en", page=None)
    shot(app, "01-first-run")
    app.presenter.open_paths([args.page])
    shot(app, "01-fresh")
    dup = first(app, "duplicate")
    app.window.suggestions.select(dup.id)
    shot(app, "02-duplicate")
    join = first(app, "join")
    app.window.suggestions.select(join.id)
    app.presenter.decide(True, advance=False)
    shot(app, "03-join-accepted")
    app.window.close()

    app = build("zh")
    app.window.suggestions.select(first(app, "duplicate").id)
    shot(app, "04-chinese")
    app.window.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
