"""Helpers for the packaging tests: load the scripts under packaging/ as modules."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def render_icons():
    return load_script(PACKAGING / "render_icons.py", "kexie_packaging_render_icons")


@pytest.fixture(scope="session")
def generate():
    return load_script(PACKAGING / "linux" / "generate.py", "kexie_packaging_generate")
