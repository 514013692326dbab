"""Printed lines: widths, kinsoku, short last lines without indentation, Tesseract spaces."""
import random

from tools.relayout.layout import LayoutLog, _short_last_line, cells, tesseract_spaces, wrap


def test_wrap_fills_lines_to_the_width_and_hangs_closing_marks():
    text = "县科协组织专家深入田间地头，为种植户讲解病虫害防治技术。"
    lines = [text[a:b] for a, b in wrap(text, 8)]
    assert "".join(lines) == text
    assert all(cells(line) <= 9 for line in lines)
    assert not any(line[0] in "，。" for line in lines)


def test_half_width_characters_take_half_a_cell():
    lines = wrap("共建成5G基站120座和AI实验室3个", 10)
    assert all(cells("共建成5G基站120座和AI实验室3个"[a:b]) <= 10 for a, b in lines)


def test_without_indentation_a_paragraph_never_ends_on_an_exactly_full_line():
    rng = random.Random(7)
    chars = "科普活动进社区群众参与热情高涨专家现场答疑解惑"
    for _ in range(300):
        width = rng.choice([14, 18, 22, 26])
        text = "".join(rng.choice(chars) for _ in range(rng.randint(width + 1, 5 * width))) + "。"
        log = LayoutLog()
        slices = _short_last_line(text, wrap(text, width), width, log)
        assert "".join(text[a:b] for a, b in slices) == text
        a, b = slices[-1]
        assert cells(text[a:b]) <= width - 1


def test_tesseract_spaces_every_character_but_keeps_number_and_latin_runs_whole():
    assert tesseract_spaces("海拔1200米的GPS站") == "海 拔 1200 米 的 GPS 站"
