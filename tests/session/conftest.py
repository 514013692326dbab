"""Sessions and autosaves in a private data folder, with the seed page and small pages to edit."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kexie_gui.core import Decisions, analyse, apply, load_page

SEED = Path(__file__).resolve().parent.parent / "data" / "000_57b0e2a3ead17231.txt"

SMALL = (
    "成都市科协召开学会工作座谈会\n\n"
    "本报讯 近日，成都市科协召开学会工作座谈会，37家市级学会负责人参加会议。\n\n"
    "会议总结了一年来的学会工作，分析了当前存在的问题，\n\n"
    "并对下一步工作作了安排。\n\n"
    "市科协负责人指出，学会要聚焦主责主业，把服务科技工作者作为立会之本。\n\n"
    "（本报记者 王敏）\n\n"
    "绵竹市科协举办科普培训班\n\n"
    "日前，绵竹市科协举办科普志愿者骨干培训班，120余名志愿者参加培训。\n\n"
    "责任编辑：李华\n"
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data folder."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("KEXIE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seed(tmp_path):
    """A copy of the seed page in its own folder."""
    folder = tmp_path / "pages"
    folder.mkdir()
    path = folder / SEED.name
    shutil.copy(SEED, path)
    return path


@pytest.fixture
def small(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    path = folder / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def opened(path):
    page = load_page(path)
    return page, analyse(page)


def articles(analysis, decisions):
    """What the editor sees and exports, without ids (they move when the raw page changes)."""
    clean = apply(analysis, decisions)
    return ([a.to_dict() for a in clean.articles],
            sorted((r.text, r.reason) for r in clean.removed))


def busy_decisions(analysis) -> Decisions:
    """One decision of every sort on a page: choices, roles, edits, moves, splits."""
    d = Decisions()
    for s in analysis.suggestions[::3]:
        d = d.with_choice(s.id, not s.default)
    blocks = analysis.blocks
    body = [b for b in blocks if len(b.text) > 20]
    d = d.with_role(body[0].id, "subtitle")
    d = d.with_move(body[-1].id, body[1].id)
    d = d.with_split(body[2].text.raw_offset(8))
    clean = apply(analysis, d)
    art = clean.articles[-1]
    d = d.with_edit(art.paragraph_keys[0], str(art.paragraphs[0]), str(art.paragraphs[0]) + "（已核）")
    d = d.with_edit(f"{art.key}:title", str(art.title), "编辑改过的标题")
    return d
