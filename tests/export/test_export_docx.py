"""DOCX: read every document back with python-docx and check what Word would show."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from kexie_gui.core.model import CleanPage
from kexie_gui.export import ExportOptions, render, render_article
from kexie_gui.export.docx import BYLINE_STYLE, SECTION_STYLE, SUBTITLE_STYLE, TITLE_STYLE

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def read(data: bytes):
    return docx.Document(io.BytesIO(data))


def by_style(document, name):
    return [p for p in document.paragraphs if p.style.name == name]


def style_font(document, name):
    return document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))


def test_page_document_structure(seed_page):
    document = read(render(seed_page, "docx"))
    assert [p.text for p in by_style(document, TITLE_STYLE)] == [str(a.title) for a in seed_page.articles]
    body = by_style(document, "Normal")
    assert [p.text for p in body] == [str(p) for a in seed_page.articles for p in a.paragraphs]
    bylines = by_style(document, BYLINE_STYLE)
    assert [p.text for p in bylines] == [str(a.byline) for a in seed_page.articles]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in bylines)
    expected = sum(1 + len(a.paragraphs) + 1 for a in seed_page.articles)
    assert len(document.paragraphs) == expected


def test_article_order_is_title_subtitle_body_byline(full_page):
    document = read(render(full_page, "docx"))
    first = [(p.style.name, p.text) for p in document.paragraphs[:8]]
    assert first == [
        (SECTION_STYLE, "学会改革先行者"),
        (TITLE_STYLE, '科普:什么是"AI"?'),
        (SUBTITLE_STYLE, "——记某某科技志愿服务队"),
        ("Normal", "# 不是标题"),
        ("Normal", "- 不是列表"),
        ("Normal", "1. 不是编号"),
        ("Normal", "正文*强调*_下划线_"),
        (BYLINE_STYLE, "记者 张三"),
    ]


def test_body_has_two_character_indent_and_is_justified(seed_page):
    options = ExportOptions(font_size_pt=10.5)
    document = read(render(seed_page, "docx", options))
    for p in by_style(document, "Normal"):
        assert p.paragraph_format.first_line_indent == Pt(21)
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert document.styles["Normal"].font.size == Pt(10.5)


def test_east_asian_fonts_on_styles_and_runs(full_page):
    options = ExportOptions(body_font="仿宋", title_font="方正小标宋简体")
    document = read(render(full_page, "docx", options))
    assert style_font(document, "Normal") == "仿宋"
    assert style_font(document, BYLINE_STYLE) == "仿宋"
    assert style_font(document, TITLE_STYLE) == "方正小标宋简体"
    assert style_font(document, SUBTITLE_STYLE) == "方正小标宋简体"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    for p in document.paragraphs:
        expected = "仿宋" if p.style.name in ("Normal", BYLINE_STYLE) else "方正小标宋简体"
        assert p.runs, p.text
        for run in p.runs:
            assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == expected


def test_latin_font_is_separate_when_chosen(seed_page):
    document = read(render(seed_page, "docx", ExportOptions(latin_font="Times New Roman")))
    run = by_style(document, "Normal")[0].runs[0]
    assert run._r.rPr.rFonts.get(qn("w:ascii")) == "Times New Roman"
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_no_theme_fonts_left_in_styles(seed_page):
    with zipfile.ZipFile(io.BytesIO(render(seed_page, "docx"))) as package:
        names = package.namelist()
        styles = package.read("word/styles.xml").decode("utf-8")
    for attr in THEME_ATTRS:
        assert attr + "=" not in styles
    assert "word/stylesWithEffects.xml" not in names  # a second copy full of theme fonts
    assert "docProps/thumbnail.jpeg" not in names


def test_language_is_chinese(seed_page):
    document = read(render(seed_page, "docx"))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    normal_lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal_lang.get(qn("w:eastAsia")) == "zh-CN"
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    assert theme_lang.get(qn("w:eastAsia")) == "zh-CN"
    assert document.core_properties.language == "zh-CN"


def test_core_properties(seed_page):
    props = read(render(seed_page, "docx")).core_properties
    assert str(seed_page.articles[0].title) in props.title
    assert props.subject == "000_57b0e2a3ead17231.txt"
    assert "000_57b0e2a3ead17231.txt" in props.comments
    assert props.author == ""  # not python-docx's "python-docx"
    assert props.created.year == 2000 and props.modified == props.created


def test_output_is_deterministic(seed_page):
    assert render(seed_page, "docx") == render(seed_page, "docx")


def test_current_time_when_asked(seed_page):
    props = read(render(seed_page, "docx", ExportOptions(timestamp=None))).core_properties
    assert props.created.year >= 2024


def test_one_document_per_article(full_page):
    for index, article in enumerate(full_page.articles):
        document = read(render_article(full_page, index, "docx"))
        assert [p.text for p in by_style(document, TITLE_STYLE)] == [str(article.title)]
        assert len(by_style(document, "Normal")) == len(article.paragraphs)
        assert document.core_properties.title == str(article.title)


def test_page_break_option(seed_page):
    document = read(render(seed_page, "docx", ExportOptions(page_break_between_articles=True)))
    titles = by_style(document, TITLE_STYLE)
    assert [bool(t.paragraph_format.page_break_before) for t in titles] == [False, True, True, True]


def test_text_xml_cannot_hold_is_dropped_not_fatal(make_article):
    page = CleanPage(source="p.txt", articles=(
        make_article("标\x0c题", ("正\x00文\x1b。", "制表\t保留"), byline="记\x08者"),))
    document = read(render(page, "docx"))
    assert [p.text for p in document.paragraphs] == ["标题", "正文。", "制表\t保留", "记者"]


def test_untitled_article_keeps_an_empty_heading_as_its_boundary(full_page):
    titles = by_style(read(render(full_page, "docx")), TITLE_STYLE)
    assert [t.text for t in titles] == [str(a.title) for a in full_page.articles]
    assert titles[-1].text == ""


def test_empty_parts_are_skipped(make_article):
    page = CleanPage(source="p.txt", articles=(make_article("标题", ("", "  ", "正文"), subtitle="  ",
                                                            byline=" "),))
    document = read(render(page, "docx"))
    assert [p.text for p in document.paragraphs] == ["标题", "正文"]


@pytest.mark.parametrize("size", [3, 100])
def test_absurd_font_size_is_refused(size):
    with pytest.raises(ValueError):
        ExportOptions(font_size_pt=size)
