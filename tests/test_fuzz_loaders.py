"""Issue 10: the loaders fuzzed with hypothesis, a bounded number of examples here
(``tools/fuzz_loaders.py`` runs longer): page bytes, session JSON and autosave JSON raise
nothing but their documented error types.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzz_loaders import (
    autosave_base,
    check_autosave_bytes,
    check_page_bytes,
    check_session_bytes,
    page_bytes,
    session_bytes,
)

BOUNDED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def private_data_dir(tmp_path_factory):
    """Sessions of read-only folders and autosaves go to a throw-away folder, never the home."""
    old = os.environ.get("KEXIE_DATA_DIR")
    os.environ["KEXIE_DATA_DIR"] = str(tmp_path_factory.mktemp("userdata"))
    yield
    if old is None:
        os.environ.pop("KEXIE_DATA_DIR", None)
    else:
        os.environ["KEXIE_DATA_DIR"] = old


@BOUNDED
@given(page_bytes())
def test_fuzzed_page_bytes_raise_only_load_errors(data):
    check_page_bytes(data)


@BOUNDED
@given(session_bytes())
def test_fuzzed_session_json_raises_only_session_errors(data):
    check_session_bytes(data)


@pytest.fixture(scope="module")
def autosave_root(tmp_path_factory):
    return tmp_path_factory.mktemp("autosave")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session_bytes(base=autosave_base()))
def test_fuzzed_autosave_json_never_blocks_recovery(autosave_root, data):
    check_autosave_bytes(data, autosave_root)
