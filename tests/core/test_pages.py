"""The founding page and small written pages come out as an editor would clean them."""
import json
import unicodedata
from pathlib import Path

import pytest

from kexie_gui.core import Config, Decisions, analyse, apply, load_page, page_from_text
from kexie_gui.core.apply import split_blocks_at

from .pages import DUPLICATE_PAGE, KNOWN_FAILURES, TABLE

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "000_57b0e2a3ead17231.txt"
RAW_CHARS = Config(punctuation_default=False)  # gold keeps the raw characters


def articles(clean):
    return [(str(a.title), None if a.subtitle is None else str(a.subtitle), [str(p) for p in a.paragraphs],
             None if a.byline is None else str(a.byline)) for a in clean.articles]


def test_seed_page_comes_out_exactly_as_its_gold():
    gold = json.loads((DATA / "000_57b0e2a3ead17231.gold.json").read_text(encoding="utf-8"))
    clean = apply(analyse(load_page(SEED), RAW_CHARS))
    got = [{"title": t, "paragraphs": p, "byline": b} for t, _, p, b in articles(clean)]
    want = [{"title": a["title"], "paragraphs": a["paragraphs"], "byline": a["byline"]} for a in gold["articles"]]
    assert got == want


def test_seed_page_removes_every_gold_duplicate_and_furniture_line():
    gold = json.loads((DATA / "000_57b0e2a3ead17231.gold.json").read_text(encoding="utf-8"))
    clean = apply(analyse(load_page(SEED), RAW_CHARS))
    removed = {r.reason: [] for r in clean.removed}
    for r in clean.removed:
        removed[r.reason].append(r.text)
    assert removed["duplicate"] == gold["removed"]["duplicates"]
    assert removed["furniture"] == gold["removed"]["furniture"]


def test_seed_page_default_output_restores_full_width_punctuation():
    clean = apply(analyse(load_page(SEED)))
    first = str(clean.articles[0].paragraphs[0])
    assert "，" in first and "," not in first
    assert "2023~2025年" in str(clean.articles[0].paragraphs[0]) + str(clean.articles[0].paragraphs[1])


def test_seed_section_comes_from_the_column_title():
    clean = apply(analyse(load_page(SEED)))
    assert [a.section for a in clean.articles] == [None, "学会改革先行者", "学会改革先行者", "学会改革先行者"]


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[name])) if name in KNOWN_FAILURES
    else name for name in sorted(TABLE)])
def test_written_page(name):
    raw, expected = TABLE[name]
    clean = apply(analyse(page_from_text(raw), RAW_CHARS))
    assert articles(clean) == expected


def test_duplicates_keep_the_copy_in_reading_position():
    analysis = analyse(page_from_text(DUPLICATE_PAGE), RAW_CHARS)
    clean = apply(analysis)
    got = articles(clean)
    assert [a[0] for a in got] == ["第一篇文章的标题在这里", "某县科协开展科普进校园活动"]
    second = got[1][2]
    assert second[0].startswith("本报讯 日前，某县科协") and second[0].endswith("要求各单位抓好落实。")
    assert got[1][3] == "李四"
    dropped = [r.text for r in clean.removed if r.reason == "duplicate"]
    assert dropped == ["会议还研究部署了下一阶段的重点任务，要求各单位抓好落实。",
                       "与会人员一致表示，将以此次会议为契机，推动工作取得新成效。",
                       "某县科协开展科普进校园活动", "会议还研究部署了下一阶段的重点"]


def test_near_duplicate_is_found_and_the_printed_copy_kept():
    body = "调研组先后考察了花椒标准化种植基地和乡镇科普活动站，详细了解了基层科协组织运行情况。"
    look_alike = body.replace("了基层", "了基屡")
    raw = (f"某市科协开展专题调研\n\n本报讯 近日，某市科协一行到某县开展专题调研。\n\n{body}\n\n（王五）\n\n"
           f"另一篇文章的标题\n\n本报讯 日前，某县举办培训班。\n\n（赵六）\n\n{look_alike}\n")
    clean = apply(analyse(page_from_text(raw), RAW_CHARS))
    assert [r.text for r in clean.removed if r.reason == "duplicate"] == [look_alike]
    assert str(clean.articles[0].paragraphs[1]) == body


def test_nfkc_equal_output_whichever_punctuation_choice():
    page = load_page(SEED)
    a = [json.dumps(x, ensure_ascii=False) for x in articles(apply(analyse(page)))]
    b = [json.dumps(x, ensure_ascii=False) for x in articles(apply(analyse(page, RAW_CHARS)))]
    assert [unicodedata.normalize("NFKC", x) for x in a] == [unicodedata.normalize("NFKC", x) for x in b]


def test_every_output_character_traces_back_to_its_raw_character():
    page = load_page(SEED)
    clean = apply(analyse(page, RAW_CHARS))
    for art in clean.articles:
        for text in (art.title, *art.paragraphs, art.byline):
            for i, ch in enumerate(text or ""):
                offset = text.raw_offset(i)
                assert offset is not None and page.text[offset] == ch


def test_hand_decisions_roles_splits_moves_and_edits():
    analysis = analyse(load_page(SEED), RAW_CHARS)
    clean = apply(analysis)
    second = clean.articles[1]
    # merge the second article into the first: its title becomes a paragraph
    merged = apply(analysis, Decisions().with_role(second.key, "body"))
    assert len(merged.articles) == 3 and str(second.title) in [str(p) for p in merged.articles[0].paragraphs]
    # split an article at its second paragraph and give the new article a title (text stays under it)
    longer = next(a for a in clean.articles if len(a.paragraphs) >= 3)
    key = longer.paragraph_keys[1]
    split = apply(analysis, Decisions().with_role(key, "title"))
    assert len(split.articles) == 5
    # edit a paragraph by hand: unchanged characters keep their provenance
    para = clean.articles[0].paragraphs[0]
    new = "【导语】" + str(para)
    edited = apply(analysis, Decisions().with_edit(clean.articles[0].paragraph_keys[0], str(para), new))
    got = edited.articles[0].paragraphs[0]
    assert str(got) == new and got.raw_offset(0) is None and got.raw_offset(4) == para.raw_offset(0)
    # restore a removed duplicate by hand
    dup = next(r for r in clean.removed if r.reason == "duplicate")
    restored = apply(analysis, Decisions().with_role(dup.block, "body"))
    assert len(restored.removed) == len(clean.removed) - 1
    # move the last block to the page top
    last = analysis.blocks[-1].id
    moved = apply(analysis, Decisions().with_role(last, "body").with_move(last, analysis.blocks[0].id))
    assert str(moved.articles[0].title) == "" and str(moved.articles[0].paragraphs[0]).startswith("分析了当前")
    # cut a block in two by hand
    block = analysis.block(longer.paragraph_keys[1])
    cut = block.start + 10
    second = split_blocks_at(analysis.blocks, (cut,))[block.index + 1]
    assert second.start == cut
    pieces = apply(analysis, Decisions().with_split(cut).with_role(second.id, "title"))
    assert len(pieces.articles) == 5 and len(str(pieces.articles[1].title)) > 0


def test_hard_wrapped_page_with_repeats_and_a_wrapped_headline():
    """Repeated headline over the next (wrapped) one, a repeated piece, a cut copy at the page end."""
    raw = (
        "绵竹市科协举办科普培训班\n"
        "\u3000\u3000日前，绵竹市科协举办科普志愿者骨干\n"
        "培训班，120余名志愿者参加培训，培训内\n"
        "容涵盖防灾减灾、食品安全等方面。\n"
        "（罗文艳）\n"
        "绵竹市科协举办科普培训班\n"
        "德阳市老科协赴绵竹市开展专题调研活动并\n"
        "召开座谈会\n"
        "\u3000\u3000本报讯 6月27日，德阳市科协党组书记\n"
        "一行到绵竹市开展专题调研，详细了解基层\n"
        "科协组织运行情况。\n"
        "\u3000\u3000调研组先后考察了花椒标准化种植基地、乡\n"
        "镇科普活动站等地，并针对当前生产中的突\n"
        "出问题提出了具体建议。\n"
        "（孟瑶）\n"
        "\u3000\u3000调研组先后考察了花椒标准化种植基地、乡\n"
        "镇科普活动站等地，并针对当\n"
    )
    clean = apply(analyse(page_from_text(raw), RAW_CHARS))
    assert articles(clean) == [
        ("绵竹市科协举办科普培训班", None,
         ["日前，绵竹市科协举办科普志愿者骨干培训班，120余名志愿者参加培训，培训内容涵盖防灾减灾、食品安全等方面。"],
         "罗文艳"),
        ("德阳市老科协赴绵竹市开展专题调研活动并召开座谈会", None,
         ["本报讯 6月27日，德阳市科协党组书记一行到绵竹市开展专题调研，详细了解基层科协组织运行情况。",
          "调研组先后考察了花椒标准化种植基地、乡镇科普活动站等地，并针对当前生产中的突出问题提出了具体建议。"],
         "孟瑶"),
    ]
    assert [r.reason for r in clean.removed] == ["duplicate", "duplicate"]


def test_a_stock_paragraph_in_two_articles_is_kept_in_both():
    """Two articles share a boilerplate paragraph; in the second it is cut by a column break."""
    stock = "面对新形势新任务新要求，广大科技工作者要牢记使命和责任担当，积极投身创新实践，在科技创新的道路上奋力前行。"
    cut = stock.index("积极")
    raw = (f"某市科协召开学会工作座谈会\n\n本报讯 近日，某市科协召开学会工作座谈会。\n\n{stock}\n\n（张三）\n\n"
           f"某县举办科普讲座\n\n本报讯 日前，某县科协举办科普讲座。\n\n{stock[:cut]}\n\n{stock[cut:]}\n\n（李四）\n")
    clean = apply(analyse(page_from_text(raw), RAW_CHARS))
    assert clean.removed == ()
    assert [str(a.paragraphs[1]) for a in clean.articles] == [stock, stock]
