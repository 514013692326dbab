"""The reading order of lines a text tool read out of order (``core.order``)."""
import pytest

from kexie_gui.core import labels as lb
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import shapes_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.order import chains, reading_order, rows_order

from . import pages


def ordered(raw: str):
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    labels = [x.label for x in lb.first_look(units, conv, 0.0, shapes)]
    return reading_order(units, conv, shapes, labels)


def column_lines(first=pages.QS) -> tuple[list[str], list[str]]:
    left, right = pages.two_columns(pages.IDEOGRAPHIC_INDENT, first=first)
    return [x.lstrip("\u3000") for x in left if x], [x.lstrip("\u3000") for x in right if x]


def test_a_page_read_in_order_keeps_its_order_and_says_nothing():
    units = split_units(pages.WRAPPED_INDENTED_PAGE)
    result, moves = ordered(pages.WRAPPED_INDENTED_PAGE)
    assert [u.index for u in result] == [u.index for u in units] and moves == ()


def test_two_columns_read_alternately_line_by_line_are_read_one_after_the_other():
    result, moves = ordered(pages.INTERLEAVED_PAGE)
    left, right = column_lines(pages.QS[:2])
    assert [u.text for u in result] == left + right
    confidence, said = moves
    assert 0.5 < confidence <= 1 and "重排" in said.render("zh") and "interleaved" in said.render("en")


@pytest.mark.xfail(strict=True, reason="once the right column has ended, the left column's last lines follow each "
                                       "other directly, but …学到管用 is linked to its byline and 的技术。 to the "
                                       "right column's byline （何二）")


def test_the_longer_column_s_last_lines_after_the_other_column_ended_are_read_in_turn():
    result, _ = ordered(pages.INTERLEAVED_UNEQUAL_PAGE)
    left, right = column_lines()
    assert [u.text for u in result] == left + right


def test_a_page_of_fewer_than_three_lines_is_left_as_it_is():
    units = split_units("甲栏第一行文字，\n乙栏第一行文字。\n")
    assert reading_order(units, convention_of(units)) == (units, ())


def test_rows_of_two_columns_side_by_side_are_read_column_by_column():
    units = split_units(pages.SIDE_BY_SIDE_PAGE)
    texts = [units[k].text for k in rows_order(units, pages.SIDE_BY_SIDE_PAGE)]
    left, right = column_lines()
    assert texts == left + right


def test_chains_are_read_from_their_first_lines_in_page_order():
    # 0 → 2 → 4, 1 → 3, 5 alone
    assert chains([2, 3, 4, None, None, None]) == [[0, 2, 4], [1, 3], [5]]
    assert chains([]) == []
    assert chains([None, None]) == [[0], [1]]


def test_a_page_header_line_does_not_take_the_text_under_the_headline_as_its_own():
    header = "青山科技报\n2025年6月3日\n星期二\n第4版\n"
    result, _ = ordered(header + pages.INTERLEAVED_PAGE)
    left, right = column_lines(pages.QS[:2])
    assert [u.text for u in result] == ["青山科技报", "2025年6月3日", "星期二", "第4版"] + left + right


def test_furniture_is_linked_only_to_the_line_printed_under_it():
    from kexie_gui.core.order import Context, _never

    units = split_units("第4版\n某地举办科普活动\n本报讯 近日，某地举办了一场\n科普活动，吸引了众多市民。\n")
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    ctx = Context(units, shapes, [16.0] * 4, True, None, ["F", "T", "P", "C"])
    assert _never(ctx, 0, 2) and _never(ctx, 0, 3) and not _never(ctx, 0, 1)


def test_a_sentence_cut_short_does_not_go_on_with_a_news_lead():
    from kexie_gui.core.order import Context, _never

    units = split_units("为确保活动取得实效，某地举办了面向全体\n本报讯 近日，某地举办\n市民的科普活动。\n")
    conv = convention_of(units)
    ctx = Context(units, shapes_of(units, conv), [16.0] * 3, True, None, ["P", "P", "C"])
    assert _never(ctx, 0, 1) and not _never(ctx, 0, 2)


def test_a_headline_running_to_the_column_edge_goes_on_with_its_lead_two_lines_down_where_columns_alternate():
    from kexie_gui.core.order import Context, _never

    # two 16-character columns read line by line: the left one opens with the page number and a headline
    # one character short of the edge (a first reading, made among the other column's lines, took it for
    # text); the right one with the last words of an article from the column before
    raw = ("第2版\n展大局。\n某县开展科技工作者节日慰问活动\n某大学教授某某说，“作为\n"
           "本报讯 7月2日，某县科协负责同\n一名科技工作者，要把论文写在\n")
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    assert shapes[2].heading
    ctx = Context(units, shapes, [16.0] * 6, True, None, ["F", "C", "P", "C", "C", "C"])
    ctx.period = [2] * 6
    assert not _never(ctx, 2, 4)
    # a line the first reading took for text carried on from above is no headline over the lead
    ctx = Context(units, shapes, [16.0] * 6, True, None, ["F", "C", "C", "C", "C", "C"])
    ctx.period = [2] * 6
    assert _never(ctx, 2, 4)
    # … nor one under a sentence left open two lines up, in its own column
    ctx = Context(units, shapes, [16.0] * 6, True, None, ["C", "C", "P", "C", "C", "C"])
    ctx.period = [2] * 6
    assert _never(ctx, 2, 4)


def test_a_body_line_cut_at_the_column_foot_does_not_go_on_with_a_headline():
    from kexie_gui.core.order import Context, _never

    # the cut line holds no mark, so it is headline-shaped; but it runs to the column edge and the
    # first reading took it for text: a sentence cut short, which never runs on into a headline
    raw = ("各建站单位围绕工作站运行\n情况和困难以及下一步工作安\n某区举办猕猴桃实用\n技术培训班\n"
           "排进行了发言。\n")
    from kexie_gui.core.features import shape_of

    units = split_units(raw)
    shapes = [shape_of(u, False, 13.0) for u in units]  # a 13-character column
    assert shapes[1].heading and shapes[1].full
    ctx = Context(units, shapes, [13.0] * 5, True, None, ["P", "C", "T", "TC", "C"])
    assert _never(ctx, 1, 2) and not _never(ctx, 1, 4)


def test_the_interleaving_votes_of_furniture_count_for_nothing():
    from kexie_gui.core.order import PERIODS, Context, _scored_votes, load_order_model

    units = split_units(pages.INTERLEAVED_PAGE)
    conv = convention_of(units)
    labels = ["F"] + ["C"] * (len(units) - 1)
    ctx = Context(units, shapes_of(units, conv), [16.0] * len(units), True, None, labels)
    votes = _scored_votes(ctx, load_order_model(), 1.0)
    assert votes[0] == [0.0] * len(PERIODS) and any(v != 0.0 for v in votes[1])


def test_two_interleaved_columns_keep_a_period_of_two_lines():
    from kexie_gui.core.order import Context, load_order_model

    units = split_units(pages.INTERLEAVED_PAGE)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    labels = [x.label for x in lb.first_look(units, conv, 0.0, shapes)]
    model = load_order_model()
    ctx = Context(units, shapes, [16.0] * len(units), True, model.period, labels, model)
    body = ctx.period[4:-4]
    assert body.count(2) >= 0.8 * len(body)


def test_given_the_raw_text_a_side_by_side_page_is_laid_out_column_by_column_before_it_is_ordered():
    units = split_units(pages.SIDE_BY_SIDE_PAGE)
    conv = convention_of(units)
    result, moves = reading_order(units, conv, text=pages.SIDE_BY_SIDE_PAGE)
    left, right = column_lines()
    assert [u.text for u in result] == left + right
    confidence, said = moves
    assert 0 < confidence <= 1 and "lines 1–" in said.render("en")


def test_a_headline_set_over_two_lines_keeps_its_second_line():
    from kexie_gui.core.order import Context, _headlines_run_on, link, load_order_model

    raw = ("活动结束后，与会人员还参观了基地，活动在热\n烈的掌声中圆满结束。（某县科协）\n"
           "某市老科协赴某县\n开展专题调研\n本报讯 近日，某市科协调研组深入某县\n乡镇、企业和农业园区开展调研。\n")
    units = split_units(raw)
    conv = convention_of(units)
    model = load_order_model()
    ctx = Context(units, shapes_of(units, conv), [16.0] * 6, True, model.period,
                  ["P", "K", "T", "TC", "P", "C"], model)
    assert _headlines_run_on(ctx) == [2]
    succ, _ = link(ctx, model)
    assert succ[2] == 3


def test_a_line_of_the_other_column_under_a_headline_is_not_its_second_line():
    from kexie_gui.core.order import Context, _headlines_run_on

    # two columns read alternately: the short line under the headline carries on the line above it
    raw = ("本报讯 日前，某市第六届青少年创新大赛在市科\n某县举办蚕桑实用技术培训班\n"
           "技馆举\n本报讯 近日，由某市科协主办、\n")
    units = split_units(raw)
    conv = convention_of(units)
    ctx = Context(units, shapes_of(units, conv), [16.0] * 4, True, None, ["P", "T", "TC", "P"])
    assert _headlines_run_on(ctx) == []


@pytest.mark.parametrize("raw", [pages.INTERLEAVED_PAGE, pages.WRAPPED_INDENTED_PAGE, pages.KICKER_SUBTITLE_PAGE,
                                 pages.PARAGRAPH_PER_LINE_PAGE, pages.CAPTION_PAGE])


def test_pairs_scored_by_their_kept_parts_read_the_features_worked_out_anew(raw):
    from kexie_gui.core.features import local_widths
    from kexie_gui.core.order import Context, load_order_model

    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    labels = [x.label for x in lb.first_look(units, conv, 0.0, shapes)]
    model = load_order_model()
    columns = [s.column or c for s, c in zip(shapes, local_widths(units, 16.0), strict=True)]
    ctx = Context(units, shapes, columns, conv.wrapped, model.period, labels, model)
    pairs = [(a, b) for a in range(len(units)) for b in range(max(0, a - 6), min(len(units), a + 13)) if a != b]
    for a, b in pairs + pairs:  # the second time from what was kept
        p = ctx.probability(model, a, b)
        assert ctx._pair_features(ctx._layout_key(a, b), ctx._text_key(a, b), a, b) == ctx.features(a, b)
        assert p == model.probability(ctx.features(a, b))


def test_a_headline_heads_text_never_another_headline_nor_is_a_lead_carried_on_from_afar():
    from kexie_gui.core.order import Context, _never

    raw = ("某市老科协赴某县\n开展专题调研\n某区科协搭建校企合作平台\n本报讯 近日，某市科协调研组深入\n"
           "某县乡镇开展调研。\n活动中，专家们为企业解答技术难题。\n")
    units = split_units(raw)
    conv = convention_of(units)
    ctx = Context(units, shapes_of(units, conv), [16.0] * 6, True, None, ["T", "TC", "T", "P", "C", "P"])
    assert _never(ctx, 1, 2)  # 开展专题调研 | 某区科协… : two headlines, not one
    assert not _never(ctx, 0, 1)  # a headline's second line
    assert _never(ctx, 5, 3)  # finished text elsewhere does not run on into a lead
    assert not _never(ctx, 2, 3)  # the lead under its headline


def test_two_headlines_printed_together_each_take_a_lead_of_their_own():
    from kexie_gui.core.order import Context, link, load_order_model

    # an extractor printed two columns' headlines one under the other, then their leads' lines
    # alternately: each headline takes a lead of its own (which one, the text alone cannot tell), and
    # neither runs on into the other
    raw = ("某市老科协赴某县\n开展专题调研\n某区科协搭建校企合作\n平台\n本报讯 3月26日，某区科协组织\n"
           "本报讯 为深入了解基层科协组织\n专家团队走进企业开展对接。\n建设情况，某市科协一行赴某县调研。\n")
    units = split_units(raw)
    conv = convention_of(units)
    model = load_order_model()
    ctx = Context(units, shapes_of(units, conv), [16.0] * 8, True, model.period,
                  ["T", "TC", "T", "TC", "P", "P", "C", "C"], model)
    succ, _ = link(ctx, model)
    assert {succ[1], succ[3]} == {4, 5}


def test_a_line_across_both_columns_is_read_after_both_columns_above_it():
    from kexie_gui.core.lines import NARROW_GUTTER

    rows = pages.side_by_side("").splitlines()[:6]  # two columns side by side for six rows
    raw = "\n".join(rows + ["栏目协办：某省科协学会部 某省科协学会服务中心联合主办", "某市举办全国科普日主场活动",
                            "本报讯 近日，由某市科协主办的全国科普日主场活动举行。"]) + "\n"
    units = split_units(raw, gutter=NARROW_GUTTER)
    got = [units[k].text for k in rows_order(units, raw)]
    right_column = [row.split("    ")[-1].strip() for row in rows]
    assert got.index(right_column[-1]) < got.index("某市举办全国科普日主场活动")


def test_a_short_piece_of_text_holding_a_comma_and_cut_off_mid_sentence_never_runs_into_a_headline():
    from kexie_gui.core.order import Context, _never

    raw = "活动将持续到10月底，预计\n\n某县建成首个村级科普e站\n\n覆盖全市320所中小学。\n"
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    assert shapes[0].heading  # short enough to be a headline's line by its shape alone
    ctx = Context(units, shapes, [0.0] * 3, conv.wrapped, None, ["P", "T", "P"])
    assert _never(ctx, 0, 1) and not _never(ctx, 0, 2)
