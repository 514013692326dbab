"""Every printed line labelled with its part on the page (``core.labels``): headline, kicker, 副题,
reporter line, paragraph start, carried-on line, byline, furniture."""
import dataclasses
from pathlib import Path

import pytest

from kexie_gui.core import labels as lb
from kexie_gui.core import page_from_text
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import shape_of, shapes_of
from kexie_gui.core.lines import split_units

from . import pages


def labelled(raw: str) -> list[tuple[str, str]]:
    units = split_units(page_from_text(raw).text)
    conv = convention_of(units)
    return [(x.unit.text, x.label) for x in lb.label_lines(units, conv, 0.0, shapes_of(units, conv))]


def test_kicker_headline_subtitle_reporter_line_subhead_caption_and_short_news_column():
    assert [lab for _, lab in labelled(pages.KICKER_SUBTITLE_PAGE)] == [
        "K", "T", "S", "R", "P", "P", "P", "F", "F", "T", "P", "T", "P"]


def test_a_wrapped_page_has_a_headline_paragraph_starts_carried_on_lines_and_bylines():
    got = labelled(pages.WRAPPED_INDENTED_PAGE)
    want = []
    for _title, paragraphs in ((pages.QS_TITLE, pages.QS), (pages.SX_TITLE, pages.SX)):
        want.append("T")
        for p in paragraphs:
            want += ["P"] + ["C"] * (len(pages.wrap(p, 16, pages.IDEOGRAPHIC_INDENT)) - 1)
        want.append("B")
    assert [lab for _, lab in got] == want


def test_a_paragraph_cut_by_a_photo_caption_reads_on_below_the_caption():
    got = dict(labelled(pages.CAPTION_PAGE))
    assert got["图为活动现场。"] == "F" and got["记者 梁祥祥 摄"] == "F" and got["（下转第2版）"] == "F"
    assert got["深入实施“科普惠民”工程，不断夯实基层组织基础。"] == "C"


def test_a_headline_with_a_colon_over_a_reporter_line_and_a_lead():
    got = labelled("东山县：科技小院开进村\n本报记者 甲乙\n"
                   "本报讯 近日，东山县首个科技小院在青石村挂牌，5名研究生将常驻村里。\n")
    assert [lab for _, lab in got] == ["T", "R", "P"]


@pytest.mark.xfail(strict=True, reason="on a short page of one paragraph per line, a new sentence on its own line "
                                       "right after a lead ending in 。 is labelled C (carried on) and joined to it")
def test_a_new_paragraph_after_a_finished_lead_on_a_paragraph_per_line_page_is_a_paragraph_start():
    got = labelled("东山县：科技小院开进村\n本报记者 甲乙\n"
                   "本报讯 近日，东山县首个科技小院在青石村挂牌，5名研究生将常驻村里开展技术服务。\n"
                   "小院将围绕柑橘种植开展试验示范。\n")
    assert [lab for _, lab in got] == ["T", "R", "P", "P"]


def test_a_headline_may_ask_a_question_and_a_column_title_under_its_pinyin_is_furniture():
    got = labelled("Ke Pu Tian Di\n科普天地\n\n口罩能挡住花粉吗？\n\n春季花粉多，不少过敏人群出门都戴上了口罩。\n\n"
                   "专家表示，普通医用口罩能挡住大部分花粉。\n")
    assert [lab for _, lab in got] == ["F", "F", "T", "P", "P"]


def test_the_last_character_of_a_headline_wrapped_onto_a_line_of_its_own_stays_with_the_headline():
    got = labelled("某县举办农技培训技术培训\n班\n本报讯 日前，某县举办农技培训班，200余名农户参加。\n")
    assert [lab for _, lab in got] == ["T", "TC", "P"]


def test_a_latin_word_hyphenated_at_a_line_end_goes_on_whatever_the_lines_look_like():
    assert lb.hyphenated("发布open-", "source平台")
    assert not lb.hyphenated("2023-", "2025年") and not lb.hyphenated("AI-", "GC") and not lb.hyphenated("-", "abc")


def unit(text: str, blank_before: int = 0):
    """``text`` as a printed line under another, ``blank_before`` blank lines between them."""
    return split_units("上一行\n" + "\n" * blank_before + text + "\n")[1]


def test_a_line_stopping_mid_sentence_runs_on_into_the_next():
    assert lb.runs_on(None, unit("会议总结了一年来的工作，"))
    assert lb.runs_on(None, unit("主要任务有："))
    assert lb.runs_on(None, unit("会议总结了一年来的学会工作并对下一步工作作了具体的安排和部署要求各单位抓好落实"))


def test_a_finished_sentence_a_reporter_line_or_a_headline_does_not_run_on():
    assert not lb.runs_on(None, unit("会议总结了一年来的工作。"))
    assert not lb.runs_on(None, unit("本报记者 王敏"))
    assert not lb.runs_on(None, unit("某市科协召开工作会议"), unit("本报讯 近日"), "T")


def test_a_short_lead_cut_in_the_middle_of_a_place_name_runs_on_however_short():
    from kexie_gui.core.features import shape_of

    units = split_units("本报讯 7月10日，由青\n\n林市科协主办的培训班开班。\n")
    shape = shape_of(units[0], False)
    assert shape.heading  # short enough to be shaped like a headline …
    assert lb.runs_on(shape, units[0], units[1], "P")  # … but no headline opens with 本报讯


def test_a_short_line_opening_a_sentence_as_a_paragraph_or_a_lead_does_runs_on_however_short():
    from kexie_gui.core.features import shape_of

    for text in ("据了解，某市科协", "近日，某县科协"):  # a column break right after the subject
        units = split_units(f"{text}\n将把此项工作纳入年度目标考核。\n")
        shape = shape_of(units[0], False)
        assert shape.heading  # short enough to be shaped like a headline …
        assert lb.runs_on(shape, units[0], units[1], "P")  # … but no headline opens so
    units = split_units("何某表示，作为一名\n\n基层科技工作者，能够把技术传授给群众。\n")  # a comma: a sentence
    assert lb.runs_on(shape_of(units[0], False), units[0], units[1], "P")
    units = split_units("活动现场设置了科普\n\n展板、互动体验等十个功能区。\n")  # a verb done (了), its object begun
    assert lb.runs_on(shape_of(units[0], False), units[0], units[1], "P")
    units = split_units("调研组先后考察了岷\n\n江生物科技股份有限公司、某区养殖基地。\n")  # begun by a character
    assert lb.runs_on(shape_of(units[0], False), units[0], units[1], "P")
    units = split_units("人才引领强支撑\n\n展板、互动体验等十个功能区。\n")  # a subhead's phrase
    assert not lb.runs_on(shape_of(units[0], False), units[0], units[1], "P")
    # … unless the first reading took it for a headline's part: then a headline may stand under it
    units = split_units("据统计，今年以来，某市\n某市青少年科技创新大赛举行\n")
    assert not lb.runs_on(shape_of(units[0], False), units[0], units[1], "T")
    units = split_units("春季花粉多，口罩能挡住\n本报讯 近日，某市气象台发布花粉浓度预报。\n")
    assert not lb.runs_on(shape_of(units[0], False), units[0], units[1], "T")  # a headline may hold a comma


def test_a_short_line_ending_in_half_a_common_word_runs_on_unless_it_was_read_as_a_headline():
    above, below = unit("结合多年的工"), unit("作实践经验")
    assert lb.runs_on(None, above, below, "P")
    assert not lb.runs_on(None, above, below, "T")


def test_a_short_line_leaving_a_book_title_open_runs_on_into_the_sentence_that_closes_it():
    above = unit("根据《某市全民科学素质")
    assert lb.runs_on(None, above, unit("行动规划纲要》，到明年全市将建成十个科普基地。"), "T")
    # a headline over two lines may hold a 《》 across them: its second line holds no sentence
    assert not lb.runs_on(None, unit("热议《某市科普"), unit("条例》出台"), "T")


def test_a_short_scrap_runs_on_into_a_line_that_opens_with_的():
    above = unit("某区实验小学")  # shaped like a subhead, but the sentence goes on below it
    assert lb.runs_on(None, above, unit("的学生在老师带领下参观了科学实验秀。"), "P")
    assert not lb.runs_on(None, above, unit("学生在老师带领下参观了科学实验秀。"), "P")
    assert not lb.runs_on(None, above, unit("的确，这样的科学课很受欢迎。"), "P")  # 的确 opens a sentence


def test_a_short_line_opening_a_quotation_runs_on_into_the_clause_below():
    above = unit("“中药材是我们县的")
    assert lb.runs_on(None, above, unit("主导产业，科技就是最大的生产"), "T")  # a comma: a sentence goes on
    assert not lb.runs_on(None, above, unit("主导产业”"), "T")  # a headline's second line closing it


def test_a_short_line_right_above_a_news_lead_heads_it():
    units = split_units("…给予三年\n全市科技工作会召开\n本报讯 9月9日，全市科技工作会召开。\n")
    assert lb.heads_a_lead(units, None, 1)
    assert not lb.heads_a_lead(units, None, 0)  # the line under it is no lead
    assert not lb.heads_a_lead(units, None, 2)  # nothing below it


def test_a_column_title_is_recognised_by_the_pinyin_printed_beside_it():
    units = split_units("Ke Pu Tian Di\n科普天地\n某市科协召开会议\n")
    assert lb.romanised_nearby(units, 1) and not lb.romanised_nearby(units, 2)


def test_a_lone_character_under_a_headline_is_its_tail_but_not_after_a_blank_line():
    head = unit("某县举办农技培训技术培训")
    assert lb.headline_tail(head, unit("班"))
    assert not lb.headline_tail(head, unit("班", blank_before=1))
    assert not lb.headline_tail(head, unit("3"))  # a digit alone is a page number, not a headline's tail
    assert not lb.headline_tail(unit("培训"), unit("班"))  # too short a line to be a wrapped headline


def test_a_short_rest_that_finishes_a_word_the_headline_cut_is_its_tail():
    head = unit("某市老科协赴某县开")
    assert lb.headline_tail(head, unit("展专题调研"))  # 开|展: one word cut at the break
    assert not lb.headline_tail(head, unit("专题调研会议"))  # 开|专 is no word: a short line of its own
    assert not lb.headline_tail(head, unit("展专题调研活动总结会议"))  # too long to be a headline's rest


def test_an_empty_page_has_no_labels():
    assert lb.label_lines([], convention_of([])) == [] and lb.first_look([], convention_of([])) == []


def test_the_lines_above_a_reporter_line_are_its_headline_not_text():
    # a column title, a short line over the headline, the headline, then the reporter line: none of the
    # lines over the reporter line is running text (a reporter line never stands under text)
    page = ("自然课堂\n\n走近身边的科学\n\n一滴露水里的秘密\n\n文/宁川 图/秋实\n\n"
            "清晨走过草地，裤脚常常被打湿。草叶上的露珠并不是从天上落下来的，而是空气中的水汽凝结而成的。\n\n"
            "白天地面吸收太阳的热量，到了夜里，地面和草叶向外散热，温度不断下降，水汽就在叶片上凝成了露珠。\n")
    got = labelled(page)
    reporter = [text for text, lab in got].index("文/宁川 图/秋实")
    assert got[reporter][1] == "R"
    assert all(lab not in ("P", "C") for _, lab in got[:reporter])


def test_a_reporter_line_cut_in_two_by_ocr_is_no_headline_and_no_furniture():
    page = ("青石镇召开科技工作者座谈会\n本报记者甲乙丙通讯员丁戊\n己\n"
            "本报讯 近日，青石镇召开科技工作者座谈会，二十余名科技工作者参加会议，畅谈基层科研的体会。\n"
            "座谈会上，大家围绕成果转化和人才培养等话题踊跃发言，现场气氛热烈。\n")
    got = dict(labelled(page))
    assert got["青石镇召开科技工作者座谈会"] == "T"
    lead = "本报讯 近日，青石镇召开科技工作者座谈会，二十余名科技工作者参加会议，畅谈基层科研的体会。"
    assert got["本报记者甲乙丙通讯员丁戊"] in ("R", "B") and got[lead] == "P"


def test_the_first_line_of_a_two_line_headline_above_a_lead_heads_it_too():
    raw = "…建立定期调度机制，\n某市科技活动周启动 140余项\n活动惠及群众\n本报讯 近日，某市科技活动周正式启动。\n"
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    assert lb.heads_a_lead(units, shapes, 1) and not lb.heads_a_lead(units, shapes, 0)


def test_on_an_indented_page_an_indented_line_starts_a_paragraph_even_when_it_runs_over_the_column():
    para1 = "据统计，今年以来全市各级科协组织共开展各类科普活动两百余场次，建成社区科普站二十四个。"
    para3 = "专家们耐心解答群众在种植、养殖、防病治病等方面的疑问，现场发放技术资料八千余份。"
    lone = pages.IDEOGRAPHIC_INDENT + "在咨询台前，前来咨询的群众络绎不绝。"  # wider than the column
    lines = (["某市科协开展科普服务活动"] + pages.wrap(para1, 16, pages.IDEOGRAPHIC_INDENT) + [lone]
             + pages.wrap(para3, 16, pages.IDEOGRAPHIC_INDENT))
    got = dict(labelled("\n".join(lines) + "\n"))
    assert got[lone.strip()] == "P"


def test_a_short_heading_right_above_a_column_sponsor_line_is_the_column_title():
    raw = ("某市科协相关负责人表示，下一步将加强科技辅导员队伍建设。\n学会改革先行者\n栏目协办：某省科协学会部\n"
           "某市老科协赴某区开展专题调研\n本报讯 8月25日，某市科协调研组深入某区乡镇和企业开展调研。\n")
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    assert [lb.titles_a_column(shapes, i) for i in range(len(units))] == [False, True, False, False, False]


KICKER_PAGE = (
    "科学小课堂\n\n"
    "一滴雨落下来的旅程\n\n"
    "文/甲乙\n\n"
    "下雨的时候，雨滴从云里一路落到地面，途中要经过好几层温度不同的空气。\n\n"
    "雨滴越落越快，直到空气的阻力和它的重量相当，才以同样的速度落下。\n"
)


def test_on_a_page_of_whole_paragraphs_a_headline_line_over_a_blank_line_is_the_kicker_above_it():
    labels = [lab for _, lab in labelled(KICKER_PAGE)]
    assert labels[:2] == [lb.KICKER, lb.TITLE]


def test_on_a_hard_wrapped_page_an_ocr_blank_line_inside_a_headline_keeps_it_one_headline():
    units = split_units("甲乙丙丁戊\n\n己庚辛壬\n")
    lines = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, [lb.TITLE, lb.TITLE_MORE], strict=True)]
    out = lb._kicker_over_headline(lines, [0, 1], blanks_separate=False)
    assert [x.label for x in out] == [lb.TITLE, lb.TITLE_MORE]


SUBHEAD_PAGE = "\n".join([
    "某县举办农技培训会",
    "本报讯 近日，某县科协在镇文化站",
    "举办农技培训会，来自各村的种植户",
    "和合作社负责人八十余人参加培训。",
    "服务基层见实效",
    "会议总结了全县科协组织一年来的工",
    "作情况，分析了当前存在的问题，并",
    "对下一步工作作了安排。",
]) + "\n"


def test_on_a_hard_wrapped_page_the_line_under_a_subhead_starts_a_paragraph():
    got = labelled(SUBHEAD_PAGE)
    assert [lab for text, lab in got if text in ("服务基层见实效", "会议总结了全县科协组织一年来的工")] == [
        lb.PARAGRAPH, lb.PARAGRAPH]


def test_a_subhead_is_short_headline_shaped_and_read_as_a_paragraph_of_its_own():
    from kexie_gui.core.features import shape_of

    subhead = shape_of(split_units("服务基层见实效\n")[0], False, 16.0)
    full = shape_of(split_units("会议总结了全县科协组织一年来的工\n")[0], False, 16.0)
    assert lb.subhead_above(subhead, lb.PARAGRAPH)
    assert not lb.subhead_above(subhead, lb.TITLE)  # a headline's first line may go on below
    assert not lb.subhead_above(full, lb.PARAGRAPH)  # a line running to the column's edge goes on


def test_a_line_under_a_latin_word_hyphenated_at_the_line_end_carries_it_on_even_where_it_ends_a_sentence():
    # the model reads ``source技术。`` under a short line as a paragraph of its own; the hyphen says
    # the word goes on across the break
    got = labelled("本报讯 近日，某市科协发布了新的科普平台。\n平台采用open-\nsource技术。\n")
    assert got[-1] == ("source技术。", lb.CONTINUED)


def test_where_the_two_passes_differ_on_a_headline_part_the_surer_free_reading_stands():
    u = unit("走近身边的科学")
    seen = lb.Labelled(u, lb.KICKER, 0.9, ())
    assert lb._surer(seen, lb.Labelled(u, lb.TITLE, 0.6, ()), True) is seen
    # but not when the second pass is surer, reads it as text, or was held to its label
    surer = lb.Labelled(u, lb.TITLE, 0.95, ())
    assert lb._surer(seen, surer, True) is surer
    text = lb.Labelled(u, lb.PARAGRAPH, 0.6, ())
    assert lb._surer(seen, text, True) is text
    held = lb.Labelled(u, lb.TITLE, 0.6, ())
    assert lb._surer(seen, held, False) is held


def test_the_body_model_never_puts_a_reporter_line_under_text_or_a_byline():
    model = lb._body_model()
    index = {lab: k for k, lab in enumerate(model.labels)}
    for above in (lb.PARAGRAPH, lb.CONTINUED, lb.BYLINE):
        assert model.trans[index[above]][index[lb.REPORTER]] == lb.NEVER
    assert model.trans[index[lb.TITLE]][index[lb.REPORTER]] > lb.NEVER


BLOCK_SUBHEAD_PAGE = "\n\n".join([
    "某县举办农技培训会",
    "本报讯 近日，某县科协在镇文化站举办农技培训会，来自各村的种植户和合作社负责人八十余人参加培训。",
    "产学研深度融合",
    "会议总结了全县科协组织一年来的工作情况，分析了当前存在的问题，并对下一步工作作了安排。",
    "精准对接解难题",
    "活动结束后，与会人员还实地参观了镇上的农业园区，详细了解了园区的做法和经验。",
]) + "\n"


def test_on_a_page_of_blocks_a_subhead_block_under_a_finished_sentence_stands_alone():
    # ``合会`` is a pair inside words (联合会), but the break falls between 融合 and 会议; and text
    # under a short block reads on as a paragraph of its own, not as the subhead's rest
    got = dict(labelled(BLOCK_SUBHEAD_PAGE))
    assert got["产学研深度融合"] == got["精准对接解难题"] == lb.PARAGRAPH
    assert got["会议总结了全县科协组织一年来的工作情况，分析了当前存在的问题，并对下一步工作作了安排。"] == lb.PARAGRAPH
    assert got["活动结束后，与会人员还实地参观了镇上的农业园区，详细了解了园区的做法和经验。"] == lb.PARAGRAPH


def test_a_block_cut_mid_sentence_or_over_a_headline_is_no_subhead():
    units = split_units("甲乙丙丁戊己庚辛，\n\n某某某某某\n\n丙丁戊己庚辛壬癸。\n\n"
                        "某县召开某某会议\n\n某某某某\n\n本报讯 某县召开会议。\n")
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    assert not lb.subhead_block(units, shapes, 1)  # under a clause cut short: the block goes on from it
    assert not lb.subhead_block(units, shapes, 3)  # a headline-shaped block under it: a column title or kicker


TAILED_PAGE = "\n".join([
    "某市召开院士专家工作站建设推进会",
    "——记某某大学医学专家服务团",
    "队",
    "本报记者 张小明 通讯员 王",
    "博",
    "本报讯 为进一步推动院士专家工作站建设，近日，某市召开推进会。",
    "会议总结了全市工作站建站以来的工作情况，并对下一步工作作了安排。",
]) + "\n"


def test_the_wrapped_rest_of_a_subtitle_or_a_reporter_line_is_that_part_not_furniture():
    got = labelled(TAILED_PAGE)
    assert [lab for _, lab in got[1:5]] == [lb.SUBTITLE, lb.SUBTITLE, lb.REPORTER, lb.REPORTER]


NARROW_HEADLINE_PAGE = "\n".join([
    "本报讯 近日，某县科协组织专家走",
    "进乡村，为种植户讲解病虫害防治",
    "技术，发放资料三百余份。",
    "",
    "某市园艺学会召",
    "开第五次会员代",
    "表大会",
    "",
    "本报讯 日前，某市园艺学会第五次",
    "会员代表大会在某市召开。会议选举",
    "产生了新一届理事会。",
]) + "\n"


def test_a_headline_wrapped_over_a_narrow_column_above_a_lead_is_one_headline():
    got = labelled(NARROW_HEADLINE_PAGE)
    assert [lab for text, lab in got if text in ("某市园艺学会召", "开第五次会员代", "表大会")] == [
        lb.TITLE, lb.TITLE_MORE, lb.TITLE_MORE]


def test_short_lines_over_a_lead_that_carry_on_text_cut_short_are_no_headline():
    page = NARROW_HEADLINE_PAGE.replace("发放资料三百余份。", "发放资料三百余份，并")
    got = labelled(page)
    assert [lab for text, lab in got if text == "某市园艺学会召"] != [lb.TITLE]


def test_a_sentence_with_a_full_stop_under_a_byline_is_no_headline():
    page = "\n".join([
        "某县举办科普活动",
        "本报讯 近日，某县科协在县城广场举办科普活动，吸引市民五百余人参加。",
        "（某县科协）",
        "",
        "像玻璃一样脆，孩子们发出阵阵惊叹。",
        "为确保活动取得实效，某区科协提前谋划、精心组织，制定了详细的工作方案。",
    ]) + "\n"
    got = dict(labelled(page))
    assert got["像玻璃一样脆，孩子们发出阵阵惊叹。"] not in lb.HEADING_PARTS
    assert got["某县举办科普活动"] == lb.TITLE  # a headline ending on a question or none is still one


def test_a_headline_may_end_on_a_question_mark():
    got = dict(labelled("科普活动如何走进乡村？\n本报讯 近日，某县科协组织专家走进乡村，为种植户讲解技术。\n"))
    assert got["科普活动如何走进乡村？"] == lb.TITLE


def test_a_paragraph_printed_again_under_a_byline_is_no_byline():
    from kexie_gui.core.labels import NO_FULL_STOP

    assert {lb.BYLINE, lb.REPORTER, lb.TITLE}.issubset(NO_FULL_STOP)
    page = "\n".join([
        "某县科协赴某镇开展调研",
        "本报讯 近日，某县科协一行赴某镇调研。某某对某镇科协工作给予充分肯定。",
        "（某县科协）",
        "某某对某镇科协工作给予充分肯定。他指出，某镇科协工作思路清晰。",
    ]) + "\n"
    got = dict(labelled(page))
    assert got["某某对某镇科协工作给予充分肯定。他指出，某镇科协工作思路清晰。"] not in (lb.BYLINE, lb.REPORTER)


def indented_page_with(paragraph: str) -> str:
    return "\n".join(pages.set_article(pages.QS_TITLE, [*pages.QS[:2], paragraph, *pages.QS[2:]], "本报记者 林一", 16,
                                       pages.IDEOGRAPHIC_INDENT)
                     + pages.set_article(pages.SX_TITLE, pages.SX, "何二", 16, pages.IDEOGRAPHIC_INDENT)) + "\n"


# the paragraph's second printed line ends a sentence at the column's edge; the third goes on flush
FULL_STOP_AT_EDGE = ("据了解，本次活动以科学就在身边为主题，为期一周，全县均参与。"
                     "活动期间，各级科协组织将开展科普讲座、科技咨询等三十余场次活动。")


def test_on_an_indented_page_a_flush_line_under_a_full_line_goes_on_even_after_a_full_stop():
    page = indented_page_with(FULL_STOP_AT_EDGE)
    got = dict(labelled(page))
    assert got["活动期间，各级科协组织将开展科普"] == lb.CONTINUED
    units = split_units(page)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    n = next(k for k, u in enumerate(units) if u.text.startswith("活动期间"))
    first = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in units]  # whatever the model read
    assert lb.goes_on_unindented(units, shapes, first, n)
    assert not lb.goes_on_unindented(units, shapes, first, n + 2)  # an indented line opens a paragraph


def test_on_an_indented_page_an_indented_line_under_a_finished_sentence_opens_a_paragraph():
    page = indented_page_with(FULL_STOP_AT_EDGE)
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    n = next(k for k, u in enumerate(units) if "镇科协负责人" in u.text)
    assert lb.opens_indented(units, shapes, n)  # under …三十余场次活动。
    cut = next(k for k, u in enumerate(units) if "文化站举办" in u.text)
    assert not lb.opens_indented(units, shapes, cut)  # flush, under a line cut mid-sentence


def test_a_short_flush_line_that_cuts_a_word_goes_on_but_a_subhead_does_not():
    # a paragraph whose second line runs to the edge and ends a sentence, then a short flush line
    for short, goes_on in (("专家们耐心解答群众在种", True), ("服务基层见实效", False)):
        lines = [pages.IDEOGRAPHIC_INDENT + "在咨询台前，前来咨询的群众", "络绎不绝，大家纷纷前来咨询问题。", short,
                 "植、养殖等方面的疑问，现场发放技术" if goes_on else pages.IDEOGRAPHIC_INDENT + "会议总结了全县的工作"]
        page = "\n".join(pages.set_article(pages.QS_TITLE, pages.QS, "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)
                         + lines) + "\n"
        units = split_units(page)
        shapes = shapes_of(units, convention_of(units))
        first = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in units]
        n = next(k for k, u in enumerate(units) if u.text.strip() == short)
        assert lb.goes_on_unindented(units, shapes, first, n) is goes_on


def test_on_an_indented_page_a_flush_line_under_a_paragraph_s_first_line_cut_short_goes_on():
    # a column break cut a paragraph right after its indented first few words; the rest goes on flush
    lines = [pages.IDEOGRAPHIC_INDENT + "调研组先后考察了岷", "江生物科技股份有限公司、某区生猪",
             "标准化养殖基地等地。"]
    page = "\n".join(pages.set_article(pages.QS_TITLE, pages.QS, "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)
                     + lines) + "\n"
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    n = next(k for k, u in enumerate(units) if u.text.startswith("江生物"))
    first = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in units]  # the first line opens a paragraph
    assert lb.goes_on_unindented(units, shapes, first, n)
    assert dict(labelled(page))["江生物科技股份有限公司、某区生猪"] == lb.CONTINUED
    # a subhead, flush, opens no paragraph a flush line could go on
    units[n - 1] = split_units("服务基层见实效\n")[0]
    shapes = shapes_of(units, convention_of(units))
    assert not lb.goes_on_unindented(units, shapes, first, n)


def test_on_an_indented_page_a_word_left_between_a_sentence_and_its_flush_rest_is_text_not_a_column_title():
    lines = [pages.IDEOGRAPHIC_INDENT + "会议总结了某市专家工作站建站",
             "以来的情况，对下步工作作了安排。",  # a sentence ending at the column's edge …
             "各",  # … a word a column break left on a line of its own …
             "建站单位围绕工作站运行情况、困难",  # … and the paragraph going on flush under it
             "作了交流发言。"]
    page = "\n".join(pages.set_article(pages.QS_TITLE, pages.QS, "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)
                     + lines) + "\n"
    got = [lab for _, lab in labelled(page)]
    at = len(pages.set_article(pages.QS_TITLE, pages.QS, "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)) + 2
    assert got[at:at + 2] == [lb.CONTINUED, lb.CONTINUED]


def test_a_scrap_of_text_cut_at_a_column_break_is_text_not_a_column_title():
    page = "\n".join([
        "某市召开院士专家工作站建设推进会",
        "本报讯 近日，某市召开院士专家工",
        "作站建设推进会。市科协负责人表示，",
        "将建立“一站一策”",
        "服务机",  # the column broke after 服务机
        "制，做好跟踪服务。据悉，市科协还",
        "将在各区县开展系列活动。",
    ]) + "\n"
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    k = next(i for i, u in enumerate(units) if u.text == "服务机")

    def looked(below: str) -> list:
        out = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units]
        out[k] = lb.Labelled(units[k], lb.FURNITURE, 0.8, ())  # what the model may make of a short line
        out[k + 1] = lb.Labelled(units[k + 1], below, 0.9, ())
        return out

    assert lb._word_cut_scraps(looked(lb.CONTINUED), shapes)[k].label == lb.CONTINUED
    assert lb._word_cut_scraps(looked(lb.TITLE), shapes)[k].label == lb.FURNITURE  # not between two lines of text


def scrap_read_as_furniture(page: str, scrap: str, around: str, confidence: float = 0.8):
    """The page's units and shapes, the scrap's position, and a first reading that took every line for
    ``around`` but the scrap, which it took for furniture by its shortness alone."""
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    k = next(i for i, u in enumerate(units) if u.text == scrap)
    looked = [lb.Labelled(u, around, 0.9, ()) for u in units]
    looked[k] = lb.Labelled(units[k], lb.FURNITURE, confidence, ())
    return units, shapes, k, looked


def test_a_scrap_that_finishes_a_word_the_line_above_cut_is_text_not_a_column_title():
    page = "\n".join([
        "某县举办校企技术对接会",
        "本报讯 近日，某县组织高校专家走进",
        "园区，与当地企业开展技术对接。某",
        "生物科技有限责任公",
        "司与川",  # 公|司: the line above cut 公司; 川|北 is no word to go by
        "北医学院现场签订了技术合作协议。",
    ]) + "\n"
    _, shapes, k, out = scrap_read_as_furniture(page, "司与川", lb.CONTINUED, 0.6)
    assert lb._word_cut_scraps(out, shapes)[k].label == lb.CONTINUED


@pytest.mark.parametrize(("scrap", "below", "text"), [
    ("全县具备科学", "素质的群众比例将超过一成。", True),  # 科学|素质: the page prints 科学素质 above
    ("科普视界", "素质的群众比例将超过一成。", False),  # 界|素: nothing runs on; a column title stays
    ("市农业科学研究院等单位的专家", "授课，采取理论讲授的方式。", True),  # longer than a column title runs
    ("现场问辩等环节，", "共评选出一等奖四十项。", True),  # no column title ends on a comma …
    ("向群众身边延伸，为全县", "经济社会高质量发展提供有力的科技支撑。", True),  # … nor holds one
])
def test_a_scrap_a_column_break_left_between_two_blocks_is_text_where_its_words_run_on(scrap, below, text):
    page = "\n\n".join([
        "某县推进全民科学素质行动",
        "本报讯 近日，某县印发全民科学素质行动实施方案，到明年，",
        scrap,  # the column broke twice: before and after this scrap, each break a blank line
        below,
        "据统计，今年以来全县共开展科普活动四十余场次。",
    ]) + "\n"
    _, shapes, k, looked = scrap_read_as_furniture(page, scrap, lb.PARAGRAPH)
    assert (lb._word_cut_scraps(looked, shapes)[k].label == lb.CONTINUED) is text


def test_a_scrap_ending_in_half_a_word_that_a_text_block_below_finishes_is_no_headline():
    page = "\n\n".join([
        "某市老科协赴某区开展专题调研",
        "本报讯 9月16日，某市老科协调研组一行来到某区开展专题调研。",
        "调研组先后考察了岷",  # the column broke inside 岷江
        "江生物科技股份有限公司、某区生猪标准化养殖基地等地，详细了解企业技术需求。",
        "调研组要求，各级科协组织要当好科技工作者之家。",
    ]) + "\n"
    units = split_units(page)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    n = next(i for i, u in enumerate(units) if u.text == "调研组先后考察了岷")
    first = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in units]
    first[n] = lb.Labelled(units[n], lb.TITLE, 0.95, ())  # what a first reading may make of a short block
    assert lb._second_reading_bound(units, shapes, first, n, conv.wrapped, conv) == "para"
    # a headline over a lead makes no such pair with it, whatever its characters across read (课|本报讯)
    page = "\n\n".join(["某镇乡村夜校开讲电商直播课", "本报讯 近日，某镇乡村夜校迎来首批学员。"]) + "\n"
    assert dict(labelled(page))["某镇乡村夜校开讲电商直播课"] == lb.TITLE


def test_a_scrap_leaving_a_quotation_open_goes_on_past_a_photo_credit_printed_under_it():
    page = "\n\n".join([
        "某县科协夯实基层组织基础",
        "本报讯 近年来，某县科协深入实施科普惠民工程，不断夯实基层组织基础，",
        "全县“科技工作",
        "林一 摄",  # the photo's credit, printed where the column broke
        "者之家”建设取得明显成效。",
    ]) + "\n"
    units, shapes, k, looked = scrap_read_as_furniture(page, "全县“科技工作", lb.PARAGRAPH)
    looked[k + 1] = lb.Labelled(units[k + 1], lb.FURNITURE, 0.9, ())
    out = lb._word_cut_scraps(looked, shapes)
    assert out[k].label == lb.CONTINUED and out[k + 1].label == lb.FURNITURE


def test_on_a_page_of_one_paragraph_per_line_a_subhead_line_stands_alone():
    page = BLOCK_SUBHEAD_PAGE.replace("\n\n", "\n")
    assert convention_of(split_units(page)).name == "paragraph-per-line"
    got = dict(labelled(page))
    assert got["会议总结了全县科协组织一年来的工作情况，分析了当前存在的问题，并对下一步工作作了安排。"] == lb.PARAGRAPH
    assert got["活动结束后，与会人员还实地参观了镇上的农业园区，详细了解了园区的做法和经验。"] == lb.PARAGRAPH


def test_a_headline_over_its_lead_is_a_headline_under_a_line_left_open():
    # the column above ends mid-sentence (its text goes on elsewhere); the headline under it opens an
    # article of its own
    page = "\n".join([
        "某县表彰优秀科技工作者",
        "本报讯 近日，某县表彰了一批优秀科技工作者。",
        "据了解，某县科协将把此项工作纳入年",
        "度目标考核，建立定期调度、跟踪问效机制，",
        "某市科技活动周启动 140余项",
        "活动惠及群众",
        "本报讯 近日，某市2024年科技活动周暨",
        "科普进社区活动正式启动。",
    ]) + "\n"
    got = dict(labelled(page))
    assert got["某市科技活动周启动 140余项"] == lb.TITLE
    # however sure a reading was that the line carries the open sentence on, it may only be a heading part
    units = split_units(page)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    model = lb._body_model()
    first = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units]
    feats = lb.line_features(units, conv, 0.0, shapes)
    allowed = lb._allowed_labels(model, units, shapes, first, feats, conv.wrapped, conv)
    assert {model.labels[k] for k in allowed[4]} <= set(lb.HEADING_PARTS)


def test_the_rest_of_a_bracket_left_open_is_text_not_furniture():
    units = split_units("据悉，今年以来，某市科协已累计举办\n各类培训班十六期。(张建\n瑶)\n某县举办科技节\n")
    looked = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "PCFT", strict=True)]
    assert [x.label for x in lb._bracket_rests(looked)] == ["P", "C", "C", "T"]
    ocr_read = split_units("各类培训班十六期。 〈 某某科\n协)\n")  # OCR read the bracket as 〈
    looked = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(ocr_read, "CF", strict=True)]
    assert lb._bracket_rests(looked)[1].label == lb.CONTINUED
    closed = split_units("各类培训班十六期。(张建瑶)\n2\n")
    looked = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(closed, "CF", strict=True)]
    assert lb._bracket_rests(looked)[1].label == lb.FURNITURE  # nothing left open above a page number


def test_on_a_page_with_a_blank_after_every_line_a_bracket_rest_is_text_too():
    units = split_units("各类培训班十六期。(张建\n\n瑶)\n")
    looked = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "CF", strict=True)]
    assert lb._bracket_rests(list(looked), blanks_separate=False)[1].label == lb.CONTINUED
    assert lb._bracket_rests(list(looked), blanks_separate=True)[1].label == lb.FURNITURE


def test_a_bracketed_byline_line_is_never_the_rest_of_a_sentence_cut_short():
    # two columns read line by line: another article's byline falls between two lines of a sentence
    page = "\n".join([
        "某县举办科普活动",
        "本报讯 近日，某县科协举办科普活动。",
        "学生们参观了科学实验秀，看到液氮瞬间把鲜花冻得",
        "（某市科协）",
        "像玻璃一样脆，孩子们发出阵阵惊叹。",
    ]) + "\n"
    units = split_units(page)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    model = lb._body_model()
    first = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units]
    allowed = lb._allowed_labels(model, units, shapes, first, lb.line_features(units, conv, 0.0, shapes),
                                 conv.wrapped, conv)
    assert lb.CONTINUED not in {model.labels[k] for k in allowed[3]}


def test_under_an_extractors_blank_lines_indentation_still_tells_paragraph_starts():
    # pdfminer's blank line after every printed line; a column break left a short line mid-sentence
    lines = ["\u3000\u3000培训邀请了某某大学、某某市农业科", "学研究院等单位", "的专家授课，内容涵盖花椒栽培、病",
             "虫害防治等方面。", "\u3000\u3000某某对某县科协工作给予充分肯定。", "他指出，某县在人力、物力等方面做",
             "好了保障。"]
    units = split_units("\n\n".join(lines) + "\n")
    conv = convention_of(units, "blank-after-line")
    shapes = shapes_of(units, conv)
    first = [lb.Labelled(u, lb.PARAGRAPH if u.indent else lb.CONTINUED, 0.9, ()) for u in units]
    assert lb.goes_on_unindented(units, shapes, first, 2, blanks_separate=False)  # under a short cut line
    assert not lb.goes_on_unindented(units, shapes, first, 2, blanks_separate=True)
    assert lb.goes_on_unindented(units, shapes, first, 5, blanks_separate=False)  # under an indented full line
    assert lb.opens_indented(units, shapes, 4)


GROWTH = "2024年，某市实现地区生产总值二百九十八亿元，同比增长百分之八。"


def short_news_page(middle: str, lead_after: str = GROWTH) -> str:
    """Three articles with leads; the first goes on under a short line (a subhead or a headline)."""
    return "\n\n".join([
        "某市科协开展科普进社区系列活动",
        "本报讯 近日，某县2024年科技活动周暨科普进社区活动正式启动。",
        middle,
        lead_after,
        "（某市科协）",
        "某县举办中药材实用技术培训班",
        "本报讯 7月10日，由某市科协主办的中药材实用技术培训班在某县举行。",
        "某区召开全国科技工作者日座谈会",
        "本报讯 近日，某区科协召开科技工作者代表座谈会。",
    ]) + "\n"


def test_a_short_line_amid_an_article_that_has_not_ended_is_a_subhead_not_a_headline():
    got = dict(labelled(short_news_page("创新机制添活力")))
    assert got["创新机制添活力"] == lb.PARAGRAPH


def test_a_headline_as_long_as_the_others_over_no_lead_stays_a_headline():
    got = dict(labelled(short_news_page("某市科技志愿服务队走进某县乡镇", "活动中，专家们深入种植基地查看作物长势。")))
    assert got["某市科技志愿服务队走进某县乡镇"] == lb.TITLE


def test_on_a_page_of_blocks_a_block_under_a_finished_sentence_opens_a_paragraph():
    units = split_units("近日，某区科协召开科技工作者代表座谈会，三十余名代表参加。\n\n\n据统计，今年以来某区共开展科"
                        "\n\n普活动五十余场次，参与群众四千余人次。\n\n会议要求，各级科协要当好科技工作者之家。\n")
    conv = convention_of(units, "blank-blocks")
    shapes = shapes_of(units, conv)
    assert lb.opens_block(units, shapes, 1, conv)  # under …代表参加。
    assert not lb.opens_block(units, shapes, 2, conv)  # under a block cut mid-word: it goes on there


def test_a_bracket_rest_two_lines_down_is_text_where_two_columns_are_read_line_by_line():
    units = split_units("让科学知识走进千家万户。（周\n。\n明远）\n要点，发放明白纸五百份。（李青禾）\n2\n")
    looked = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "CCFCF", strict=True)]
    out = lb._bracket_rests(looked)
    assert out[2].label == lb.CONTINUED
    assert out[4].label == lb.FURNITURE  # a page number under a closed bracket


def test_the_invented_interleaved_page_reads_three_articles_with_their_bylines():
    from kexie_gui.core import analyse, apply, page_from_text
    from kexie_gui.core.model import Decisions

    raw = (Path(__file__).resolve().parents[1] / "data" / "interleaved.txt").read_text(encoding="utf-8")
    clean = apply(analyse(page_from_text(raw)), Decisions())
    assert [a.title for a in clean.articles] == [
        "云溪县科协举办乡村科普大篷车巡展活动", "青禾镇建成首个青少年科技创新工作室", "石桥村推广稻田养鱼新技术"]
    assert clean.articles[0].paragraphs[-1].endswith("（周明远）") or clean.articles[0].byline == "周明远"


def test_a_short_line_holding_a_full_stop_that_stops_mid_sentence_runs_on():
    from kexie_gui.core.features import shape_of

    cut = split_units("阶段工作作了安排。各\n建站单位围绕工作站运行情况进行了交流。\n")
    shape = shape_of(cut[0], True, 22.0)
    assert shape.heading  # short: shaped as a headline might be …
    assert lb.runs_on(shape, cut[0], cut[1], lb.CONTINUED)  # … but a full stop inside makes it text
    title = split_units("某县召开科技工作会\n本报讯 近日，某县召开会议。\n")
    assert not lb.runs_on(shape_of(title[0], True, 22.0), title[0], title[1], lb.TITLE)


def test_a_page_header_over_a_lead_is_furniture_though_a_headline_would_stand_there():
    # the headline was cut off; an OCR read the header's separators as quotes
    page = ("某某科技报”2024年7月23日 ”星期二 第7版\n本报讯 2月4日，某区第九届青少年科技节开幕，\n"
            "全县三十一所学校的师生参加开幕式。\n")
    units = split_units(page)
    conv = convention_of(units)
    got = [x.label for x in lb.first_look(units, conv, 0.0, shapes_of(units, conv))]
    assert got[0] == lb.FURNITURE and lb.PAGE_HEADER in lb.FIRM_FURNITURE


def test_a_subtitle_whose_dash_ocr_read_as_two_yi_is_a_subtitle_not_the_headline():
    page = "\n".join(["某市开展科普活动", "本报讯 近日，某市开展科普活动，群众踊跃参加。", "（某县科协）",
                      "某县营养学会成立", "一一某市科协扎实推进学会改革", "纪实",
                      "本报讯 近日，某县营养学会成立大会召开。", "会议选举产生了第一届理事会。"]) + "\n"
    got = labelled(page)
    assert [lab for _text, lab in got[3:6]] == [lb.TITLE, lb.SUBTITLE, lb.SUBTITLE]


def test_a_paragraph_start_whose_indent_and_full_stop_ocr_dropped_is_not_held_to_carry_on():
    # OCR of a screenshot: the last line's 。 and the next paragraph's indent are gone; the next line
    # is an indent short of the column, the line after it full again
    lines = ["积极投身创新实践，在科技创新的道", "路上奋力前行、勇攀高峰、再立新功", "近年来，某某市科协坚持以科技",
             "工作者为本，深入实施科普惠民等工", "程，不断夯实基层组织基础。"]
    units = split_units("\n".join(lines) + "\n")
    shapes = shapes_of(units, convention_of(units, "wrapped-plain"))
    assert lb._indent_lost(units, shapes, 2)
    assert not lb._indent_lost(units, shapes, 3)  # a full line under a line cut mid-word goes on


def test_an_indented_line_under_a_short_line_whose_full_stop_ocr_dropped_is_not_held_to_carry_on():
    # the short last line lost its 。; its last character and the next line's first make a word (远|近),
    # but a line cut short goes on flush: the indented line under it may open a paragraph
    lines = ["\u3000\u3000某市科协相关负责人表示，将推动", "科技馆与学校合作，让更多青少年在", "科学的道路上走得更远",
             "\u3000\u3000近年来，某市科协坚持以科技工", "作者为本，深入实施科普惠民工程。"]
    units = split_units("\n".join(lines) + "\n")
    conv = convention_of(units, "wrapped-indented")
    shapes = shapes_of(units, conv)
    assert lb.runs_on(shapes[2], units[2], units[3], lb.CONTINUED)  # the word across alone would hold it
    assert lb._stop_lost(units, shapes, 3, True)
    assert not lb._stop_lost(units, shapes, 4, True)  # a flush line
    assert not lb._stop_lost(units, shapes, 3, False)  # a page that does not indent its paragraphs


def test_an_indented_line_under_a_full_line_whose_full_stop_ocr_dropped_opens_a_paragraph():
    # the paragraph's last line ran to the column's edge and its 。 there was lost; the next paragraph
    # opens indented, and a line cut short would have gone on flush
    page = "\n".join([
        "某县召开科技服务座谈会",
        "\u3000\u3000本报讯 近日，某县召开科技服务",
        "座谈会，县科协、农业农村局等单位负责",
        "人参加会议，围绕科技助力产业发展开展",
        "交流。",
        "\u3000\u3000在随后召开的座谈会上，某县相关",
        "部门负责人分别介绍了全县中药材产业发",
        "展、科技服务体系建设等情况，并就下一",
        "步工作提出了意见建议，大家一致提出建",
        "议，要把科技服务送到田间地头去的意见",
        "\u3000\u3000某某对县科协工作给予充分肯定。",
        "他指出，县科协工作思路清晰、特色鲜明",
        "，特别是在服务产业发展方面探索出了有",
        "益经验，值得在全市推广。",
        "\u3000\u3000会议要求，要聚焦群众需求，坚持",
        "问题导向，把科技服务做实做细。"]) + "\n"
    got = labelled(page)
    assert [lab for _text, lab in got[9:12]] == [lb.CONTINUED, lb.PARAGRAPH, lb.CONTINUED]


def test_a_line_opening_a_paragraph_under_a_short_line_whose_full_stop_ocr_dropped_opens_a_paragraph():
    # OCR of a screenshot, no indents: the short last line lost its 。 and the next opens with 据了解，
    page = "\n".join([
        "某市举办科技活动周",
        "本报讯 近日，某市科技活动周正式启",
        "动，市科协、市科技局等单位负责人出",
        "席启动仪式并为科普志愿者代表授旗。",
        "活动现场设置了科普展板、互动体验、",
        "健康咨询等多个功能区，吸引了众多市",
        "民驻足参观。",
        "2023年，某市实现地区生产总值852",
        "亿元，同比增长1.4%，高新技术产业",
        "产值占规上工业比重达到66.8%",
        "据了解，本次活动以提升公民科学素质",
        "为主题，将持续到5月4日。活动期间，",
        "各级科协组织和学会将开展科普讲座、",
        "科技咨询、科普展览等70余场次活动，",
        "让科学知识走进千家万户。"]) + "\n"
    got = labelled(page)
    assert [lab for _text, lab in got[9:12]] == [lb.CONTINUED, lb.PARAGRAPH, lb.CONTINUED]


def test_a_subhead_under_a_short_line_whose_full_stop_ocr_dropped_stands_on_its_own():
    # …比重达到50.3% (its 。 lost) | 党建引领促发展 | the next paragraph: two short lines in a row cannot both
    # be wrapped text, so the upper one ended its paragraph and the lower one is a subhead
    lines = ["2023年，某市实现地区生产总值852亿", "元，同比增长1.4%，高新技术产业产值", "占规上工业比重达到",
             "50.3%", "党建引领促发展", "“以前种猕猴桃全凭经验，这次听了专家讲课。”"]
    units = split_units("\n".join(lines) + "\n")
    shapes = shapes_of(units, convention_of(units, "wrapped-plain"))
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["P", "C", "C", "C", "C", "P"], strict=True)]
    assert [x.label for x in lb._short_after_short(out, shapes)] == ["P", "C", "C", "C", "P", "P"]
    # under a full line, the short line is its paragraph's last
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["P", "C", "C", "C", "C", "P"], strict=True)]
    full = [dataclasses.replace(x, width=x.column) if k == 3 else x for k, x in enumerate(shapes)]
    assert [x.label for x in lb._short_after_short(out, full)][4] == "C"


def test_an_indent_under_a_line_that_leaves_a_quotation_open_is_no_paragraph_start():
    # OCR lost the closing ” that opened the next line, and the line reads an indent in: the quotation
    # left open goes on
    lines = ["\u3000\u3000近年来，某市科协坚持以科技工", "作者为本，深入实施科技志愿服", "务行动和“科普惠民",
             "\u3000\u3000“科技助企”等工程，不断夯实基层", "组织基础，取得明显成效。"]
    units = split_units("\n".join(lines) + "\n")
    shapes = shapes_of(units, convention_of(units, "wrapped-indented"))
    assert not lb._stop_lost(units, shapes, 3, True)


def test_a_line_closing_a_bracket_inside_its_sentence_runs_on_and_the_short_line_under_it_is_no_headline():
    # an extractor's blank line after every printed line; 把院士(专家) closes an aside, not the sentence
    page = "\n\n".join([
        "某市召开科技工作者座谈会",
        "本报讯 近日，某市召开科技工作者座谈会，",
        "市科协负责人出席会议并讲话。",
        "会上，与会代表结合工作实际踊跃发言，围绕",
        "人才评价、成果转化等提出了意见建议。",
        "高某强调，一是要提高思想认识，把院士(专家)",
        "工作站建设作为一项重要",
        "任务抓紧抓实；二是要加强统筹协调，形成工作",
        "合力；三是要创新方式方法，不断提升工作实效，",
        "为全市高质量发展贡献力量。",
    ]) + "\n"
    assert dict(labelled(page))["工作站建设作为一项重要"] == lb.CONTINUED



def test_a_photo_credit_with_its_摄_apart_is_furniture_whatever_the_model_prefers(monkeypatch):
    page = ("某市召开科技工作者座谈会\n讲解员在田间地头体验互动科普展品。\n记者 某甲 摄\n超级月亮引市民争相拍摄\n"
            "▲志愿者向群众发放科普宣传资料 某乙 摄\n")
    units = split_units(page)
    conv = convention_of(units)

    def headlines_everywhere(model, feats, allowed, marginals=False):  # a model that prefers a headline
        title = model.labels.index(lb.TITLE)
        labels = [model.labels[a[0]] if a is not None and title not in a else lb.TITLE for a in allowed]
        return labels, [0.9] * len(labels)

    monkeypatch.setattr(lb, "decode", headlines_everywhere)
    got = dict((x.unit.text, x.label) for x in lb.first_look(units, conv, 0.0, shapes_of(units, conv)))
    assert got["记者 某甲 摄"] == lb.FURNITURE
    assert got["▲志愿者向群众发放科普宣传资料 某乙 摄"] == lb.FURNITURE  # a caption ending on its credit
    assert got["超级月亮引市民争相拍摄"] == lb.TITLE  # a headline may end on the verb 摄


def test_a_photo_caption_printed_inside_a_sentence_is_furniture_and_the_sentence_reads_on_past_it():
    page = "\n".join([  # hard-wrapped at 18, paragraphs indented
        "某市获评科创中国试点城市",
        "\u3000\u3000本报讯 近日，记者从某市科协获",
        "图为果园，讲解员演示无人机植保作业。",  # a caption the layout put inside the lead
        "悉，某市成功入选新一轮科创中国试点城市，",
        "是全省入选城市之一。",
        "\u3000\u3000近年来，某市科协坚持以科技工作者为本，",
        "深入实施科普惠民工程，不断夯实基层组织基础，",
        "全市科技工作者之家建设取得明显成效。",
    ]) + "\n"
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    k = next(i for i, u in enumerate(units) if u.text.startswith("图为"))
    out = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units]  # what a first reading may make of it
    assert lb._captions_amid_text(out, shapes)[k].label == lb.FURNITURE
    # a whole sentence shaped as a caption under a line cut mid-sentence stands apart from the text …
    units_b = split_units(page.replace("悉，某市", "某市"))
    shapes_b = shapes_of(units_b, convention_of(units_b))
    out_b = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units_b]
    assert lb._captions_amid_text(out_b, shapes_b)[k].label == lb.FURNITURE
    # … unless its first characters finish a word the line above cut (蓝 | 图为…: 蓝图): the first reading stands
    units_e = split_units(page.replace("悉，某市", "某市").replace("记者从某市科协获", "某市绘就发展蓝"))
    shapes_e = shapes_of(units_e, convention_of(units_e))
    out_e = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units_e]
    assert lb._captions_amid_text(out_e, shapes_e)[k].label == lb.CONTINUED
    # over its photo's credit a caption stands apart wherever it stands
    units_f = split_units(page.replace("作业。\n", "作业。\n某乙 摄\n").replace("记者从某市科协获", "某市绘就发展蓝"))
    shapes_f = shapes_of(units_f, convention_of(units_f))
    out_f = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units_f]
    out_f[k + 1] = lb.Labelled(units_f[k + 1], lb.FURNITURE, 0.9, ())
    assert lb._captions_amid_text(out_f, shapes_f)[k].label == lb.FURNITURE
    # the caption's own credit may stand under it
    units_d = split_units(page.replace("作业。\n", "作业。\n记者 某乙 摄\n"))
    shapes_d = shapes_of(units_d, convention_of(units_d))
    out_d = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units_d]
    out_d[k + 1] = lb.Labelled(units_d[k + 1], lb.FURNITURE, 0.9, ())
    assert lb._captions_amid_text(out_d, shapes_d)[k].label == lb.FURNITURE
    # above a comma the sentence goes on whatever the line below starts with
    units_c = split_units(page.replace("科协获\n", "科协获悉，\n").replace("悉，某市", "某市"))
    shapes_c = shapes_of(units_c, convention_of(units_c))
    out_c = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units_c]
    assert lb._captions_amid_text(out_c, shapes_c)[k].label == lb.FURNITURE


def test_a_whole_sentence_between_a_finished_one_and_a_photo_credit_is_the_photo_s_caption():
    page = "\n".join([  # hard-wrapped at 18, paragraphs indented
        "某市举办全国科普日主场活动",
        "\u3000\u3000本报讯 近日，某市全国科普日主场活动在",
        "市科技馆举行，百余名市民和中小学生参加。",
        "学生们在活动现场向群众讲解科普知识。",  # a caption set without 图为 …
        "某甲 摄",  # … over its photo's credit
        "\u3000\u3000今年以来，某市科协共开展各类科普活动",
        "九十余场次，参与群众六千余人次。",
    ]) + "\n"
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    out = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in units]  # what a first reading may make of it
    out[4] = lb.Labelled(units[4], lb.FURNITURE, 0.9, ())
    assert lb._captions_over_a_credit(out, shapes)[3].label == lb.FURNITURE
    # text going on mid-sentence above the credit is the paragraph the photo stands in
    cut = split_units(page.replace("参加。\n学生们", "参加，\n学生们"))
    out = [lb.Labelled(u, lb.CONTINUED, 0.9, ()) for u in cut]
    out[4] = lb.Labelled(cut[4], lb.FURNITURE, 0.9, ())
    assert lb._captions_over_a_credit(out, shapes_of(cut, convention_of(cut)))[3].label == lb.CONTINUED


def test_a_sentence_over_a_caption_of_its_own_shape_is_text_going_on_the_comma_above():
    page = "\n\n".join([  # blocks parted by blank lines
        "某市获评科创中国试点城市",
        "本报讯 日前，记者从某市科协获悉，某市成功入选新一轮科创中国试点城市。",
        "对接会上，25个科技成果项目进行了集中路演，现场达成合作意向36项，",
        "意向金额260余万元。",  # the sentence above goes on here, a column further
        "▲志愿者向群众发放科普宣传资料 某甲 摄",  # the photo's caption, its credit on it
    ]) + "\n"
    units = split_units(page)
    shapes = shapes_of(units, convention_of(units))
    out = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in units]
    out[3] = lb.Labelled(units[3], lb.FURNITURE, 0.54, ())  # what a first reading may make of it
    out[4] = lb.Labelled(units[4], lb.FURNITURE, 0.9, ())
    assert lb._sentences_over_a_caption(out, shapes)[3].label == lb.CONTINUED
    # over a credit alone it may be the photo's caption: the first reading stands
    bare = split_units(page.replace("▲志愿者向群众发放科普宣传资料 某甲 摄", "（某中心供图）"))
    again = [lb.Labelled(u, lb.PARAGRAPH, 0.9, ()) for u in bare]
    again[3] = lb.Labelled(bare[3], lb.FURNITURE, 0.54, ())
    again[4] = lb.Labelled(bare[4], lb.FURNITURE, 0.9, ())
    assert lb._sentences_over_a_caption(again, shapes_of(bare, convention_of(bare)))[3].label == lb.FURNITURE


def test_a_speaker_s_next_words_under_a_full_line_stay_in_the_paragraph_on_a_page_without_indentation():
    lines = [  # hard-wrapped at 18, no indentation: a paragraph's end shows only as a short last line
        "本报讯 日前，某市电子学学会第五次会员代表",
        "大会在某市召开，市科协负责人出席会议。某某",
        "代表市科协对大会的召开表示热烈祝贺和感谢。",  # a full line ending a sentence …
        "他指出，上一届理事会以来，学会坚持服务创新",  # … and the speaker goes on
        "驱动发展，为全市发展作出了积极贡献。",
        "大会审议通过了上一届理事会工作报告，选举产",  # a paragraph after a short last line
        "生了新一届理事会。",
    ]
    units = split_units("\n".join(lines) + "\n")
    shapes = [shape_of(u, False, 21.0) for u in units]  # a column 21 wide
    assert shapes[2].full and not shapes[4].full
    out = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "PCCPCPC", strict=True)]
    got = [x.label for x in lb._speaker_goes_on(out, shapes)]
    assert got[3] == lb.CONTINUED and got[5] == lb.PARAGRAPH


@pytest.mark.parametrize("cut", [
    ["某某强调，一是要提高思想认识，",
     "把科普工作站建设作为一",  # …
     "项重要",  # … a scrap carrying on the open sentence, ending on a character …
     "任务抓紧抓实；二是要加强统筹",  # … which this line finishes
     "协调，形成工作合力。"],
    ["据统计，今年上半年以来，全市各县",
     "区科协组织共开展了各类科普活动",
     "160余场次，参与",  # a scrap may open with a number
     "群众2700余人次，建成社区科普",
     "站13个。"]])
def test_a_scrap_left_between_two_column_breaks_leaves_its_sentence_open_for_the_line_below(cut):
    # hard-wrapped at 16, no indentation, as the rest of the page; a column break cut a printed line twice
    page = [pages.QS_TITLE, *[x for p in pages.QS for x in pages.wrap(p, 16)], *cut,
            *[x for p in pages.SX[1:] for x in pages.wrap(p, 16)]]
    got = [lab for _, lab in labelled("\n".join(page) + "\n")]
    at = page.index(cut[0])
    assert got[at:at + 6] == ["P", "C", "C", "C", "C", "P"]


def test_the_words_saying_whose_quotation_ends_a_full_line_stay_in_its_paragraph_on_a_page_without_indentation():
    lines = [  # hard-wrapped at 18, no indentation
        "本报讯 日前，某县举办油菜种植技术培训班，",
        "来自各乡镇的种植大户参加培训。“油菜是我们",
        "县的主导产业，科技就是最大的生产力。”",
        "某县分管负责同志某某介绍，全县油菜种植面积",  # whose words they were: the quotation's paragraph
        "已发展到3100余亩。",
        "培训结束后，学员们还参观了种植基地。",  # a paragraph after a short last line
    ]
    units = split_units("\n".join(lines) + "\n")
    shapes = [shape_of(u, False, 21.0) for u in units]
    shapes[2] = shape_of(units[2], False, 19.0)  # the quotation's line runs to the column's edge
    assert shapes[2].full and not shapes[4].full
    out = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "PCCPCP", strict=True)]
    got = [x.label for x in lb._speaker_goes_on(out, shapes)]
    assert got[3] == lb.CONTINUED and got[5] == lb.PARAGRAPH
    # the same words under a sentence that closes no quotation are no evidence
    units[2] = split_units("县的主导产业，科技就是最大的生产力。\n")[0]
    out = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, "PCCPCP", strict=True)]
    assert lb._speaker_goes_on(out, shapes)[3].label == lb.PARAGRAPH


def test_a_paragraph_cut_right_after_its_speaker_is_no_headline_and_reads_on_into_the_verb_of_saying():
    got = labelled("某县开展科技志愿服务活动\n\n"
                   "本报讯 5月8日，某县科协组织科技志愿服务队走进乡村，开展技术服务活动。\n\n"
                   "活动中，专家们深入种植基地，手把手指导农户进行修剪和施肥。\n\n"
                   "某县科协有关负责人\n\n"
                   "介绍，目前全县已组建各类科技志愿服务队40支，常态化开展科技服务。\n\n"
                   "（某甲）\n")
    assert [lab for _, lab in got] == ["T", "P", "P", "P", "C", "B"]



def read_as(lines: list[str], first: list[str]) -> list[str]:
    """The labels ``_captions_over_a_credit`` gives lines a first reading labelled ``first``."""
    units = split_units("\n\n".join(lines) + "\n")
    shapes = shapes_of(units, convention_of(units))
    out = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, first, strict=True)]
    return [x.label for x in lb._captions_over_a_credit(out, shapes)]


CUT_AROUND_A_PHOTO = [
    "调研组先后考察了某食品股份有限公司、某县柑橘标准化种植基地、乡镇科普活动站等地，详细了解企业研发投入、",
    "技术人员在果园向群众讲解科普知识。",
    "（县科协供图）",
    "技术需求和人才引进情况，并与基层干部群众进行了深入交流。",
]


def test_a_caption_sentence_over_its_credit_amid_a_paragraph_cut_on_a_clause_mark_is_furniture():
    assert read_as(CUT_AROUND_A_PHOTO, ["P", "C", "F", "P"]) == ["P", "F", "F", "P"]


def test_a_caption_sentence_over_its_credit_amid_a_paragraph_cut_on_a_character_is_furniture():
    lines = ["活动结束后，与会人员还实地参观了某县科技馆，详细了解了该基地在",
             "技术人员在科技馆展厅介绍节水灌溉设备。", "（区科技馆供图）", "科普展教、研学实践等方面的做法和经验。"]
    assert read_as(lines, ["P", "C", "F", "C"]) == ["P", "F", "F", "C"]

def test_a_line_with_clause_marks_over_a_photo_credit_goes_on_the_sentence_above_it():
    lines = ["某甲指出，科普工作是科协组织服务大局的重要抓手。他要求，各单位要结合职能职责，",
             "细化工作措施，明确时间节点，确保各项任务落地见效。", "（县科协供图）",
             "面对新形势新任务新要求，广大科技工作者要积极投身创新实践。"]
    assert read_as(lines, ["P", "C", "F", "P"]) == ["P", "C", "F", "P"]


def test_a_sentence_over_a_credit_stays_text_where_a_paragraph_opens_under_the_credit():
    lines = CUT_AROUND_A_PHOTO[:3] + ["据了解，该县已建成科普示范基地12个。"]
    assert read_as(lines, ["P", "C", "F", "P"]) == ["P", "C", "F", "P"]


def cut_off(lines: list[str], first: list[str], one_column: bool = True) -> list[str]:
    """The labels ``_speaker_cut_off`` gives lines (blank lines between) a reading labelled ``first``."""
    units = split_units("\n\n".join(lines) + "\n")
    out = [lb.Labelled(u, lab, 0.9, ()) for u, lab in zip(units, first, strict=True)]
    return [x.label for x in lb._speaker_cut_off(out, one_column)]


def test_a_headline_shaped_piece_over_a_word_and_a_comma_no_sentence_opens_with_is_a_paragraph_cut_in_two():
    lines = ["授课专家某某结合多年生产", "实践，用通俗易懂的语言讲解了果树管理中的常见问题。"]
    assert cut_off(lines, ["T", "P"]) == ["P", "C"]
    assert cut_off(lines, ["T", "P"], one_column=False) == ["T", "P"]  # side by side: another column's piece


def test_text_cut_mid_sentence_goes_on_past_a_caption_into_a_word_and_a_comma_no_sentence_opens_with():
    # a column break cut …新 | 要求，… and a photo caption stands between the two pieces
    lines = ["面对新形势新任务新", "图为社区广场，科技志愿者演示无人机植保作业。", "要求，广大科技工作者要牢记使命。"]
    assert cut_off(lines, ["P", "F", "P"]) == ["P", "F", "C"]
    # under a finished sentence the same line opens nothing of its own either, but is no evidence here
    assert cut_off(["会议要求各地抓好落实。", "要求，广大科技工作者要牢记使命。"], ["P", "P"]) == ["P", "P"]
    assert cut_off(["面对新形势新任务新", "会上，广大科技工作者表示赞同。"], ["P", "P"]) == ["P", "P"]


def test_a_headline_over_a_sentence_opening_on_a_word_of_time_or_linking_stays_a_headline():
    for opener in ("目前", "同时", "会上"):
        lines = ["某县举办果树修剪培训班", f"{opener}，全县已有果园两千余亩，技术需求旺盛。"]
        assert cut_off(lines, ["T", "P"]) == ["T", "P"]


def test_a_headline_shaped_line_over_a_jump_line_from_another_page_heads_the_continued_article():
    lines = ["某市召开科技服务站建设工作推进会", "（上接1版）", "会议总结了全市科技服务站一年来的工作。"]
    units = split_units("\n\n".join(lines) + "\n")
    shapes = shapes_of(units, convention_of(units))
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["P", "F", "C"], strict=True)]
    assert [x.label for x in lb._headline_over_a_jump(out, shapes)] == ["T", "F", "C"]
    # a headline as long as the column, no mark in it, heads it too
    lines = ["某某市召开院士专家工作站建设工作推进会", "（上接1版）", "会议总结了全市院士专家工作站建站以来",
             "的工作情况，分析了当前存在的问题。"]
    units = split_units("\n\n".join(lines) + "\n")
    shapes = [dataclasses.replace(x, full=True) if k == 0 else x
              for k, x in enumerate(shapes_of(units, convention_of(units)))]
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["P", "F", "C", "C"], strict=True)]
    assert [x.label for x in lb._headline_over_a_jump(out, shapes)] == ["T", "F", "C", "C"]
    # a full line going on a sentence cut above it is text read out of turn, whatever follows it
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["C", "F", "C", "C"], strict=True)]
    assert [x.label for x in lb._headline_over_a_jump(out, shapes)] == ["C", "F", "C", "C"]
    # a sentence over the jump line stays text
    units = split_units("会议总结了全市科技服务站一年来的工作。\n\n（上接1版）\n")
    shapes = shapes_of(units, convention_of(units))
    out = [lb.Labelled(u, lab, 0.6, ()) for u, lab in zip(units, ["P", "F"], strict=True)]
    assert [x.label for x in lb._headline_over_a_jump(out, shapes)] == ["P", "F"]
