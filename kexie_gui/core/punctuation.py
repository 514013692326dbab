"""Half-width punctuation inside Chinese text: ``,():;!?`` back to ``，（）：；！？``.

Damage repaired: OCR or PDF extraction turned full-width marks into ASCII.
Numbers, dates, ranges and Latin runs keep theirs: ``1,000``, ``3.5%``,
``AI:``, ``2023~2025年`` are left alone.

>>> "".join(fix_text("近日,青石县科协(省级)召开会议:一是…"))
'近日，青石县科协（省级）召开会议：一是…'
>>> "".join(fix_text("共1,000人,GDP增长3.5%"))
'共1,000人，GDP增长3.5%'
"""
from __future__ import annotations

from .text import is_han

FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK_PUNCT = set("，。、；：！？“”‘’（）《》【】—…")


def _cjk(ch: str) -> bool:
    return bool(ch) and (is_han(ch) or ch in _CJK_PUNCT)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def replacements(text: str) -> dict[int, str]:
    """Index → full-width mark, for each half-width mark that sits in Chinese text."""
    out: dict[int, str] = {}
    if not any(ch in text for ch in FULL):
        return out
    opens: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opens.append(i)
        elif ch == ")":
            o = opens.pop() if opens else None
            if o is not None and _brackets_chinese(text, o, i):
                out[o], out[i] = FULL["("], FULL[")"]
        elif ch in FULL and _mark_in_chinese(text, i):
            out[i] = FULL[ch]
    return out


def _mark_in_chinese(text: str, i: int) -> bool:
    """The comma or ``:;!?`` at ``i`` sits in Chinese text (a comma between digits is a number's: ``1,000``).

    >>> _mark_in_chinese("他指出,会议", 3), _mark_in_chinese("共1,000人", 2), _mark_in_chinese("AI: 大模型", 2)
    (True, False, False)
    """
    before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
    if text[i] == ",":
        if before.isdigit() and after.isdigit():
            return False  # 1,000
        return _cjk(before) or _cjk(after) or bool(before and before in "”）")
    return _cjk(before) or (_cjk(after) and not before.isascii()) or before in "”）"


def _brackets_chinese(text: str, o: int, i: int) -> bool:
    """The brackets at ``o`` and ``i`` hold Han text or stand beside Chinese text (``AI(人工智能)``, ``会(省级)上``)."""
    outer = _neighbour(text, o, -1) + _neighbour(text, i, 1)
    return any(is_han(c) for c in text[o + 1:i]) or any(_cjk(c) for c in outer)


def fix_text(text: str) -> list[str]:
    reps = replacements(text)
    return [reps.get(i, ch) for i, ch in enumerate(text)]
