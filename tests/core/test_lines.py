"""Printed lines (``core.lines``): raw offsets, indentation, blank lines above, printed width, rows of
columns set side by side."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kexie_gui.core.lines import (
    char_width,
    glued_row_pieces,
    indent_width,
    renumber,
    row_pieces,
    split_units,
    text_width,
)


def test_a_han_character_or_full_width_mark_is_one_wide_and_a_digit_or_latin_letter_half():
    assert [char_width(c) for c in "科，7a "] == [1.0, 1.0, 0.5, 0.5, 0.5]


def test_full_lines_of_a_column_share_one_width_whatever_mix_of_digits_and_han_they_hold():
    assert text_width("青石镇举办夏季农技培训会议") == text_width("来自各村的种植户80余人参加")


def test_indentation_counts_ideographic_spaces_as_one_ascii_spaces_as_half_a_tab_as_two():
    assert indent_width("\u3000\u3000本报讯") == 2.0
    assert indent_width("    本报讯") == 2.0
    assert indent_width("\t本报讯") == 2.0
    assert indent_width("本报讯 近日") == 0.0


def test_a_unit_is_a_non_blank_line_without_its_indent_and_knows_the_blank_lines_above_it():
    text = "青石镇举办培训会\n\n\n\u3000\u3000本报讯 近日，青石镇举办培训会。  \n会议要求，\n"
    units = split_units(text)
    assert [u.text for u in units] == ["青石镇举办培训会", "本报讯 近日，青石镇举办培训会。", "会议要求，"]
    assert [u.number for u in units] == [1, 4, 5]
    assert [u.blank_before for u in units] == [0, 2, 0]
    assert [u.indent for u in units] == [0.0, 2.0, 0.0]
    assert all(text[u.start:u.end] == u.text for u in units)


def test_blank_lines_at_the_top_of_the_page_are_not_counted_as_a_break_above_the_first_line():
    assert split_units("\n\n\n标题\n")[0].blank_before == 0


def test_a_row_holding_two_columns_is_cut_at_its_gutter_into_one_unit_per_column():
    text = "青石镇举办培训会      山溪村添了新农机\n"
    units = split_units(text)
    assert [(u.text, u.column) for u in units] == [("青石镇举办培训会", 0), ("山溪村添了新农机", 1)]
    assert all(text[u.start:u.end] == u.text for u in units)
    assert units[1].x > units[0].x


@pytest.mark.parametrize("row", ["甲栏第一行文字\t乙栏第一行", "甲栏第一行文字\u3000\u3000乙栏第一行",
                                 "甲栏第一行文字   乙栏第一行"])
def test_a_gutter_may_be_spaces_a_tab_or_ideographic_spaces(row):
    assert [p for _, p in row_pieces(row)] == ["甲栏第一行文字", "乙栏第一行"]


def test_a_single_space_inside_a_line_is_no_gutter():
    assert row_pieces("本报讯 近日，某市科协召开会议") == [(0, "本报讯 近日，某市科协召开会议")]


@pytest.mark.xfail(strict=True, reason="GUTTER needs a non-space character right after the gutter: a right-hand "
                                       "column whose line opens with an ideographic indent is not cut off")
def test_a_gutter_followed_by_the_next_column_s_ideographic_indent_still_cuts_the_row():
    assert [p.strip("\u3000") for _, p in row_pieces("青石镇在镇文化站举办      \u3000\u3000本报讯 山溪村")] == \
        ["青石镇在镇文化站举办", "本报讯 山溪村"]


def test_without_rows_a_line_with_a_gutter_stays_one_unit():
    assert len(split_units("甲栏第一行文字     乙栏第一行\n", rows=False)) == 1


def test_renumber_sets_each_index_to_its_position():
    units = split_units("甲\n乙\n丙\n")
    assert [u.index for u in renumber(units[::-1])] == [0, 1, 2]


LINE = st.text(alphabet="科普，。 \u3000\tAI5", max_size=30)


@given(st.lists(LINE, max_size=12))
def test_every_unit_points_at_its_own_text_in_the_raw_page_in_raw_order(lines):
    text = "\n".join(lines)
    units = split_units(text)
    assert all(text[u.start:u.end] == u.text and u.text.strip() for u in units)
    assert [u.start for u in units] == sorted(u.start for u in units)
    assert [u.index for u in units] == list(range(len(units)))
    # nothing but white space is left out
    covered = set()
    for u in units:
        covered.update(range(u.start, u.end))
    assert all(ch.isspace() for k, ch in enumerate(text) if k not in covered)


GLUED_PAGE = "\n".join([
    "甲栏的一段话写到这里，",
    "还要再写一行才结束。",
    "乙栏的文字也从这里开",
    "始往下写，一直写到栏",
    "甲栏这一段到此结束了。 尾然后接着往下读完",
    "甲栏的下一段又从这里",
])


def test_two_columns_lines_an_extractor_joined_with_one_space_are_two_units():
    units = split_units(GLUED_PAGE)
    assert [u.text for u in units if u.number == 5] == ["甲栏这一段到此结束了。", "尾然后接着往下读完"]
    glued = [u for u in units if u.number == 5]
    assert GLUED_PAGE[glued[1].start:glued[1].end] == "尾然后接着往下读完" and glued[1].column == 1


def test_a_page_of_whole_paragraphs_keeps_a_space_after_a_full_stop_inside_its_line():
    line = "这是一整段话，写在一行里面，不会被分栏切开。 后面还有一句话跟着它写下去，直到这一段结束为止。"
    page = "\n".join([line] * 3)
    assert len(split_units(page)) == 3


def test_a_line_of_two_sentences_no_wider_than_its_column_stays_whole():
    assert glued_row_pieces("一行之内。 两句话", 13.0) == [(0, "一行之内。 两句话")]


def test_a_glued_row_is_cut_at_the_full_stop_that_leaves_a_line_s_worth_either_side():
    # the first full stop and space leave too little on the left to be a column's line: the row is cut
    # at the second one
    row = "甲说好。 甲栏这一段话到此结束。 乙栏的一行文字接着往下读"
    assert glued_row_pieces(row, 13.0) == [(0, "甲说好。 甲栏这一段话到此结束。"), (17, "乙栏的一行文字接着往下读")]


def test_a_page_of_lines_wider_than_a_newspaper_column_is_never_cut_at_a_single_space():
    row = "甲栏这一段话到此结束了。 乙栏的一行文字接着往下读"
    assert glued_row_pieces(row, 40.0) == [(0, row)] and glued_row_pieces(row, 0.0) == [(0, row)]
