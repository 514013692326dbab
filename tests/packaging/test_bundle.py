"""The PyInstaller spec: parses, ships the resources, trims what it should.

The real build takes about a minute; it runs only with KEXIE_BUILD_BUNDLE=1:

    KEXIE_BUILD_BUNDLE=1 .venv/bin/python -m pytest tests/packaging/test_bundle.py
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PACKAGING, ROOT

SPEC = PACKAGING / "kexie.spec"
# The parts of the spec that do not need PyInstaller: constants and pure functions.
PURE = {"RESOURCE_SKIP_SUFFIXES", "resource_datas", "EXCLUDED_MODULES", "EXCLUDED_LIB_WORDS",
        "EXCLUDED_PLUGIN_DIRS", "EXCLUDED_PLUGIN_WORDS", "KEEP_QT_TRANSLATIONS", "_wanted", "trim"}


@pytest.fixture(scope="module")
def spec():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    picked = []
    for node in tree.body:
        names = ({node.name} if isinstance(node, ast.FunctionDef)
                 else {t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)})
        if names & PURE:
            picked.append(node)
    namespace = {"ROOT": ROOT, "Path": Path, "os": os, "sys": sys}
    exec(compile(ast.Module(picked, type_ignores=[]), str(SPEC), "exec"), namespace)
    assert PURE <= set(namespace), f"the spec lost {PURE - set(namespace)}"
    return namespace


def test_spec_names_both_programs_and_their_entry_scripts():
    text = SPEC.read_text(encoding="utf-8")
    for needle in ('"kexie-gui", console=False', '"kexie", console=True', "COLLECT(", 'name="kexie"',
                   'collect_data_files("docx")',
                   'collect_submodules("charset_normalizer")', 'collect_submodules("rapidfuzz")'):
        assert needle in text
    for script in ("kexie_gui_main.py", "kexie_main.py"):
        assert script in text and (PACKAGING / "pyinstaller" / script).is_file()


def test_resources_go_to_the_bundle_resources_folder(spec):
    datas = spec["resource_datas"]()
    dests = {Path(src).relative_to(ROOT / "resources").as_posix(): dest.replace("\\", "/") for src, dest in datas}
    assert dests["sample_page.txt"] == "resources"
    assert dests["icons/kexie.svg"] == "resources/icons"
    assert dests["icons/hicolor/256x256/apps/org.kexie.KexieGui.png"] == "resources/icons/hicolor/256x256/apps"
    assert dests["translations/kexie_zh_CN.qm"] == "resources/translations"
    assert not [name for name in dests if name.endswith((".py", ".ts", ".pyc"))]


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6QuickControls2.so.6", False),
    ("PySide6\\Qt6WebEngineCore.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
    ("resources/translations/kexie_zh_CN.qm", True),
    ("docx/templates/default.docx", True),
])
def test_trim_keeps_what_the_program_loads(spec, dest, kept):
    assert spec["_wanted"]((dest, "/src", "BINARY")) is kept


def test_excluded_modules_spare_what_the_program_imports(spec):
    needed = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "docx", "lxml.etree",
              "rapidfuzz", "charset_normalizer", "regex", "platformdirs", "kexie_gui", "hashlib"}
    assert not needed & set(spec["EXCLUDED_MODULES"])


@pytest.mark.skipif(os.environ.get("KEXIE_BUILD_BUNDLE") != "1",
                    reason="the real PyInstaller build takes a minute; set KEXIE_BUILD_BUNDLE=1")
def test_real_build_passes_its_smoke_tests():
    proc = subprocess.run([sys.executable, str(PACKAGING / "build_bundle.py")], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "self-test: ok" in proc.stdout
