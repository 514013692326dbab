"""Markdown: front matter that any title survives, one heading per article, no accidental syntax."""
from __future__ import annotations

import json

import pytest

from kexie_gui.core.model import CleanPage
from kexie_gui.export import ExportOptions, render, render_article
from kexie_gui.export.markdown import escape_inline, escape_line, yaml_string


def split_front_matter(text: str) -> tuple[dict, str]:
    """Parse ``key: <json value>`` lines between the ``---`` fences; return (fields, body)."""
    lines = text.split("\n")
    assert lines[0] == "---", "front matter must open the file"
    end = lines.index("---", 1)
    fields = {}
    for line in lines[1:end]:
        key, _, value = line.partition(": ")
        assert key and key not in fields, line
        fields[key] = json.loads(value)
    return fields, "\n".join(lines[end + 1:])


def headings(body: str) -> list[str]:
    return [line[2:] for line in body.split("\n") if line.startswith("# ")]


def test_page_front_matter_and_one_heading_per_article(seed_page):
    text = render(seed_page, "md").decode("utf-8")
    fields, body = split_front_matter(text)
    assert fields == {"source": seed_page.source, "articles": 4}
    assert headings(body) == [str(a.title) for a in seed_page.articles]
    for article in seed_page.articles:
        for paragraph in article.paragraphs:
            assert str(paragraph) in body  # Chinese text is never escaped
        assert str(article.byline) in body


def test_article_front_matter(full_page):
    fields, body = split_front_matter(render_article(full_page, 0, "md").decode("utf-8"))
    assert fields == {
        "title": '科普:什么是"AI"?',
        "subtitle": "——记某某科技志愿服务队",
        "byline": "记者 张三",
        "section": "学会改革先行者",
        "source": "/pages/2024-05-01 第3版.txt",
        "position": 1,
    }
    assert headings(body) == ['科普:什么是"AI"?']
    assert "*——记某某科技志愿服务队*" in body.split("\n")
    assert body.rstrip("\n").endswith("记者 张三")


def test_missing_parts_are_null_and_position_counts_from_one(full_page):
    fields, _ = split_front_matter(render_article(full_page, 1, "md").decode("utf-8"))
    assert fields["subtitle"] is None and fields["section"] is None
    assert fields["byline"] == "李四" and fields["position"] == 2


def test_an_empty_title_is_never_an_empty_heading(full_page):
    """Issue 10: an untitled article gets no "#" line; in a page a thematic break keeps it apart."""
    _, body = split_front_matter(render_article(full_page, 2, "md").decode("utf-8"))
    assert "#" not in body.split() and body.strip() == "没有标题的一篇。"
    _, body = split_front_matter(render(full_page, "md").decode("utf-8"))
    lines = body.split("\n")
    assert "#" not in lines and lines[-4:] == ["* * *", "", "没有标题的一篇。", ""]


@pytest.mark.parametrize("value", [
    'quote " and backslash \\', "冒号: 和 # 井号", "- 列表", "[链接]", "{花括号}", "yes", "null", "123",
    "行一\n行二", "\t制表", "NEL\x85", "分隔\u2028符", "删除\x7f", "BOM\ufeff", "'单引号'", "& * ! % @ `",
])
def test_yaml_strings_are_json_and_single_line(value):
    quoted = yaml_string(value)
    assert "\n" not in quoted and "\u2028" not in quoted and "\x85" not in quoted
    assert json.loads(quoted) == value


def test_yaml_strings_read_back_with_a_yaml_parser():
    yaml = pytest.importorskip("yaml")
    values = ['quote " and \\', "冒号: 井号 #", "行一\n行二", "NEL\x85", "分隔\u2028符", "yes", "~",
              "BOM\ufeff", "删除\x7f"]
    doc = "\n".join(f"k{i}: {yaml_string(v)}" for i, v in enumerate(values))
    assert yaml.safe_load(doc) == {f"k{i}": v for i, v in enumerate(values)}


@pytest.mark.parametrize("line, escaped", [
    ("# 不是标题", "\\# 不是标题"),
    ("## 二", "\\## 二"),
    ("> 不是引用", "\\> 不是引用"),
    ("- 不是列表", "\\- 不是列表"),
    ("+ 不是列表", "\\+ 不是列表"),
    ("* 不是列表", "\\* 不是列表"),
    ("1. 不是编号", "1\\. 不是编号"),
    ("2024) 年", "2024\\) 年"),
    ("| 表格 |", "\\| 表格 \\|"),
    ("===", "\\==="),
    ("---", "\\---"),
    ("```代码", "\\`\\`\\`代码"),
    ("~~~", "\\~~~"),
    ("    四个空格", "四个空格"),
    ("\t制表", "制表"),
    ("　　全角空格保留", "　　全角空格保留"),
    ("正文*强调*_下划线_", "正文\\*强调\\*\\_下划线\\_"),
    ("[链接](http://x)", "\\[链接\\](http://x)"),
    ("<b>标签</b>", "\\<b\\>标签\\</b\\>"),
    ("反斜杠\\", "反斜杠\\\\"),
    ("&amp; 与 &#20013;", "\\&amp; 与 \\&#20013;"),
    ("A&B 公司", "A&B 公司"),
    ("2024年5月1日，科协“科创中国”（试点）。", "2024年5月1日，科协“科创中国”（试点）。"),
])
def test_escape_line(line, escaped):
    assert escape_line(line) == escaped


def test_escape_inline_keeps_chinese_punctuation():
    text = "“引号”‘单引’（括号）【方括号】《书名》——破折号…省略号·间隔号"
    assert escape_inline(text) == text


def test_title_hashes_are_escaped(make_article):
    page = CleanPage(source="p.txt", articles=(make_article("标题 #1 #"),))
    _, body = split_front_matter(render(page, "md").decode("utf-8"))
    assert headings(body) == ["标题 \\#1 \\#"]


def test_multiline_paragraph_keeps_each_line_safe(make_article):
    page = CleanPage(source="p.txt", articles=(make_article("T", ("第一行\n# 第二行\n\n- 第三行",)),))
    body = render(page, "md").decode("utf-8")
    assert "第一行\n\\# 第二行\n\\- 第三行" in body


def test_crlf_option(seed_page):
    data = render(seed_page, "md", ExportOptions(newline="\r\n"))
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_rendered_html_shows_text_literally(full_page):
    """With a CommonMark parser available, check the escapes really neutralise the syntax."""
    markdown_it = pytest.importorskip("markdown_it")
    _, body = split_front_matter(render(full_page, "md").decode("utf-8"))
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(body)
    kinds = {t.type for t in tokens}
    assert kinds <= {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline", "hr"}
    titled = [a for a in full_page.articles if str(a.title)]
    assert sum(t.type == "heading_open" for t in tokens) == len(titled)
    assert sum(t.type == "hr" for t in tokens) == len(full_page.articles) - len(titled)  # the untitled one
    inline_children = {c.type for t in tokens if t.type == "inline" for c in t.children}
    assert "em_open" in inline_children  # only the subtitle is emphasised
    html = markdown_it.MarkdownIt("commonmark").render(body)
    assert html.count("<em>") == 1
    assert "# 不是标题" in html and "- 不是列表" in html and "1. 不是编号" in html
    assert "正文*强调*_下划线_" in html
