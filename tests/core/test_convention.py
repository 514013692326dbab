"""The page's layout convention, decided from its own statistics (``core.convention``)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_gui.core import Config, analyse, page_from_text
from kexie_gui.core.convention import (
    BLANK_AFTER_LINE,
    BLANK_BLOCKS,
    CONVENTIONS,
    PARAGRAPH_PER_LINE,
    SIDE_BY_SIDE,
    WRAPPED_INDENTED,
    WRAPPED_PLAIN,
    convention_of,
)
from kexie_gui.core.features import local_widths
from kexie_gui.core.lines import split_units

from . import pages


def convention(raw: str, forced: str | None = None):
    return convention_of(split_units(page_from_text(raw).text), forced)


@pytest.mark.parametrize("raw, name", [
    (pages.BLANK_LINE_PAGE, BLANK_BLOCKS),
    (pages.PARAGRAPH_PER_LINE_PAGE, PARAGRAPH_PER_LINE),
    (pages.WRAPPED_INDENTED_PAGE, WRAPPED_INDENTED),
    (pages.WRAPPED_PLAIN_PAGE, WRAPPED_PLAIN),
    (pages.BLANK_AFTER_LINE_PAGE, BLANK_AFTER_LINE),
    (pages.SIDE_BY_SIDE_PAGE, SIDE_BY_SIDE),
], ids=["blank-blocks", "paragraph-per-line", "wrapped-indented", "wrapped-plain", "blank-after-line", "side-by-side"])
def test_each_layout_is_recognised_from_the_page_alone(raw, name):
    assert convention(raw).name == name


def test_a_wrapped_page_knows_its_printed_column_width():
    c = convention(pages.WRAPPED_INDENTED_PAGE)
    assert c.wrapped and c.width == 16


def test_lines_are_printed_lines_only_on_wrapped_layouts_and_blank_lines_separate_except_after_every_line():
    assert convention(pages.WRAPPED_PLAIN_PAGE).wrapped and not convention(pages.PARAGRAPH_PER_LINE_PAGE).wrapped
    assert not convention(pages.BLANK_LINE_PAGE).wrapped
    assert not convention(pages.BLANK_AFTER_LINE_PAGE).blank_lines_separate
    assert convention(pages.BLANK_LINE_PAGE).blank_lines_separate


def test_tesseract_spacing_is_flagged_on_top_of_the_layout():
    c = convention(pages.TESSERACT_PAGE)
    assert c.han_spaces and c.name == BLANK_BLOCKS
    assert not convention(pages.BLANK_LINE_PAGE).han_spaces


def test_a_few_lines_say_nothing_about_a_column_width_and_are_not_read_as_wrapped():
    few = "\n".join(pages.wrap(pages.QS[1], 16)[:5]) + "\n"
    assert not convention(few).wrapped


def test_a_list_of_short_items_is_no_wrapped_column():
    items = "\n".join(f"{n}号展位" for n in range(1, 30)) + "\n"
    assert convention(items).name == PARAGRAPH_PER_LINE


def test_the_editor_can_force_a_layout_and_the_explanation_says_so():
    c = convention(pages.WRAPPED_INDENTED_PAGE, forced=PARAGRAPH_PER_LINE)
    assert c.forced and c.name == PARAGRAPH_PER_LINE and c.width == 0
    assert c.explain().render("zh") == "版式：一行一段（编辑指定）"
    assert c.explain().render("en") == "layout: one paragraph per line (set by the editor)"


def test_an_unknown_forced_layout_is_refused():
    with pytest.raises(ValueError, match="unknown layout"):
        convention(pages.WRAPPED_INDENTED_PAGE, forced="two-columns")


def test_forcing_a_layout_through_the_config_reaches_the_analysis():
    analysis = analyse(page_from_text(pages.WRAPPED_INDENTED_PAGE), Config(layout=PARAGRAPH_PER_LINE))
    assert analysis.convention.name == PARAGRAPH_PER_LINE and not analysis.hard_wrapped


def test_the_explanation_quotes_the_statistics_that_decided():
    said = convention(pages.WRAPPED_INDENTED_PAGE).explain()
    zh, en = said.render("zh"), said.render("en")
    assert zh.startswith("版式：按版面折行（段首缩进）（共") and "行宽为16字" in zh
    assert en.startswith("layout: hard-wrapped lines, indented paragraphs (") and "width 16" in en and "indented" in en


def test_every_convention_has_a_name_in_the_catalogue():
    from kexie_gui.core.messages import CATALOGUE

    assert {m[len("layout."):] for m in CATALOGUE if m.startswith("layout.")} >= set(CONVENTIONS)


@st.composite
def wrapped_page(draw):
    width = draw(st.integers(10, 24))
    indent = draw(st.sampled_from(["", "\u3000\u3000", "  "]))
    paragraphs = draw(st.lists(st.sampled_from(pages.QS + pages.SX + [pages.P1, pages.P2, pages.P3]),
                               min_size=1, max_size=6))
    lines = [pages.QS_TITLE] + [line for p in paragraphs for line in pages.wrap(p, width, indent)]
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    return gap.join(lines) + "\n"


@settings(max_examples=40, deadline=None)
@given(wrapped_page())
def test_the_decision_is_the_same_with_crlf_cr_or_lf_line_ends(raw):
    lf = convention(raw)
    assert convention(raw.replace("\n", "\r\n")) == lf
    assert convention(raw.replace("\n", "\r")) == lf


@settings(max_examples=40, deadline=None)
@given(wrapped_page())
def test_trailing_spaces_and_blank_lines_at_the_page_end_change_nothing(raw):
    padded = "\n".join(line + "  " for line in raw.split("\n")) + "\n\n\n"
    assert convention(padded) == convention(raw)


def test_a_convention_named_without_statistics_explains_itself_by_its_name_alone():
    from kexie_gui.core.convention import Convention
    from kexie_gui.core.messages import message

    said = Convention(WRAPPED_INDENTED).explain()
    assert said.render("en") == "layout: " + message(f"layout.{WRAPPED_INDENTED}").render("en")
    assert said.render("zh").startswith("版式：") and "行宽" not in said.render("zh")


def test_paragraph_starts_are_indented_on_wrapped_indented_pages_and_under_an_extractors_blank_lines():
    from kexie_gui.core.convention import BLANK_AFTER_LINE, WRAPPED_PLAIN, Convention, Statistics, decide

    def stats(indented: float) -> Statistics:
        return Statistics(90, 20, 0.5, 1.0, indented, 0.0, 0.0)

    assert decide(Statistics(80, 18, 0.6, 0.0, 0.2, 0.0, 0.0)).paragraphs_indented
    assert Convention(BLANK_AFTER_LINE, 20.0, stats=stats(0.2)).paragraphs_indented
    assert not Convention(BLANK_AFTER_LINE, 20.0, stats=stats(0.0)).paragraphs_indented  # pdfminer: no indents
    assert not Convention(WRAPPED_PLAIN, 20.0, stats=stats(0.2)).paragraphs_indented


def test_tesseract_spaces_do_not_widen_the_measured_column():
    # a hard-wrapped page of 16-character lines, then the same page as Tesseract spaces it out
    body = ("本报讯 近日，某市科协组织专家走进乡村，开展以科技助力乡村振兴为主题的志愿服务活动。专家们深入种植"
            "基地，手把手指导农户进行修剪和施肥，并针对当前生产中的突出问题提出了具体建议。活动现场发放技术资料"
            "两千余份，解答群众咨询三百余人次，受到当地群众的欢迎。") * 3
    lines = [body[k:k + 16] for k in range(0, len(body), 16)]
    plain = convention("\n".join(lines) + "\n")
    spaced = convention("\n".join(" ".join(line) for line in lines) + "\n")
    assert spaced.han_spaces and not plain.han_spaces
    assert spaced.width == plain.width == 16
    units = split_units(page_from_text("\n".join(" ".join(line) for line in lines) + "\n").text)
    assert set(local_widths(units, 0.0, han_spaces=True)) == {16}
