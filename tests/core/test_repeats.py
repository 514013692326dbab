"""Text printed twice (``core.repeats`` through ``analyse``): which copy goes, which stays, and what is
no repeat at all.  Every page here is invented; each shows one kind of damage."""
from __future__ import annotations

from kexie_gui.core import analyse, apply, page_from_text
from kexie_gui.core.repeats import find_repeats, norm

LEAD_A = "本报讯 近日，青石镇科协邀请农技专家来到村里，为五十余名果农讲解果树冬季修剪的要点。"
BODY_A = "培训结束后，镇科协还向果农发放了技术手册两百余份，并建立了线上答疑群，方便果农随时提问。"
LEAD_B = "本报讯 日前，白云县科协组织科技志愿者走进中小学，开展科普讲座十余场，受到师生欢迎。"
BODY_B = "志愿者们用生动的实验演示讲解科学原理，同学们纷纷动手参与，现场气氛十分热烈。"


def _dropped(raw: str) -> list[tuple[int, str, bool]]:
    """(line number, text, accepted by default) of every block the analysis proposes to drop as a repeat."""
    analysis = analyse(page_from_text(raw))
    out = []
    for s in analysis.suggestions:
        if s.kind == "duplicate":
            block = analysis.block(s.blocks[0])
            out.append((block.line_start, str(block.text), s.default))
    return out


def _text_of(raw: str) -> str:
    clean = apply(analyse(page_from_text(raw)))
    return "".join(str(p) for a in clean.articles for p in a.paragraphs)


def test_a_continuation_printed_ahead_of_its_headline_goes_and_the_copy_in_place_stays():
    raw = f"{BODY_A}\n\n青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A}\n\n（林小溪）\n"
    assert _dropped(raw) == [(1, BODY_A, True)]
    assert _text_of(raw).count(BODY_A) == 1


def test_a_continuation_printed_ahead_of_its_headline_goes_though_a_caption_stands_inside_the_copy_in_place():
    # the copy in place is cut by a photo's caption and credit set inside it (one paragraph, two pieces)
    cut = BODY_A.index("并建立")
    raw = (f"{BODY_A}\n\n青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A[:cut]}\n\n"
           f"果农在果园里学习修剪技术。\n\n（镇科协供图）\n\n{BODY_A[cut:]}\n\n（林小溪）\n")
    assert _dropped(raw) == [(1, BODY_A, True)]
    assert _text_of(raw).count(BODY_A[cut:]) == 1


def test_a_copy_cut_off_at_the_end_of_the_page_goes():
    raw = f"青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A}\n\n（林小溪）\n\n{LEAD_A[:30]}\n"
    (_line, text, default), = _dropped(raw)
    assert text == LEAD_A[:30] and default


def test_a_headline_printed_again_where_another_lead_starts_goes_when_its_twin_heads_its_own_text():
    # a piece of text cut mid-sentence above the first headline makes a first reading take the two for
    # a kicker and a headline's second line: the headline is still the copy that heads its text
    raw = (f"据统计，今年以来，青石镇\n\n青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A}\n\n（林小溪）\n\n"
           f"青石镇科协举办果树修剪培训\n\n{LEAD_B}\n\n{BODY_B}\n\n（赵一鸣）\n\n"
           f"白云县科普讲座走进校园\n\n{LEAD_B}\n\n{BODY_B}\n\n（赵一鸣）\n")
    dropped = [text for _, text, default in _dropped(raw) if default]
    assert "青石镇科协举办果树修剪培训" in dropped and LEAD_B in dropped and BODY_B in dropped
    titles = [str(a.title) for a in apply(analyse(page_from_text(raw))).articles]
    assert titles[-2:] == ["青石镇科协举办果树修剪培训", "白云县科普讲座走进校园"]


def test_a_lead_printed_again_after_its_article_goes_even_with_an_ocr_slip_in_the_first_copy():
    slipped = LEAD_A.replace("日", "曰", 1) if "日" in LEAD_A else LEAD_A.replace("近", "进", 1)
    raw = (f"青石镇科协举办果树修剪培训\n\n本报记者 林小溪\n\n{slipped}\n\n{BODY_A}\n\n\n{LEAD_A}\n\n\n"
           f"白云县科普讲座走进校园\n\n{LEAD_B}\n\n{BODY_B}\n")
    assert [(text, default) for _, text, default in _dropped(raw)] == [(LEAD_A, True)]


def test_lines_read_twice_where_two_screenshots_overlap_go():
    first = ["青石镇科协举办果树修剪培训", "本报讯 近日，青石镇科协邀请农技专家",
             "来到村里，为五十余名果农讲解果树冬"]
    second = ["来到村里，为五十余名果农讲解果树冬", "季修剪的要点。培训结束后，镇科协还",
              "向果农发放了技术手册两百余份。"]
    raw = "\n".join(first) + "\n\n" + "\n".join(second) + "\n"
    assert [(line, text) for line, text, _ in _dropped(raw)] == [(5, second[0])]
    assert _text_of(raw).count("来到村里") == 1


def test_a_stock_phrase_two_articles_share_is_no_repeat():
    stock = "会议要求，各单位要提高思想认识，切实把各项工作落到实处。"
    raw = (f"青石镇科协召开学会工作会议\n\n{LEAD_A}\n\n{stock}\n\n（林小溪）\n\n"
           f"白云县科协召开年度工作会议\n\n{LEAD_B}\n\n{stock}\n\n（赵一鸣）\n")
    assert [d for d in _dropped(raw) if d[2]] == []
    assert _text_of(raw).count(stock) == 2


def test_find_repeats_keeps_the_first_of_two_identical_lines_read_twice_in_a_row():
    texts = ["青石镇科协举办果树修剪培训", LEAD_A, LEAD_A, BODY_A]
    from kexie_gui.core.convention import convention_of
    from kexie_gui.core.features import shapes_of
    from kexie_gui.core.lines import split_units

    units = split_units("\n".join(texts) + "\n")
    shapes = shapes_of(units, convention_of(units))
    repeats = find_repeats([u.text for u in units], shapes)
    assert [(r.drop, r.keep) for r in repeats] == [((2,), (1,))]
    assert norm(texts[1]) == norm(texts[2])


def test_a_copy_cut_off_says_so_and_its_last_line_is_a_truncated_repeat():
    raw = f"青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A}\n\n（林小溪）\n\n{LEAD_A[:30]}\n"
    (dup,) = [s for s in analyse(page_from_text(raw)).suggestions if s.kind == "duplicate"]
    assert dup.payload.match == "truncated"
    assert "被截断的副本" in dup.explain_zh and "a copy cut off at the end of the page" in dup.explain_en


def test_a_line_too_short_or_another_text_is_no_repeat_and_a_cut_copy_must_end_on_the_same_characters():
    from kexie_gui.core.repeats import compare

    assert compare("甲乙", "甲乙丙") is None  # too short to tell a repeat from a common word
    assert compare("青石镇科协邀请农技专家来到村里", "白云县科协组织科技志愿者走进学校讲课") is None
    # a cut copy with one slip is still the start of its twin …
    assert compare("青石镇科协邀请农枝专家来到村里", "青石镇科协邀请农技专家来到村里讲解果树修剪") == ("truncated", 1)
    # … but one whose last characters differ is not where its twin was cut
    assert compare("青石镇科协邀请农技专家来到城里", "青石镇科协邀请农技专家来到村里讲解果树修剪") is None


def test_a_short_copy_cut_off_at_the_page_end_goes_though_it_looks_like_a_headline():
    # a hard-wrapped, indented page; the copy of a paragraph's start is short and holds a full stop
    # (某某对某县科协工作给予充分肯定。他指): a first reading may take it for a headline
    lines = ["某县科协开展科普活动", "\u3000\u3000本报讯 近日，某县科协开展科普活", "动，吸引群众三百余人参加。",
             "\u3000\u3000某某对某县科协工作给予充分肯", "定。他指出，某县科协工作思路清晰、",
             "特色鲜明，值得在全市推广。", "（某县科协）", "某某对某县科协工作给予充分肯定。他指"]
    raw = "\n".join(lines) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["某某对某县科协工作给予充分肯定。他指"]

def test_a_copy_cut_off_on_a_comma_under_the_page_footer_goes_though_a_first_reading_took_it_for_a_headline():
    # a paragraph's opening clause printed again at the page's foot, under the editor's line: short and
    # alone, a first reading may take it for a headline, but no headline ends on a comma
    lines = ["某县科协开展科普活动", "", "本报讯 近日，某县科协开展科普活动，吸引群众三百余人参加。", "",
             "据了解，某市科协将把此项工作纳入年度目标考核，", "", "",
             "建立定期调度、跟踪问效机制，确保各项任务落到实处，切实服务全市发展大局。", "",
             "（某县科协）", "", "责任编辑：某某", "", "建立定期调度、跟踪问效机制，"]
    raw = "\n".join(lines) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["建立定期调度、跟踪问效机制，"]
    assert _text_of(raw).count("跟踪问效机制") == 1



def test_a_one_line_copy_cut_off_as_the_page_s_last_line_goes_though_it_is_shaped_as_a_headline():
    # half-width commas (an OCR slip) leave the copy shaped as a headline; no headline ends a page
    lines = ["某市科协召开学会工作座谈会", "", "4月4日,某市科协召开市级学会工作座谈会,23家市级学会负责人参加会议。", "",
             "某区科技特派员进村服务", "", "11月25日,某区组织9名科技特派员深入田间地头,为种植户提供技术服务。", "",
             "责任编辑:某某", "", "4月4日,某市科协召开市"]
    raw = "\n".join(lines) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["4月4日,某市科协召开市"]


STACKED_PAGE = ["某县科协开展科普活动", "", "本报讯 近日，某县科协开展科普活动，吸引群众三百余人参加。", "",
                "某某对某县科协工作给予充分肯定。他指出，某县科协在服务产业发展方面探", "",
                "索出了有益经验，值得在全市推广。", "", "（某县科协）", "",
                "某某对某县科协工作给予充分肯定。他指", "", "索出了有益经"]


def test_a_stack_of_copies_cut_off_at_the_page_end_goes_down_to_its_last_short_scrap():
    # two copies cut off one under the other at the page's foot: the last is a scrap too short to be
    # told from a stock phrase alone, but it opens another line's text under a copy cut off itself
    raw = "\n".join(STACKED_PAGE) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["某某对某县科协工作给予充分肯定。他指",
                                                                           "索出了有益经"]
    assert _text_of(raw).count("索出了有益经") == 1


def test_a_stack_of_copies_under_the_page_s_foot_goes_though_the_last_article_has_no_byline():
    # a short-news item ends the page's text, then the editor's line and the page number, then two copies:
    # a paragraph's start cut off, and a paragraph's tail (its twin the rest a column break left)
    lines = ["某市科协召开学会工作座谈会", "本报讯 近日，某市科协召开学会工作座谈会，二十余家学会负责人参加会议。",
             "近年来，某市科协坚持以科技工作者为本，深入实施科普惠民工程，不断夯实基层组织基础。",
             "某某要求，要聚焦群众需求，坚持问题导向，把学会改革做实做细；要加强宣传引导，及时总结推广好经验好做法，",
             "推动工作再上新台阶。", "某区科技特派员进村服务",
             "11月25日，某区组织9名科技特派员深入田间地头，为种植户提供技术服务。", "责任编辑：某某", "- 7 -",
             "近年来，某市科协坚持以科技工作者为本，深入实施科普惠民工程，不断夯实基层组", "推动工作再上新台阶。"]
    raw = "\n\n".join(lines) + "\n"
    assert [(line, default) for line, _text, default in _dropped(raw)] == [(19, True), (21, True)]
    assert _text_of(raw).count("推动工作再上新台阶。") == 1


def test_a_short_last_line_that_opens_another_line_stays_under_text_that_is_no_copy():
    # the same scrap under the article's own text is the text's rest, not a copy
    lines = STACKED_PAGE[:8] + ["某某强调，要聚焦群众需求，坚持问题导向，把工作做实做细，推动", "", "索出了有益经"]
    raw = "\n".join(lines) + "\n"
    assert _dropped(raw) == []


def test_a_copy_cut_off_at_the_page_foot_is_no_headline_s_words_quoted_in_a_lead():
    # the copy stops where a headline might (no mark at its end), but nothing stands under it
    lines = ["某县举办花椒实用技术培训班", "", "本报讯 近日，某县科协举办花椒实用技术培训班，来", "", "",
             "自全县各乡镇的130余名种养大户、家庭农场主参加培训。", "", "培训结束后，专家还深入田间地头指导。",
             "", "（某县科协）", "", "自全县各乡镇的130余名种养大户、家庭农场"]
    raw = "\n".join(lines) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["自全县各乡镇的130余名种养大户、家庭农场"]


def _wrapped(text: str, width: int = 14) -> list[str]:
    """A paragraph set in a column ``width`` characters wide, its first line indented two spaces."""
    text = "\u3000\u3000" + text
    return [text[k:k + width] for k in range(0, len(text), width)]


def _flat(text: str, width: int = 18) -> list[str]:
    """A paragraph set in a column ``width`` characters wide, unindented."""
    return [text[k:k + width] for k in range(0, len(text), width)]


def test_a_copy_cut_off_under_the_last_article_s_end_goes_on_a_wrapped_page_though_its_twin_opens_no_paragraph():
    # hard-wrapped, unindented: the twin is a printed line a column break left under ``度目标考核，``; its copy
    # under the byline and the editor's line at the page foot carries nothing on
    lines = (["某县科协开展科普活动"] + _flat("本报讯 近日，" + LEAD_A[7:] + BODY_A) + _flat(BODY_B + LEAD_B[7:])
             + ["据了解，某市科协将把此项工作纳入年", "度目标考核，", "建立定期调度、跟踪问效机制，确保各项",
                "任务落到实处，切实服务全市发展大局。", "（某县科协）", "责任编辑：某某",
                "建立定期调度、跟踪问效机制，"])
    raw = "\n".join(lines) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["建立定期调度、跟踪问效机制，"]
    # the last article a short-news item with no byline: the page's foot (editor's line, page number) ends it
    no_byline = [x for x in lines if x != "（某县科协）"]
    no_byline.insert(-1, "- 7 -")
    raw = "\n".join(no_byline) + "\n"
    assert [text for _line, text, default in _dropped(raw) if default] == ["建立定期调度、跟踪问效机制，"]


def test_a_passage_read_twice_and_printed_again_after_its_article_keeps_one_copy():
    # the copy after the article must be matched with the passage, not with its second reading: matched
    # with the second reading, it would keep that reading and leave the lines read twice on the page
    body = _wrapped(BODY_A)
    twice = body[:3] + body[1:3] + body[3:]  # lines 2–3 read again where two screenshots overlapped
    raw = "\n".join(["青石镇科协举办果树修剪培训", *_wrapped(LEAD_A), *twice, "（林小溪）", *body[1:],
                     "白云县科普讲座走进校园", *_wrapped(LEAD_B), *_wrapped(BODY_B)]) + "\n"
    assert all(default for _, _, default in _dropped(raw))
    assert _text_of(raw).count(BODY_A[20:40]) == 1


def test_a_paragraph_start_printed_again_at_its_article_foot_and_cut_off_by_the_next_headline_goes():
    lead, body = _wrapped(LEAD_A, 20), _wrapped(BODY_A, 20)
    raw = "\n".join(["青石镇科协举办果树修剪培训", *lead, *body, body[0],
                     "白云县科普讲座走进校园", *_wrapped(LEAD_B, 20), *_wrapped(BODY_B, 20)]) + "\n"
    copy_line = 2 + len(lead) + len(body)
    assert [(line, default) for line, _, default in _dropped(raw)] == [(copy_line, True)]
    titles = [str(a.title) for a in apply(analyse(page_from_text(raw))).articles]
    assert titles == ["青石镇科协举办果树修剪培训", "白云县科普讲座走进校园"]


def test_a_lone_scrap_on_the_last_line_is_no_headline_that_cuts_a_copy_off():
    # a text line cut mid-sentence that repeats a paragraph's start, with only a scrap under it at the
    # page end, is not "cut off by a headline": a headline heads text
    raw = "\n".join(["青石镇科协举办果树修剪培训", *_wrapped(LEAD_A), *_wrapped(BODY_A), "白云县科普讲座走进校园",
                     *_wrapped(LEAD_B), *_wrapped(BODY_B), _wrapped(BODY_A)[0], "方便果农"]) + "\n"
    assert all(not text.startswith("方便") for _, text, _ in _dropped(raw))


def test_a_copy_cut_off_at_the_page_end_goes_though_its_last_line_is_as_short_as_a_headline():
    lead, body = _wrapped(LEAD_A, 20), _wrapped(BODY_A, 20)
    raw = "\n".join(["青石镇科协举办果树修剪培训", *lead, *body, "（林小溪）", body[0], body[1][:4]]) + "\n"
    copy_line = 2 + len(lead) + len(body) + 1
    assert [(line, default) for line, _, default in _dropped(raw)] == [(copy_line, True)]
    assert _text_of(raw).count(body[1][:4]) == 1


def test_an_articles_opening_printed_ahead_of_its_headline_and_cut_off_by_it_goes_on_a_wrapped_page():
    first, lead, body = _wrapped(BODY_B, 20), _wrapped(LEAD_A, 20), _wrapped(BODY_A, 20)
    raw = "\n".join(["白云县科普讲座走进校园", *_wrapped(LEAD_B, 20), *first, "（赵一鸣）", *lead[:2],
                     "青石镇科协举办果树修剪培训", *lead, *body]) + "\n"
    copy_line = 2 + len(_wrapped(LEAD_B, 20)) + len(first) + 1
    dropped = _dropped(raw)
    assert [(line, default) for line, _, default in dropped] == [(copy_line, True)]
    titles = [str(a.title) for a in apply(analyse(page_from_text(raw))).articles]
    assert titles == ["白云县科普讲座走进校园", "青石镇科协举办果树修剪培训"]


def test_lines_read_twice_whose_last_looks_like_a_headline_go_as_one_block():
    # a hard-wrapped column of 14; the three lines before a column transition were read twice, and the last
    # of them (no mark inside, a quotation) is shaped like a headline
    def flat(text: str) -> list[str]:  # no indentation: a paragraph ends only on a short line
        return [text[k:k + 14] for k in range(0, len(text), 14)]

    lines = ["目前，某县已建成5G基站十余个，", "实现乡镇以上区域网络全覆盖，", "“互联网+科普”服务不断向农"]
    raw = "\n".join(["青石镇科协举办果树修剪培训", *flat(LEAD_A), *lines, *lines, "村延伸。",
                     "白云县科普讲座走进校园", *flat(LEAD_B), *flat(BODY_B)]) + "\n"
    assert len(_dropped(raw)) == 1  # the second reading, all three lines of it
    clean = apply(analyse(page_from_text(raw)))
    assert [str(a.title) for a in clean.articles] == ["青石镇科协举办果树修剪培训", "白云县科普讲座走进校园"]
    assert "服务不断向农村延伸。" in _text_of(raw)


def test_a_paragraph_s_last_line_printed_again_where_a_sentence_has_just_ended_goes():
    raw = "\n".join([  # a column of 18, paragraphs indented
        "某市举办青少年科技节",
        "\u3000\u3000本报讯 近日，某市第六届青少年科技节",
        "在市科技馆开幕，全市二十余所学校参加。",
        "\u3000\u3000近年来，某市科协坚持以科技工作者为",
        "本，不断夯实基层组织基础，全市“科技工作",
        "某甲 摄",
        "者之家”建设取得明显成效。",  # the paragraph goes on under a photo credit
        "\u3000\u3000获得一等奖的作品由某小学学生完成，作",
        "品通过传感器实时监测土壤湿度，受到评委",
        "一致好评。",
        "者之家”建设取得明显成效。",  # its last line printed again where nothing leads into it
        "某县举办蚕桑实用技术培训班",
        "\u3000\u3000本报讯 近日，某县科协举办蚕桑实用技术",
        "培训班，六十余名蚕农参加培训。",
    ]) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(11, True)]
    assert _text_of(raw).count("者之家”建设取得明显成效。") == 1


def test_a_paragraph_s_last_lines_printed_again_right_under_an_article_s_end_go():
    raw = "\n".join([  # a column of 18, paragraphs indented
        "某市举办青少年科技节",
        "\u3000\u3000本报讯 近日，某市第六届青少年科技节",
        "在市科技馆开幕，全市二十余所学校参加。",
        "\u3000\u3000据了解，某市科协将把此项工作纳入年",
        "度目标考核，建立定期调度、跟踪问效机",
        "制，",  # a column break, mid-sentence …
        "确保各项任务落到实处，切实以科协工作的",  # … and the paragraph's rest
        "新成效服务全市发展大局。",
        "\u3000\u3000获得一等奖的作品由某小学学生完成，作",
        "品受到评委一致好评。（某甲）",  # the article ends …
        "确保各项任务落到实处，切实以科协工作的",  # … and the rest is printed again under it
        "新成效服务全市发展大局。",
        "某县举办蚕桑实用技术培训班",
        "\u3000\u3000本报讯 近日，某县科协举办蚕桑实用技术",
        "培训班，六十余名蚕农参加培训。",
    ]) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(11, True)]
    clean = apply(analyse(page_from_text(raw)))
    assert clean.articles[0].byline == "某甲"
    assert _text_of(raw).count("新成效服务全市发展大局。") == 1


def test_a_copy_with_a_short_line_misread_inside_it_is_one_copy():
    body = ["\u3000\u3000本届大赛设科技创新成果竞赛、科技辅导", "员创新成果竞赛和少年儿童科学幻想绘画",
            "比赛等项目，共评选出一等奖55项、二", "等奖160项。"]
    raw = "\n".join([  # a column of 18, paragraphs indented
        "某市举办青少年科技创新大赛",
        "\u3000\u3000本报讯 近日，某市第六届青少年科技创",
        "新大赛在市科技馆举行，二十余所学校参加。",
        *body,
        "\u3000\u3000获得一等奖的作品由某小学学生完成，作",
        "品受到评委一致好评。（某甲）",  # the article ends, and its paragraph is printed again …
        *body[:3], "等奖16O项。",  # … with 0 read as O in its short last line
        "某县举办蚕桑实用技术培训班",
        "\u3000\u3000本报讯 近日，某县科协举办蚕桑实用技术",
        "培训班，六十余名蚕农参加培训。",
    ]) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(10, True)]
    assert "16O" not in _text_of(raw)


def test_one_line_of_a_paragraph_s_end_under_an_article_s_end_goes_where_it_finishes_a_word_cut_in_place():
    page = [  # a column of 18, paragraphs indented
        "某市举办青少年科技节",
        "\u3000\u3000本报讯 近日，某市第六届青少年科技节",
        "在市科技馆开幕，全市二十余所学校参加。",
        "\u3000\u3000他要求，各单位要细化工作措施，明确时",
        "间节点，确",  # a column break inside a word (确保) …
        "保各项任务落地见效。",  # … which the next column finishes
        "\u3000\u3000获得一等奖的作品由某小学学生完成，作",
        "品受到评委一致好评。（某甲）",
        "保各项任务落地见效。",  # the line printed again under the article's end
        "某县举办蚕桑实用技术培训班",
        "\u3000\u3000本报讯 近日，某县科协举办蚕桑实用技术",
        "培训班，六十余名蚕农参加培训，现场发放资料。",
    ]
    raw = "\n".join(page) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(9, True)]
    # a sentence two articles share, under a line that ends on a comma, ties to no place: both stay
    shared = "\n".join(page).replace("间节点，确\n", "间节点，\n").replace("\n保各项", "\n确保各项") + "\n"
    assert _dropped(shared) == []


def test_one_line_of_a_paragraph_s_end_as_the_page_s_last_line_under_an_article_s_end_goes_though_it_cuts_no_word():
    # a column of 14, paragraphs indented; the twin goes on a sentence a column break left at a comma
    page = (["青石镇科协举办果树修剪培训"] + _wrapped(LEAD_A) + _wrapped(BODY_A)
            + ["\u3000\u3000活动中，志愿者发放科普资", "料六千余份，", "解答群众咨询九十余人次。",
               "白云县科协开展科普进校园活动"] + _wrapped(LEAD_B) + _wrapped(BODY_B + "（林小溪）")
            + ["解答群众咨询九十余人次。"])  # printed again at the page's foot, under the other article's end
    raw = "\n".join(page) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(len(page), True)]
    # with an article under it, the same sentence is as likely a stock sentence of the article above: it stays
    below = ["某区举办科普讲解大赛", *_wrapped("本报讯 近日，某区科协举办科普讲解大赛，二十名选手参加比赛。")]
    more = raw + "\n".join(below) + "\n"
    assert _dropped(more) == []


def test_a_short_sentence_end_printed_twice_in_a_row_goes():
    # a column of 14: the last printed line of a column read again at the next column's top
    raw = "\n".join(["青石镇科协举办果树修剪培训", "\u3000\u3000本报讯 近日，青石镇科协邀请",
                     "农技专家来到村里，新增产值320余亿", "元。", "元。",
                     "\u3000\u3000培训结束后，镇科协还向果农发放", "了技术手册两百余份。"]) + "\n"
    assert [(line, default) for line, _, default in _dropped(raw)] == [(5, True)]
    assert _text_of(raw).count("元。") == 1
    # a piece of a few words read twice goes too, ending mid-sentence or not; a word or two may stand so by chance
    twice = raw.replace("元。\n元。", "元。\n定期调度、跟踪问\n定期调度、跟踪问")
    assert [line for line, _, _ in _dropped(twice)] == [6]
    assert not _dropped(raw.replace("元。\n元。", "元。\n的\n的"))


def test_an_article_s_text_printed_again_after_it_goes_though_its_first_paragraph_was_read_twice_there():
    # the copy after the byline holds its first paragraph twice in a row: the second reading goes as read
    # twice, and the copy it leaves goes as well, as the copy of the article's text above
    raw = (f"青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A}\n\n{BODY_B}\n\n（林小溪）\n\n"
           f"{BODY_A}\n\n{BODY_A}\n\n{BODY_B}\n\n（林小溪）\n\n"
           f"白云县科技志愿者走进校园\n\n{LEAD_B}\n\n（王小雨）\n")
    assert _text_of(raw).count(BODY_A) == 1 and _text_of(raw).count(BODY_B) == 1
    assert all(line > 9 and default for line, _, default in _dropped(raw))


def test_a_continuation_ahead_of_its_headline_goes_though_the_copy_in_place_goes_on_in_a_short_line_under_a_caption():
    # the rest of the copy in place under the photo's caption and credit is shorter than a run's shortest
    # line: it still goes on exactly where the copy stopped
    cut = BODY_A.index("方便果农")
    raw = (f"{BODY_A}\n\n青石镇科协举办果树修剪培训\n\n{LEAD_A}\n\n{BODY_A[:cut]}\n\n"
           f"果农在果园里学习修剪技术。\n\n（镇科协供图）\n\n{BODY_A[cut:]}\n\n（林小溪）\n")
    assert len(BODY_A[cut:]) < 10
    assert _dropped(raw) == [(1, BODY_A, True)]
