"""Issue 10 rows of the command line: inputs never overwritten, folders never silently skipped,
how each page was read, standard input and output, JSON for several pages, help texts.

And issue 9's row: ``kexie clean`` applies a page's saved session (``--ignore-sessions`` starts fresh).
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kexie_gui import cli
from kexie_gui.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, build_parser, main
from kexie_gui.core import Decisions, analyse, apply, load_page
from kexie_gui.session import save_session

SEED = Path(__file__).resolve().parent / "data" / "000_57b0e2a3ead17231.txt"
GOOD = "科协新闻标题在这里\n\n本报讯 近日，某市科协召开工作会议，总结了过去一年的工作。\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KEXIE_DATA_DIR", str(tmp_path / "userdata"))


def pages_folder(tmp_path: Path, names=("a", "b")) -> Path:
    folder = tmp_path / "d"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(GOOD.replace("标题", f"标题{name}"), encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- never an input as output

def test_force_into_the_input_folder_never_overwrites_the_raw_pages(tmp_path, capsys):
    d = pages_folder(tmp_path)
    before = snapshot(d)
    assert main(["clean", str(d), "-o", str(d), "--format", "txt", "--force"]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert snapshot(d) == before  # the raw pages are intact
    assert err.count("an output never replaces its input") == 2 and "Traceback" not in err


def test_an_output_is_never_an_input_by_resolved_path_or_inode(tmp_path, capsys):
    d = pages_folder(tmp_path, ["a"])
    before = snapshot(d)
    via_link = tmp_path / "link"
    via_link.symlink_to(d)  # the same folder under another name
    assert main(["clean", str(d / "a.txt"), "-o", str(via_link), "--format", "txt", "--force"]) == EXIT_SOME_FAILED
    hard = tmp_path / "hard"
    hard.mkdir()
    os.link(d / "a.txt", hard / "a.txt")  # the same file in another folder
    assert main(["clean", str(d / "a.txt"), "-o", str(hard), "--format", "txt", "--force"]) == EXIT_SOME_FAILED
    assert snapshot(d) == before and (hard / "a.txt").read_bytes() == before["a.txt"]
    assert capsys.readouterr().err.count("an output never replaces its input") == 2


def test_a_second_run_never_reads_the_first_runs_outputs_as_pages(tmp_path, capsys):
    d = pages_folder(tmp_path)
    out = d / "clean"
    for _ in range(2):
        assert main(["clean", str(d), "-o", str(out), "--format", "txt", "--force"]) == EXIT_OK
    assert sorted(p.name for p in out.rglob("*")) == ["a.txt", "b.txt"]  # no clean/clean/a.txt
    assert "clean" not in capsys.readouterr().err


# ---------------------------------------------------------------- folders are never skipped silently

@pytest.fixture
def unlistable(monkeypatch):
    """``unlistable(folder)``: listing ``folder`` fails with EACCES (as a chmod 000 does, even for root)."""
    real = os.scandir
    refused = set()

    def scandir(path="."):
        if os.path.abspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return lambda folder: refused.add(os.path.abspath(folder))


def test_pages_in_an_unreadable_sub_folder_are_reported_and_exit_1(tmp_path, capsys, unlistable):
    d = pages_folder(tmp_path)
    locked = d / "2024" / "03"
    locked.mkdir(parents=True)
    (locked / "c.txt").write_text(GOOD, encoding="utf-8")
    unlistable(locked)
    out = tmp_path / "out"
    assert main(["clean", str(d), "-o", str(out)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert f"kexie: {locked}: cannot list the folder (permission denied); the pages in it were not read" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]  # the rest of the batch is done


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root lists every folder")
def test_pages_in_an_unreadable_sub_folder_are_reported_for_real(tmp_path, capsys):
    d = pages_folder(tmp_path)
    locked = d / "sub"
    locked.mkdir()
    (locked / "c.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        assert main(["clean", str(d), "-o", str(tmp_path / "out")]) == EXIT_SOME_FAILED
    finally:
        locked.chmod(0o755)
    assert "cannot list the folder" in capsys.readouterr().err


def test_an_unreadable_top_folder_says_so(tmp_path, capsys, unlistable):
    d = pages_folder(tmp_path)
    unlistable(d)
    assert main(["clean", str(d), "-o", str(tmp_path / "out")]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "cannot list the folder (permission denied)" in err and "no .txt pages" not in err


def test_input_discovery_is_one_function_driven_by_a_suffix_set(tmp_path):
    d = pages_folder(tmp_path)
    (d / "scan.pdf").write_bytes(b"%PDF-1.4")
    (d / "notes.xyz").write_text("not a page", encoding="utf-8")
    assert [p.path.name for p in cli.discover([str(d)]).pages] == ["a.txt", "b.txt", "scan.pdf"]
    assert [p.path.name for p in cli.discover([str(d)], suffixes=frozenset({".txt"})).pages] == ["a.txt", "b.txt"]
    found = cli.discover([str(d)], suffixes=frozenset({".txt", ".xyz"}))
    assert [p.path.name for p in found.pages] == ["a.txt", "b.txt", "notes.xyz"]


# ---------------------------------------------------------------- how each page was read

def test_how_each_page_was_read_is_said_on_stderr_and_in_analyze_json(tmp_path, capsys):
    gb = tmp_path / "gb.txt"
    gb.write_bytes(GOOD.encode("gb18030"))
    plain = tmp_path / "plain.txt"
    plain.write_text(GOOD, encoding="utf-8")
    assert main(["clean", str(gb), str(plain), "-o", str(tmp_path / "out")]) == EXIT_OK
    assert capsys.readouterr().err == "kexie: gb.txt: read as GB18030/GBK (guessed)\n"
    assert main(["analyze", str(gb), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["reading"]["encoding"] == "gb18030" and doc["reading"]["note"] == "read as GB18030/GBK (guessed)"
    assert main(["analyze", str(gb)]) == EXIT_OK
    assert "read as GB18030/GBK (guessed)" in capsys.readouterr().out.splitlines()[0]


def test_encoding_option_forces_one(tmp_path, capsys):
    page = tmp_path / "t.txt"
    page.write_bytes("本報訊 記者從市科協獲悉，全市科普工作會議召開。\n".encode("big5"))
    assert main(["clean", str(page), "--encoding", "big5"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "記者從市科協獲悉" in captured.out
    assert captured.err == "kexie: t.txt: read as Big5 (chosen by hand)\n"
    assert main(["clean", str(page), "--encoding", "klingon"]) == EXIT_USAGE
    assert "--encoding klingon: not an encoding" in capsys.readouterr().err


# ---------------------------------------------------------------- standard input and output, FIFOs

def run_kexie(*args, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kexie_gui.cli", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=Path(__file__).resolve().parent.parent)


def test_clean_dash_reads_a_page_from_standard_input():
    done = run_kexie("clean", "-", stdin=SEED.read_bytes())
    assert done.returncode == EXIT_OK, done.stderr
    data = json.loads(done.stdout)
    assert data["articles"][0]["title"] == "德阳市获评中国科协创新驱动示范市" and data["source"] == "<stdin>"


def test_output_dash_writes_one_page_to_standard_output(tmp_path):
    done = run_kexie("clean", str(SEED), "-o", "-", "--format", "md")
    assert done.returncode == EXIT_OK, done.stderr
    assert "# 德阳市获评中国科协创新驱动示范市" in done.stdout.decode("utf-8")
    done = run_kexie("clean", str(SEED), str(SEED), "-o", "-")
    assert done.returncode == EXIT_USAGE and b"writes one page to standard output" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".png"])
def test_a_fifo_given_as_a_page_is_refused_instead_of_hanging(tmp_path, suffix):
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    done = run_kexie("clean", str(fifo), timeout=60)  # a hang would raise TimeoutExpired
    assert done.returncode == EXIT_SOME_FAILED
    assert f"pipe{suffix}: is a named pipe (FIFO), not a file".encode() in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_given_as_a_page_is_refused(capsys, monkeypatch):
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) if self.is_file() else pytest.fail(
        f"{self} was read: /dev/zero never ends"))
    assert main(["clean", "/dev/zero"]) == EXIT_SOME_FAILED
    assert "zero: is a device, not a text file" in capsys.readouterr().err


# ---------------------------------------------------------------- analyze A B --json

def test_analyze_several_pages_json_is_one_valid_document(tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(SEED), str(other), "--json"]) == EXIT_OK
    docs = json.loads(capsys.readouterr().out)
    assert [Path(d["source"]).name for d in docs] == [SEED.name, "other.txt"]
    assert main(["analyze", str(pages_folder(tmp_path)), "--json"]) == EXIT_OK  # a folder: an array too
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_analyze_jsonl_prints_one_object_per_line(tmp_path, capsys):
    assert main(["analyze", str(SEED), str(SEED), "--jsonl"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["suggestions"] for line in lines)


# ---------------------------------------------------------------- help and wording

def _all_parsers():
    parser = build_parser()
    yield parser
    for action in parser._subparsers._group_actions:
        yield from dict.fromkeys(action.choices.values())


def test_every_option_has_help_text_showing_its_default():
    for parser in _all_parsers():
        for action in parser._actions:
            if action.dest in ("help", "version", "command") or not action.option_strings:
                continue
            assert action.help and "default" in action.help, (parser.prog, action.dest)


@pytest.mark.parametrize("argv", [["--help"], ["clean", "--help"], ["analyze", "--help"]])
def test_help_ends_with_examples_and_exit_codes(argv, capsys):
    assert main(argv) == EXIT_OK
    out = capsys.readouterr().out
    assert out.index("examples:") < out.index("exit status:")
    assert "kexie clean pages/ -o out/" in out and "  2  usage error" in out
    assert "(default: json)" in out or argv != ["clean", "--help"]


def test_an_output_folder_that_cannot_be_created_exits_1_not_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should go", encoding="utf-8")
    code = main(["clean", str(SEED), "-o", str(blocker / "out")])
    assert code == EXIT_SOME_FAILED
    assert f"cannot create the output folder {blocker / 'out'}" in capsys.readouterr().err


def test_an_existing_output_says_to_use_force_and_nothing_about_confirming(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", str(SEED), "-o", str(out)]) == EXIT_OK
    assert main(["clean", str(SEED), "-o", str(out)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "already exists and was left as it is; add --force to replace it" in err and "confirm" not in err


# ---------------------------------------------------------------- issue 9: saved sessions

def _session_with_a_rejected_headline(page_path: Path) -> tuple[Decisions, list[str]]:
    page = load_page(page_path)
    analysis = analyse(page)
    headline = next(s for s in analysis.suggestions if s.kind == "headline" and s.default)
    decisions = Decisions().with_choice(headline.id, False)
    save_session(page_path, page, decisions, analysis=analysis)
    return decisions, [a.to_dict()["title"] for a in apply(analysis, decisions).articles]


def test_clean_applies_the_saved_session_by_default_and_says_so(tmp_path, capsys):
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    default_titles = [a.to_dict()["title"] for a in apply(analyse(load_page(page))).articles]
    _, decided_titles = _session_with_a_rejected_headline(page)
    assert decided_titles != default_titles
    assert main(["clean", str(page)]) == EXIT_OK
    captured = capsys.readouterr()
    assert [a["title"] for a in json.loads(captured.out)["articles"]] == decided_titles
    assert captured.err == "kexie: page.txt: applied 1 saved decision(s) from page.txt.kexie.json\n"


def test_ignore_sessions_starts_fresh(tmp_path, capsys):
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    default_titles = [a.to_dict()["title"] for a in apply(analyse(load_page(page))).articles]
    _session_with_a_rejected_headline(page)
    assert main(["clean", str(page), "--ignore-sessions"]) == EXIT_OK
    captured = capsys.readouterr()
    assert [a["title"] for a in json.loads(captured.out)["articles"]] == default_titles and captured.err == ""


def test_a_damaged_session_is_said_and_the_page_still_written(tmp_path, capsys):
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    session = tmp_path / "page.txt.kexie.json"
    session.write_text('{"format": "kexie-session", "version": 1, "page": {"sha256": "x"}, '
                       '"decisions": {"splits": [1e400]}}', encoding="utf-8")
    before = session.read_bytes()
    out = tmp_path / "out"
    assert main(["clean", str(page), "-o", str(out)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert err == ("kexie: page.txt: its session file is damaged (the number 1e400 is too large); cleaned with the "
                   "default decisions, the session file is kept as it is\n")
    assert (out / "page.json").is_file() and session.read_bytes() == before
