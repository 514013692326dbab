"""Plain text and JSON: the formats a script or a content system reads."""
from __future__ import annotations

import json

from kexie_gui.core.model import CleanPage
from kexie_gui.export import ExportOptions, render, render_article


def test_json_is_to_dict(seed_page):
    data = render(seed_page, "json")
    assert json.loads(data) == seed_page.to_dict()
    text = data.decode("utf-8")
    assert "德阳市" in text and "\\u" not in text  # ensure_ascii=False
    assert text.startswith('{\n "source"')  # indent=1
    assert text.endswith("}\n")


def test_json_matches_the_gold_articles(seed_page, seed_gold_path):
    gold = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    exported = json.loads(render(seed_page, "json"))
    for want, got in zip(gold["articles"], exported["articles"], strict=True):
        assert got["title"] == want["title"]
        assert got["paragraphs"] == want["paragraphs"]
        assert got["byline"] == want["byline"]


def test_json_per_article_keeps_the_page_shape(full_page):
    data = json.loads(render_article(full_page, 1, "json"))
    assert list(data) == ["source", "position", "articles", "removed"]
    assert data["position"] == 2
    assert data["articles"] == [full_page.articles[1].to_dict()]


def test_text_layout(full_page):
    lines = render(full_page, "txt").decode("utf-8").split("\n")
    assert lines[:4] == ["【学会改革先行者】", '科普:什么是"AI"?', "——记某某科技志愿服务队", ""]
    assert lines[4] == "\u3000\u3000# 不是标题"  # no markup in plain text: kept as is
    assert "记者 张三" in lines
    assert lines[-1] == ""  # ends with a newline


def test_text_has_every_paragraph_once(seed_page):
    text = render(seed_page, "txt").decode("utf-8")
    for article in seed_page.articles:
        assert text.count(str(article.title)) >= 1
        for paragraph in article.paragraphs:
            assert text.count("\u3000\u3000" + str(paragraph)) == 1


def test_text_options(seed_page):
    data = render(seed_page, "txt", ExportOptions(txt_indent="", newline="\r\n", txt_bom=True))
    assert data.startswith("\ufeff".encode("utf-8"))
    text = data.decode("utf-8-sig")
    assert "\u3000" not in text and "\r\n" in text and "\n" not in text.replace("\r\n", "")


def test_text_per_article(full_page):
    text = render_article(full_page, 1, "txt").decode("utf-8")
    assert text == "第二篇\n\n\u3000\u3000第一段。\n\u3000\u3000第二段。\n\u3000\u3000第三段。\n\n李四\n"


def test_empty_page_gives_valid_files():
    empty = CleanPage(source="empty.txt", articles=())
    assert json.loads(render(empty, "json"))["articles"] == []
    assert render(empty, "md").decode("utf-8").startswith("---\n")
    assert render(empty, "txt") == b"\n"
    assert render(empty, "docx").startswith(b"PK")
