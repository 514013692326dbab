"""Reading order from geometry: bands before columns, gutters however narrow, columns of unequal length."""
from kexie_gui.core.columns import find_gutters
from kexie_gui.core.reading import Obstacle, side_by_side, stack_order, xy_order

from .geometry_pages import column, line, texts

W = 14  # characters a column
COL = ["甲" * W] * 4


def col(tag: str, n: int, x: float, top: float, pad: float = 0.0):
    return column([f"{tag}{k}" + "字" * (W - len(tag) - 1) for k in range(n)], x, top, pad=pad)


def test_a_spanning_headline_is_read_before_the_columns_under_it_and_the_right_column_after():
    lines = [line("横跨两栏的导读大标题", 20, 0, size=24)]
    lines += col("导左", 6, 0, 40) + col("导右", 6, 152, 40)  # the lead's two columns
    lines += col("下左", 8, 0, 160) + col("下右", 8, 152, 160)  # the stream under the lead
    lines += col("右栏", 20, 304, 0)  # a column from the top beside it all
    leaves = texts(xy_order(lines, [], 10))
    firsts = [leaf[0][:2] for leaf in leaves]
    assert firsts == ["横跨", "导左", "导右", "下左", "下右", "右栏"]


def test_a_column_ending_higher_than_its_neighbour_is_no_cut():
    """White under a short right column crosses the region; the left column goes on below it."""
    lines = col("左", 12, 0, 0) + col("右", 5, 152, 0)
    lines += [line("左栏下部的标题", 0, 200, size=14)] + col("续", 4, 0, 225)
    leaves = texts(xy_order(lines, [], 10))
    order = [text for leaf in leaves for text in leaf]
    assert order.index("左栏下部的标题") < order.index("右0" + "字" * 12)


def test_boxes_overlapping_over_a_narrow_gutter_still_make_two_columns():
    """OCR pads its boxes: two columns whose boxes overlap by a few units."""
    lines = col("左", 8, 0, 0, pad=3) + col("右", 8, 142, 0, pad=3)
    assert [leaf[0][:1] for leaf in texts(xy_order(lines, [], 10))] == ["左", "右"]


def test_a_stray_box_across_a_gutter_does_not_merge_two_columns():
    """One noisy box leans over the gutter; the page's column edges still say where it runs."""
    lines = col("左", 10, 0, 0) + col("右", 10, 146, 0)
    lines.append(line("噪" + "右栏里的一行", 134, 160))
    leaves = texts(xy_order(lines, [], 10, gutters=find_gutters(lines, 10)))
    assert [leaf[0][:1] for leaf in leaves] == ["左", "右"]
    assert "噪右栏里的一行" in leaves[1]


def test_a_rule_separates_bands_where_the_white_is_narrow():
    lines = col("上左", 4, 0, 0) + col("上右", 4, 152, 0) + col("下左", 4, 0, 61) + col("下右", 4, 152, 61)
    rule = Obstacle(0, 57.5, 292, 58, rule=True)
    assert [leaf[0][:2] for leaf in texts(xy_order(lines, [rule], 10))] == ["上左", "上右", "下左", "下右"]
    unruled = texts(xy_order(lines, [], 10))  # without it the columns run on through the narrow white
    assert [[t[:2] for t in leaf[::4]] for leaf in unruled] == [["上左", "下左"], ["上右", "下右"]]


def test_a_picture_is_not_white():
    """A picture in the right column: the band beside it is no cut across the page."""
    lines = col("左", 20, 0, 0) + col("右", 5, 152, 0) + col("右下", 5, 152, 230)
    picture = Obstacle(152, 80, 292, 220)
    leaves = texts(xy_order(lines, [picture], 10))
    assert leaves[0][0][:1] == "左" and len(leaves[0]) == 20


def test_side_by_side_headlines_are_not_glued():
    a, b = line("左边的标题", 0, 0, size=16), line("右边的标题", 120, 0, size=16)
    assert side_by_side([a, b], 10)
    assert [leaf[0] for leaf in texts(stack_order([a, b], 10))] == ["左边的标题", "右边的标题"]


def test_stacks_without_a_cut_are_read_column_by_column():
    """An L-shaped region: a headline over two columns, a third column beside it, nothing cuts it."""
    head = line("跨两栏的标题", 0, 0, size=20)
    lines = [head] + col("一", 5, 0, 30) + col("二", 5, 152, 30) + col("三", 8, 304, 10)
    lines.append(line("横跨第二第三栏的一行字写得很长很长很长", 152, 100))
    order = [leaf[0][:1] for leaf in texts(stack_order(lines, 10))]
    assert order.index("跨") < order.index("一") < order.index("二")


def test_no_lines_read_as_nothing_and_one_line_as_itself():
    one = line("青石镇举办培训会", 0, 0)
    assert xy_order([], [], 10.0) == [] and texts(xy_order([one], [], 10.0)) == [["青石镇举办培训会"]]
