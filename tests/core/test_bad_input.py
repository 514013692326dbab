"""Bad input to the core and the CLI, one test per row of the table.

Every refusal must be one clear line naming the file, with no traceback, and
must cost nothing else: the other pages of a batch are still written and no
temp file is left behind.  Pages that are odd but readable (other encodings,
line endings, one enormous line) must be analysed, not just loaded.
"""
from __future__ import annotations

import errno
import json
import os
import random
import time
from pathlib import Path

import pytest

from kexie_gui import cli
from kexie_gui.cli import EXIT_OK, EXIT_SOME_FAILED, main
from kexie_gui.core import MAX_BYTES, Decisions, LoadError, analyse, apply, load_page

SEED = Path(__file__).resolve().parent.parent / "data" / "000_57b0e2a3ead17231.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_TITLE = "德阳市获评中国科协创新驱动示范市"
GOOD = "科协新闻标题在这里\n\n本报讯 近日，某市科协召开工作会议，总结了过去一年的工作。\n"


# ---------------------------------------------------------------- helpers

def assert_clear(err: str, *names: str) -> None:
    """Each name appears in a ``kexie: ...`` line; no traceback anywhere."""
    assert "Traceback" not in err and 'File "' not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and all(line.startswith("kexie: ") for line in lines), err
    for name in names:
        assert any(name in line for line in lines), (name, err)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def batch(tmp_path: Path, bad: Path, capsys, *extra_args: str) -> tuple[int, str, Path]:
    """Clean ``bad`` between two good pages; returns (exit code, stderr, output folder)."""
    goods = tmp_path / "good"
    goods.mkdir(exist_ok=True)
    first, last = goods / "first.txt", goods / "last.txt"
    first.write_text(GOOD, encoding="utf-8")
    last.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["clean", str(first), str(bad), str(last), "-o", str(out), *extra_args])
    err = capsys.readouterr().err
    assert (out / "first.json").exists() and (out / "last.json").exists()
    assert no_temp_files(out)
    return code, err, out


def refused(tmp_path, bad: Path, capsys, words: str) -> None:
    """The CLI refuses ``bad`` with one line naming it and ``words``; the rest of the batch is written."""
    code, err, out = batch(tmp_path, bad, capsys)
    assert code == EXIT_SOME_FAILED
    assert_clear(err, bad.name)
    assert words in err, err
    assert not (out / (bad.stem + ".json")).exists()
    with pytest.raises(LoadError) as exc:
        load_page(bad)
    assert bad.name in str(exc.value) and words in str(exc.value)


def accepted(tmp_path, page: Path, capsys) -> dict:
    """The CLI cleans ``page`` along with the batch; returns its JSON output.

    Stderr holds at most one line: how ``page`` was read (anything but clean UTF-8 is said).
    """
    code, err, out = batch(tmp_path, page, capsys)
    assert code == EXIT_OK, err
    assert all(line.startswith(f"kexie: {page.name}: read as ") for line in err.splitlines()), err
    assert len(err.splitlines()) == (0 if load_page(page).reading.describe() == "read as UTF-8" else 1), err
    return json.loads((out / (page.stem + ".json")).read_text(encoding="utf-8"))


def seed_blocks() -> list[str]:
    return [str(b.text) for b in analyse(load_page(SEED)).blocks]


# ---------------------------------------------------------------- rows

def test_empty_file(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    refused(tmp_path, bad, capsys, "the file is empty")


def test_white_space_only(tmp_path, capsys):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b" \r\n\n\t\n\xe3\x80\x80\n")  # an ideographic space too
    refused(tmp_path, bad, capsys, "only white space")


@pytest.mark.parametrize("text", ["预热\n", "标题", "第4版\n", "本报讯 近日，某地举办科普活动。\n"])
def test_a_page_of_one_line_is_analysed_and_cleaned(tmp_path, text):
    page = tmp_path / "one.txt"
    page.write_text(text, encoding="utf-8")
    assert main(["clean", str(page), "-o", str(tmp_path / "out"), "--format", "json"]) == EXIT_OK
    analysis = analyse(load_page(page))
    apply(analysis, Decisions())  # whatever it reads the line as, nothing fails


def test_binary_file(tmp_path, capsys):
    bad = tmp_path / "scan.txt"  # an image saved with the wrong extension
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4000))
    refused(tmp_path, bad, capsys, "this is not a text file")


def test_binary_file_without_nul_bytes(tmp_path, capsys):
    bad = tmp_path / "controls.txt"
    rng = random.Random(2)
    bad.write_bytes(bytes(rng.choice(range(1, 28)) for _ in range(3000)))  # \x1c-\x1f count as white space
    refused(tmp_path, bad, capsys, "this is not a text file")


def test_nul_bytes_in_a_text_page(tmp_path, capsys):
    """A few stray NUL bytes in a UTF-8 page are dropped and said so; many mean a binary file."""
    from kexie_gui.core import load_page

    damaged = tmp_path / "nul.txt"
    data = SEED.read_bytes()
    damaged.write_bytes(data[:300] + b"\x00" + data[300:])
    page = load_page(damaged)
    assert page.text == load_page(SEED).text and "NUL" in page.encoding
    bad = tmp_path / "many-nul.txt"
    bad.write_bytes(data.replace(b",", b"\x00\x00\x00"))
    refused(tmp_path, bad, capsys, "it contains NUL bytes")


def test_100_mib_file_is_refused_by_size_before_reading(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as f:
        f.truncate(100 * 2**20)  # sparse: no 100 MB written
    assert MAX_BYTES == 64 * 2**20 and bad.stat().st_size > MAX_BYTES
    real = Path.read_bytes

    def read_bytes(self):
        assert self.name != bad.name, "the loader read a file it should have refused by its size"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    refused(tmp_path, bad, capsys, "the file is 104,857,600 bytes (100.0 MiB), more than the 64 MiB a page may have")


def test_one_megabyte_line_without_newline_is_analysed(tmp_path, capsys):
    line = SEED_TEXT.replace("\n", "")
    text = (line * (2**20 // len(line.encode("utf-8")) + 1))
    text = text[: 2**20 // 3]  # ~1 MB of UTF-8, one line, no newline at the end
    page_path = tmp_path / "oneline.txt"
    page_path.write_text(text, encoding="utf-8")
    assert page_path.stat().st_size > 0.95 * 2**20 and b"\n" not in page_path.read_bytes()
    t0 = time.perf_counter()
    page = load_page(page_path)
    analysis = analyse(page)
    clean = apply(analysis)
    seconds = time.perf_counter() - t0
    assert seconds < 10, f"load + analyse + apply of a 1 MB line took {seconds:.1f} s"  # measured ~0.3 s
    assert analysis.blocks and clean.articles
    kept = sum(len(p) for a in clean.articles for p in a.paragraphs) + sum(len(a.title) for a in clean.articles)
    assert kept > 0.9 * len(text)
    assert accepted(tmp_path, page_path, capsys)["articles"]


def test_invalid_utf8_bytes_are_kept_visible(tmp_path, capsys):
    page_path = tmp_path / "damaged.txt"
    data = SEED.read_bytes()
    page_path.write_bytes(data[:301] + b"\xff\xfe" + data[301:] + b"\xe5\xbe")  # and a truncated last char
    page = load_page(page_path)
    assert page.encoding.startswith("utf-8 (3 invalid byte sequence(s) replaced by U+FFFD)")
    assert page.text.count("\ufffd") == 3
    assert accepted(tmp_path, page_path, capsys)["articles"][0]["title"] == SEED_TITLE


def test_mostly_invalid_utf8_is_refused_clearly(tmp_path, capsys):
    bad = tmp_path / "garbled.txt"
    data = SEED.read_bytes()
    bad.write_bytes(b"".join(data[i:i + 50] + b"\xff" for i in range(0, len(data), 50)))
    refused(tmp_path, bad, capsys, "cannot tell the text encoding")


def test_gb18030(tmp_path, capsys):
    page_path = tmp_path / "gb.txt"
    page_path.write_bytes(SEED_TEXT.encode("gb18030"))
    page = load_page(page_path)
    assert page.encoding == "gb18030" and page.text == SEED_TEXT
    assert [str(b.text) for b in analyse(page).blocks] == seed_blocks()
    assert accepted(tmp_path, page_path, capsys)["articles"][0]["title"] == SEED_TITLE


@pytest.mark.parametrize("codec, bom, expected", [
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("utf-16-le", b"", "utf-16-le"),
    ("utf-16-be", b"", "utf-16-be"),
])
def test_utf16_with_and_without_bom(tmp_path, capsys, codec, bom, expected):
    page_path = tmp_path / f"u16-{codec}-{'bom' if bom else 'nobom'}.txt"
    page_path.write_bytes(bom + SEED_TEXT.encode(codec))
    page = load_page(page_path)
    assert page.encoding == expected and page.text == SEED_TEXT
    assert [str(b.text) for b in analyse(page).blocks] == seed_blocks()
    assert accepted(tmp_path, page_path, capsys)["articles"][0]["title"] == SEED_TITLE


def test_mixed_crlf_and_lf(tmp_path, capsys):
    lines = SEED_TEXT.split("\n")
    mixed = "".join(line + ("\r\n" if n % 3 else "\n") for n, line in enumerate(lines[:-1])) + lines[-1]
    page_path = tmp_path / "mixed.txt"
    page_path.write_bytes(mixed.encode("utf-8"))
    page = load_page(page_path)
    assert page.text == SEED_TEXT and "\r" not in page.text and page.newline == "\r\n"
    assert [str(b.text) for b in analyse(page).blocks] == seed_blocks()
    reference = tmp_path / "ref" / "mixed.txt"
    reference.parent.mkdir()
    reference.write_text(SEED_TEXT, encoding="utf-8")
    assert main(["clean", str(reference), "-o", str(tmp_path / "ref-out")]) == EXIT_OK
    expected = json.loads((tmp_path / "ref-out" / "mixed.json").read_text(encoding="utf-8"))
    assert accepted(tmp_path, page_path, capsys)["articles"] == expected["articles"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    try:
        refused(tmp_path, bad, capsys, "permission denied")
    finally:
        bad.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, capsys, monkeypatch):
    """The same row when the tests run as root: reading raises EACCES."""
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == bad.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    refused(tmp_path, bad, capsys, "permission denied (cannot read the file)")


def test_a_folder_of_thousands_of_pages_in_sub_folders(tmp_path, capsys, monkeypatch):
    """2000 pages in 100 nested folders, plus a file that is no page and an empty folder: all cleaned.

    fsync is skipped here: this row is about walking and processing, and 4000
    fsyncs cost seconds on a busy disk (durability is tested in tests/session).
    """
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    root = tmp_path / "archive"
    names = []
    for year in range(10):
        for month in range(10):
            folder = root / f"20{year:02d}" / f"{month + 1:02d}"
            folder.mkdir(parents=True)
            for day in range(20):
                name = f"kx{year:02d}{month:02d}{day:02d}"
                (folder / f"{name}.txt").write_text(
                    f"第{year}{month}{day}号科协新闻标题\n\n本报讯 近日，某市科协召开第{day}次工作会议。\n",
                    encoding="utf-8")
                names.append(name)
    (root / "2000" / "notes.md").write_text("not a page", encoding="utf-8")
    (root / "2000" / "empty-folder").mkdir()
    out = tmp_path / "out"
    t0 = time.perf_counter()
    code = main(["clean", str(root), "-o", str(out)])
    seconds = time.perf_counter() - t0
    assert code == EXIT_OK, capsys.readouterr().err
    assert capsys.readouterr().err == ""
    assert len(names) == 2000
    assert sorted(p.stem for p in out.rglob("*.json")) == sorted(names)
    assert (out / "2003" / "04" / "kx030300.json").is_file()  # sub-folders are kept
    assert seconds < 30  # measured ~3 s


def test_same_page_names_in_different_sub_folders(tmp_path, capsys):
    root = tmp_path / "archive"
    for month in ("03", "04"):
        (root / month).mkdir(parents=True)
        (root / month / "001.txt").write_text(f"{month}月科协新闻标题\n\n本报讯 近日，某市科协召开工作会议。\n",
                                              encoding="utf-8")
    out = tmp_path / "out"
    code = main(["clean", str(root), "-o", str(out), "--force"])
    written = [json.loads(p.read_text(encoding="utf-8"))["articles"][0]["title"] for p in out.rglob("*.json")]
    assert code == EXIT_OK and sorted(written) == ["03月科协新闻标题", "04月科协新闻标题"]


def test_file_deleted_between_listing_and_reading(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    real = cli.discover

    def listed_then_deleted(paths, *args, **kw):
        found = real(paths, *args, **kw)
        (folder / "b.txt").unlink()  # another program (a sync client, the editor) removed it
        return found

    monkeypatch.setattr(cli, "discover", listed_then_deleted)
    out = tmp_path / "out"
    assert main(["clean", str(folder), "-o", str(out)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert_clear(err, "b.txt: no such file")
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "c.json"]


# ---------------------------------------------------------------- writing the results

@pytest.fixture
def failing_writes(monkeypatch):
    """``failing_writes(match, exc, at)``: os.open/os.write/os.fsync raise ``exc`` for files named like ``match``."""
    def install(match: str, exc: OSError, at: str):
        real_open, real_write, real_fsync = os.open, os.write, os.fsync
        fds: dict[int, str] = {}

        def fake_open(path, flags, *args, **kw):
            if at == "open" and match in os.fspath(path) and flags & os.O_WRONLY:
                raise exc
            fd = real_open(path, flags, *args, **kw)
            fds[fd] = os.fspath(path)
            return fd

        def fake_write(fd, data):
            if at == "write" and match in fds.get(fd, ""):
                raise exc
            return real_write(fd, data)

        def fake_fsync(fd):
            if at == "fsync" and match in fds.get(fd, ""):
                raise exc
            return real_fsync(fd)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "fsync", fake_fsync)
    return install


def _pages(tmp_path: Path, names=("a", "b", "c")) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(GOOD.replace("标题", f"标题{name}"), encoding="utf-8")
    return [str(folder / f"{name}.txt") for name in names]


def test_export_to_a_read_only_folder(tmp_path, capsys, failing_writes):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text("an earlier export", encoding="utf-8")
    failing_writes(str(out), PermissionError(errno.EACCES, "Permission denied"), "open")
    code = main(["clean", *_pages(tmp_path), "-o", str(out), "--force"])
    err = capsys.readouterr().err
    assert code == EXIT_SOME_FAILED
    assert_clear(err, *(str(out / f"{n}.json") for n in "abc"))
    assert "permission denied" in err
    assert (out / "a.json").read_text(encoding="utf-8") == "an earlier export"  # nothing lost
    assert sorted(p.name for p in out.iterdir()) == ["a.json"]


def test_export_one_file_refused_the_others_written(tmp_path, capsys, failing_writes):
    out = tmp_path / "out"
    failing_writes(".b.json.", PermissionError(errno.EACCES, "Permission denied"), "open")
    assert main(["clean", *_pages(tmp_path), "-o", str(out)]) == EXIT_SOME_FAILED
    assert_clear(capsys.readouterr().err, f"{out / 'b.json'}: cannot write the file: permission denied")
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "c.json"]


def test_output_folder_cannot_be_created(tmp_path, capsys, monkeypatch):
    real = Path.mkdir

    def mkdir(self, *args, **kw):
        if self.name == "out":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kw)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    out = tmp_path / "ro" / "out"
    assert main(["clean", *_pages(tmp_path), "-o", str(out)]) == EXIT_SOME_FAILED  # not a usage error
    assert_clear(capsys.readouterr().err, f"cannot create the output folder {out}: Permission denied")


@pytest.mark.parametrize("at", ["write", "fsync"])
def test_full_disk(tmp_path, capsys, failing_writes, at):
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").write_text("yesterday's export", encoding="utf-8")
    failing_writes(".b.json.", OSError(errno.ENOSPC, "No space left on device"), at)
    code = main(["clean", *_pages(tmp_path), "-o", str(out), "--force"])
    err = capsys.readouterr().err
    assert code == EXIT_SOME_FAILED
    assert_clear(err, f"{out / 'b.json'}: cannot write the file: the disk is full")
    assert (out / "b.json").read_text(encoding="utf-8") == "yesterday's export"  # the old export is intact
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]
    assert no_temp_files(out)
    titles = [json.loads((out / f"{n}.json").read_text(encoding="utf-8"))["articles"][0]["title"] for n in "ac"]
    assert titles == ["科协新闻标题a在这里", "科协新闻标题c在这里"]
