"""House rules checked by the tests (qutebrowser's ``misc_checks`` in miniature)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kexie_gui"
QT_ALLOWED = {PACKAGE / "ui", PACKAGE / "app.py"}  # Qt's composition root is app.py; __main__ only calls it
PURE_UI = ("controller.py", "derive.py", "marks.py", "utf16.py")  # the window's logic, testable without Qt
# the analysis' stages, behind core's public API (analyse, apply, the model)
ANALYSIS = ("assemble", "columns", "convention", "crf", "explain", "features", "frames", "furniture", "joins",
            "labels", "lexicon", "lines", "order", "punctuation", "reading", "repeats", "text")


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


def test_core_and_cli_import_without_qt_loaded():
    code = "import sys, kexie_gui.core, kexie_gui.cli; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_controller_and_view_logic_stay_free_of_qt():
    assert [name for name in PURE_UI if _uses_qt(PACKAGE / "ui" / name)] == []


def test_the_ui_carries_out_no_analysis_of_its_own():
    """The window drives ``core`` through its public API; it never imports the analysis' stages."""
    assert [m for m in ANALYSIS if not (PACKAGE / "core" / f"{m}.py").exists()] == []  # the list keeps up
    detectors = {"kexie_gui.core." + m for m in ANALYSIS}
    for path in (PACKAGE / "ui").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not any(f"core.{m.rsplit('.', 1)[1]} import" in source or m in source for m in detectors), path


def test_the_pure_helpers_keep_their_doctests():
    import doctest

    from kexie_gui.ui import derive, marks, utf16

    for module in (derive, marks, utf16):
        failed, tried = doctest.testmod(module)
        assert tried and not failed, module.__name__


def _qt_names(cls) -> set[str]:
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "shiboken6")):
            names |= set(vars(base))
    return names


def _assigned_names(node: ast.ClassDef) -> set[str]:
    """``self.x = …`` anywhere in the class, and names bound in the class body (signals, constants)."""
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
            for target in targets:
                for t in ast.walk(target):
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                        names.add(t.attr)
    for stmt in node.body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_no_widget_attribute_hides_a_qt_method():
    """``self.done = QRadioButton()`` on a QDialog hid ``QDialog.done()``: OK, Cancel, Esc and ✕ then crashed.

    Every class of the ui that derives from Qt may override Qt's methods with
    methods, but no attribute it assigns (nor a signal it declares) may carry
    the name of anything its Qt bases define.
    """
    import importlib
    import inspect

    offenders = []
    for path in sorted((PACKAGE / "ui").glob("*.py")):
        module = importlib.import_module(f"kexie_gui.ui.{path.stem}")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
            if not inspect.isclass(cls):
                continue
            qt = _qt_names(cls)
            offenders += [f"{path.name}: {node.name}.{name}" for name in sorted(_assigned_names(node) & qt)]
    assert offenders == []


def test_the_house_rule_catches_the_export_dialog_bug():
    source = "class D(QDialog):\n    def __init__(self):\n        self.done = QRadioButton()\n"
    from PySide6.QtWidgets import QDialog

    assert _assigned_names(ast.parse(source).body[0]) & _qt_names(QDialog) == {"done"}


MAX_COMPLEXITY = 20  # radon's cyclomatic complexity; beyond it a function no longer reads in one go


def test_no_function_in_the_package_is_too_complex_to_read():
    from radon.complexity import cc_visit

    too_complex = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_complex.append(f"{path.relative_to(PACKAGE.parent)}:{block.lineno} {block.name} {block.complexity}")
    assert not too_complex, too_complex


def test_the_complexity_rule_catches_a_tangled_function():
    from radon.complexity import cc_visit

    tangled = "def f(x):\n" + "".join(f"    if x == {k}:\n        return {k}\n" for k in range(MAX_COMPLEXITY + 1))
    assert max(b.complexity for b in cc_visit(tangled)) > MAX_COMPLEXITY
