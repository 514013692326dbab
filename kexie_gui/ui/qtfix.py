"""Work around a PySide6 binding bug that kills the process: lost references to ``None``, ``True``, ``False``.

With PySide6 6.12.0 on CPython 3.11 every call of a method returning
``void`` (``QFont.setBold``, ``QPainter.setPen``, ``QObject.setObjectName`` …)
decrements ``None``'s reference count without having incremented it, and so
does emitting a ``Signal(bool)`` for ``True``/``False``.  These singletons start
with a few thousand references; a window that paints for a while runs one down
to zero and CPython aborts ("none_dealloc: deallocating None", "bool_dealloc").
From CPython 3.12 the singletons are immortal and the bug is harmless.

:func:`protect_singletons` measures each leak with a harmless probe and, only
when it is there, adds a very large number to that object's reference count
(the first field of every CPython object), which makes it immortal in
practice.  The real fix is upstream (or Python >= 3.12); this keeps the
editor's work from being lost until then.
"""
from __future__ import annotations

import ctypes
import sys

BALLAST = 1 << 40  # a trillion lost references before anything could go wrong
_protected: set[str] = set()


def void_call_leak(calls: int = 64) -> int:
    """References to ``None`` that ``calls`` void method calls lose (0 on a healthy binding)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None)


def bool_signal_leak(calls: int = 64) -> int:
    """References to ``True`` that ``calls`` emissions of a ``Signal(bool)`` lose."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        flag = Signal(bool)

    probe = Probe()
    probe.flag.connect(_ignore)
    before = sys.getrefcount(True)
    for _ in range(calls):
        probe.flag.emit(True)
    return before - sys.getrefcount(True)


def _ignore(*_args) -> None:
    return None


def _immortalise(obj) -> None:
    ctypes.c_ssize_t.from_address(id(obj)).value += BALLAST


def protect_singletons() -> set[str]:
    """Make ``None``/``True``/``False`` immortal where the installed PySide6 loses their references.

    Returns the names protected so far (empty on a healthy binding or Python >= 3.12).
    """
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return set(_protected)
    if "None" not in _protected and void_call_leak() > 0:
        _immortalise(None)
        _protected.add("None")
    if "bool" not in _protected and bool_signal_leak() > 0:
        _immortalise(True)
        _immortalise(False)
        _protected.add("bool")
    return set(_protected)


protect_none = protect_singletons  # the name the first version used
