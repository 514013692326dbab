"""Paragraphs cut at column breaks: which neighbouring body blocks are one paragraph.

Damage repaired: a paragraph split into 2–3 blocks mid-sentence, after a
comma or between two Han characters, the pieces separated by blank lines,
furniture, a photo caption or a removed duplicate.

Example: ``["会上,卢晓东…他指出,", "二届以来,市科青联…"]`` → one paragraph.
Chinese joins with nothing; Latin words join with a space; a hyphen that
splits a Latin word at the break is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass

from .classify import BlockInfo
from .layout import Layout
from .segment import Structure
from .text import is_latin_char


@dataclass(frozen=True)
class Join:
    a: int  # block whose paragraph continues
    b: int  # block that continues it
    separator: str
    drop: int  # characters removed from the end of ``a`` (a hyphen)
    confidence: float
    why_en: str
    why_zh: str


def separator(left: str, right: str) -> tuple[str, int]:
    """How the text on both sides of a break joins.

    >>> separator("他指出,", "二届以来"), separator("open-", "source"), separator("AI", "model")
    (('', 0), ('', 1), (' ', 0))
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return "", 0
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and left[-2].isascii() and right[0].islower():
        return "", 1
    if is_latin_char(left[-1]) and is_latin_char(right[0]):
        return " ", 0
    return "", 0


def judge_break(a: BlockInfo, b: BlockInfo, hard_wrapped: bool, b_is_subhead: bool,
                a_is_subhead: bool) -> tuple[float, str, str] | None:
    """Is the break between body blocks ``a`` and ``b`` a column break?  (confidence, why) or None."""
    if b.byline_inner is not None or b.agency_lead or b.reporter or b.dash_subtitle or a.glued_byline:
        return None  # a byline ends its article
    if a.ends_clause:  # a paragraph never ends with a comma, whatever follows
        return 0.97, "the first piece ends with a clause mark", "前一段以逗号等句中标点结尾"
    if b_is_subhead or a_is_subhead or (b.opens_article and a.heading):
        return None
    if a.ends_sentence:
        return None
    if hard_wrapped and b.block.indented:
        return None
    if a.heading and not a.text.strip()[-1:].isalnum() and len(a.text) < 8:
        return None
    return 0.85, "the first piece stops mid-sentence", "前一段在句中断开"


def find_joins(layout: Layout, structure: Structure, hard_wrapped: bool) -> list[Join]:
    infos = layout.infos
    out = []
    for art in structure.articles:
        body = art.body
        for a, b in zip(body, body[1:]):
            verdict = judge_break(infos[a], infos[b], hard_wrapped, b in structure.subheads,
                                  a in structure.subheads)
            if verdict is None:
                continue
            sep, drop = separator(infos[a].text, infos[b].text)
            out.append(Join(a, b, sep, drop, *verdict))
    return out
