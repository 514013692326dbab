"""Bad input dropped on the window, and writes that fail: a clear message, and nothing else lost.

Every row starts from the seed page open with some decisions; after the bad
drop, export or save, that page is still open with the same decisions and
the same articles.
"""
from __future__ import annotations

import errno
import os
import shutil

import pytest

from kexie_gui.core import Decisions
from kexie_gui.session import SESSION_SUFFIX

from .conftest import SEED
from .helpers import article_texts, drop, suggestions_of

SMALL = ("成都市科协召开学会工作座谈会\n\n"
         "本报讯 近日，成都市科协召开学会工作座谈会，37家市级学会负责人参加会议。\n")


@pytest.fixture
def working(app, tmp_path):
    """The window with a copy of the seed page open and two decisions made on it."""
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / SEED.name
    shutil.copy(SEED, page)
    app.presenter.open_paths([str(page)])
    c = app.controller
    c.decide(suggestions_of(app, "join")[0].id, False)
    c.decide(suggestions_of(app, "punctuation")[0].id, False)
    state = c.current
    return app, state, state.decisions, article_texts(app)


def intact(app, state, decisions: Decisions, texts) -> None:
    assert state in app.controller.pages and state.decisions == decisions and state.view is not None
    app.controller.select_page(state.id)
    assert article_texts(app) == texts


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


BAD = [  # (name, bytes, words in the message)
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t\n", "only white space"),
    ("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not a text file"),
    ("nuls.txt", ("正文" * 50).encode() + b"\x00" * 400, "NUL bytes"),
]


@pytest.mark.parametrize("name,data,words", BAD, ids=[b[0] for b in BAD])
def test_a_file_that_is_not_a_page_is_refused_with_a_message(working, tmp_path, name, data, words):
    app, state, decisions, texts = working
    bad = _write(tmp_path / name, data)
    assert drop(app.window.raw.viewport(), [bad])
    shown = app.window.message_bar.text()
    assert name in shown and words in shown
    assert [p.id for p in app.controller.pages] == [state.id] and app.controller.current is state
    intact(app, state, decisions, texts)


GOOD = [  # (name, bytes, the page's encoding, text it must hold)
    ("gb18030.txt", SMALL.encode("gb18030"), "gb18030", "成都市科协"),
    ("utf16-bom.txt", SMALL.encode("utf-16"), "utf-16", "成都市科协"),
    ("utf16-le.txt", SMALL.encode("utf-16-le"), "utf-16-le", "成都市科协"),
    ("stray-nul.txt", SMALL.encode() + b"\x00", "utf-8 (1 NUL byte(s) removed)", "成都市科协"),
    ("bad-utf8.txt", SMALL.encode() + b"\xff\xfe\x80" + SMALL.encode(), "invalid byte sequence", "\ufffd"),
]


@pytest.mark.parametrize("name,data,encoding,text", GOOD, ids=[g[0] for g in GOOD])
def test_pages_in_other_encodings_or_slightly_damaged_open(working, tmp_path, name, data, encoding, text):
    app, state, decisions, texts = working
    page = _write(tmp_path / name, data)
    assert drop(app.window.pages.list.viewport(), [page])
    opened = app.controller.current
    assert opened.name == name and opened.view is not None and text in opened.page.text
    assert encoding in opened.page.encoding
    assert app.window.raw.toPlainText() == opened.page.text
    assert app.window.message_bar.text() == f"{name}: {opened.page.reading.describe()}"  # how it was read (issue 10)
    intact(app, state, decisions, texts)


def test_a_folder_with_many_pages_opens_them_all(working, tmp_path):
    app, state, decisions, texts = working
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(120):
        (folder / f"page-{n:03}.txt").write_text(f"第{n}版标题\n\n{SMALL}", encoding="utf-8")
    (folder / "readme.md").write_text("not a page", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    assert drop(app.window.outline.viewport(), [folder])
    names = [p.name for p in app.controller.pages]
    assert len(names) == 1 + 120 and "readme.md" not in names
    assert "empty.txt" in app.window.message_bar.text()  # the one bad file is named, the rest open
    assert app.pages.rowCount() == 121
    assert all(p.view is not None for p in app.controller.pages)
    intact(app, state, decisions, texts)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused_with_a_message(working, tmp_path):
    app, state, decisions, texts = working
    locked = tmp_path / "locked.txt"
    locked.write_text(SMALL, encoding="utf-8")
    locked.chmod(0)
    try:
        assert drop(app.window.raw.viewport(), [locked])
    finally:
        locked.chmod(0o644)
    assert "locked.txt" in app.window.message_bar.text() and "permission denied" in app.window.message_bar.text()
    intact(app, state, decisions, texts)


def test_an_unreadable_file_is_refused_with_a_message_even_as_root(working, tmp_path, monkeypatch):
    """The same, with the refusal simulated (root may read any file)."""
    import pathlib

    app, state, decisions, texts = working
    locked = tmp_path / "locked.txt"
    locked.write_text(SMALL, encoding="utf-8")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    assert drop(app.window.raw.viewport(), [locked])
    assert "locked.txt" in app.window.message_bar.text() and "permission denied" in app.window.message_bar.text()
    intact(app, state, decisions, texts)


class _Disk:
    """``os`` for kexie_gui.fileio with one failure injected into ``write`` or ``open``."""

    def __init__(self, fail: str, code: int):
        self.fail, self.code = fail, code

    def __getattr__(self, name):
        real = getattr(os, name)
        if name != self.fail:
            return real

        def failing(*args, **kw):
            raise OSError(self.code, os.strerror(self.code))
        return failing


def _exporter(app):
    if app.presenter.exporter is None:
        pytest.skip("kexie_gui.export is not importable")


@pytest.mark.parametrize("fail,code,words", [
    ("open", errno.EACCES, "permission denied"),  # a read-only folder (as root chmod would not stop us)
    ("open", errno.EROFS, "read-only"),
    ("write", errno.ENOSPC, "the disk is full"),
], ids=["read-only-folder", "read-only-disk", "disk-full"])
def test_a_failed_export_says_why_and_loses_nothing(working, tmp_path, monkeypatch, fail, code, words):
    from kexie_gui import fileio

    app, state, decisions, texts = working
    _exporter(app)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(fileio, "os", _Disk(fail, code))
    assert app.presenter.export_to("current", "md", str(out)) == []
    shown = app.window.message_bar.text()
    assert words in shown and SEED.stem + ".md" in shown
    assert list(out.iterdir()) == []  # no half-written file, no temp file left
    intact(app, state, decisions, texts)
    monkeypatch.setattr(fileio, "os", os)
    assert app.presenter.export_to("current", "md", str(out))  # once the disk has room, it works


def test_a_full_disk_during_save_keeps_the_old_session_and_the_decisions(working, monkeypatch):
    from kexie_gui import fileio

    app, state, _, _ = working
    app.actions["save"].trigger()
    session = os.path.join(os.path.dirname(state.path), SEED.name + SESSION_SUFFIX)
    before = open(session, "rb").read()
    app.controller.decide(suggestions_of(app, "join")[1].id, False)
    newer = state.decisions
    monkeypatch.setattr(fileio, "os", _Disk("write", errno.ENOSPC))
    app.actions["save"].trigger()
    shown = app.window.message_bar.text()
    assert "not saved" in shown and "the disk is full" in shown
    assert state.dirty and open(session, "rb").read() == before
    assert [f for f in os.listdir(os.path.dirname(session)) if f.endswith(".tmp")] == []
    intact(app, state, newer, article_texts(app))


def test_a_dropped_folder_opens_the_pages_of_its_sub_folders_as_the_command_finds_them(app, tmp_path):
    from kexie_gui.pagefiles import discover

    folder = tmp_path / "issue"
    (folder / "2024" / "03").mkdir(parents=True)
    (folder / "a.txt").write_text(f"第一版\n\n{SMALL}", encoding="utf-8")
    (folder / "2024" / "03" / "b.txt").write_text(f"第二版\n\n{SMALL}", encoding="utf-8")
    (folder / "2024" / "notes.md").write_text("not a page", encoding="utf-8")
    assert drop(app.window.pages.list.viewport(), [folder])
    opened = [os.path.relpath(p.path, folder) for p in app.controller.pages]
    found = [str(i.path.relative_to(folder)) for i in discover([str(folder)]).pages]
    assert opened == found == [os.path.join("2024", "03", "b.txt"), "a.txt"]

