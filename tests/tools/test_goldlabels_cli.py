"""``python -m tools.goldlabels``: one JSON record per raw line and a summary per folder."""
import json
import shutil

from tools.goldlabels.__main__ import main

from .pages import BLANK_GOLD, BLANK_RAW, SEED, SWAPPED_GOLD, SWAPPED_RAW, write


def test_writes_a_record_for_every_raw_line_and_prints_coverage(tmp_path, capsys):
    corpus = tmp_path / "mine"
    write(corpus, "a", BLANK_RAW, BLANK_GOLD)
    write(corpus, "b", SWAPPED_RAW, SWAPPED_GOLD, encoding="gb18030")
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copy(SEED, seed)
    shutil.copy(SEED.with_name(SEED.name.replace(".txt", ".gold.json")), seed)
    out = tmp_path / "labels.jsonl"
    assert main([str(corpus), str(seed), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n_lines = sum(len(t.split("\n")) for t in (BLANK_RAW, SWAPPED_RAW, SEED.read_text(encoding="utf-8")))
    assert len(records) == n_lines
    first = records[0]
    assert (first["set"], first["page"], first["line"], first["labels"]) == ("mine", "a", 1, ["furniture"])
    assert {r["set"] for r in records} == {"mine", "seed"}
    summary = capsys.readouterr().out
    assert "labelled %" in summary and "100.000" in summary
    assert summary.splitlines()[0].split() == ["mine", "seed"]


def test_a_folder_without_pages_is_a_clear_message(tmp_path, capsys):
    assert main([str(tmp_path)]) == 1
    assert "no pages" in capsys.readouterr().err
    assert main([str(tmp_path / "missing")]) == 1
    assert "no such folder" in capsys.readouterr().err
