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
        if ch not in FULL:
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch == ",":
            if before.isdigit() and after.isdigit():
                continue  # 1,000
            if _cjk(before) or _cjk(after) or (before in "”）" and before):
                out[i] = FULL[ch]
        elif ch in ":;!?":
            if _cjk(before) or (_cjk(after) and not before.isascii()) or before in "”）":
                out[i] = FULL[ch]
        elif ch == "(":
            opens.append(i)
        elif ch == ")" and opens:
            o = opens.pop()
            inner = text[o + 1:i]
            outer = _neighbour(text, o, -1) + _neighbour(text, i, 1)
            if any(is_han(c) for c in inner) or any(_cjk(c) for c in outer):
                out[o], out[i] = FULL["("], FULL[")"]
    return out


def fix_text(text: str) -> list[str]:
    reps = replacements(text)
    return [reps.get(i, ch) for i, ch in enumerate(text)]
