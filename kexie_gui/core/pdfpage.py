"""PDF pages through PDFium (pypdfium2): characters with boxes and sizes, rules, frames, pictures.

pypdfium2 is permissively licensed (Apache-2.0 / BSD-3), ships PDFium as a
wheel for every platform, reads the text layer with each character's box and
font size, and renders pages for the window's page view; AGPL readers such as
PyMuPDF stay out of the product.
"""
from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass

from .frames import Edge, edges_of_rule, rectangle_edges
from .glyphs import Glyph
from .load import LoadError

#: a page with fewer printed characters than this in its text layer is read by OCR
MIN_TEXT_LAYER_CHARS = 20
#: a filled area at least this many points high and wide takes room like a picture
MIN_PICTURE = 36.0


@dataclass(frozen=True)
class PdfScan:
    """What one PDF page holds: its size, its printed characters and its rules and pictures."""

    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    edges: tuple[Edge, ...]
    pictures: tuple[tuple[float, float, float, float], ...]  # picture boxes (x0, y0, x1, y1)

    @property
    def has_text_layer(self) -> bool:
        return sum(1 for g in self.glyphs if g.char.strip()) >= MIN_TEXT_LAYER_CHARS


def _pdfium():
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - a dependency of the package
        raise LoadError("reading PDF pages needs pypdfium2 (pip install pypdfium2)") from None
    return pdfium, raw


def open_pdf(path: str | os.PathLike):
    """Open a PDF with PDFium; a damaged or locked file gets a clear :class:`LoadError`."""
    pdfium, _ = _pdfium()
    name = os.path.basename(str(path))
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise LoadError(f"{name}: the PDF is locked with a password") from None
        raise LoadError(f"{name}: cannot read this PDF ({text})") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read the file ({exc.strerror or exc})") from None


def _glyphs(textpage, raw, height: float) -> list[Glyph]:
    n = raw.FPDFText_CountChars(textpage)
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    il, ir, ib, it = (ctypes.c_double() for _ in range(4))
    out: list[Glyph] = []
    for i in range(n):
        if raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue  # spaces and line ends PDFium made up, not printed
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF) or (code < 32 and code not in (9,)):
            continue
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if raw.FPDFText_GetCharAngle(textpage, i) > 0.1 and ch.strip():
            continue  # rotated text (a vertical strap line) is not read as horizontal lines
        if not raw.FPDFText_GetLooseCharBox(textpage, i, rect):
            continue
        size = raw.FPDFText_GetFontSize(textpage, i)
        left, right, top, bottom = rect.left, rect.right, rect.top, rect.bottom
        if right <= left:
            right = left + 0.5 * size
        base = height - oy.value if raw.FPDFText_GetCharOrigin(textpage, i, ox, oy) else None
        ink = None
        if raw.FPDFText_GetCharBox(textpage, i, il, ir, ib, it) and ir.value > il.value:
            ink = min(ir.value, right)
        out.append(Glyph(ch, left, height - top, right, height - bottom, round(size, 2), base, ink))
    return out


def _objects(page, raw):
    """Page objects, with those inside form XObjects, as (type, raw handle)."""
    stack = [raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))]
    while stack:
        obj = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack.extend(raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj)))
        else:
            yield kind, obj


def _bounds(raw, obj) -> tuple[float, float, float, float] | None:
    ln, b, r, t = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, ln, b, r, t):
        return None
    return ln.value, b.value, r.value, t.value


def _is_white_fill(raw, obj) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= 250


def _shapes(page, raw, width: float, height: float) -> tuple[list[Edge], list[tuple]]:
    edges: list[Edge] = []
    pictures: list[tuple] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for kind, obj in _objects(page, raw):
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):
            continue
        bounds = _bounds(raw, obj)
        if bounds is None:
            continue
        ln, b, r, t = bounds
        x0, x1, y0, y1 = ln, r, height - t, height - b
        if x1 - x0 > 0.98 * width and y1 - y0 > 0.98 * height:
            continue  # a page background
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            pictures.append((x0, y0, x1, y1))
            edges += rectangle_edges(x0, y0, x1, y1)
            continue
        if raw.FPDFPath_CountSegments(obj) > 16:
            continue  # a drawing, not a rule or a frame
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        filled = bool(fill.value) and not _is_white_fill(raw, obj)
        if not stroke.value and not filled:
            continue  # invisible or white: a mask, not a frame
        if filled and min(x1 - x0, y1 - y0) >= MIN_PICTURE:
            pictures.append((x0, y0, x1, y1))  # a filled area (a picture's place, a tinted box) takes room
        edges += edges_of_rule(x0, y0, x1, y1)
    return edges, pictures


def scan_page(doc, index: int) -> PdfScan:
    """Characters, rules and pictures of page ``index`` (0-based) of an open PDF."""
    _, raw = _pdfium()
    page = doc[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage.raw, raw, height)
        finally:
            textpage.close()
        edges, pictures = _shapes(page, raw, width, height)
    finally:
        page.close()
    return PdfScan(width, height, tuple(glyphs), tuple(edges), tuple(pictures))


def render_page(path: str | os.PathLike, index: int, scale: float,
                grey: bool = False) -> tuple[int, int, int, int, bytes]:
    """Page ``index`` rendered at ``scale`` pixels per point: (width, height, bytes per row, channels, pixels).

    Pixels are RGB rows (or grey rows with ``grey``), ready for a QImage or an array.
    """
    _, raw = _pdfium()
    doc = open_pdf(path)
    try:
        if not 0 <= index < len(doc):
            raise LoadError(f"{os.path.basename(str(path))}: has no page {index + 1}")
        page = doc[index]
        try:
            if grey:
                bitmap = page.render(scale=scale, force_bitmap_format=raw.FPDFBitmap_Gray)
            else:
                bitmap = page.render(scale=scale, rev_byteorder=True)
            try:
                return bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels, bytes(bitmap.buffer)
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
