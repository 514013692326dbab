"""House rules the code base keeps: Qt only under kexie_gui/ui (and the app's composition root)."""
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kexie_gui"
QT_ALLOWED = {PACKAGE / "ui", PACKAGE / "app.py", PACKAGE / "__main__.py"}
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)\b", re.M)


def test_nothing_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if any(path == allowed or allowed in path.parents for allowed in QT_ALLOWED):
            continue
        if QT_IMPORT.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_core_imports_without_qt_loaded():
    import subprocess
    import sys

    code = "import sys, kexie_gui.core, kexie_gui.cli; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)
