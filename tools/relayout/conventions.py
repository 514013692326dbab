"""The layout conventions a page can be re-laid in, by name.

A name is a base layout with optional ``+modifiers``:

=====================  ==================================================================
``blank``              one block per piece, blocks separated by 1–3 blank lines
``one-per-line``       one paragraph (piece) per line, no blank lines
``wrap-indent-W``      printed lines of W characters, paragraph starts indented ``　　``
``wrap-flat-W``        printed lines of W characters, no indentation: a paragraph ends
                       only in a short last line (never an exactly full one)
``pdfminer-indent-W``  printed lines of W, a blank line after every printed line (pdfminer)
``pdfminer-flat-W``    the same without indentation
``interleave-2col-W``  two columns of W-character lines read alternately, line by line
                       (line-level OCR of a two-column page)
``layout-2col-W``      two columns side by side on one row, split by a gutter of spaces
                       (``pdftotext -layout``); paragraph starts indented by two spaces
=====================  ==================================================================

Modifiers: ``crlf`` (CRLF line ends), ``tesseract`` (a space between every two
characters, digit and Latin runs kept whole), ``gb18030``, ``utf8-bom``,
``utf16`` (encodings). Widths count a Han character or full-width mark as 1
and a half-width character as ½.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_CONVENTIONS = [
    "blank", "one-per-line",
    "wrap-indent-14", "wrap-indent-18", "wrap-indent-22", "wrap-indent-26",
    "wrap-flat-14", "wrap-flat-18", "wrap-flat-22", "wrap-flat-26",
    "pdfminer-indent-20", "pdfminer-flat-20",
    "blank+crlf", "blank+tesseract", "blank+gb18030", "blank+utf8-bom", "blank+utf16",
    "interleave-2col-16", "layout-2col-16",
]
ENCODINGS = {"gb18030": "gb18030", "utf8-bom": "utf-8-sig", "utf16": "utf-16"}
_BASE = re.compile(r"^(blank|one-per-line|wrap-indent|wrap-flat|pdfminer-indent|pdfminer-flat|"
                   r"interleave-2col|layout-2col)(?:-(\d+))?$")
DEFAULT_WIDTH = {"wrap-indent": 22, "wrap-flat": 22, "pdfminer-indent": 20, "pdfminer-flat": 20,
                 "interleave-2col": 16, "layout-2col": 16}


class ConventionError(ValueError):
    pass


@dataclass(frozen=True)
class Convention:
    name: str
    layout: str          # blank, one-per-line, wrap, pdfminer, interleave, side-by-side
    width: int = 0
    indent: str = ""     # what a paragraph start is indented with
    tesseract: bool = False
    newline: str = "\n"
    encoding: str = "utf-8"

    @property
    def printed_lines(self) -> bool:
        """The layout has printed lines of a column (so lines can be read twice at a transition)."""
        return self.layout in ("wrap", "pdfminer", "interleave", "side-by-side")


def parse(name: str) -> Convention:
    """``"wrap-flat-18+crlf"`` → a :class:`Convention`.

    >>> parse("wrap-indent-14").indent
    '\u3000\u3000'
    >>> parse("blank+gb18030+crlf").encoding, parse("blank+gb18030+crlf").newline
    ('gb18030', '\\r\\n')
    """
    base, *mods = name.strip().split("+")
    m = _BASE.match(base)
    if not m:
        raise ConventionError(f"unknown layout convention {base!r} (known: {', '.join(DEFAULT_CONVENTIONS)})")
    kind, width = m.group(1), int(m.group(2)) if m.group(2) else DEFAULT_WIDTH.get(m.group(1), 0)
    if kind in DEFAULT_WIDTH and not 8 <= width <= 60:
        raise ConventionError(f"{name}: a width of {width} characters is outside 8–60")
    layout = {"wrap-indent": "wrap", "wrap-flat": "wrap", "pdfminer-indent": "pdfminer",
              "pdfminer-flat": "pdfminer", "interleave-2col": "interleave", "layout-2col": "side-by-side"
              }.get(kind, kind)
    indent = "\u3000\u3000" if kind.endswith("-indent") else "  " if kind == "layout-2col" else ""
    fields = dict(name=name, layout=layout, width=width, indent=indent)
    for mod in mods:
        if mod == "crlf":
            fields["newline"] = "\r\n"
        elif mod == "tesseract":
            fields["tesseract"] = True
        elif mod in ENCODINGS:
            fields["encoding"] = ENCODINGS[mod]
        else:
            raise ConventionError(f"{name}: unknown modifier {mod!r} (crlf, tesseract, gb18030, utf8-bom, utf16)")
    if fields.get("tesseract") and layout != "blank" and layout != "one-per-line":
        raise ConventionError(f"{name}: tesseract spacing goes with blank or one-per-line layouts")
    return Convention(**fields)
