"""Properties of sessions over generated pages and decisions:

- save, load, apply gives the same clean articles;
- a session survives a round trip after every change of decisions;
- adding or removing blank lines at the page top (every raw offset moves) loses nothing.
"""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_gui.core import Decisions, analyse, apply, page_from_text
from kexie_gui.core.apply import split_blocks_at
from kexie_gui.core.model import EDITABLE_ROLES
from kexie_gui.session import load_session, save_session

from .conftest import SEED, articles

HAN = "科协技术创新服务发展工作组织会议活动全市县区专家群众建设推动开展基地教育青少年"
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])


@st.composite
def sentence(draw):
    body = draw(st.text(alphabet=HAN, min_size=4, max_size=24))
    if draw(st.booleans()):
        body += draw(st.sampled_from("，,")) + draw(st.text(alphabet=HAN, min_size=2, max_size=16))
    return body + draw(st.sampled_from("。."))


@st.composite
def page_text(draw):
    """A blank-line page: headlines, paragraphs (some cut by a column break), bylines, repeats, furniture."""
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        blocks.append(draw(st.text(alphabet=HAN, min_size=6, max_size=16)))
        for n in range(draw(st.integers(1, 4))):
            p = ("本报讯 近日，" if n == 0 else "") + draw(sentence()) + draw(sentence())
            cut = draw(st.integers(0, len(p)))
            blocks += [p[:cut], p[cut:]] if 3 < cut < len(p) - 3 else [p]
        if draw(st.booleans()):
            blocks.append("（" + draw(st.text(alphabet=HAN, min_size=2, max_size=3)) + "）")
    if draw(st.booleans()) and len(blocks) > 3:
        start = draw(st.integers(1, len(blocks) - 2))
        blocks += blocks[start:start + draw(st.integers(1, 3))]
    if draw(st.booleans()):
        blocks.insert(draw(st.integers(0, len(blocks))),
                      draw(st.sampled_from(["第3版", "责任编辑：张三", "图为活动现场。", "（下转第2版）"])))
    gaps = [draw(st.sampled_from(["\n\n", "\n\n\n"])) for _ in blocks]
    return "".join(b + g for b, g in zip(blocks, gaps, strict=True))


CHANGES = ["choice"] * 3 + ["role", "edit", "move", "split"] * 2 + ["unchoice", "unrole", "unedit", "unsplit"]


def change(draw, analysis, d: Decisions) -> Decisions:
    """One change an editor can make, drawn at random."""
    blocks = split_blocks_at(analysis.blocks, d.splits)
    what = draw(st.sampled_from(CHANGES))
    if what == "choice" and analysis.suggestions:
        s = draw(st.sampled_from(analysis.suggestions))
        return d.with_choice(s.id, draw(st.booleans()))
    if what == "unchoice" and d.choices:
        return d.with_choice(draw(st.sampled_from(d.choices))[0], None)
    if what == "role":
        return d.with_role(draw(st.sampled_from(blocks)).id, draw(st.sampled_from(EDITABLE_ROLES)))
    if what == "unrole" and d.roles:
        return d.with_role(draw(st.sampled_from(d.roles))[0], None)
    if what == "edit":
        clean = apply(analysis, d)
        art = draw(st.sampled_from(clean.articles))
        places = [(k, str(p)) for k, p in zip(art.paragraph_keys, art.paragraphs, strict=True)]
        places.append((f"{art.key}:title", str(art.title)))
        places.append((f"{art.key}:byline", str(art.byline or "")))
        key, old = draw(st.sampled_from(places))
        return d.with_edit(key, old, old + draw(st.text(alphabet=HAN + "，。", min_size=1, max_size=5)))
    if what == "unedit" and d.edits:
        return d.with_edit(draw(st.sampled_from(d.edits))[0], "", None)
    if what == "move" and len(blocks) > 1:
        a = draw(st.sampled_from(blocks)).id
        before = draw(st.sampled_from([b.id for b in blocks if b.id != a] + [""]))
        return d.with_move(a, before)
    if what == "split":
        long = [b for b in blocks if len(b.text) > 3]
        if long:
            b = draw(st.sampled_from(long))
            offset = b.text.raw_offset(draw(st.integers(1, len(b.text) - 1)))
            if offset is not None and b.start < offset < b.end:
                return d.with_split(offset)
    if what == "unsplit" and d.splits:
        return d.without_split(draw(st.sampled_from(d.splits)))
    return d


@contextmanager
def fresh_page():
    """A page path in a folder of its own, removed after the example."""
    with tempfile.TemporaryDirectory(prefix="kexie-session-") as folder:
        yield Path(folder) / "page.txt"


@SETTINGS
@given(text=page_text(), data=st.data())
def test_save_load_apply_gives_the_same_articles(text, data):
    page = page_from_text(text, "page.txt")
    analysis = analyse(page)
    d = Decisions()
    for _ in range(data.draw(st.integers(0, 16))):
        d = change(data.draw, analysis, d)
    with fresh_page() as path:
        save_session(path, page, d, analysis=analysis)
        result = load_session(path, page, analysis)
        assert result.decisions == d and result.lost == ()
    assert apply(analysis, result.decisions) == apply(analysis, d)


@SETTINGS
@given(data=st.data())
def test_a_session_survives_every_change_of_decisions(data):
    text = data.draw(st.one_of(page_text(), st.just(SEED.read_text(encoding="utf-8"))))
    page = page_from_text(text, "page.txt")
    analysis = analyse(page)
    d = Decisions()
    with fresh_page() as path:
        for _ in range(data.draw(st.integers(1, 10))):
            d = change(data.draw, analysis, d)
            save_session(path, page, d, analysis=analysis, extra={"status": "review"})
            result = load_session(path, page, analysis)
            assert result.decisions == d and result.status == "review"


@SETTINGS
@given(data=st.data())
def test_blank_lines_added_or_removed_at_the_top_lose_nothing(data):
    text = data.draw(st.one_of(page_text(), st.just(SEED.read_text(encoding="utf-8"))))
    lead = data.draw(st.sampled_from(["", "\n", "\n\n", "\n\n\n\n"]))
    before_text = lead + text
    after_text = data.draw(st.sampled_from(["\n", "\n\n\n", "", " \n\n"])) + text.lstrip("\n")
    if after_text == before_text:
        after_text = "\n" + after_text
    page = page_from_text(before_text, "page.txt")
    analysis = analyse(page)
    d = Decisions()
    for _ in range(data.draw(st.integers(1, 16))):
        d = change(data.draw, analysis, d)
    page2 = page_from_text(after_text, "page.txt")
    analysis2 = analyse(page2)
    with fresh_page() as path:
        save_session(path, page, d, analysis=analysis)
        result = load_session(path, page2, analysis2)
    assert result.page_changed
    assert result.lost == (), [x.message.render("en") for x in result.lost]
    assert articles(analysis2, result.decisions) == articles(analysis, d)
