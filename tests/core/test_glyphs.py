"""Characters with boxes become printed lines: one baseline, no wide gap."""
from kexie_gui.core.glyphs import Glyph, build_lines, split_runs


def glyphs(text, x, y, size=10.0, base=None):
    out, cx = [], x
    for ch in text:
        out.append(Glyph(ch, cx, y, cx + size, y + size, size, base))
        cx += size
    return out


def test_characters_on_one_baseline_make_one_line_even_with_uneven_boxes():
    """PDF loose boxes differ in height from character to character; the baseline does not."""
    row = glyphs("左边的文字", 0, 100.0, base=109.0)
    row[2] = Glyph(row[2].char, row[2].x0, 96.5, row[2].x1, 110.0, 10.0, 109.0)
    assert [ln.text for ln in build_lines(row)] == ["左边的文字"]


def test_a_gutter_on_the_row_ends_the_line():
    row = glyphs("第一栏", 0, 0) + glyphs("第二栏", 45, 0)
    assert [ln.text for ln in build_lines(row)] == ["第一栏", "第二栏"]


def test_a_headline_beside_a_column_line_is_another_line():
    """The body's last character and a larger headline nearly touch on one row."""
    row = glyphs("正文行", 0, 5) + glyphs("大标题", 36, 0, size=16.0)
    assert [ln.text for ln in build_lines(row)] == ["正文行", "大标题"]


def test_ideographic_spaces_keep_a_page_header_in_one_line():
    row = glyphs("某某日报\u3000第3版\u3000星期日", 0, 0)
    assert [ln.text for ln in build_lines(row)] == ["某某日报\u3000第3版\u3000星期日"]


def test_rows_are_read_top_to_bottom_and_lines_keep_their_source_position():
    lines = build_lines(glyphs("下面一行", 0, 30) + glyphs("上面一行", 0, 10))
    assert sorted(lines, key=lambda ln: ln.y0)[0].text == "上面一行"
    assert {ln.text: ln.source_order for ln in lines} == {"下面一行": 0, "上面一行": 4}


def test_split_runs_drops_the_spaces_at_a_cut():
    row = glyphs("甲乙", 0, 0) + [Glyph(" ", 20, 0, 23, 10, 10)] + glyphs("丙", 60, 0)
    assert ["".join(g.char for g in r) for r in split_runs(row)] == ["甲乙", "丙"]
