"""What an editor may choose about an export, declared once.

A frozen dataclass so that the window's settings, the CLI flags and the tests
all pass the same value around and no renderer can change it under another.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = ["ExportOptions", "FIXED_TIMESTAMP", "PAPERS"]

#: page sizes and margins in millimetres: (width, height, top/bottom margin, left/right margin)
PAPERS = {"A4": (210.0, 297.0, 25.4, 31.8), "Letter": (215.9, 279.4, 25.4, 31.8)}

# Documents carry this date unless told otherwise, so the same clean page
# always exports to the same bytes (diffable, cacheable, testable).
FIXED_TIMESTAMP = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)


@dataclass(frozen=True)
class ExportOptions:
    """Choices for every format; each renderer reads only the fields it needs."""

    #: DOCX: East Asian font of body text, bylines and section labels.
    body_font: str = "宋体"
    #: DOCX: East Asian font of titles and subtitles.
    title_font: str = "黑体"
    #: DOCX: font for Latin letters and digits; None uses the Chinese font for them too.
    latin_font: str | None = None
    #: DOCX: body size in points; the first-line indent is two characters (2 × this).
    font_size_pt: float = 12.0
    #: DOCX: article title size in points.
    title_size_pt: float = 16.0
    #: DOCX: start every article after the first on a new page (per-page documents).
    page_break_between_articles: bool = False
    #: DOCX: creation/modification date written into the document properties;
    #: None writes the time of export (and the bytes then differ per run).
    timestamp: _dt.datetime | None = FIXED_TIMESTAMP
    #: Write one file per article instead of one per page (see ``export()``).
    per_article: bool = False
    #: TXT: indent in front of each paragraph (two ideographic spaces, the Chinese custom).
    txt_indent: str = "\u3000\u3000"
    #: TXT and MD: line ending; "\r\n" for editors on old Windows tools.
    newline: str = "\n"
    #: TXT: start the file with a UTF-8 byte-order mark (old Windows Notepad needs it).
    txt_bom: bool = False
    #: DOCX: page size, "A4" (what Chinese offices print on) or "Letter".
    paper: str = "A4"
    #: DOCX: a reporter line the page printed under the headline stays there (else it goes to the end).
    reporter_under_title: bool = True
    #: DOCX: a trailing byline the page printed in parentheses keeps them, full width: （甘一禾 陆思远）.
    #: The JSON ``byline`` field never carries them.
    byline_parentheses: bool = True

    def __post_init__(self):
        if not self.body_font.strip() or not self.title_font.strip():
            raise ValueError("font names must not be empty")
        if not 4 <= self.font_size_pt <= 96 or not 4 <= self.title_size_pt <= 96:
            raise ValueError("font sizes must be between 4 and 96 points")
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
        if self.newline not in ("\n", "\r\n"):
            raise ValueError('newline must be "\\n" or "\\r\\n"')
