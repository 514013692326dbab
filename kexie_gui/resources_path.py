"""Where the shipped resources (sample page, icons, translations) live.

In a checkout or an editable install they are the top-level ``resources/``
folder; in a wheel they are installed as the ``kexie_gui.resources`` package;
in a PyInstaller bundle they sit under ``sys._MEIPASS``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    env = os.environ.get("KEXIE_RESOURCES")
    candidates = [Path(env)] if env else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "resources"]
    for c in candidates:
        if (c / "sample_page.txt").is_file():
            return c
    return candidates[-1]


def resource(name: str) -> Path:
    return resources_dir() / name


def sample_page() -> Path:
    return resource("sample_page.txt")
