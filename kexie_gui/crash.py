"""Crash reports: a bug writes its traceback to a log file, the editor sees one line naming it.

The log folder comes from platformdirs (per-user, per-OS), overridable with
``KEXIE_LOG_DIR`` for tests and portable installs.

A log holds what a maintainer needs without asking the editor anything: the
full traceback with its chained causes, the stack that led to the report when
the exception carries no traceback (Qt calling a Python method that is not
callable raises inside Qt, with no Python frame), the versions of kexie,
Python, Qt, PySide6 and the libraries the core uses, the platform, and what
the caller adds (``context``: the open page, the last command…).
"""
from __future__ import annotations

import datetime
import locale
import os
import platform
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

from . import APP_NAME, __version__

# distributions whose version is worth a line in every log
_LIBRARIES = ("PySide6-Essentials", "PySide6", "shiboken6", "rapidfuzz", "regex", "charset-normalizer", "pypinyin",
              "python-docx", "lxml", "platformdirs")


def log_dir() -> Path:
    env = os.environ.get("KEXIE_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def versions() -> dict[str, str]:
    """kexie, Python, the platform, Qt (when loaded) and the installed libraries, by name."""
    out = {"kexie": __version__, "python": sys.version.replace("\n", " "),
           "platform": platform.platform(), "executable": sys.executable,
           "locale": ".".join(str(x) for x in locale.getlocale() if x) or "C",
           "frozen": str(bool(getattr(sys, "frozen", False)))}
    core = sys.modules.get("PySide6.QtCore")  # only if the window loaded it: the CLI never imports Qt
    if core is not None:
        out["qt"] = core.qVersion()
        out["qt platform"] = os.environ.get("QT_QPA_PLATFORM", "") or "(default)"
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover - Python < 3.8
        return out
    for name in _LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def format_report(exc: BaseException, tb=None, context: Mapping[str, str] | None = None,
                  stamp: str = "") -> str:
    """The text of a crash log (see the module docstring)."""
    tb = tb if tb is not None else exc.__traceback__
    lines = [f"kexie crash {stamp}".rstrip(), f"error: {type(exc).__name__}: {exc}", ""]
    lines += ["versions:"] + [f"  {k}: {v}" for k, v in versions().items()] + [""]
    if context:
        lines += ["context:"] + [f"  {k}: {v}" for k, v in context.items()] + [""]
    lines.append("".join(traceback.format_exception(type(exc), exc, tb)).rstrip())
    if tb is None:
        # raised inside Qt (or a C extension): no Python frame recorded where it happened
        stack = [f for f in traceback.extract_stack() if Path(f.filename).name not in ("crash.py", "crashes.py")]
        lines += ["", "The exception carries no traceback (it was raised outside Python code, e.g. by Qt "
                  "calling a Python attribute). The stack when it was reported:",
                  "".join(traceback.format_list(stack)).rstrip()]
        if isinstance(exc, TypeError) and "not callable" in str(exc):
            lines.append("Hint: Qt called a method that an attribute of the same name hides "
                         "(e.g. a widget stored as self.done on a QDialog).")
    return "\n".join(lines) + "\n"


def report_crash(exc: BaseException, tb=None, context: Mapping[str, str] | None = None) -> Path | str:
    """Write ``exc``'s report to a new log file; returns its path (or the report itself when even that fails)."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        text = format_report(exc, tb, context, stamp)
    except Exception:  # noqa: BLE001 - the report itself failed: keep the bare traceback
        text = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return "(the log folder is not writable; the report follows)\n" + text
