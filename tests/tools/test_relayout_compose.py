"""Composed pages: gold made of the page's characters in every convention, deterministic, damage as logged."""
import json

import pytest

from tools.goldlabels import read_page
from tools.goldlabels.pages import decode
from tools.relayout import DEFAULT_CONVENTIONS, compose
from tools.relayout.check import check
from tools.relayout.layout import cells
from tools.relayout.units import source_units

from .pages import BLANK_GOLD, BLANK_RAW, SEED, WRAPPED_GOLD, WRAPPED_RAW, write


@pytest.fixture(scope="module")
def seed_units():
    return source_units(read_page(SEED))


@pytest.mark.parametrize("convention", DEFAULT_CONVENTIONS)
@pytest.mark.parametrize("damage", [0.0, 0.5])
def test_every_convention_composes_a_page_the_checker_accepts(seed_units, convention, damage):
    for seed in (0, 1):
        page = compose(seed_units, convention, seed, damage)
        result = check(page)
        assert result.ok, result.problems
        if page.in_order:
            assert result.disagreements == 0  # the aligner reads the page as the composer printed it


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_damage(seed_units):
    a = compose(seed_units, "wrap-flat-18", 3, 0.5)
    b = compose(seed_units, "wrap-flat-18", 3, 0.5)
    c = compose(seed_units, "wrap-flat-18", 4, 0.5)
    assert a.data == b.data and a.gold == b.gold
    assert a.data != c.data


def test_without_damage_the_gold_is_the_source_gold(seed_units):
    source = read_page(SEED).gold
    for convention in ("blank", "wrap-indent-14", "interleave-2col-16"):
        gold = compose(seed_units, convention).gold
        squash = lambda g: json.dumps(g["articles"], ensure_ascii=False).replace(" ", "")  # noqa: E731
        assert squash(gold) == squash(source)
        for key in ("duplicates", "furniture"):  # page order; two interleaved columns mix it
            assert sorted(gold["removed"][key]) == sorted(source["removed"][key])
            if convention != "interleave-2col-16":
                assert gold["removed"][key] == source["removed"][key]


def test_headlines_bylines_and_furniture_are_whole_unindented_lines(seed_units):
    page = compose(seed_units, "wrap-indent-14")
    lines = page.text.split("\n")
    for art in page.gold["articles"]:
        assert art["title"] in lines
    for furniture in page.gold["removed"]["furniture"]:
        assert furniture in lines
    whole = page.gold["removed"]["furniture"] + [a["title"] for a in page.gold["articles"]]
    assert all(cells(line) <= 15 or line in whole for line in lines)


def test_encodings_line_ends_and_tesseract_spaces(seed_units):
    assert compose(seed_units, "blank+crlf").data.count(b"\r\n") > 10
    assert compose(seed_units, "blank+utf16").data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert compose(seed_units, "blank+utf8-bom").data.startswith(b"\xef\xbb\xbf")
    gb = compose(seed_units, "blank+gb18030")
    assert decode(gb.data) == (gb.text, "gb18030")
    tess = compose(seed_units, "blank+tesseract")
    assert tess.gold["articles"][0]["title"] == "德 阳 市 获 评 中 国 科 协 创 新 驱 动 示 范 市"


def test_damage_adds_what_the_log_says(seed_units):
    plain = compose(seed_units, "wrap-flat-18", 2, 0.0)
    page = compose(seed_units, "wrap-flat-18", 2, 0.8)
    added = page.gold["relayout"]["added"]
    reread = page.gold["relayout"]["reread_runs"]
    assert sum(added["repeats"].values()) > 0 and added["column_breaks"] > 0
    assert len(page.gold["removed"]["duplicates"]) > len(plain.gold["removed"]["duplicates"])
    assert len(page.gold["removed"]["furniture"]) == len(plain.gold["removed"]["furniture"]) + sum(
        1 for f in page.gold["removed"]["furniture"] if f not in plain.gold["removed"]["furniture"])
    assert reread >= 0 and check(page).ok


def test_invented_pages_keep_their_kickers_reporter_lines_and_repeats(tmp_path):
    for raw, gold in ((BLANK_RAW, BLANK_GOLD), (WRAPPED_RAW, WRAPPED_GOLD)):
        units = source_units(read_page(write(tmp_path, "p", raw, gold)))
        kinds = [u.kind for u in units.units]
        for convention in ("one-per-line", "wrap-flat-14", "pdfminer-indent-20", "layout-2col-16"):
            page = compose(units, convention, 1, 0.4)
            assert check(page).ok
        if "kicker" in kinds:
            lines = compose(units, "wrap-flat-14").text.split("\n")
            assert lines.index("科技助力乡村振兴") + 1 == lines.index("青川县开办果树修剪培训班")
            assert "本报记者 林远帆" in lines
