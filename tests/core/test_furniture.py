"""Page and column furniture judged line by line (``core.furniture``): each kind is recognised, and
running text that merely mentions a date, a page, a phone or a photo is not taken for furniture."""
import pytest

from kexie_gui.core import furniture as fz
from kexie_gui.core.furniture import classify_single, is_pinyin_of, jump_direction

FURNITURE_LINES = [
    ("四川科技报 2024年3月5日 星期二", fz.PAGE_HEADER),
    ("东山科技报  2021年9月7日  星期二  第5版", fz.PAGE_HEADER),
    ("2024年3月5日　星期二", fz.PAGE_HEADER),
    ("第3版　乡村振兴", fz.PAGE_HEADER),
    ("第2版", fz.PAGE_NUMBER),
    ("- 5 -", fz.PAGE_NUMBER),
    ("A3版", fz.PAGE_NUMBER),
    ("国内统一连续出版物号 CN 51-0001", fz.MASTHEAD),
    ("邮发代号 61-23", fz.MASTHEAD),
    ("第1024期", fz.MASTHEAD),
    ("东山科技报", fz.MASTHEAD),
    ("责任编辑：李华", fz.EDITOR_LINE),
    ("责任编辑：林一  美术编辑：何二", fz.EDITOR_LINE),
    ("新闻热线：0000-1234567　投稿邮箱：news@example.cn", fz.CONTACT),
    ("本报地址：东山市河滨路1号", fz.CONTACT),
    ("栏目协办：东山市科协学会部", fz.SPONSOR_LINE),
    ("本栏目由东山市农学会协办", fz.SPONSOR_LINE),
    ("本版与东山市卫生健康委联合主办", fz.SPONSOR_LINE),
    ("图为活动现场。", fz.CAPTION),
    ("▲志愿者为群众讲解防灾知识。", fz.CAPTION),
    ("专家在大棚里查看长势。赵六 摄", fz.CAPTION),
    ("记者 梁祥祥 摄", fz.PHOTO_CREDIT),
    ("王五/摄", fz.PHOTO_CREDIT),
    ("（图片由东山县科协提供）", fz.PHOTO_CREDIT),
    ("东山县农业农村局供图", fz.PHOTO_CREDIT),
    ("（下转第2版）", fz.JUMP),
    ("(上接第1版)", fz.JUMP),
    ("（转第A3版）", fz.JUMP),
    ("导读", fz.INDEX),
    ("东山县推广稻渔共养　第2版", fz.INDEX),
]


@pytest.mark.parametrize("line, kind", FURNITURE_LINES, ids=[x for x, _ in FURNITURE_LINES])
def test_each_kind_of_furniture_line_is_named(line, kind):
    assert classify_single(line) == kind


def test_a_page_header_with_tesseract_spaces_is_still_a_page_header():
    assert classify_single("四 川 科 技 报   2024年3月5日   星 期 二") == fz.PAGE_HEADER


BODY_LINES = [
    "本报讯 3月5日，某市科协召开2024年工作会议。",
    "会议强调，要把科普工作纳入2024年全市重点工作。",
    "记者从市科协获悉，第5届青少年科技创新大赛将于5月举行。",
    "据介绍，该县今年共建成科普基地12个。",
    "他拿起相机摄下了这一幕。",
    "这是一张摄于1950年的照片。",
    "欢迎拨打热线电话：0000-1234567咨询。",
    "今年以来，全县共举办各类培训班20期，培训农民3000余人次。",
    "编辑部召开会议",
    "2024年工作要点",
    "图书馆开展科普活动",
    "上海科技报社记者走进企业",
    "市科协主席张三出席会议并讲话。",
    "（张三）",
    "（本报记者 王敏）",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_text_that_mentions_dates_pages_phones_or_photos_is_no_furniture(line):
    assert classify_single(line) is None


@pytest.mark.parametrize("line", ["本版责编 王三", "责任编辑 李华", "美术编辑 何二"])
def test_an_editor_line_without_a_colon_is_furniture(line):
    assert classify_single(line) == fz.EDITOR_LINE


def test_an_editor_line_without_a_colon_is_recognised_by_its_own_rule():
    assert fz.editor_line("本版责编 王三") == fz.EDITOR_LINE


def test_jump_lines_point_down_to_where_the_article_goes_on_or_up_to_where_it_came_from():
    assert jump_direction("（下转第2版）") == "down" and jump_direction("（转第3版）") == "down"
    assert jump_direction("（上接第1版）") == "up" and jump_direction("（紧接第1版）") == "up"
    assert jump_direction("下转第2版的文章") is None and jump_direction("（东山县科协）") is None


def test_a_short_news_column_header_may_be_spaced_out():
    assert fz.short_news_header("简 讯") == fz.SHORT_NEWS_HEADER
    assert fz.short_news_header("基层动态") == fz.SHORT_NEWS_HEADER
    assert fz.short_news_header("东山推出5G科普服务清单") is None


def test_a_column_title_s_pinyin_is_recognised_whatever_the_case_and_spacing():
    assert is_pinyin_of("Ke Pu Tian Di", "科普天地") and is_pinyin_of("KEPU TIANDI", "科普天地")
    assert not is_pinyin_of("Ke Pu Tian Di", "科普园地") and not is_pinyin_of("科普天地", "科普天地")


def test_a_line_of_latin_words_is_not_mistaken_for_an_acronym_in_chinese_text():
    assert fz.latin_words("KE PU SHI JIE") and not fz.latin_words("5G") and not fz.latin_words("AI赋能")


def test_body_text_longer_than_any_furniture_rule_is_never_furniture():
    long_caption_like = "图为" + "志愿者在社区为居民讲解防范电信诈骗知识，" * 8
    assert len(long_caption_like) > fz.MAX_FURNITURE_LEN and classify_single(long_caption_like) is None


def test_every_kind_has_a_chinese_name_for_the_editor():
    kinds = {k for _, k in FURNITURE_LINES} | {fz.PINYIN_HEADER, fz.COLUMN_TITLE, fz.SHORT_NEWS_HEADER, fz.NOISE,
                                                fz.FURNITURE}
    assert kinds <= set(fz.CATEGORY_ZH)


def test_a_date_line_with_its_weekday_and_lunar_date_is_a_page_header():
    # the date, the weekday and 农历 leave the lunar month and day behind: still a date line
    assert fz.page_header("2024年3月5日 星期二 农历正月廿五") == fz.PAGE_HEADER
    assert classify_single("2024年3月5日 星期二 农历正月廿五") == fz.PAGE_HEADER
    assert fz.page_header("2024年3月5日，星期二农历正月廿五召开") is None  # a comma: running text


def test_a_lunar_date_on_its_own_is_part_of_the_masthead():
    assert classify_single("农历甲辰年正月廿五") == fz.MASTHEAD


@pytest.mark.parametrize("line", ["（紧接第1版）", "（接第3版）", "（续第2版）", "(紧接第A1版)"])
def test_a_jump_line_saying_where_the_article_came_from_is_furniture_pointing_up(line):
    assert classify_single(line) == fz.JUMP and jump_direction(line) == "up"


MORE_FURNITURE = [
    ("校对：张一", fz.EDITOR_LINE),
    ("版式设计：何二", fz.EDITOR_LINE),
    ("审核 王五", fz.EDITOR_LINE),
    ("投稿邮箱：kepu@example.cn", fz.CONTACT),
    ("邮编：610000", fz.CONTACT),
    ("支持单位：青石县农学会", fz.SPONSOR_LINE),
    ("本期由青石县农业农村局提供支持", fz.SPONSOR_LINE),
    ("上图：志愿者在讲解垃圾分类知识。", fz.CAPTION),
    ("图1：实验装置示意", fz.CAPTION),
    ("第3页", fz.PAGE_NUMBER),
    ("总第1024期", fz.MASTHEAD),
    ("CN 51-0001", fz.MASTHEAD),
    ("青石县推广稻渔共养……A2版", fz.INDEX),
]


@pytest.mark.parametrize("line, kind", MORE_FURNITURE, ids=[x for x, _ in MORE_FURNITURE])
def test_editor_contact_sponsor_caption_page_number_masthead_and_index_variants_are_named(line, kind):
    assert classify_single(line) == kind


def test_a_long_unfinished_line_of_text_ending_in_a_word_with_she_is_no_caption():
    # ``…拍摄`` ends like a photo credit (``某甲 摄``), but what stands before it is a long unfinished
    # sentence, not a caption: a caption before its credit is a finished sentence or a short label
    line = ("这些年来村里的变化真的很大，过去大家都是靠天吃饭，如今家家户户都有了大棚和滴灌设备，"
            "每到周末不少游客专程赶来拍摄")
    assert fz.caption(line) is None and classify_single(line) is None


def test_a_latin_line_is_no_romanisation_of_a_line_without_han_readings():
    assert not is_pinyin_of("Ke Pu", "①②") and not is_pinyin_of("Ke Pu", "ＡＢ")


def test_a_header_cut_in_two_pieces_after_the_year_is_a_header_by_its_first_piece_too():
    # an engine read the header row in two boxes: the paper's name and a date cut off, then the rest
    assert fz.page_header("东山科技报”2024年10") == fz.PAGE_HEADER
    assert fz.page_header("东山科技报 2024年10月") == fz.PAGE_HEADER
    assert fz.page_header("15日星期二第4版") == fz.PAGE_HEADER
    # a headline naming a paper and a year goes on past the year
    assert fz.page_header("东山日报2024年度十大科技新闻揭晓") is None
    assert fz.page_header("东山科技报2024年") is not None and fz.page_header("科普讲解大赛2024年") is None
