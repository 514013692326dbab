"""Hypothesis strategies and checks for fuzzing the loaders (page bytes, session JSON, autosave JSON).

Shared by the bounded tests (``tests/test_fuzz_loaders.py``) and the longer
run (``tools/fuzz_loaders.py``).  The rule each check enforces: a loader
raises its documented error type (:class:`LoadError`, :class:`SessionError`)
or returns something usable -- never any other exception.
"""
from __future__ import annotations

import codecs
import functools
import json
import random
from pathlib import Path

from hypothesis import strategies as st

from kexie_gui.autosave import AutosaveStore
from kexie_gui.core import Decisions, LoadError, analyse, load_page, page_from_bytes
from kexie_gui.session import SessionError, parse_session, restore_decisions, session_document

SEED = Path(__file__).resolve().parent / "data" / "000_57b0e2a3ead17231.txt"
TEXTS = ["科协新闻标题\n\n本报讯 近日，某市科协召开工作会议。\n", "Hello, world.\n", "5G科普体验馆开馆\r\n",
         "crème brûlée\n", "本報訊 記者從市科協獲悉。\n", "Привет\n", "一带一路\n"]
CODECS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5", "cp1252", "latin-1"]


# ---------------------------------------------------------------- page bytes

@st.composite
def damaged_text(draw) -> bytes:
    """A text in some encoding, then cut, with NULs, invalid bytes or a BOM of another encoding spliced in."""
    text = draw(st.sampled_from(TEXTS)) * draw(st.integers(1, 5))
    codec = draw(st.sampled_from(CODECS))
    try:
        data = bytearray(text.encode(codec))
    except UnicodeEncodeError:
        data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        junk = draw(st.sampled_from([b"\x00", b"\x00\x00", b"\xff", b"\x80", b"\xfe\xff", codecs.BOM_UTF8, b"\r",
                                     b"\x1b", b"\xe5\xbe"]))
        data[at:at] = junk
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return bytes(data)


def page_bytes():
    return st.one_of(st.binary(max_size=600), damaged_text())


def check_page_bytes(data: bytes) -> None:
    try:
        page = page_from_bytes(data, "fuzz.txt")
    except LoadError as exc:
        assert "fuzz.txt" in str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in page.text and "\x00" not in page.text and page.text.strip()
    assert page.reading is not None and page.reading.describe()


# ---------------------------------------------------------------- session and autosave JSON

@functools.lru_cache(maxsize=1)
def seed_state():
    """The seed page, its analysis, and a session document holding one decision of every sort."""
    page = load_page(SEED)
    analysis = analyse(page)
    d = Decisions()
    for s in analysis.suggestions[::4]:
        d = d.with_choice(s.id, not s.default)
    body = [b for b in analysis.blocks if len(b.text) > 20]
    d = (d.with_role(body[0].id, "subtitle").with_move(body[-1].id, body[1].id)
         .with_split(body[2].text.raw_offset(8)).with_edit(body[3].id, str(body[3].text), "改过的段落。"))
    doc = session_document(SEED, page, d, analysis, {"status": "review"})
    return page, analysis, json.loads(json.dumps(doc))


ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
    st.sampled_from(["false", "true", "1.5", "ab", "b0", "title", "", "emperor"]),
    st.lists(st.integers(), max_size=3), st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
RAW_VALUES = ["1e400", "-1e400", "NaN", "Infinity", "9" * 5000, "[" * 3000 + "]" * 3000, '"\\ud800"', "1.5"]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _replace(doc, path, new):
    if not path:
        return new
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return doc


@st.composite
def session_bytes(draw, base=None) -> bytes:
    """A real session document with one to three values replaced by odd ones, or by raw JSON kexie never writes."""
    doc = json.loads(json.dumps(base if base is not None else seed_state()[2]))
    raw = {}
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(doc))
        path = draw(st.sampled_from(paths))
        if draw(st.integers(0, 4)) == 0:
            marker = f"@RAW{len(raw)}@"
            raw[json.dumps(marker)] = draw(st.sampled_from(RAW_VALUES))
            doc = _replace(doc, path, marker)
        else:
            doc = _replace(doc, path, draw(ODD_VALUES))
    text = json.dumps(doc, ensure_ascii=False)
    for marker, value in raw.items():
        text = text.replace(marker, value)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = data[:draw(st.integers(0, len(data)))]
    return data


def check_session_bytes(data: bytes) -> None:
    page, analysis, _ = seed_state()
    try:
        doc = parse_session(data, "fuzz.kexie.json")
    except SessionError as exc:
        assert "fuzz.kexie.json" in str(exc) and "\n" not in str(exc)
        return
    result = restore_decisions(doc, page, analysis)  # a checked document must restore without an error
    assert result.restored + len(result.lost) <= result.total
    from kexie_gui.core import apply

    apply(analysis, result.decisions)


@functools.lru_cache(maxsize=1)
def autosave_base() -> dict:
    _, _, doc = seed_state()
    doc = dict(doc)
    doc["autosave"] = {"page_key": str(SEED), "pid": 1, "project_dir": None}
    return doc


def check_autosave_bytes(data: bytes, root: Path) -> None:
    """A store holding one good autosave and ``data``: pending() never raises and still offers the good one."""
    store = AutosaveStore(root)
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():
        old.unlink()
    page, analysis, _ = seed_state()
    good = f"good-{random.random()}"
    store.save(good, SEED, page.sha256, Decisions().with_choice(analysis.suggestions[0].id, False), {},
               analysis=analysis)
    (root / f"zz-fuzz{'.autosave.json'}").write_bytes(data)
    found = store.pending()
    assert good in [r.page_key for r in found]
    assert len(found) + len(store.problems) <= 2
