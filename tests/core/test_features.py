"""Named evidence about each printed line (``core.features``): how it ends and opens, how full it runs,
what lies around it."""
import pytest

from kexie_gui.core import page_from_text
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import fullness, line_end, line_features, line_start, local_widths, shape_of, shapes_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.model import LineBox

from . import pages


def features_of(raw: str) -> list[tuple[str, set[str]]]:
    units = split_units(page_from_text(raw).text)
    return [(u.text, set(f)) for u, f in zip(units, line_features(units, convention_of(units)), strict=True)]


@pytest.mark.parametrize("line, end", [("会议召开。", "sent"), ("他说：“随叫随到。”", "sent"), ("他说，", "clause"),
                                       ("防灾减灾、", "clause"), ("如下：", "colon"), ("（某县科协）", "closer"),
                                       ("科技", "none"), ("增收42", "none")])
def test_how_a_line_ends(line, end):
    assert line_end(line) == end


@pytest.mark.parametrize("line, start", [
    ("本报讯 近日，", "agency"), ("3月5日，某市", "time"), ("本报记者 王敏", "reporter"),
    ("——记某某志愿服务队", "dash"),
    ("■搭建平台聚合力", "mark"), ("（张三）", "byl"), ("（以下简称“市科协”）", "bracket"), ("“科普”进校园", "quote"),
    ("，并对下一步工作", "punct"), ("5G网络覆盖全镇", "digit"), ("AI赋能科普新模式", "han"), ("Ke Pu Tian Di", "latin"),
    ("会议指出", "han"), ("1.加强组织领导", "mark"), ("50.3%。", "digit"), ("2.8万亩", "digit")])
def test_how_a_line_opens(line, start):
    assert line_start(line) == start


def test_fullness_is_measured_against_the_column_and_allows_for_a_dropped_indent():
    assert [fullness(w, 16) for w in (16, 15.5, 14, 10, 5, 30)] == ["full", "full", "near2", "mid", "short", "over"]
    assert fullness(16, 0) == "na"  # lines that are not printed lines have no column


def test_each_line_gets_the_width_of_the_column_around_it_where_a_page_mixes_two_widths():
    narrow = [x for p in pages.QS for x in pages.wrap(p, 12)]
    wide = [x for p in pages.SX + pages.QS for x in pages.wrap(p, 22)]
    units = split_units("\n".join(narrow + wide) + "\n")
    widths = local_widths(units, 0.0)
    assert widths[0] == 12 and widths[-1] == 22


def test_a_piece_of_text_cut_mid_sentence_is_not_shaped_like_a_headline_but_a_headline_with_a_comma_is():
    cut = split_units("为确保活动取得实效，县科协制定了\n")[0]
    assert not shape_of(cut, False).heading
    assert shape_of(split_units("科技赋能，乡村振兴\n")[0], False).heading
    assert shape_of(split_units("口罩能挡住花粉吗？\n")[0], False).heading  # a headline may ask


def test_tesseract_spaces_are_squeezed_before_a_line_is_judged():
    unit = split_units("本 报 记 者 王 敏\n")[0]
    shape = shape_of(unit, True)
    assert shape.text == "本报记者王敏" and shape.start == "reporter" and shape.width == 6


def test_a_wrapped_page_s_full_lines_run_to_the_column_edge():
    units = split_units(pages.WRAPPED_INDENTED_PAGE)
    shapes = shapes_of(units, convention_of(units))
    by_text = {u.text: s for u, s in zip(units, shapes, strict=True)}
    assert by_text["文化站举办夏季农技培训会，来自各"].full
    assert not by_text["参加培训。"].full


def test_furniture_lines_carry_their_kind_and_the_line_under_a_jump_line_knows_it():
    got = dict(features_of("第一段文字在这里说明了情况，\n\n（下转第2版）\n\n第二段文字。\n"))
    assert {"fz=jump line", "fz"} <= got["（下转第2版）"]
    assert "p.jump=down" in got["第二段文字。"]


def test_a_plain_sentence_right_above_a_photo_credit_is_marked_as_its_caption():
    got = dict(features_of("某市举办科技周\n\n本报讯 近日，某市举办科技周活动。\n\n志愿者在现场讲解。\n\n王五 摄\n"))
    assert "fz=caption before credit" in got["志愿者在现场讲解。"]
    assert "fz=caption before credit" not in got["本报讯 近日，某市举办科技周活动。"]


def test_a_line_that_stops_mid_sentence_makes_the_next_one_a_carried_on_line():
    got = dict(features_of(pages.CAPTION_PAGE))
    assert "p.open|bl1" in got["图为活动现场。"]
    assert "end=clause" in got["近年来，攀枝花市科协坚持以科技工作者为本，"]


def test_a_word_cut_at_a_line_end_shows_as_a_word_junction():
    units = split_units(pages.WRAPPED_INDENTED_PAGE)
    feats = dict(zip([u.text for u in units], line_features(units, convention_of(units)), strict=True))
    assert "jn=word" in feats["合镇里的果园讲解了常见问题，并到"]  # 结|合
    assert "jn=none" in feats["山溪村合作社添了新农机"]  # a byline above a headline carries nothing on


def test_a_column_title_under_its_pinyin_and_a_repeated_line_are_marked():
    got = dict(features_of("Ke Pu Tian Di\n科普天地\n\n某市科协召开会议\n\n"
                           "本报讯 近日，某市科协召开会议。\n\n某市科协召开会议\n"))
    assert "pinyin_above" in got["科普天地"] and "latin" in got["Ke Pu Tian Di"]
    assert "rep" in got["某市科协召开会议"]


def test_position_on_the_page_is_evidence():
    feats = features_of(pages.BLANK_LINE_PAGE)
    assert "pos=first" in feats[0][1] and "p.none" in feats[0][1]
    assert "pos=last" in feats[-1][1] and "n.none" in feats[-1][1]


def test_type_size_and_a_box_are_evidence_on_pages_read_with_their_geometry():
    text = "青石镇举办培训会\n本报讯 近日，青石镇举办培训会。\n图为培训现场。\n"
    boxes = {1: LineBox(1, 0, 0, 200, 24, 24), 2: LineBox(2, 0, 30, 300, 42, 12),
             3: LineBox(3, 0, 50, 100, 60, 9, boxed=True)}
    units = split_units(text, boxes)
    feats = line_features(units, convention_of(units), page_height=800)
    assert "sz=huge" in feats[0] and "band=top" in feats[0]
    assert "sz=body" in feats[1]
    assert "sz=small" in feats[2] and "boxed" in feats[2]


def test_an_empty_line_ends_and_opens_with_nothing():
    assert line_end("") == "none" and line_end("   ") == "none"
    assert line_start("") == "none" and line_start("\u3000 ") == "none"


def test_nothing_carries_across_a_break_from_or_into_an_empty_line():
    from collections import Counter

    from kexie_gui.core.features import junction

    assert junction("", "工作", Counter(), set()) == "none" and junction("科技", "", Counter(), set()) == "none"
    assert junction("结合多年的工", "作实践", Counter(), set()) == "word"  # 工作: a common word
    assert junction("青石", "镇", Counter({"石镇": 2}), set()) == "page"  # printed together elsewhere on the page


def test_without_the_page_height_type_size_is_evidence_but_no_band_of_the_page_is():
    text = "青石镇举办培训会\n本报讯 近日，青石镇举办培训会。\n"
    boxes = {1: LineBox(1, 0, 0, 200, 24, 24), 2: LineBox(2, 0, 30, 300, 42, 12)}
    units = split_units(text, boxes)
    feats = line_features(units, convention_of(units), page_height=0.0)
    assert "sz=big" in feats[0] and not any(f.startswith("band=") for f in feats[0] + feats[1])


def test_a_line_at_the_foot_of_the_page_is_in_its_bottom_band():
    text = "本报讯 近日，青石镇举办培训会。\n新闻热线：0000-1234567\n"
    boxes = {1: LineBox(1, 0, 100, 300, 112, 12), 2: LineBox(2, 0, 780, 200, 790, 10)}
    units = split_units(text, boxes)
    feats = line_features(units, convention_of(units), page_height=800)
    assert "band=bottom" in feats[1] and "band=bottom" not in feats[0] and "band=top" not in feats[0]


def test_a_caption_whose_credit_wraps_onto_a_second_line_is_furniture_on_both_lines():
    raw = ("作再上新台阶。\n志愿者在田间查看作物长势。（图片由县\n科协提供）\n"
           "本报讯 近日，某县科协举办培训班，参训人员（含\n村干部）共80余人。\n")
    units = split_units(raw)
    shapes = shapes_of(units, convention_of(units))
    assert [s.furniture for s in shapes[1:3]] == ["photo caption", "photo caption"]
    assert shapes[3].furniture is None and shapes[4].furniture is None  # a bracket in running text is text


HEADLINE_OVER_TWO_LINES = (  # hard-wrapped at 20 characters, paragraphs indented
    "某县教育科技报　2024年4月26日　星期五\n"
    "山村学校的“天文课堂”\n"
    "用上了远程天文望远镜\n"
    "　　本报讯 4月22日晚，某县某小学的操\n"
    "场上，40多名学生围着一块大屏幕，屏幕上是\n"
    "千里之外一台天文望远镜实时拍摄的月面环形\n"
    "山。“原来月亮上的坑这么深！”五年级学生忍\n"
    "不住惊呼。\n"
    "　　这是县科协和县教育局联合开展的天文课\n"
    "堂活动的一幕。今年以来，全县已有十二所乡\n"
    "村学校接入远程天文望远镜，学生在课堂上就\n"
    "能观测星空，老师还开设了天文兴趣小组，每\n"
    "周组织一次线上观测。\n"
    "　　县科协负责人介绍，下一步将把天文课堂\n"
    "送到更多乡村学校，让山里的孩子也能仰望星\n"
    "空、爱上科学。\n"
)


def test_a_headline_line_closing_a_quotation_opened_inside_it_goes_on_in_the_headline_line_under_it():
    units = split_units(HEADLINE_OVER_TWO_LINES)
    shapes = shapes_of(units, convention_of(units))
    assert line_end("山村学校的“天文课堂”") == "closer"  # alone, it may close its sentence
    assert shapes[1].end == "none"  # a headline line is printed right under it


def test_a_quotation_closing_a_line_above_text_or_a_blank_line_is_left_as_it_reads():
    page = HEADLINE_OVER_TWO_LINES.replace("“天文课堂”\n", "“天文课堂”\n\n")
    units = split_units(page)
    assert shapes_of(units, convention_of(units))[1].end == "closer"  # a blank line parts the two
    above_text = "某县“科普大篷车”\n　　本报讯 近日，某县科协组织科普大篷车走进乡村学校。\n"
    units = split_units(above_text)
    assert shapes_of(units, convention_of(units))[0].end == "closer"
