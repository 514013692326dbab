"""How two pieces of one paragraph join across a line or column break: the one rule.

Damage repaired: a paragraph cut at a printed line end or a column break.
Chinese is wrapped anywhere, even inside a number or an acronym, and joins
with nothing; Latin words (an English passage) join with a space; a hyphen
that splits a Latin word at the break goes.

>>> separator("科技", "工作"), separator("增收42", "0余户"), separator("use of AI", "models")
(('', 0), ('', 0), (' ', 0))
>>> separator("GDP,", "rose"), separator("tech-", "nology"), separator("他指出,", "二届以来")
((' ', 0), ('', 1), ('', 0))
"""
from __future__ import annotations

from .model import Text
from .text import han_share, is_latin_char

CONTEXT = 12  # characters either side that tell Chinese from Latin text


def separator(left: str, right: str) -> tuple[str, int]:
    """(text to put between, characters to drop from the end of ``left``)."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return "", 0
    if left.endswith("-") and len(left) > 1 and left[-2].isascii() and left[-2].isalpha() and right[0].islower():
        return "", 1  # a Latin word hyphenated at the break, in any text
    if han_share(left[-CONTEXT:]) > 0.3 or han_share(right[:CONTEXT]) > 0.3:
        return "", 0
    if (is_latin_char(left[-1]) or left[-1] in ",.;:!?") and is_latin_char(right[0]):
        return " ", 0
    return "", 0


def joined(left: Text, right: Text, sep: str, drop: int = 0) -> Text:
    """``left`` then ``right``, ``drop`` characters (a hyphen) cut from the end of ``left`` and ``sep``
    put between; every character keeps its raw offset.

    >>> str(joined(Text.traced("tech-", 0), Text.traced("nology", 9), "", 1))
    'technology'
    """
    if drop:
        left = left.slice(0, len(str(left).rstrip()) - drop)
    return left + Text.untraced(sep) + right


def glue(left: Text | None, right: Text) -> Text:
    """Two pieces as one, joined by :func:`separator` (a piece joined by hand, two headlines made one).

    >>> str(glue(Text.traced("GDP,", 0), Text.traced("rose", 9))), str(glue(Text.traced("增收42", 0), Text("0余户")))
    ('GDP, rose', '增收420余户')
    """
    if not left:
        return right
    return joined(left, right, *separator(str(left), str(right)))
