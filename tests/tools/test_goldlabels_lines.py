"""Line labels: roles, kicker vs 副题, reporter line vs trailing byline, paragraph parts, reading order."""
from tools.goldlabels import align, is_subhead, line_records

from .pages import BLANK_GOLD, BLANK_RAW, gold


def records(raw, g):
    return {r.number: r for r in line_records(raw, align(raw, g))}


def test_each_line_of_a_blank_line_page_gets_its_role():
    recs = records(BLANK_RAW, BLANK_GOLD)
    got = {n: r.role for n, r in recs.items() if r.labels}
    assert got == {1: "furniture", 3: "kicker", 5: "title", 7: "byline-top", 9: "paragraph-whole",
                   11: "paragraph-start", 13: "furniture", 15: "paragraph-end", 17: "subhead",
                   19: "paragraph-whole", 21: "title", 23: "paragraph-whole", 25: "paragraph-whole",
                   27: "duplicate"}
    assert recs[2].role == "blank" and recs[2].labels == []


def test_a_subtitle_under_its_headline_is_a_fuhu_not_a_kicker():
    raw = "江畔新城科技馆开馆\n——记一座城市的科普新地标\n开馆首日，科技馆接待观众三千人次。\n"
    g = gold([("江畔新城科技馆开馆", "——记一座城市的科普新地标", ["开馆首日，科技馆接待观众三千人次。"], None)])
    recs = records(raw, g)
    assert recs[2].labels == ["subtitle"]


def test_reading_order_skips_a_caption_between_two_pieces_of_a_paragraph():
    recs = records(BLANK_RAW, BLANK_GOLD)
    assert recs[11].next_line == 15 and recs[15].prev_line == 11
    assert recs[13].next_line is None and recs[13].gold_start is None
    assert recs[15].gold_start == [0, "paragraph", 1, len("培训中，专家先讲解了修剪的基本原理，随后带领学员")]


def test_places_say_which_gold_string_each_run_of_a_line_is():
    recs = records(BLANK_RAW, BLANK_GOLD)
    assert recs[5].places == [{"start": 0, "end": 11, "article": 0, "field": "title"}]
    assert recs[27].places == [{"start": 0, "end": 19, "field": "duplicate", "entry": 0}]


def test_subheads_are_short_and_end_without_a_sentence_mark():
    assert is_subhead("■田间课堂开到村口")
    assert is_subhead("“绿色工厂”怎样炼成")
    assert not is_subhead("会议由县长主持。")
    assert not is_subhead("这是一段很长很长的正文它没有标点但是远远超过了小标题应有的长度")
