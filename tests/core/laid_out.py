"""Small newspaper pages laid out for the tests with reportlab, and the text they should read as.

Every page here is invented.  :func:`build_page` draws the pieces of a
:class:`Layout` (header, a headline spanning two columns over the lead's two
columns, a second article under it, a caption in a ruled frame, a right-hand
column beside it all, footer) and returns, next to the PDF, the lines the
reader should give back in reading order, with the blank lines and indents of
the page-text convention.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FONT_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
INDENT = "\u3000\u3000"

LEAD_TITLE = "青石镇举办夏季农技培训会"
LEAD = [
    "本报讯 六月一日，青石镇在镇文化站举办夏季农技培训会，来自各村的种植户和合作社负责人参加培训。",
    "培训围绕果树修剪、病虫害绿色防控和农产品网上销售展开，专家结合镇里的果园讲解了常见问题，并到田间现场示范。",
    "镇科协负责人说，下一步将把培训送到村里，让更多农户学到管用的技术。",
]
SECOND_TITLE = ["石桥小学开展", "科学周活动"]
SECOND = [
    "本报讯 石桥小学近日开展科学周活动，学生们动手制作简易风车和水火箭，在操场上比赛谁飞得更高。",
    "老师介绍，科学周已经连续办了三年，孩子们的热情一年比一年高。",
]
CAPTION = "培训现场，农户认真听讲。"
RIGHT_TITLE = ["山溪村合作社", "添了新农机"]
RIGHT = [
    "本报讯 山溪村合作社日前购置了两台新型插秧机，插秧效率比人工提高了十几倍。",
    "合作社理事长说，有了新农机，村里的年轻人也愿意回来种地了。",
]
HEADER = "青石日报\u30002025年6月1日\u3000星期日\u3000第3版"
SECTION = "要闻"
FOOTER = "责任编辑：林一\u3000电话：0000-1234"


def cjk_font() -> str:
    """Register a CJK TrueType font with reportlab; skip the test when the machine has none."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in FONT_PATHS:
        if os.path.exists(path):
            if "TestCJK" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("TestCJK", path, subfontIndex=0))
            return "TestCJK"
    pytest.skip("no CJK font installed (apt-get install fonts-wqy-microhei)")


def wrap(paragraph: str, width: int) -> list[str]:
    """Printed lines of a paragraph in a column ``width`` characters wide, first line indented by two."""
    lines, line, room = [], "", width - 2
    for ch in paragraph:
        if len(line) >= room:
            lines.append(line)
            line, room = "", width
        line += ch
    if line:
        lines.append(line)
    return lines


@dataclass
class Column:
    x: float
    y: float  # top of the first line's box
    lines: list = field(default_factory=list)  # (text, indented)


@dataclass
class Built:
    path: Path
    expected: list[str]  # the page text's lines in reading order ("" for the blank lines)


class Page:
    """Draws lines on a canvas, top-left coordinates, one font."""

    def __init__(self, path: Path, width: float, height: float):
        from reportlab.pdfgen import canvas

        self.font = cjk_font()
        self.height = height
        self.c = canvas.Canvas(str(path), pagesize=(width, height))

    def text(self, x: float, top: float, size: float, s: str) -> None:
        self.c.setFont(self.font, size)
        self.c.drawString(x, self.height - top - 0.88 * size, s)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(x0, self.height - y0, x1, self.height - y1)

    def frame(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.rect(x0, self.height - y1, x1 - x0, y1 - y0, stroke=1, fill=0)

    def next_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.save()


def body_lines(paragraphs: list[str], width: int) -> list[tuple[str, bool]]:
    out = []
    for p in paragraphs:
        for n, line in enumerate(wrap(p, width)):
            out.append((line, n == 0))
    return out


def draw_column(page: Page, x: float, top: float, lines, size: float, pitch: float) -> float:
    for k, (text, indented) in enumerate(lines):
        page.text(x + (2 * size if indented else 0), top + k * pitch, size, text)
    return top + len(lines) * pitch


def text_lines(lines) -> list[str]:
    return [(INDENT if indented else "") + text for text, indented in lines]


def build_page(path: Path, gutter: float = 12.0, extra_pages: int = 0) -> Built:
    """The test page: lead over two columns, a second article and a caption under it, a right-hand column."""
    size, pitch, chars = 10.0, 15.0, 14
    col_w = chars * size
    xs = [36.0, 36.0 + col_w + gutter, 36.0 + 2 * (col_w + gutter)]
    width, height = xs[2] + col_w + 36.0, 600.0
    page = Page(path, width, height)
    expected: list[str] = []

    page.text(xs[0], 20, 9, HEADER)
    page.text(width - 36 - 2 * 11, 18, 11, SECTION)
    page.rule(30, 36, width - 30, 36)
    expected += [HEADER, "", SECTION, ""]

    # the lead: a headline over columns 1 and 2, its text flowing from column 1 into column 2
    page.text(xs[0] + 20, 50, 20, LEAD_TITLE)
    expected += [LEAD_TITLE, ""]
    lead = body_lines(LEAD, chars)
    half = (len(lead) + 1) // 2
    while not len(lead[half - 1][0]) == chars or lead[half][1]:
        half += 1  # the column break falls inside a paragraph: it is carried over
    bottom = max(draw_column(page, xs[0], 84, lead[:half], size, pitch),
                 draw_column(page, xs[1], 84, lead[half:], size, pitch))
    expected += text_lines(lead[:half]) + text_lines(lead[half:])  # carried on: no blank line

    # under the lead: a second article in column 1 going on into column 2, a framed caption under it
    top = bottom + 2.5 * pitch
    for k, t in enumerate(SECOND_TITLE):
        page.text(xs[0], top + k * 18, 14, t)
    expected += ["", *SECOND_TITLE, ""]
    second = body_lines(SECOND, chars)
    first = len(second) // 2 + 1
    while not len(second[first - 1][0]) == chars or second[first][1]:
        first += 1
    draw_column(page, xs[0], top + 42, second[:first], size, pitch)
    end = draw_column(page, xs[1], top, second[first:], size, pitch)
    expected += text_lines(second[:first]) + text_lines(second[first:])
    page.frame(xs[1] - 2, end + 10, xs[1] + col_w + 2, end + 32)
    page.text(xs[1] + 4, end + 16, 8, CAPTION)
    expected += ["", CAPTION]

    # the right-hand column, from the top beside the lead's headline
    for k, t in enumerate(RIGHT_TITLE):
        page.text(xs[2], 50 + k * 18, 14, t)
    expected += ["", *RIGHT_TITLE, ""]
    right = body_lines(RIGHT, chars)
    draw_column(page, xs[2], 50 + 42, right, size, pitch)
    expected += text_lines(right)

    page.rule(30, height - 34, width - 30, height - 34)
    page.text(xs[0], height - 28, 8, FOOTER)
    expected += ["", FOOTER]
    for _ in range(extra_pages):
        page.next_page()
        page.text(36, 60, 12, "第二页的标题")
        body = body_lines(["这是第二页上的一段正文，用来检查多页文件的每一页都成为一页。"], chars)
        draw_column(page, 36, 90, body, size, pitch)
    page.save()
    return Built(path, expected)


def build_scanned_pdf(path: Path, image_path: Path, width: float, height: float) -> Path:
    """A PDF page holding only a picture of a page: no text layer."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.drawImage(str(image_path), 0, 0, width, height)
    c.showPage()
    c.save()
    return path
