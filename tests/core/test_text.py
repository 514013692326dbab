"""The textual shapes the detectors look for (``core.text``): sentence ends, leads, reporter lines,
bylines in brackets, jump lines, Tesseract's spaces, plausible text."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kexie_gui.core.text import (
    SUBHEAD_MARK,
    closes_inline,
    ends_clause,
    ends_sentence,
    glued_byline,
    han_share,
    is_byline_inner,
    is_common_han,
    is_reporter_line,
    plausible_share,
    short,
    squeeze_han_spaces,
    starts_lead,
)

# ---------------------------------------------------------------- sentence and clause ends

@pytest.mark.parametrize("line", ["会议于下午结束。", "你参加了吗？", "太好了！", "他说：“随叫随到。”",
                                  "活动圆满结束……", "（会议结束。）"])
def test_a_line_ending_a_sentence_behind_closing_quotes_or_brackets_ends_a_sentence(line):
    assert ends_sentence(line)


@pytest.mark.parametrize("line", ["他指出，", "会议要求：", "科普宣传", "“科创中国”", "（张三）", ""])
def test_a_line_ending_on_a_character_a_clause_mark_or_a_quoted_name_does_not_end_a_sentence(line):
    assert not ends_sentence(line)


def test_a_comma_or_enumeration_mark_at_the_end_is_a_clause_end():
    assert ends_clause("会议总结了一年来的工作，") and ends_clause("防灾减灾、") and ends_clause("主要任务有:")
    assert not ends_clause("会议结束。") and not ends_clause("科普")


def test_han_share_ignores_spaces_and_counts_han_characters():
    assert han_share("科 普") == 1.0
    assert han_share("AI科普") == 0.5
    assert han_share("") == 0.0


# ---------------------------------------------------------------- leads

@pytest.mark.parametrize("line", [
    "本报讯 近日，某市科协召开会议。", "本刊讯 日前，", "新华社北京3月5日电 记者从…", "本报北京3月5日电 记者",
    "近日，某县举办培训班。", "3月12日，某市科技活动周启动。", "2024年5月，某市", "3月上旬，", "三月五日，某市",
    "今年以来，全县", "12月18日上午，"])
def test_a_news_lead_opens_with_an_agency_or_a_time_phrase(line):
    assert starts_lead(line)


@pytest.mark.parametrize("line", ["据了解，活动共开展120余场。", "会议指出，", "某市科协召开工作会议",
                                  "2024年工作要点"])
def test_running_text_and_headlines_do_not_open_a_lead(line):
    assert not starts_lead(line)


def test_a_dateline_with_the_place_between_the_paper_and_xun_opens_a_lead():
    assert starts_lead("本报成都讯 近日，成都市科协召开学会工作座谈会。")


# ---------------------------------------------------------------- reporter lines and bylines

@pytest.mark.parametrize("line", ["本报记者 王敏", "记者 王敏 通讯员 李四", "本报记者 顾华燕 通讯员 陆鹏博",
                                  "文/张三 图/李四", "科技日报记者 王五", "首席记者 赵六", "通讯员 李四"])
def test_a_reporter_line_names_a_role_and_people(line):
    assert is_reporter_line(line)


@pytest.mark.parametrize("line", ["记者 梁祥祥 摄", "张三 李四", "通讯员说，今年的收成很好。",
                                  "本报讯 近日，记者从市科协获悉"])
def test_a_photo_credit_bare_names_or_a_sentence_are_no_reporter_line(line):
    assert not is_reporter_line(line)


@pytest.mark.parametrize("headline", ["图书馆开展科普活动", "文明实践活动走进社区", "记者节座谈会召开"])
def test_a_headline_opening_with_a_role_character_is_no_reporter_line(headline):
    assert not is_reporter_line(headline)


@pytest.mark.parametrize("inner", ["张三", "张三 李四", "本报记者 王敏", "某县科协", "记者 王敏 通讯员 李四",
                                   "文/张三 图/李四"])
def test_names_or_an_organisation_in_brackets_read_as_a_byline(inner):
    assert is_byline_inner(inner)


@pytest.mark.parametrize("inner", ["张", "以下简称“市科青联”", "下转第2版", "王五 摄", "图片由县科协提供", "2024年",
                                   "详见第3版", "含税，下同"])
def test_a_single_character_a_note_a_jump_or_a_credit_in_brackets_is_no_byline(inner):
    assert not is_byline_inner(inner)


def test_a_byline_glued_to_the_last_sentence_is_found_with_its_bounds():
    text = "活动取得圆满成功。（本报记者 王敏）"
    cut, start, end = glued_byline(text)
    assert text[:cut] == "活动取得圆满成功。" and text[start:end] == "本报记者 王敏"


def test_a_glued_byline_in_half_width_brackets_with_spaces_inside_keeps_only_the_names():
    text = "活动取得圆满成功。( 张三 李四 )"
    cut, start, end = glued_byline(text)
    assert text[start:end] == "张三 李四" and text[:cut] == "活动取得圆满成功。"


@pytest.mark.parametrize("text", [
    "活动在县城举行（张三）",  # no sentence end before the brackets: a name inside the sentence
    "培训由市科普工作站(以下简称“市科普站”)承办。",
    "活动取得圆满成功。（详见第3版）",
    "（张三）",  # nothing before it: a byline line of its own, not a glued one
])
def test_brackets_that_are_no_trailing_byline_are_left_in_the_paragraph(text):
    assert glued_byline(text) is None


# ---------------------------------------------------------------- Tesseract spaces, subheads, plausibility

def test_tesseract_spaces_between_han_characters_and_marks_go_but_spaces_round_latin_stay():
    assert squeeze_han_spaces("东 山 县 开 展 科 普 ， 发 放 资 料") == "东山县开展科普，发放资料"
    assert squeeze_han_spaces("使 用 5G 网 络") == "使用 5G 网络"
    assert squeeze_han_spaces("Open AI") == "Open AI"


@given(st.text(alphabet="科普东山县，。 AI5G", max_size=40))
def test_squeezing_han_spaces_only_ever_removes_spaces(s):
    out = squeeze_han_spaces(s)
    assert out.replace(" ", "") == s.replace(" ", "")
    assert squeeze_han_spaces(out) == out


@pytest.mark.parametrize("line", ["■搭建平台聚合力", "一、加强组织领导", "（一）强化服务", "1.完善机制", "◆科普进万家"])
def test_a_subhead_mark_is_recognised(line):
    assert SUBHEAD_MARK.match(line)


def test_a_plain_sentence_or_a_year_carries_no_subhead_mark():
    assert not SUBHEAD_MARK.match("2024年全市科普工作要点") and not SUBHEAD_MARK.match("会议指出，")


def test_newspaper_text_is_plausible_and_ocr_noise_read_off_a_photo_is_not():
    assert plausible_share("东山县召开科普工作会议，发放资料2000余份。") == 1.0
    assert plausible_share("use of AI models") == 1.0
    assert plausible_share("Y7 全|丨") < 0.6 and plausible_share("") == 0.0


def test_common_han_holds_the_characters_of_ordinary_news_text_but_not_rare_name_characters():
    assert all(is_common_han(ch) for ch in "科学技术协会召开工作会议")
    assert not is_common_han("璠") and not is_common_han("，")


@pytest.mark.parametrize("line", ["本报记者顾甲通讯员陆乙", "本报记者 王三", "本报特约记者 李四"])
def test_a_reporter_line_is_no_dateline_even_with_a_role_ending_in_xun(line):
    assert not starts_lead(line)


@pytest.mark.parametrize("line", ["本报成都讯 近日，", "本报南通讯 近日，", "本报北京3月5日电 记者从"])
def test_a_dateline_with_its_place_opens_a_lead(line):
    assert starts_lead(line)


def test_an_agency_reporter_line_is_no_lead():
    assert is_reporter_line("新华社记者 钱甲") and not starts_lead("新华社记者 钱甲")
    assert starts_lead("新华社合肥5月20日电 记者20日从某研究院获悉")


def test_a_bracket_ocr_read_twice_still_holds_a_byline():
    from kexie_gui.core.text import BRACKETED

    m = BRACKETED.match("(〈某甲乙 )")
    assert m and m.group("inner").strip() == "某甲乙" and is_byline_inner(m.group("inner"))


# ---------------------------------------------------------------- quoting a line in a message

def test_a_quoted_line_is_put_on_one_line_and_cut_with_an_ellipsis():
    assert short("成都市科协召开\n学会  工作") == "成都市科协召开 学会 工作"
    assert short("一二三四五六七八九十一二三四五六七") == "一二三四五六七八九十一二三四五六…"
    assert short(repr(3.5), 20) == "3.5"


@pytest.mark.parametrize(("line", "inline"), [
    ("要提高思想认识，把院士（专家）", True),  # an aside inside the sentence
    ("学习贯彻《条例》", False),  # no clause mark: may be a headline's line
    ("某市召开院士（专家）", False),  # a headline's first line
    ("圆满结束。（某县科协）", False),  # a glued byline
    ("活动现场，有人称之为“科普日”", False),  # a quotation may close a headline's line: left alone
])
def test_a_line_closing_an_aside_opened_inside_its_sentence(line, inline):
    assert closes_inline(line) is inline
