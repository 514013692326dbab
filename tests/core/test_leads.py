"""A piece printed between a headline and its cut-off lead (``core.leads``) goes after the lead."""
from kexie_gui.core import labels as lb
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import shapes_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.order import reading_order

PAGE = "\n".join([  # one paragraph per line, no blank lines
    "某市日报　2024年5月22日　第6版",
    "某市多部门联合开展科技服务进企业活动",
    "本报讯 今年以来，某市从高校院所选派40名专家到企业担任科技顾问，帮助企业攻克技术难题、培养研发团队。（钱一）",
    "某市首个社区科普馆开进老旧小区",
    "设有生命健康、安全应急和智慧生活3个展区，展品大多可以动手操作。",  # the lead's second half
    "本报讯 5月18日，某市首个社区科普馆在城北街道一小区开馆。科普馆由闲置的锅炉房改造而成，面积约260平方米，",
    "街道工作人员说，科普馆每周二至周日开放，周末还会邀请科技志愿者开展亲子科学实验。（沈二）",
    "本版责编 某丙",
]) + "\n"


def read(raw: str) -> list[str]:
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    labels = [x.label for x in lb.first_look(units, conv, 0.0, shapes)]
    return [u.text for u in reading_order(units, conv, shapes, labels)[0]]


def test_the_second_half_of_a_lead_printed_between_the_headline_and_the_lead_goes_after_the_lead():
    lines = PAGE.splitlines()
    assert read(PAGE)[3:7] == [lines[3], lines[5], lines[4], lines[6]]


def test_a_lead_that_ends_its_sentence_keeps_what_stands_above_it():
    page = PAGE.replace("面积约260平方米，", "面积约260平方米。")
    assert read(page) == page.splitlines()


MISPLACED_ENDING = "\n\n".join([  # blocks parted by blank lines
    "某市科技报　2024年7月9日　第3版",
    "“科普大集”赶进村",
    "本报讯 7月5日是某镇的集日，镇中心广场上比往常更热闹。某市科协联合多家单位在这里举办科普大集，20多个展位一字排开。",
    "在农技咨询台前，市农科所研究员被围得水泄不通，他拿着病叶标本一一讲解识别要点和防治方法。",
    "图为村民在科普大集上体验VR安全教育。",
    "某乙 摄",
    "覆盖全市320所中小学、15万名学生。优秀调查报告将推荐参加全省评选。（某丙）",  # the next article's end
    "在应急体验区，孩子们戴上VR眼镜学习逃生技能。据统计，当天共发放科普资料5600余份。",
    "某市青少年科学调查体验活动启动",
    "本报讯 7月6日，某市青少年科学调查体验活动在市科技馆启动，组织中小学生调查食物浪费现象。",
    "活动将持续到10月底，预计",
    "某县建成首个村级科普e站",
    "本报讯 7月3日，某县首个村级科普e站在某村建成投用，村民扫码即可收看科普视频。（某丁）",
]) + "\n"


def test_an_article_s_last_piece_printed_inside_another_article_goes_on_from_its_cut_off_text():
    from kexie_gui.core.order import Context, link, load_order_model

    units = split_units(MISPLACED_ENDING)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    # what a first reading makes of the blocks: the misplaced ending is a paragraph under a photo credit
    labels = ["F", "T", "P", "P", "F", "F", "P", "C", "T", "P", "P", "T", "P"]
    model = load_order_model()
    succ, _ = link(Context(units, shapes, [0.0] * len(units), conv.wrapped, model.period, labels, model), model)
    texts = [u.text for u in units]
    cut, ending = texts.index("活动将持续到10月底，预计"), next(k for k, t in enumerate(texts) if t.startswith("覆盖"))
    assert succ[cut] == ending and succ[ending] is None  # it ends the article it goes on
    assert succ[ending - 1] is None  # the photo credit above it leads into nothing
