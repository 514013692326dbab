"""House rules checked by the tests (qutebrowser's ``misc_checks`` in miniature)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kexie_gui"
QT_ALLOWED = {PACKAGE / "ui", PACKAGE / "app.py"}
PURE_UI = ("controller.py", "derive.py", "marks.py", "utf16.py")  # the window's logic, testable without Qt


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _uses_qt(path: Path) -> bool:
    return any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in _imports(path))


def test_nothing_outside_the_ui_imports_qt():
    offenders = [str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
                 if _uses_qt(p) and not any(p == a or a in p.parents for a in QT_ALLOWED)]
    assert offenders == []


def test_the_controller_and_view_logic_stay_free_of_qt():
    assert [name for name in PURE_UI if _uses_qt(PACKAGE / "ui" / name)] == []


def test_the_ui_carries_out_no_analysis_of_its_own():
    """The window drives ``core`` through its public API; it never imports detector modules."""
    detectors = {"kexie_gui.core." + m for m in ("blocks", "classify", "duplicates", "furniture", "joins",
                                                  "layout", "punctuation", "segment", "text")}
    for path in (PACKAGE / "ui").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not any(f"core.{m.rsplit('.', 1)[1]} import" in source or m in source for m in detectors), path


def test_the_pure_helpers_keep_their_doctests():
    import doctest

    from kexie_gui.ui import derive, marks, utf16

    for module in (derive, marks, utf16):
        failed, tried = doctest.testmod(module)
        assert tried and not failed, module.__name__
