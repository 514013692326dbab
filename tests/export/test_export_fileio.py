"""Atomic writes: never half a file, never an unasked overwrite, always a clear message.

We run as root, so chmod cannot make a folder read-only; failures are
simulated by making ``os.open`` / ``os.write`` / ``os.replace`` / ``os.link``
raise the OSError the real system would.
"""
from __future__ import annotations

import errno
import os

import pytest

from kexie_gui import fileio
from kexie_gui.core.load import KexieError
from kexie_gui.fileio import ExportError, atomic_write_bytes, atomic_write_text


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def raiser(code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def test_writes_bytes_and_returns_path(tmp_path):
    target = tmp_path / "页面.json"
    assert atomic_write_bytes(target, b"{}") == target
    assert target.read_bytes() == b"{}"
    assert leftovers(tmp_path) == []


def test_text_is_utf8_with_chosen_newline(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write_text(target, "一\n二\n", newline="\r\n")
    assert target.read_bytes() == "一\r\n二\r\n".encode()


def test_existing_file_is_refused_without_force(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(target, b"new")
    message = str(info.value)
    assert str(target) in message and "already exists and was left as it is" in message and "\n" not in message
    assert "--force" not in message and "confirm" not in message  # the window and the CLI each add their own way
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_force_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_follows_umask_not_private(tmp_path):
    old = os.umask(0o022)
    try:
        target = atomic_write_bytes(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_missing_folder_is_named(tmp_path):
    target = tmp_path / "nope" / "a.txt"
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(target, b"x")
    assert "does not exist" in str(info.value) and str(target.parent) in str(info.value)


def test_folder_in_the_way(tmp_path):
    (tmp_path / "a.txt").mkdir()
    with pytest.raises(ExportError, match="folder"):
        atomic_write_bytes(tmp_path / "a.txt", b"x", force=True)


def test_export_error_is_a_kexie_error():
    assert issubclass(ExportError, KexieError)


@pytest.mark.parametrize("code, words", [
    (errno.EROFS, "read-only"),
    (errno.EACCES, "permission denied"),
    (errno.ENOSPC, "disk is full"),
])
def test_open_failure_is_translated(tmp_path, monkeypatch, code, words):
    monkeypatch.setattr(fileio.os, "open", raiser(code))
    target = tmp_path / "a.docx"
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(target, b"x")
    assert words in str(info.value) and str(target) in str(info.value)
    assert not target.exists()


def test_disk_full_while_writing_removes_temp(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.os, "write", raiser(errno.ENOSPC))
    target = tmp_path / "a.docx"
    with pytest.raises(ExportError, match="disk is full"):
        atomic_write_bytes(target, b"x" * 1000)
    assert not target.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")])
def test_replace_failure_removes_temp_and_keeps_old_file(tmp_path, monkeypatch, code, words):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    monkeypatch.setattr(fileio.os, "replace", raiser(code))
    with pytest.raises(ExportError, match=words):
        atomic_write_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_without_hard_links_falls_back_to_rename(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.os, "link", raiser(errno.EPERM))  # FAT / exFAT
    target = atomic_write_bytes(tmp_path / "a.md", b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_file_appearing_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    """The name is checked again at publish time, atomically (hard link)."""
    target = tmp_path / "a.md"
    real_open = os.open

    def open_and_race(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        if not target.exists():
            target.write_bytes(b"someone else")
        return fd

    monkeypatch.setattr(fileio.os, "open", open_and_race)
    with pytest.raises(ExportError, match="already exists"):
        atomic_write_bytes(target, b"mine")
    assert target.read_bytes() == b"someone else"
    assert leftovers(tmp_path) == []


def test_unknown_error_still_one_line_with_path(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.os, "open", raiser(errno.EIO))
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(tmp_path / "a.txt", b"x")
    assert str(tmp_path / "a.txt") in str(info.value) and "\n" not in str(info.value)
