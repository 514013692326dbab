"""How two pieces of one paragraph join across a line or column break (``core.joins``)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kexie_gui.core.joins import glue, joined, separator
from kexie_gui.core.model import Text


@pytest.mark.parametrize("left, right", [
    ("科协组织运行情", "况。"),  # a word cut in two
    ("增收42", "0余户"),  # a number cut in two
    ("发布5", "G网络"),  # an acronym cut in two
    ("他指出,", "二届以来"),  # a half-width comma in Chinese text
    ("基于AI", "大模型"),
    ("某市科协发布open", "source平台"),  # Latin letters inside Chinese text
])
def test_chinese_text_cut_at_a_break_joins_with_nothing(left, right):
    assert separator(left, right) == ("", 0)


@pytest.mark.parametrize("left, right", [("use of AI", "models"), ("GDP,", "rose"), ("Ke Pu", "Tian Di")])
def test_latin_words_cut_at_a_break_join_with_a_space(left, right):
    assert separator(left, right) == (" ", 0)


def test_a_latin_word_hyphenated_at_the_break_loses_its_hyphen_in_english_and_in_chinese_text():
    assert separator("new tech-", "nology") == ("", 1)
    assert separator("某市科协发布open-", "source科普平台") == ("", 1)


@pytest.mark.parametrize("left, right", [("2023-", "2025年"), ("COVID-", "19疫情"), ("某市科协发布AI-", "GC平台")])
def test_a_hyphen_before_a_number_or_a_capital_is_kept(left, right):
    assert separator(left, right) == ("", 0)


def test_the_trailing_and_leading_spaces_of_the_pieces_do_not_count():
    assert separator("科技  ", "  工作") == ("", 0)
    assert separator("   ", "工作") == ("", 0)


PIECE = st.text(alphabet="科技工作会议，。-ab AZ09", max_size=20)


@given(PIECE, PIECE)
def test_a_join_never_loses_a_character_but_a_hyphen_at_a_latin_word_break(left, right):
    sep, drop = separator(left, right)
    assert sep in ("", " ") and drop in (0, 1)
    if drop:
        stripped = left.rstrip()
        assert stripped.endswith("-") and stripped[-2].isalpha() and right.lstrip()[:1].islower()


def test_glued_pieces_join_by_the_separator_and_keep_their_raw_offsets():
    left, right = Text.traced("new tech-", 0), Text.traced("nology", 20)
    both = glue(left, right)
    assert str(both) == "new technology" and both.raw_offset(8) == 20
    assert str(glue(Text.traced("GDP,", 0), Text.traced("rose", 9))) == "GDP, rose"
    assert glue(None, right) is right and str(joined(Text("甲"), Text("乙"), "")) == "甲乙"
