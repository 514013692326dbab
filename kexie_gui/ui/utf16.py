"""Python counts code points, Qt counts UTF-16 code units: convert between them.

Characters outside the Basic Multilingual Plane (rare CJK Extension B
characters do occur in names) take two UTF-16 units, so every position after
one shifts by one.  Pages without such characters (nearly all) convert by
identity, which keeps the common case free.
"""
from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Offsets of one string in both counts.

    >>> m = Utf16Map("a\U00020000b")
    >>> m.to_qt(2), m.from_qt(3)
    (3, 2)
    >>> Utf16Map("abc").to_qt(2)
    2
    """

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # positions (in UTF-16) of the astral characters, for the reverse lookup
        self._astral_qt = [p + k for k, p in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        # every astral character before ``position`` counts one unit too many; a
        # position inside a surrogate pair maps to the character that starts it
        return position - bisect.bisect_right(self._astral_qt, position - 1)
