"""A save that dies half-way never costs the saved session: old file intact, no temp file left."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kexie_gui.core import Decisions
from kexie_gui.session import SESSION_SUFFIX, SessionError, load_session, save_session

from .conftest import busy_decisions, opened

ROOT = Path(__file__).resolve().parent.parent.parent


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def saved(seed):
    """The seed page with a session already saved, and the decisions in it."""
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    path = save_session(seed, page, d, analysis=analysis)
    return seed, page, analysis, d, path


def _raising(exc):
    def boom(*args, **kw):
        raise exc
    return boom


@pytest.mark.parametrize("name, exc, words", [
    ("replace", OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ("fsync", OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ("write", OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ("fsync", OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ("replace", KeyboardInterrupt(), None),  # Ctrl+C (or the window closing) in the middle of a save
])
def test_interrupted_save_keeps_the_old_session(saved, monkeypatch, name, exc, words):
    seed, page, analysis, d, path = saved
    old = path.read_bytes()
    monkeypatch.setattr(os, name, _raising(exc))
    with pytest.raises(SessionError if words else KeyboardInterrupt) as err:
        save_session(seed, page, Decisions(), analysis=analysis)
    monkeypatch.undo()
    if words:
        assert str(err.value).startswith(f"{path}: cannot save the session: ") and words in str(err.value)
    assert path.read_bytes() == old
    assert _leftovers(seed.parent) == []
    assert load_session(seed, page, analysis).decisions == d


def test_failed_backup_copy_saves_nothing_and_keeps_the_old_session(saved, monkeypatch):
    """When the page changed, the old session is copied aside first; if that fails nothing is replaced."""
    seed, _, _, _, path = saved
    old = path.read_bytes()
    seed.write_bytes(b"\n" + seed.read_bytes())
    page2, analysis2 = opened(seed)
    real_write = os.write
    monkeypatch.setattr(os, "write", _raising(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(SessionError, match="the disk is full"):
        save_session(seed, page2, Decisions(), analysis=analysis2)
    monkeypatch.setattr(os, "write", real_write)
    assert path.read_bytes() == old
    assert sorted(p.name for p in seed.parent.iterdir()) == sorted([seed.name, path.name])


KILLED_SAVE = """
import os, sys, time
from kexie_gui.core import Decisions, analyse, load_page
from kexie_gui.session import save_session
page = load_page(sys.argv[1]); analysis = analyse(page)
real_fsync = os.fsync
def stall(fd):
    open(sys.argv[2], "w").close()  # the bytes are in the temp file, not yet synced or renamed
    time.sleep(60)
os.fsync = stall
save_session(sys.argv[1], page, Decisions(), analysis=analysis)
"""


def test_a_save_killed_by_sigkill_leaves_the_old_session_readable(saved, tmp_path):
    seed, page, analysis, d, path = saved
    old = path.read_bytes()
    marker = tmp_path / "in-the-middle"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, str(seed), str(marker)], cwd=ROOT,
                            env=dict(os.environ), stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
    assert path.read_bytes() == old
    assert load_session(seed, page, analysis).decisions == d
    (stale,) = _leftovers(seed.parent)  # a kill leaves its temp file behind ...
    assert stale.startswith(f".{seed.name}{SESSION_SUFFIX}.")
    save_session(seed, page, d, analysis=analysis)
    assert _leftovers(seed.parent) == [stale]  # ... a fresh one may be another window's save in progress
    hour_ago = time.time() - 3600
    os.utime(seed.parent / stale, (hour_ago, hour_ago))
    save_session(seed, page, d, analysis=analysis)
    assert _leftovers(seed.parent) == []  # an old one is swept by the next save
