"""Ids made of content: blocks and suggestions keep their ids when the page changes elsewhere."""
from __future__ import annotations

from kexie_gui.core import Decisions, analyse, apply, page_from_text
from kexie_gui.core.apply import split_blocks_at
from kexie_gui.core.ids import index_at, position

PAGE = (
    "成都市科协召开学会工作座谈会\n\n"
    "本报讯 近日，成都市科协召开学会工作座谈会，37家市级学会负责人参加会议。\n\n"
    "会议总结了一年来的学会工作，分析了当前存在的问题，\n\n"
    "并对下一步工作作了安排。\n\n"
    "（本报记者 王敏）\n"
)


def _ids(text: str):
    analysis = analyse(page_from_text(text, "p.txt"))
    return [b.id for b in analysis.blocks], [s.id for s in analysis.suggestions], analysis


def test_ids_survive_a_line_above_crlf_and_other_spacing():
    blocks, suggestions, _ = _ids(PAGE)
    assert len(set(blocks)) == len(blocks) and len(set(suggestions)) == len(suggestions)
    for changed in ("\n\n" + PAGE, PAGE.replace("\n", "\r\n"), PAGE.replace("本报讯 近日", "本报讯近日")):
        assert _ids(changed)[:2] == (blocks, suggestions)


def test_an_edit_changes_the_ids_of_the_block_it_touches_and_of_nothing_else():
    blocks, _, analysis = _ids(PAGE)
    again_blocks, again_suggestions, _ = _ids(PAGE.replace("37家", "三十七家"))
    assert [n for n, (a, b) in enumerate(zip(blocks, again_blocks, strict=True)) if a != b] == [1]
    untouched = {s.id for s in analysis.suggestions if blocks[1] not in s.blocks}
    assert untouched and untouched <= set(again_suggestions)


def test_copies_of_a_text_are_numbered_in_page_order():
    text = "标题一则新闻\n\n重复的一段文字。\n\n中间的一段。\n\n重复的 一段文字。\n\n重复的一段文字。\n"
    blocks, _, analysis = _ids(text)
    first, second, third = (b.id for b in analysis.blocks if str(b.text).startswith("重复"))
    assert (second, third) == (first + ".1", first + ".2")
    assert blocks == _ids("新加的一行\n\n" + text)[0][1:]


def test_blocks_are_found_by_id_through_the_analysis():
    _, _, analysis = _ids(PAGE)
    block = analysis.blocks[2]
    assert analysis.find_block(block.id) is block and analysis.find_block("b-nothing") is None


def test_a_piece_cut_off_by_hand_is_named_after_its_block_and_the_place_of_the_cut():
    _, _, analysis = _ids(PAGE)
    block = analysis.blocks[1]
    k = str(block.text).index("37家")
    cut = block.text.raw_offset(k)
    first, second = split_blocks_at(analysis.blocks, (cut,))[1:3]
    assert first.id == block.id and second.id == f"{block.id}@{position(str(block.text), k)}"
    # the same cut on the page with other spacing and a line above: the same piece id
    spaced = analyse(page_from_text("\n" + PAGE.replace("本报讯 近日", "本报讯近日"), "p.txt"))
    same = spaced.find_block(block.id)
    k2 = index_at(str(same.text), position(str(block.text), k))
    pieces = split_blocks_at(spaced.blocks, (same.text.raw_offset(k2),))
    assert second.id in {p.id for p in pieces} and str(pieces[2].text).startswith("37家")
    d = Decisions().with_split(cut).with_role(second.id, "title")
    assert any(str(a.title).startswith("37家") for a in apply(analysis, d).articles)


def test_cuts_around_a_space_give_distinct_pieces():
    _, _, analysis = _ids(PAGE)
    block = analysis.blocks[1]
    k = str(block.text).index(" ")
    cuts = (block.text.raw_offset(k), block.text.raw_offset(k + 1))
    pieces = split_blocks_at(analysis.blocks, cuts)
    assert len({p.id for p in pieces}) == len(pieces) == len(analysis.blocks) + 2
