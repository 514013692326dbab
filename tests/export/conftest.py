"""Clean pages built by hand, and the seed page's gold as a realistic one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kexie_gui.core.model import CleanArticle, CleanPage, Text

DATA = Path(__file__).resolve().parent.parent / "data"
SEED_GOLD = DATA / "000_57b0e2a3ead17231.gold.json"


def _opt(value):
    return None if value in (None, "") else Text(value)


def page_from_gold(path: Path) -> CleanPage:
    """A CleanPage holding exactly the articles of a gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return CleanPage(
        source=data.get("source") or path.name,
        articles=tuple(
            CleanArticle(key=f"a{i}", title=Text(a["title"]), subtitle=_opt(a.get("subtitle")),
                         paragraphs=tuple(Text(p) for p in a["paragraphs"]),
                         byline=_opt(a.get("byline")), section=a.get("section"))
            for i, a in enumerate(data["articles"])
        ),
    )


def article(title="标题", paragraphs=("正文。",), subtitle=None, byline=None, section=None, key="b0"):
    return CleanArticle(key=key, title=Text(title), subtitle=_opt(subtitle),
                        paragraphs=tuple(Text(p) for p in paragraphs), byline=_opt(byline),
                        section=section)


@pytest.fixture
def make_article():
    """``make_article(title, paragraphs, subtitle=, byline=, section=, key=)``."""
    return article


@pytest.fixture
def seed_gold_path() -> Path:
    return SEED_GOLD


@pytest.fixture
def seed_page() -> CleanPage:
    return page_from_gold(SEED_GOLD)


@pytest.fixture
def full_page() -> CleanPage:
    """Every optional part present, with text that looks like syntax to Markdown and YAML."""
    return CleanPage(source="/pages/2024-05-01 第3版.txt", articles=(
        article("科普:什么是\"AI\"?", ("# 不是标题", "- 不是列表", "1. 不是编号", "正文*强调*_下划线_"),
                subtitle="——记某某科技志愿服务队", byline="记者 张三", section="学会改革先行者", key="b0"),
        article("第二篇", ("第一段。", "第二段。", "第三段。"), byline="李四", key="b9"),
        article("", ("没有标题的一篇。",), key="b20"),
    ))
