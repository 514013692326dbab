"""Control characters out of every exported text, the same way for every format.

OCR and hand edits bring in characters no reader can see or a format cannot
hold: ESC and other C0 controls, DEL, the C1 block (``\\x80``-``\\x9f``),
non-characters.  JSON would keep them as ``\\u001b``, Markdown and plain text
would write them raw, Word cannot hold most of them at all.  So the export
door (:func:`kexie_gui.export.render`) passes every clean page through
:func:`without_controls` first: each format then gets the same visible text.

Line-like controls (CR, NEL, the Unicode line and paragraph separators a
text widget may produce) become line breaks; the rest are removed.  Tabs and
line breaks stay.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..core.model import CleanArticle, CleanPage, Text

__all__ = ["visible_text", "without_controls"]

_LINE_LIKE = "\r\x85\u2028\u2029"
# C0 but tab and LF, DEL, C1, lone surrogates, the non-characters U+FFFE/U+FFFF
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_MAP = {ord(c): "\n" for c in _LINE_LIKE}


def visible_text(text: str) -> str:
    """``text`` without control characters (see the module's rules).

    >>> visible_text("科协\\x1b[31m报\\x7f\\x9b讯\\x0c第\\x85二行")
    '科协[31m报讯第\\n二行'
    """
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").translate(_MAP))


def _text(value):
    """A :class:`Text` (or str, or None) with control characters removed; unchanged values keep their provenance."""
    if value is None:
        return None
    clean = visible_text(str(value))
    if clean == str(value):
        return value
    return Text.untraced(clean) if isinstance(value, Text) else clean


def _article(a: CleanArticle) -> CleanArticle:
    return replace(a, title=_text(a.title), subtitle=_text(a.subtitle), byline=_text(a.byline),
                   section=_text(a.section), paragraphs=tuple(_text(p) for p in a.paragraphs))


def without_controls(clean: CleanPage) -> CleanPage:
    """The page as every format writes it: the same text with control characters removed."""
    return CleanPage(source=_text(clean.source), articles=tuple(_article(a) for a in clean.articles),
                     removed=tuple(replace(r, text=_text(r.text)) for r in clean.removed))

