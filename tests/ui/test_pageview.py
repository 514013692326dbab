"""The page view: a PDF page shown as printed, boxes tinted by article, badges in reading order, drag to move."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kexie_gui.core import Decisions, analyse, apply
from kexie_gui.core.pages import load_pages
from kexie_gui.ui.derive import Place, derive
from kexie_gui.ui.pagemap import mark_at, marks_in, page_marks, reading_order

from ..core.laid_out import CAPTION, HEADER, LEAD_TITLE, RIGHT, RIGHT_TITLE, build_page
from .helpers import drop

pytest.importorskip("reportlab")


@pytest.fixture
def pdf_app(app, tmp_path):
    built = build_page(tmp_path / "page.pdf")
    assert drop(app.window.raw.viewport(), [built.path])
    state = app.controller.current
    assert state is not None and state.view is not None and state.page.geometry is not None
    return app


def centre(canvas, mark) -> QPoint:
    return canvas.rect_of(mark).center().toPoint()


def line_of(app, text: str) -> int:
    return app.controller.current.page.text.split("\n").index(text) + 1


def mark_of(app, text: str):
    marks = app.window.page_view.canvas.marks
    return next(m for m in marks if m.line == line_of(app, text))


def test_a_pdf_page_opens_on_the_printed_page_with_a_toggle_to_its_text(pdf_app, qtbot):
    pane = pdf_app.window.raw_pane
    assert pane.toggle.isVisibleTo(pdf_app.window)
    qtbot.mouseClick(pane.page_button, Qt.MouseButton.LeftButton)
    assert pane.showing_picture and pdf_app.window.page_view.canvas.image is not None
    qtbot.mouseClick(pane.text_button, Qt.MouseButton.LeftButton)
    assert not pane.showing_picture


def test_boxes_carry_their_article_furniture_and_reading_order(pdf_app):
    marks = pdf_app.window.page_view.canvas.marks
    assert len(marks) == len(pdf_app.controller.current.page.geometry.lines)
    lead, right = mark_of(pdf_app, LEAD_TITLE), mark_of(pdf_app, RIGHT_TITLE[0])
    assert lead.article >= 0 and right.article >= 0 and lead.article != right.article
    assert 0 < lead.number < right.number and lead.first_of_block
    assert mark_of(pdf_app, HEADER).furniture or mark_of(pdf_app, HEADER).article == -1
    assert mark_of(pdf_app, CAPTION).boxed


def test_clicking_a_box_selects_its_line_and_paragraph(pdf_app, qtbot):
    window = pdf_app.window
    qtbot.mouseClick(window.raw_pane.page_button, Qt.MouseButton.LeftButton)
    canvas = window.page_view.canvas
    target = mark_of(pdf_app, RIGHT_TITLE[0])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre(canvas, target))
    assert target.line in canvas.selected
    assert pdf_app.controller.current.page.line_of(window.raw.cursor_offset()) == target.line
    assert RIGHT[0][4:12] in "".join(window.article.part_texts())  # the article pane shows that article


def test_selecting_in_the_articles_outlines_the_boxes(pdf_app):
    window = pdf_app.window
    state = pdf_app.controller.current
    first = state.clean.articles[0]
    window.article.place_clicked.emit(Place(0, 0, 0))  # the first paragraph of the first article
    outlined = window.page_view.canvas.selected
    assert outlined and all(state.page.text.split("\n")[n - 1].strip() for n in outlined)
    assert str(first.paragraphs[0])[:4] in "".join(state.page.text.split("\n")[n - 1] for n in sorted(outlined))


def test_dragging_a_badge_onto_another_box_moves_its_block_undoably(pdf_app, qtbot):
    window = pdf_app.window
    qtbot.mouseClick(window.raw_pane.page_button, Qt.MouseButton.LeftButton)
    canvas = window.page_view.canvas
    right, lead = mark_of(pdf_app, RIGHT_TITLE[0]), mark_of(pdf_app, LEAD_TITLE)
    badge = canvas.badge_centre(right).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=badge)
    qtbot.mouseMove(canvas, centre(canvas, lead))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=centre(canvas, lead))
    state = pdf_app.controller.current
    assert state.decisions.moves == ((right.block, lead.block),)
    moved = mark_of(pdf_app, RIGHT_TITLE[0])
    assert moved.number < mark_of(pdf_app, LEAD_TITLE).number  # renumbered: read first now
    pdf_app.actions["undo"].trigger()
    assert pdf_app.controller.current.decisions.moves == ()
    assert mark_of(pdf_app, RIGHT_TITLE[0]).number > mark_of(pdf_app, LEAD_TITLE).number


def test_a_text_page_has_no_page_view(app):
    from ..ui.conftest import SEED

    drop(app.window.raw.viewport(), [SEED])
    assert not app.window.raw_pane.toggle.isVisibleTo(app.window)
    assert app.window.page_view.canvas.marks == []


def test_page_marks_follow_moves_and_ranges(tmp_path):
    page = load_pages(build_page(tmp_path / "p.pdf").path)[0]
    analysis = analyse(page)
    derived = derive(analysis, Decisions(), apply(analysis))
    marks = page_marks(page, derived)
    blocks = reading_order(derived, Decisions())
    last, first = blocks[-1], blocks[0]
    moved = reading_order(derived, Decisions().with_move(last, first))
    assert moved[0] == last and moved[1:] == blocks[:-1]
    m = marks[3]
    assert mark_at(marks, (m.x0 + m.x1) / 2, (m.y0 + m.y1) / 2) == m
    assert marks_in(marks, [(m.start, m.start + 1)]) == [m]
