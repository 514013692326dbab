"""Format 1 (ids were raw offsets) opens with format 2: every decision carried over, the same clean page.

The fixture ``tests/data/000_57b0e2a3ead17231.session-v1.json`` was written by
kexie before issue 13 (main 8d617f7) for the seed page, with choices accepted
and rejected, a role, a split, a move, a join by hand and three hand edits;
``.session-v1.clean.json`` beside it is the clean page that kexie computed.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kexie_gui.core import Decisions, analyse, load_page
from kexie_gui.session import SESSION_SUFFIX, VERSION, load_session, read_session_file, save_session

from .conftest import SEED, articles

DATA = SEED.parent
V1 = DATA / f"{SEED.stem}.session-v1.json"
V1_CLEAN = json.loads((DATA / f"{SEED.stem}.session-v1.clean.json").read_text(encoding="utf-8"))
OFFSET_ID = re.compile(r"^b\d+$")


def _v1_decisions() -> Decisions:
    return Decisions.from_dict(json.loads(V1.read_text(encoding="utf-8"))["decisions"])


def _clean(analysis, decisions) -> dict:
    arts, removed = articles(analysis, decisions)
    return {"articles": arts, "removed": [list(r) for r in removed]}


@pytest.fixture
def old_session(seed) -> Path:
    """The seed page with its format-1 session beside it, as kexie left it."""
    target = seed.with_name(seed.name + SESSION_SUFFIX)
    shutil.copy(V1, target)
    return target


def _block_ids(d: Decisions) -> list[str]:
    return ([b for b, _ in d.roles] + [k.partition(":")[0] for k, _ in d.edits] + list(d.joined)
            + [b for m in d.moves for b in m if b])


def test_the_fixture_is_a_format_1_session_with_every_sort_of_decision():
    doc = json.loads(V1.read_text(encoding="utf-8"))
    d = _v1_decisions()
    assert doc["version"] == 1 and VERSION == 2
    assert {a for _, a in d.choices} == {True, False} and d.roles and d.splits and d.moves and d.joined
    assert len(d.edits) == 3 and all(OFFSET_ID.match(b) for b in _block_ids(d))


def test_a_format_1_session_opens_with_every_decision_and_the_same_clean_page(seed, old_session):
    page = load_page(seed)
    analysis = analyse(page)
    before = old_session.read_bytes()
    result = load_session(seed, page, analysis)
    old = _v1_decisions()
    assert result.lost == () and result.notes == () and not result.page_changed
    assert result.restored == result.total == 13
    assert result.summary() == f"Restored 13 decision(s) from {old_session.name}."
    d = result.decisions
    assert [len(getattr(d, f)) for f in ("choices", "roles", "edits", "moves", "splits", "joined")] == \
        [len(getattr(old, f)) for f in ("choices", "roles", "edits", "moves", "splits", "joined")]
    assert d.splits == old.splits and [a for _, a in d.choices] == [a for _, a in old.choices]
    assert not any(OFFSET_ID.match(b) for b in _block_ids(d))  # content ids now
    assert {s.id for s in analysis.suggestions} >= {sid for sid, _ in d.choices}
    assert _clean(analysis, d) == V1_CLEAN
    assert result.status == "review" and old_session.read_bytes() == before  # loading never writes


def test_a_format_1_session_on_a_changed_page_is_placed_by_its_fingerprints(seed, old_session):
    seed.write_bytes(b"\r\n\r\n" + seed.read_bytes().replace(b"\n", b"\r\n"))  # a blank line above, CRLF
    page = load_page(seed)
    analysis = analyse(page)
    result = load_session(seed, page, analysis)
    assert result.page_changed and result.lost == ()
    assert result.restored == result.total == 13
    assert _clean(analysis, result.decisions) == V1_CLEAN


def test_saving_a_migrated_session_writes_format_2_and_keeps_the_old_file(seed, old_session):
    page = load_page(seed)
    analysis = analyse(page)
    decisions = load_session(seed, page, analysis).decisions
    save_session(seed, page, decisions, analysis=analysis)
    (backup,) = seed.parent.glob(f"{old_session.name}.bak-*")  # an older kexie cannot read format 2
    assert backup.read_bytes() == V1.read_bytes()
    assert read_session_file(old_session)["version"] == VERSION
    again = load_session(seed, page, analysis)
    assert again.decisions == decisions and _clean(analysis, again.decisions) == V1_CLEAN
    save_session(seed, page, decisions, analysis=analysis)  # format 2 over format 2: no second copy
    assert len(list(seed.parent.glob(f"{old_session.name}.bak-*"))) == 1


def test_on_its_own_page_a_format_1_session_needs_no_fingerprints(seed, old_session):
    """Its offset ids are translated, not searched for: a format-1 autosave made without analysis held none."""
    doc = json.loads(old_session.read_text(encoding="utf-8"))
    doc["anchors"] = {}
    old_session.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page = load_page(seed)
    analysis = analyse(page)
    result = load_session(seed, page, analysis)
    assert result.lost == () and result.restored == result.total == 13
    assert _clean(analysis, result.decisions) == V1_CLEAN
