"""Half-width punctuation inside Chinese text back to full width (``core.punctuation``); numbers,
times, ranges and Latin text keep theirs."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kexie_gui.core.punctuation import FULL, fix_text, replacements


def fixed(text: str) -> str:
    return "".join(fix_text(text))


@pytest.mark.parametrize("raw, want", [
    ("近日,德阳市科协召开会议。", "近日，德阳市科协召开会议。"),
    ("德阳市科协(省级)召开会议", "德阳市科协（省级）召开会议"),
    ("会议要求:一是加强领导;二是强化服务。", "会议要求：一是加强领导；二是强化服务。"),
    ("你参加了吗?太好了!", "你参加了吗？太好了！"),
    ("“科创中国”,助力发展", "“科创中国”，助力发展"),
    ("(AI)技术", "（AI）技术"),  # Latin inside, Chinese around
])
def test_half_width_marks_inside_chinese_text_become_full_width(raw, want):
    assert fixed(raw) == want


@pytest.mark.parametrize("text", ["共1,000人", "增长3.5%", "2023~2025年", "Hello, world!", "AI: a model", "比分是3:2"])
def test_numbers_ranges_and_latin_text_keep_their_half_width_marks(text):
    assert fixed(text) == text


def test_a_time_keeps_its_colon_while_the_colon_after_chinese_text_goes_full_width():
    assert fixed("时间:9:30") == "时间：9:30"


def test_a_thousands_comma_stays_and_the_clause_comma_after_it_goes_full_width():
    assert fixed("共1,000人,GDP增长3.5%") == "共1,000人，GDP增长3.5%"


def test_brackets_are_replaced_in_pairs_only():
    assert fixed("他说)好") == "他说)好"  # a lone closing bracket has no partner to agree with
    reps = replacements("甲(乙)丙(丁")
    assert sorted(reps) == [1, 3]


TEXT = st.text(alphabet="科技会议AIab12,.:;!?() ", max_size=40)


@given(TEXT)
def test_only_half_width_marks_change_each_into_its_own_full_width_mark(text):
    reps = replacements(text)
    assert all(text[i] in FULL and v == FULL[text[i]] for i, v in reps.items())
    assert len(fix_text(text)) == len(text)
