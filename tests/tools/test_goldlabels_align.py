"""The gold aligner: every raw character to its gold place, repeats told apart by reading position."""
import json

from tools.goldlabels import align, line_records, read_page
from tools.goldlabels.pages import decode

from .pages import (
    BLANK_GOLD,
    BLANK_GOLD_TRAILING,
    BLANK_RAW,
    BLANK_RAW_TRAILING,
    SEED,
    SWAPPED_GOLD,
    SWAPPED_RAW,
    WRAPPED_GOLD,
    WRAPPED_RAW,
    gold,
)


def roles(raw, g):
    al = align(raw, g)
    return {rec.number: rec for rec in line_records(raw, al)}, al


def test_seed_page_is_labelled_completely_and_its_early_continuation_is_the_duplicate():
    page = read_page(SEED)
    al = align(page.text, page.gold)
    assert al.unplaced == [] and al.uncovered == []
    assert al.coverage() == 1.0
    recs = {r.number: r for r in line_records(page.text, al)}
    # the continuation printed before its headline (and again in place) is the removed copy
    head = next(n for n, r in recs.items() if r.labels == ["title"] and r.text.startswith("攀枝花市推动"))
    before = [r for n, r in recs.items() if n < head and r.text.startswith("分析了当前存在的问题")]
    after = [r for n, r in recs.items() if n > head and r.text.startswith("分析了当前存在的问题")]
    assert [r.labels for r in before] == [["duplicate"]]
    assert after[0].labels == ["paragraph-end"]          # the in-place copy carries on its paragraph
    assert after[-1].labels == ["duplicate"]             # the truncated copy at the page end


def test_every_gold_character_sits_on_an_equal_raw_character():
    al = align(BLANK_RAW, BLANK_GOLD)
    for r, p in enumerate(al.place):
        if p is not None:
            n, o = p
            assert BLANK_RAW[al.raw_offsets[r]] == al.items[n].text[o]


def test_paragraph_printed_twice_in_a_row_keeps_the_first():
    recs, al = roles(BLANK_RAW, BLANK_GOLD)
    last_two = [r for r in recs.values() if r.text.startswith("村民们说")]
    assert [r.labels for r in last_two] == [["paragraph-whole"], ["duplicate"]]
    assert al.ties_by_order >= 1


def test_line_read_twice_keeps_the_first_and_a_continuation_before_its_headline_is_the_copy():
    recs, al = roles(WRAPPED_RAW, WRAPPED_GOLD)
    assert al.uncovered == [] and al.unplaced == []
    assert recs[4].labels == ["paragraph-start"] and recs[5].labels == ["duplicate"]
    assert recs[6].labels == ["paragraph-end"]
    assert recs[8].labels == recs[9].labels == ["duplicate"]
    assert recs[11].labels == ["paragraph-start"] and recs[12].labels == ["paragraph-end"]


def test_byline_parentheses_belong_to_the_byline_and_nothing_is_left_over():
    recs, al = roles(BLANK_RAW_TRAILING, BLANK_GOLD_TRAILING)
    assert al.uncovered == [] and sorted(k for _, k in al.marks.values()) == ["close", "open"]
    line = next(r for r in recs.values() if r.text.endswith("(青川科协)"))
    assert line.labels == ["paragraph-whole", "byline-trailing", "mixed"]


def test_out_of_order_pieces_are_placed_and_followed_in_reading_order():
    recs, al = roles(SWAPPED_RAW, SWAPPED_GOLD)
    assert al.uncovered == [] and al.unplaced == []
    assert recs[3].labels == ["paragraph-end"] and recs[5].labels == ["paragraph-start"]
    assert recs[1].next_line == 5 and recs[5].next_line == 3 and recs[3].next_line == 7
    assert recs[3].gold_start == [0, "paragraph", 0, 18]


def test_characters_the_gold_declares_uncovered_are_counted_apart():
    raw = "县里开会\n\n会议很短。\n\n※\n"
    g = gold([("县里开会", ["会议很短。"], None)], ocr={"uncovered": "※"})
    al = align(raw, g, "※")
    assert al.uncovered == [] and len(al.declared) == 1 and al.coverage() == 1.0
    al = align(raw, g)
    assert len(al.uncovered) == 1 and al.coverage() < 1.0


def test_gold_text_missing_from_raw_is_reported():
    al = align("标题\n\n正文一句。\n", gold([("标题", ["正文一句话。"], None)]))
    assert len(al.unplaced) == 1


def test_raw_bytes_decode_like_a_page_is_opened():
    text = "标题\r\n\r\n正文。"
    assert decode(text.encode("gb18030"))[0] == "标题\n\n正文。"
    assert decode(text.encode("utf-16"))[0] == "标题\n\n正文。"
    assert decode(b"\xef\xbb\xbf" + text.encode())[0] == "标题\n\n正文。"


def test_gold_json_on_disk_round_trips(tmp_path):
    from .pages import write
    path = write(tmp_path, "p1", BLANK_RAW, BLANK_GOLD, encoding="gb18030")
    page = read_page(path)
    assert page.set == tmp_path.name and page.encoding == "gb18030"
    assert json.loads(path.with_name("p1.gold.json").read_text(encoding="utf-8"))["articles"][1]["byline"] is None
    assert align(page.text, page.gold).coverage() == 1.0
