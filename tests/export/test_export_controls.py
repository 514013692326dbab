"""Issue 10: control characters are removed the same way in every format; no empty ``#`` heading."""
from __future__ import annotations

import io
import json

import docx
import pytest

from kexie_gui.core.model import CleanPage
from kexie_gui.export import FORMATS, render, render_article

CONTROLS = "\x00\x07\x08\x0b\x0c\x1b\x7f\x80\x85\x9b\x9f\ufffe"


def _controls_in(text: str) -> set[str]:
    return {ch for ch in text if (ord(ch) < 32 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F
            or ch in "\ufffe\uffff"}


def visible_parts(data: bytes, fmt: str) -> list[str]:
    """The texts an editor reads in an exported file, in order, whatever the format."""
    if fmt == "json":
        doc = json.loads(data.decode("utf-8"))
        out = []
        for a in doc["articles"]:
            out += [a["title"], *(a["paragraphs"]), a["byline"]]
        return out
    if fmt == "docx":
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]
    text = data.decode("utf-8-sig")
    if fmt == "md":
        text = text.split("\n---\n", 1)[1]
    return [line.strip().lstrip("#").strip() for line in text.split("\n") if line.strip()]


@pytest.fixture
def dirty_page(make_article) -> CleanPage:
    return CleanPage(source="p.txt", articles=(
        make_article("科协\x1b新闻\x7f标题\x9b", ("正文\x00第一段\x85。", "第二段\x0c含\x80控制\ufffe字符。"),
                     byline="记者\x1b 王某"),))


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_are_removed_in_every_format(dirty_page, fmt):
    data = render(dirty_page, fmt)
    text = data.decode("utf-8", errors="replace") if fmt != "docx" else " ".join(visible_parts(data, fmt))
    assert not _controls_in(text), (fmt, _controls_in(text))
    assert "\\u001b" not in text and "\\u007f" not in text and "\\u0085" not in text  # not kept as JSON escapes
    one = render_article(dirty_page, 0, fmt)
    assert not _controls_in(one.decode("utf-8", errors="replace") if fmt != "docx" else
                            " ".join(visible_parts(one, fmt)))


def test_control_characters_are_removed_the_same_way_in_every_format(dirty_page):
    expected = "科协新闻标题正文第一段。第二段含控制字符。记者王某"  # white space aside, every format says this
    for fmt in FORMATS:
        parts = visible_parts(render(dirty_page, fmt), fmt)
        assert "".join("".join(parts).split()) == expected, (fmt, parts)


def test_an_empty_title_is_never_an_empty_heading_in_markdown(make_article):
    page = CleanPage(source="p.txt", articles=(make_article("标题一", ("第一篇。",)),
                                               make_article("", ("第二篇没有标题。",), key="b9"),
                                               make_article("\x1b\x7f", ("标题只有控制字符。",), key="b20")))
    body = render(page, "md").decode("utf-8").split("\n---\n", 1)[1]
    lines = body.split("\n")
    assert all(line.strip() != "#" for line in lines), body
    assert lines.count("* * *") == 2 and "# 标题一" in lines
    for i in (1, 2):
        single = render_article(page, i, "md").decode("utf-8").split("\n---\n", 1)[1]
        assert all(line.strip() != "#" for line in single.split("\n")), single


def test_an_empty_title_is_no_blank_title_line_in_plain_text(make_article):
    page = CleanPage(source="p.txt", articles=(make_article("", ("没有标题。",)),))
    assert render(page, "txt").decode("utf-8") == "\u3000\u3000没有标题。\n"
