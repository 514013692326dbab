"""Run every bad-input row and write the table to docs/reliability.md.

    .venv/bin/python tools/reliability.py            # runs the rows, rewrites docs/reliability.md
    .venv/bin/python tools/reliability.py --check    # runs them, exits 1 if a row misbehaves

Each row builds its input in a fresh temporary folder, runs it the way an
editor would -- the ``kexie`` command in a process of its own, the autosave
store, or the window offscreen -- and records the exit code, what was said and
whether the data stayed intact: every input byte unchanged, everything that
should have been written written, nothing else lost.  A permission problem is
simulated when the script runs as root (root reads every file); the table says so.
"""
from __future__ import annotations

import argparse
import codecs
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "reliability.md"
SEED = ROOT / "tests" / "data" / "000_57b0e2a3ead17231.txt"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = "科协新闻标题在这里\n\n本报讯 近日，某市科协召开工作会议，总结了过去一年的工作。\n"
LIBRARY = None  # exit code of a row that runs no command (the autosave store, the window)


@dataclass
class Outcome:
    code: int | None
    message: str
    intact: bool


@dataclass(frozen=True)
class Row:
    group: str
    name: str
    run: Callable[[Path], Outcome]
    expect: int | None  # the exit code the row must give (None: no command)


ROWS: list[Row] = []


def row(group: str, name: str, expect: int | None):
    def add(func):
        ROWS.append(Row(group, name, func, expect))
        return func
    return add


# ---------------------------------------------------------------- helpers

def snapshot(folder: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(folder.rglob("*")):
        try:
            if p.is_file() and not p.is_symlink():
                out[str(p.relative_to(folder))] = p.read_bytes()
        except OSError:
            continue
    return out


def unchanged(before: dict[str, bytes], folder: Path) -> bool:
    after = snapshot(folder)
    return all(after.get(k) == v for k, v in before.items())


REFUSE_LISTING = """
import errno, os
_real = os.scandir
def _scandir(path='.'):
    if os.path.abspath(path) == {path!r}:
        raise PermissionError(errno.EACCES, 'Permission denied', str(path))
    return _real(path)
os.scandir = _scandir
"""
REFUSE_READING = """
import errno, pathlib
_real = pathlib.Path.read_bytes
def _read_bytes(self):
    if str(self).endswith({name!r}):
        raise PermissionError(errno.EACCES, 'Permission denied', str(self))
    return _real(self)
pathlib.Path.read_bytes = _read_bytes
"""
FAIL_WRITES = """
import errno, os
_open, _write = os.open, os.write
_fds = set()
def _o(path, flags, *a, **k):
    if {match!r} in os.fspath(path) and flags & os.O_WRONLY and {at!r} == 'open':
        raise OSError({code}, os.strerror({code}))
    fd = _open(path, flags, *a, **k)
    if {match!r} in os.fspath(path):
        _fds.add(fd)
    return fd
def _w(fd, data):
    if fd in _fds and {at!r} == 'write':
        raise OSError({code}, os.strerror({code}))
    return _write(fd, data)
os.open, os.write = _o, _w
"""


def kexie(tmp: Path, *args: str, stdin: bytes = b"", prelude: str = "", timeout: float = 120):
    """``kexie ARGS`` in a process of its own, in ``tmp``: (exit code, stderr, stdout bytes)."""
    code = prelude + "\nimport sys\nfrom kexie_gui.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {**os.environ, "KEXIE_DATA_DIR": str(tmp / "userdata"), "KEXIE_LOG_DIR": str(tmp / "logs"),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, cwd=tmp,
                          env=env, timeout=timeout)
    err = done.stderr.decode("utf-8", "replace")
    return done.returncode, err, done.stdout


def said(err: str, tmp: Path) -> str:
    """What the command said, one line per message, temporary paths shortened."""
    text = err.replace(str(tmp) + os.sep, "").replace(str(tmp), ".")
    lines = [line.removeprefix("kexie: ") for line in text.splitlines() if line.strip()]
    return " / ".join(lines) if lines else "(nothing)"


def batch(tmp: Path, bad: Path, *extra: str, expect_bad_output: bool | None = None, prelude: str = "") -> Outcome:
    """Clean ``bad`` between two good pages: intact when the good ones are written and no input changed."""
    goods = tmp / "good"
    goods.mkdir(exist_ok=True)
    (goods / "first.txt").write_text(GOOD, encoding="utf-8")
    (goods / "last.txt").write_text(GOOD, encoding="utf-8")
    before = snapshot(tmp)
    out = tmp / "out"
    code, err, _ = kexie(tmp, "clean", "good/first.txt", str(bad), "good/last.txt", "-o", "out", *extra,
                         prelude=prelude)
    ok = unchanged(before, tmp) and (out / "first.json").is_file() and (out / "last.json").is_file()
    ok = ok and not list(out.rglob("*.tmp"))
    if expect_bad_output is not None:
        ok = ok and (out / (Path(bad).stem + ".json")).is_file() == expect_bad_output
    return Outcome(code, said(err, tmp), ok)


def one(tmp: Path, name: str, data: bytes, *extra: str, expect_text: str | None = None) -> Outcome:
    """Clean one page holding ``data``; with ``expect_text``, some title, paragraph or removed block holds it."""
    page = tmp / name
    page.write_bytes(data)
    outcome = batch(tmp, page, *extra, expect_bad_output=expect_text is not None)
    if expect_text is not None and outcome.intact:
        doc = json.loads((tmp / "out" / (page.stem + ".json")).read_text(encoding="utf-8"))
        texts = [a["title"] for a in doc["articles"]] + [p for a in doc["articles"] for p in a["paragraphs"]]
        texts += [r["text"] for r in doc["removed"]]  # read right, whatever the analysis made of it
        outcome.intact = any(expect_text in t for t in texts)
    return outcome


# ---------------------------------------------------------------- pages that are odd or bad

@row("page", "empty file", 1)
def _(tmp):
    return one(tmp, "empty.txt", b"")


@row("page", "white space only", 1)
def _(tmp):
    return one(tmp, "blank.txt", b" \r\n\t\n\xe3\x80\x80\n")


@row("page", "binary file (a PNG named .txt)", 1)
def _(tmp):
    return one(tmp, "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)


@row("page", "control characters, no NUL", 1)
def _(tmp):
    return one(tmp, "controls.txt", bytes(range(1, 28)) * 100)


@row("page", "one stray NUL in English text (abc\\0def)", 0)
def _(tmp):
    return one(tmp, "stray.txt", b"abc\x00def\n", expect_text="abcdef")


@row("page", "one stray NUL in a UTF-8 Chinese page", 0)
def _(tmp):
    data = GOOD.encode("utf-8")
    return one(tmp, "nul.txt", data[:20] + b"\x00" + data[20:], expect_text="科协新闻标题在这里")


@row("page", "many NUL bytes", 1)
def _(tmp):
    return one(tmp, "nuls.txt", GOOD.encode("utf-8").replace("，".encode(), b"\x00\x00\x00") * 3)


@row("page", "UTF-16 LE without BOM", 0)
def _(tmp):
    return one(tmp, "u16le.txt", GOOD.encode("utf-16-le"), expect_text="科协新闻标题在这里")


@row("page", "UTF-16 BE without BOM", 0)
def _(tmp):
    return one(tmp, "u16be.txt", GOOD.encode("utf-16-be"), expect_text="科协新闻标题在这里")


@row("page", "UTF-16 with BOM", 0)
def _(tmp):
    return one(tmp, "u16.txt", GOOD.encode("utf-16"), expect_text="科协新闻标题在这里")


@row("page", "UTF-8 with BOM", 0)
def _(tmp):
    return one(tmp, "bom.txt", codecs.BOM_UTF8 + GOOD.encode("utf-8"), expect_text="科协新闻标题在这里")


@row("page", "GB18030 page", 0)
def _(tmp):
    return one(tmp, "gb.txt", GOOD.encode("gb18030"), expect_text="科协新闻标题在这里")


@row("page", "three-character GBK headline 科协报", 0)
def _(tmp):
    return one(tmp, "kxb.txt", "科协报".encode("gbk"), expect_text="科协报")


@row("page", "Big5 page", 0)
def _(tmp):
    text = "科協新聞標題\n\n本報訊 記者從市科協獲悉，全市科普工作會議於昨日召開。\n"
    return one(tmp, "big5.txt", text.encode("big5"), expect_text="記者從市科協獲悉")


@row("page", "Latin-1 French", 0)
def _(tmp):
    return one(tmp, "fr.txt", "Crème brûlée\n\nLa crème brûlée est un dessert.\n".encode("latin-1"),
               expect_text="Crème brûlée")


@row("page", "a few invalid UTF-8 bytes", 0)
def _(tmp):
    data = (GOOD * 4).encode("utf-8")
    return one(tmp, "damaged.txt", data[:40] + b"\xff\xfe" + data[40:], expect_text="\ufffd")


@row("page", "mostly invalid UTF-8", 1)
def _(tmp):
    data = SEED.read_bytes()
    return one(tmp, "garbled.txt", b"".join(data[i:i + 50] + b"\xff" for i in range(0, len(data), 50)))


@row("page", "--encoding big5 forces the reading", 0)
def _(tmp):
    (tmp / "forced.txt").write_bytes("科協新聞\n\n本報訊 記者從市科協獲悉。\n".encode("big5"))
    before = snapshot(tmp)
    code, err, out = kexie(tmp, "clean", "forced.txt", "--encoding", "big5")
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and "記者從市科協獲悉" in out.decode("utf-8"))


@row("page", "--encoding with an unknown name", 2)
def _(tmp):
    (tmp / "p.txt").write_text(GOOD, encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "p.txt", "--encoding", "klingon")
    return Outcome(code, said(err, tmp), unchanged(before, tmp))


@row("page", "CRLF, CR and LF mixed", 0)
def _(tmp):
    return one(tmp, "mixed.txt", GOOD.replace("\n\n", "\r\n\r").encode("utf-8"), expect_text="科协新闻标题在这里")


@row("page", "one line of 1 MB", 0)
def _(tmp):
    line = GOOD.replace("\n", "")
    return one(tmp, "line.txt", (line * (2**20 // len(line.encode()) + 1)).encode("utf-8"), expect_text="本报讯")


@row("page", "larger than 64 MiB", 1)
def _(tmp):
    huge = tmp / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(100 * 2**20)  # sparse: nothing is written
    return batch(tmp, huge, expect_bad_output=False)


@row("page", "missing file", 1)
def _(tmp):
    return batch(tmp, tmp / "nope.txt", expect_bad_output=False)


@row("page", "a FIFO given as a page", 1)
def _(tmp):
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)
    return batch(tmp, fifo, expect_bad_output=False)


@row("page", "a device given as a page (/dev/zero)", 1)
def _(tmp):
    return batch(tmp, Path("/dev/zero"))


@row("page", "unreadable file" + (" (simulated: run as root)" if AS_ROOT else ""), 1)
def _(tmp):
    locked = tmp / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    if AS_ROOT:
        return batch(tmp, locked, expect_bad_output=False, prelude=REFUSE_READING.format(name="locked.txt"))
    locked.chmod(0)
    try:
        return batch(tmp, locked, expect_bad_output=False)
    finally:
        locked.chmod(0o644)


def _folder_of_pages(tmp: Path) -> Path:
    d = tmp / "d"
    for sub in ("", "2024/03", "2024/04"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    for name in ("a.txt", "2024/03/b.txt", "2024/04/c.txt"):
        (d / name).write_text(GOOD.replace("标题", f"标题{Path(name).stem}"), encoding="utf-8")
    return d


@row("folder", "unreadable sub-folder" + (" (simulated)" if AS_ROOT else ""), 1)
def _(tmp):
    d = _folder_of_pages(tmp)
    locked = d / "2024" / "04"
    before = snapshot(tmp)
    if AS_ROOT:
        code, err, _ = kexie(tmp, "clean", "d", "-o", "out", prelude=REFUSE_LISTING.format(path=str(locked)))
    else:
        locked.chmod(0)
        try:
            code, err, _ = kexie(tmp, "clean", "d", "-o", "out")
        finally:
            locked.chmod(0o755)
    written = sorted(str(p.relative_to(tmp / "out")) for p in (tmp / "out").rglob("*.json"))
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and written == ["2024/03/b.json", "a.json"])


@row("folder", "unreadable top folder" + (" (simulated)" if AS_ROOT else ""), 1)
def _(tmp):
    d = _folder_of_pages(tmp)
    before = snapshot(tmp)
    if AS_ROOT:
        code, err, _ = kexie(tmp, "clean", "d", "-o", "out", prelude=REFUSE_LISTING.format(path=str(d)))
    else:
        d.chmod(0)
        try:
            code, err, _ = kexie(tmp, "clean", "d", "-o", "out")
        finally:
            d.chmod(0o755)
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and "no .txt pages" not in err)


@row("folder", "a folder without pages", 2)
def _(tmp):
    (tmp / "d").mkdir()
    (tmp / "d" / "notes.md").write_text("not a page", encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "out")
    return Outcome(code, said(err, tmp), unchanged(before, tmp))


@row("folder", "same page name in two sub-folders", 0)
def _(tmp):
    for month in ("03", "04"):
        (tmp / "d" / month).mkdir(parents=True)
        (tmp / "d" / month / "001.txt").write_text(GOOD.replace("标题", f"{month}月标题"), encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "out")
    titles = sorted(json.loads(p.read_text(encoding="utf-8"))["articles"][0]["title"]
                    for p in (tmp / "out").rglob("*.json"))
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and len(titles) == 2 and titles[0] != titles[1])


# ---------------------------------------------------------------- standard streams

@row("streams", "kexie clean - (a page on standard input)", 0)
def _(tmp):
    code, err, out = kexie(tmp, "clean", "-", stdin=GOOD.encode("gb18030"))
    ok = code == 0 and json.loads(out)["articles"][0]["title"] == "科协新闻标题在这里"
    return Outcome(code, said(err, tmp), ok)


@row("streams", "-o - writes one page to standard output", 0)
def _(tmp):
    (tmp / "p.txt").write_text(GOOD, encoding="utf-8")
    code, err, out = kexie(tmp, "clean", "p.txt", "-o", "-", "--format", "md")
    return Outcome(code, said(err, tmp), "# 科协新闻标题在这里" in out.decode("utf-8"))


@row("streams", "-o - with two pages", 2)
def _(tmp):
    (tmp / "p.txt").write_text(GOOD, encoding="utf-8")
    before = snapshot(tmp)
    code, err, out = kexie(tmp, "clean", "p.txt", "p.txt", "-o", "-")
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and out == b"")


@row("streams", "analyze A B --json", 0)
def _(tmp):
    (tmp / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp / "b.txt").write_bytes(GOOD.encode("gb18030"))
    code, err, out = kexie(tmp, "analyze", "a.txt", "b.txt", "--json")
    docs = json.loads(out)
    return Outcome(code, said(err, tmp), len(docs) == 2 and docs[1]["reading"]["encoding"] == "gb18030")


@row("streams", "analyze A B --jsonl", 0)
def _(tmp):
    (tmp / "a.txt").write_text(GOOD, encoding="utf-8")
    code, err, out = kexie(tmp, "analyze", "a.txt", "a.txt", "--jsonl")
    return Outcome(code, said(err, tmp), all(json.loads(line) for line in out.decode().splitlines()))


# ---------------------------------------------------------------- outputs

def _pages_dir(tmp: Path) -> Path:
    d = tmp / "d"
    d.mkdir()
    for name in ("a", "b"):
        (d / f"{name}.txt").write_text(GOOD.replace("标题", f"标题{name}"), encoding="utf-8")
    return d


@row("output", "--force into the input folder (txt)", 1)
def _(tmp):
    _pages_dir(tmp)
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "d", "--format", "txt", "--force")
    return Outcome(code, said(err, tmp), unchanged(before, tmp))


@row("output", "output folder is a symbolic link to the input folder", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "link").symlink_to(tmp / "d")
    before = snapshot(tmp / "d")
    code, err, _ = kexie(tmp, "clean", "d/a.txt", "-o", "link", "--format", "txt", "--force")
    return Outcome(code, said(err, tmp), unchanged(before, tmp / "d"))


@row("output", "output file is a hard link of the page", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "out").mkdir()
    os.link(tmp / "d" / "a.txt", tmp / "out" / "a.txt")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d/a.txt", "-o", "out", "--format", "txt", "--force")
    return Outcome(code, said(err, tmp), unchanged(before, tmp))


@row("output", "output folder inside the input folder, run twice", 0)
def _(tmp):
    _pages_dir(tmp)
    before = snapshot(tmp)
    for _ in range(2):
        code, err, _ = kexie(tmp, "clean", "d", "-o", "d/clean", "--format", "txt", "--force")
    written = sorted(p.name for p in (tmp / "d" / "clean").rglob("*"))
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and written == ["a.txt", "b.txt"])


@row("output", "existing output without --force", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "out").mkdir()
    (tmp / "out" / "a.json").write_text("yesterday's export", encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "out")
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and (tmp / "out" / "b.json").is_file())


@row("output", "read-only output folder (simulated)", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "out").mkdir()
    (tmp / "out" / "a.json").write_text("yesterday's export", encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "out", "--force",
                         prelude=FAIL_WRITES.format(match="out" + os.sep, at="open", code=errno.EACCES))
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and not list((tmp / "out").glob("*.tmp")))


@row("output", "disk full while writing (simulated)", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "out").mkdir()
    (tmp / "out" / "b.json").write_text("yesterday's export", encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "out", "--force",
                         prelude=FAIL_WRITES.format(match=".b.json.", at="write", code=errno.ENOSPC))
    ok = unchanged(before, tmp) and (tmp / "out" / "a.json").is_file() and not list((tmp / "out").glob(".*tmp"))
    return Outcome(code, said(err, tmp), ok)


@row("output", "output folder cannot be created (a file in the way)", 1)
def _(tmp):
    _pages_dir(tmp)
    (tmp / "file").write_text("in the way", encoding="utf-8")
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", "d", "-o", "file/out")
    return Outcome(code, said(err, tmp), unchanged(before, tmp))


@row("output", "control characters (ESC, DEL, C1) in the page, every format", 0)
def _(tmp):
    (tmp / "p.txt").write_text("科协\x1b[1m新闻\x7f标题\x9b\n\n本报讯 近日，某市科协\x85召开工作会议。\n",
                               encoding="utf-8")
    code, outs, errs = 0, [], []
    for fmt in ("json", "md", "txt", "docx"):
        c, err, _ = kexie(tmp, "clean", "p.txt", "-o", "out", "--format", fmt)
        code = max(code, c)
        errs.append(err)
        outs.append((tmp / "out" / f"p.{fmt}").read_bytes())
    text = b"".join(outs[:3]).decode("utf-8")
    bad = [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]
    bad += ["\\u001b"] if "\\u001b" in text else []
    return Outcome(code, said("".join(errs), tmp), not bad)


@row("output", "an article without a title, Markdown", None)
def _(tmp):
    from kexie_gui.core.model import CleanArticle, CleanPage, Text
    from kexie_gui.export import render

    page = CleanPage("p.txt", (CleanArticle("b0", Text("标题"), None, (Text("第一篇。"),), None),
                               CleanArticle("b9", Text(""), None, (Text("第二篇没有标题。"),), None)))
    lines = render(page, "md").decode("utf-8").split("\n")
    return Outcome(None, "the untitled article is set off by * * *", "#" not in [x.strip() for x in lines])


@row("output", "article titles with ../ and reserved names (one file per article)", None)
def _(tmp):
    from kexie_gui.core.model import CleanArticle, CleanPage, Text
    from kexie_gui.export import write_articles

    titles = ["../../etc/passwd", "CON", "a/b\\c:d", ".hidden"]
    page = CleanPage("p.txt", tuple(CleanArticle(f"b{i}", Text(t), None, (Text("正文。"),), None)
                                    for i, t in enumerate(titles)))
    (tmp / "out").mkdir()
    written = write_articles(page, "md", tmp / "out")
    inside = all(p.resolve().parent == (tmp / "out").resolve() for p in written)
    return Outcome(None, ", ".join(p.name for p in written), inside and len(written) == 4)


# ---------------------------------------------------------------- saved sessions (kexie clean applies them)

def _page_with_session(tmp: Path, decisions_json: str | None = None, name: str = "page.txt") -> Path:
    from kexie_gui.core import Decisions, analyse, load_page
    from kexie_gui.session import save_session

    page = tmp / name
    shutil.copy(SEED, page)
    os.environ["KEXIE_DATA_DIR"] = str(tmp / "userdata")
    loaded = load_page(page)
    analysis = analyse(loaded)
    headline = next(s for s in analysis.suggestions if s.kind == "headline" and s.default)
    session = save_session(page, loaded, Decisions().with_choice(headline.id, False), analysis=analysis)
    if decisions_json is not None:
        text = session.read_text(encoding="utf-8")
        text = re.sub(r'"decisions": \{.*?\}(?=,\n"anchors")', lambda m: f'"decisions": {decisions_json}', text,
                      flags=re.S)
        session.write_text(text, encoding="utf-8")
    return session


def _clean_with_session(tmp: Path, *extra: str, page: str = "page.txt", expect_written: bool = True) -> Outcome:
    before = snapshot(tmp)
    code, err, _ = kexie(tmp, "clean", page, "-o", "out", *extra)
    written = (tmp / "out" / (Path(page).stem + ".json")).is_file()
    return Outcome(code, said(err, tmp), unchanged(before, tmp) and written == expect_written)


@row("session", "a saved session is applied and said", 0)
def _(tmp):
    _page_with_session(tmp)
    return _clean_with_session(tmp)


@row("session", "--ignore-sessions starts fresh", 0)
def _(tmp):
    _page_with_session(tmp)
    return _clean_with_session(tmp, "--ignore-sessions")


@row("session", "page.txt and page.TXT in one folder", 0)
def _(tmp):
    _page_with_session(tmp)
    shutil.copy(SEED, tmp / "page.TXT")
    outcome = _clean_with_session(tmp, page="page.TXT")
    outcome.intact = outcome.intact and "applied" not in outcome.message  # not page.txt's decisions
    return outcome


@row("session", "a session file of the old naming (PAGE.kexie.json)", 0)
def _(tmp):
    session = _page_with_session(tmp)
    session.rename(tmp / "page.kexie.json")
    return _clean_with_session(tmp)


MALFORMED = {
    "deep nesting": '{"choices": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a 5000-digit integer": '{"splits": [' + "7" * 5000 + "]}",
    "[1e400]": '{"splits": [1e400]}',
    '"false" as a choice': '{"choices": {"join-0123456789": "false"}}',
    "1.5 as a split position": '{"splits": [1.5]}',
    '"ab" as an edit pair': '{"edits": {"b0": "ab"}}',
}
for _label, _json in MALFORMED.items():
    def _malformed(tmp, decisions_json=_json):
        _page_with_session(tmp, decisions_json)
        return _clean_with_session(tmp)  # written with the default decisions; the session file untouched
    row("session", f"damaged session: {_label}", 1)(_malformed)


@row("session", "session naming blocks that do not exist", 0)
def _(tmp):
    session = _page_with_session(tmp)
    doc = json.loads(session.read_text(encoding="utf-8"))
    doc["decisions"]["roles"] = {f"b{900000 + n}": "title" for n in range(10)}
    session.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return _clean_with_session(tmp)


@row("session", "session saved by a newer kexie", 1)
def _(tmp):
    session = _page_with_session(tmp)
    session.write_text(session.read_text(encoding="utf-8").replace('"version": 1', '"version": 99'),
                       encoding="utf-8")
    return _clean_with_session(tmp)


# ---------------------------------------------------------------- autosaves (crash recovery)

def _autosaves(tmp: Path, damage: Callable[[str], str]) -> Outcome:
    from kexie_gui.autosave import AutosaveStore
    from kexie_gui.core import Decisions, analyse, load_page

    store = AutosaveStore(tmp / "userdata" / "autosave")
    keys = []
    for name in ("one", "two", "three"):
        page = tmp / f"{name}.txt"
        shutil.copy(SEED, page)
        loaded = load_page(page)
        analysis = analyse(loaded)
        store.save(str(page), page, loaded.sha256, Decisions().with_choice(analysis.suggestions[0].id, False),
                   {}, analysis=analysis)
        keys.append(str(page))
    bad = store.path_for(keys[1])
    text = damage(bad.read_text(encoding="utf-8"))
    bad.write_text(text, encoding="utf-8")
    found = sorted(r.page_key for r in store.pending())
    aside = list(store.root.glob("*.damaged-*"))
    ok = found == sorted([keys[0], keys[2]]) and len(aside) == 1 and aside[0].read_text(encoding="utf-8") == text
    return Outcome(None, said("\n".join(store.problems), tmp), ok)


@row("autosave", 'one autosave with "splits": [1e400]', None)
def _(tmp):
    return _autosaves(tmp, lambda t: t.replace('"splits": []', '"splits": [1e400]'))


@row("autosave", 'one autosave with "saved_at": NaN', None)
def _(tmp):
    return _autosaves(tmp, lambda t: re.sub(r'"saved_at": [0-9.]+', '"saved_at": NaN', t))


@row("autosave", "one autosave cut short", None)
def _(tmp):
    return _autosaves(tmp, lambda t: t[:len(t) // 2])


# ---------------------------------------------------------------- the window (offscreen)

_WINDOW = {}


def window(tmp: Path):
    """A fresh window (offscreen, synchronous analysis, settings and data in ``tmp``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KEXIE_DATA_DIR"] = str(tmp / "userdata")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kexie_gui.app import compose
    from kexie_gui.ui.controller import SyncRunner
    from kexie_gui.ui.settings import Settings

    _WINDOW.setdefault("qapp", QApplication.instance() or QApplication(["reliability"]))
    app = compose(language="en", runner=SyncRunner(),
                  settings=Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)))
    app.window.ask_save_changes = lambda names: "discard"
    app.window.ask_yes_no = lambda title, text: True
    return app


@row("window", "a GB18030 page dropped on the window", None)
def _(tmp):
    page = tmp / "gb.txt"
    page.write_bytes(GOOD.encode("gb18030"))
    app = window(tmp)
    app.presenter.open_paths([str(page)])
    shown = app.window.message_bar.text()
    ok = app.controller.current.page.text == GOOD
    app.window.close()
    return Outcome(None, shown, ok)


@row("window", "a damaged session (deep nesting) when the page opens", None)
def _(tmp):
    session = _page_with_session(tmp, MALFORMED["deep nesting"])
    before = session.read_bytes()
    app = window(tmp)
    app.presenter.open_paths([str(tmp / "page.txt")])
    state = app.controller.current
    shown = app.window.message_bar.text().replace(str(tmp) + os.sep, "")
    ok = state is not None and state.view is not None and session.read_bytes() == before
    app.window.close()
    return Outcome(None, shown, ok)


@row("window", "export over an open page (a page named notes.md)", None)
def _(tmp):
    page = tmp / "notes.md"
    page.write_text(GOOD, encoding="utf-8")
    before = page.read_bytes()
    app = window(tmp)
    app.presenter.open_paths([str(page)])
    app.presenter.export_to("current", "md", str(tmp))
    shown = app.window.message_bar.text().replace(str(tmp) + os.sep, "")
    app.window.close()
    return Outcome(None, shown, page.read_bytes() == before)


# ---------------------------------------------------------------- the table

def run_rows(only: str | None = None) -> list[tuple[Row, Outcome]]:
    results = []
    for r in ROWS:
        if only and only not in r.name:
            continue
        with tempfile.TemporaryDirectory(prefix="kexie-rel-") as tmp:
            saved = dict(os.environ)
            try:
                outcome = r.run(Path(tmp).resolve())
            except Exception as exc:  # noqa: BLE001 - a row that crashes is a row that failed
                outcome = Outcome(None, f"the row itself failed: {type(exc).__name__}: {exc}", False)
            finally:
                os.environ.clear()
                os.environ.update(saved)
        results.append((r, outcome))
    return results


def _cell(text: str, width: int = 400) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[:width] + "…"


def table(results) -> str:
    lines = ["| group | row | exit code | message | data intact |", "|---|---|---|---|---|"]
    for r, o in results:
        code = "—" if o.code is None else str(o.code)
        ok = "yes" if o.intact and (r.expect is None or o.code == r.expect) else "**no**"
        lines.append(f"| {r.group} | {_cell(r.name)} | {code} | {_cell(o.message)} | {ok} |")
    return "\n".join(lines)


HEAD = """# Reliability: bad input, and what happens to the editor's data

Generated by `tools/reliability.py` (run it to refresh this file; `--check` only checks).  Each row
builds its input in a fresh temporary folder and runs it the way an editor would: the `kexie` command
in a process of its own (exit code 0 every file done, 1 some file failed, 2 usage error), the autosave
store, or the window offscreen ("—": no command).  *Data intact* means every input byte is unchanged,
everything that should have been written was written (the other pages of a batch, a page cleaned with
its default decisions when its session is damaged), no temporary file was left, and the exit code is
the one the row expects.{root}

"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write docs/reliability.md (default: write it)")
    parser.add_argument("--only", help="run only the rows whose name contains this (default: all)")
    args = parser.parse_args(argv)
    results = run_rows(args.only)
    text = table(results)
    bad = [r.name for r, o in results if not (o.intact and (r.expect is None or o.code == r.expect))]
    root = ("\nThis run was as root, so permission refusals were simulated (root reads every file)."
            if AS_ROOT else "")
    if not args.check and not args.only:
        DOC.write_text(HEAD.format(root=root) + text + "\n\n" + f"{len(results) - len(bad)} of {len(results)} "
                       f"rows keep the data intact.\n", encoding="utf-8")
    print(text)
    print(f"\n{len(results) - len(bad)} of {len(results)} rows intact" + (f"; not: {', '.join(bad)}" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
