"""Issue 9: Word output as a Chinese paper prints it, chosen in the Export dialog through its own widgets.

A4 by default, Letter selectable; a reporter line printed under the headline stays under it; a trailing
byline printed in parentheses keeps them, full width (the JSON field never carries them); both can be
turned off in the dialog.
"""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from .drive import click_button, click_menu, on_modal, show
from .helpers import drop

PAGE = ("绵阳市科技活动周启动\n\n本报记者 张三\n\n3月12日，绵阳市2024年科技活动周正式启动，活动为期一周。\n\n"
        "据了解，本次活动共开展科普讲座、科技咨询等活动120余场次。\n\n"
        "宣汉县科技特派员进村服务\n\n日前，宣汉县组织6名科技特派员深入田间地头，为种植户提供技术服务。（李四）\n")


def _export(app, qtbot, folder, paper=None, as_printed=True):
    def answer(dialog):
        dialog.folder_edit.setText(str(folder))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
        assert dialog.paper_combo.currentData() == "A4"  # the default
        if paper:
            dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(paper))
        for check in (dialog.reporter_check, dialog.parentheses_check):
            assert check.isChecked()  # as printed, by default
            if not as_printed:
                qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    seen = on_modal(qtbot, answer)
    click_menu(qtbot, app.window, app.actions["export"])
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: (folder / "page.docx").exists())
    import docx

    return docx.Document(str(folder / "page.docx"))


@pytest.fixture
def page_app(app, qtbot, tmp_path):
    show(qtbot, app.window)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    drop(app.window.raw.viewport(), [page])
    return app


def _texts(document):
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_word_output_is_a4_with_the_reporter_under_the_headline_and_the_byline_in_parentheses(page_app, qtbot,
                                                                                               tmp_path):
    out = tmp_path / "a4"
    out.mkdir()
    document = _export(page_app, qtbot, out)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    texts = _texts(document)
    assert texts[:3] == ["绵阳市科技活动周启动", "本报记者 张三",
                         "3月12日，绵阳市2024年科技活动周正式启动，活动为期一周。"]
    assert texts[-1] == "（李四）"
    # the JSON field keeps the name alone
    from kexie_gui.export import render

    data = json.loads(render(page_app.controller.current.clean, "json"))
    assert [a["byline"] for a in data["articles"]] == ["本报记者 张三", "李四"]


def test_word_output_on_letter_paper_with_bylines_at_the_end_without_parentheses(page_app, qtbot, tmp_path):
    out = tmp_path / "letter"
    out.mkdir()
    document = _export(page_app, qtbot, out, paper="Letter", as_printed=False)
    section = document.sections[0]
    assert round(section.page_width.mm, 1) == 215.9 and round(section.page_height.mm, 1) == 279.4
    texts = _texts(document)
    assert texts[1] != "本报记者 张三" and "本报记者 张三" in texts  # the reporter line goes to the article's end
    assert texts[-1] == "李四"
    assert page_app.settings.get("export/paper") == "Letter"
    assert page_app.settings.get("export/byline_parentheses") is False
