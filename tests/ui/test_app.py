"""The entry point: argument parsing, ``--self-test`` in a fresh process, ``python -m kexie_gui``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kexie_gui.app import parse_args

ROOT = Path(__file__).resolve().parents[2]


def test_arguments():
    args, rest = parse_args(["a.txt", "dir", "--lang", "zh", "-platform", "offscreen"])
    assert args.pages == ["a.txt", "dir"] and args.lang == "zh" and not args.self_test
    assert rest == ["-platform", "offscreen"]
    assert parse_args(["--self-test"])[0].self_test


def test_self_test_passes_in_a_fresh_process(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "kexie_gui", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout
    assert "4 articles" in done.stdout


def test_self_test_fails_with_a_message_when_the_sample_is_missing(qapp, tmp_path, monkeypatch, capsys):
    import kexie_gui.app as app_module

    monkeypatch.setattr(app_module, "sample_page", lambda: tmp_path / "gone.txt")
    assert app_module.main(["--self-test"]) == 1
    err = capsys.readouterr().err
    assert "self-test failed" in err and "sample page is missing" in err
