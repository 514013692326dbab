"""The page text: one printed line a line, blank lines between regions, indents, paragraphs carried over."""
from kexie_gui.core.frames import rectangle_edges
from kexie_gui.core.glyphs import Glyph, PrintedLine
from kexie_gui.core.pagetext import INDENT, analyse_layout, line_text, write_page

from .geometry_pages import column, line

FULL = "字" * 14


def page_of(lines, edges=(), width=600.0, height=800.0):
    return write_page(analyse_layout(lines, width, height, list(edges)), "test")


def test_a_paragraph_running_on_at_a_column_break_is_carried_over():
    left = column([INDENT + "段首" + "字" * 10, FULL, FULL], 0, 0)
    right = column(["接续的半句话。", INDENT + "新段落开头"], 152, 0)
    assert page_of(left + right).text.split("\n")[:6] == [
        INDENT + "段首" + "字" * 10, FULL, FULL, "接续的半句话。", INDENT + "新段落开头", ""]


def test_a_column_ending_short_or_a_next_column_indented_is_a_new_region():
    short = column([INDENT + FULL[:12], "半行就结束。"], 0, 0) + column([FULL, FULL], 152, 0)
    assert page_of(short).text.split("\n")[2] == ""
    indented = column([INDENT + FULL[:12], FULL], 0, 0) + column([INDENT + FULL[:12], FULL], 152, 0)
    assert page_of(indented).text.split("\n")[2] == ""


def test_a_headline_block_is_set_apart_from_its_text():
    lines = [line("两行标题的", 0, 0, size=18), line("第二行", 0, 22, size=18)]
    lines += column([INDENT + FULL[:12], FULL, "结尾。"], 0, 48)
    assert page_of(lines).text.split("\n")[:4] == ["两行标题的", "第二行", "", INDENT + FULL[:12]]


def test_a_boxed_caption_is_its_own_region_and_marked_boxed():
    lines = column([INDENT + FULL[:12], FULL, "结尾。"], 0, 0)
    lines.append(line("图为现场。", 4, 60, size=8))
    page = page_of(lines, rectangle_edges(0, 56, 140, 72))
    assert page.text.split("\n")[3:5] == ["", "图为现场。"]
    assert [b.boxed for b in page.geometry.lines] == [False, False, False, True]


def test_white_without_a_space_glyph_is_written_as_one_space():
    """OCR gives no space between a header's pieces; the white is there."""
    a = line("某报", 0, 0)
    b = line("第2版", 30, 0)
    header = type(a)(a.glyphs + b.glyphs, 10)
    assert line_text(header) == "某报 第2版"
    assert line_text(line("紧挨着的字", 0, 0)) == "紧挨着的字"


def test_only_printed_characters_and_spaces_are_written():
    lines = column([INDENT + FULL[:12], FULL, "完。"], 0, 0) + [line("标题", 0, -40, size=20)]
    written = sorted(ch for ch in page_of(lines).text if ch.strip())
    assert written == sorted(ch for ln in lines for ch in ln.text if ch.strip())


def test_a_box_reaching_past_the_column_edge_does_not_set_every_other_line_in():
    # an OCR box that took a stray mark left of the column: the edge is where most lines start, so the
    # flush lines stay flush and only the paragraph's first line is indented
    lines = column([INDENT + "段首" + "字" * 10, FULL, FULL, "段尾。", INDENT + "新段" + "字" * 10, FULL, FULL], 0, 0)
    lines[2] = line("··" + FULL, -20, lines[2].y0)
    text = page_of(lines).text.split("\n")
    assert [t.startswith(INDENT) for t in text[:7]] == [True, False, False, False, True, False, False]


def test_left_edge_is_where_a_quarter_of_the_lines_start():
    from kexie_gui.core.pagetext import left_edge

    assert left_edge([609, 653, 653, 653, 713, 653, 653, 653], 23) == 653
    assert left_edge([134, 457], 26) == 134  # two lines: the leftmost


def test_a_text_frame_whose_first_line_an_ocr_box_reads_taller_still_sets_its_paragraph_starts_in():
    # a line opening with a quotation mark comes back from OCR in a taller box (11.7 for text of 10); the
    # frame is body text all the same, so the next paragraph's first line keeps its indent
    lines = column([INDENT + "“字" + "字" * 11, FULL, "字字字。", INDENT + "新段" + "字" * 10, FULL, "结尾。"], 0, 0)
    first = lines[0]
    lines[0] = line(first.text, first.x0, first.y0, size=11.7)
    text = page_of(lines).text.split("\n")
    assert [t.startswith(INDENT) for t in text[:6]] == [True, False, False, True, False, False]


def test_a_short_line_whose_ocr_box_stands_taller_stays_in_its_frame_by_the_pitch_of_its_characters():
    # a byline's name wrapped onto a line of its own (``…。（孔某`` | ``某）``): OCR boxes the two characters a
    # third taller than the text, but they stand as far apart as the text's, so no region break parts them
    lines = column([INDENT + "段首" + "字" * 10, FULL, "字字字字字字字字字字字。（孔某"], 0, 0)
    short = line("某）", 0, 45)
    tall = tuple(Glyph(g.char, g.x0, g.y0 - 2, g.x1, g.y1 + 1.5, 13.5) for g in short.glyphs)
    lines.append(PrintedLine(tall, 13.5))
    assert page_of(lines).text.split("\n")[2:4] == ["字字字字字字字字字字字。（孔某", "某）"]


def test_a_line_set_larger_with_its_characters_further_apart_is_a_frame_of_its_own():
    lines = [line("标题字", 0, 0, size=14.0)] + column([INDENT + "段首" + "字" * 10, FULL, "结尾。"], 0, 18)
    assert page_of(lines).text.split("\n")[:3] == ["标题字", "", INDENT + "段首" + "字" * 10]


def _boxed_taller(ln, size: float):
    """``ln`` as an engine boxes a line full of marks: the characters where they were, the box taller."""
    return PrintedLine(tuple(Glyph(g.char, g.x0, g.y0, g.x1, g.y0 + size, size) for g in ln.glyphs), size)


def test_a_text_frame_an_ocr_boxed_taller_throughout_is_body_text_by_the_pitch_of_its_characters():
    # the page's other columns give the body size and pitch; in this one the engine boxed most lines a fifth
    # taller: its paragraph starts keep their indents all the same
    other = column([INDENT + "段首" + "字" * 10, FULL, FULL, FULL, "结尾。"], 152, 0)
    here = column([INDENT + "段首" + "字" * 10, FULL, "字字字。", INDENT + "新段" + "字" * 10, FULL, "结尾。"], 0, 0)
    here = [_boxed_taller(ln, 12.5) if k % 3 else ln for k, ln in enumerate(here)]
    text = page_of(other + here).text.split("\n")
    assert text.count(INDENT + "段首" + "字" * 10) == 2 and INDENT + "新段" + "字" * 10 in text
