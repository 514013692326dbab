"""Rules and frames printed on a page (``core.frames``): a rule is an edge, and a line is boxed only by
a small rectangle whose four sides meet."""
from kexie_gui.core.frames import Edge, edges_of_rule, enclosing_box, rectangle_edges


def test_a_thin_rule_is_one_edge_along_its_middle_and_a_thick_shape_its_four_sides():
    assert edges_of_rule(0, 10, 200, 12) == [Edge(0, 11, 200, 11)]  # a horizontal rule
    assert edges_of_rule(50, 0, 52, 300) == [Edge(51, 0, 51, 300)]  # a column rule
    assert edges_of_rule(0, 0, 100, 40) == rectangle_edges(0, 0, 100, 40)  # a filled area
    assert edges_of_rule(5, 5, 7, 7) == []  # a dot is no rule


def test_a_line_inside_a_small_ruled_frame_is_boxed():
    assert enclosing_box((110, 110, 190, 130), rectangle_edges(100, 100, 200, 140), 1000, 1000) == (100, 100, 200, 140)


def test_the_rules_round_a_whole_column_are_layout_not_a_box():
    # column rules from the header to the footer close in every line of the column
    column_frame = rectangle_edges(0, 0, 600, 900)
    assert enclosing_box((10, 100, 590, 120), column_frame, 1000, 1000) is None


def test_four_rules_that_do_not_meet_at_the_corners_close_no_box():
    top, bottom = Edge(100, 100, 200, 100), Edge(100, 140, 200, 140)
    left, right = Edge(100, 100, 100, 140), Edge(200, 100, 200, 140)
    # the bottom rule stops short of the right-hand one: the frame is open there
    short_bottom = Edge(100, 140, 180, 140)
    assert enclosing_box((110, 110, 170, 130), [top, short_bottom, left, right], 1000, 1000) is None
    assert enclosing_box((110, 110, 170, 130), [top, bottom, left, right], 1000, 1000) == (100, 100, 200, 140)
