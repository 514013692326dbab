"""The runner: composed folders, ``kexie clean`` on them, the table; the command line."""
import json
import shutil
import sys
from pathlib import Path

import pytest

from tools.goldlabels import read_page
from tools.relayout.__main__ import main
from tools.relayout.run import DEFAULT_SCORE, Row, compose_folder, run, run_kexie, table
from tools.relayout.units import source_units

from .pages import SEED

KEXIE = Path(sys.executable).with_name("kexie")


@pytest.fixture(scope="module")
def sources():
    return [source_units(read_page(SEED))]


def test_a_convention_folder_holds_every_seed_and_kexie_cleans_it(tmp_path, sources):
    messages = []
    row = compose_folder(sources, "wrap-flat-18", tmp_path / "pages", seeds=2, damage=0.3, report=messages.append)
    assert (row.pages, row.check_failures, messages) == (2, 0, [])
    again = compose_folder(sources, "wrap-flat-18", tmp_path / "again", seeds=2, damage=0.3, jobs=2)
    assert again.pages == 2 and (tmp_path / "again" / "000_57b0e2a3ead17231.s1.txt").read_bytes() == \
        (tmp_path / "pages" / "000_57b0e2a3ead17231.s1.txt").read_bytes()
    names = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert names == ["000_57b0e2a3ead17231.s0.gold.json", "000_57b0e2a3ead17231.s0.txt",
                     "000_57b0e2a3ead17231.s1.gold.json", "000_57b0e2a3ead17231.s1.txt"]
    if not KEXIE.exists():
        pytest.skip("kexie is not installed beside this Python")
    status, errors = run_kexie(str(KEXIE), tmp_path / "pages", tmp_path / "pred")
    assert (status, errors) == (0, [])
    pred = json.loads((tmp_path / "pred" / "000_57b0e2a3ead17231.s0.json").read_text(encoding="utf-8"))
    assert pred["articles"] and all("title" in a for a in pred["articles"])


def test_the_table_has_a_row_per_convention():
    rows = [Row("blank", pages=3, metrics={"pages_exact": 1.0, "body_cer": 0.0}),
            Row("wrap-flat-18", pages=3, check_failures=1, metrics={"pages_exact": 0.5, "body_cer": 0.25})]
    md = table(rows, "md", "header line")
    assert md.splitlines()[0] == "header line"
    assert "| wrap-flat-18 | 3 | 1 | 0 | 0.5000 |" in md
    assert table(rows, "tsv").splitlines()[2].split("\t")[:5] == ["wrap-flat-18", "3", "1", "0", "0.5000"]
    assert json.loads(table(rows, "json"))[0]["pages_exact"] == 1.0


def test_command_line_compose_list_and_clear_errors(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    shutil.copy(SEED.with_name(SEED.name.replace(".txt", ".gold.json")), corpus)
    assert main(["compose", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--convention",
                 "pdfminer-flat-20", "--damage", "0.5"]) == 0
    assert (tmp_path / "out" / "000_57b0e2a3ead17231.s0.txt").read_text(encoding="utf-8").count("\n\n") > 50
    assert main(["list"]) == 0 and "layout-2col-16" in capsys.readouterr().out
    assert main(["check", "--corpus", str(corpus), "--conventions", "blank,wrap-indent-22", "--seeds", "1"]) == 0
    assert "2 page(s), 0 failed" in capsys.readouterr().out
    assert main(["run", "--corpus", str(corpus), "--score", str(tmp_path / "nope.py")]) == 2
    assert "no score.py" in capsys.readouterr().err
    assert main(["compose", "--corpus", str(corpus), "--out", str(tmp_path), "--convention", "bogus"]) == 2
    assert "unknown layout convention" in capsys.readouterr().err


@pytest.mark.skipif(not DEFAULT_SCORE.is_file() or not KEXIE.exists(), reason="needs ../shared/tools/score.py")
def test_run_scores_each_convention_with_score_py(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    shutil.copy(SEED.with_name(SEED.name.replace(".txt", ".gold.json")), corpus)
    rows = run(corpus, str(KEXIE), ["blank", "one-per-line"], seeds=1, report=lambda *_: None)
    assert [r.convention for r in rows] == ["blank", "one-per-line"]
    assert rows[0].metrics["pages"] == 1 and 0.0 <= rows[0].metrics["body_cer"]
