"""The analysis as a whole (``core.analyse``): its knobs, the shape of what it returns, and the
suggestions it makes from each stage."""
from itertools import pairwise

import pytest

from kexie_gui.core import KINDS, Config, Decisions, analyse, apply, page_from_text

from . import pages


def kinds(analysis) -> set[str]:
    return {s.kind for s in analysis.suggestions}


@pytest.mark.parametrize("raw", ["", "\n\n\n", "   \n\u3000\n"])
def test_an_empty_page_has_no_blocks_and_nothing_to_suggest(raw):
    analysis = analyse(page_from_text(raw))
    assert analysis.blocks == () and analysis.suggestions == ()
    assert apply(analysis).articles == ()


def test_blocks_cover_the_page_in_raw_order_without_overlapping():
    analysis = analyse(page_from_text(pages.KICKER_SUBTITLE_PAGE))
    spans = [(b.start, b.end) for b in analysis.blocks]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in pairwise(spans))
    assert [b.index for b in analysis.blocks] == list(range(len(analysis.blocks)))
    covered = "".join(analysis.page.text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(analysis.page.text.split())


def test_every_suggestion_names_blocks_of_the_analysis_and_ranges_inside_the_page():
    for raw in (pages.KICKER_SUBTITLE_PAGE, pages.INTERLEAVED_PAGE, pages.TESSERACT_PAGE):
        analysis = analyse(page_from_text(raw))
        ids = {b.id for b in analysis.blocks}
        n = len(analysis.page.text)
        for s in analysis.suggestions:
            assert s.kind in KINDS and set(s.blocks) <= ids and 0 <= s.confidence <= 1
            assert all(0 <= a < b <= n for a, b in s.ranges)
        starts = [s.ranges[0][0] if s.ranges else -1 for s in analysis.suggestions]
        assert starts == sorted(starts)


def test_without_punctuation_the_half_width_marks_are_not_even_suggested():
    raw = "某市科协召开会议\n\n本报讯 近日,某市科协召开会议。\n"
    assert "punctuation" in kinds(analyse(page_from_text(raw)))
    assert "punctuation" not in kinds(analyse(page_from_text(raw), Config(punctuation=False)))
    suggested = [s for s in analyse(page_from_text(raw), Config(punctuation_default=False)).suggestions
                 if s.kind == "punctuation"]
    assert suggested and not any(s.default for s in suggested)


def test_furniture_lines_get_no_punctuation_suggestion():
    raw = "某市科协召开会议\n\n本报讯 近日，某市科协召开会议。\n\n新闻热线:0000-1234567\n"
    analysis = analyse(page_from_text(raw))
    assert "furniture" in kinds(analysis) and "punctuation" not in kinds(analysis)


def test_an_interleaved_page_gets_one_order_suggestion_and_rejecting_it_gives_the_raw_order_back():
    analysis = analyse(page_from_text(pages.INTERLEAVED_PAGE))
    order = [s for s in analysis.suggestions if s.kind == "order"]
    assert len(order) == 1 and analysis.order
    assert [str(a.title) for a in apply(analysis).articles] == [pages.QS_TITLE, pages.SX_TITLE]
    rejected = apply(analysis, Decisions().with_choice(order[0].id, False))
    # the blocks (each column's paragraphs, joined line by line) come back in the order they start on the page
    paragraphs = [str(p) for a in rejected.articles for p in a.paragraphs]
    assert paragraphs == [pages.QS[0], pages.SX[0], pages.QS[1], pages.SX[1]]


def test_with_reading_order_off_the_lines_stay_in_raw_order():
    analysis = analyse(page_from_text(pages.INTERLEAVED_PAGE), Config(reading_order=False))
    assert "order" not in kinds(analysis) and analysis.order == tuple(b.id for b in analysis.blocks)


def test_tesseract_spaces_are_suggested_only_on_a_page_that_has_them():
    assert "spaces" in kinds(analyse(page_from_text(pages.TESSERACT_PAGE)))
    assert "spaces" not in kinds(analyse(page_from_text(pages.LATIN_PAGE)))


def test_a_column_title_under_its_pinyin_becomes_the_section_of_the_articles_below():
    raw = ("Ke Pu Tian Di\n科普天地\n\n口罩能挡住花粉吗？\n\n春季花粉多，不少过敏人群出门都戴上了口罩。\n\n"
           "专家表示，普通医用口罩能挡住大部分花粉。\n")
    clean = apply(analyse(page_from_text(raw)))
    assert [(str(a.title), a.section) for a in clean.articles] == [("口罩能挡住花粉吗？", "科普天地")]


def test_the_analysis_is_the_same_twice_and_reports_its_layout():
    a, b = analyse(page_from_text(pages.WRAPPED_PLAIN_PAGE)), analyse(page_from_text(pages.WRAPPED_PLAIN_PAGE))
    assert [s.to_dict() for s in a.suggestions] == [s.to_dict() for s in b.suggestions]
    assert a.hard_wrapped and a.convention.name == "wrapped-plain" and a.seconds >= 0


def test_an_article_printed_twice_on_an_interleaved_page_is_a_duplicate_once_read_in_order():
    # the right column holds its article twice; read line by line with the left column, neither copy
    # is a run of raw lines, so only the reading order shows the repeat
    left = pages.set_article(pages.QS_TITLE, pages.QS + pages.QS[1:2], "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)
    right = pages.set_article(pages.SX_TITLE, pages.SX + pages.SX, "何二", 16, pages.IDEOGRAPHIC_INDENT)
    n = max(len(left), len(right))
    left, right = left + [""] * (n - len(left)), right + [""] * (n - len(right))
    raw = "\n".join(line for pair in zip(left, right, strict=True) for line in pair if line) + "\n"
    analysis = analyse(page_from_text(raw))
    assert any(s.kind == "duplicate" and s.default for s in analysis.suggestions)
    articles = apply(analysis, Decisions()).articles
    second = next(a for a in articles if a.title == pages.SX_TITLE)
    assert list(second.paragraphs) == pages.SX  # each paragraph once, not twice


def test_a_reporter_line_naming_an_agency_under_the_headline_is_the_article_s_byline():
    raw = ("青石县科技小院开进村\n\n新华社记者 林一 何二\n\n"
           "新华社成都3月5日电 近日，青石县首个科技小院在青石村挂牌，五名研究生将常驻村里开展技术服务。\n\n"
           "小院将围绕柑橘种植开展试验示范，帮助农户解决生产难题。\n")
    analysis = analyse(page_from_text(raw), Config(punctuation_default=False))
    bylines = [s for s in analysis.suggestions if s.kind == "byline"]
    assert [str(analysis.block(s.blocks[0]).text) for s in bylines] == ["新华社记者 林一 何二"]
    (article,) = apply(analysis).articles
    assert str(article.byline) == "新华社记者 林一 何二" and len(article.paragraphs) == 2


def test_a_byline_on_its_own_line_without_brackets_is_the_byline_whole():
    raw = ("青石县科技小院开进村\n\n"
           "本报讯 近日，青石县首个科技小院在青石村挂牌，五名研究生将常驻村里开展技术服务。\n\n"
           "小院将围绕柑橘种植开展试验示范，帮助农户解决生产难题。\n\n本报记者 林一\n\n"
           "白云镇开展科普活动\n\n本报讯 日前，白云镇开展科普活动，发放资料两百余份。\n")
    analysis = analyse(page_from_text(raw), Config(punctuation_default=False))
    (byline,) = [s for s in analysis.suggestions if s.kind == "byline"]
    assert byline.payload.inner == (0, len("本报记者 林一"))
    first, second = apply(analysis).articles
    assert str(first.byline) == "本报记者 林一" and second.byline is None


def test_a_headline_beside_a_sentence_cut_short_in_the_other_column_is_still_a_headline():
    # two columns read line by line alternately; the right column opens with the end of an article from
    # elsewhere, so its headline stands in raw order right under a left-hand line cut mid-sentence
    left = pages.set_article(pages.QS_TITLE, pages.QS, "本报记者 林一", 16, pages.IDEOGRAPHIC_INDENT)
    right = (pages.wrap("市科协还将陆续在各区县开展系列活动，把科普资源送到群众身边。", 16)
             + pages.set_article(pages.SX_TITLE, pages.SX, "何二", 16, pages.IDEOGRAPHIC_INDENT))
    n = max(len(left), len(right))
    left, right = left + [""] * (n - len(left)), right + [""] * (n - len(right))
    raw = "\n".join(line for pair in zip(left, right, strict=True) for line in pair if line) + "\n"
    articles = apply(analyse(page_from_text(raw)), Decisions()).articles
    assert [a.title for a in articles] == [pages.QS_TITLE, pages.SX_TITLE]


def test_the_garbage_collector_is_left_as_it_was():
    """The analysis pauses the cyclic collector (speed on huge pages) and leaves it on or off as it found it."""
    import gc

    page = page_from_text("四川科技报\n\n本报讯 近日，县科协开展科普活动。\n", "gc")
    assert gc.isenabled()
    analyse(page)
    assert gc.isenabled()
    gc.disable()
    try:
        analyse(page)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _pages_run_together(count: int) -> str:
    """Several pages in one input, the way a huge input holds many (a page printed again and again)."""
    return "\n\n".join([pages.KICKER_SUBTITLE_PAGE.strip("\n"), pages.PARAGRAPH_PER_LINE_PAGE.strip("\n"),
                         pages.INTERLEAVED_PAGE.strip("\n")] * count)


def test_a_huge_input_is_read_in_windows_cut_where_a_page_or_article_ends(monkeypatch):
    module = __import__("sys").modules["kexie_gui.core.analyse"]
    monkeypatch.setattr(module, "SPLIT_ABOVE", 30)
    monkeypatch.setattr(module, "WINDOW_LINES", 15)
    page = page_from_text(_pages_run_together(4))
    module._load_stages()
    units, convention = module._units(page, Config())
    shapes = module.shapes_of(units, convention)
    windows = module._windows(units, shapes, convention)
    assert len(windows) > 1 and windows[0][0] == 0 and windows[-1][1] == len(units)
    assert all(a[1] == b[0] for a, b in pairwise(windows))
    for lo, _ in windows[1:]:  # after a finished sentence, before a blank line
        assert units[lo].blank_before and module._boundary(units[lo], shapes[lo - 1], shapes[lo]) >= 2


def test_a_page_of_a_few_hundred_lines_is_read_whole():
    module = __import__("sys").modules["kexie_gui.core.analyse"]
    page = page_from_text(_pages_run_together(5))
    module._load_stages()
    units, convention = module._units(page, Config())
    assert module._windows(units, module.shapes_of(units, convention), convention) == [(0, len(units))]


def test_an_input_read_in_windows_is_one_analysis_of_the_whole(monkeypatch):
    module = __import__("sys").modules["kexie_gui.core.analyse"]
    monkeypatch.setattr(module, "SPLIT_ABOVE", 30)
    monkeypatch.setattr(module, "WINDOW_LINES", 15)
    analysis = analyse(page_from_text(_pages_run_together(4)))
    spans = [(b.start, b.end) for b in analysis.blocks]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in pairwise(spans))
    covered = "".join(analysis.page.text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(analysis.page.text.split())
    ids = {b.id for b in analysis.blocks}
    assert len(ids) == len(analysis.blocks) and sorted(analysis.order) == sorted(ids)
    assert len({s.id for s in analysis.suggestions}) == len(analysis.suggestions)
    assert all(set(s.blocks) <= ids for s in analysis.suggestions)
    assert apply(analysis).articles
