"""The kexie command: outputs, batches, bad files, exit codes."""
import json
import shutil
from pathlib import Path

import pytest

from kexie_gui.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

SEED = Path(__file__).resolve().parent / "data" / "000_57b0e2a3ead17231.txt"


def test_clean_one_page_prints_json(capsysbinary):
    assert main(["clean", str(SEED)]) == EXIT_OK
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert data["articles"][0]["title"] == "德阳市获评中国科协创新驱动示范市"
    assert set(data["articles"][0]) == {"title", "subtitle", "paragraphs", "byline", "section"}
    assert data["removed"] and data["source"].endswith(SEED.name)


@pytest.mark.parametrize("fmt", ["json", "md", "txt", "docx"])
def test_clean_folder_to_every_format(tmp_path, fmt):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED, pages / "a.txt")
    shutil.copy(SEED, pages / "b.txt")
    out = tmp_path / "out"
    assert main(["clean", str(pages), "-o", str(out), "--format", fmt]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == [f"a.{fmt}", f"b.{fmt}"]


def test_one_bad_file_does_not_stop_the_batch(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    code = main(["clean", str(bad), str(SEED), str(empty), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == EXIT_SOME_FAILED
    assert "bad.txt" in err and "empty.txt" in err and "Traceback" not in err
    assert (out / f"{SEED.stem}.json").exists()


def test_existing_output_needs_force(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", str(SEED), "-o", str(out)]) == EXIT_OK
    assert main(["clean", str(SEED), "-o", str(out)]) == EXIT_SOME_FAILED
    assert "--force" in capsys.readouterr().err
    assert main(["clean", str(SEED), "-o", str(out), "--force"]) == EXIT_OK


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main([]) == EXIT_USAGE
    assert main(["clean", str(SEED), str(SEED)]) == EXIT_USAGE  # two pages need -o
    assert main(["clean", str(SEED), "--format", "pdf"]) == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


def test_analyze_lists_suggestions(capsys):
    assert main(["analyze", str(SEED)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "drop repeat" in out and "join fragments" in out and "remove furniture" in out
    assert main(["analyze", "--json", str(SEED)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    kinds = {s["kind"] for s in data["suggestions"]}
    assert {"duplicate", "join", "furniture", "headline", "byline"} <= kinds


def test_missing_file_message(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.txt")]) == EXIT_SOME_FAILED
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_two_files_with_one_name_get_distinct_outputs(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(SEED, tmp_path / sub / "page.txt")
    out = tmp_path / "out"
    pages = [str(tmp_path / "a" / "page.txt"), str(tmp_path / "b" / "page.txt")]
    assert main(["clean", *pages, "-o", str(out)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["page (2).json", "page.json"]
