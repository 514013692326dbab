"""Gutters from where lines start and end; boxes glued across a gutter cut back into their columns."""
from kexie_gui.core.columns import body_size, find_gutters, join_row_pieces, split_at_gutters
from kexie_gui.core.glyphs import Glyph, PrintedLine

from .geometry_pages import column, line

LEFT = [f"左栏第{n}行文字写到这里为止" for n in "一二三四"]
RIGHT = [f"右栏第{n}行文字写到这里为止" for n in "一二三四"]


def two_columns(gap: float, pad: float = 0.0):
    width = 10 * len(LEFT[0])
    return column(LEFT, 0, 0, pad=pad) + column(RIGHT, width + gap, 0, pad=pad), width + gap


def glued(left: str, right: str, right_x: float, y: float, size: float = 10.0) -> PrintedLine:
    """One OCR box over two columns: its characters still have their own positions."""
    a, b = line(left, 0, y, size), line(right, right_x, y, size)
    return PrintedLine(a.glyphs + b.glyphs, size)


def test_a_gutter_is_where_a_column_ends_and_the_next_starts():
    lines, start = two_columns(gap=12)
    gutters = find_gutters(lines, 10)
    assert [(g.x0, g.x1) for g in gutters] == [(130, start)]


def test_a_box_glued_over_a_narrow_gutter_is_cut_back_into_its_columns():
    lines, start = two_columns(gap=4)
    lines.append(glued("左栏第五行也写到这里为止了", "右栏第五行", start, 60))
    size = body_size(lines)
    out = split_at_gutters(lines, find_gutters(lines, size), size)
    assert {"左栏第五行也写到这里为止了", "右栏第五行"} <= {ln.text for ln in out}
    assert all(ln.x1 <= start or ln.x0 >= start for ln in out)


def test_a_hanging_comma_does_not_glue_two_columns():
    """The comma after a full line hangs into the gutter, its box almost touching the next column."""
    lines, start = two_columns(gap=12)
    a = line("左栏第五行也写到这里为止了，", 0, 60)
    comma = a.glyphs[-1]  # its box runs from the column's edge to 2 short of the next column; its ink is narrow
    a = PrintedLine(a.glyphs[:-1] + (Glyph("，", comma.x0, comma.y0, comma.x1, comma.y1, 10, None, comma.x0 + 3),), 10)
    b = line("右栏第五行", start, 60)
    lines.append(PrintedLine(a.glyphs + b.glyphs, 10))
    out = split_at_gutters(lines, find_gutters(lines, 10), 10)
    assert {"左栏第五行也写到这里为止了，", "右栏第五行"} <= {ln.text for ln in out}


def test_a_headline_spanning_the_gutter_stays_whole():
    lines, _ = two_columns(gap=12)
    lines.append(line("一条横跨两栏的大字标题", 20, -40, size=24))
    out = split_at_gutters(lines, find_gutters(lines, 10), 10)
    assert "一条横跨两栏的大字标题" in {ln.text for ln in out}


def test_a_printed_space_over_a_gutter_keeps_the_line_whole():
    """A page header runs over the column edges with ideographic spaces between its pieces."""
    lines, start = two_columns(gap=12)
    n = int((start - 20) / 10)
    header = line("某" * n + "\u3000" + "第二版", 10, -30)
    lines.append(header)
    out = split_at_gutters(lines, find_gutters(lines, 10), 10)
    assert header.text in {ln.text for ln in out}


def test_two_boxes_of_one_printed_line_are_joined_but_never_across_a_gutter():
    lines, start = two_columns(gap=6)
    lines += [line("本报讯", 0, 60), line("近日某地举办", 36, 60), line("右栏第五行", start, 60)]
    out = join_row_pieces(lines, find_gutters(lines, 10), 10)
    assert {"本报讯近日某地举办", "右栏第五行"} <= {ln.text for ln in out}


def test_two_overlapping_boxes_of_a_headline_that_both_read_the_character_at_the_cut_make_one_line():
    # an engine cut a headline in large type into two boxes overlapping by part of a character, both holding
    # 展: one line, the character once
    body = column(["字" * 14] * 6, 0, 100)
    left = line("某县科协开展", 0, 0, size=30.0)
    right = line("展科普进社区", left.x1 - 18, 1, size=30.0)
    out = join_row_pieces(body + [left, right], find_gutters(body, 10), 10)
    heads = [ln.text for ln in out if ln.size == 30.0]
    assert heads == ["某县科协开展科普进社区"]


def test_overlapping_boxes_that_read_different_characters_stay_apart():
    body = column(["字" * 14] * 6, 0, 100)
    left = line("某县科协开展", 0, 0, size=30.0)
    right = line("科普进社区", left.x1 - 18, 1, size=30.0)
    out = join_row_pieces(body + [left, right], find_gutters(body, 10), 10)
    assert sorted(ln.text for ln in out if ln.size == 30.0) == ["某县科协开展", "科普进社区"]
