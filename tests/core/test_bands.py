"""Bands of a side-by-side page: where one pair of columns stands right under another."""
from kexie_gui.core.bands import bands, column_edges, edge_share
from kexie_gui.core.lines import split_units
from kexie_gui.core.order import rows_indents, rows_order

from . import pages


def stacked_pairs() -> tuple[str, list[str]]:
    """Two pairs of columns, the lower pair's left column set wider: its right column starts at a new edge.
    Returns the page and its pieces in reading order (upper left, upper right, lower left, lower right)."""
    rows, expected = [], []
    for width in (16, 20):
        left, right = pages.two_columns("  ", width)
        rows.append(pages.side_by_side("  ", width))
        expected += [x.strip() for x in left if x] + [x.strip() for x in right if x]
    return "".join(rows), expected


def test_pieces_are_clustered_at_the_column_edges_they_keep_to():
    assert column_edges([0, 2, 0, 36, 38, 36, 0]) == [0, 36]


def test_a_page_that_keeps_to_its_edges_exactly_is_clean_and_a_jittery_one_is_not():
    assert edge_share([0, 36, 0, 38, 0, 36, 0, 36]) == 1.0
    jitter = [0, 35, 0, 37, 0, 36, 0, 34, 0, 36]
    assert edge_share(jitter) < 0.95
    assert bands([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], jitter) is None


def test_a_right_column_at_a_new_edge_opens_a_band_only_where_it_runs_on():
    rows = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]
    assert bands(rows, [0, 36] * 3 + [0, 44] * 3) == [0] * 6 + [1] * 6
    # a page number set off to the right on one row is no column
    numbered = bands([r for r in range(1, 26) for _ in (0, 1)], [0, 36] * 24 + [0, 44])
    assert numbered == [0] * 50


def test_a_pair_of_columns_under_another_pair_is_read_after_it():
    page, expected = stacked_pairs()
    units = split_units(page)
    assert [units[k].text for k in rows_order(units, page)] == expected


def test_a_right_hand_paragraph_start_keeps_its_indent():
    units = split_units(pages.SIDE_BY_SIDE_PAGE)
    indents = rows_indents(units, pages.SIDE_BY_SIDE_PAGE)
    right_starts = [u for u, i in zip(units, indents, strict=True)
                    if u.column == 1 and u.text.startswith("本报讯") and i >= 1]
    assert right_starts and all(u.indent == 0 for u in right_starts)  # the gutter had swallowed it


def test_a_narrow_gutter_of_two_spaces_cuts_a_row_once_the_page_is_known_side_by_side():
    from kexie_gui.core.lines import NARROW_GUTTER, row_pieces

    row = "某地举办科普活动周启动仪式  活动现场，志愿者为居民讲解"
    assert len(row_pieces(row)) == 1
    assert [p for _, p in row_pieces(row, NARROW_GUTTER)] == ["某地举办科普活动周启动仪式",
                                                              "活动现场，志愿者为居民讲解"]


def test_a_row_set_across_both_columns_closes_the_band_above_it():
    from kexie_gui.core.bands import bands

    # two columns for three rows, then a sponsor line across the page, then one column alone
    rows = [1, 1, 2, 2, 3, 3, 4, 5, 6]
    starts = [0, 20, 0, 20, 0, 20, 0, 0, 0]
    ends = [16, 36, 16, 36, 16, 36, 40, 16, 16]
    assert bands(rows, starts, ends=ends) == [0, 0, 0, 0, 0, 0, 1, 1, 1]
    narrow = [16, 36, 16, 36, 16, 36, 12, 16, 16]  # a short line in the left column: the band goes on
    assert bands(rows, starts, ends=narrow) == [0] * 9
