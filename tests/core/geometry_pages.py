"""Printed lines placed by hand, for the geometry tests: one glyph a character, one character an em."""
from kexie_gui.core.glyphs import Glyph, PrintedLine


def line(text: str, x: float, y: float, size: float = 10.0, pad: float = 0.0, order: int = 0) -> PrintedLine:
    """A printed line at (x, y) top left; ``pad`` widens its box on both sides the way OCR boxes are padded."""
    glyphs = []
    cx = x
    for ch in text:
        w = size * (0.5 if ch.isascii() and ch != " " else 1.0)
        if ch == " ":
            w = 0.3 * size
        glyphs.append(Glyph(ch, cx, y, cx + w, y + size, size))
        cx += w
    if pad and glyphs:
        first, last = glyphs[0], glyphs[-1]
        glyphs[0] = Glyph(first.char, first.x0 - pad, first.y0, first.x1, first.y1, size)
        glyphs[-1] = Glyph(last.char, last.x0, last.y0, last.x1 + pad, last.y1, size)
    return PrintedLine(tuple(glyphs), size, source_order=order)


def column(texts, x: float, top: float, pitch: float = 15.0, size: float = 10.0, pad: float = 0.0):
    """Lines of one column; a text starting with two ideographic spaces is drawn indented by two characters."""
    out = []
    for k, t in enumerate(texts):
        indent = t.startswith("\u3000\u3000")
        out.append(line(t[2:] if indent else t, x + (2 * size if indent else 0), top + k * pitch, size, pad))
    return out


def texts(leaves) -> list[list[str]]:
    return [[ln.text for ln in leaf] for leaf in leaves]
