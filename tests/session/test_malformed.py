"""Issue 10 rows of kept work: one session file per page file, malformed sessions and autosaves
refused cleanly (the page opens without them, the file stays), only decisions that take effect counted.
"""
from __future__ import annotations

import json

import pytest

from kexie_gui.autosave import AUTOSAVE_SUFFIX, AutosaveStore
from kexie_gui.core import Decisions
from kexie_gui.session import (
    SESSION_SUFFIX,
    SessionError,
    legacy_session_files,
    load_session,
    parse_session,
    save_session,
    session_candidates,
    session_path_for,
)

from .conftest import SMALL, busy_decisions, opened

# ---------------------------------------------------------------- one session file per page file

def test_two_pages_share_no_session_file(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    names = ["page.txt", "page.TXT", "page.md"]
    for n, name in enumerate(names):
        (folder / name).write_text(SMALL.replace("成都市", f"第{n}个城市"), encoding="utf-8")
    paths = {session_path_for(folder / name) for name in names}
    assert len(paths) == 3 and {p.name for p in paths} == {f"{n}{SESSION_SUFFIX}" for n in names}
    first, analysis = opened(folder / "page.txt")
    d = busy_decisions(analysis)
    save_session(folder / "page.txt", first, d, analysis=analysis)
    for other in ("page.TXT", "page.md"):
        page, analysis = opened(folder / other)
        assert not load_session(folder / other, page, analysis).found  # not the first page's decisions


def _legacy_session(page_path, page, decisions, analysis):
    """A session as kexie wrote it before: PAGE.kexie.json, named after the page without its suffix."""
    new = save_session(page_path, page, decisions, analysis=analysis)
    old = page_path.with_name(page_path.stem + SESSION_SUFFIX)
    new.rename(old)
    return old


def test_an_old_session_file_is_found_for_its_own_page_only_and_migrated_on_save(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    txt, upper = folder / "page.txt", folder / "page.TXT"
    txt.write_text(SMALL, encoding="utf-8")
    upper.write_text(SMALL.replace("成都市", "自贡市"), encoding="utf-8")
    page, analysis = opened(txt)
    d = busy_decisions(analysis)
    old = _legacy_session(txt, page, d, analysis)
    before = old.read_bytes()
    assert session_candidates(txt) == [old] and legacy_session_files(upper) == []
    result = load_session(txt, page, analysis)
    assert result.decisions == d and old.read_bytes() == before  # found; loading never writes
    up_page, up_analysis = opened(upper)
    assert not load_session(upper, up_page, up_analysis).found  # page.TXT does not get page.txt's decisions
    new = save_session(txt, page, d.with_choice(analysis.suggestions[0].id, True), analysis=analysis)
    assert new.name == "page.txt" + SESSION_SUFFIX and not old.exists()  # migrated
    assert session_candidates(txt) == [new]


# ---------------------------------------------------------------- malformed sessions

def _session_bytes(seed, decisions_json: str) -> str:
    page, analysis = opened(seed)
    path = save_session(seed, page, Decisions(), analysis=analysis)
    empty = '"decisions": {"choices": {}, "roles": {}, "edits": {}, "moves": [], "splits": [], "joined": []}'
    doc = path.read_text(encoding="utf-8")
    assert empty in doc
    return doc.replace(empty, f'"decisions": {decisions_json}')


MALFORMED = {
    "deep nesting": '{"choices": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "5000-digit integer": '{"splits": [' + "7" * 5000 + "]}",
    "[1e400]": '{"splits": [1e400]}',
    "NaN": '{"splits": [NaN]}',
    "Infinity": '{"splits": [Infinity]}',
    '"false" is not true': '{"choices": {"join-0123456789": "false"}}',
    "1.5 is not a split position": '{"splits": [1.5]}',
    "true is not a split position": '{"splits": [true]}',
    '"ab" is not an edit pair': '{"edits": {"b0": "ab"}}',
    "three texts are not an edit pair": '{"edits": {"b0": ["a", "b", "c"]}}',
    "a move of one block": '{"moves": [["b0"]]}',
    "an unknown role": '{"roles": {"b0": "emperor"}}',
}


@pytest.mark.parametrize("decisions_json", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_session_is_refused_cleanly_and_left_untouched(seed, decisions_json):
    text = _session_bytes(seed, decisions_json)
    session = seed.with_name(seed.name + SESSION_SUFFIX)
    session.write_text(text, encoding="utf-8")
    before = session.read_bytes()
    page, analysis = opened(seed)
    with pytest.raises(SessionError) as err:  # and nothing else: no RecursionError, ValueError, OverflowError
        load_session(seed, page, analysis)
    message = str(err.value)
    assert message.startswith(str(session)) and "damaged" in message and "\n" not in message
    assert len(message) < 400
    assert session.read_bytes() == before


def test_a_session_referencing_blocks_that_do_not_exist_counts_only_what_took_effect(seed):
    page, analysis = opened(seed)
    real = analysis.suggestions[0]
    d = Decisions().with_choice(real.id, not real.default)
    session = save_session(seed, page, d, analysis=analysis)
    doc = json.loads(session.read_text(encoding="utf-8"))
    doc["decisions"]["roles"] = {f"b{900000 + n}": "title" for n in range(5)}  # no such blocks, no fingerprints
    doc["decisions"]["choices"]["join-ffffffffff"] = True  # no such suggestion
    doc["decisions"]["splits"] = [10**9]  # no such place
    session.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = load_session(seed, page, analysis)
    assert result.total == 8 and result.restored == 1  # not "Restored 8 decision(s)"
    assert len(result.lost) == 7 and result.decisions == d
    assert "1 of 8 decision(s) restored, 7 could not be placed" in result.summary()
    said = [lost.message.render("en") for lost in result.lost]
    assert all("not on this page" in x or "no such suggestion" in x for x in said), said


# ---------------------------------------------------------------- malformed autosaves

@pytest.fixture
def store(tmp_path):
    return AutosaveStore(tmp_path / "userdata" / "autosave")


BAD_AUTOSAVES = {
    '"splits": [1e400]': lambda doc: doc["decisions"].__setitem__("splits", "@INF@"),
    '"saved_at": NaN': lambda doc: doc.__setitem__("saved_at", "@NAN@"),
    "a pid too large for the system": lambda doc: doc["autosave"].__setitem__("pid", 10**30),
    "deep nesting": lambda doc: doc.__setitem__("extra", "@DEEP@"),
}


@pytest.mark.parametrize("damage", BAD_AUTOSAVES.values(), ids=BAD_AUTOSAVES.keys())
def test_one_malformed_autosave_does_not_block_recovery_of_the_others(store, tmp_path, damage):
    pages = []
    for name in ("one", "two", "three"):
        path = tmp_path / f"{name}.txt"
        path.write_text(SMALL.replace("成都市", f"{name}市"), encoding="utf-8")
        page, analysis = opened(path)
        store.save(str(path), path, page.sha256, busy_decisions(analysis), {}, analysis=analysis)
        pages.append(path)
    bad = store.path_for(str(pages[1]))
    doc = json.loads(bad.read_text(encoding="utf-8"))
    damage(doc)
    text = json.dumps(doc).replace('"@INF@"', "[1e400]").replace('"@NAN@"', "NaN")
    text = text.replace('"@DEEP@"', "[" * 50_000 + "]" * 50_000)
    bad.write_text(text, encoding="utf-8")
    found = store.pending()
    assert sorted(r.page_key for r in found) == sorted(str(p) for p in (pages[0], pages[2]))
    assert len(store.problems) == 1 and str(bad) in store.problems[0] and "set aside as" in store.problems[0]
    (aside,) = store.root.glob(f"*{AUTOSAVE_SUFFIX}.damaged-*")
    assert aside.read_text(encoding="utf-8") == text and not bad.exists()
    assert len(store.pending()) == 2 and store.problems == []  # the next start is not blocked either


def test_parse_session_raises_nothing_but_session_errors():
    for data in (b"[" * 200_000, b'{"format": "kexie-session", "version": ' + b"9" * 5000 + b"}", b"\x00\xff",
                 b'{"format": "kexie-session", "version": 1, "page": {"sha256": "x"}, "saved_at": true}'):
        with pytest.raises(SessionError):
            parse_session(data, "s.json")
