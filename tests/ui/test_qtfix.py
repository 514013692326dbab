"""The singleton guard: after it, void calls and bool signals can no longer run None/True/False down to zero."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kexie_gui.ui.qtfix import bool_signal_leak, protect_singletons, void_call_leak

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QGuiApplication
calls = max(sys.getrefcount(None), sys.getrefcount(True)) + 1000  # enough to kill an unguarded one
{guard}
app = QGuiApplication([])

class Flag(QObject):
    changed = Signal(bool)

f, flag = QFont(), Flag()
flag.changed.connect(lambda value: None)
for _ in range(calls):
    f.setBold(True)
    flag.changed.emit(True)
print("alive")
"""


def _run(guard: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROGRAM.format(guard=guard)], capture_output=True, text=True,
                          timeout=60, cwd=str(ROOT), env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})


def test_many_void_calls_and_bool_signals_do_not_abort_the_process():
    done = _run("from kexie_gui.ui.qtfix import protect_singletons; protect_singletons()")
    assert done.returncode == 0 and "alive" in done.stdout, done.stderr


def test_the_guard_protects_exactly_what_leaks(qapp):
    protected = protect_singletons()
    assert protect_singletons() == protected  # idempotent
    old_python = sys.version_info < (3, 12)
    assert ("None" in protected) == (old_python and void_call_leak() > 0)
    assert ("bool" in protected) == (old_python and bool_signal_leak() > 0)
