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


WRAPPED_ENDING = "\n".join([  # printed lines of 26 characters, no indentation, no blank lines
    "某市出台措施支持企业加大研发投入",
    "本报讯 9月6日，记者从市政府新闻办获悉，《某市支持",
    "企业加大研发投入若干措施》日前印发实施。措施共12条，",
    "从研发费用补助、创新平台建设、科技人才引进和科技金融",
    "服务等方面，对企业开展研发活动给予全方位支持。",
    "房租减免，并设立5000万元成果转化引导基金，对落地转化",  # the next article's end …
    "的项目给予最高500万元股权投资。（记者 某乙）",  # … printed inside this one
    "根据措施，规模以上工业企业研发费用较上年增长的，按增",
    "量部分的10%给予补助，单个企业每年最高200万元。",
    "某高新区在省城设立“科创飞地”",
    "本报讯 9月5日，某高新区“科创飞地”在省城科技园揭",
    "牌运营。飞地面积3200平方米，首批入驻研发团队11个，",
    "涉及新材料和生物医药等领域，高新区对入驻的团队给予三年",  # cut off at the page's foot
]) + "\n"


def linked(raw: str, labels: list[str]) -> tuple[list[str], list[int | None]]:
    from kexie_gui.core.order import Context, link, load_order_model

    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    model = load_order_model()
    succ, _ = link(Context(units, shapes, [s.column or 26.0 for s in shapes], conv.wrapped, model.period, labels,
                           model), model)
    return [u.text for u in units], succ


def test_an_article_s_last_lines_printed_between_another_article_s_paragraphs_go_on_from_its_cut_off_text():
    _, succ = linked(WRAPPED_ENDING, ["T", "P", "C", "C", "C", "P", "C", "P", "C", "T", "P", "C", "C"])
    assert succ[12] == 5 and succ[6] is None  # 给予三年 | 房租减免 … （记者 某乙）: its article ends there
    assert succ[4] == 7  # the paragraph before the piece goes on in the one after it


def test_an_article_s_end_opening_a_sentence_of_its_own_or_followed_by_a_headline_stays():
    opener = WRAPPED_ENDING.replace("房租减免，并设立", "据了解，该市设立")
    _, succ = linked(opener, ["T", "P", "C", "C", "C", "P", "C", "P", "C", "T", "P", "C", "C"])
    assert succ[12] != 5  # 据了解 opens a sentence: it goes on no text cut off elsewhere


def test_a_piece_tied_to_a_loose_end_is_said_as_sure_as_an_even_chance_at_least():
    units = split_units(WRAPPED_ENDING)
    conv = convention_of(units)
    labels = ["T", "P", "C", "C", "C", "P", "C", "P", "C", "T", "P", "C", "C"]
    _, moves = reading_order(units, conv, shapes_of(units, conv), labels)
    confidence, said = moves
    assert confidence >= 0.5 and "lines" in said.render("en")  # the scorer alone gives the far link ~0


# a headline over three columns whose lines a PDF extractor read row by row, a blank line after each
THREE_COLUMNS = [
    ["本报讯 为推动某市科技服务站建设，", "引导专家团队服务地方产业发展，5", "月8日，某市科协召开科技服务站工作",
     "交流会，各站负责人和区县科协相关", "负责人参加会议。会上，与会人员", "结合各自实际作了交流，介绍了服务",
     "站一年来在技术攻关、人才培养、成", "果推广等方面的做法。大家认为，服", "务站已成为连接专家和企业的桥梁，",
     "下一步要把更多精力放在解决企业", "实际问题上。各区县科协负责人也", "结合本地情况作了"],
    ["发言，就人才引进、成果转化、资金", "支持等提出了需要协调解决的问题，", "并表示将进一步发挥服务站作用。",
     "会议还解读了相关政策，对各站提出", "的困难逐一给出了解决办法和时限，", "要求各单位抓好落实。",
     "某市科协主要负责人肯定了服务站的", "工作成效，对做好下一阶段工作提出", "三点要求。",
     "与会人员表示，将按照会议部署，", "把各项任务落到实处，推动服务站", "工作再上新台阶。"],
    ["一是服务站建设要围绕全市产业发展", "重点，引导企业提出真实需求；二是", "各部门要拿出具体的支持方案，加强",
     "考核激励；三是要整合各方资源，为", "服务站发展创造良好条件。", "据了解，某市现有科技服务站38家，",
     "累计引进专家团队120余个，帮助企", "业解决技术难题300多项，培养技术", "骨干1500余人次，带动新增产值",
     "近10亿元，成为推动科技与经济深", "度融合的重要平台。", "（某市科协）"],
]


def test_a_headline_over_columns_read_row_by_row_goes_on_into_its_lead_and_the_columns_follow_in_turn():
    rows = ["某市科报　2024年5月6日　星期一　第3版", "某市推动科技服务站提质增效"]
    rows += [column[k] for k in range(12) for column in THREE_COLUMNS]
    got = read("\n\n".join(rows) + "\n")
    assert got[1:] == [rows[1]] + [line for column in THREE_COLUMNS for line in column]
