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
