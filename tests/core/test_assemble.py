"""From labelled lines to blocks (``core.assemble``): printed lines unwrapped into one block with
provenance, headlines over two lines kept together, blocks never run across a blank line."""
from kexie_gui.core import analyse, page_from_text
from kexie_gui.core import furniture as fz
from kexie_gui.core.assemble import block_text, furniture_kind, make_block, same_print
from kexie_gui.core.features import shape_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.model import LineBox

from . import pages


def test_printed_lines_unwrap_into_one_text_and_every_character_keeps_its_raw_offset():
    raw = "\u3000\u3000调研组先后考察了花椒标准化种植基地、乡\n镇科普活动站等地。\n"
    units = split_units(raw)
    text = block_text(units)
    assert str(text) == "调研组先后考察了花椒标准化种植基地、乡镇科普活动站等地。"
    assert all(raw[text.raw_offset(i)] == ch for i, ch in enumerate(text))


def test_latin_words_unwrap_with_a_space_and_a_hyphenated_word_loses_its_hyphen():
    assert str(block_text(split_units("the use of\nAI models\n"))) == "the use of AI models"
    text = block_text(split_units("某市科协发布open-\nsource科普平台\n"))
    assert str(text) == "某市科协发布opensource科普平台"
    assert text.raw_offset(str(text).index("s")) == len("某市科协发布open-\n")


def test_a_block_knows_its_raw_range_lines_and_indentation():
    raw = "标题\n\u3000\u3000第一行文字，\n第二行文字。\n"
    block = make_block(split_units(raw)[1:])
    assert (block.line_start, block.line_end) == (2, 3) and block.indented
    assert raw[block.start:block.end] == "第一行文字，\n第二行文字。"


def test_a_block_is_named_by_its_text_not_by_where_it_stands():
    raw = "标题\n\u3000\u3000第一行文字，\n第二行文字。\n"
    block = make_block(split_units(raw)[1:])
    moved = make_block(split_units("\n\n" + raw.replace("\n第二", "\r\n第 二"))[1:])
    assert moved.start != block.start and moved.id == block.id
    assert make_block(split_units(raw.replace("第二", "第三"))[1:]).id != block.id


def box(line, x0, y0, x1, size, column=0):
    return LineBox(line, x0, y0, x1, y0 + size, size, column)


def test_the_next_line_of_a_headline_is_set_in_the_same_size_right_under_it():
    units = split_units("某县举办农技\n培训班\n本报讯 日前，某县举办农技培训班。\n", {
        1: box(1, 0, 0, 120, 20), 2: box(2, 20, 24, 80, 20), 3: box(3, 0, 50, 300, 10)})
    assert same_print(units[0], units[1])
    assert not same_print(units[1], units[2])  # the lead is set smaller
    assert not same_print(units[0], units[2])


def test_without_boxes_nothing_is_known_to_be_set_alike():
    units = split_units("某县举办农技\n培训班\n")
    assert not same_print(units[0], units[1])


def test_a_wrapped_page_gives_one_block_per_paragraph_headline_and_byline():
    analysis = analyse(page_from_text(pages.WRAPPED_INDENTED_PAGE))
    texts = [str(b.text) for b in analysis.blocks]
    assert texts == [pages.QS_TITLE, *pages.QS, "（本报记者 林一）", pages.SX_TITLE, *pages.SX, "（何二）"]


def test_a_blank_line_always_separates_blocks_on_a_blank_line_page():
    analysis = analyse(page_from_text(pages.BLANK_LINE_PAGE))
    assert "会议总结了一年来的学会工作，分析了当前存在的问题，" in [str(b.text) for b in analysis.blocks]
    assert "并对下一步工作作了安排。" in [str(b.text) for b in analysis.blocks]  # the pieces are joined by a suggestion


def shape(text):
    return shape_of(split_units(text + "\n")[0], False)


def test_furniture_without_a_kind_of_its_own_is_named_from_its_shape_and_neighbours():
    assert furniture_kind(shape("第2版"), None, None) == fz.PAGE_NUMBER
    assert furniture_kind(shape("简讯"), None, None) == fz.SHORT_NEWS_HEADER
    assert furniture_kind(shape("Ke Pu Tian Di"), None, None) == fz.PINYIN_HEADER
    assert furniture_kind(shape("科普天地"), None, shape("Ke Pu Tian Di")) == fz.COLUMN_TITLE
    assert furniture_kind(shape("Y7 全|丨"), None, None) == fz.NOISE
    assert furniture_kind(shape("这一行什么也不像，只是被标成了杂项。"), None, None) == fz.FURNITURE


def test_a_reporter_line_goes_on_only_with_the_short_rest_of_its_line_in_the_same_column():
    units = split_units("本报记者 甲乙丙 通讯员 丁戊己 庚辛\n壬癸\n本报讯 日前，某县举办农技培训班。\n", {
        1: box(1, 0, 0, 170, 10), 2: box(2, 0, 13, 20, 10), 3: box(3, 0, 30, 300, 10)})
    assert same_print(units[0], units[1], tail=True)
    assert not same_print(units[0], units[2], tail=True)  # a line as long as the first is no wrapped rest
    moved = split_units("本报记者 甲乙丙 通讯员 丁戊己 庚辛\n壬癸\n", {
        1: box(1, 0, 0, 170, 10), 2: box(2, 40, 13, 60, 10)})
    assert not same_print(moved[0], moved[1], tail=True)  # the rest starts where its line did, not further in
    other_column = split_units("本报记者 甲乙丙 通讯员 丁戊己 庚辛\n壬癸\n", {
        1: box(1, 0, 0, 170, 10), 2: box(2, 0, 13, 20, 10, column=1)})
    assert not same_print(other_column[0], other_column[1], tail=True)


def test_a_subtitle_set_over_two_lines_is_one_block_but_a_second_dash_line_starts_another():
    from kexie_gui.core import labels as lb
    from kexie_gui.core.assemble import group
    from kexie_gui.core.convention import convention_of

    units = split_units("某县科技活动周启动\n——记某县科协科普志愿\n服务队\n——另一条副题\n")
    labelled = {k: lb.Labelled(u, lab, 0.9, ()) for k, (u, lab) in
                enumerate(zip(units, [lb.TITLE, lb.SUBTITLE, lb.SUBTITLE, lb.SUBTITLE], strict=True))}
    pieces = group(units, labelled, set(), convention_of(units))
    assert [p.positions for p in pieces] == [(0,), (1, 2), (3,)]


def test_a_kicker_set_over_two_lines_is_one_block():
    from kexie_gui.core import labels as lb
    from kexie_gui.core.assemble import group
    from kexie_gui.core.convention import convention_of

    units = split_units("弘扬科学精神\n普及科学知识\n某县科技活动周启动\n")
    labelled = {k: lb.Labelled(u, lab, 0.9, ()) for k, (u, lab) in
                enumerate(zip(units, [lb.KICKER, lb.KICKER, lb.TITLE], strict=True))}
    pieces = group(units, labelled, set(), convention_of(units))
    assert [(p.positions, p.label) for p in pieces] == [((0, 1), lb.KICKER), ((2,), lb.TITLE)]
