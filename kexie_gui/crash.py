"""Crash reports: a bug writes its traceback to a log file, the editor sees one line naming it.

The log folder comes from platformdirs (per-user, per-OS), overridable with
``KEXIE_LOG_DIR`` for tests and portable installs.
"""
from __future__ import annotations

import datetime
import os
import sys
import traceback
from pathlib import Path

from . import APP_NAME


def log_dir() -> Path:
    env = os.environ.get("KEXIE_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def report_crash(exc: BaseException) -> Path | str:
    """Write ``exc``'s traceback to a new log file; returns its path (or a note when even that fails)."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        path.write_text(f"kexie crash {stamp}\npython {sys.version}\n\n{text}", encoding="utf-8")
        return path
    except OSError:
        return "(the log folder is not writable; traceback follows)\n" + text
