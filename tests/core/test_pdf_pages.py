"""PDF pages with a text layer: read in the page's order, with where each line was printed."""
from pathlib import Path

import pytest

from kexie_gui.core import LoadError, analyse, apply
from kexie_gui.core.pages import ENGINE_PDF, load_pages

from .laid_out import CAPTION, FOOTER, HEADER, INDENT, LEAD_TITLE, RIGHT_TITLE, SECOND_TITLE, build_page

pytest.importorskip("reportlab")


@pytest.fixture
def page_pdf(tmp_path):
    return build_page(tmp_path / "page.pdf")


def test_two_column_page_reads_in_the_order_it_was_laid_out(page_pdf):
    page = load_pages(page_pdf.path)[0]
    assert page.text.rstrip("\n").split("\n") == page_pdf.expected


def test_spanning_headline_comes_before_its_columns_and_the_right_column_after_the_stream(page_pdf):
    lines = load_pages(page_pdf.path)[0].text.split("\n")
    at = {text: n for n, text in enumerate(lines)}
    assert at[HEADER] < at[LEAD_TITLE] < at[SECOND_TITLE[0]] < at[CAPTION] < at[RIGHT_TITLE[0]] < at[FOOTER]
    assert lines[at[LEAD_TITLE] + 2].startswith(INDENT + "本报讯")  # the lead's first line, set in by two characters


def test_a_paragraph_cut_at_the_column_break_is_carried_on(page_pdf):
    """The lead's first column ends with a full line and its second column does not start a paragraph."""
    lines = load_pages(page_pdf.path)[0].text.split("\n")
    foot = lines.index("绿色防控和农产品网上销售展开")  # the last line of the first column, full
    assert lines[foot + 1] == "，专家结合镇里的果园讲解了常"  # the head of the second column


def test_every_line_has_its_box_and_the_headline_is_set_larger(page_pdf):
    page = load_pages(page_pdf.path)[0]
    geometry = page.geometry
    assert geometry.engine == ENGINE_PDF and geometry.image == str(page_pdf.path) and geometry.page_index == 0
    numbered = [n for n, text in enumerate(page.text.split("\n"), 1) if text.strip()]
    assert [b.line for b in geometry.lines] == numbered
    for b in geometry.lines:
        assert 0 <= b.x0 < b.x1 <= geometry.width and 0 <= b.y0 < b.y1 <= geometry.height
    lines = page.text.split("\n")
    title = geometry.box_of_line(lines.index(LEAD_TITLE) + 1)
    body = geometry.box_of_line(lines.index(LEAD_TITLE) + 3)
    assert title.size >= 1.8 * body.size and title.column == -1 and body.column == 0
    right = geometry.box_of_line(lines.index(RIGHT_TITLE[0]) + 1)
    assert right.column == 2 and right.y0 < body.y0  # printed beside the lead's headline, read after


def test_the_caption_in_a_ruled_frame_is_boxed(page_pdf):
    page = load_pages(page_pdf.path)[0]
    lines = page.text.split("\n")
    boxed = [b for b in page.geometry.lines if b.boxed]
    assert [lines[b.line - 1] for b in boxed] == [CAPTION]


def test_every_character_of_the_articles_maps_back_to_a_printed_box(page_pdf):
    page = load_pages(page_pdf.path)[0]
    clean = apply(analyse(page))
    assert clean.articles
    for article in clean.articles:
        for text in (article.title, *article.paragraphs):
            for i, ch in enumerate(text):
                if ch.strip():
                    offset = text.raw_offset(i)
                    assert offset is not None and page.text[offset] == ch
                    assert page.geometry.box_of_line(page.line_of(offset)) is not None


def test_the_text_holds_only_printed_characters(page_pdf):
    from kexie_gui.core.pdfpage import open_pdf, scan_page

    printed = sorted(g.char for g in scan_page(open_pdf(page_pdf.path), 0).glyphs if g.char.strip())
    written = sorted(ch for ch in load_pages(page_pdf.path)[0].text if ch.strip())
    assert written == printed


def test_each_page_of_a_pdf_is_one_page(tmp_path):
    built = build_page(tmp_path / "two.pdf", extra_pages=1)
    pages = load_pages(built.path)
    assert [p.source for p in pages] == [f"{built.path}#p1", f"{built.path}#p2"]
    assert [p.geometry.page_index for p in pages] == [0, 1]
    assert "第二页的标题" in pages[1].text and "第二页的标题" not in pages[0].text
    assert pages[0].sha256 == pages[1].sha256  # a change to the file is a change to each of its pages


def test_a_narrow_gutter_still_separates_the_columns(tmp_path):
    built = build_page(tmp_path / "narrow.pdf", gutter=3.0)
    assert load_pages(built.path)[0].text.rstrip("\n").split("\n") == built.expected


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"%PDF-1.4\n garbage that is no PDF", "cannot read this PDF"),
])
def test_a_damaged_pdf_gets_a_clear_message(tmp_path, content, message):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_pages(bad)


def test_a_locked_pdf_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(100, 700, "locked page")
    c.save()
    with pytest.raises(LoadError, match="password"):
        load_pages(path)


def test_a_text_file_stays_one_page(tmp_path):
    path = Path(tmp_path / "page.txt")
    path.write_text("标题\n\n正文一段。\n", encoding="utf-8")
    pages = load_pages(path)
    assert len(pages) == 1 and pages[0].geometry is None and pages[0].text.startswith("标题")
